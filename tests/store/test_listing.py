"""Listings of the store: filters, pages, streaming reads, the indexes the event listing reads,
and the schema against its migrations (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from builders import mention, store_events
from sqlalchemy import event as sa_event
from sqlalchemy import inspect

from annals.store.db import MIGRATIONS
from annals.store.schema import metadata

RUS = mention("RUS", "Russia", "rus")
CHN = mention("CHN", "China", "chn")
USA = mention("USA", "United States", "usa")
UKR = mention("UKR", "Ukraine", "ukr")
PUTIN = mention("RUS", "Vladimir Putin", "putin-vladimir", "GOV")
XI = mention("CHN", "Xi Jinping", "xi-jinping", "GOV")
NATO = mention("NATO", "NATO", "nato", "IGO")
POLICE = mention("UKR", "police", None, "COP")

REPORTS = [
    (
        {
            "text": "Ledger report one.",
            "outlet": "Harbor Ledger",
            "published": "2023-03-22",
            "published_precision": "day",
            "languages": ("en",),
            "url": "https://ledger.example/one",
        },
        [
            {"source": RUS, "target": CHN, "cameo": "042", "date": "2023-03-21"},
            {"source": PUTIN, "target": XI, "cameo": "057", "date": "2023-03-21"},
            {"source": CHN, "target": RUS, "cameo": "112", "date": "2023-03", "negated": True},
            {"source": XI, "target": PUTIN, "cameo": "036", "date": None, "place": "Moscow"},
        ],
    ),
    (
        {
            "text": "Wire report two.",
            "outlet": "Wire Daily",
            "published": "2023-04-02",
            "published_precision": "day",
            "languages": ("en", "ru"),
        },
        [
            {"source": USA, "target": RUS, "cameo": "1123", "date": "2023-04-01"},
            {"source": NATO, "target": RUS, "cameo": "043", "date": "2023-04-02"},
            {"source": RUS, "target": UKR, "cameo": "190", "date": "2023-03-30"},
            {"source": POLICE, "target": UKR, "cameo": "173", "date": "2022-12-31"},
            {"source": UKR, "target": NATO, "cameo": "02", "date": "2023-04-02"},
        ],
    ),
]


@pytest.fixture
def filled(store):
    store_events(store, REPORTS)
    return store


def _side(value: str, code: str, entity: str | None) -> bool:
    return code == value.upper() or entity == value.lower()


def _matches(e, f: dict) -> bool:
    """The documented meaning of each filter, checked row by row."""
    if "source" in f and not _side(f["source"], e.source_code, e.source_entity):
        return False
    if "target" in f and not _side(f["target"], e.target_code, e.target_entity):
        return False
    if "pair" in f:
        a, b = f["pair"]
        ab = _side(a, e.source_code, e.source_entity) and _side(b, e.target_code, e.target_entity)
        ba = _side(b, e.source_code, e.source_entity) and _side(a, e.target_code, e.target_entity)
        if not (ab or ba):
            return False
    if "code" in f and not e.cameo.startswith(f["code"]):
        return False
    if "since" in f and not (e.date and e.date >= f["since"]):
        return False
    if "until" in f and not (e.date and e.date <= f["until"] + "\uffff"):
        return False
    return "outlet" not in f or f["outlet"].lower() in (e.outlet or "").lower()


FILTERS = [
    {"source": "RUS"},
    {"source": "rus"},
    {"source": "putin-vladimir"},
    {"target": "CHN"},
    {"source": "nato"},
    {"source": "UKR"},
    {"source": "RUS", "target": "CHN"},
    {"pair": ("RUS", "CHN")},
    {"pair": ("ukr", "rus")},
    {"code": "04"},
    {"code": "042"},
    {"code": "1123"},
    {"code": "112"},
    {"code": "019"},  # up to "020", without the root code "02" between them
    {"code": "11"},
    {"code": "4"},
    {"since": "2023-03-21", "until": "2023-03-31"},
    {"since": "2023-04"},
    {"until": "2023-03"},
    {"outlet": "wire", "code": "04"},
    {"source": "RUS", "since": "2023-03-25"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_event_filters_mean_what_they_say(filled, filters):
    everything = filled.events()
    expected = [e.id for e in everything if _matches(e, filters)]
    assert [e.id for e in filled.events(**filters)] == expected
    assert [e.id for e in filled.events(**filters, limit=2)] == expected[:2]
    assert [e.id for e in filled.events(**filters, limit=2, offset=1)] == expected[1:3]


def test_some_filters_select_something(filled):
    assert len(filled.events(source="RUS")) == 3
    assert len(filled.events(pair=("RUS", "CHN"))) == 4
    assert [e.cameo for e in filled.events(code="042")] == ["042"]


def test_pages_cover_the_listing_in_order(filled):
    everything = filled.events()
    dated = [e.date for e in everything if e.date]
    assert dated == sorted(dated)
    pages = [filled.events(limit=3, offset=n) for n in range(0, len(everything), 3)]
    assert [e for page in pages for e in page] == everything
    assert filled.events(limit=5, offset=100) == []


def test_iter_events_streams_the_listing_with_urls(filled):
    listed = filled.events(code="04")
    streamed = list(filled.iter_events(code="04", batch_size=1))
    assert [r["id"] for r in streamed] == [e.id for e in listed]
    assert streamed[0] == {**listed[0].__dict__, "url": "https://ledger.example/one"}
    assert {r["url"] for r in streamed} == {"https://ledger.example/one", None}
    assert [r["id"] for r in filled.iter_events(limit=2, offset=1)] == [
        e.id for e in filled.events()[1:3]
    ]


def test_iter_documents_and_quotes_stream_their_listings(filled):
    assert list(filled.iter_documents(batch_size=1)) == filled.documents()
    assert list(filled.iter_documents(lang="ru")) == filled.documents(lang="ru")
    assert [d.outlet for d in filled.iter_documents(outlet="ledger")] == ["Harbor Ledger"]
    assert list(filled.iter_quotes()) == filled.quotes() == []


def _revision_config(store) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_schema_and_migrations_agree_both_ways(store):
    def differences() -> list:
        """What autogenerate would change (column comments, kept in schema.py only, aside)."""
        with store.engine.connect() as connection:
            found = compare_metadata(MigrationContext.configure(connection), metadata)
        return [d for d in found if not (isinstance(d, list) and d[0][0] == "modify_comment")]

    assert differences() == []
    config = _revision_config(store)
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    names = {ix["name"] for ix in inspect(store.engine).get_indexes("events")}
    assert "ix_events_source" not in names and "ix_events_dyad" in names
    store.migrate()
    assert differences() == []


def _inner_plan(store, **filters) -> str:
    """SQLite's plan of the query that picks a page's ids."""
    statements = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    sa_event.listen(store.engine, "before_cursor_execute", keep)
    try:
        store.events(**filters, limit=50, offset=10)
    finally:
        sa_event.remove(store.engine, "before_cursor_execute", keep)
    statement, parameters = statements[-1]
    with store.engine.connect() as connection:
        plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return " | ".join(row[-1] for row in plan)


@pytest.mark.parametrize(
    ("filters", "index"),
    [
        ({}, "COVERING INDEX ix_events_date"),
        ({"since": "2023-01-01", "until": "2023-02-01"}, "COVERING INDEX ix_events_date"),
        ({"source": "RUS"}, "COVERING INDEX ix_events_source (source_code=?)"),
        ({"target": "CHN"}, "COVERING INDEX ix_events_target (target_code=?)"),
        ({"source": "putin-vladimir"}, "ix_events_source_entity (source_entity=?)"),
        ({"source": "RUS", "target": "CHN"}, "ix_events_dyad (source_code=? AND target_code=?)"),
        ({"code": "04"}, "ix_events_root (root=?)"),
        ({"code": "042"}, "COVERING INDEX ix_events_cameo (cameo>? AND cameo<?)"),
        ({"code": "1123"}, "COVERING INDEX ix_events_cameo (cameo=?)"),
        ({"document_id": "x"}, "ix_events_document (document_id=?)"),
    ],
    ids=str,
)
def test_event_pages_are_read_from_an_index_in_date_order(filled, filters, index):
    if filled.engine.dialect.name != "sqlite":
        pytest.skip("plans are checked on SQLite (PostgreSQL plans depend on table statistics)")
    plan = _inner_plan(filled, **filters)
    inner = plan.split(" | SCAN page")[0]
    assert index in inner, plan
    if "cameo>?" not in index:  # a range of codes is sorted; the rest come in date order
        assert "TEMP B-TREE" not in inner, plan
    assert "SCAN events" not in inner or "INDEX ix_events_date" in inner, plan
