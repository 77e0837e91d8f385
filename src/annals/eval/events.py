"""Scoring events against gold ``*.events.jsonl`` by the annotation guide's rules.

Events are matched per article on (source, target, root, negated); precision, recall and F1 are
micro-averaged over all articles, and broken down by language and by root. Date accuracy is the
share of matched events whose date is right at the gold precision. State-level gold leaves out
events whose source or target is not a state-level actor (rebels, opposition, civilians,
business, media, former officials); ``all_actors`` keeps them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from annals.eval.docs import same_date
from annals.records import Event, Mention

STATE_LEVEL_SECTORS = {None, "GOV", "MIL", "LEG", "JUD", "SPY", "COP", "PTY", "IGO"}


def state_level(mention: Mention) -> bool:
    """A state, government, official or body, party, army or intergovernmental organisation."""
    return mention.sector in STATE_LEVEL_SECTORS and not mention.commentator


def _key(row: Mapping) -> tuple:
    return (row["source"], row["target"], row["root"], bool(row["negated"]))


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def score_events(
    gold_rows: Sequence[Mapping],
    found: Mapping[str, Sequence[Event]],
    languages: Mapping[str, str] | None = None,
    all_actors: bool = False,
) -> dict:
    """Scores of the events ``found`` per gold document name against the gold rows."""
    languages = languages or {}
    gold: dict[str, dict[tuple, Mapping]] = {}
    for row in gold_rows:
        gold.setdefault(row["doc"], {}).setdefault(_key(row), row)
    tp = fp = fn = dated = 0
    by_lang: dict[str, Counter] = {}
    by_root: dict[str, Counter] = {}
    misses, false_alarms = [], []
    for doc in sorted(set(gold) | set(found)):
        predicted: dict[tuple, Event] = {}
        for event in found.get(doc, []):
            if not all_actors and not (state_level(event.source) and state_level(event.target)):
                continue
            key = (event.source.code, event.target.code, event.root, event.negated)
            if key not in predicted or event.confidence > predicted[key].confidence:
                predicted[key] = event
        expected = gold.get(doc, {})
        lang = languages.get(doc, "?")
        for key in set(predicted) | set(expected):
            hit = key in predicted and key in expected
            outcome = "tp" if hit else "fp" if key in predicted else "fn"
            by_lang.setdefault(lang, Counter())[outcome] += 1
            by_root.setdefault(key[2], Counter())[outcome] += 1
            if hit:
                tp += 1
                row = expected[key]
                dated += same_date(predicted[key].date, row.get("date"))
            elif key in predicted:
                fp += 1
                e = predicted[key]
                false_alarms.append(
                    {
                        "doc": doc,
                        "event": list(key),
                        "source": e.source.name,
                        "target": e.target.name,
                        "cameo": e.cameo,
                        "evidence": e.text[:160],
                    }
                )
            else:
                fn += 1
                row = expected[key]
                misses.append(
                    {
                        "doc": doc,
                        "event": list(key),
                        "cameo": row.get("cameo"),
                        "evidence": row.get("evidence"),
                    }
                )
    result = {
        "n": sum(len(v) for v in gold.values()),
        **_prf(tp, fp, fn),
        "date_accuracy": round(dated / tp, 4) if tp else 0.0,
    }
    result["by_language"] = {k: _prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(by_lang.items())}
    result["by_root"] = {k: _prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(by_root.items())}
    result["misses"] = misses
    result["false_alarms"] = false_alarms
    return result
