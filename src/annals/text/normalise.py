"""Traditional → simplified Chinese view of a text, with the same length as the original."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

import opencc

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert_run(run: str) -> str:
    out = _converter("t2s").convert(run)
    if len(out) == len(run):
        return out
    # A phrase rule changed the length: convert character by character instead.
    convert = _converter("t2s").convert
    return "".join(c if len(s := convert(c)) != 1 else s for c in run)


def normalise(text: str) -> str:
    """Return ``text`` with traditional Chinese converted to simplified (OpenCC ``t2s``).

    Only runs of Han characters are converted, and the result always has the same length as
    ``text``, so every offset into it is also an offset into ``text``.
    """
    if not _HAN.search(text):
        return text
    return _HAN.sub(lambda m: _convert_run(m.group()), text)


def script_counts(text: str) -> tuple[int, int]:
    """Count (traditional-only, simplified-only) Han characters in ``text``.

    Characters that ``t2s`` changes are traditional-only, those ``s2t`` changes simplified-only.
    """
    han = "".join(_HAN.findall(text))
    if not han:
        return 0, 0
    trad = sum(a != b for a, b in zip(han, _converter("t2s").convert(han), strict=False))
    simp = sum(a != b for a, b in zip(han, _converter("s2t").convert(han), strict=False))
    return trad, simp


def han_script(text: str) -> Literal["Hans", "Hant", "mixed"]:
    """Say whether the Han characters of ``text`` are simplified, traditional or a mix of both.

    Text made only of characters shared by both scripts counts as simplified. Lines are judged
    one by one, so a simplified paragraph next to traditional ones makes the text ``mixed``.
    """
    kinds = set()
    total_trad = total_simp = 0
    for line in text.splitlines():
        trad, simp = script_counts(line)
        total_trad, total_simp = total_trad + trad, total_simp + simp
        if trad >= 2 and trad > 4 * simp:
            kinds.add("Hant")
        elif simp >= 2 and simp > 4 * trad:
            kinds.add("Hans")
    if len(kinds) == 2:
        return "mixed"
    if total_trad and total_simp and min(total_trad, total_simp) >= 0.2 * (total_trad + total_simp):
        return "mixed"
    return "Hant" if total_trad > total_simp else "Hans"
