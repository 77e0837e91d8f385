"""Aggregates over stored events for the web UI: a dyad's weekly series, the actor network,
and one event with the spans and the sentence it was read from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select

from annals.errors import StoreError
from annals.store.db import Store, StoredEvent
from annals.store.schema import documents, events, quotes, sentences, time_expressions


@dataclass(frozen=True)
class WeekCount:
    """Events between two actors in one week (starting Monday) and quad class."""

    week: str
    quad_class: int
    events: int
    goldstein: float
    """Mean Goldstein score of these events."""


@dataclass(frozen=True)
class Edge:
    """Who acts on whom: events from ``source`` to ``target`` and their mean Goldstein score."""

    source: str
    target: str
    events: int
    goldstein: float
    cooperative: int
    """Events of quad class 1 or 2."""
    conflictual: int
    """Events of quad class 3 or 4."""


def _side_matches(side: str, actor: str):
    return or_(events.c[f"{side}_code"] == actor.upper(), events.c[f"{side}_entity"] == actor)


def _date_range(query, since: str | None, until: str | None):
    if since:
        query = query.where(events.c.date >= since)
    if until:
        query = query.where(events.c.date <= until + "\uffff")
    return query


def week_start(day: str) -> str | None:
    """The Monday of the week of an ISO date (``None`` for dates coarser than a day)."""
    if len(day) != 10:
        return None
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        return None
    return (parsed - timedelta(days=parsed.weekday())).isoformat()


def dyad_weeks(
    store: Store,
    first: str,
    second: str,
    *,
    since: str | None = None,
    until: str | None = None,
    both_ways: bool = True,
) -> list[WeekCount]:
    """Weekly event counts and mean Goldstein score by quad class between two actors (codes
    such as ``CHN`` or entity ids), first→second and, with ``both_ways``, second→first.
    Events dated only to a month or year are left out: they belong to no week."""
    pair = and_(_side_matches("source", first), _side_matches("target", second))
    if both_ways:
        pair = or_(pair, and_(_side_matches("source", second), _side_matches("target", first)))
    query = _date_range(
        select(
            events.c.date,
            events.c.quad_class,
            func.count().label("n"),
            func.sum(events.c.goldstein).label("g"),
        )
        .where(pair, func.length(events.c.date) == 10)
        .group_by(events.c.date, events.c.quad_class),
        since,
        until,
    )
    weekly: dict[tuple[str, int], list[float]] = {}
    with store.engine.connect() as connection:
        for day, quad, n, total in connection.execute(query):
            week = week_start(day)
            if week is None:
                continue
            cell = weekly.setdefault((week, quad), [0, 0.0])
            cell[0] += n
            cell[1] += total or 0.0
    return [
        WeekCount(week, quad, int(n), round(total / n, 2))
        for (week, quad), (n, total) in sorted(weekly.items())
    ]


def actor_network(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    min_events: int = 1,
    limit: int = 60,
) -> list[Edge]:
    """Directed edges between country or organisation codes, most events first."""
    cooperative = func.sum(func.cast(events.c.quad_class <= 2, events.c.quad_class.type))
    query = _date_range(
        select(
            events.c.source_code,
            events.c.target_code,
            func.count().label("n"),
            func.avg(events.c.goldstein).label("g"),
            cooperative.label("coop"),
        )
        .where(events.c.source_code != events.c.target_code, events.c.negated.is_(False))
        .group_by(events.c.source_code, events.c.target_code)
        .having(func.count() >= min_events)
        .order_by(func.count().desc(), events.c.source_code, events.c.target_code)
        .limit(limit),
        since,
        until,
    )
    with store.engine.connect() as connection:
        return [
            Edge(s, t, int(n), round(float(g), 2), int(coop or 0), int(n) - int(coop or 0))
            for s, t, n, g, coop in connection.execute(query)
        ]


def event_detail(store: Store, event_id: int) -> dict:
    """One event row with its document's outlet, title, date and text, the sentence it was read
    from (with how that sentence's date was found), the time expressions in that sentence and
    the quotes that support it. Raises StoreError when there is no such event."""
    query = (
        select(
            events,
            documents.c.outlet,
            documents.c.title,
            documents.c.published,
            documents.c.url,
            documents.c.text.label("document_text"),
        )
        .join(documents, documents.c.id == events.c.document_id)
        .where(events.c.id == event_id)
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
        if row is None:
            raise StoreError(f"no event with id {event_id}")
        found = dict(row._mapping)
        sentence = connection.execute(
            select(sentences).where(
                sentences.c.document_id == found["document_id"],
                sentences.c.idx == found["sentence"],
            )
        ).first()
        found["sentence_row"] = dict(sentence._mapping) if sentence else None
        span = found["sentence_row"] or {"start": found["start"], "end": found["end"]}
        found["times"] = [
            dict(t._mapping)
            for t in connection.execute(
                select(time_expressions)
                .where(
                    time_expressions.c.document_id == found["document_id"],
                    time_expressions.c.start >= span["start"],
                    time_expressions.c.end <= span["end"],
                )
                .order_by(time_expressions.c.start)
            )
        ]
        document_quotes = connection.execute(
            select(quotes)
            .where(quotes.c.document_id == found["document_id"])
            .order_by(quotes.c.start)
        )
        found["quotes"] = [
            dict(q._mapping)
            for q in document_quotes
            if q.sentence == found["sentence"] or str(event_id) in q.event_ids.split(",")
        ]
    return found


def counts(store: Store) -> dict[str, int]:
    """How many documents, events, quotes and named outlets the store holds."""
    with store.engine.connect() as connection:

        def count(query) -> int:
            return int(connection.execute(query).scalar_one())

        return {
            "documents": count(select(func.count()).select_from(documents)),
            "events": count(select(func.count()).select_from(events)),
            "quotes": count(select(func.count()).select_from(quotes)),
            "outlets": count(select(func.count(func.distinct(documents.c.outlet)))),
        }


def latest_events(store: Store, limit: int = 15) -> list[StoredEvent]:
    """The most recently dated events, newest first."""
    query = (
        select(events, documents.c.outlet, documents.c.published)
        .join(documents, documents.c.id == events.c.document_id)
        .where(events.c.date.is_not(None))
        .order_by(events.c.date.desc(), events.c.id.desc())
        .limit(limit)
    )
    fields = StoredEvent.__dataclass_fields__
    with store.engine.connect() as connection:
        return [
            StoredEvent(**{k: row._mapping[k] for k in fields}) for row in connection.execute(query)
        ]
