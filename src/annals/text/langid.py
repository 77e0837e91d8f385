"""Language runs: script ranges first, lingua only where a script is shared by many languages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from annals.records import LanguageRun
from annals.text.normalise import han_script

_RANGES = {
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff\u3007",
    "kana": "\u3040-\u30ff\u31f0-\u31ff",
    "hangul": "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f",
    "cyr": "\u0400-\u052f",
    "lat": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "arab": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "hebr": "\u0590-\u05ff",
    "grek": "\u0370-\u03ff",
    "thai": "\u0e00-\u0e7f",
    "deva": "\u0900-\u097f",
    "geor": "\u10a0-\u10ff",
    "armn": "\u0531-\u058f",
}
# One match per stretch of one script on one line; neutral characters join the stretch before.
# (The ranges are disjoint, so "its script or neutral" is one class: any character but a newline
# and the other scripts. An alternation here took 250 bytes of regex stack per character.)
_STRETCH = re.compile(
    "|".join(
        f"(?P<{name}>[{chars}][^\\n{''.join(c for n, c in _RANGES.items() if n != name)}]*)"
        for name, chars in _RANGES.items()
    )
)
_FIXED = {
    "hangul": "ko",
    "arab": "ar",
    "hebr": "he",
    "grek": "el",
    "thai": "th",
    "deva": "hi",
    "geor": "ka",
    "armn": "hy",
}
_KANA = re.compile(f"[{_RANGES['kana']}]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_EN_FUNCTION = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by",
    "at", "from", "it", "he", "said", "his", "has", "have", "are", "be", "not", "this", "which",
    "its", "an", "but", "were", "had", "will", "would", "they", "their", "who", "been", "after",
    "or", "also", "over", "than", "more", "about", "into", "against"
})  # fmt: skip
_LATIN_LANGS = (
    Language.ENGLISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.DUTCH,
    Language.POLISH,
    Language.TURKISH,
    Language.INDONESIAN,
    Language.VIETNAMESE,
    Language.ROMANIAN,
    Language.CZECH,
    Language.SWEDISH,
)
_CYRILLIC_LANGS = (
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.BELARUSIAN,
    Language.BULGARIAN,
    Language.SERBIAN,
    Language.MACEDONIAN,
    Language.KAZAKH,
)
_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэёЫЭЁ")
_OTHER_CYR = set("ўЎјЈљЉњЊћЋђЂџЏѓЃќЌѕЅәӘғҒқҚңҢөӨұҰүҮһҺ")
_LINGUA_WORDS = 8
"""Latin stretches shorter than this are too short for lingua to tell apart reliably."""
_SHORT = 4
"""A stretch with fewer words than this takes its language from its neighbours."""


@lru_cache(maxsize=2)
def _detector(script: str) -> LanguageDetector:
    langs = _LATIN_LANGS if script == "lat" else _CYRILLIC_LANGS
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


_LINGUA_CHARS = 10_000
"""lingua reads at most this much of a stretch (its time grows with the square of a word's
length: a 2 MB line without spaces took over half an hour)."""


def _lingua(script: str, text: str) -> str:
    found = _detector(script).detect_language_of(text[:_LINGUA_CHARS])
    return found.iso_code_639_1.name.lower() if found else "und"


def _latin_lang(text: str) -> str:
    """English by its function words; a longer stretch without them goes to lingua; a short
    one (a byline, a dateline) stays undetermined and follows its neighbours."""
    words = _LATIN_WORD.findall(text, 0, 600)
    hits = sum(w.lower() in _EN_FUNCTION for w in words)
    if hits >= 2 and hits >= 0.12 * len(words):
        return "en"
    return _lingua("lat", text) if len(words) >= _LINGUA_WORDS else "und"


def _cyrillic_lang(text: str) -> str:
    chars = set(text)
    if chars & (_UK_ONLY | _OTHER_CYR) or ("ъ" in chars and not chars & _RU_ONLY):
        return _lingua("cyr", text)  # Ukrainian, Belarusian, Serbian, Kazakh... or Bulgarian
    return "ru"


@dataclass
class _Stretch:
    start: int
    end: int
    script: str
    words: int
    lang: str = "und"


def _stretches(text: str) -> list[_Stretch]:
    out: list[_Stretch] = []
    for m in _STRETCH.finditer(text):
        script = m.lastgroup or "lat"
        chunk = m.group()
        end = m.end() - (len(chunk) - len(chunk.rstrip()))
        words = len(chunk.split()) if script not in ("han", "kana") else len(chunk) // 2 + 1
        if out and out[-1].script == script and "\n" not in text[out[-1].end : m.start()]:
            out[-1].end, out[-1].words = end, out[-1].words + words
        else:
            out.append(_Stretch(m.start(), end, script, words))
    return out


def _same_line(text: str, a: _Stretch, b: _Stretch) -> bool:
    return "\n" not in text[a.end : b.start]


def _absorb(text: str, stretches: list[_Stretch]) -> list[_Stretch]:
    """Fold short foreign stretches (names, tags) into the stretch of the line around them."""
    out: list[_Stretch] = []
    for i, s in enumerate(stretches):
        if s.words < _SHORT:
            prev = out[-1] if out and _same_line(text, out[-1], s) else None
            nxt = stretches[i + 1] if i + 1 < len(stretches) else None
            nxt = nxt if nxt and _same_line(text, s, nxt) and nxt.words >= _SHORT else None
            host = prev or nxt
            if host is not None and host.script != s.script:
                if host is prev:
                    prev.end, prev.words = s.end, prev.words + s.words
                else:
                    nxt.start = s.start
                continue
        if out and out[-1].script == s.script and _same_line(text, out[-1], s):
            out[-1].end, out[-1].words = s.end, out[-1].words + s.words
        else:
            out.append(s)
    return out


def _label(text: str, stretches: list[_Stretch]) -> None:
    has_kana = _KANA.search(text) is not None
    for s in stretches:
        chunk = text[s.start : s.end]
        if s.script == "han":
            s.lang = "ja" if has_kana and _line_has_kana(text, s) else "zh"
        elif s.script == "kana":
            s.lang = "ja"
        elif s.script in _FIXED:
            s.lang = _FIXED[s.script]
        elif s.words >= _SHORT:
            s.lang = _latin_lang(chunk) if s.script == "lat" else _cyrillic_lang(chunk)
    # Short stretches on their own line (headings, bylines) follow a long neighbour of the script.
    for i, s in enumerate(stretches):
        if s.lang != "und" or s.script not in ("lat", "cyr"):
            continue
        near = [t for t in stretches[i - 1 :: -1] if t.script == s.script and t.lang != "und"]
        near += [t for t in stretches[i + 1 :] if t.script == s.script and t.lang != "und"]
        if near:
            s.lang = near[0].lang
        elif s.script == "lat":
            s.lang = _lingua("lat", text[s.start : s.end])
        else:
            s.lang = _cyrillic_lang(text[s.start : s.end])


def _line_has_kana(text: str, s: _Stretch) -> bool:
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return _KANA.search(line) is not None


def language_runs(text: str) -> tuple[LanguageRun, ...]:
    """Split ``text`` into maximal runs of one language covering it from start to end.

    Short stretches of another script inside a line (a Latin name in Chinese text) stay in the
    run around them. Chinese runs carry their script (``Hans``, ``Hant`` or ``mixed``).
    """
    if not text:
        return ()
    stretches = _absorb(text, _stretches(text))
    if not stretches:
        return (LanguageRun(0, len(text), "und"),)
    _label(text, stretches)
    merged: list[_Stretch] = []
    for s in stretches:
        if merged and merged[-1].lang == s.lang:
            merged[-1].end = s.end
        else:
            merged.append(s)
    runs: list[LanguageRun] = []
    start = 0
    for i, s in enumerate(merged):
        if i + 1 < len(merged):
            gap_start, gap_end = s.end, merged[i + 1].start
            newline = text.rfind("\n", gap_start, gap_end)
            end = newline + 1 if newline >= 0 else gap_end
        else:
            end = len(text)
        script = han_script(text[start:end]) if s.lang == "zh" else None
        runs.append(LanguageRun(start, end, s.lang, script))
        start = end
    return tuple(runs)


def document_languages(text: str, runs: tuple[LanguageRun, ...]) -> tuple[str, ...]:
    """Languages of the document, most non-space text first (``und`` left out)."""
    size: dict[str, int] = {}
    for r in runs:
        if r.lang != "und":
            chunk = text[r.start : r.end]
            size[r.lang] = size.get(r.lang, 0) + len(chunk) - chunk.count(" ")
    # A CJK character carries about as much as three Latin or Cyrillic letters.
    weight = {"zh": 3, "ja": 3, "ko": 2}
    return tuple(sorted(size, key=lambda k: -size[k] * weight.get(k, 1)))
