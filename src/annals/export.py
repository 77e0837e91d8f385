"""Exports of listings (documents, events, quotes, stories, actors) as CSV, JSON lines, Parquet,
or events as a GDELT 2.0-style event table.

Rows are dicts or the store's records (dataclasses such as :class:`annals.records.Document`,
:class:`annals.store.StoredEvent`, :class:`annals.stories.Story`). They are read and encoded
``batch_size`` at a time, so an export of a million events streams from the store's ``iter_*``
methods to a file or to an HTTP response without holding all rows: :func:`write` writes to a path
(atomically) or a binary stream, :func:`chunks` yields the bytes batch by batch.

* **csv**: a header line from the first row's keys, then one line per row; None is empty, lists
  and dicts are JSON.
* **jsonl**: one JSON object per line.
* **parquet**: one row group per batch; column types are inferred from the first batch (columns
  empty there are strings); lists of plain values stay lists, dicts and nested lists are JSON.
* **gdelt** (events only): the 61 columns of the GDELT 2.0 Events table, tab-separated, no header
  line, as GDELT publishes them. Negated events ("did not meet") are left out: the format cannot
  say so. What annals knows fills these columns, the others are empty:

  =============================== ================================================================
  GlobalEventID                   the event's id
  Day, MonthYear, Year            the event's date (YYYYMMDD, YYYYMM, YYYY), each as far as its
                                  precision goes; the report's publication date when undated
  FractionDate                    YYYY + ((month - 1) * 30 + day) / 365, as GDELT computes it
  Actor1Code                      CAMEO actor code: country + sector (``RUSGOV``); an IGO's CAMEO
                                  group code (``UNO``, ``NAT``, ``EEC``, ``ASN``, ``WHO``), else
                                  ``IGO``
  Actor1Name                      the actor's name as resolved (person, body or country)
  Actor1CountryCode               the ISO 3166-1 alpha-3 code of a state actor
  Actor1KnownGroupCode            the IGO's CAMEO group code
  Actor1Type1Code                 the sector (GOV, MIL, ...), or ``IGO`` for other IGOs
  Actor1EthnicCode, Religion1/2,  empty
  Type2, Type3
  Actor2*                         the same for the target
  IsRootEvent                     1 when the event is in the document's first sentence
  EventCode, EventBaseCode,       the CAMEO code, its first three digits, its root
  EventRootCode
  QuadClass, GoldsteinScale       from the CAMEO codebook, as stored
  NumMentions, NumSources,        with ``stories``: the event's story's mentions, independent
  NumArticles                     outlets and documents; else 1, 1, 1 (one report)
  AvgTone                         a row's ``tone`` when it has one, else empty
  Actor1Geo_*, Actor2Geo_*        empty
  ActionGeo_FullName              the event's place as written; the other ActionGeo_* are empty
  DATEADDED                       the report's publication day, YYYYMMDD000000
  SOURCEURL                       the report's URL (rows from ``Store.iter_events`` have it)
  =============================== ================================================================
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from annals.actors.gazetteer import ORG_CODES
from annals.errors import AnnalsError
from annals.records import Document

KINDS = ("documents", "events", "quotes", "stories", "actors")
FILTERS = {
    "documents": ("outlet", "lang", "since", "until"),
    "events": ("actor", "source", "target", "pair", "code", "since", "until", "outlet"),
    "quotes": ("speaker", "outlet", "search", "direct"),
    "stories": ("actor", "code", "since", "until", "single_source"),
    "actors": (),
}
"""The filters each listing takes (those of its ``annals`` command and API endpoint)."""
FORMATS = ("csv", "jsonl", "parquet", "gdelt")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "gdelt": "text/tab-separated-values; charset=utf-8",
}
BATCH_SIZE = 10_000

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
"""The columns of the GDELT 2.0 Events table, in order (61)."""

CAMEO_GROUPS = {"UN": "UNO", "NATO": "NAT", "EU": "EEC", "ASEAN": "ASN", "WHO": "WHO"}
"""annals organisation codes that have a CAMEO known-group code."""


def listing(
    annals: Any,
    kind: str,
    filters: Mapping[str, Any],
    limit: int | None = None,
    offset: int = 0,
    batch_size: int = BATCH_SIZE,
) -> Iterable[Any]:
    """Every row of a listing of an :class:`annals.api.Annals` store, filtered (None: not
    given). Documents, events and quotes stream from the store ``batch_size`` rows at a time;
    stories are clustered in memory, actors counted in the database."""
    if kind not in KINDS:
        raise AnnalsError(f"cannot export {kind!r}: one of {', '.join(KINDS)}")
    given = {k: v for k, v in filters.items() if v is not None and v is not False}
    unknown = sorted(set(given) - set(FILTERS[kind]))
    if unknown:
        names = ", ".join("--" + name.replace("_", "-") for name in unknown)
        raise AnnalsError(f"{kind} cannot be filtered by {names}")
    store = annals.store
    paging = {"limit": limit, "offset": offset, "batch_size": batch_size}
    if kind == "documents":
        return store.iter_documents(**given, **paging)
    if kind == "events":
        return store.iter_events(**given, **paging)
    if kind == "quotes":
        return store.iter_quotes(**given, **paging)
    end = None if limit is None else offset + limit
    if kind == "stories":
        single = given.pop("single_source", False)
        return [s for s in annals.stories(**given) if s.single_source or not single][offset:end]
    return store.actor_counts(end)[offset:]


def as_row(record: Any) -> dict:
    """A record as a plain dict: tuples become lists, nested dataclasses dicts, dates ISO
    strings; a Document's ``found`` pairs become a dict."""
    if isinstance(record, Mapping):
        items = record.items()
    elif is_dataclass(record) and not isinstance(record, type):
        items = ((name, getattr(record, name)) for name in _field_names(type(record)))
    else:
        raise TypeError(f"cannot export a {type(record).__name__}: give dicts or dataclasses")
    row = {k: v if type(v) in _SCALARS else _plain(v) for k, v in items}
    if isinstance(record, Document):
        row["found"] = dict(record.found)
    return row


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


