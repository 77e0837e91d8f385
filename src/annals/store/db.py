"""The store: opening, migrating, writing and querying documents (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from annals.errors import StoreError
from annals.records import Document, Event, Mention, Sentence, TimeExpression
from annals.store.schema import (
    documents,
    events,
    ingest_log,
    mentions,
    quotes,
    sentences,
    time_expressions,
)

DEFAULT_URL = "sqlite:///annals.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL from what a user typed: a URL, or a path to a SQLite file."""
    if not url:
        return DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored, with the document it came from (outlet and publication date)."""

    id: int
    document_id: str
    outlet: str | None
    published: str | None
    sentence: int
    start: int
    end: int
    text: str
    source_entity: str | None
    source_name: str
    source_code: str
    source_sector: str | None
    target_entity: str | None
    target_name: str
    target_code: str
    target_sector: str | None
    cameo: str
    root: str
    plover: str
    quad_class: int
    goldstein: float
    negated: bool
    modality: str | None
    date: str | None
    date_precision: str | None
    place: str | None
    confidence: float
    predicate: str
    lang: str


@dataclass(frozen=True)
class LogEntry:
    """One line of the ingest log: what happened to one input."""

    source: str
    status: str
    """stored, duplicate, skipped or failed."""
    document_id: str | None = None
    reason: str | None = None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    """A connection to an annals store, migrated to the current schema on open."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalise_url(url)
        try:
            self.engine: Engine = create_engine(self.url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open store {url!r}: {exc}") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        try:
            with self.engine.begin() as connection:
                _lock_for_migration(connection)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot open store {self.url}: {exc.__class__.__name__}: {exc}"
            ) from exc

    def close(self) -> None:
        """Release the store's connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # writing -----------------------------------------------------------------------------

    def write_batch(
        self, docs: Sequence[Document], log: Sequence[LogEntry], run_id: str
    ) -> set[str]:
        """Store new documents and their log lines in one transaction; return the new ids.

        A document stored meanwhile by another process is logged as a duplicate instead, so
        concurrent ingests store each document once.
        """
        now = datetime.now(UTC)
        rows = [_document_row(doc, now) for doc in {d.id: d for d in docs}.values()]
        try:
            with self.engine.begin() as connection:
                inserted: set[str] = set()
                if rows:
                    statement = _insert_ignoring_duplicates(self.engine.dialect.name)
                    result = connection.execute(statement.returning(documents.c.id), rows)
                    inserted = {row.id for row in result}
                lines = []
                for e in log:
                    lost_race = e.status == "stored" and e.document_id not in inserted
                    lines.append(
                        {
                            "run_id": run_id,
                            "at": now,
                            "source": e.source,
                            "status": "duplicate" if lost_race else e.status,
                            "document_id": e.document_id,
                            "reason": "already stored" if lost_race else e.reason,
                        }
                    )
                if lines:
                    connection.execute(insert(ingest_log), lines)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to store {self.url}: {exc}") from exc
        return inserted

    # reading -----------------------------------------------------------------------------

    def count_documents(self) -> int:
        """How many documents are stored."""
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(documents)).scalar_one()

    def documents(
        self,
        *,
        outlet: str | None = None,
        lang: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Document]:
        """Stored documents, newest first, filtered by outlet (case-insensitive substring),
        language, and publication date range (ISO prefixes, inclusive)."""
        query = _documents_query(outlet, lang, since, until, limit, offset)
        with self.engine.connect() as connection:
            return [_document_from_row(row) for row in connection.execute(query)]

    def iter_documents(
        self,
        *,
        outlet: str | None = None,
        lang: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        batch_size: int = 1000,
    ) -> Iterator[Document]:
        """Like :meth:`documents`, read ``batch_size`` rows at a time (for exports)."""
        query = _documents_query(outlet, lang, since, until, limit, offset)
        for row in self._stream(query, batch_size):
            yield _document_from_row(row)

    def _stream(self, query, batch_size: int) -> Iterator[Any]:
        """The rows of ``query``, fetched ``batch_size`` at a time (a server-side cursor on
        PostgreSQL), so that a listing of millions of rows is never held in memory."""
        with self.engine.connect() as connection:
            yield from connection.execution_options(yield_per=batch_size).execute(query)

    def document(self, id_or_prefix: str) -> Document:
        """One document by id or unique id prefix (at least 4 characters)."""
        if len(id_or_prefix) < 4:
            raise StoreError("give at least 4 characters of a document id")
        query = select(documents).where(documents.c.id.startswith(id_or_prefix.lower())).limit(2)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        if not rows:
            raise StoreError(f"no document with id {id_or_prefix!r}")
        if len(rows) > 1:
            raise StoreError(f"document id prefix {id_or_prefix!r} is ambiguous")
        return _document_from_row(rows[0])

    # processed documents -------------------------------------------------------------------

    def pending_ids(self, version: str) -> list[str]:
        """Documents not processed yet, or processed by another pipeline version."""
        query = (
            select(documents.c.id)
            .where(
                or_(documents.c.pipeline_version.is_(None), documents.c.pipeline_version != version)
            )
            .order_by(documents.c.id)
        )
        with self.engine.connect() as connection:
            return [row.id for row in connection.execute(query)]

    def save_processed(
        self,
        document_id: str,
        version: str,
        found_sentences: Sequence[Sentence],
        found_times: Sequence[TimeExpression],
        found_mentions: Sequence[Mention],
        found_events: Sequence[Event],
        found_quotes: Sequence[Any] = (),
    ) -> None:
        """Replace what the stages found in one document, in one transaction."""
        try:
            with self.engine.begin() as connection:
                for table in (quotes, events, mentions, time_expressions, sentences):
                    connection.execute(delete(table).where(table.c.document_id == document_id))
                if found_sentences:
                    connection.execute(
                        insert(sentences),
                        [
                            {
                                "document_id": document_id,
                                "idx": x.index,
                                "start": x.start,
                                "end": x.end,
                                "lang": x.lang,
                                "script": x.script,
                                "paragraph": x.paragraph,
                                "date": x.date,
                                "date_precision": x.date_precision,
                                "date_source": x.date_source,
                            }
                            for x in found_sentences
                        ],
                    )
                if found_times:
                    connection.execute(
                        insert(time_expressions),
                        [
                            {
                                "document_id": document_id,
                                "start": t.start,
                                "end": t.end,
                                "text": t.text,
                                "value": t.value,
                                "precision": t.precision,
                                "end_value": t.end_value,
                            }
                            for t in found_times
                        ],
                    )
                if found_mentions:
                    connection.execute(
                        insert(mentions),
                        [
                            {
                                "document_id": document_id,
                                "sentence": m.sentence,
                                "start": m.start,
                                "end": m.end,
                                "text": m.text,
                                "entity_id": m.entity_id,
                                "name": m.name,
                                "code": m.code,
                                "sector": m.sector,
                                "kind": m.kind,
                                "how": m.how,
                                "commentator": m.commentator,
                            }
                            for m in found_mentions
                        ],
                    )
                event_ids: list[int] = []
                if found_events:  # ids in the events' order: they link quotes to their events
                    result = connection.execute(
                        insert(events).returning(events.c.id, sort_by_parameter_order=True),
                        [_event_row(document_id, event) for event in found_events],
                    )
                    event_ids = list(result.scalars())
                if found_quotes:
                    connection.execute(
                        insert(quotes),
                        [
                            {
                                "document_id": document_id,
                                "sentence": q.sentence,
                                "start": q.start,
                                "end": q.end,
                                "text": q.text,
                                "speaker_name": q.speaker_name or "",
                                "speaker_id": q.speaker_id,
                                "speaker_code": q.speaker_code,
                                "direct": q.direct,
                                "cue": q.cue,
                                "lang": q.lang,
                                "event_ids": ",".join(
                                    str(i)
                                    for i, e in zip(event_ids, found_events, strict=True)
                                    if _supports(q, e)
                                ),
                            }
                            for q in found_quotes
                        ],
                    )
                connection.execute(
                    update(documents)
                    .where(documents.c.id == document_id)
                    .values(pipeline_version=version)
                )
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to store {self.url}: {exc}") from exc

    def sentences(self, document_id: str) -> list[dict]:
        """The stored sentences of a document, in order."""
        query = select(sentences).where(sentences.c.document_id == document_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(sentences.c.idx))
            return [dict(row._mapping) for row in rows]

    def mentions(self, document_id: str) -> list[dict]:
        """The stored actor mentions of a document, in text order."""
        query = select(mentions).where(mentions.c.document_id == document_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query.order_by(mentions.c.start))
            return [dict(row._mapping) for row in rows]

    def actor_counts(self, limit: int | None = 50) -> list[dict]:
        """Actors by number of mentions (resolved entities, and named unresolved ones)."""
        key = func.coalesce(mentions.c.entity_id, mentions.c.name)
        query = (
            select(
                key.label("actor"),
                func.min(mentions.c.name).label("name"),
                func.min(mentions.c.code).label("code"),
                func.min(mentions.c.kind).label("kind"),
                func.count().label("mentions"),
                func.count(func.distinct(mentions.c.document_id)).label("documents"),
            )
            .where(mentions.c.code.is_not(None))
            .group_by(key)
            .order_by(func.count().desc(), key)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def events(
        self,
        *,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        pair: tuple[str, str] | None = None,
        code: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEvent]:
        """Stored events, by date. ``actor`` matches either side's code, entity id or name
        (case-insensitive); ``source``/``target`` a country or organisation code or an entity
        id; ``pair`` two such actors, in either direction; ``code`` a CAMEO code or its prefix
        (``04``, ``042``); dates are ISO prefixes."""
        filters = _Filters(actor, source, target, pair, code, since, until, outlet, document_id)
        with self.engine.connect() as connection:
            query = _events_query(connection, filters, limit, offset)
            return [StoredEvent(*row) for row in connection.execute(query)]

    def iter_events(
        self,
        *,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        pair: tuple[str, str] | None = None,
        code: str | None = None,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        batch_size: int = 1000,
    ) -> Iterator[dict]:
        """The events :meth:`events` lists, as dicts of the :class:`StoredEvent` fields plus
        their document's ``url``, read ``batch_size`` rows at a time (for exports)."""
        filters = _Filters(actor, source, target, pair, code, since, until, outlet, document_id)
        with self.engine.connect() as connection:
            query = _events_query(connection, filters, limit, offset, documents.c.url)
        names = [*StoredEvent.__dataclass_fields__, "url"]
        for row in self._stream(query, batch_size):
            yield dict(zip(names, row, strict=True))

    def quotes(
        self,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        search: str | None = None,
        direct: bool | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict]:
        """Stored quotes with their document's outlet and date: ``speaker`` matches the speaker's
        id, code or name (case-insensitive); ``search`` the quoted words."""
        query = _quotes_query(speaker, outlet, search, direct, document_id, limit, offset)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def iter_quotes(
        self,
        *,
        speaker: str | None = None,
        outlet: str | None = None,
        search: str | None = None,
        direct: bool | None = None,
        document_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        batch_size: int = 1000,
    ) -> Iterator[dict]:
        """Like :meth:`quotes`, read ``batch_size`` rows at a time (for exports)."""
        query = _quotes_query(speaker, outlet, search, direct, document_id, limit, offset)
        for row in self._stream(query, batch_size):
            yield dict(row._mapping)

    def ingest_log(self, run_id: str | None = None) -> list[dict]:
        """Lines of the ingest log (of one run, or all), oldest first."""
        query = select(ingest_log).order_by(ingest_log.c.id)
        if run_id:
            query = query.where(ingest_log.c.run_id == run_id)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]


