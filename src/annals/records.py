"""Typed records passed between pipeline stages.

Every record is a frozen dataclass. Character offsets (``start``, ``end``) always index the
document's original ``text`` (Python ``str`` indices, end exclusive), so any record can be traced
back to the exact words it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
"""How much of an ISO date is known: ``2022-09-15`` (day), ``2022-09`` (month), ``2022`` (year)."""

FoundBy = Literal["given", "metadata", "dateline", "inferred"]
"""How a document field was found: passed by the user, read from file metadata (HTML meta
tags, JSONL keys, WARC headers), read from a dateline or byline in the text, or inferred."""


@dataclass(frozen=True)
class RawArticle:
    """One article as a reader produced it, before metadata detection and storage."""

    text: str
    source: str
    """Where it was read from: a path, ``path:line`` (JSONL), ``path#record`` (WARC), or ``-``."""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str | None = None
    format: str = "text"


@dataclass(frozen=True)
class Document:
    """A stored article: text plus metadata, each field with how it was found."""

    id: str
    """Content hash (SHA-256 hex of the normalised text); documents are unique by it."""
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_precision: Precision | None = None
    languages: tuple[str, ...] = ()
    url: str | None = None
    source: str | None = None
    format: str = "text"
    found: tuple[tuple[str, FoundBy], ...] = ()
    """Pairs (field, how) for title, outlet, published and languages."""

    def found_by(self, name: str) -> FoundBy | None:
        """How field ``name`` was found, or None when it is unknown."""
        return dict(self.found).get(name)


@dataclass(frozen=True)
class LanguageRun:
    """A maximal stretch of the text in one language (``zh`` runs carry their script)."""

    start: int
    end: int
    lang: str
    """ISO 639-1 code (``en``, ``zh``, ``ru``, ...) or ``und`` when undetermined."""
    script: Literal["Hans", "Hant", "mixed"] | None = None


@dataclass(frozen=True)
class TimeExpression:
    """A time expression in the text, resolved against the publication date."""

    start: int
    end: int
    text: str
    value: str | None
    """ISO date at ``precision`` (``2022-09-15``, ``2022-09``, ``2022``), None if unresolvable."""
    precision: Precision | None
    end_value: str | None = None
    """Last day of a range ("May 16-17", "a three-day visit"), at the same precision."""


@dataclass(frozen=True)
class Sentence:
    """A sentence with its language and the date it most likely talks about."""

    index: int
    start: int
    end: int
    text: str
    lang: str
    paragraph: int
    script: Literal["Hans", "Hant", "mixed"] | None = None
    normalised: str = ""
    """The sentence in the matching view (Chinese in simplified characters), same length as text."""
    date: str | None = None
    date_precision: Precision | None = None
    date_source: Literal["own", "carried", "published"] | None = None


@dataclass(frozen=True)
class TextAnalysis:
    """Everything the text stage finds in one document."""

    runs: tuple[LanguageRun, ...]
    sentences: tuple[Sentence, ...]
    times: tuple[TimeExpression, ...]
    languages: tuple[str, ...] = field(default=())
    """Languages of the document, most text first."""


@dataclass(frozen=True)
class Mention:
    """A mention of an actor in the text, resolved against the gazetteer."""

    start: int
    end: int
    text: str
    sentence: int
    """Index of the sentence it is in."""
    entity_id: str | None
    """Gazetteer id of a state, person or organisation; None for an unnamed agent."""
    name: str
    """The most specific name: the person, body, or the country itself."""
    code: str | None
    """Country (ISO3) or organisation code (UN, NATO, ...); None when unknown."""
    sector: str | None
    """CAMEO-style sector (GOV, MIL, LEG, PTY, MED, CVL, ...); None for a state as a whole."""
    kind: Literal["state", "person", "organisation", "agent", "seat", "role", "place"]
    """``seat``: a capital or government seat standing for its government ("the Kremlin");
    ``place``: a city or region (its civilians when it is acted upon; a place when after "in")."""
    how: Literal["alias", "role", "title", "agent", "ner", "coref"]
    commentator: bool = False
    """An analyst, scholar or journalist: never the source of an event."""

    @property
    def actor_code(self) -> str:
        """CAMEO-style actor code: country plus sector, e.g. ``RUSGOV``, ``NATO``."""
        return (self.code or "") + (self.sector or "") if self.sector != "IGO" else self.code or ""


@dataclass(frozen=True)
class Event:
    """A CAMEO-coded act of a source actor towards a target actor, with its evidence."""

    sentence: int
    start: int
    end: int
    """Character span of the evidence (at least the predicate; usually source to target)."""
    text: str
    """The evidence words: ``document.text[start:end]``."""
    source: Mention
    target: Mention
    cameo: str
    root: str
    plover: str
    quad_class: int
    goldstein: float
    negated: bool = False
    modality: str | None = None
    """``intent``, ``appeal``, ``demand``, ``threaten``, ``future``, ``possible`` or None."""
    date: str | None = None
    date_precision: Precision | None = None
    place: str | None = None
    confidence: float = 0.5
    predicate: str = ""
    """The words the act was read from ("met", "refused to condemn", "会见")."""
    lang: str = "en"
