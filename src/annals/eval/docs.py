"""Scoring document metadata (outlet, publication date, languages) against gold."""

from __future__ import annotations

from collections.abc import Mapping

from annals.records import Document


def same_outlet(found: str | None, gold: str | None) -> bool:
    """Outlets compare case-insensitively, ignoring a leading "The"."""

    def key(name: str | None) -> str | None:
        if name is None:
            return None
        name = name.strip().lower()
        return name[4:] if name.startswith("the ") else name

    return key(found) == key(gold)


def same_date(found: str | None, gold: str | None) -> bool:
    """Dates compare at the gold's precision: ``2021-06-28`` matches gold ``2021``."""
    if gold is None or found is None:
        return gold is None and found is None
    return len(found) >= len(gold) and found[: len(gold)] == gold


def score_docs(gold_rows: list[dict], found: Mapping[str, Document]) -> dict:
    """Share of gold articles whose outlet, date, both, and language set are right."""
    rows = []
    for gold in gold_rows:
        doc = found.get(gold["doc"])
        outlet = doc is not None and same_outlet(doc.outlet, gold.get("outlet"))
        published = doc is not None and same_date(doc.published, gold.get("published"))
        languages = doc is not None and set(doc.languages) == set(gold.get("languages") or [])
        rows.append(
            {
                "doc": gold["doc"],
                "outlet": outlet,
                "published": published,
                "languages": languages,
                "found": None
                if doc is None
                else {"outlet": doc.outlet, "published": doc.published, "languages": doc.languages},
                "gold": {k: gold.get(k) for k in ("outlet", "published", "languages")},
            }
        )
    n = len(rows)

    def share(key: str) -> float:
        return round(sum(r[key] for r in rows) / n, 4) if n else 0.0

    both = round(sum(r["outlet"] and r["published"] for r in rows) / n, 4) if n else 0.0
    return {
        "n": n,
        "outlet": share("outlet"),
        "published": share("published"),
        "outlet_and_published": both,
        "languages": share("languages"),
        "errors": [r for r in rows if not (r["outlet"] and r["published"] and r["languages"])],
    }
