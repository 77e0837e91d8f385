"""``annals extract``: processing stored documents incrementally, and querying the results."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import annals
from annals.pipeline import PIPELINE_VERSION, extract_pending

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "[Harbor Ledger, March 22, 2023] Chinese President Xi Jinping met Russian President "
    "Vladimir Putin in Moscow on Tuesday. China has refused to condemn Russia's invasion of "
    "Ukraine."
)


def test_extract_stores_sentences_mentions_and_events(store, tmp_path):
    from annals.ingest import ingest

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ingest([str(tmp_path / "a.txt")], store)
    report = extract_pending(store)
    assert (report.processed, report.failed) == (1, 0)
    [doc] = store.documents()
    sentences = store.sentences(doc.id)
    assert [s["date"] for s in sentences] == ["2023-03-22", "2023-03-21", "2023-03-21"]
    assert [doc.text[m["start"] : m["end"]] for m in store.mentions(doc.id)][:2] == [
        "Chinese President Xi Jinping",
        "Russian President Vladimir Putin",
    ]
    events = store.events()
    assert {(e.source_code, e.target_code, e.root, e.negated) for e in events} >= {
        ("CHN", "RUS", "04", False),
        ("RUS", "CHN", "04", False),
        ("CHN", "RUS", "11", True),
    }
    assert all(doc.text[e.start : e.end] == e.text for e in events)
    assert {e.outlet for e in events} == {"Harbor Ledger"}
    assert [e.root for e in store.events(source="CHN", code="11")] == ["11"]
    assert store.events(actor="putin") and not store.events(since="2024")
    # incremental: nothing left to do until the pipeline version changes
    assert extract_pending(store).processed == 0
    assert store.pending_ids(PIPELINE_VERSION + "-next") == [doc.id]


def test_workers_give_the_same_events_as_one(tmp_path):
    from annals.ingest import ingest
    from annals.store import Store

    results = []
    for workers in (1, 2):
        with Store(str(tmp_path / f"w{workers}.db")) as store:
            ingest([str(ROOT / "examples/corpus")], store)
            extract_pending(store, workers=workers)
            results.append(
                sorted(
                    (e.document_id, e.start, e.end, e.source_code, e.target_code, e.cameo)
                    for e in store.events()
                )
            )
    assert results[0] == results[1] and len(results[0]) > 50


def test_python_api(tmp_path):
    result = annals.process(ARTICLE, published="2023-03-22")
    assert [s.date for s in result.sentences][1] == "2023-03-21"
    db = str(tmp_path / "api.db")
    subprocess.run(
        [sys.executable, "-m", "annals", "ingest", str(ROOT / "examples/corpus"), "--db", db, "-q"],
        check=True,
    )
    subprocess.run([sys.executable, "-m", "annals", "extract", "--db", db, "-q"], check=True)
    with annals.open(db) as store:
        frame = store.events(actor="RUS", code="04").to_pandas()
        assert len(frame) > 0 and {"source_code", "target_code", "cameo", "outlet"} <= set(frame)
        assert len(store.documents().to_pandas()) == 15


def test_cli_events_show_actors_resolve(tmp_path):
    db = str(tmp_path / "cli.db")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "annals", *args], capture_output=True, check=True, timeout=300
        )
        return done.stdout.decode()

    run("ingest", str(tmp_path / "a.txt"), "--db", db, "-q")
    assert json.loads(run("extract", "--db", db, "--json"))["processed"] == 1
    lines = [json.loads(x) for x in run("events", "--db", db, "--format", "jsonl").splitlines()]
    assert {(x["source_code"], x["cameo"], x["target_code"]) for x in lines} >= {
        ("CHN", "040", "RUS")
    }
    csv_text = run("events", "--db", db, "--pair", "CHN-RUS", "--format", "csv")
    assert csv_text.splitlines()[0].startswith("id,document_id") and len(csv_text.splitlines()) > 2
    [doc] = json.loads(run("docs", "--db", db, "--json"))
    sentences = json.loads(run("show", doc["id"][:8], "--db", db, "--sentences", "--json"))
    assert sentences[1]["date"] == "2023-03-21" and sentences[1]["lang"] == "en"
    mentions = json.loads(run("show", doc["id"][:8], "--db", db, "--actors", "--json"))
    assert mentions[0]["name"] == "Xi Jinping"
    counts = json.loads(run("actors", "--db", db, "--json"))
    assert counts[0]["mentions"] >= 1
    stats = json.loads(run("actors", "--stats", "--json"))
    assert stats["states"] >= 197 and set(stats["aliases"]) == {"en", "zh", "ru"}
    resolved = [
        json.loads(x)
        for x in run(
            "resolve", "the Chinese premier", "Кремль", "--date", "2021-05-01", "--json"
        ).splitlines()
    ]
    assert [(r["name"], r["code"]) for r in resolved] == [("Li Keqiang", "CHN"), ("Russia", "RUS")]


def test_stories_and_outlets_on_the_demo_corpus(tmp_path):
    """The same event reported by several outlets is one story; outlets' framing side by side."""
    db = str(tmp_path / "demo.db")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "annals", *args], capture_output=True, check=True, timeout=600
        )
        return done.stdout.decode()

    run("ingest", str(ROOT / "examples/corpus"), "--db", db, "-q")
    run("extract", "--db", db, "-q")
    stories = json.loads(run("stories", "--db", db, "--json", "--limit", "500"))
    # the 2023 Moscow visit: reported in English and in Russian by two outlets
    moscow = [
        s
        for s in stories
        if {s["source_code"], s["target_code"]} == {"CHN", "RUS"}
        and s["root"] == "04"
        and (s["date_end"] or "").startswith("2023-03")
    ]
    assert moscow and max(s["sources"] for s in moscow) >= 2
    assert all(s["single_source"] == (s["sources"] == 1) for s in stories)
    shown = json.loads(run("story", moscow[0]["id"][:10], "--db", db, "--json"))
    assert {e["outlet"] for e in shown["events"]} >= {"Harbor Ledger", "Северный вестник"}
    assert all(e["text"] in e["sentence_text"] for e in shown["events"])
    framing = json.loads(run("outlets", "--db", db, "--json"))["framing"]
    war_words = {(r["outlet"], r["term"]) for r in framing if r["concept"] == "russia-ukraine-war"}
    assert ("Harbor Ledger", "invasion") in war_words
    assert ("Северный вестник", "special-military-operation") in war_words


