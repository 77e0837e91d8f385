"""``annals run --engine spark``: the pipeline on Apache Spark (local mode or any cluster).

Step 1 reads the inputs' bytes on the executors: URIs that Hadoop reads (``s3a://``, ``gs://``,
``abfss://``, ``hdfs://``) with Spark's ``binaryFile`` source, local files (listed on the driver as
``annals ingest`` lists them) by path. It turns each file into documents with the project's
readers (a JSONL or WARC file holds many), keeps one document per content hash (the first in
input order), and runs the stages on each document in ``mapInArrow`` (models and gazetteers are
cached per Python worker, which Spark reuses, so they load once per worker, not per row). It
writes documents, sentences, time expressions, mentions, events and quotes as partitioned
Parquet, and the log.

Step 2 reads the events back and clusters them into stories: near-duplicate families by MinHash
LSH bands grouped in Spark (pairs verified on the executors; the few edges joined on the driver),
then events grouped by their clustering block (actor pair and root class) with the existing
clustering run on each block in ``applyInArrow``. Blocks are independent, so the stories equal
those of the single-machine clustering.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa

from annals.errors import AnnalsError
from annals.ingest.readers import Limits, ReadFailure, Skipped, expand, format_of, read_bytes
from annals.scale import is_remote
from annals.scale.parquet import (
    PARTITION,
    PROCESSED,
    SCHEMAS,
    STORY_PARTITION,
    document_from_row,
    document_row,
)
from annals.scale.stages import documents, run_stages, story_event, story_rows
from annals.store import LogEntry

REMOTE_RANK = 10**12
"""Order of object-store files (after every local file; among themselves by path)."""
LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",
    "spark.driver.memory": "2g",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "200",
    # a quick start matters more than peak JIT speed here: the work is in the Python workers
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}
"""Settings for local mode: small and quick to start on a laptop or a CI machine."""

_ORDER = [("rank", pa.int64()), ("file", pa.string()), ("position", pa.int32())]
READ_SCHEMA = pa.schema(
    [*SCHEMAS["documents"], ("status", pa.string()), ("reason", pa.string()), *_ORDER]
)
"""Step 1's rows: a document read (status ``read``) or an input skipped or failed."""
PROCESSED_SCHEMA = pa.schema(
    [*SCHEMAS["documents"], *((t, pa.list_(pa.struct(list(SCHEMAS[t])))) for t in PROCESSED)]
)
"""A document's row with the rows of what the stages found in it."""
_BANDS = pa.schema(
    [("id", pa.string()), ("band", pa.int32()), ("key", pa.binary()), ("sig", pa.binary())]
)
_EDGES = pa.schema([("a", pa.string()), ("b", pa.string())])


