"""Lexicon-based tone of each outlet towards each actor (see the package docstring)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from annals.framing.counts import UNKNOWN, doc_fields
from annals.framing.lexicon import Matcher, load_tone
from annals.text.normalise import normalise

WINDOW = 60
"""Characters either side of a mention searched for tone words (Latin and Cyrillic text)."""
WINDOW_HAN = 20
"""The same for Chinese text, where one character carries more than one letter does."""
_SENTENCE_END = re.compile(r"[.!?;。！？；]+[\"'”’」』)]*\s*|\n\s*\n|\n")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class ToneScore:
    """An outlet's tone towards an actor: (positive − negative) / (positive + negative + 1)."""

    outlet: str
    actor: str
    mentions: int
    positive: int
    negative: int

    @property
    def score(self) -> float:
        """In (−1, 1); 0 when no tone word is near any mention."""
        return round((self.positive - self.negative) / (self.positive + self.negative + 1), 4)


@cache
def _tone_matcher() -> Matcher:
    return Matcher(load_tone())


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (a light splitter; offsets into ``text``)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.end() < len(text)]


def _actor(mention: Any) -> str:
    for name in ("code", "entity_id", "name"):
        value = getattr(mention, name, None)
        if value:
            return value
    return "?"


def tone(docs: Iterable[Any], mentions: Mapping[str, Iterable[Any]]) -> list[ToneScore]:
    """Tone per (outlet, actor) over ``docs`` ((id, outlet, published, text) tuples or
    Document-like objects); ``mentions`` maps a document id to its actor mentions (objects with
    ``start``, ``end`` and ``code``, ``entity_id`` or ``name``: the actor key, first found)."""
    matcher = _tone_matcher()
    totals: dict[tuple[str, str], list[int]] = {}
    for doc in docs:
        doc_id, outlet, _, text = doc_fields(doc)
        found = list(mentions.get(doc_id, ()))
        if not found:
            continue
        simplified = normalise(text)
        hits = sorted(matcher.find(text, simplified), key=lambda h: h.start)
        starts = [h.start for h in hits]
        bounds = sentence_bounds(text)
        for mention in found:
            i = bisect.bisect_right(bounds, mention.start) - 1
            s_start = bounds[i]
            s_end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
            han = len(_HAN.findall(text[s_start:s_end])) * 3 > s_end - s_start
            width = WINDOW_HAN if han else WINDOW
            lo, hi = max(s_start, mention.start - width), min(s_end, mention.end + width)
            pos = neg = 0
            for hit in hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]:
                if hit.end > hi or (hit.start < mention.end and hit.end > mention.start):
                    continue  # outside the window, or the mention's own words
                if hit.label == "positive":
                    pos += 1
                else:
                    neg += 1
            key = (outlet or UNKNOWN, _actor(mention))
            total = totals.setdefault(key, [0, 0, 0])
            total[0] += 1
            total[1] += pos
            total[2] += neg
    return [ToneScore(o, a, m, p, n) for (o, a), (m, p, n) in sorted(totals.items())]
