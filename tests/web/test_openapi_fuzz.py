"""Schemathesis generates requests from the published OpenAPI spec (valid and invalid
parameters, uploads) against the app on a store holding the demo corpus: no request may get a
server error. Writes are sent with and without the token."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from annals.ingest import ingest
from annals.pipeline import extract_pending
from annals.store import Store
from annals.web.app import create_app

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "schema-token"


def _app(folder: Path):
    db = str(folder / "fuzz.db")
    with Store(db) as store:
        ingest([str(ROOT / "examples/corpus")], store)
        extract_pending(store)
    return create_app(db, token=TOKEN)


@pytest.fixture(scope="module")
def app_under_test(tmp_path_factory):
    return _app(tmp_path_factory.mktemp("schemathesis"))


def test_no_request_gets_a_server_error(app_under_test):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app_under_test)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:
        _exercise(operation)


def _exercise(operation) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if operation.method == "post" else {}

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case) -> None:
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    run()
