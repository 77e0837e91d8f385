"""The Parquet output of ``annals run``, shared by both engines, and ``annals load``.

An output folder holds one Parquet dataset per table, partitioned by the publication year of the
document a row comes from (``events/published_year=2023/...``; ``unknown`` when undated):

* ``documents``: every document read, with ``pipeline_version`` (or ``error`` when the stages
  failed on it; such a document is loaded as pending, for ``annals extract``);
* ``sentences``, ``time_expressions``, ``mentions``, ``events``, ``quotes``: what the stages
  found, one row per record, with its ``document_id`` (events also with their ``index`` in the
  document; the source and target mentions flattened as ``source_*`` and ``target_*``);
* ``stories`` (partitioned by the year of ``date_start``): events clustered across documents,
  ``event_ids`` being ``document_id:index``;
* ``log`` (not partitioned): what happened to every input, as in ``annals log``.

Rows are built from the pipeline's records by :func:`document_row` and :func:`processed_rows`, and
turned back into records by :func:`load`, which stores them with the store's own writers.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pyarrow as pa

from annals.quotes.record import Quote
from annals.records import Document, Event, Mention, Sentence, TimeExpression
from annals.stories import Story

PARTITION = "published_year"
STORY_PARTITION = "year"
UNKNOWN_YEAR = "unknown"
PROCESSED = ("sentences", "time_expressions", "mentions", "events", "quotes")
"""The tables of what the stages found (one row per record)."""
TABLES = ("documents", *PROCESSED)
MANIFEST = "_annals.json"
"""Written into a local output folder: what produced it (its name starts with ``_`` so that Spark
and pyarrow do not read it as data)."""

_s, _i, _b, _f = pa.string(), pa.int32(), pa.bool_(), pa.float64()
_strings = pa.list_(pa.string())
_MENTION = [
    ("start", _i),
    ("end", _i),
    ("text", _s),
    ("sentence", _i),
    ("entity_id", _s),
    ("name", _s),
    ("code", _s),
    ("sector", _s),
    ("kind", _s),
    ("how", _s),
    ("commentator", _b),
]


def _schema(*columns: tuple[str, pa.DataType], partition: str | None = PARTITION) -> pa.Schema:
    first = [("document_id", _s)] if partition == PARTITION else []
    last = [(partition, _s)] if partition else []
    return pa.schema([*first, *columns, *last])


SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("id", _s),
            ("text", _s),
            ("title", _s),
            ("outlet", _s),
            ("published", _s),
            ("published_precision", _s),
            ("languages", _strings),
            ("url", _s),
            ("source", _s),
            ("format", _s),
            ("found", _s),
            ("pipeline_version", _s),
            ("error", _s),
            (PARTITION, _s),
        ]
    ),
    "sentences": _schema(
        ("index", _i),
        ("start", _i),
        ("end", _i),
        ("text", _s),
        ("lang", _s),
        ("paragraph", _i),
        ("script", _s),
        ("date", _s),
        ("date_precision", _s),
        ("date_source", _s),
    ),
    "time_expressions": _schema(
        ("start", _i),
        ("end", _i),
        ("text", _s),
        ("value", _s),
        ("precision", _s),
        ("end_value", _s),
    ),
    "mentions": _schema(*_MENTION),
    "events": _schema(
        ("index", _i),
        ("sentence", _i),
        ("start", _i),
        ("end", _i),
        ("text", _s),
        *((f"source_{name}", kind) for name, kind in _MENTION),
        *((f"target_{name}", kind) for name, kind in _MENTION),
        ("cameo", _s),
        ("root", _s),
        ("plover", _s),
        ("quad_class", _i),
        ("goldstein", _f),
        ("negated", _b),
        ("modality", _s),
        ("date", _s),
        ("date_precision", _s),
        ("place", _s),
        ("confidence", _f),
        ("predicate", _s),
        ("lang", _s),
    ),
    "quotes": _schema(
        ("start", _i),
        ("end", _i),
        ("text", _s),
        ("sentence", _i),
        ("speaker_name", _s),
        ("speaker_id", _s),
        ("speaker_code", _s),
        ("direct", _b),
        ("cue", _s),
        ("cue_start", _i),
        ("cue_end", _i),
        ("lang", _s),
    ),
    "stories": _schema(
        ("id", _s),
        ("source_code", _s),
        ("target_code", _s),
        ("source_name", _s),
        ("target_name", _s),
        ("root", _s),
        ("cameo", _s),
        ("date_start", _s),
        ("date_end", _s),
        ("date_precision", _s),
        ("event_ids", _strings),
        ("document_ids", _strings),
        ("outlets", _strings),
        ("languages", _strings),
        ("mentions", _i),
        ("documents", _i),
        ("families", _i),
        ("sources", _i),
        ("single_source", _b),
        (
            "conflicts",
            pa.list_(
                pa.struct(
                    [
                        ("field", _s),
                        ("values", pa.list_(pa.struct([("value", _s), ("outlets", _strings)]))),
                    ]
                )
            ),
        ),
        partition=STORY_PARTITION,
    ),
    "log": pa.schema(
        [("source", _s), ("status", _s), ("document_id", _s), ("reason", _s)],
    ),
}
"""The Arrow schema of every dataset (Spark's schemas are derived from these)."""

OMITTED = {"sentences": {"normalised"}, "quotes": {"speaker"}}
"""Record fields not written: a sentence's matching view (derived from its text), a quote's
speaker mention (its name, id and code are written)."""


def year_of(value: str | None) -> str:
    """The partition value of an ISO date: its year, or ``unknown``."""
    return value[:4] if value else UNKNOWN_YEAR


def _values(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


def document_row(doc: Document, version: str | None = None, error: str | None = None) -> dict:
    """The ``documents`` row of a document, processed by ``version`` or failed with ``error``."""
    row = _values(doc)
    row.update(
        languages=list(doc.languages),
        found=json.dumps(dict(doc.found), sort_keys=True),
        pipeline_version=version,
        error=error,
    )
    row[PARTITION] = year_of(doc.published)
    return row


def document_from_row(row: dict) -> Document:
    """The document of a ``documents`` row."""
    return Document(
        **{f.name: row[f.name] for f in fields(Document) if f.name not in ("languages", "found")},
        languages=tuple(row["languages"] or ()),
        found=tuple(sorted(json.loads(row["found"]).items())),
    )


def event_row(event: Event) -> dict:
    """The columns of an event, its source and target mentions flattened."""
    row = _values(event)
    for side in ("source", "target"):
        row.update({f"{side}_{k}": v for k, v in _values(row.pop(side)).items()})
    return row


def processed_rows(doc: Document, processed: Any) -> dict[str, list[dict]]:
    """The rows, per table, of what the stages found in a document (a ``Processed``)."""
    common = {"document_id": doc.id, PARTITION: year_of(doc.published)}
    return {
        "sentences": [{**_values(s), **common} for s in processed.sentences],
        "time_expressions": [{**_values(t), **common} for t in processed.times],
        "mentions": [{**_values(m), **common} for m in processed.mentions],
        "events": [{**event_row(e), "index": i, **common} for i, e in enumerate(processed.events)],
        "quotes": [{**_values(q), **common} for q in processed.quotes],
    }


def _record(cls: type, row: dict, **given: Any) -> Any:
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row}, **given)


