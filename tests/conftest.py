"""Shared fixtures: stores on SQLite and PostgreSQL, and the ../shared folder."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from annals.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PG_URL = os.environ.get("ANNALS_TEST_PG_URL")


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (seed corpus, gold, external data), or skip when absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"{SHARED} is absent (it is present in CI): tests on shared data skipped")
    return SHARED


def _postgres_store():
    from sqlalchemy import create_engine, text

    admin = create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    name = f"annals_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_URL.rsplit("/", 1)[0]
    store = Store(f"{base}/{name}")
    yield store
    store.close()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """A fresh store on SQLite, and on PostgreSQL when ANNALS_TEST_PG_URL names a server."""
    if request.param == "sqlite":
        with Store(str(tmp_path / "test.db")) as sqlite_store:
            yield sqlite_store
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must set ANNALS_TEST_PG_URL (.ci/run starts PostgreSQL)")
        pytest.skip("ANNALS_TEST_PG_URL not set: PostgreSQL store tests skipped")
    yield from _postgres_store()
