"""Scoring story clustering against gold ``story`` labels, by the annotation guide's rules.

Events sharing a gold ``story`` label should share one extracted story, and no other. Only gold
events that carry a label and were matched to an extracted event are scored.

Matching a gold line to an extracted event: same document and the same (source code, target
code, root, negated), as in event scoring. When several extracted events of the document have
that key, the one whose date agrees with the gold date at the gold precision is preferred, then
the one with the nearest date string, then the first; each extracted event matches at most one
gold line.

Pairwise scores over the matched gold events: a pair is *gold-same* when both lines carry the
same label and *found-same* when both matched events are in the same extracted story;
precision = both / found-same, recall = both / gold-same, F1 their harmonic mean. With no pairs
on a side the corresponding score is 1.0 (nothing to get wrong).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from typing import Any

from annals.eval.docs import same_date


def _attr(obj: Any, *names: str) -> Any:
    for name in names:
        if isinstance(obj, Mapping) and name in obj:
            return obj[name]
        if hasattr(obj, name):
            return getattr(obj, name)
    return None


def event_key(event: Any) -> tuple:
    """(source code, target code, root, negated) of a StoryEvent, StoredEvent or Event."""
    source, target = _attr(event, "source"), _attr(event, "target")
    if source is not None and hasattr(source, "code"):
        codes = (source.code, target.code)
    else:
        codes = (_attr(event, "source_code"), _attr(event, "target_code"))
    root = _attr(event, "root") or str(_attr(event, "cameo"))[:2]
    return (*codes, root, bool(_attr(event, "negated")))


def match_gold(
    gold_rows: Iterable[Mapping], events_by_doc: Mapping[str, Sequence[Any]]
) -> list[tuple[Mapping, Any]]:
    """Pairs (gold line, extracted event id) for the gold lines that carry a story label and
    match an extracted event (see the module docstring)."""
    used: set = set()
    pairs = []
    for row in gold_rows:
        if not row.get("story"):
            continue
        key = (row["source"], row["target"], row["root"], bool(row["negated"]))
        gold_date = row.get("date") or ""
        candidates = [
            e
            for e in events_by_doc.get(row["doc"], ())
            if event_key(e) == key and _attr(e, "id") not in used
        ]
        if not candidates:
            continue

        def rank(event: Any, gold_date: str = gold_date) -> tuple:
            found = _attr(event, "date") or ""
            agree = bool(gold_date) and same_date(found or None, gold_date)
            common = next(
                (i for i, (a, b) in enumerate(zip(found, gold_date, strict=False)) if a != b),
                min(len(found), len(gold_date)),
            )
            return (not agree, -common)

        best = min(candidates, key=rank)
        used.add(_attr(best, "id"))
        pairs.append((row, _attr(best, "id")))
    return pairs


def score_stories(
    gold_rows: Sequence[Mapping],
    stories: Iterable[Any],
    events_by_doc: Mapping[str, Sequence[Any]],
) -> dict:
    """Pairwise precision, recall and F1 of ``stories`` (objects with ``event_ids``) against the
    gold story labels; ``events_by_doc`` maps a gold document name to its extracted events
    (objects with ``id`` and the fields of :func:`event_key`)."""
    story_of = {eid: story.id for story in stories for eid in story.event_ids}
    matched = match_gold(gold_rows, events_by_doc)
    labels = {row["story"] for row in gold_rows if row.get("story")}
    both = gold_same = found_same = 0
    for (row_a, id_a), (row_b, id_b) in combinations(matched, 2):
        same_gold = row_a["story"] == row_b["story"]
        same_found = story_of.get(id_a) is not None and story_of.get(id_a) == story_of.get(id_b)
        gold_same += same_gold
        found_same += same_found
        both += same_gold and same_found
    precision = both / found_same if found_same else 1.0
    recall = both / gold_same if gold_same else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(labels),
        "events": sum(1 for row in gold_rows if row.get("story")),
        "matched": len(matched),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "gold_pairs": gold_same,
        "found_pairs": found_same,
    }
