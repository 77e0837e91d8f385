"""Two ``annals ingest`` processes at once on one store, with overlapping inputs.

Both must finish with exit code 0, and every document be stored once with one 'stored' log
line; on a fresh SQLite file and, when ANNALS_TEST_PG_URL is set, a fresh PostgreSQL database
(both processes create the schema at the same moment).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from annals.ingest import content_hash
from annals.store import Store

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("ANNALS_TEST_PG_URL")


def write_articles(folder: Path, numbers: range, seed: int = 17) -> None:
    """Articles ``numbers`` of one generated series (the same number is the same text)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import article
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rng = random.Random(seed)
    texts = [article(rng, ("en", "zh", "ru")[i % 3], words=40)[0] for i in range(max(numbers) + 1)]
    folder.mkdir(parents=True)
    for i in numbers:
        (folder / f"{i:03d}.txt").write_text(texts[i], encoding="utf-8")


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path, int]:
    """Two folders of 150 articles sharing 100 (some under other file names), and the number
    of distinct contents."""
    write_articles(tmp_path / "a", range(0, 150))
    write_articles(tmp_path / "b", range(50, 200))
    (tmp_path / "b" / "copy-of-010.txt").write_bytes((tmp_path / "a" / "010.txt").read_bytes())
    distinct = {content_hash(p.read_text(encoding="utf-8")) for p in tmp_path.glob("[ab]/*.txt")}
    assert len(distinct) == 200
    return tmp_path / "a", tmp_path / "b", len(distinct)


def ingest_both(db: str, first: Path, second: Path) -> None:
    """Start two ingests at the same moment; both must exit 0."""
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "annals", "ingest", str(folder), "--db", db, "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        for folder in (first, second)
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()


def check_once(db: str, distinct: int) -> None:
    with Store(db) as store:
        assert store.count_documents() == distinct
        log = store.ingest_log()
        stored = [line["document_id"] for line in log if line["status"] == "stored"]
        assert len(stored) == len(set(stored)) == distinct
        assert set(stored) == {d.id for d in store.documents()}
        assert len(log) == 150 + 151  # one line per input file, across both runs
        assert {line["status"] for line in log} <= {"stored", "duplicate"}


def test_two_ingests_on_one_sqlite_file(inputs, tmp_path: Path) -> None:
    first, second, distinct = inputs
    db = str(tmp_path / "shared.db")
    ingest_both(db, first, second)
    check_once(db, distinct)


def test_two_ingests_on_an_existing_sqlite_store(inputs, tmp_path: Path) -> None:
    first, second, distinct = inputs
    db = str(tmp_path / "migrated.db")
    Store(db).close()
    ingest_both(db, first, second)
    check_once(db, distinct)


@pytest.fixture
def postgres_url():
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must set ANNALS_TEST_PG_URL (.ci/run starts PostgreSQL)")
        pytest.skip("ANNALS_TEST_PG_URL not set: PostgreSQL concurrency test skipped")
    from sqlalchemy import create_engine, text

    admin = create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    name = f"annals_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield f"{PG_URL.rsplit('/', 1)[0]}/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.postgres
def test_two_ingests_on_a_fresh_postgresql_database(inputs, postgres_url: str) -> None:
    first, second, distinct = inputs
    ingest_both(postgres_url, first, second)
    check_once(postgres_url, distinct)
