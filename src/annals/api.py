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

        return pd.DataFrame([r if isinstance(r, dict) else _flat(r) for r in self])


class _Mention:
    """A stored mention row as an object (what the tone scorer reads)."""

    def __init__(self, **row: Any) -> None:
        self.__dict__.update(row)


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

    def quotes(self, **filters: Any) -> Records:
        """Quotes: ``speaker``, ``outlet``, ``search``, ``direct``, ``limit``, ``offset``."""
        return Records(self.store.quotes(**filters))

    def stories(self, **filters: Any) -> Records:
        """Stories: the stored events (filtered as in :meth:`events`) clustered across
        documents, near-duplicate documents counted once, most reported first."""
        from annals.stories import cluster, near_duplicates

        events = self.store.events(**filters)
        ids = {e.document_id for e in events}
        docs = [(d.id, d.text) for d in self.store.documents() if d.id in ids]
        stories = cluster(events, near_duplicates(docs))
        return Records(sorted(stories, key=lambda s: (-s.sources, -s.mentions, s.id)))

    def story(self, story_id: str) -> tuple[Any, list[StoredEvent]]:
        """One story (by id or unique prefix) and its events; KeyError when there is none."""
        found = [s for s in self.stories() if s.id.startswith(story_id)]
        if len(found) != 1:
            raise KeyError(story_id)
        wanted = set(found[0].event_ids)
        return found[0], [e for e in self.store.events() if e.id in wanted]

    def framing(self, **filters: Any):
        """Per outlet and period, the words each uses for the same referent or act."""
        from annals.framing import term_counts

        return term_counts(self.store.documents(**filters))

    def tone(self, **filters: Any) -> Records:
        """Each outlet's tone towards each actor (lexicon-based, see annals.framing.tone)."""
        from annals.framing import tone

        docs = self.store.documents(**filters)
        mentions = {d.id: [_Mention(**m) for m in self.store.mentions(d.id)] for d in docs}
        return Records(tone(docs, mentions))

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
