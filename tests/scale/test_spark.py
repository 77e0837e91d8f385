"""``annals run --engine spark`` (local mode) against the single-machine paths, and ``annals load``.

One Spark run (a subprocess, as a user runs it) reads the demo corpus, the seed articles of
../shared (when present) and a small corpus in every input format. Its output must equal, table
by table, the output of ``annals run --engine local`` on the same inputs, and its events those of
``annals ingest`` + ``annals extract``; loaded with ``annals load``, the store must list the same
events, quotes and stories as the store the single-machine path made.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from scale.corpus import mixed_corpus

from annals.api import Annals
from annals.scale import load
from annals.scale.parquet import read_table

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
HAS_SHARED = (ROOT.parent / "shared" / "gold").is_dir()
TABLES = ("documents", "sentences", "time_expressions", "mentions", "events", "quotes")


def annals(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "annals", *args], capture_output=True, text=True, timeout=900
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    """The corpora, and the outputs of the Spark run, the local run and ingest + extract."""
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs Java 17+ for the Spark tests")
        pytest.skip("no java on this machine: Spark tests skipped")
    tmp = tmp_path_factory.mktemp("scale")
    corpora = {"demo": str(ROOT / "examples/corpus"), "mixed": str(mixed_corpus(tmp / "mixed"))}
    if HAS_SHARED:
        corpora["seeds"] = str(SEEDS)
    inputs = [arg for path in corpora.values() for arg in ("--input", path)]
    command = ["run", *inputs, "--engine", "spark", "--output", str(tmp / "spark"), "--json"]
    spark = subprocess.Popen(  # meanwhile (it waits for its JVM and workers), the others run
        [sys.executable, "-m", "annals", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    local = annals("run", *inputs, "--engine", "local", "--output", str(tmp / "local"), "--json")
    reference = str(tmp / "reference.db")
    ingested = annals("ingest", *corpora.values(), "--db", reference, "--json")
    assert ingested.returncode == 1, ingested.stderr
    extracted = annals("extract", "--db", reference, "--json")
    assert extracted.returncode == 0, extracted.stderr
    stdout, stderr = spark.communicate(timeout=900)
    outputs = {}
    for engine, code, out, errors in (
        ("spark", spark.returncode, stdout, stderr),
        ("local", local.returncode, local.stdout, local.stderr),
    ):
        assert code == 1, errors  # 1: the corrupt gzip file and JSON line are reported
        outputs[engine] = json.loads(out)
    return {"tmp": tmp, "corpora": corpora, "summary": outputs, "reference": reference}


def rows(runs: dict, engine: str, table: str) -> list[dict]:
    return read_table(runs["tmp"] / engine, table)


def multiset(items: list[dict]) -> Counter:
    return Counter(json.dumps(item, sort_keys=True, default=str) for item in items)


def event_key(row: dict) -> tuple:
    """Document, source, target, code, negation, date and span of an event (a Parquet row or a
    stored event)."""
    entity = "entity_id" if "source_entity_id" in row else "entity"
    return (
        row["document_id"],
        row["source_code"],
        row[f"source_{entity}"],
        row["target_code"],
        row[f"target_{entity}"],
        row["cameo"],
        bool(row["negated"]),
        row["date"],
        row["start"],
        row["end"],
    )


def test_the_summary_counts_what_was_read(runs):
    spark, local = runs["summary"]["spark"], runs["summary"]["local"]
    assert spark["engine"] == "spark" and local["engine"] == "local"
    assert spark["rows"] == local["rows"]
    assert spark["log"] == local["log"]
    assert spark["log"]["duplicate"] == 2 and spark["log"]["failed"] == 2
    assert spark["log"]["skipped"] == 2
    assert spark["failed"] == 0
    assert spark["rows"]["events"] > 50
    sources = {d["source"] for d in rows(runs, "spark", "documents")}
    assert str(Path(runs["corpora"]["mixed"]) / "_summit.txt") in sources  # hidden to Hadoop


@pytest.mark.parametrize(
    "table", [*TABLES, "stories", "log"], ids=lambda table: f"{table}-spark-equals-local"
)
def test_every_table_of_spark_equals_the_local_engine(runs, table):
    spark, local = rows(runs, "spark", table), rows(runs, "local", table)
    assert spark, f"no {table}"
    assert multiset(spark) == multiset(local)


@pytest.mark.parametrize(
    "corpus",
    [
        "demo",
        "mixed",
        pytest.param(
            "seeds",
            marks=[
                pytest.mark.shared,
                pytest.mark.skipif(not HAS_SHARED, reason="../shared is absent: seeds skipped"),
            ],
        ),
    ],
)
def test_spark_events_equal_ingest_and_extract(runs, corpus):
    prefix = runs["corpora"][corpus]
    documents = {
        d["id"] for d in rows(runs, "spark", "documents") if d["source"].startswith(prefix)
    }
    spark = Counter(
        event_key(e) for e in rows(runs, "spark", "events") if e["document_id"] in documents
    )
    with Annals(runs["reference"]) as store:
        stored = store.store.events()
    single = Counter(event_key(e.__dict__) for e in stored if e.document_id in documents)
    assert sum(spark.values()) >= 5
    assert spark == single


def test_stories_clustered_on_spark_equal_single_machine_stories(runs):
    def comparable(story: dict) -> tuple:
        conflicts = tuple(
            (c["field"], tuple((v["value"], tuple(v["outlets"])) for v in c["values"]))
            for c in story["conflicts"]
        )
        fields = ("id", "source_code", "target_code", "cameo", "date_start", "date_end")
        counts = ("mentions", "documents", "families", "sources", "single_source")
        return (
            *(story[f] for f in fields),
            tuple(story["document_ids"]),
            tuple(story["outlets"]),
            *(story[c] for c in counts),
            conflicts,
        )

    spark = Counter(comparable(s) for s in rows(runs, "spark", "stories"))
    with Annals(runs["reference"]) as store:
        single = Counter(
            comparable({**s.__dict__, "conflicts": _conflicts(s)}) for s in store.stories()
        )
    assert spark == single
    syndicated = [s for s in rows(runs, "spark", "stories") if s["families"] < s["documents"]]
    assert syndicated, "the near-duplicate copies should count as one family"


def _conflicts(story) -> list[dict]:
    return [
        {"field": c.field, "values": [{"value": v, "outlets": list(o)} for v, o in c.values]}
        for c in story.conflicts
    ]


def test_annals_load_then_annals_events_lists_the_same_events(runs):
    loaded = str(runs["tmp"] / "loaded.db")
    result = annals("load", str(runs["tmp"] / "spark"), "--db", loaded, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    summary = runs["summary"]["spark"]["rows"]
    assert (report["documents"], report["events"]) == (summary["documents"], summary["events"])
    assert report["pending"] == 0 and report["duplicate"] == 0

    def events(db: str) -> list[dict]:
        out = annals("events", "--db", db, "--limit", "100000", "--json")
        assert out.returncode == 0, out.stderr
        listed = [json.loads(line) for line in out.stdout.splitlines()]
        return [{k: v for k, v in e.items() if k != "id"} for e in listed]  # each store's own

    def without_ids(items: list, *names: str) -> list[dict]:
        return [{k: v for k, v in vars_of(x).items() if k not in names} for x in items]

    assert multiset(events(loaded)) == multiset(events(runs["reference"]))
    with Annals(loaded) as mine, Annals(runs["reference"]) as reference:
        for listing, ids in (
            (Annals.quotes, ("id", "event_ids")),
            (Annals.stories, ("event_ids",)),
        ):
            got, expected = listing(mine), listing(reference)
            assert multiset(without_ids(got, *ids)) == multiset(without_ids(expected, *ids))
        assert (
            Counter(r["status"] for r in mine.store.ingest_log()) == runs["summary"]["spark"]["log"]
        )
        again = load(runs["tmp"] / "spark", mine.store)
    assert (again.documents, again.duplicate) == (0, summary["documents"])


def vars_of(item) -> dict:
    return item if isinstance(item, dict) else dict(item.__dict__)


@pytest.mark.postgres
def test_load_into_each_store(runs, store):
    report = load(runs["tmp"] / "spark", store)
    assert report.processed == runs["summary"]["spark"]["rows"]["documents"]
    with Annals(runs["reference"]) as reference:
        expected = Counter(event_key(e.__dict__) for e in reference.store.events())
    assert Counter(event_key(e.__dict__) for e in store.events()) == expected
    assert len(store.quotes()) == runs["summary"]["spark"]["rows"]["quotes"]