EVENT_ORDER = (events.c.date, events.c.id)
STORED_EVENT_COLUMNS = [
    documents.c[name] if name in ("outlet", "published") else events.c[name]
    for name in StoredEvent.__dataclass_fields__
]
"""The columns of a StoredEvent, in the order of its fields."""


@dataclass(frozen=True)
class _Filters:
    actor: str | None
    source: str | None
    target: str | None
    pair: tuple[str, str] | None
    code: str | None
    since: str | None
    until: str | None
    outlet: str | None
    document_id: str | None


def _event_conditions(connection, f: _Filters) -> tuple[list, bool]:
    """The WHERE conditions of an event listing, and whether they need the documents table."""
    conditions = []
    if f.actor:
        needle = f.actor.lower()
        conditions.append(
            or_(
                *(
                    func.lower(column) == needle
                    for column in (
                        events.c.source_code,
                        events.c.target_code,
                        events.c.source_entity,
                        events.c.target_entity,
                    )
                ),
                func.lower(events.c.source_name).contains(needle),
                func.lower(events.c.target_name).contains(needle),
            )
        )
    for side, value in (("source", f.source), ("target", f.target)):
        if value:
            conditions.append(_side(connection, side, value))
    if f.pair:
        a, b = f.pair
        conditions.append(
            or_(
                and_(_side(connection, "source", a), _side(connection, "target", b)),
                and_(_side(connection, "source", b), _side(connection, "target", a)),
            )
        )
    if f.code:
        conditions.append(_code_condition(f.code))
    if f.since:
        conditions.append(events.c.date >= f.since)
    if f.until:
        conditions.append(events.c.date <= f.until + "\uffff")
    if f.outlet:
        conditions.append(func.lower(documents.c.outlet).contains(f.outlet.lower()))
    if f.document_id:
        conditions.append(events.c.document_id == f.document_id)
    return conditions, bool(f.outlet)