def write(
    rows: Iterable[Any],
    fmt: str,
    target: str | os.PathLike | BinaryIO,
    *,
    batch_size: int = BATCH_SIZE,
    stories: Iterable[Any] | None = None,
) -> int:
    """Write ``rows`` in format ``fmt`` to a path (via a temporary file renamed at the end, so
    a failed export leaves no partial file) or a binary stream; return the rows written.
    ``stories`` (gdelt only) give the mention, source and article counts."""
    if not isinstance(target, str | os.PathLike):
        return _write_to(target, rows, fmt, batch_size, stories)
    path = Path(target)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("wb") as stream:
            written = _write_to(stream, rows, fmt, batch_size, stories)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return written


def chunks(
    rows: Iterable[Any],
    fmt: str,
    *,
    batch_size: int = BATCH_SIZE,
    stories: Iterable[Any] | None = None,
) -> Iterator[bytes]:
    """The export of ``rows`` as byte strings, one per batch (for a streaming HTTP response)."""
    for chunk, _count in _encode(rows, fmt, batch_size, stories):
        yield chunk


def _write_to(
    stream: BinaryIO, rows: Iterable[Any], fmt: str, batch_size: int, stories: Any
) -> int:
    written = 0
    for chunk, count in _encode(rows, fmt, batch_size, stories):
        stream.write(chunk)
        written += count
    return written


def _encode(
    rows: Iterable[Any], fmt: str, batch_size: int, stories: Iterable[Any] | None
) -> Iterator[tuple[bytes, int]]:
    """(bytes, rows in them) per batch."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if stories is not None and fmt != "gdelt":
        raise ValueError("story counts go only into the gdelt format")
    batches = _batches(rows, batch_size)
    if fmt == "csv":
        return _csv(batches)
    if fmt == "jsonl":
        return _jsonl(batches)
    if fmt == "parquet":
        return _parquet(batches)
    return _gdelt(batches, story_counts(stories or ()))


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := [as_row(r) for r in islice(iterator, size)]:
        yield batch


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _csv(batches: Iterator[list[dict]]) -> Iterator[tuple[bytes, int]]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header: list[str] = []
    for batch in batches:
        if not header:
            header = list(batch[0])
            writer.writerow(header)
        for row in batch:
            values = (row.get(name) for name in header)
            writer.writerow([v if type(v) in _SCALARS else _json(v) for v in values])
        yield buffer.getvalue().encode("utf-8"), len(batch)
        buffer.seek(0)
        buffer.truncate()


def _jsonl(batches: Iterator[list[dict]]) -> Iterator[tuple[bytes, int]]:
    for batch in batches:
        yield "".join(_json(row) + "\n" for row in batch).encode("utf-8"), len(batch)


class _Sink(io.RawIOBase):
    """A write-only stream that keeps what is written until it is taken."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[bytes] = []
        self.position = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def _is_plain(value: Any) -> bool:
    return not isinstance(value, list | dict)