def records_from_rows(rows: dict[str, list[dict]]) -> dict[str, list]:
    """The records of one document's rows (the inverse of :func:`processed_rows`)."""

    def mention(row: dict, side: str) -> Mention:
        prefix = f"{side}_"
        values = {k[len(prefix) :]: v for k, v in row.items() if k.startswith(prefix)}
        return _record(Mention, values)

    def event(row: dict) -> Event:
        flat = {k: v for k, v in row.items() if not k.startswith(("source_", "target_"))}
        return _record(Event, flat, source=mention(row, "source"), target=mention(row, "target"))

    return {
        "sentences": [_record(Sentence, r) for r in sorted(rows["sentences"], key=_by("index"))],
        "time_expressions": [_record(TimeExpression, r) for r in rows["time_expressions"]],
        "mentions": [_record(Mention, r) for r in rows["mentions"]],
        "events": [event(r) for r in sorted(rows["events"], key=_by("index"))],
        "quotes": [_record(Quote, r, speaker=None) for r in rows["quotes"]],
    }


def _by(name: str) -> Callable[[dict], Any]:
    return lambda row: row[name]


def story_row(story: Story) -> dict:
    """The ``stories`` row of a story."""
    row = _values(story)
    row["conflicts"] = [
        {
            "field": c.field,
            "values": [{"value": v, "outlets": list(o)} for v, o in c.values],
        }
        for c in story.conflicts
    ]
    for name in ("event_ids", "document_ids", "outlets", "languages"):
        row[name] = [str(x) for x in row[name]]
    row[STORY_PARTITION] = year_of(story.date_start)
    return row


