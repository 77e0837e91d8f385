"""Clustering events from many documents into stories: one story per real act.

Blocking: events are grouped by the unordered pair of actors (country or organisation code, the
coreferent of every official, body or capital of that state; the entity id or name only when
no code is known) and the root class of their code (the CAMEO root; ``036`` "express intent to
meet or negotiate" counts as root ``04`` because announcements and reports of the same meeting
must meet). ``A→B`` and ``B→A`` of the same root are therefore one story (a meeting, a visit and
its hosting). Within a block, events are sorted and merged by date, with a window that depends
on the date's precision:

* day precision: events within two days of the first day of a story join it;
* month precision: join the largest day story of the block in that month, else one story per month;
* year precision: join the largest story of the block in that year, else one story per year;
* undated: join the block's story nearest to the document's publication date (else the largest).

Each step is a sort or a dictionary look-up within a block, so the whole is O(n log n).
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

DAY_WINDOW = 2
"""Days either side of a story's first day within which a day-precision event joins it."""

ROOT_CLASS = {"036": "04"}
"""CAMEO code prefixes whose events block with another root (intent to meet ~ consult)."""


@dataclass(frozen=True)
class StoryEvent:
    """The fields of one extracted event that story clustering needs."""

    id: Any
    document_id: str
    source_code: str | None
    target_code: str | None
    cameo: str
    root: str
    negated: bool = False
    date: str | None = None
    date_precision: str | None = None
    outlet: str | None = None
    published: str | None = None
    source_entity: str | None = None
    target_entity: str | None = None
    source_name: str = ""
    target_name: str = ""
    lang: str = "en"
    text: str = ""
    start: int = 0

    @property
    def key(self) -> str:
        """A stable key: document, offset, direction and code."""
        return f"{self.document_id}:{self.start}:{self.source_code}:{self.target_code}:{self.cameo}"


@dataclass(frozen=True)
class Conflict:
    """A detail on which reports of one story differ: each value with who said it."""

    field: str
    """``date``, ``cameo`` (per direction, e.g. ``cameo CHN→RUS``) or ``negated``."""
    values: tuple[tuple[str, tuple[str, ...]], ...]
    """(value, outlets that reported it; a document id when the outlet is unknown)."""


@dataclass(frozen=True)
class Story:
    """One real act as reported by one or more documents."""

    id: str
    """``s-`` + a hash of the block and the story's earliest event key: stable across runs."""
    source_code: str
    target_code: str
    source_name: str
    target_name: str
    root: str
    cameo: str
    """The most common CAMEO code of its events under its root."""
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    """The finest precision among its dated events."""
    event_ids: tuple
    document_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    """Named outlets, sorted."""
    languages: tuple[str, ...]
    mentions: int
    """Events (GDELT NumMentions)."""
    documents: int
    """Distinct documents (GDELT NumArticles)."""
    families: int
    """Distinct near-duplicate families: syndicated copies count once."""
    sources: int
    """Independent outlets: one per near-duplicate family's outlet (GDELT NumSources)."""
    single_source: bool
    """All reports come from one outlet or one near-duplicate family."""
    conflicts: tuple[Conflict, ...]


def as_story_event(obj: Any, document_id: str | None = None, **extra: Any) -> StoryEvent:
    """A :class:`StoryEvent` from a StoredEvent-like object or an :class:`annals.records.Event`
    (whose document id, outlet and publication date are passed as keywords)."""
    if isinstance(obj, StoryEvent):
        return obj
    get = getattr
    source = get(obj, "source", None)
    target = get(obj, "target", None)
    if source is not None and hasattr(source, "code"):  # annals.records.Event
        fields = dict(
            source_code=source.code,
            target_code=target.code,
            source_entity=source.entity_id,
            target_entity=target.entity_id,
            source_name=source.name,
            target_name=target.name,
        )
    else:
        fields = dict(
            source_code=get(obj, "source_code", None),
            target_code=get(obj, "target_code", None),
            source_entity=get(obj, "source_entity", None),
            target_entity=get(obj, "target_entity", None),
            source_name=get(obj, "source_name", "") or "",
            target_name=get(obj, "target_name", "") or "",
        )
    doc = document_id if document_id is not None else get(obj, "document_id")
    start = get(obj, "start", 0) or 0
    values = dict(
        id=f"{doc}:{start}:{obj.cameo}" if get(obj, "id", None) is None else obj.id,
        document_id=doc,
        cameo=obj.cameo,
        root=get(obj, "root", None) or obj.cameo[:2],
        negated=bool(get(obj, "negated", False)),
        date=get(obj, "date", None),
        date_precision=get(obj, "date_precision", None),
        outlet=get(obj, "outlet", None),
        published=get(obj, "published", None),
        lang=get(obj, "lang", "en") or "en",
        text=get(obj, "text", "") or "",
        start=start,
        **fields,
    )
    values.update(extra)
    return StoryEvent(**values)


def root_class(cameo: str, root: str) -> str:
    """The root an event blocks under (see :data:`ROOT_CLASS`)."""
    for prefix, cls in ROOT_CLASS.items():
        if cameo.startswith(prefix):
            return cls
    return root


