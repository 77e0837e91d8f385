"""Scoring quotes against gold ``*.quotes.jsonl`` by the annotation guide's rules.

A found quote matches a gold one when it is of the same kind (direct or reported), its span
overlaps an occurrence of the gold quote in the document, and its speaker is the same: the gold
speaker string resolved with :func:`annals.actors.resolve` names the same entity, or (for speakers
outside the gazetteer: commentators, documents, "the author") the names contain one another.
Each gold quote matches at most one found quote. F1 is micro-averaged over all documents,
separately for direct and reported quotes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from annals.eval.events import _prf
from annals.quotes import Quote

PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*")
SPACE = re.compile(r"\s+")
QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Spans of ``quote`` in ``text``; quote marks, apostrophes and spaces compared loosely."""
    spans = [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]
    if spans or not quote.strip():
        return spans
    folded = text.translate(QUOTE_CHARS)
    words = quote.translate(QUOTE_CHARS).strip().split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, folded)]


@lru_cache(maxsize=4096)
def _gold_speaker(name: str, date: str | None) -> tuple[str | None, str]:
    """The gold speaker's entity id (when the whole name resolves to one) and its bare name."""
    from annals.actors import resolve

    bare = PARENTHESIS.sub(" ", name).strip() or name
    mention = resolve(bare, date)
    if mention is None or mention.entity_id is None:
        return None, bare
    if mention.kind in ("state", "seat") and len(mention.text) < 0.5 * len(bare):
        return None, bare  # "China-Russia joint statement" is not China
    if len(mention.text) < 0.5 * len(bare):
        return None, bare
    return mention.entity_id, bare


def _fold(name: str) -> str:
    return SPACE.sub(" ", name.translate(QUOTE_CHARS)).strip().lower()


def same_speaker(gold: str, quote: Quote, date: str | None = None) -> bool:
    """Whether ``quote``'s speaker is the person (or body) the gold ``speaker`` string names."""
    entity, bare = _gold_speaker(gold, date)
    if entity is not None and quote.speaker_id is not None:
        return entity == quote.speaker_id
    found = _fold(quote.speaker_name)
    if not found:
        return False
    if quote.speaker is not None and quote.speaker.kind in ("state", "seat"):
        return False  # a state matches by its id only
    whole = _fold(gold)
    if found in whole or _fold(bare) in found:
        return True
    surname = found.split()[-1]
    return len(surname) > 2 and surname in _fold(bare).split()


def score_quotes(
    gold_rows: Sequence[Mapping],
    found: Mapping[str, Sequence[Quote]],
    texts: Mapping[str, str],
    published: Mapping[str, str | None] | None = None,
) -> dict:
    """Scores of the quotes ``found`` per gold document name against the gold rows.

    ``texts`` are the documents' texts (to locate the gold quotes); ``published`` their
    publication dates, against which gold speakers are resolved.
    """
    published = published or {}
    gold_by_doc: dict[str, list[Mapping]] = {}
    for row in gold_rows:
        gold_by_doc.setdefault(row["doc"], []).append(row)
    counts = {True: [0, 0, 0], False: [0, 0, 0]}  # tp, fp, fn
    misses: list[dict] = []
    false_alarms: list[dict] = []
    for doc in sorted(set(gold_by_doc) | set(found)):
        text = texts.get(doc, "")
        date = published.get(doc)
        quotes = list(found.get(doc, ()))
        rows = gold_by_doc.get(doc, [])
        pairs = []  # (overlap, gold index, found index): the largest overlaps are paired first
        for g, row in enumerate(rows):
            spans = occurrences(text, row["quote"])
            for k, quote in enumerate(quotes):
                if quote.direct != bool(row["direct"]):
                    continue
                overlap = max(
                    (min(b, quote.end) - max(a, quote.start) for a, b in spans), default=0
                )
                if overlap > 0 and same_speaker(row["speaker"], quote, date):
                    pairs.append((overlap, g, k))
        used: set[int] = set()
        matched: set[int] = set()
        for _, g, k in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if g not in matched and k not in used:
                matched.add(g)
                used.add(k)
        for g, row in enumerate(rows):
            direct = bool(row["direct"])
            if g in matched:
                counts[direct][0] += 1
            else:
                counts[direct][2] += 1
                misses.append({"doc": doc, **{k: row[k] for k in ("quote", "speaker", "direct")}})
        for k, quote in enumerate(quotes):
            if k not in used:
                counts[quote.direct][1] += 1
                false_alarms.append(
                    {
                        "doc": doc,
                        "quote": quote.text,
                        "speaker": quote.speaker_name,
                        "direct": quote.direct,
                    }
                )
    direct, reported = _prf(*counts[True]), _prf(*counts[False])
    return {
        "n": sum(len(rows) for rows in gold_by_doc.values()),
        "direct_f1": direct["f1"],
        "reported_f1": reported["f1"],
        "direct": direct,
        "reported": reported,
        "misses": misses,
        "false_alarms": false_alarms,
    }
