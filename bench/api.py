"""Latency of GET /api/events on a store of a million events.

Builds (once; reused while it holds the same number of events) a store of generated documents
and events, written in bulk through the store's tables: about 200 actors from the gazetteer
(60 states, 100 people, 40 organisations) drawn with Zipf-like popularity, dates over three years
(mostly to the day, some to the month or year, a few undated), CAMEO codes from the codebook with
the roots' usual weights (statements and consultations most common), 1 to 7 events per document,
40 outlets, documents of about 3,000 characters stored in random order. Then times requests made
through FastAPI's TestClient, by kind:

* ``first``: the first page; ``deep``: a page at a random offset up to 100,000;
* ``pair``: a source and target pair (half drawn from stored events, half at random);
* ``code``: a CAMEO root, three-digit or four-digit code; ``dates``: a window of 1 to 90 days;
* outside the mix, reported on their own: ``csv``, a download of 1,000 rows (the API's largest
  page) as CSV within a date window, which is a bulk export rather than a listing page; and
  ``actor``, either side by code or name, a name being matched as a substring, which no index
  serves.

The mix is the event listing as a user pages and filters it (50 events a page, JSON). Prints
p50/p95/p99 per kind and over the mix, with the machine's load average (the figures are
wall-clock times), and the time of the store's query alone (``Store.events`` with the same
filters and page) to tell the database from the web layer; then a JSON line. Fails when the
mix's p95 is over 100 ms.

    python bench/api.py [--events 1000000] [--requests 100] [--db PATH_OR_URL] [--rebuild]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from sqlalchemy import func, insert, select, text

from annals import export
from annals.store import Store
from annals.store.schema import documents, events

CACHE = Path(__file__).parent / ".cache"
CAMEO = Path(__file__).parents[1] / "src/annals/events/data/cameo.csv"
START = date(2022, 1, 1)
DAYS = 3 * 365
COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "UKR",
    "GBR",
    "DEU",
    "FRA",
    "ISR",
    "IRN",
    "IND",
    "JPN",
    "TUR",
    "KOR",
    "PRK",
    "SAU",
    "PAK",
    "SYR",
    "ITA",
    "CAN",
    "AUS",
    "POL",
    "BRA",
    "MEX",
    "EGY",
    "IRQ",
    "AFG",
    "TWN",
    "QAT",
    "ARE",
    "BLR",
    "KAZ",
    "VNM",
    "IDN",
    "PHL",
    "ZAF",
    "NGA",
    "ETH",
    "ESP",
    "NLD",
    "SWE",
    "NOR",
    "FIN",
    "HUN",
    "SRB",
    "GEO",
    "ARM",
    "AZE",
    "LBN",
    "JOR",
    "YEM",
    "VEN",
    "CUB",
    "COL",
    "ARG",
    "CHL",
    "MYS",
    "THA",
    "SGP",
    "NZL",
]
ROOT_WEIGHTS = {
    "01": 20,
    "02": 8,
    "03": 8,
    "04": 25,
    "05": 8,
    "06": 3,
    "07": 3,
    "08": 3,
    "09": 2,
    "10": 2,
    "11": 6,
    "12": 2,
    "13": 3,
    "14": 2,
    "15": 1,
    "16": 2,
    "17": 4,
    "18": 3,
    "19": 4,
    "20": 1,
}
WORDS = [
    "government",
    "minister",
    "talks",
    "agreement",
    "border",
    "security",
    "trade",
    "sanctions",
    "delegation",
    "visit",
    "official",
    "statement",
    "military",
    "exercise",
    "support",
    "economic",
    "cooperation",
    "dispute",
    "summit",
    "energy",
    "pipeline",
    "treaty",
    "defence",
    "alliance",
    "election",
    "parliament",
    "protest",
    "court",
    "ruling",
    "ceasefire",
    "aid",
    "negotiations",
    "embassy",
    "ambassador",
    "spokesperson",
    "said",
    "on",
    "tuesday",
    "after",
    "meeting",
    "with",
    "counterpart",
    "capital",
    "region",
    "forces",
    "troops",
    "deal",
    "investment",
    "tariffs",
    "imports",
    "exports",
    "growth",
    "report",
]
PLOVER = {"01": "CONSULT", "04": "CONSULT", "05": "AGREE", "11": "ACCUSE", "19": "ASSAULT"}


def actors(rng: random.Random) -> list[dict]:
    """About 200 actors from the gazetteer, most prominent first."""
    from annals.actors.gazetteer import gazetteer

    entities = gazetteer().entities.values()
    states = {e.code: e for e in entities if e.kind == "state"}
    people = sorted(
        (e for e in entities if e.kind == "person" and e.code in COUNTRIES[:30]), key=lambda e: e.id
    )
    orgs = sorted((e for e in entities if e.kind == "organisation" and e.code), key=lambda e: e.id)
    chosen = [states[c] for c in COUNTRIES if c in states]
    chosen += rng.sample(people, 100) + rng.sample(orgs, 40)
    top, rest = chosen[:10], chosen[10:]
    rng.shuffle(rest)
    return [
        {
            "entity": e.id,
            "name": e.name,
            "code": e.code,
            "sector": None if e.kind == "state" else e.sector,
            "kind": e.kind,
        }
        for e in top + rest
    ]


def codebook() -> list[tuple[str, str, float, int]]:
    with CAMEO.open(encoding="utf-8") as handle:
        return [
            (r["code"], r["root"], float(r["goldstein"]), int(r["quad_class"]))
            for r in csv.DictReader(handle)
        ]


class Generator:
    """Draws documents and events (fixed seed); weights are cumulative, computed once."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.cast = actors(self.rng)
        self.cast_weights = list(accumulate(1 / (r + 1) ** 0.9 for r in range(len(self.cast))))
        self.by_root: dict[str, list] = {}
        for entry in codebook():
            self.by_root.setdefault(entry[1], []).append(entry)
        self.roots = list(ROOT_WEIGHTS)
        self.root_weights = list(accumulate(ROOT_WEIGHTS.values()))
        self.outlets = [f"Outlet {i:02d}" for i in range(40)]
        self.outlet_weights = list(accumulate(1 / (i + 1) for i in range(40)))
        self.paragraphs = [" ".join(self.rng.choices(WORDS, k=80)) + "." for _ in range(2000)]
        self.now = datetime.now(UTC)

    def document(self, number: int) -> dict:
        rng = self.rng
        return {
            "id": hashlib.sha256(f"{self.seed}:{number}".encode()).hexdigest(),
            "text": "\n\n".join(rng.choices(self.paragraphs, k=6)),
            "title": f"Report {number}",
            "outlet": rng.choices(self.outlets, cum_weights=self.outlet_weights)[0],
            "published": (START + timedelta(days=rng.randrange(DAYS))).isoformat(),
            "published_precision": "day",
            "languages": rng.choices(["en", "ru", "zh", "en,zh"], [70, 15, 13, 2])[0],
            "url": f"https://news.example/{number}",
            "source": f"archive.jsonl:{number}",
            "format": "jsonl",
            "found": "{}",
            "ingested_at": self.now,
            "pipeline_version": "bench",
        }

    def event(self, event_id: int, doc: dict) -> dict:
        """An event reported in ``doc``: dated mostly a few days before its publication."""
        rng = self.rng
        source, target = rng.choices(self.cast, cum_weights=self.cast_weights, k=2)
        while target is source:
            target = rng.choices(self.cast, cum_weights=self.cast_weights)[0]
        root = rng.choices(self.roots, cum_weights=self.root_weights)[0]
        code, _, goldstein, quad = rng.choice(self.by_root[root])
        day = date.fromisoformat(doc["published"]) - timedelta(days=min(rng.expovariate(0.5), 60))
        kind = rng.random()
        if kind < 0.85:
            value, precision = day.isoformat(), "day"
        elif kind < 0.93:
            value, precision = day.isoformat()[:7], "month"
        elif kind < 0.97:
            value, precision = day.isoformat()[:4], "year"
        else:
            value, precision = None, None
        predicate = rng.choice(["met", "said", "urged", "accused", "signed", "visited", "warned"])
        evidence = f"{source['name']} {predicate} {target['name']} " + " ".join(
            rng.choices(WORDS, k=8)
        )
        start = rng.randrange(2500)
        row = {
            "id": event_id,
            "document_id": doc["id"],
            "sentence": rng.randrange(25),
            "start": start,
            "end": start + len(evidence),
            "text": evidence,
            "cameo": code,
            "root": root,
            "plover": PLOVER.get(root, "OTHER"),
            "quad_class": quad,
            "goldstein": goldstein,
            "negated": rng.random() < 0.04,
            "modality": None,
            "date": value,
            "date_precision": precision,
            "place": rng.choice([None, None, None, "Geneva", "Moscow", "Beijing", "Washington"]),
            "confidence": round(rng.uniform(0.4, 0.95), 2),
            "predicate": predicate,
            "lang": "en",
        }
        for side, actor in (("source", source), ("target", target)):
            row.update(
                {
                    f"{side}_entity": actor["entity"],
                    f"{side}_name": actor["name"],
                    f"{side}_code": actor["code"],
                    f"{side}_sector": actor["sector"],
                    f"{side}_kind": actor["kind"],
                    f"{side}_start": 0,
                    f"{side}_end": len(actor["name"]),
                }
            )
        return row


