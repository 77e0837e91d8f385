"""The Python API for notebooks: ``annals.process(text)`` and ``annals.open(db_url)``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from annals.records import Document
from annals.store import Store, StoredEvent


class Records(list):
    """A list of records that turns into a pandas DataFrame with ``.to_pandas()``."""

    def to_pandas(self):
        """The records as a DataFrame, one row per record."""
        import pandas as pd

        return pd.DataFrame([_flat(r) for r in self])


def _flat(record: Any) -> dict:
    row = asdict(record)
    if isinstance(record, Document):
        row["languages"] = ",".join(record.languages)
        row["found"] = dict(record.found)
    return row


class Annals:
    """Queries on a store, mirroring the command line (``annals docs``, ``annals events``)."""

    def __init__(self, url: str | None = None) -> None:
        self.store = Store(url)

    def documents(self, **filters: Any) -> Records:
        """Documents: ``outlet``, ``lang``, ``since``, ``until``, ``limit``, ``offset``."""
        return Records(self.store.documents(**filters))

    def events(self, **filters: Any) -> Records:
        """Events: ``actor``, ``source``, ``target``, ``code``, ``since``, ``until``,
        ``outlet``, ``limit``, ``offset`` (see ``annals events --help``)."""
        return Records(self.store.events(**filters))

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()

    def __enter__(self) -> Annals:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | None = None) -> Annals:
    """Open a store (a SQLite path or a database URL) for queries."""
    return Annals(url)


__all__ = ["Annals", "Records", "StoredEvent", "open_store"]
