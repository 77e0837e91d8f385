"""The Parquet rows both engines write, the local engine, and what needs no Spark."""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

import pytest
from scale.corpus import MEETING, mixed_corpus

from annals.errors import AnnalsError
from annals.ingest.readers import expand, read_bytes, read_inputs
from annals.pipeline import process
from annals.quotes.record import Quote
from annals.records import Document, Event, Mention, Sentence, TimeExpression
from annals.scale import prepare_output, run
from annals.scale.parquet import (
    OMITTED,
    SCHEMAS,
    document_from_row,
    document_row,
    processed_rows,
    read_table,
    records_from_rows,
)
from annals.stories import Story

RECORDS = {
    "documents": Document,
    "sentences": Sentence,
    "time_expressions": TimeExpression,
    "mentions": Mention,
    "quotes": Quote,
    "stories": Story,
}


@pytest.mark.parametrize("table", [*RECORDS, "events"])
def test_every_record_field_has_a_column(table):
    columns = set(SCHEMAS[table].names)
    if table == "events":
        names = {f.name for f in fields(Event)} - {"source", "target"}
        names |= {f"{side}_{f.name}" for side in ("source", "target") for f in fields(Mention)}
    else:
        names = {f.name for f in fields(RECORDS[table])} - OMITTED.get(table, set())
    assert names <= columns, f"{table} lacks {names - columns}"


def test_rows_turn_back_into_the_records_they_came_from():
    text = MEETING.format(outlet="Harbor Ledger", end=".")
    doc = Document(id="d" * 64, text=text, published="2023-03-22", languages=("en",))
    processed = process(text, doc.published)
    assert processed.events and processed.mentions and processed.sentences
    assert document_from_row(document_row(doc)) == doc
    rows = processed_rows(doc, processed)
    assert {r["published_year"] for r in rows["events"]} == {"2023"}
    records = records_from_rows(rows)
    assert records["events"] == list(processed.events)
    assert records["mentions"] == list(processed.mentions)
    assert records["time_expressions"] == list(processed.times)
    assert [s.start for s in records["sentences"]] == [s.start for s in processed.sentences]


def test_reading_bytes_gives_what_reading_files_gives(tmp_path):
    folder = mixed_corpus(tmp_path / "in")
    from_files = list(read_inputs([str(folder)]))
    from_bytes = []
    for item in expand([str(folder)]):
        if isinstance(item, tuple):
            path, fmt = item
            from_bytes += read_bytes(Path(path).read_bytes(), path, fmt)
        else:
            from_bytes.append(item)
    assert from_bytes == from_files
    assert len(from_files) == 13


def test_the_local_engine_writes_every_table_and_the_log(tmp_path):
    folder = mixed_corpus(tmp_path / "in")
    summary = run([str(folder)], str(tmp_path / "out"), "local", workers=2)
    assert summary["log"] == {"stored": 7, "duplicate": 2, "failed": 2, "skipped": 2}
    assert summary["rows"]["documents"] == 7 and summary["failed"] == 0
    events = read_table(tmp_path / "out", "events")
    assert len(events) == summary["rows"]["events"] >= 15
    assert {(e["source_code"], e["cameo"], e["target_code"]) for e in events} >= {
        ("CHN", "040", "RUS"),
        ("CHN", "111", "USA"),
        ("DEU", "042", "POL"),
        ("JPN", "040", "KOR"),
    }
    stories = read_table(tmp_path / "out", "stories")
    meeting = next(
        s for s in stories if s["cameo"] == "040" and "RUS" in s["source_code"] + s["target_code"]
    )
    assert (meeting["documents"], meeting["families"], meeting["single_source"]) == (2, 1, True)
    assert (tmp_path / "out/_annals.json").exists()


def test_an_output_folder_of_other_files_is_refused(tmp_path):
    write_to = tmp_path / "mine"
    write_to.mkdir()
    (write_to / "notes.txt").write_text("keep me")
    with pytest.raises(AnnalsError, match="not empty"):
        prepare_output(str(write_to))
    assert (write_to / "notes.txt").read_text() == "keep me"


def test_without_pyspark_the_spark_engine_says_what_to_install(monkeypatch):
    from annals.scale.spark import session

    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    with pytest.raises(AnnalsError, match=r"pip install 'annals\[spark\]'"):
        session()


def test_object_store_inputs_need_spark(tmp_path):
    with pytest.raises(AnnalsError, match="--engine spark"):
        run(["s3a://bucket/dump/"], str(tmp_path / "out"), "local")
