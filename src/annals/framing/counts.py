"""Counts of the paired terms per outlet, per period (month) and per language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from annals.framing.lexicon import Concept, Matcher, load_terms
from annals.text.normalise import normalise

UNKNOWN = "(unknown)"
"""Outlet or period label for documents that do not say."""


@dataclass(frozen=True)
class TermCount:
    """How often one outlet used one term for a concept in one month and language."""

    outlet: str
    period: str
    concept: str
    term: str
    lang: str
    count: int


@dataclass(frozen=True)
class FramingTable:
    """Term counts; the methods sum them per outlet or per outlet and period."""

    rows: tuple[TermCount, ...]
    documents: int

    def per_outlet(self) -> dict[str, dict[str, dict[str, int]]]:
        """outlet → concept → term → count, over all periods and languages."""
        out: dict[str, dict[str, dict[str, int]]] = {}
        for r in self.rows:
            terms = out.setdefault(r.outlet, {}).setdefault(r.concept, {})
            terms[r.term] = terms.get(r.term, 0) + r.count
        return out

    def per_period(self) -> dict[tuple[str, str], dict[str, dict[str, int]]]:
        """(outlet, month) → concept → term → count."""
        out: dict[tuple[str, str], dict[str, dict[str, int]]] = {}
        for r in self.rows:
            terms = out.setdefault((r.outlet, r.period), {}).setdefault(r.concept, {})
            terms[r.term] = terms.get(r.term, 0) + r.count
        return out

    def differing(self) -> dict[str, dict[str, str]]:
        """Concepts for which outlets' most used terms differ: concept → outlet → top term."""
        tops: dict[str, dict[str, str]] = {}
        for outlet, concepts in self.per_outlet().items():
            for concept, terms in concepts.items():
                top = min(terms.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                tops.setdefault(concept, {})[outlet] = top
        return {c: o for c, o in sorted(tops.items()) if len(set(o.values())) > 1}

    def frame(self):
        """The rows as a pandas DataFrame."""
        import pandas as pd

        columns = ["outlet", "period", "concept", "term", "lang", "count"]
        return pd.DataFrame([[getattr(r, c) for c in columns] for r in self.rows], columns=columns)

    def render(self, concepts: Iterable[str] | None = None) -> str:
        """A plain-text table: one line per concept and outlet, ``term=count`` pairs."""
        wanted = set(concepts) if concepts is not None else None
        lines = []
        per = self.per_outlet()
        for outlet in sorted(per):
            for concept, terms in sorted(per[outlet].items()):
                if wanted is None or concept in wanted:
                    pairs = ", ".join(
                        f"{t}={n}" for t, n in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))
                    )
                    lines.append(f"{concept:<24} {outlet:<20} {pairs}")
        return "\n".join(lines)


def doc_fields(doc: Any) -> tuple[str, str | None, str | None, str]:
    """(id, outlet, published, text) of a tuple or a Document-like object."""
    if isinstance(doc, tuple):
        doc_id, outlet, published, text = doc
        return doc_id, outlet, published, text
    return doc.id, doc.outlet, doc.published, doc.text


@cache
def concept_matchers(concepts: tuple[Concept, ...]) -> tuple[tuple[str, Matcher], ...]:
    """One matcher per concept (labels are its terms)."""
    return tuple((c.name, Matcher({t.label: dict(t.forms) for t in c.terms})) for c in concepts)


def term_counts(docs: Iterable[Any], concepts: tuple[Concept, ...] | None = None) -> FramingTable:
    """Count every concept's terms in ``docs`` — (document id, outlet, published, text) tuples
    or Document-like objects — per outlet, month of publication and language."""
    matchers = concept_matchers(concepts or load_terms())
    counts: Counter = Counter()
    n = 0
    for doc in docs:
        _, outlet, published, text = doc_fields(doc)
        n += 1
        period = published[:7] if published and len(published) >= 7 else published or UNKNOWN
        simplified = normalise(text)
        for concept, matcher in matchers:
            for hit in matcher.find(text, simplified):
                counts[(outlet or UNKNOWN, period, concept, hit.label, hit.lang)] += 1
    rows = tuple(TermCount(*key, count) for key, count in sorted(counts.items()))
    return FramingTable(rows, n)