def test_quotes_are_stored_linked_and_listed(tmp_path):
    db = str(tmp_path / "q.db")
    text = (
        "[Wire, March 22, 2023] Russian President Vladimir Putin praised China on Tuesday. "
        '"We greatly appreciate the balanced position of our Chinese partners," Putin told Xi.\n\n'
        "Lavrov said that Russia would never accept the Western sanctions."
    )
    (tmp_path / "q.txt").write_text(text, encoding="utf-8")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "annals", *args], capture_output=True, check=True, timeout=300
        )
        return done.stdout.decode()

    run("ingest", str(tmp_path / "q.txt"), "--db", db, "-q")
    run("extract", "--db", db, "-q")
    quotes = json.loads(run("quotes", "--db", db, "--json"))
    direct = [q for q in quotes if q["direct"]]
    assert direct[0]["speaker_name"] == "Vladimir Putin"
    assert "balanced position" in direct[0]["text"]
    assert all(text[q["start"] : q["end"]] == q["text"] for q in quotes)
    reported = json.loads(run("quotes", "--db", db, "--reported", "--json"))
    assert reported and reported[0]["speaker_name"] == "Sergey Lavrov"
    assert json.loads(run("quotes", "--db", db, "--search", "balanced", "--json"))
    assert json.loads(run("quotes", "--db", db, "--speaker", "lavrov", "--json")) == reported