def _side(connection, side: str, value: str):
    """One side's condition: its code is ``value`` upper-cased, or its entity id is ``value``
    lower-cased. One of the two suffices, so that the condition is one index range in date order:
    the code when any event has it (an entity whose id upper-cased is a code, such as ``rus`` or
    ``un``, has that code in the gazetteer), else the entity id."""
    code = events.c[f"{side}_code"]
    if connection.execute(select(code).where(code == value.upper()).limit(1)).first():
        return code == value.upper()
    return events.c[f"{side}_entity"] == value.lower()


def _code_condition(code: str):
    """A CAMEO code or prefix: a root (``04``) or a full code (``0431``) is one index range in
    date order; a three-digit prefix (``042``: 042, 0421, ...) is the range of codes from it to
    the next (``043``), whose rows are then sorted by date (scanning its root in date order
    instead reads most of the root for a rare code)."""
    cameo = events.c.cameo
    if not (code.isdigit() and 2 <= len(code) <= 4):
        return cameo.startswith(code)
    if len(code) == 2:
        return events.c.root == code
    if len(code) == 4:
        return cameo == code
    following = f"{int(code) + 1:03d}"
    # "049" to "050" would also take the root code "05", which sorts between them
    return and_(cameo >= code, cameo < following, cameo != following[:2])