def _actor(code: str | None, entity: str | None, name: str) -> str:
    return code or entity or name or "?"


def block_of(event: StoryEvent) -> tuple:
    """The block an event is clustered in: its unordered actor pair and root class. Blocks are
    clustered independently, so they can be spread over machines (see annals.scale)."""
    pair = tuple(
        sorted(
            (
                _actor(event.source_code, event.source_entity, event.source_name),
                _actor(event.target_code, event.target_entity, event.target_name),
            )
        )
    )
    return (pair, root_class(event.cameo, event.root))


def _precision(value: str | None, given: str | None) -> str | None:
    if not value:
        return None
    if given in ("day", "month", "year"):
        return given
    return {4: "year", 7: "month"}.get(len(value), "day")


def _ordinal(value: str) -> int | None:
    try:
        if len(value) >= 10:
            return Date.fromisoformat(value[:10]).toordinal()
        if len(value) == 7:
            return Date(int(value[:4]), int(value[5:7]), 15).toordinal()
        return Date(int(value[:4]), 7, 1).toordinal()
    except ValueError:
        return None


class _Group:
    """A story being built: its events and date span (as ordinals)."""

    __slots__ = ("events", "first", "last", "months", "years")

    def __init__(self) -> None:
        self.events: list[StoryEvent] = []
        self.first: int | None = None
        self.last: int | None = None

    def add(self, event: StoryEvent, ordinal: int | None) -> None:
        self.events.append(event)
        if ordinal is not None:
            self.first = ordinal if self.first is None else min(self.first, ordinal)
            self.last = ordinal if self.last is None else max(self.last, ordinal)


def _bigger(a: _Group | None, b: _Group) -> _Group:
    return b if a is None or len(b.events) > len(a.events) else a


def _cluster_block(events: list[StoryEvent]) -> list[_Group]:
    by_precision: dict[str | None, list[tuple[int, str, StoryEvent]]] = {
        "day": [],
        "month": [],
        "year": [],
        None: [],
    }
    for event in events:
        precision = _precision(event.date, event.date_precision)
        ordinal = _ordinal(event.date) if precision else None
        if ordinal is None:
            precision = None
            ordinal = _ordinal(event.published) if event.published else None
        by_precision[precision].append((ordinal if ordinal is not None else 0, event.key, event))
    groups: list[_Group] = []
    by_month: dict[str, _Group] = {}
    by_year: dict[str, _Group] = {}

    def register(group: _Group, value: str) -> None:
        by_month[value[:7]] = _bigger(by_month.get(value[:7]), group)
        by_year[value[:4]] = _bigger(by_year.get(value[:4]), group)

    current: _Group | None = None
    for ordinal, _, event in sorted(by_precision["day"], key=lambda t: t[:2]):
        if current is None or current.first is None or ordinal - current.first > DAY_WINDOW:
            current = _Group()
            groups.append(current)
        current.add(event, ordinal)
    for group in groups:  # registered once complete, so the largest wins deterministically
        for event in group.events:
            register(group, event.date)
    for level, width, table in (("month", 7, by_month), ("year", 4, by_year)):
        fresh: dict[str, _Group] = {}
        for ordinal, _, event in sorted(by_precision[level], key=lambda t: t[:2]):
            prefix = event.date[:width]
            group = table.get(prefix) or fresh.get(prefix)
            if group is None:
                group = fresh[prefix] = _Group()
                groups.append(group)
            group.add(event, ordinal)
        for prefix, group in fresh.items():
            register(group, prefix)
    undated = sorted(by_precision[None], key=lambda t: t[:2])
    if undated:
        dated = sorted((g for g in groups if g.first is not None), key=lambda g: g.first)
        fallback = max(groups, key=lambda g: len(g.events)) if groups else None
        if fallback is None:
            fallback = _Group()
            groups.append(fallback)
        firsts = [g.first for g in dated]
        for ordinal, _, event in undated:
            target = fallback
            if event.published and dated:
                i = bisect.bisect_left(firsts, ordinal)
                near = dated[max(0, i - 3) : i + 3]  # spans are short: neighbours suffice
                target = min(near, key=lambda g: _distance(g, ordinal))
            target.events.append(event)
    return groups


def _distance(group: _Group, ordinal: int) -> int:
    if ordinal < group.first:
        return group.first - ordinal
    return max(0, ordinal - group.last)


