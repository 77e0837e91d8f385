"""Score extracted time expressions against gold ``*.times.jsonl`` rows (see the gold GUIDE)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from annals.records import TimeExpression
from annals.text.when import When, enclosing, parse_published


def _occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text``, word-bounded ones first when there are any."""
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    bounded = [
        s
        for s in starts
        if (s == 0 or not text[s - 1].isalnum())
        and (s + len(needle) >= len(text) or not text[s + len(needle)].isalnum())
    ]
    return bounded or starts


def effective(expr: TimeExpression) -> tuple[str | None, str | None]:
    """Value and precision an expression is scored at: a range counts as the smallest calendar
    unit that holds all of it ("June 9 to 16" → the month)."""
    if expr.value is None or expr.end_value is None:
        return expr.value, expr.precision
    start, last = parse_published(expr.value), parse_published(expr.end_value)
    if start is None or last is None:
        return expr.value, expr.precision
    return enclosing(When(start.day, start.prec, last.day))


def score_times(
    gold_rows: Sequence[Mapping[str, object]],
    found: Mapping[str, Sequence[TimeExpression]],
    texts: Mapping[str, str],
) -> dict[str, object]:
    """Recall of gold time expressions and the share of found ones resolved right.

    ``found`` maps a document name to its extracted expressions and ``texts`` to its text, in
    which each gold ``text`` is located (the k-th gold row with the same text in a document takes
    the k-th occurrence). A gold expression is found when an extracted span overlaps it (the one
    overlapping most is scored); it is resolved when that one's value and precision equal the
    gold ``date`` and ``precision``. Documents missing from ``texts`` count as misses.
    """
    seen: dict[tuple[str, str], int] = {}
    n = hit = right = 0
    misses: list[dict[str, object]] = []
    wrong: list[dict[str, object]] = []
    for row in gold_rows:
        doc, needle = str(row["doc"]), str(row["text"])
        n += 1
        k = seen.get((doc, needle), 0)
        seen[(doc, needle)] = k + 1
        starts = _occurrences(texts.get(doc, ""), needle)
        if not starts:
            misses.append({**row, "reason": "text not in document"})
            continue
        start = starts[min(k, len(starts) - 1)]
        end = start + len(needle)
        overlapping = [e for e in found.get(doc, ()) if e.start < end and e.end > start]
        if not overlapping:
            misses.append(dict(row))
            continue
        hit += 1
        best = max(overlapping, key=lambda e: min(e.end, end) - max(e.start, start))
        value, precision = effective(best)
        if value == row.get("date") and precision == row.get("precision"):
            right += 1
        else:
            wrong.append({**row, "found": best.text, "value": value, "found_precision": precision})
    return {
        "n": n,
        "found": hit / n if n else 0.0,
        "resolved": right / hit if hit else 0.0,
        "misses": misses,
        "wrong": wrong,
    }