def _events_query(connection, filters: _Filters, limit: int | None, offset: int, *extra):
    """The StoredEvent columns (and ``extra`` ones) of a listing. A page is read in two steps:
    its ids from the index of the filter (no rows or documents read for those an ``offset``
    skips), then its rows."""
    conditions, by_outlet = _event_conditions(connection, filters)
    if limit is None:
        return _page(
            select(*STORED_EVENT_COLUMNS, *extra)
            .join(documents, documents.c.id == events.c.document_id)
            .where(*conditions)
            .order_by(*EVENT_ORDER),
            None,
            offset,
        )
    ids = select(events.c.id).where(*conditions)
    if by_outlet:
        ids = ids.join(documents, documents.c.id == events.c.document_id)
    page = _page(ids.order_by(*EVENT_ORDER), limit, offset).subquery("page")
    return (
        select(*STORED_EVENT_COLUMNS, *extra)
        .select_from(page)
        .join(events, events.c.id == page.c.id)
        .join(documents, documents.c.id == events.c.document_id)
        .order_by(*EVENT_ORDER)
    )


def _quotes_query(
    speaker: str | None,
    outlet: str | None,
    search: str | None,
    direct: bool | None,
    document_id: str | None,
    limit: int | None,
    offset: int,
):
    query = (
        select(quotes, documents.c.outlet, documents.c.published)
        .join(documents, documents.c.id == quotes.c.document_id)
        .order_by(documents.c.published.desc(), quotes.c.id)
    )
    if speaker:
        needle = speaker.lower()
        query = query.where(
            or_(
                func.lower(quotes.c.speaker_id) == needle,
                func.lower(quotes.c.speaker_code) == needle,
                func.lower(quotes.c.speaker_name).contains(needle),
            )
        )
    if outlet:
        query = query.where(func.lower(documents.c.outlet).contains(outlet.lower()))
    if search:
        query = query.where(func.lower(quotes.c.text).contains(search.lower()))
    if direct is not None:
        query = query.where(quotes.c.direct == direct)
    if document_id:
        query = query.where(quotes.c.document_id == document_id)
    return _page(query, limit, offset)