def _parquet(batches: Iterator[list[dict]]) -> Iterator[tuple[bytes, int]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = _Sink()
    writer = schema = None
    list_columns: set[str] = set()
    for batch in batches:
        if schema is None:
            list_columns = _list_columns(batch)
        prepared = [_for_parquet(r, list_columns) for r in batch]
        if schema is None:
            inferred = pa.Table.from_pylist(prepared).schema
            schema = pa.schema([_concrete(field) for field in inferred])
            writer = pq.ParquetWriter(sink, schema)
        writer.write_batch(pa.RecordBatch.from_pylist(prepared, schema=schema))
        yield sink.take(), len(batch)
    if writer is None:
        writer = pq.ParquetWriter(sink, pa.schema([]))
    writer.close()
    yield sink.take(), 0


def _list_columns(batch: list[dict]) -> set[str]:
    """Columns kept as Parquet lists: some value is a non-empty list of plain values, and no
    value is a dict or a list holding lists or dicts (those columns are JSON text)."""
    keep = set()
    for name in batch[0]:
        values = [row.get(name) for row in batch]
        lists = [v for v in values if isinstance(v, list)]
        nested = any(isinstance(v, dict) for v in values) or any(
            not _is_plain(x) for v in lists for x in v
        )
        if any(lists) and not nested:
            keep.add(name)
    return keep


def _for_parquet(row: dict, list_columns: set[str]) -> dict:
    return {k: v if _is_plain(v) or k in list_columns else _json(v) for k, v in row.items()}


def _concrete(field):
    """A column type for a column that was all None (string) or all empty lists."""
    import pyarrow as pa

    if pa.types.is_null(field.type):
        return field.with_type(pa.string())
    if pa.types.is_list(field.type) and pa.types.is_null(field.type.value_type):
        return field.with_type(pa.list_(pa.string()))
    return field


# GDELT ------------------------------------------------------------------------------------


def story_counts(stories: Iterable[Any]) -> dict[Any, tuple[int, int, int]]:
    """Event id -> (mentions, independent sources, documents) of the story it belongs to."""
    return {
        event_id: (story.mentions, story.sources, story.documents)
        for story in stories
        for event_id in story.event_ids
    }


def gdelt_row(event: Any, counts: tuple[int, int, int] | None = None) -> list[str]:
    """The 61 GDELT 2.0 Events fields of one event (a StoredEvent or a dict of its fields, with
    ``url`` and ``tone`` when known); ``counts`` are its story's (mentions, sources, articles)."""
    e = as_row(event)
    day, month_year, year, fraction = _gdelt_dates(e.get("date") or e.get("published"))
    added, _, _, _ = _gdelt_dates(e.get("published"))
    cameo = e["cameo"]
    mentions, sources, articles = counts or (1, 1, 1)
    tone = e.get("tone")
    row = [
        str(e["id"]),
        day,
        month_year,
        year,
        fraction,
        *_gdelt_actor(e.get("source_code"), e.get("source_name"), e.get("source_sector")),
        *_gdelt_actor(e.get("target_code"), e.get("target_name"), e.get("target_sector")),
        "1" if e.get("sentence") == 0 else "0",
        cameo,
        cameo[:3],
        e.get("root") or cameo[:2],
        str(e["quad_class"]),
        format(float(e["goldstein"]), "g"),
        str(mentions),
        str(sources),
        str(articles),
        "" if tone is None else format(float(tone), "g"),
        *([""] * 16),
        "",
        e.get("place") or "",
        *([""] * 6),
        added + "000000" if added else "",
        e.get("url") or "",
    ]
    return [_field(value) for value in row]


def _field(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _gdelt_dates(value: str | None) -> tuple[str, str, str, str]:
    """Day, MonthYear, Year and FractionDate of an ISO date at any precision."""
    parts = (value or "").split("-")
    if not parts[0].isdigit():
        return "", "", "", ""
    year = parts[0]
    month_year = year + parts[1] if len(parts) > 1 else ""
    if len(parts) < 3:
        return "", month_year, year, ""
    fraction = int(year) + ((int(parts[1]) - 1) * 30 + int(parts[2])) / 365
    return year + parts[1] + parts[2], month_year, year, f"{fraction:.4f}"


def _gdelt_actor(code: str | None, name: str | None, sector: str | None) -> list[str]:
    """The ten actor fields: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
    Religion2Code, Type1Code, Type2Code, Type3Code."""
    code = code or ""
    if code in ORG_CODES:
        group = CAMEO_GROUPS.get(code, "")
        full, country, kind = group or "IGO", "", "" if group else "IGO"
    else:
        group, country, kind = "", code, sector if sector and sector != "IGO" else ""
        full = code + kind
    return [full, name or "", country, group, "", "", "", kind, "", ""]


def _gdelt(
    batches: Iterator[list[dict]], counts: dict[Any, tuple[int, int, int]]
) -> Iterator[tuple[bytes, int]]:
    for batch in batches:
        lines = [
            "\t".join(gdelt_row(e, counts.get(e["id"]))) + "\n"
            for e in batch
            if not e.get("negated")
        ]
        yield "".join(lines).encode("utf-8"), len(lines)
