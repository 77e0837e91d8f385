"""The store: opening, migrating, writing and querying documents (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from annals.errors import StoreError
from annals.records import Document
from annals.store.schema import documents, ingest_log

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
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self.engine.connect() as connection:
            return [_document_from_row(row) for row in connection.execute(query)]

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

    def ingest_log(self, run_id: str | None = None) -> list[dict]:
        """Lines of the ingest log (of one run, or all), oldest first."""
        query = select(ingest_log).order_by(ingest_log.c.id)
        if run_id:
            query = query.where(ingest_log.c.run_id == run_id)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]


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