def build(store: Store, n_events: int, seed: int) -> None:
    """Write ``n_events`` generated events and their documents (about four events each, stored
    in random order as an archive is ingested); indexes are built at the end."""
    draw = Generator(seed)
    n_docs = n_events // 4
    order = list(range(n_docs))
    draw.rng.shuffle(order)
    indexes = [*events.indexes, *documents.indexes]
    with store.engine.begin() as connection:
        for index in indexes:
            index.drop(connection)
    event_id = 0
    for start in range(0, n_docs, 5000):
        doc_rows, event_rows = [], []
        for number in order[start : start + 5000]:
            doc = draw.document(number)
            doc_rows.append(doc)
            last = number == order[-1]
            count = (
                n_events - event_id if last else min(n_events - event_id, draw.rng.randint(1, 7))
            )
            for _ in range(count):
                event_id += 1
                event_rows.append(draw.event(event_id, doc))
        with store.engine.begin() as connection:
            connection.execute(insert(documents), doc_rows)
            if event_rows:
                connection.execute(insert(events), event_rows)
        print(f"\r  {event_id:,} events", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with store.engine.begin() as connection:
        for index in indexes:
            index.create(connection)


def open_store(url: str, n_events: int, seed: int, rebuild: bool) -> tuple[Store, float]:
    """The bench store, built unless it already holds ``n_events``; and seconds spent building."""
    if "://" not in url:
        Path(url).parent.mkdir(parents=True, exist_ok=True)
    store = Store(url)
    with store.engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(events)).scalar_one()
    if stored == n_events and not rebuild:
        return store, 0.0
    with store.engine.begin() as connection:
        connection.execute(events.delete())
        connection.execute(documents.delete())
    began = time.perf_counter()
    build(store, n_events, seed)
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("VACUUM ANALYZE"))
    return store, time.perf_counter() - began


