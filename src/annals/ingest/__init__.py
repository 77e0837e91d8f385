"""Ingest: read articles from files, folders, globs, stdin, JSONL and WARC into the store.

``ingest(paths, store)`` reads every input, finds each document's metadata (given by the user,
from file metadata, from datelines in the text, or inferred), and stores new documents in
batches, one transaction each, logging what was stored, skipped, duplicated or failed and why.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from annals.errors import InputError
from annals.ingest.metadata import read_text_metadata
from annals.ingest.readers import Limits, ReadFailure, Skipped, read_inputs
from annals.records import Document, FoundBy, Precision, RawArticle
from annals.store import LogEntry, Store

BATCH_SIZE = 200


@dataclass(frozen=True)
class Given:
    """Metadata the user gives for every input of a run (overrides what is found)."""

    outlet: str | None = None
    published: str | None = None
    lang: str | None = None


@dataclass
class IngestReport:
    """What one ingest run did."""

    run_id: str
    read: int = 0
    stored: int = 0
    duplicate: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    stored_ids: list[str] = field(default_factory=list)


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode (NFC) and whitespace normalised."""
    canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def parse_date(value: str) -> tuple[str, Precision]:
    """An ISO date at its precision from ``2023-03-22``, ``2023-03``, ``2023``, an ISO
    timestamp, or a written date such as ``March 22, 2023``; ValueError if none."""
    value = value.strip()
    if re.fullmatch(r"(19|20)\d\d", value):
        return value, "year"
    if re.fullmatch(r"(19|20)\d\d-[01]\d", value):
        datetime.strptime(value, "%Y-%m")
        return value, "month"
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat(), "day"
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise ValueError(f"not a date: {value!r}")
    return parsed.date().isoformat(), "day"


def build_document(
    raw: RawArticle,
    given: Given = Given(),
    languages_of: Callable[[str], tuple[str, ...]] | None = None,
    today: date | None = None,
) -> Document:
    """A document from a raw article: metadata by precedence given > metadata > text."""
    text = unicodedata.normalize("NFC", raw.text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    text = text.replace("\x00", "")
    if not text:
        raise InputError(raw.source, "no text")
    found: dict[str, FoundBy] = {}
    in_text = read_text_metadata(text, today)

    outlet = _pick(found, "outlet", given.outlet, raw.outlet, in_text.outlet)
    title = _pick(found, "title", None, raw.title, None)
    if title is None and in_text.title:
        title, found["title"] = in_text.title, "inferred"

    published, precision = None, None
    for value, how in ((given.published, "given"), (raw.published, "metadata")):
        if value:
            try:
                published, precision = parse_date(value)
            except ValueError:
                if how == "given":
                    raise InputError(raw.source, f"--published {value!r} is not a date") from None
                continue
            found["published"] = how
            break
    if published is None and in_text.published:
        published, precision = in_text.published.value, in_text.published.precision
        found["published"] = in_text.published.how

    if given.lang:
        languages, found["languages"] = (given.lang,), "given"
    else:
        languages = languages_of(text) if languages_of else ()
        if languages:
            found["languages"] = "inferred"
        elif raw.lang:
            languages, found["languages"] = (raw.lang,), "metadata"
    return Document(
        id=content_hash(text),
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        published_precision=precision,
        languages=tuple(languages),
        url=raw.url,
        source=raw.source,
        format=raw.format,
        found=tuple(sorted(found.items())),
    )


def _pick(found: dict[str, FoundBy], name: str, given, metadata, dateline):
    for value, how in ((given, "given"), (metadata, "metadata"), (dateline, "dateline")):
        if value:
            found[name] = how
            return value
    return None


def detected_languages(text: str) -> tuple[str, ...]:
    """Languages of the text, most text first (the text stage's language identification)."""
    from annals.text.langid import document_languages, language_runs

    return document_languages(text, language_runs(text))


def ingest(
    paths: Iterable[str],
    store: Store,
    given: Given = Given(),
    limits: Limits = Limits(),
    on_progress: Callable[[IngestReport, str], None] | None = None,
    languages_of: Callable[[str], tuple[str, ...]] | None = None,
) -> IngestReport:
    """Read every input and store new documents; report counts and failures."""
    if languages_of is None:
        languages_of = detected_languages
    report = IngestReport(run_id=uuid.uuid4().hex)
    batch: list[Document] = []
    log: list[LogEntry] = []

    def flush() -> None:
        if not batch and not log:
            return
        inserted = store.write_batch(batch, log, report.run_id)
        report.stored += len(inserted)
        report.duplicate += len(batch) - len(inserted)
        report.stored_ids.extend(d.id for d in batch if d.id in inserted)
        batch.clear()
        log.clear()

    seen: set[str] = set()
    for item in read_inputs(paths, limits):
        if isinstance(item, Skipped):
            report.skipped += 1
            log.append(LogEntry(item.source, "skipped", reason=item.reason))
        elif isinstance(item, ReadFailure):
            report.failed += 1
            report.failures.append((item.source, item.reason))
            log.append(LogEntry(item.source, "failed", reason=item.reason))
        else:
            report.read += 1
            try:
                doc = build_document(item, given, languages_of)
            except InputError as exc:
                report.failed += 1
                report.failures.append((exc.source, exc.reason))
                log.append(LogEntry(exc.source, "failed", reason=exc.reason))
            else:
                if doc.id in seen:
                    report.duplicate += 1
                    log.append(LogEntry(doc.source or "", "duplicate", doc.id, "already read"))
                else:
                    seen.add(doc.id)
                    batch.append(doc)
                    log.append(LogEntry(doc.source or "", "stored", doc.id))
        if on_progress:
            on_progress(report, getattr(item, "source", ""))
        if len(batch) >= BATCH_SIZE or len(log) >= 5 * BATCH_SIZE:
            flush()
    flush()
    return report


__all__ = ["Given", "IngestReport", "Limits", "build_document", "content_hash", "ingest"]