def event_id(document_id: str, index: int) -> str:
    """An event's id in the Parquet output: its document and its index there."""
    return f"{document_id}:{index}"


# reading ----------------------------------------------------------------------------------------


def dataset(directory: str | Path, table: str):
    """One table of an output folder as a pyarrow dataset (with its partition column)."""
    import pyarrow.dataset as ds

    schema = SCHEMAS[table]
    partition = schema.names[-1] if table != "log" else None
    path = Path(directory) / table
    if not path.is_dir():
        from annals.errors import AnnalsError

        raise AnnalsError(f"{directory} is not an annals run output: no {table}/ in it")
    return ds.dataset(
        str(path),
        schema=schema,
        format="parquet",
        partitioning=(
            ds.partitioning(pa.schema([(partition, _s)]), flavor="hive") if partition else None
        ),
    )


def read_table(directory: str | Path, table: str, filter: Any = None) -> list[dict]:
    """The rows of one table (optionally filtered), as dicts."""
    return dataset(directory, table).to_table(filter=filter).to_pylist()


# loading into a store -------------------------------------------------------------------------


@dataclass
class LoadReport:
    """What one ``annals load`` did."""

    documents: int = 0
    """Documents stored."""
    duplicate: int = 0
    """Documents the store already had (left as they were)."""
    processed: int = 0
    """Documents stored with what the stages found in them."""
    pending: int = 0
    """Documents the stages failed on, stored for ``annals extract``."""
    events: int = 0
    run_id: str = ""


def load(
    directory: str | Path,
    store: Any,
    batch_size: int = 200,
    on_progress: Callable[[LoadReport, int], None] | None = None,
) -> LoadReport:
    """Store the documents of an output folder and what the stages found in them, one
    publication year at a time; documents the store already has are left as they are."""
    import pyarrow.dataset as ds

    documents = dataset(directory, "documents")
    total = documents.count_rows()
    years = sorted(set(documents.to_table(columns=[PARTITION]).column(PARTITION).to_pylist()))
    log_rows = read_table(directory, "log")
    stored_lines = {r["document_id"]: r for r in log_rows if r["status"] == "stored"}
    report = LoadReport(run_id=uuid.uuid4().hex)
    for year in years:
        where = ds.field(PARTITION) == year
        rows = read_table(directory, "documents", where)
        found = {table: _by_document(read_table(directory, table, where)) for table in PROCESSED}
        for batch in _batches(rows, batch_size):
            docs = [document_from_row(r) for r in batch]
            lines = [_log_entry(stored_lines[d.id]) for d in docs if d.id in stored_lines]
            inserted = store.write_batch(docs, lines, report.run_id)
            report.documents += len(inserted)
            report.duplicate += len(docs) - len(inserted)
            for row in batch:
                if row["id"] not in inserted:
                    continue
                if row["pipeline_version"] is None:
                    report.pending += 1
                    continue
                records = records_from_rows({t: found[t].get(row["id"], []) for t in PROCESSED})
                store.save_processed(
                    row["id"],
                    row["pipeline_version"],
                    records["sentences"],
                    records["time_expressions"],
                    records["mentions"],
                    records["events"],
                    records["quotes"],
                )
                report.processed += 1
                report.events += len(records["events"])
            if on_progress:
                on_progress(report, total)
    other_lines = [_log_entry(r) for r in log_rows if r["status"] != "stored"]
    for lines in _batches(other_lines, 5 * batch_size):
        store.write_batch([], lines, report.run_id)
    return report


def _by_document(rows: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["document_id"], []).append(row)
    return grouped


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _log_entry(row: dict):
    from annals.store import LogEntry

    return LogEntry(row["source"], row["status"], row["document_id"], row["reason"])