def requests(store: Store, per_kind: int, seed: int) -> list[tuple[str, dict]]:
    """(kind, query parameters) of the requests to time, drawn from what is stored."""
    rng = random.Random(seed)
    with store.engine.connect() as connection:
        top = connection.execute(select(func.max(events.c.id))).scalar_one()
        ids = [rng.randint(1, top) for _ in range(500)]
        sample = connection.execute(
            select(events.c.source_code, events.c.target_code, events.c.source_name).where(
                events.c.id.in_(ids)
            )
        ).all()
    codes = [row[0] for row in codebook()]
    stored_codes = sorted({r.source_code for r in sample} | {r.target_code for r in sample})

    def window() -> dict:
        since = START + timedelta(days=rng.randrange(DAYS))
        return {
            "since": since.isoformat(),
            "until": (since + timedelta(days=rng.randint(1, 90))).isoformat(),
        }

    def pair() -> dict:
        if rng.random() < 0.5:
            row = rng.choice(sample)
            return {"source": row.source_code, "target": row.target_code}
        source, target = rng.sample(stored_codes, 2)
        return {"source": source, "target": target}

    def code() -> dict:
        length = rng.choice([2, 3, 4])
        return {"code": rng.choice([c for c in codes if len(c) == length])}

    def actor() -> dict:
        row = rng.choice(sample)
        return {"actor": rng.choice([row.source_code, row.source_name.split()[-1]])}

    makers = {
        "first": lambda: {},
        "deep": lambda: {"offset": rng.randrange(100_000)},
        "pair": pair,
        "code": code,
        "dates": window,
        "csv": lambda: {"format": "csv", "limit": 1000, **window()},
        "actor": actor,
    }
    out = [(kind, make()) for kind, make in makers.items() for _ in range(per_kind)]
    rng.shuffle(out)
    return out


