"""``annals run --engine local``: the whole pipeline on one machine, into Parquet.

The same readers, stages and clustering as the Spark engine (see :mod:`annals.scale.stages`),
run in this process or a process pool, with the single-machine near-duplicate finder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa

from annals.ingest.readers import Limits, read_inputs
from annals.records import Document
from annals.scale.parquet import PARTITION, PROCESSED, SCHEMAS, STORY_PARTITION
from annals.scale.stages import documents, run_stages, story_event, story_rows
from annals.store import LogEntry
from annals.stories import StoryEvent, near_duplicates

CHUNK = 200
"""Documents processed (and rows written) at a time."""


class TableWriter:
    """Rows of one table, written to its Parquet dataset a chunk at a time."""

    def __init__(self, directory: Path, table: str) -> None:
        self.path = directory / table
        self.schema = SCHEMAS[table]
        self.rows: list[dict] = []
        self.parts = 0
        self.count = 0

    def add(self, rows: Iterable[dict]) -> None:
        """Buffer rows; write them when there are many."""
        self.rows.extend(rows)
        if len(self.rows) >= 20 * CHUNK:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows (partitioned as the schema's last column says)."""
        import pyarrow.dataset as ds

        if not self.rows and self.parts:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(self.rows, schema=self.schema)
        partition = self.schema.names[-1]
        partitioned = partition in (PARTITION, STORY_PARTITION)
        ds.write_dataset(
            table,
            str(self.path),
            format="parquet",
            basename_template=f"part-{self.parts:05d}-{{i}}.parquet",
            partitioning=(
                ds.partitioning(pa.schema([(partition, pa.string())]), flavor="hive")
                if partitioned
                else None
            ),
            existing_data_behavior="overwrite_or_ignore",
        )
        self.count += len(self.rows)
        self.parts += 1
        self.rows.clear()


def run_local(
    inputs: list[str],
    output: Path,
    limits: Limits = Limits(),
    workers: int = 1,
    on_progress: Callable[[str, int], None] | None = None,
) -> tuple[dict[str, int], int, dict[str, int]]:
    """Read, process and cluster ``inputs`` into Parquet datasets in ``output``: rows per table,
    documents the stages failed on, and log lines per status. ``on_progress(step, documents
    processed)`` follows the run."""
    writers = {t: TableWriter(output, t) for t in ("documents", *PROCESSED, "stories", "log")}
    seen: set[str] = set()
    for_stories: list[StoryEvent] = []
    texts: dict[str, str] = {}
    failed = 0
    statuses: Counter[str] = Counter()

    def log(entry: LogEntry) -> None:
        statuses[entry.status] += 1
        writers["log"].add([_log_row(entry)])

    def new_documents() -> Iterator[Document]:
        for item in documents(read_inputs(inputs, limits)):
            if isinstance(item, LogEntry):
                log(item)
            elif item.id in seen:
                log(LogEntry(item.source or "", "duplicate", item.id, "already read"))
            else:
                seen.add(item.id)
                log(LogEntry(item.source or "", "stored", item.id))
                yield item

    pool = _pool(workers)
    try:
        done = 0
        for chunk in _chunks(new_documents(), CHUNK):
            results = pool.map(run_stages, chunk, chunksize=4) if pool else map(run_stages, chunk)
            for doc, (doc_row, rows) in zip(chunk, results, strict=True):
                failed += doc_row["error"] is not None
                writers["documents"].add([doc_row])
                for table in PROCESSED:
                    writers[table].add(rows[table])
                for row in rows["events"]:
                    for_stories.append(story_event(row, doc.outlet, doc.published))
                    texts[doc.id] = doc.text
            done += len(chunk)
            if on_progress:
                on_progress("process", done)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    if on_progress:
        on_progress("stories", done)
    families = near_duplicates(texts.items())
    writers["stories"].add(story_rows(for_stories, families))
    for writer in writers.values():
        writer.flush()
    return {table: writer.count for table, writer in writers.items()}, failed, dict(statuses)


def _log_row(entry: LogEntry) -> dict:
    return {
        "source": entry.source,
        "status": entry.status,
        "document_id": entry.document_id,
        "reason": entry.reason,
    }


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pool(workers: int):
    if workers <= 1:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
