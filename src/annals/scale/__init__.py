"""Scale: ``annals run`` over many files on one machine or on Spark, into Parquet.

``run(inputs, output, engine="local" | "spark")`` reads, processes and clusters the inputs and
writes the Parquet datasets described in :mod:`annals.scale.parquet`; ``load(output, store)``
puts them into a store. Both engines call the same readers, stages and clustering
(:mod:`annals.scale.stages`), so they produce the same rows.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from annals.errors import AnnalsError
from annals.ingest.readers import Limits
from annals.scale.parquet import MANIFEST, PROCESSED, LoadReport, load

ENGINES = ("local", "spark")
OUTPUT_TABLES = ("documents", *PROCESSED, "stories", "log")


def is_remote(path: str) -> bool:
    """Whether a path is a URI for Spark/Hadoop (``s3a://``, ``hdfs://``, ...), not a local path."""
    return "://" in path and not path.startswith("file://")


def prepare_output(output: str) -> None:
    """Make a local output folder ready: new, empty, or an earlier run's output (whose tables
    are replaced); refuse any other folder so that no one's files are deleted."""
    if is_remote(output):
        return  # Spark overwrites each table folder
    folder = Path(output.removeprefix("file://"))
    if folder.exists() and not folder.is_dir():
        raise AnnalsError(f"--output {output} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MANIFEST).exists():
        raise AnnalsError(
            f"--output {output} is not empty and holds no earlier annals run output: "
            "give a new or empty folder"
        )
    for table in OUTPUT_TABLES:
        shutil.rmtree(folder / table, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


def run(
    inputs: list[str],
    output: str,
    engine: str = "local",
    *,
    master: str | None = None,
    workers: int = 1,
    limits: Limits = Limits(),
    on_progress: Callable[[str, int], None] | None = None,
) -> dict:
    """Read, process and cluster ``inputs`` into Parquet datasets in ``output``; a summary
    (rows per table, documents the stages failed on, log lines per status, seconds), also
    written to ``output/_annals.json``."""
    from annals.pipeline import PIPELINE_VERSION

    if engine not in ENGINES:
        raise AnnalsError(f"unknown engine {engine!r}: use local or spark")
    if not inputs:
        raise AnnalsError("give at least one --input")
    started = time.perf_counter()
    prepare_output(output)
    if engine == "spark":
        from annals.scale.spark import run_spark

        rows, failed, log = run_spark(inputs, output, master, limits, on_progress)
    else:
        if any(is_remote(path) for path in inputs):
            raise AnnalsError("object-store inputs need --engine spark")
        from annals.scale.local import run_local

        rows, failed, log = run_local(inputs, Path(output), limits, workers, on_progress)
    summary = {
        "engine": engine,
        "pipeline_version": PIPELINE_VERSION,
        "inputs": list(inputs),
        "rows": rows,
        "failed": failed,
        "log": log,
        "seconds": round(time.perf_counter() - started, 3),
    }
    if not is_remote(output):
        manifest = Path(output.removeprefix("file://")) / MANIFEST
        manifest.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


__all__ = ["ENGINES", "LoadReport", "load", "run"]
