"""The REST API: every endpoint, filters, pagination, downloads, token checks and error codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from annals.ingest import ingest
from annals.pipeline import extract_pending
from annals.store import Store
from annals.web.app import MAX_UPLOAD, create_app

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "api.db")
    with Store(path) as store:
        ingest([str(ROOT / "examples/corpus")], store)
        extract_pending(store)
    return path


@pytest.fixture
def client(db) -> TestClient:
    return TestClient(create_app(db, token=TOKEN))


def test_documents_with_filters_and_pagination(client):
    page = client.get("/api/documents", params={"limit": 5}).json()
    assert page["count"] == 5 and page["total"] == 15 and "text" not in page["items"][0]
    second = client.get("/api/documents", params={"limit": 5, "offset": 5}).json()
    assert not {d["id"] for d in page["items"]} & {d["id"] for d in second["items"]}
    russian = client.get("/api/documents", params={"lang": "ru"}).json()["items"]
    assert russian and all("ru" in d["languages"] for d in russian)
    one = client.get(f"/api/documents/{russian[0]['id'][:12]}").json()
    assert one["text"] and one["sentences"] and one["mentions"]


def test_events_filters_and_downloads(client):
    events = client.get("/api/events", params={"source": "CHN", "code": "04"}).json()["items"]
    assert events and all(e["source_code"] == "CHN" and e["cameo"].startswith("04") for e in events)
    csv_text = client.get("/api/events", params={"format": "csv", "limit": 3}).text
    assert csv_text.splitlines()[0].startswith("id,document_id") and len(csv_text.splitlines()) == 4
    lines = client.get("/api/events", params={"format": "jsonl", "limit": 4}).text.splitlines()
    assert len(lines) == 4 and all(json.loads(x)["cameo"] for x in lines)


def test_parquet_and_gdelt_downloads_and_pairs(client):
    import io

    import pyarrow.parquet as pq

    answer = client.get("/api/events", params={"format": "parquet", "source": "RUS"})
    assert answer.headers["content-disposition"].endswith('events.parquet"')
    table = pq.read_table(io.BytesIO(answer.content))
    assert table.num_rows >= 1 and set(table.column("source_code").to_pylist()) == {"RUS"}
    tsv = client.get("/api/events", params={"format": "gdelt", "limit": 5}).text.splitlines()
    assert len(tsv) == 5 and all(len(line.split("\t")) == 61 for line in tsv)
    assert client.get("/api/quotes", params={"format": "gdelt"}).status_code == 400
    pair = client.get("/api/events", params={"pair": "CHN-RUS", "limit": 200}).json()["items"]
    assert pair and {(e["source_code"], e["target_code"]) for e in pair} <= {
        ("CHN", "RUS"),
        ("RUS", "CHN"),
    }


def test_quotes_filters_and_extract(client):
    quotes = client.get("/api/quotes", params={"direct": True, "limit": 3}).json()["items"]
    assert quotes and all(q["direct"] for q in quotes)
    speaker = quotes[0]["speaker_name"]
    same = client.get("/api/quotes", params={"speaker": speaker}).json()["items"]
    assert same and all(speaker.lower() in q["speaker_name"].lower() for q in same)
    lines = client.get("/api/quotes", params={"format": "jsonl", "limit": 2}).text.splitlines()
    assert len(lines) == 2
    done = client.post("/api/extract", headers={"Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 200 and done.json()["failed"] == 0


def test_stories_actors_outlets(client):
    stories = client.get("/api/stories", params={"actor": "CHN"}).json()
    assert stories["items"] and stories["total"] >= stories["count"]
    story = client.get(f"/api/stories/{stories['items'][0]['id']}").json()
    assert story["events"] and story["story"]["id"] == stories["items"][0]["id"]
    assert client.get("/api/actors").json()["items"][0]["mentions"] > 0
    outlets = client.get("/api/outlets").json()
    assert outlets["framing"] and outlets["tone"]


def test_error_codes(client):
    assert client.get("/api/documents/ffffffffff").status_code == 404
    assert client.get("/api/stories/s-nothing").status_code == 404
    assert client.get("/api/events", params={"limit": 0}).status_code == 400
    assert client.get("/api/documents", params={"offset": 2**63}).status_code == 400
    bad = client.get("/api/events", params={"format": "xml"})
    assert bad.status_code == 400 and "format" in bad.json()["detail"]
    assert client.get("/api/nothing-here").json() == {"detail": "Not Found"}


def test_writes_need_the_token(client, db):
    files = {"files": ("a.txt", b"[Wire, May 1, 2024] Japan condemned North Korea's missile test.")}
    assert client.post("/api/upload", files=files).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert client.post("/api/upload", files=files, headers=bad).status_code == 401
    ok = client.post("/api/upload", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201 and ok.json()["stored"] == 1
    read_only = TestClient(create_app(db, token=TOKEN, read_only=True))
    assert (
        read_only.post("/api/extract", headers={"Authorization": f"Bearer {TOKEN}"}).status_code
        == 403
    )


def test_upload_limits_and_hostile_names(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"files": ("big.txt", b"x" * (MAX_UPLOAD + 1))}
    assert client.post("/api/upload", files=big, headers=auth).status_code == 413
    evil = {"files": ("../../etc/passwd.txt", b"Russia and China signed a treaty in Moscow today.")}
    answer = client.post("/api/upload", files=evil, headers=auth)
    assert answer.status_code == 201 and not Path("/etc/passwd.txt").exists()


def test_openapi_is_published(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/documents", "/api/stories", "/api/upload"} <= set(spec["paths"])
