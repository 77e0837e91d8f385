"""Exports: CSV, JSON lines, Parquet and GDELT 2.0 event TSV round-trip what they were given;
``annals export`` with filters; a streamed HTTP download."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from builders import mention, store_events

from annals import export
from annals.records import Document
from annals.store import Store, StoredEvent
from annals.stories import Conflict, Story

ROWS = [
    {"id": 1, "name": 'Ана, "quoted"', "score": 0.5, "ok": True, "note": None, "tags": ["a"]},
    {"id": 2, "name": "line\nbreak", "score": -2.25, "ok": False, "note": None, "tags": []},
    {"id": 3, "name": "三", "score": 1e-9, "ok": True, "note": "late text", "tags": ["b", "c"]},
    {"id": 4, "name": "", "score": 0.0, "ok": False, "note": "x", "tags": ["d"]},
    {"id": 5, "name": "tab\there", "score": 7.0, "ok": True, "note": None, "tags": ["e"]},
]


def _csv_value(value):
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)


@pytest.mark.parametrize("batch_size", [2, 100])
def test_csv_round_trips(tmp_path, batch_size):
    path = tmp_path / "rows.csv"
    assert export.write(ROWS, "csv", path, batch_size=batch_size) == 5
    with path.open(encoding="utf-8", newline="") as handle:
        back = list(csv.DictReader(handle))
    assert back == [{k: _csv_value(v) for k, v in row.items()} for row in ROWS]


def test_jsonl_round_trips_to_a_stream():
    stream = io.BytesIO()
    assert export.write(iter(ROWS), "jsonl", stream, batch_size=2) == 5
    lines = stream.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == ROWS


def test_parquet_round_trips_in_row_groups(tmp_path):
    path = tmp_path / "rows.parquet"
    assert export.write(ROWS, "parquet", path, batch_size=2) == 5
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_row_groups == 3
    assert parquet.read().to_pylist() == ROWS
    # "note" was empty in the first batch: typed as text, filled later
    assert str(parquet.schema_arrow.field("note").type) == "string"
    assert str(parquet.schema_arrow.field("tags").type) == "list<element: string>"


def test_records_are_flattened_alike_in_every_format(tmp_path):
    doc = Document(
        id="d1",
        text="Text.",
        outlet="Wire",
        languages=("en", "ru"),
        found=(("outlet", "given"), ("published", "dateline")),
    )
    story = Story(
        id="s-1",
        source_code="RUS",
        target_code="CHN",
        source_name="Russia",
        target_name="China",
        root="04",
        cameo="042",
        date_start="2023-03-21",
        date_end="2023-03-22",
        date_precision="day",
        event_ids=(3, 9),
        document_ids=("d1", "d2"),
        outlets=("A", "B"),
        languages=("en",),
        mentions=2,
        documents=2,
        families=2,
        sources=2,
        single_source=False,
        conflicts=(Conflict("date", (("2023-03-21", ("A",)), ("2023-03-22", ("B",)))),),
    )
    for records in ([doc], [story]):
        expected = [export.as_row(r) for r in records]
        export.write(records, "jsonl", tmp_path / "r.jsonl")
        lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(x) for x in lines] == expected
        export.write(records, "parquet", tmp_path / "r.parquet")
        back = pq.read_table(tmp_path / "r.parquet").to_pylist()
        nested = {k for k, v in expected[0].items() if isinstance(v, dict) or k == "conflicts"}
        assert [{k: json.loads(v) if k in nested else v for k, v in r.items()} for r in back] == (
            expected
        )
    assert export.as_row(doc)["found"] == {"outlet": "given", "published": "dateline"}
    assert export.as_row(story)["conflicts"] == [
        {"field": "date", "values": [["2023-03-21", ["A"]], ["2023-03-22", ["B"]]]}
    ]


def test_a_failed_export_leaves_no_file(tmp_path):
    def rows():
        yield from ROWS[:3]
        raise RuntimeError("store went away")

    path = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        export.write(rows(), "csv", path, batch_size=1)
    assert list(tmp_path.iterdir()) == []


def test_empty_exports_are_valid_files(tmp_path):
    assert export.write([], "parquet", tmp_path / "e.parquet") == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
    assert export.write([], "csv", tmp_path / "e.csv") == 0
    assert (tmp_path / "e.csv").read_bytes() == b""


def _event(**fields) -> StoredEvent:
    base = dict(
        id=7,
        document_id="d" * 64,
        outlet="Wire",
        published="2023-03-22",
        sentence=0,
        start=0,
        end=10,
        text="evidence",
        source_entity="putin-vladimir",
        source_name="Vladimir\tPutin",
        source_code="RUS",
        source_sector="GOV",
        target_entity="chn",
        target_name="China",
        target_code="CHN",
        target_sector=None,
        cameo="0421",
        root="04",
        plover="CONSULT",
        quad_class=1,
        goldstein=1.9,
        negated=False,
        modality=None,
        date="2023-03-21",
        date_precision="day",
        place="Moscow",
        confidence=0.8,
        predicate="visited",
        lang="en",
    )
    return StoredEvent(**{**base, **fields})


def _gdelt_lines(rows, **options) -> list[dict[str, str]]:
    text = b"".join(export.chunks(rows, "gdelt", **options)).decode("utf-8")
    lines = text.split("\n")
    assert lines[-1] == ""
    out = []
    for line in lines[:-1]:
        fields = line.split("\t")
        assert len(fields) == 61
        out.append(dict(zip(export.GDELT_COLUMNS, fields, strict=True)))
    return out


def test_gdelt_columns_are_the_61_of_gdelt_2():
    columns = export.GDELT_COLUMNS
    assert len(columns) == len(set(columns)) == 61
    assert columns[:6] == (
        "GlobalEventID",
        "Day",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    )
    assert columns[15:17] == ("Actor2Code", "Actor2Name")
    assert columns[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert columns[35] == "Actor1Geo_Type" and columns[52] == "ActionGeo_FullName"
    assert columns[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_rows_carry_codes_dates_and_provenance():
    rows = [
        {**_event().__dict__, "url": "https://wire.example/a", "tone": -1.5},
        _event(id=8, negated=True),
        _event(
            id=9,
            date="2022-12",
            source_code="NATO",
            source_sector="IGO",
            cameo="190",
            root="19",
            quad_class=4,
            goldstein=-10.0,
            sentence=3,
            place=None,
        ),
        _event(id=10, date=None, source_code="G7", source_sector="IGO", published="2023-05"),
    ]
    first, month, undated = _gdelt_lines(rows)
    assert first["GlobalEventID"] == "7"
    assert (first["Day"], first["MonthYear"], first["Year"]) == ("20230321", "202303", "2023")
    assert first["FractionDate"] == f"{2023 + (2 * 30 + 21) / 365:.4f}"
    assert (first["Actor1Code"], first["Actor1Name"]) == ("RUSGOV", "Vladimir Putin")
    assert (first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("RUS", "GOV")
    assert (first["Actor2Code"], first["Actor2CountryCode"], first["Actor2Type1Code"]) == (
        "CHN",
        "CHN",
        "",
    )
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "0421",
        "042",
        "04",
    )
    assert (first["QuadClass"], first["GoldsteinScale"], first["IsRootEvent"]) == ("1", "1.9", "1")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("1", "1", "1")
    assert first["AvgTone"] == "-1.5" and first["ActionGeo_FullName"] == "Moscow"
    assert first["DATEADDED"] == "20230322000000"
    assert first["SOURCEURL"] == "https://wire.example/a"
    assert first["Actor1Geo_Type"] == first["ActionGeo_Lat"] == ""
    # negated events are left out; month precision fills MonthYear and Year only
    assert month["GlobalEventID"] == "9"
    assert (month["Day"], month["MonthYear"], month["Year"], month["FractionDate"]) == (
        "",
        "202212",
        "2022",
        "",
    )
    assert (month["Actor1Code"], month["Actor1KnownGroupCode"], month["Actor1CountryCode"]) == (
        "NAT",
        "NAT",
        "",
    )
    assert (month["EventBaseCode"], month["GoldsteinScale"], month["IsRootEvent"]) == (
        "190",
        "-10",
        "0",
    )
    assert month["AvgTone"] == "" and month["SOURCEURL"] == ""
    # undated: the report's date stands in; an IGO without a CAMEO group code is IGO
    assert (undated["Day"], undated["MonthYear"], undated["DATEADDED"]) == ("", "202305", "")
    assert (undated["Actor1Code"], undated["Actor1Type1Code"]) == ("IGO", "IGO")


def test_gdelt_counts_come_from_stories():
    story = type("S", (), {"event_ids": (7, 11), "mentions": 5, "sources": 3, "documents": 4})
    [line] = _gdelt_lines([_event()], stories=[story])
    assert (line["NumMentions"], line["NumSources"], line["NumArticles"]) == ("5", "3", "4")
    with pytest.raises(ValueError):
        b"".join(export.chunks([_event()], "csv", stories=[story]))


RUS = mention("RUS", "Russia", "rus")
CHN = mention("CHN", "China", "chn")
UKR = mention("UKR", "Ukraine", "ukr")
PUTIN = mention("RUS", "Vladimir Putin", "putin-vladimir", "GOV")

REPORTS = [
    (
        {
            "text": "Report one of the ledger.",
            "outlet": "Harbor Ledger",
            "published": "2023-03-22",
            "published_precision": "day",
            "languages": ("en",),
            "url": "https://ledger.example/one",
        },
        [
            {"source": PUTIN, "target": CHN, "cameo": "042", "date": "2023-03-21"},
            {"source": CHN, "target": RUS, "cameo": "057", "date": "2023-03-22"},
            {"source": RUS, "target": UKR, "cameo": "190", "date": "2023-03-20", "negated": True},
        ],
    ),
    (
        {
            "text": "Report two of the wire.",
            "outlet": "Wire Daily",
            "published": "2023-04-02",
            "published_precision": "day",
            "languages": ("ru",),
        },
        [
            {"source": RUS, "target": UKR, "cameo": "190", "date": "2023-04-01"},
            {"source": UKR, "target": RUS, "cameo": "112", "date": "2023-04-02"},
        ],
    ),
]


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "export.db")
    with Store(path) as store:
        store_events(store, REPORTS)
    return path


def annals(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "annals", *args], capture_output=True, text=True, timeout=300
    )


def test_cli_exports_filtered_events_in_each_format(db, tmp_path):
    out = tmp_path / "rus.jsonl"
    result = annals(
        "export", "events", "--db", db, "--source", "rus", "--format", "jsonl", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert f"3 events written to {out} (jsonl" in result.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["source_name"], r["cameo"], r["date"]) for r in rows] == [
        ("Russia", "190", "2023-03-20"),
        ("Vladimir Putin", "042", "2023-03-21"),
        ("Russia", "190", "2023-04-01"),
    ]
    assert rows[0]["url"] == "https://ledger.example/one" and rows[2]["url"] is None

    result = annals(
        "export",
        "events",
        "--db",
        db,
        "--pair",
        "UKR-RUS",
        "--since",
        "2023-04",
        "--format",
        "parquet",
        "-o",
        str(tmp_path / "pair.parquet"),
    )
    assert result.returncode == 0, result.stderr
    table = pq.read_table(tmp_path / "pair.parquet").to_pylist()
    assert [(r["source_code"], r["target_code"]) for r in table] == [("RUS", "UKR"), ("UKR", "RUS")]

    result = annals("export", "events", "--db", db, "--code", "04", "--format", "csv", "-o", "-")
    lines = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["source_name"], r["cameo"], r["outlet"]) for r in lines] == [
        ("Vladimir Putin", "042", "Harbor Ledger")
    ]

    result = annals(
        "export",
        "events",
        "--db",
        db,
        "--format",
        "gdelt",
        "--story-counts",
        "-o",
        str(tmp_path / "events.tsv"),
    )
    assert result.returncode == 0, result.stderr
    gdelt = [x.split("\t") for x in (tmp_path / "events.tsv").read_text().splitlines()]
    assert len(gdelt) == 4 and {len(x) for x in gdelt} == {61}  # the negated one is left out
    assert [(x[1], x[5], x[15], x[26]) for x in gdelt] == [
        ("20230321", "RUSGOV", "CHN", "042"),
        ("20230322", "CHN", "RUS", "057"),
        ("20230401", "RUS", "UKR", "190"),
        ("20230402", "UKR", "RUS", "112"),
    ]


def test_cli_exports_the_other_listings(db, tmp_path):
    result = annals(
        "export",
        "documents",
        "--db",
        db,
        "--lang",
        "ru",
        "--format",
        "jsonl",
        "-o",
        str(tmp_path / "docs.jsonl"),
    )
    assert result.returncode == 0, result.stderr
    [doc] = [json.loads(x) for x in (tmp_path / "docs.jsonl").read_text().splitlines()]
    assert (doc["outlet"], doc["languages"], doc["text"]) == (
        "Wire Daily",
        ["ru"],
        "Report two of the wire.",
    )
    result = annals(
        "export",
        "stories",
        "--db",
        db,
        "--code",
        "19",
        "--format",
        "jsonl",
        "-o",
        str(tmp_path / "stories.jsonl"),
    )
    assert result.returncode == 0, result.stderr
    stories = [json.loads(x) for x in (tmp_path / "stories.jsonl").read_text().splitlines()]
    assert stories and all(s["root"] == "19" for s in stories)
    result = annals("export", "quotes", "--db", db, "-o", str(tmp_path / "quotes.csv"))
    assert result.returncode == 0 and "0 quotes written" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["documents", "--format", "gdelt"], "events only"),
        (["events", "--speaker", "x"], "cannot be filtered by --speaker"),
        (["quotes", "--format", "xml"], "unknown format"),
        (["events", "--format", "csv", "--story-counts"], "--story-counts"),
        (["people"], "cannot export 'people'"),
    ],
)
def test_cli_export_refuses_what_it_cannot_do(db, tmp_path, args, message):
    result = annals("export", *args, "--db", db, "-o", str(tmp_path / "out"))
    assert result.returncode == 3 and message in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_web_download_can_stream_an_export(db, tmp_path):
    from fastapi import FastAPI
    from fastapi.responses import StreamingResponse
    from fastapi.testclient import TestClient

    store = Store(db)
    app = FastAPI()

    @app.get("/events.csv")
    def download() -> StreamingResponse:
        rows = store.iter_events(batch_size=2)
        return StreamingResponse(
            export.chunks(rows, "csv", batch_size=2), export.MEDIA_TYPES["csv"]
        )

    body = TestClient(app).get("/events.csv").content
    export.write(store.iter_events(), "csv", tmp_path / "events.csv")
    assert body == (tmp_path / "events.csv").read_bytes()
    assert len(body.decode("utf-8").splitlines()) == 6
    store.close()
