"""The HTML pages without a browser: every page renders, article text is escaped, security
headers are set, the upload form checks its token, and upload names never become paths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from annals.ingest import ingest
from annals.pipeline import extract_pending
from annals.store import Store
from annals.web.app import create_app
from annals.web.pages import highlight
from annals.web.uploads import safe_suffix

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "pages-token"
HOSTILE = (
    "[Coast Gazette, April 2, 2024] Canada criticised Iran on Tuesday "
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>.'
)


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    folder = tmp_path_factory.mktemp("pages")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = str(folder / "pages.db")
    with Store(db) as store:
        ingest([str(ROOT / "examples/corpus"), str(folder / "hostile.txt")], store)
        extract_pending(store)
    return TestClient(create_app(db, token=TOKEN))


PAGES = [
    "/",
    "/events",
    "/events?actor=CHN&code=04&page=1",
    "/stories",
    "/stories?single_source=1",
    "/timeline",
    "/timeline?a=CHN&b=RUS",
    "/network",
    "/network?min_events=2&limit=10",
    "/outlets",
    "/documents",
    "/documents?lang=zh",
    "/quotes",
    "/quotes?q=partnership",
    "/upload",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_security_headers(client, path):
    answer = client.get(path)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in answer.text.lower()


def test_hostile_text_is_escaped_everywhere(client):
    listing = client.get("/documents", params={"outlet": "Coast"}).text
    doc_id = re.search(r'href="/documents/([0-9a-f]{64})"', listing).group(1)
    page = client.get(f"/documents/{doc_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page and "<img" not in page and 'href="javascript:' not in page
    event_id = re.search(r'href="/events/(\d+)"', page).group(1)
    event_page = client.get(f"/events/{event_id}").text
    assert "&lt;script&gt;" in event_page and "<script" not in event_page


def test_event_and_story_pages(client):
    listing = client.get("/events", params={"source": "RUS", "target": "CHN"}).text
    event_id = re.search(r'href="/events/(\d+)"', listing).group(1)
    page = client.get(f"/events/{event_id}").text
    assert 'class="source"' in page and 'class="target"' in page and "Goldstein" in page
    story_id = re.search(r'href="/stories/(s-[0-9a-f]+)"', page).group(1)
    story = client.get(f"/stories/{story_id}").text
    assert story.count('class="report"') >= 2 and "independent source" in story
    assert client.get("/events/987654").status_code == 404
    assert client.get("/stories/s-none").status_code == 404
    assert "text/html" in client.get("/no-such-page").headers["content-type"]
    assert client.get("/events", params={"page": 10**20}).status_code == 400


def test_timeline_and_network_draw_svg(client):
    timeline = client.get("/timeline", params={"a": "CHN", "b": "RUS"}).text
    assert "<svg" in timeline and "mean Goldstein" in timeline
    network = client.get("/network").text
    assert "<svg" in network and ">CHN<" in network


def test_upload_form_needs_the_token(client):
    files = {"files": ("note.txt", b"[Wire, May 2, 2024] Chile praised Peru on Thursday.")}
    wrong = client.post("/upload", files=files, data={"token": "nope"})
    assert wrong.status_code == 401 and "Wrong token" in wrong.text
    right = client.post("/upload", files=files, data={"token": TOKEN, "extract": "1"})
    assert right.status_code == 201 and "Stored 1" in right.text
    again = client.post("/upload", files=files, data={"token": TOKEN})
    assert "Stored 0, duplicates 1" in again.text


def test_read_only_server_refuses_the_upload_form(tmp_path):
    read_only = TestClient(create_app(str(tmp_path / "ro.db"), token=TOKEN, read_only=True))
    assert "read-only" in read_only.get("/upload").text
    files = {"files": ("a.txt", b"text")}
    assert read_only.post("/upload", files=files, data={"token": TOKEN}).status_code == 403


def test_highlight_escapes_every_piece_and_nests_overlaps():
    text = "<b>A</b> met B & C"
    html = str(highlight(text, 0, len(text), [(0, 8, "source"), (0, 12, "evidence")]))
    assert html.startswith('<span class="source evidence">&lt;b&gt;A&lt;/b&gt;</span>')
    assert '<span class="evidence"> met</span>' in html and html.endswith(" B &amp; C")


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("report.txt", ".txt"),
        ("dump.warc.gz", ".warc.gz"),
        ("../../etc/passwd", ""),
        ("..\\..\\windows\\x.html", ".html"),
        ("a.txt/..", ""),
        ("evil.t/xt", ""),
        (None, ""),
        ("x.$(rm -rf)", ""),
    ],
)
def test_upload_names_never_become_paths(name, suffix):
    assert safe_suffix(name) == suffix


@pytest.mark.postgres
def test_pages_and_api_on_both_stores(store):
    """The same app over SQLite and PostgreSQL: pages and listings answer alike."""
    corpus = sorted((ROOT / "examples/corpus").iterdir())[:4]
    ingest([str(p) for p in corpus], store)
    extract_pending(store)
    served = TestClient(create_app(store.url, token=TOKEN))
    for path in ("/", "/events", "/network", "/outlets", "/documents", "/quotes", "/stories"):
        assert served.get(path).status_code == 200, path
    events = served.get("/api/events", params={"limit": 5}).json()
    assert events["count"] >= 1
    event_page = served.get(f"/events/{events['items'][0]['id']}")
    assert event_page.status_code == 200 and 'class="evidence"' in event_page.text
