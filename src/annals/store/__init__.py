"""Storage: SQLite by default, PostgreSQL by URL, schema managed by Alembic."""

from annals.store.db import DEFAULT_URL, LogEntry, Store, StoredEvent, normalise_url

__all__ = ["DEFAULT_URL", "LogEntry", "Store", "StoredEvent", "normalise_url"]
