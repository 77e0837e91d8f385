"""The whole pipeline, ingest to stored events, on generated ~600-word articles.

Ingests the articles into a fresh SQLite store, then runs ``annals extract`` with the given
number of worker processes; prints articles per second (ingest and extract together) and the
peak memory of the main process and of its workers.

    python bench/pipeline.py [--n 1000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import articles

from annals.ingest import ingest
from annals.pipeline import extract_pending
from annals.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for i, (_lang, text, _published) in enumerate(articles(args.n, seed=11)):
            (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        with Store(str(Path(tmp, "bench.db"))) as store:
            started = time.perf_counter()
            ingest([str(folder)], store)
            ingested = time.perf_counter()
            report = extract_pending(store, workers=args.workers)
            elapsed = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    rate = args.n / elapsed
    print(
        f"pipeline: {args.n} articles, {report.events} events, {args.workers} workers: "
        f"ingest {ingested - started:.1f}s, total {elapsed:.1f}s = {rate:.1f} articles/s; "
        f"peak RSS main {own:.0f} MB, largest worker {children:.0f} MB"
    )
    print(
        json.dumps(
            {
                "articles": args.n,
                "workers": args.workers,
                "events": report.events,
                "seconds": round(elapsed, 2),
                "articles_per_second": round(rate, 1),
                "peak_rss_mb": round(own),
                "peak_worker_rss_mb": round(children),
            }
        )
    )


if __name__ == "__main__":
    main()
