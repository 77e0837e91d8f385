"""The per-document stages composed: text -> actors -> events.

``process(text, published=...)`` runs them on one article without any store;
``process_document(doc)`` does the same for a stored document. Each stage is a pure function of
typed records, so the same composition runs in one process, a process pool or Spark executors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from annals import __version__
from annals.quotes.record import Quote
from annals.records import Document, Event, Mention, Sentence, TextAnalysis, TimeExpression

PIPELINE_VERSION = f"{__version__}+2"
"""Stored with every processed document; documents processed by another version are redone."""


@dataclass(frozen=True)
class Processed:
    """Everything the stages found in one document."""

    text: str
    published: str | None
    analysis: TextAnalysis
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = ()

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The document's sentences."""
        return self.analysis.sentences

    @property
    def times(self) -> tuple[TimeExpression, ...]:
        """The document's time expressions."""
        return self.analysis.times


def process(
    text: str, published: str | None = None, outlet: str | None = None, lang: str | None = None
) -> Processed:
    """Sentences, time expressions, actor mentions and events of one article.

    ``published`` is the publication date (``2023-03-22``, or ``2023-03`` / ``2023`` at lower
    precision) against which relative dates are resolved; ``outlet`` is recorded by the store
    and not needed here; ``lang`` is a hint for text whose language cannot be told.
    """
    from annals.actors import find_mentions
    from annals.events import extract
    from annals.quotes import find_quotes
    from annals.text import analyse

    del outlet  # accepted for symmetry with the CLI; the stages do not depend on it
    analysis = analyse(text, published, lang)
    mentions = tuple(find_mentions(text, analysis.sentences))
    events = tuple(extract(text, analysis.sentences, mentions))
    quotes = tuple(find_quotes(text, analysis.sentences, mentions))
    return Processed(text, published, analysis, mentions, events, quotes)


def process_document(doc: Document) -> Processed:
    """:func:`process` for a stored document."""
    return process(doc.text, doc.published, doc.outlet)


@dataclass
class ExtractReport:
    """What one ``annals extract`` run did."""

    processed: int = 0
    events: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] | None = None


def _process_one(item: tuple[str, str, str | None]) -> tuple[str, Processed | str]:
    doc_id, text, published = item
    try:
        return doc_id, process(text, published)
    except Exception as exc:
        return doc_id, f"{exc.__class__.__name__}: {exc}"


def extract_pending(
    store,
    workers: int = 1,
    on_progress: Callable[[ExtractReport, int], None] | None = None,
) -> ExtractReport:
    """Run the stages on every document not processed by this pipeline version and store the
    results, one transaction per document; ``workers`` > 1 uses a process pool."""
    pending = store.pending_ids(PIPELINE_VERSION)
    report = ExtractReport(failures=[])

    def items() -> Iterator[tuple[str, str, str | None]]:
        for doc_id in pending:
            doc = store.document(doc_id)
            yield doc.id, doc.text, doc.published

    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        results = pool.map(_process_one, items(), chunksize=4)
    else:
        pool, results = None, map(_process_one, items())
    try:
        for doc_id, result in results:
            if isinstance(result, str):
                report.failed += 1
                report.failures.append((doc_id, result))
            else:
                store.save_processed(
                    doc_id,
                    PIPELINE_VERSION,
                    result.sentences,
                    result.times,
                    result.mentions,
                    result.events,
                    result.quotes,
                )
                report.processed += 1
                report.events += len(result.events)
            if on_progress:
                on_progress(report, len(pending))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report
