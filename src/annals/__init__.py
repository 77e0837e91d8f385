"""annals: a sourced, deduplicated record of political events from news reports.

>>> import annals
>>> result = annals.process("Xi Jinping met Vladimir Putin in Moscow on Tuesday.",
...                         published="2023-03-22")
>>> [(e.source.name, e.cameo, e.target.name) for e in result.events]  # doctest: +SKIP
>>> with annals.open("annals.db") as db:                                # doctest: +SKIP
...     db.events(actor="RUS", code="04").to_pandas()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from annals.api import Annals
    from annals.pipeline import Processed


def process(text: str, published: str | None = None, **options: Any) -> Processed:
    """Sentences, times, actor mentions and events of one article, without a store."""
    from annals.pipeline import process as run

    return run(text, published, **options)


def open(url: str | None = None) -> Annals:
    """A store (SQLite path or database URL) to query: ``.events()``, ``.documents()``."""
    from annals.api import open_store

    return open_store(url)


__all__ = ["__version__", "open", "process"]