MIX = ("first", "deep", "pair", "code", "dates")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=100, help="per kind")
    parser.add_argument("--db", help="SQLite path or database URL (default: bench/.cache)")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="regenerate the store")
    args = parser.parse_args()
    url = args.db or str(CACHE / f"api-{args.events}.db")
    store, built = open_store(url, args.events, args.seed, args.rebuild)
    planned = requests(store, args.requests, args.seed)

    from fastapi.testclient import TestClient

    from annals.web.app import create_app

    client = TestClient(create_app(url))
    for _, params in planned[:20]:  # warm up
        client.get("/api/events", params=params)
    times: dict[str, list[float]] = {}
    in_store: dict[str, list[float]] = {}
    exported: list[float] = []
    for kind, params in planned:
        began = time.perf_counter()
        response = client.get("/api/events", params=params)
        elapsed = (time.perf_counter() - began) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{kind} {params}: HTTP {response.status_code} {response.text}")
        times.setdefault(kind, []).append(elapsed)
        query = {k: v for k, v in params.items() if k != "format"}
        began = time.perf_counter()
        store.events(**{"limit": 50, **query})
        in_store.setdefault(kind, []).append((time.perf_counter() - began) * 1000)
        if kind == "csv":
            began = time.perf_counter()
            b"".join(export.chunks(store.iter_events(**query), "csv"))
            exported.append((time.perf_counter() - began) * 1000)
    store.close()
    everything = [t for kind in MIX for t in times[kind]]
    size = Path(url).stat().st_size / 1e6 if "://" not in url else None
    print(
        f"store: {args.events:,} events"
        + (f", {size:,.0f} MB" if size else "")
        + (f", built in {built:.0f} s" if built else ", reused")
        + f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print("GET /api/events through TestClient; 'store' columns: Store.events alone, same query")
    header = ("kind", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "store p50", "store p95")
    print(f"{header[0]:<8}{header[1]:>5}" + "".join(f"{h:>10}" for h in header[2:]))
    store_mix = [t for kind in MIX for t in in_store[kind]]
    rows = {
        **{k: (times[k], in_store[k]) for k in MIX},
        "mix": (everything, store_mix),
        "csv": (times["csv"], in_store["csv"]),
        "actor": (times["actor"], in_store["actor"]),
    }
    for kind, (values, own) in rows.items():
        figures = (
            statistics.median(values),
            percentile(values, 95),
            percentile(values, 99),
            max(values),
            statistics.median(own),
            percentile(own, 95),
        )
        print(f"{kind:<8}{len(values):>5}" + "".join(f"{x:>10.1f}" for x in figures))
    print(
        f"csv pages as export.chunks(Store.iter_events(...)) make them, without HTTP: "
        f"p50 {statistics.median(exported):.1f} ms, p95 {percentile(exported, 95):.1f} ms"
    )
    p95 = percentile(everything, 95)
    result = {
        "events": args.events,
        "requests": len(everything),
        "p50_ms": round(statistics.median(everything), 1),
        "p95_ms": round(p95, 1),
        "p99_ms": round(percentile(everything, 99), 1),
        "p95_ms_by_kind": {k: round(percentile(v, 95), 1) for k, v in times.items()},
        "store_p95_ms": round(percentile(store_mix, 95), 1),
        "csv_export_p95_ms": round(percentile(exported, 95), 1),
        "store_p95_ms_by_kind": {k: round(percentile(v, 95), 1) for k, v in in_store.items()},
        "load_average": round(os.getloadavg()[0], 1),
        "ok": p95 < 100,
    }
    print(json.dumps(result))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