def spark_schema(schema: pa.Schema):
    """The Spark schema of an Arrow schema."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)


def session(master: str | None = None) -> tuple[Any, bool]:
    """A Spark session and whether it is new: the running one (a notebook's), else one on
    ``master`` (by default ``local[2]`` with :data:`LOCAL_CONF`, or spark-submit's master)."""
    # annals' Spark code passes Arrow, never pandas, to and from the workers
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise AnnalsError(
            "--engine spark needs pyspark: pip install 'annals[spark]' (and Java 17 or newer)"
        ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName("annals")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit gave master and settings
    if master or not submitted:
        builder = builder.master(master or "local[2]")
    if (master or "local").startswith("local") and not submitted:
        for key, value in LOCAL_CONF.items():
            builder = builder.config(key, value)
        # the Python workers must be this interpreter, which has annals installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, a master that does not answer
        raise AnnalsError(f"cannot start Spark: {exc}".splitlines()[0]) from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark, not submitted


def run_spark(
    inputs: list[str],
    output: str,
    master: str | None = None,
    limits: Limits = Limits(),
    on_progress: Callable[[str, int], None] | None = None,
) -> tuple[dict[str, int], int, dict[str, int]]:
    """Both steps on ``inputs`` into ``output``: rows per table, documents the stages failed
    on, and log lines per status."""
    from py4j.protocol import Py4JError
    from pyspark import StorageLevel
    from pyspark.errors import PySparkException, PythonException

    spark, new = session(master)
    try:
        if on_progress:
            on_progress("read and process", 0)
        read, processed, log = _step_one(spark, inputs, limits)
        processed.persist(StorageLevel.MEMORY_AND_DISK)
        rows = _write_tables(processed, output)
        failed = processed.where("error IS NOT NULL").count()
        log_counts = {r["status"]: r["count"] for r in log.groupBy("status").count().collect()}
        _write(
            log.orderBy("rank", "file", "position").drop(*(n for n, _ in _ORDER)).coalesce(1),
            output,
            "log",
            None,
        )
        processed.unpersist()
        read.unpersist()
        if on_progress:
            on_progress("stories", rows["documents"])
        rows["stories"] = cluster_stories(spark, output)
        rows["log"] = sum(log_counts.values())
    except (PySparkException, Py4JError) as exc:  # a bad URI, a lost executor, a worker error
        lines = [line for line in str(exc).splitlines() if line.strip()] or [repr(exc)]
        cause = lines[-1] if isinstance(exc, PythonException) else lines[0]
        raise AnnalsError(f"Spark failed: {cause}") from exc
    finally:
        if new:
            spark.stop()
    return rows, failed, log_counts


def _join(output: str, table: str) -> str:
    return f"{output.rstrip('/')}/{table}"


def _write(frame, output: str, table: str, partition: str | None) -> None:
    writer = frame.write.mode("overwrite")
    if partition:
        writer = writer.partitionBy(partition)
    writer.parquet(_join(output, table))


def _read(spark, output: str, table: str):
    return spark.read.schema(spark_schema(SCHEMAS[table])).parquet(_join(output, table))


# step 1 -----------------------------------------------------------------------------------------


def _files(inputs: list[str]) -> tuple[list[dict], list[str], list[dict]]:
    """The local files (rank, path, name and format), listed as ``annals ingest`` lists them;
    the URIs; and a log row for each local input skipped or not found."""
    if "-" in inputs:
        raise AnnalsError("--engine spark cannot read standard input: give files")
    remote = [p for p in inputs if is_remote(p)]
    local = [p.removeprefix("file://") for p in inputs if not is_remote(p)]
    files, problems = [], []
    for rank, item in enumerate(expand(local)):
        if isinstance(item, ReadFailure | Skipped):
            status = "failed" if isinstance(item, ReadFailure) else "skipped"
            row = {"source": item.source, "status": status, "reason": item.reason}
            problems.append({**row, "rank": rank, "file": item.source, "position": 0})
        else:
            path, fmt = item
            files.append({"rank": rank, "path": os.path.abspath(path), "file": path, "fmt": fmt})
    return files, remote, problems


def _read_local(limits: Limits) -> Callable:
    """Read local files by path where the task runs (Hadoop's listing, behind ``binaryFile``,
    leaves out names that start with ``_``, which ``annals ingest`` reads)."""

    def read(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            out = []
            for file in batch.to_pylist():
                try:
                    with open(file["path"], "rb") as handle:
                        data = handle.read()
                except OSError as exc:
                    reason = f"cannot read: {exc.strerror or exc}"
                    row = {"source": file["file"], "status": "failed", "reason": reason}
                    out.append({**row, "rank": file["rank"], "file": file["file"], "position": 0})
                    continue
                out.extend(_file_rows(data, file["file"], file["fmt"], file["rank"], limits))
            yield pa.RecordBatch.from_pylist(out, schema=READ_SCHEMA)

    return read


def _read_remote(limits: Limits) -> Callable:
    """Read the rows of Spark's ``binaryFile`` source (path and bytes)."""

    def read(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            out = []
            paths, contents = batch.column("path").to_pylist(), batch.column("content").to_pylist()
            for path, content in zip(paths, contents, strict=True):
                out.extend(_file_rows(content, path, format_of(path), REMOTE_RANK, limits))
            yield pa.RecordBatch.from_pylist(out, schema=READ_SCHEMA)

    return read


def _file_rows(data: bytes, name: str, fmt: str | None, rank: int, limits: Limits) -> list[dict]:
    if fmt is None and rank == REMOTE_RANK:
        results: Iterable = [Skipped(name, "not a known article file type")]
    else:
        results = read_bytes(data, name, fmt, limits)
    rows = []
    for position, item in enumerate(documents(results)):
        if isinstance(item, LogEntry):
            row = {"source": item.source, "status": item.status, "reason": item.reason}
        else:
            row = {**document_row(item), "status": "read"}
        rows.append({**row, "rank": rank, "file": name, "position": position})
    return rows


def _step_one(spark, inputs: list[str], limits: Limits):
    """The inputs read (persisted), the documents processed (one row each, with what was found
    in it) and the log, as DataFrames."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    files, remote, problems = _files(inputs)
    frames = []
    if files:
        listing = spark.createDataFrame(files, "rank long, path string, file string, fmt string")
        frames.append(listing.mapInArrow(_read_local(limits), spark_schema(READ_SCHEMA)))
    if remote:
        raw = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(remote)
        frames.append(
            raw.select("path", "content").mapInArrow(
                _read_remote(limits), spark_schema(READ_SCHEMA)
            )
        )
    if problems:
        frames.append(spark.createDataFrame(problems, spark_schema(READ_SCHEMA)))
    if not frames:
        raise AnnalsError("no input files")
    read = frames[0]
    for frame in frames[1:]:
        read = read.unionByName(frame)
    read = read.persist(StorageLevel.MEMORY_AND_DISK)
    first = Window.partitionBy("id").orderBy("rank", "file", "position")
    docs = read.where("status = 'read'").withColumn("n", F.row_number().over(first))
    kept = docs.where("n = 1")
    log_columns = ["source", "status", "document_id", "reason", *(n for n, _ in _ORDER)]
    log = docs.select(
        "source",
        F.when(F.col("n") == 1, "stored").otherwise("duplicate").alias("status"),
        F.col("id").alias("document_id"),
        F.when(F.col("n") == 1, None).otherwise("already read").alias("reason"),
        *(n for n, _ in _ORDER),
    ).unionByName(
        read.where("status != 'read'")
        .withColumn("document_id", F.lit(None).cast("string"))
        .select(*log_columns)
    )
    documents_columns = SCHEMAS["documents"].names
    processed = kept.select(*documents_columns).mapInArrow(
        _process_batches, spark_schema(PROCESSED_SCHEMA)
    )
    return read, processed, log


def _process_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        out = []
        for row in batch.to_pylist():
            doc_row, rows = run_stages(document_from_row(row))
            out.append({**doc_row, **rows})
        yield pa.RecordBatch.from_pylist(out, schema=PROCESSED_SCHEMA)


def _write_tables(processed, output: str) -> dict[str, int]:
    from pyspark.sql import functions as F

    _write(processed.select(*SCHEMAS["documents"].names), output, "documents", PARTITION)
    counts = (
        processed.agg(
            F.count("*").alias("documents"),
            *(F.sum(F.size(table)).alias(table) for table in PROCESSED),
        )
        .first()
        .asDict()
    )
    for table in PROCESSED:
        rows = processed.select(F.explode(table).alias("r")).select("r.*")
        _write(rows, output, table, PARTITION)
    return {table: int(counts[table] or 0) for table in ("documents", *PROCESSED)}


# step 2 -----------------------------------------------------------------------------------------


def cluster_stories(spark, output: str) -> int:
    """Cluster the events of an output folder into its ``stories`` dataset; how many stories."""
    from pyspark.sql import functions as F

    events = _read(spark, output, "events").drop(PARTITION)
    docs = _read(spark, output, "documents").select("id", "outlet", "published", "text")
    with_events = docs.join(events.select(F.col("document_id").alias("id")).distinct(), "id")
    families = spark.sparkContext.broadcast(near_duplicate_families(with_events))
    info = docs.select(F.col("id").alias("document_id"), "outlet", "published")
    keyed = events.join(info, "document_id")
    keyed_schema = pa.schema(
        [
            *SCHEMAS["events"].remove(SCHEMAS["events"].get_field_index(PARTITION)),
            ("outlet", pa.string()),
            ("published", pa.string()),
            ("block", pa.string()),
        ]
    )
    keyed = keyed.select(*keyed_schema.names[:-1]).mapInArrow(
        _add_blocks, spark_schema(keyed_schema)
    )

    def cluster_block(table: pa.Table) -> pa.Table:
        events_of = [
            story_event(row, row.pop("outlet"), row.pop("published"))
            for row in table.drop(["block"]).to_pylist()
        ]
        rows = story_rows(events_of, families.value)
        return pa.Table.from_pylist(rows, schema=SCHEMAS["stories"])

    stories = keyed.groupBy("block").applyInArrow(cluster_block, spark_schema(SCHEMAS["stories"]))
    stories = stories.persist()
    _write(stories, output, "stories", STORY_PARTITION)
    count = stories.count()
    stories.unpersist()
    return count


def _add_blocks(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    from annals.stories.cluster import block_of

    for batch in batches:
        blocks = [
            json.dumps(block_of(story_event(row, row["outlet"], row["published"])))
            for row in batch.to_pylist()
        ]
        yield pa.RecordBatch.from_arrays(
            [*batch.columns, pa.array(blocks, pa.string())],
            names=[*batch.schema.names, "block"],
        )


def near_duplicate_families(docs) -> dict[str, str]:
    """Map each document of ``docs`` (a DataFrame of id and text) that has a near duplicate to
    the smallest id of its family: the documents of a MinHash LSH band bucket are compared in
    Spark, as :func:`annals.stories.near_duplicates` compares LSH candidates."""
    from pyspark.sql import functions as F

    bands = docs.select("id", "text").mapInArrow(_band_batches, spark_schema(_BANDS))
    buckets = (
        bands.groupBy("band", "key")
        .agg(F.collect_list(F.struct("id", "sig")).alias("members"))
        .where(F.size("members") > 1)
    )
    edges = buckets.select("members").mapInArrow(_verify_batches, spark_schema(_EDGES))
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for row in edges.distinct().collect():
        a, b = find(row["a"]), find(row["b"])
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {x: find(x) for x in parent}


def _lsh():
    from datasketch import MinHashLSH

    from annals.stories.duplicates import NUM_PERM, THRESHOLD

    return MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)


def _band_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    from annals.stories.duplicates import signature

    ranges = _lsh().hashranges
    for batch in batches:
        out = []
        for row in batch.to_pylist():
            minhash = signature(row["text"] or "")
            if minhash is None:
                continue  # an empty text is nobody's copy
            values = minhash.hashvalues
            sig = values.tobytes()
            for band, (start, end) in enumerate(ranges):
                out.append(
                    {"id": row["id"], "band": band, "key": values[start:end].tobytes(), "sig": sig}
                )
        yield pa.RecordBatch.from_pylist(out, schema=_BANDS)


def _verify_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    import numpy as np
    from datasketch import MinHash

    from annals.stories.duplicates import NUM_PERM, THRESHOLD

    like = MinHash(num_perm=NUM_PERM, seed=1)

    def minhash(sig: bytes) -> Any:
        values = np.frombuffer(sig, dtype=like.hashvalues.dtype)
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=like.scheme)

    for batch in batches:
        out = []
        for row in batch.to_pylist():
            members = sorted((m["id"], m["sig"]) for m in row["members"])
            hashes = [(doc_id, minhash(sig)) for doc_id, sig in members]
            for i, (a, first) in enumerate(hashes):
                for b, second in hashes[i + 1 :]:
                    if a != b and first.jaccard(second) >= THRESHOLD:
                        out.append({"a": a, "b": b})
        yield pa.RecordBatch.from_pylist(out, schema=_EDGES)