def _documents_query(
    outlet: str | None,
    lang: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    offset: int,
):
    query = select(documents).order_by(documents.c.published.desc(), documents.c.id)
    if outlet:
        query = query.where(func.lower(documents.c.outlet).contains(outlet.lower()))
    if lang:
        query = query.where(
            (documents.c.languages == lang)
            | documents.c.languages.startswith(f"{lang},")
            | documents.c.languages.contains(f",{lang},")
            | documents.c.languages.endswith(f",{lang}")
        )
    if since:
        query = query.where(documents.c.published >= since)
    if until:
        query = query.where(documents.c.published <= until + "\uffff")
    return _page(query, limit, offset)


def _page(query, limit: int | None, offset: int):
    if limit is not None:
        query = query.limit(limit)
    return query.offset(offset) if offset else query


def _supports(quote: Any, event: Event) -> bool:
    """Whether a quote supports an event: the event's evidence lies in the quoted words, or in
    the quote's sentence with the speaker as the event's source."""
    if quote.start <= event.start and event.end <= quote.end + 1:
        return True
    same_speaker = quote.speaker_id is not None and quote.speaker_id == event.source.entity_id
    return event.sentence == quote.sentence and same_speaker


def _lock_for_migration(connection) -> None:
    """One process at a time reads the schema version and migrates: two processes opening a new
    store at once both created its tables, and one failed ("table documents already exists")."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(20260001)")  # released on commit
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # waits (busy_timeout) for another writer


def _event_row(document_id: str, e: Event) -> dict:
    row = {
        "document_id": document_id,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "text": e.text,
        "cameo": e.cameo,
        "root": e.root,
        "plover": e.plover,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "negated": e.negated,
        "modality": e.modality,
        "date": e.date,
        "date_precision": e.date_precision,
        "place": e.place,
        "confidence": e.confidence,
        "predicate": e.predicate,
        "lang": e.lang,
    }
    for side, mention in (("source", e.source), ("target", e.target)):
        row.update(
            {
                f"{side}_entity": mention.entity_id,
                f"{side}_name": mention.name,
                f"{side}_code": mention.code,
                f"{side}_sector": mention.sector,
                f"{side}_kind": mention.kind,
                f"{side}_start": mention.start,
                f"{side}_end": mention.end,
            }
        )
    return row


def _insert_ignoring_duplicates(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(documents).on_conflict_do_nothing(index_elements=["id"])


def _document_row(doc: Document, now: datetime) -> dict:
    return {
        "id": doc.id,
        "text": doc.text,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": doc.published,
        "published_precision": doc.published_precision,
        "languages": ",".join(doc.languages),
        "url": doc.url,
        "source": doc.source,
        "format": doc.format,
        "found": json.dumps(dict(doc.found), sort_keys=True),
        "ingested_at": now,
    }


def _document_from_row(row) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        published_precision=row.published_precision,
        languages=tuple(x for x in row.languages.split(",") if x),
        url=row.url,
        source=row.source,
        format=row.format,
        found=tuple(sorted(json.loads(row.found).items())),
    )
