"""Crash safety: ``annals ingest`` and ``annals extract`` killed with SIGKILL at random points.

After each kill the SQLite store opens, passes ``PRAGMA integrity_check`` and is consistent
(every 'stored' log line has its document; every processed document has its sentences); a
re-run completes it to exactly what an uninterrupted run stores.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 300


def write_corpus(folder: Path, n: int = ARTICLES, seed: int = 11) -> None:
    """``n`` small generated articles (about 50 words, English, Chinese and Russian) as text
    files, plus one JSONL file of a few more."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import article
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rng = random.Random(seed)
    folder.mkdir()
    for i in range(n):
        lang = ("en", "zh", "ru")[i % 3]
        text, _published = article(rng, lang, words=50)
        (folder / f"{i:03d}-{lang}.txt").write_text(text, encoding="utf-8")
    (folder / "extra.jsonl").write_text(
        "\n".join(
            f'{{"text": "Extra article {i}: the Kremlin criticised NATO over the sanctions.",'
            f' "published": "2023-05-{i + 1:02d}", "outlet": "Line Wire"}}'
            for i in range(10)
        )
        + "\n",
        encoding="utf-8",
    )


def annals(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "annals", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        start_new_session=True,  # its own process group: a kill takes its workers too
    )


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the process and any workers it started (its process group)."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def run(*args: str) -> float:
    """Run an annals command to completion; its duration (exit code 0 required)."""
    started = time.perf_counter()
    process = annals(*args)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    return time.perf_counter() - started


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def check_consistent(db: Path) -> None:
    """The store opens, is intact, and has no log line or result without what it refers to."""
    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    if not query(db, "SELECT name FROM sqlite_master WHERE name = 'ingest_log'"):
        return  # killed before the first migration committed: an empty, intact file
    assert query(
        db,
        "SELECT count(*) FROM ingest_log l WHERE l.status = 'stored' "
        "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = l.document_id)",
    ) == [(0,)]
    # every document came with its log line, in the same transaction
    assert query(
        db,
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM ingest_log l WHERE l.document_id = d.id AND l.status = 'stored')",
    ) == [(0,)]
    # a processed document has its sentences; results exist only for processed documents
    assert query(
        db,
        "SELECT count(*) FROM documents d WHERE d.pipeline_version IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)",
    ) == [(0,)]
    for table in ("sentences", "mentions", "events"):
        assert query(
            db,
            f"SELECT count(*) FROM {table} t JOIN documents d ON d.id = t.document_id "
            "WHERE d.pipeline_version IS NULL",
        ) == [(0,)], f"{table} of a document not marked processed"


def kill_after(args: tuple[str, ...], delay: float) -> int | None:
    """Start ``annals ARGS``, SIGKILL it after ``delay`` seconds; its exit code if it ended
    first, else None."""
    process = annals(*args)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        kill(process)
        return None
    finally:
        process.stderr.close()
    return process.returncode


def documents(db: Path) -> set[tuple]:
    return set(query(db, "SELECT id, title, outlet, published, languages FROM documents"))


def events(db: Path) -> set[tuple]:
    return set(
        query(
            db,
            'SELECT document_id, start, "end", cameo, source_code, target_code FROM events',
        )
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "corpus"
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict:
    """An uninterrupted ingest and extract of the corpus, and how long each took."""
    db = corpus.parent / "reference.db"
    ingest_seconds = run("ingest", str(corpus), "--db", str(db), "-q")
    shutil.copy(db, corpus.parent / "ingested.db")
    extract_seconds = run("extract", "--db", str(db), "-q")
    return {
        "documents": documents(db),
        "events": events(db),
        "ingested": corpus.parent / "ingested.db",
        "ingest_seconds": ingest_seconds,
        "extract_seconds": extract_seconds,
    }


def test_ingest_killed_at_random_points(corpus: Path, reference: dict, tmp_path: Path) -> None:
    assert len(reference["documents"]) == ARTICLES + 10
    rng = random.Random(3)
    full = reference["ingest_seconds"]
    # start-up (imports) takes most of a short run: kills spread over its whole length
    delays = sorted(rng.uniform(0.3 * full, 1.1 * full) for _ in range(4))
    killed = 0
    for number, delay in enumerate(delays):
        db = tmp_path / f"ingest-{number}.db"
        # a kill, a second kill of the re-run, then a run to completion
        for attempt_delay in (delay, rng.uniform(0.5, 1.0) * full):
            code = kill_after(("ingest", str(corpus), "--db", str(db), "-q"), attempt_delay)
            killed += code is None
            assert code in (None, 0)
            if db.exists():
                check_consistent(db)
        run("ingest", str(corpus), "--db", str(db), "-q")
        check_consistent(db)
        assert documents(db) == reference["documents"]
        stored = query(db, "SELECT count(*) FROM ingest_log WHERE status = 'stored'")
        assert stored == [(ARTICLES + 10,)], "each document logged 'stored' exactly once"
    assert killed >= 3, f"only {killed} runs were killed before they ended"


def test_ingest_killed_after_the_first_batch(corpus: Path, reference: dict, tmp_path: Path):
    """A kill between two batches: some documents stored, the rest stored by the re-run."""
    db = tmp_path / "batch.db"
    process = annals("ingest", str(corpus), "--db", str(db), "-q")
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                stored = query(db, "SELECT count(*) FROM documents")[0][0]
            except sqlite3.OperationalError:  # not migrated yet
                stored = 0
            if stored:
                break
        time.sleep(0.005)
    finished = process.poll() is not None
    if not finished:
        kill(process)
    process.stderr.close()
    check_consistent(db)
    if not finished:
        assert 0 < len(documents(db)) < ARTICLES + 10
    run("ingest", str(corpus), "--db", str(db), "-q")
    check_consistent(db)
    assert documents(db) == reference["documents"]


def test_extract_killed_at_random_points(reference: dict, tmp_path: Path) -> None:
    rng = random.Random(5)
    full = reference["extract_seconds"]
    db = tmp_path / "extract.db"
    shutil.copy(reference["ingested"], db)
    killed = 0
    processed_after_kills = []
    for fraction in sorted(rng.uniform(0.3, 0.9) for _ in range(3)):
        code = kill_after(("extract", "--db", str(db), "-q"), fraction * full)
        killed += code is None
        assert code in (None, 0)
        check_consistent(db)
        processed_after_kills.append(
            query(db, "SELECT count(*) FROM documents WHERE pipeline_version IS NOT NULL")[0][0]
        )
    run("extract", "--db", str(db), "-q")
    check_consistent(db)
    assert query(db, "SELECT count(*) FROM documents WHERE pipeline_version IS NULL") == [(0,)]
    assert events(db) == reference["events"]
    assert reference["events"], "the corpus should give events"
    assert killed >= 2, f"only {killed} extract runs were killed before they ended"
    assert any(0 < n < ARTICLES + 10 for n in processed_after_kills), processed_after_kills


def test_extract_with_workers_killed(reference: dict, tmp_path: Path) -> None:
    """The same with a process pool (the kill takes the parent and its workers)."""
    db = tmp_path / "workers.db"
    shutil.copy(reference["ingested"], db)
    delay = 0.6 * reference["extract_seconds"]
    assert kill_after(("extract", "--db", str(db), "-q", "--workers", "2"), delay) is None
    check_consistent(db)
    run("extract", "--db", str(db), "-q")
    check_consistent(db)
    assert events(db) == reference["events"]
