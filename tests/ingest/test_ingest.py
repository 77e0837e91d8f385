"""The ingest run: metadata precedence, dedup, the log, failures, crash safety (SQLite and PG)."""

from __future__ import annotations

import json

import pytest
from builders import ARTICLE_HTML, write

from annals.errors import InputError, StoreError
from annals.ingest import Given, build_document, content_hash, ingest, parse_date
from annals.records import RawArticle

EN = "[Harbor Ledger, March 22, 2023] The two presidents met in Moscow and signed a statement."


def no_lang(_text: str) -> tuple[str, ...]:
    return ("en",)


def test_metadata_precedence_and_how_it_was_found():
    raw = RawArticle(text=EN, source="a.txt", outlet="Meta Outlet")
    doc = build_document(raw, Given(published="2023-03-21"), no_lang)
    assert (doc.outlet, doc.found_by("outlet")) == ("Meta Outlet", "metadata")
    assert (doc.published, doc.found_by("published")) == ("2023-03-21", "given")
    doc = build_document(RawArticle(text=EN, source="a.txt"), Given(), no_lang)
    assert (doc.outlet, doc.found_by("outlet")) == ("Harbor Ledger", "dateline")
    assert (doc.published, doc.published_precision, doc.found_by("published")) == (
        "2023-03-22",
        "day",
        "dateline",
    )
    assert (doc.languages, doc.found_by("languages")) == (("en",), "inferred")
    doc = build_document(RawArticle(text=EN, source="a.txt"), Given(lang="ru"), no_lang)
    assert (doc.languages, doc.found_by("languages")) == (("ru",), "given")


def test_bad_given_date_is_an_input_error():
    with pytest.raises(InputError, match="not a date"):
        build_document(RawArticle(text=EN, source="a"), Given(published="someday"), no_lang)


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("2023-03-22", ("2023-03-22", "day")),
        ("2023-03", ("2023-03", "month")),
        ("2021", ("2021", "year")),
        ("2023-03-22T10:00:00Z", ("2023-03-22", "day")),
        ("March 22, 2023", ("2023-03-22", "day")),
    ],
)
def test_parse_date(value, parsed):
    assert parse_date(value) == parsed


def test_content_hash_ignores_whitespace_and_unicode_form():
    assert content_hash("Café  talks\n") == content_hash("Cafe\u0301 talks")


def test_ingest_stores_once_and_logs_everything(store, tmp_path):
    write(tmp_path / "in/a.txt", EN)
    write(tmp_path / "in/copy.txt", EN + "\n\n")
    write(tmp_path / "in/b.html", ARTICLE_HTML)
    write(
        tmp_path / "in/bad.jsonl",
        json.dumps({"text": "Другая статья о переговорах."}) + "\n{oops\n",
    )
    write(tmp_path / "in/empty.txt", "")
    write(tmp_path / "in/x.bin", b"\x00\x01")
    report = ingest([str(tmp_path / "in")], store, languages_of=no_lang)
    assert (report.read, report.stored, report.duplicate, report.failed, report.skipped) == (
        4,
        3,
        1,
        2,
        1,
    )
    assert store.count_documents() == 3
    again = ingest([str(tmp_path / "in/a.txt")], store, languages_of=no_lang)
    assert (again.stored, again.duplicate) == (0, 1)
    log = store.ingest_log()
    statuses = sorted(r["status"] for r in log)
    assert statuses == [
        "duplicate",
        "duplicate",
        "failed",
        "failed",
        "skipped",
        "stored",
        "stored",
        "stored",
    ]
    failed = {r["source"].rsplit("/", 1)[1]: r["reason"] for r in log if r["status"] == "failed"}
    assert failed == {"bad.jsonl:2": failed["bad.jsonl:2"], "empty.txt": "empty input"}
    assert "malformed JSON" in failed["bad.jsonl:2"]


def test_listing_filters(store, tmp_path):
    write(tmp_path / "a.txt", EN)
    write(tmp_path / "b.txt", "[Northern Courier, May 16, 2024] Лидеры встретились в Пекине.")
    ingest([str(tmp_path)], store, languages_of=lambda t: ("ru",) if "Лидеры" in t else ("en",))
    assert [d.outlet for d in store.documents()] == ["Northern Courier", "Harbor Ledger"]
    assert [d.outlet for d in store.documents(outlet="harbor")] == ["Harbor Ledger"]
    assert [d.outlet for d in store.documents(lang="ru")] == ["Northern Courier"]
    assert [d.outlet for d in store.documents(since="2024")] == ["Northern Courier"]
    assert [d.outlet for d in store.documents(until="2023-12")] == ["Harbor Ledger"]
    assert len(store.documents(limit=1, offset=1)) == 1
    doc = store.documents(outlet="harbor")[0]
    assert store.document(doc.id[:8]) == doc
    with pytest.raises(StoreError, match="no document"):
        store.document("ffffffff")


def test_a_crash_mid_run_keeps_finished_batches_and_a_rerun_completes(store, tmp_path, monkeypatch):
    import annals.ingest as ingest_module

    for i in range(7):
        write(tmp_path / f"in/{i}.txt", f"{EN} Article number {i}.")
    monkeypatch.setattr(ingest_module, "BATCH_SIZE", 3)
    real_write = store.write_batch
    calls = {"n": 0}

    def crashing_write(docs, log, run_id):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process dies in the second batch
        return real_write(docs, log, run_id)

    monkeypatch.setattr(store, "write_batch", crashing_write)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(tmp_path / "in")], store, languages_of=no_lang)
    assert store.count_documents() == 3  # the first batch, whole
    monkeypatch.setattr(store, "write_batch", real_write)
    report = ingest([str(tmp_path / "in")], store, languages_of=no_lang)
    assert (report.stored, report.duplicate) == (4, 3)
    assert store.count_documents() == 7
