"""What both engines do with one input file, one document and one block of events.

Each function wraps the project's own readers, stages and clustering (no second implementation),
so that ``annals run --engine local`` and ``--engine spark`` give the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import SimpleNamespace

from annals.errors import InputError
from annals.ingest import Given, build_document
from annals.ingest.readers import ReadFailure, ReadResult, Skipped
from annals.records import Document
from annals.scale.parquet import PROCESSED, document_row, event_id, processed_rows, story_row
from annals.store import LogEntry
from annals.stories import StoryEvent, as_story_event, cluster


def documents(
    results: Iterable[ReadResult], given: Given = Given()
) -> Iterator[Document | LogEntry]:
    """A document for every article read (metadata found as ``annals ingest`` finds it), and a
    log entry for every input skipped or failed."""
    from annals.ingest import detected_languages

    for item in results:
        if isinstance(item, Skipped):
            yield LogEntry(item.source, "skipped", reason=item.reason)
        elif isinstance(item, ReadFailure):
            yield LogEntry(item.source, "failed", reason=item.reason)
        else:
            try:
                yield build_document(item, given, detected_languages)
            except InputError as exc:
                yield LogEntry(exc.source, "failed", reason=exc.reason)


def run_stages(doc: Document) -> tuple[dict, dict[str, list[dict]]]:
    """The pipeline (:func:`annals.pipeline.process`, as ``annals extract`` runs it) on one
    document: its ``documents`` row (with the pipeline version, or the error) and its rows of
    sentences, time expressions, mentions, events and quotes."""
    from annals.pipeline import PIPELINE_VERSION, process

    try:
        processed = process(doc.text, doc.published)
    except Exception as exc:
        error = f"{exc.__class__.__name__}: {exc}"
        return document_row(doc, error=error), {table: [] for table in PROCESSED}
    return document_row(doc, PIPELINE_VERSION), processed_rows(doc, processed)


def story_event(row: dict, outlet: str | None, published: str | None) -> StoryEvent:
    """The clustering view of an ``events`` row, with its document's outlet and date."""
    fields = {**row, "outlet": outlet, "published": published}
    return as_story_event(SimpleNamespace(**fields), id=event_id(row["document_id"], row["index"]))


def story_rows(events: Iterable[StoryEvent], families: Mapping[str, str]) -> list[dict]:
    """The ``stories`` rows of events (:func:`annals.stories.cluster`); ``families`` maps a
    document to the representative of its near-duplicate family."""
    return [story_row(story) for story in cluster(events, families)]