def _compatible_dates(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _compatible_codes(a: str, b: str) -> bool:
    generic = {a[:2] + "0", a[:2]}
    return a == b or a.startswith(b) or b.startswith(a) or a in generic or b in generic


def _conflict(field: str, said: dict[str, set[str]], compatible) -> Conflict | None:
    values = sorted(said)
    if not any(
        not compatible(x, y) and said[x] != said[y] and len(said[x] | said[y]) > 1
        for i, x in enumerate(values)
        for y in values[i + 1 :]
    ):
        return None  # every pair agrees, or only one outlet said the differing things
    return Conflict(field, tuple((v, tuple(sorted(said[v]))) for v in values))


def _conflicts(events: list[StoryEvent]) -> tuple[Conflict, ...]:
    dates: dict[str, set[str]] = {}
    negated: dict[str, set[str]] = {}
    codes: dict[str, dict[str, set[str]]] = {}
    for event in events:
        who = event.outlet or event.document_id
        if event.date:
            dates.setdefault(event.date, set()).add(who)
        negated.setdefault(str(event.negated).lower(), set()).add(who)
        direction = f"cameo {event.source_code}→{event.target_code}"
        codes.setdefault(direction, {}).setdefault(event.cameo, set()).add(who)
    found = [
        _conflict("date", dates, _compatible_dates),
        _conflict("negated", negated, lambda a, b: a == b),
    ]
    found += [_conflict(name, said, _compatible_codes) for name, said in sorted(codes.items())]
    return tuple(c for c in found if c is not None)


def _single(block: tuple, e: StoryEvent) -> Story:
    """The story of a single event (most of them): no counting needed."""
    digest = hashlib.sha1(f"{block}|{e.key}".encode()).hexdigest()[:16]
    return Story(
        id=f"s-{digest}",
        source_code=e.source_code or "",
        target_code=e.target_code or "",
        source_name=e.source_name or e.source_code or "",
        target_name=e.target_name or e.target_code or "",
        root=block[1],
        cameo=e.cameo,
        date_start=e.date or None,
        date_end=e.date or None,
        date_precision=_precision(e.date, e.date_precision),
        event_ids=(e.id,),
        document_ids=(e.document_id,),
        outlets=(e.outlet,) if e.outlet else (),
        languages=(e.lang,),
        mentions=1,
        documents=1,
        families=1,
        sources=1,
        single_source=True,
        conflicts=(),
    )


def _story(block: tuple, group: _Group, duplicates: Mapping[str, str]) -> Story:
    if len(group.events) == 1:
        return _single(block, group.events[0])
    events = sorted(group.events, key=lambda e: (e.date or "9999", e.key))
    directions = Counter((e.source_code, e.target_code) for e in events)
    (source, target), _ = min(directions.items(), key=lambda kv: (-kv[1], str(kv[0])))
    names: dict[str | None, Counter] = {source: Counter(), target: Counter()}
    for e in events:  # a side's name, whichever way the event goes
        for code, name in ((e.source_code, e.source_name), (e.target_code, e.target_name)):
            if code in names and name:
                names[code][name] += 1
    names_s, names_t = names[source], names[target]
    cameos = Counter(e.cameo for e in events if e.cameo.startswith(block[1]))
    cameos = cameos or Counter(e.cameo for e in events)
    dated = sorted((e.date for e in events if e.date), key=lambda d: (d, len(d)))
    precisions = {_precision(e.date, e.date_precision) for e in events if e.date}
    finest = next((p for p in ("day", "month", "year") if p in precisions), None)
    docs = sorted({e.document_id for e in events})
    family_of = {d: duplicates.get(d, d) for d in docs}
    family_outlets: dict[str, set[str]] = {}
    for e in events:
        family_outlets.setdefault(family_of[e.document_id], set()).add((e.outlet or "").casefold())
    sources = {
        min(o for o in outlets if o) if any(outlets) else f"?{family}"
        for family, outlets in family_outlets.items()
    }
    earliest = min(e.key for e in events)
    digest = hashlib.sha1(f"{block}|{earliest}".encode()).hexdigest()[:16]
    return Story(
        id=f"s-{digest}",
        source_code=source or "",
        target_code=target or "",
        source_name=_top(names_s, source or ""),
        target_name=_top(names_t, target or ""),
        root=block[1],
        cameo=_top(cameos, ""),
        date_start=dated[0] if dated else None,
        date_end=max(dated) if dated else None,
        date_precision=finest,
        event_ids=tuple(e.id for e in events),
        document_ids=tuple(docs),
        outlets=tuple(sorted({e.outlet for e in events if e.outlet})),
        languages=tuple(sorted({e.lang for e in events})),
        mentions=len(events),
        documents=len(docs),
        families=len(family_outlets),
        sources=len(sources),
        single_source=len(sources) <= 1 or len(family_outlets) <= 1,
        conflicts=_conflicts(events),
    )


def _top(counts: Counter, default: str) -> str:
    if not counts:
        return default
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def cluster(events: Iterable[Any], duplicates: Mapping[str, str] | None = None) -> list[Story]:
    """Stories of ``events`` (StoryEvent, StoredEvent-like objects), sorted by first date.

    ``duplicates`` maps a document id to the representative of its near-duplicate family (see
    :func:`annals.stories.near_duplicates`); such documents count once as sources.
    """
    duplicates = duplicates or {}
    blocks: dict[tuple, list[StoryEvent]] = {}
    for obj in events:
        event = as_story_event(obj)
        blocks.setdefault(block_of(event), []).append(event)
    stories = [
        _story(block, group, duplicates)
        for block in sorted(blocks, key=str)
        for group in _cluster_block(blocks[block])
    ]
    stories.sort(key=lambda s: (s.date_start or "9999", s.id))
    return stories
