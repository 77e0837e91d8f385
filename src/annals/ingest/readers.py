"""Readers: files, folders, globs and stdin in text, markdown, HTML, JSONL and WARC formats.

Each reader yields :class:`RawArticle` records, or :class:`ReadFailure` for an input it cannot
read, so one bad file, line or record never stops a run.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from annals.errors import InputError
from annals.ingest.decode import decode
from annals.records import RawArticle

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSON_TEXT_KEYS = ("text", "content", "body", "article")
JSON_OUTLET_KEYS = ("outlet", "source", "site", "site_name", "publisher")
JSON_DATE_KEYS = ("published", "date", "publish_date", "published_at", "datetime")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Limits:
    """Size limits on inputs, in bytes."""

    max_file: int = 20 * 1024 * 1024
    """One article: a text or HTML file, one JSONL line, one WARC record."""
    max_archive: int = 4 * 1024**3
    """A whole JSONL file, WARC file or stdin stream, decompressed."""


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Skipped:
    """An input left out on purpose (e.g. a non-HTML WARC record, an unknown file type)."""

    source: str
    reason: str


ReadResult = RawArticle | ReadFailure | Skipped


def format_of(path: str) -> str | None:
    """The format a file name says (``.gz`` aside), or None when it says nothing known."""
    name = path.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    name = name.removesuffix(".gz")
    suffix = Path(name).suffix
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".json":
        return "json"
    return None


def sniff_format(head: bytes) -> str:
    """Guess the format of content with no telling file name."""
    start = head.lstrip()[:200].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"\x1f\x8b"):
        return "warc"
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head[:4096].lower():
        return "html"
    if start.startswith(b"{"):
        first_line = head.lstrip().split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.endswith(b"}") else "json"
    if start.startswith(b"["):
        return "json"
    return "text"


def expand(paths: Iterable[str]) -> Iterator[tuple[str, str | None] | ReadFailure]:
    """Each input file as (path, format), walking folders and globs; ``-`` is stdin."""
    for given in paths:
        if given == "-":
            yield ("-", None)
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    full = os.path.join(root, name)
                    fmt = format_of(full)
                    yield (full, fmt) if fmt else Skipped(full, "not a known article file type")
        elif path.is_file():
            yield (given, format_of(given))
        elif any(c in given for c in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield ReadFailure(given, "no files match this pattern")
            for match in matches:
                if os.path.isfile(match):
                    yield (match, format_of(match))
        elif path.exists():
            yield ReadFailure(given, "not a regular file or folder")
        else:
            yield ReadFailure(given, "no such file or folder")


def read_inputs(paths: Iterable[str], limits: Limits = Limits()) -> Iterator[ReadResult]:
    """Every article in the given paths, with a failure record for each unreadable input."""
    for item in expand(paths):
        if isinstance(item, ReadFailure | Skipped):
            yield item
            continue
        path, fmt = item
        yield from _guarded(path, _read_one(path, fmt, limits))


def read_bytes(
    data: bytes, path: str, fmt: str | None, limits: Limits = Limits()
) -> Iterator[ReadResult]:
    """Every article in the bytes of one file read elsewhere (by Spark, from an object store):
    the same formats, limits and failure records as :func:`read_inputs`."""

    def read() -> Iterator[ReadResult]:
        _check_size(len(data), path, fmt, limits)
        stream: BinaryIO = io.BytesIO(data)
        if path.lower().endswith(".gz") and fmt != "warc":
            stream = gzip.GzipFile(fileobj=stream)
        with stream:
            yield from _read_stream(stream, path, fmt, limits)

    yield from _guarded(path, read())


def _guarded(path: str, results: Iterator[ReadResult]) -> Iterator[ReadResult]:
    """The results of reading one input, its errors turned into a failure record."""
    try:
        yield from results
    except InputError as exc:
        yield ReadFailure(exc.source, exc.reason)
    except (EOFError, zlib.error) as exc:  # a .json.gz or .jsonl.gz cut short or garbled
        yield ReadFailure(path, f"corrupt or truncated gzip: {exc}")
    except OSError as exc:
        yield ReadFailure(path, f"cannot read: {exc.strerror or exc}")


def _check_size(size: int, path: str, fmt: str | None, limits: Limits) -> None:
    container = fmt in ("jsonl", "json", "warc")
    limit = limits.max_archive if container else limits.max_file
    if size > limit:
        raise InputError(path, f"file is {_mb(size)}, over the limit of {_mb(limit)}")


def _read_one(path: str, fmt: str | None, limits: Limits) -> Iterator[ReadResult]:
    if path == "-":
        data = _read_limited(sys.stdin.buffer, limits.max_archive, "-")
        fmt = sniff_format(data[:8192])
        stream: BinaryIO = io.BytesIO(data)
    else:
        _check_size(os.path.getsize(path), path, fmt, limits)
        if path.lower().endswith(".gz") and fmt != "warc":
            # decompressed lazily: the size limits below apply to what comes out
            stream = gzip.open(path, "rb")  # noqa: SIM115 - closed below
        else:
            stream = open(path, "rb")  # noqa: SIM115 - closed below
    with stream:
        yield from _read_stream(stream, path, fmt, limits)


def _read_stream(
    stream: BinaryIO, path: str, fmt: str | None, limits: Limits
) -> Iterator[ReadResult]:
    if fmt is None:
        head = stream.read(8192)
        stream.seek(0)
        fmt = sniff_format(head)
    if fmt == "jsonl":
        yield from read_jsonl(stream, path, limits)
    elif fmt == "json":
        yield from read_json(_read_limited(stream, limits.max_archive, path), path)
    elif fmt == "warc":
        yield from read_warc(stream, path, limits)
    else:
        try:
            data = _read_limited(stream, limits.max_file, path)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(path, f"corrupt or truncated gzip: {exc}") from exc
        if fmt == "html":
            yield read_html(data, path)
        else:
            yield RawArticle(text=decode(data, path), source=path, format=fmt)


def _read_limited(stream: BinaryIO, limit: int, source: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(source, f"input is over the size limit of {_mb(limit)}")
    return data


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def read_html(data: bytes, source: str, url: str | None = None) -> RawArticle:
    """The article in an HTML page: body text, title, date, site name and language."""
    from annals.ingest.html import extract_article

    return extract_article(decode(data, source), source, url)


def read_jsonl(stream: BinaryIO, path: str, limits: Limits) -> Iterator[ReadResult]:
    """One article per JSON line: text (or html), title, url, outlet, published, lang."""
    lines = 0
    for number, line in enumerate(stream, start=1):
        source = f"{path}:{number}"
        if not line.strip():
            continue
        lines += 1
        if len(line) > limits.max_file:
            yield ReadFailure(source, f"line is over the size limit of {_mb(limits.max_file)}")
            continue
        try:
            yield _article_from_json(line, source)
        except InputError as exc:
            yield ReadFailure(exc.source, exc.reason)
    if lines == 0:
        yield ReadFailure(path, "empty input: no JSON lines")


def read_json(data: bytes, path: str) -> Iterator[ReadResult]:
    """A JSON file holding one article object or a list of them."""
    try:
        value = json.loads(decode(data, path))
    except json.JSONDecodeError as exc:
        yield ReadFailure(path, f"malformed JSON: {exc.msg} at line {exc.lineno}")
        return
    except (ValueError, RecursionError) as exc:  # nested too deep, an integer of 5,000 digits
        yield ReadFailure(path, f"malformed JSON: {exc.__class__.__name__}")
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        source = f"{path}#{number}" if isinstance(value, list) else path
        try:
            yield _article_from_record(record, source)
        except InputError as exc:
            yield ReadFailure(exc.source, exc.reason)


def _article_from_json(line: bytes, source: str) -> RawArticle:
    try:
        record = json.loads(decode(line, source))
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON: {exc.msg} at column {exc.colno}") from exc
    except (ValueError, RecursionError) as exc:  # nested too deep, an integer of 5,000 digits
        raise InputError(source, f"malformed JSON: {exc.__class__.__name__}") from exc
    return _article_from_record(record, source)


def _article_from_record(record: object, source: str) -> RawArticle:
    if not isinstance(record, dict):
        raise InputError(source, "a line must be a JSON object")

    def first(keys: tuple[str, ...]) -> str | None:
        for key in keys:
            value = record.get(key)
            if isinstance(value, str) and value.strip():
                # a lone surrogate ("\\ud800") is valid JSON but cannot be stored as UTF-8
                return LONE_SURROGATE.sub("\ufffd", value.strip())
        return None

    url = first(("url", "link"))
    text = first(JSON_TEXT_KEYS)
    html = first(("html",))
    if text is None and html is not None:
        article = read_html(html.encode("utf-8"), source, url)
        text = article.text
    if text is None:
        raise InputError(source, f"no article text (none of the keys {', '.join(JSON_TEXT_KEYS)})")
    return RawArticle(
        text=text,
        source=source,
        title=first(("title", "headline")),
        outlet=first(JSON_OUTLET_KEYS),
        published=first(JSON_DATE_KEYS),
        url=url,
        lang=first(("lang", "language")),
        format="json",
    )


def read_warc(stream: BinaryIO, path: str, limits: Limits) -> Iterator[ReadResult]:
    """HTML response records of a WARC or WARC.gz file; a truncated file keeps what came before."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    total = 0
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            source = f"{path}#{number}"
            if record.rec_type != "response":
                continue
            content_type = (
                (record.http_headers.get_header("Content-Type") or "").lower()
                if (record.http_headers)
                else ""
            )
            if "html" not in content_type:
                yield Skipped(source, f"not an HTML response ({content_type or 'no type'})")
                continue
            data = record.content_stream().read(limits.max_file + 1)
            total += len(data)
            if len(data) <= limits.max_file and getattr(record.raw_stream, "limit", 0) > 0:
                yield ReadFailure(path, f"truncated or corrupt WARC: record {number} is cut short")
                return
            if total > limits.max_archive:
                yield ReadFailure(path, f"archive is over the limit of {_mb(limits.max_archive)}")
                return
            if len(data) > limits.max_file:
                yield ReadFailure(
                    source, f"record is over the size limit of {_mb(limits.max_file)}"
                )
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                yield read_html(data, source, url)
            except InputError as exc:
                yield ReadFailure(exc.source, exc.reason)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
        # AttributeError: warcio on a response record without WARC-Target-URI
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        yield ReadFailure(path, f"truncated or corrupt WARC after {number} records: {reason}")
        return
    if number == 0:
        yield ReadFailure(path, "empty input: no WARC records")
