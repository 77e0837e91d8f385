"""The web UI in a real browser: Playwright drives Debian's chromium against a live server
holding the demo corpus and a hostile article. Screenshots go to test-artifacts/screenshots."""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from annals.ingest import ingest
from annals.pipeline import extract_pending
from annals.store import Store

playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
TOKEN = "browser-test-token"

HOSTILE_TEXT = """[Harbour Times, March 4, 2024] Japan condemned North Korea on Monday \
<script>window.__pwned = "script";</script> after a missile launch.
Officials <img src=x onerror="window.__pwned = 'onerror'"> said the test was reckless, \
<a href="javascript:window.__pwned='link'">see details</a>.
"""
HOSTILE_TITLE = '<script>window.__pwned="title"</script>Hostile <b onmouseover="x()">title</b>'


def _chromium() -> str:
    path = os.environ.get("ANNALS_CHROMIUM") or "/usr/bin/chromium"
    if Path(path).exists():
        return path
    if os.environ.get("CI"):
        pytest.fail("CI must provide chromium (.ci/run installs it via scripts/test-services.sh)")
    pytest.skip("chromium is not installed: browser tests skipped")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from annals.web.app import create_app

    folder = tmp_path_factory.mktemp("browser")
    corpus = folder / "hostile"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    record = {
        "title": HOSTILE_TITLE,
        "outlet": "Hostile <i>Wire</i>",
        "published": "2024-03-05",
        "text": "Japan condemned North Korea over the launch, officials said on Tuesday.",
    }
    (corpus / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(folder / "ui.db")
    with Store(db) as store:
        ingest([str(ROOT / "examples/corpus"), str(corpus)], store)
        extract_pending(store)
    port = _free_port()
    config = uvicorn.Config(
        create_app(db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.dialogs = []
    opened.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.console_errors = []
    opened.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
    yield opened
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_overview_lists_counts_pairs_and_events(server, page):
    page.goto(server + "/")
    cards = page.locator(".card").all_inner_texts()
    assert any(re.search(r"^1[0-9]\s*documents", c) for c in cards), cards
    assert "CHN → RUS" in page.inner_text("main") or "RUS → CHN" in page.inner_text("main")
    _shot(page, "overview")
    page.fill("input[name=actor]", "Putin")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"/events\?"))
    rows = page.locator("tbody tr").all_inner_texts()
    assert rows and all("Putin" in r or "RUS" in r for r in rows)


def test_dyad_timeline_draws_weeks(server, page):
    page.goto(server + "/timeline?a=CHN&b=RUS")
    chart = page.locator("#timeline-chart svg")
    assert chart.count() == 1
    assert "verbal cooperation" in chart.inner_html()
    weeks = page.locator("table tbody tr").all_inner_texts()
    assert any(w.startswith("2023-03-20") for w in weeks), weeks
    _shot(page, "timeline")


def test_network_shows_actors_and_edges(server, page):
    page.goto(server + "/network")
    svg = page.locator("#network-chart svg").inner_html()
    assert ">CHN<" in svg and ">RUS<" in svg
    edges = page.locator("table tbody tr").all_inner_texts()
    assert edges[0].split("\t")[0] in {"CHN → RUS", "RUS → CHN"}
    _shot(page, "network")


def test_event_page_highlights_the_evidence_in_each_report(server, page):
    page.goto(server + "/events?source=CHN&target=RUS&code=04")
    page.locator("tbody tr a").first.click()
    page.wait_for_url(re.compile(r"/events/\d+$"))
    assert page.locator(".report").count() >= 1
    first = page.locator(".report").first
    assert first.locator(".source").count() >= 1 and first.locator(".target").count() >= 1
    facts = page.inner_text("dl.facts")
    assert "CAMEO 04" in facts and "PLOVER" in facts and "date" in facts
    _shot(page, "event")


def test_outlets_page_shows_framing_per_outlet(server, page):
    page.goto(server + "/outlets")
    headers = page.locator("#framing thead th").all_inner_texts()
    assert len(headers) >= 3 and headers[0].lower() == "concept"
    assert page.locator("#framing tbody tr").count() >= 1
    assert page.locator("#tone tbody tr").count() >= 1
    _shot(page, "outlets")


def test_upload_form_ingests_a_file(server, page, tmp_path):
    article = tmp_path / "upload.txt"
    article.write_text(
        "[Lakeside Post, June 3, 2024] Kenya's president met the Ethiopian prime minister "
        "in Nairobi on Monday to discuss a new trade corridor.\n",
        encoding="utf-8",
    )
    page.goto(server + "/upload")
    page.set_input_files("input[name=files]", str(article))
    page.fill("input[name=token]", "wrong")
    page.click("form button")
    assert "Wrong token" in page.inner_text("main")
    page.set_input_files("input[name=files]", str(article))
    page.fill("input[name=token]", TOKEN)
    page.click("form button")
    status = page.inner_text("[role=status]")
    assert "Stored 1" in status and "Extracted" in status
    _shot(page, "upload")
    page.goto(server + "/documents?outlet=Lakeside")
    assert page.locator("tbody tr a").count() == 1


def _nothing_ran(page) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []


def test_hostile_article_is_shown_as_text_and_runs_nothing(server, page):
    page.goto(server + "/documents?outlet=Harbour")
    page.locator("tbody tr a").first.click()
    text = page.inner_text(".doc-text")
    assert "<script>" in text and 'onerror="' in text and "javascript:" in text
    assert page.locator("main script, main img, main a[href^=javascript]").count() == 0
    _nothing_ran(page)
    page.goto(server + "/documents?outlet=Hostile")
    assert page.locator("tbody td", has_text="Hostile <i>Wire</i>").count() == 1
    page.locator("tbody tr a").first.click()
    assert '<script>window.__pwned="title"</script>' in page.inner_text("h1")
    _nothing_ran(page)
    page.goto(server + "/events?outlet=Harbour")
    assert "Japan condemned North Korea" in page.inner_text("tbody")
    page.locator("tbody tr a").first.click()
    assert "<script>" in page.inner_text(".report .sentence")
    _nothing_ran(page)
    _shot(page, "hostile-event")
    for path in ("/", "/quotes", "/stories?actor=JPN", "/documents"):
        page.goto(server + path)
        _nothing_ran(page)


def test_every_page_sends_a_script_free_content_security_policy(server, page):
    response = page.goto(server + "/events")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert page.locator("script").count() == 0
