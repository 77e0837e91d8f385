"""What the language extractors share: lexicons, cues, modality coding and event building.

A language extractor (``en``, ``zh``, ``ru``) finds predicates in one sentence, decides their
source and target mentions, negation and modality, and calls :func:`build_event`, which applies
CAMEO's modality coding (an intended meeting is 036, a threatened sanction 1312, ...), looks the
code up in the codebook, dates the event by its sentence and refuses events without two distinct
actors or with a commentator as source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from annals.events.codebook import load_codebook
from annals.records import Event, Mention, Sentence

DATA = Path(__file__).parent / "data"
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_EVIDENCE = 400
"""Longer spans (a long sentence) keep only the predicate's own words as evidence."""
VERBAL_CONFLICT = ("09", "13")
"""Roots (investigate ... threaten) whose intended or future form is coded as the act itself,
not as a threat: threats are of force, sanctions and coercion (roots 14-20)."""


@dataclass(frozen=True)
class LexiconEntry:
    """One predicate of a language's lexicon."""

    words: tuple[str, ...]
    code: str
    pos: str | None = None
    target: str | None = None
    symmetric: bool = False
    negated: bool = False
    reverse: bool = False
    """The grammatical subject is the target and the target the source ("received aid from")."""


@dataclass(frozen=True)
class Cues:
    """Negation, refusal, modality and speech cues of one language."""

    negation: frozenset[str]
    refusal: tuple[tuple[str, ...], ...]
    modality: dict[tuple[str, ...], str]
    """cue words -> modality name."""
    speech: tuple[tuple[str, ...], ...]


@cache
def lexicon(lang: str) -> tuple[LexiconEntry, ...]:
    """The predicate lexicon of ``lang`` (``en``, ``zh``, ``ru``)."""
    entries = yaml.load((DATA / f"lexicon_{lang}.yaml").read_text(encoding="utf-8"), SafeLoader)
    return tuple(
        LexiconEntry(
            words=tuple(str(e["phrase"]).split()),
            code=str(e["code"]),
            pos=e.get("pos"),
            target=str(e["target"]) if e.get("target") is not None else None,
            symmetric=bool(e.get("symmetric")),
            negated=bool(e.get("negated")),
            reverse=bool(e.get("reverse")),
        )
        for e in entries
    )


@cache
def _cue_file() -> dict:
    return yaml.load((DATA / "cues.yaml").read_text(encoding="utf-8"), SafeLoader)


@cache
def cues(lang: str) -> Cues:
    """The cue words of ``lang``."""
    raw = _cue_file()[lang]

    def phrases(items: Sequence) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(str(i).split()) for i in items)

    return Cues(
        negation=frozenset(str(w) for w in raw.get("negation", [])),
        refusal=phrases(raw.get("refusal", [])),
        modality={tuple(str(m["cue"]).split()): m["modality"] for m in raw.get("modality", [])},
        speech=phrases(raw.get("speech", [])),
    )


def modal_code(code: str, modality: str | None) -> str:
    """The CAMEO code of an act under a modality: intent to meet (04) is 036, an appeal for
    sanctions relief 0253, a threat of sanctions 1312. ``possible`` keeps the act's own code,
    and so do intent and future on verbal conflict (investigate, demand, disapprove, reject)."""
    if modality in (None, "possible"):
        return code
    if modality in ("intent", "future") and VERBAL_CONFLICT[0] <= code[:2] <= VERBAL_CONFLICT[1]:
        return code  # "wants to investigate", "will protest to Beijing": no threat, the act itself
    table = _cue_file()["modality_codes"]
    conflictual = int(code[:2]) >= 9
    if modality == "future":
        modality = "threaten" if conflictual else "intent"
    if modality == "intent" and conflictual:
        modality = "threaten"
    codes = table.get(modality)
    if not codes:
        return code
    for length in (4, 3, 2):
        if code[:length] in codes:
            return str(codes[code[:length]])
    return str(codes["default"])


def same_actor(a: Mention, b: Mention) -> bool:
    """Whether two mentions stand for the same actor (same entity, or same unnamed agent)."""
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    return (a.code, a.sector, a.name.lower()) == (b.code, b.sector, b.name.lower())


def build_event(
    *,
    text: str,
    sentence: Sentence,
    source: Mention,
    target: Mention,
    code: str,
    start: int,
    end: int,
    predicate: str,
    lang: str,
    negated: bool = False,
    modality: str | None = None,
    place: str | None = None,
    confidence: float = 0.6,
) -> Event | None:
    """An event, or None when it is not one: an actor missing or without a country or
    organisation code, the same actor on both sides, or a commentator as the source."""
    if source.commentator or not source.code or not target.code or same_actor(source, target):
        return None
    if source.code == target.code and {source.sector, target.sector} <= {None, "GOV"}:
        return None  # a state's government acting on itself is no event between actors
    codebook = load_codebook()
    code = modal_code(code, modality)
    while code not in codebook and len(code) > 2:
        code = code[:-1]
    entry = codebook.get(code)
    # the evidence runs from the first to the last of source, predicate and target, within the
    # sentence (an actor carried from an earlier sentence is not part of it)
    inside = [m for m in (source, target) if sentence.start <= m.start and m.end <= sentence.end]
    wide_start = min([start, *(m.start for m in inside)])
    wide_end = max([end, *(m.end for m in inside)])
    if wide_end - wide_start <= MAX_EVIDENCE:
        start, end = wide_start, wide_end
    return Event(
        sentence=sentence.index,
        start=start,
        end=end,
        text=text[start:end],
        source=source,
        target=target,
        cameo=entry.code,
        root=entry.root,
        plover=entry.plover_type,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        negated=negated,
        modality=modality,
        date=sentence.date,
        date_precision=sentence.date_precision,
        place=place,
        confidence=confidence,
        predicate=predicate,
        lang=lang,
    )


@dataclass
class DocContext:
    """What earlier sentences of the document said: the actors mentioned, most recent last,
    for pronouns ("he"), and pairs ("the two leaders", "双方", "обе стороны")."""

    mentions: list[Mention] = field(default_factory=list)
    parsed: dict[int, object] = field(default_factory=dict)
    """Parses an extractor made for the document's sentences in one batch, by sentence index."""

    def add(self, mentions: Sequence[Mention]) -> None:
        """Remember the mentions of a sentence just read."""
        self.mentions.extend(m for m in mentions if m.kind != "seat")

    def last_person(self, before: int | None = None) -> Mention | None:
        """The most recent person mentioned (before character ``before``)."""
        for m in reversed(self.mentions):
            if m.kind == "person" and (before is None or m.start < before):
                return m
        return None

    def last_pair(self, before: int | None = None) -> tuple[Mention, Mention] | None:
        """The two most recent distinct actors of the same kind (two leaders, two states)."""
        seen: list[Mention] = []
        for m in reversed(self.mentions):
            if before is not None and m.start >= before:
                continue
            if m.kind not in ("person", "state", "organisation") or not m.code:
                continue
            if any(same_actor(m, s) or m.code == s.code for s in seen):
                continue
            seen.append(m)
            if len(seen) == 2:
                return seen[1], seen[0]
        return None


def dedupe(events: Sequence[Event]) -> list[Event]:
    """One event per (sentence, source, target, code, negated), the most confident kept."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (
            event.sentence,
            event.source.entity_id or event.source.name,
            event.target.entity_id or event.target.name,
            event.cameo,
            event.negated,
        )
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.sentence, e.start))
