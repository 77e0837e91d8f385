"""Ingest speed: 10,000 generated ~600-word articles (text files) into a SQLite store.

Prints documents per second and peak memory (max RSS) of the process.

    python bench/ingest.py [--n 10000] [--words 600]
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
from annals.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for i, (_lang, text, _published) in enumerate(articles(args.n, words=args.words)):
            (folder / f"{i:06d}.txt").write_text(text, encoding="utf-8")
        with Store(str(Path(tmp, "bench.db"))) as store:
            started = time.perf_counter()
            report = ingest([str(folder)], store)
            elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "articles": args.n,
        "stored": report.stored,
        "seconds": round(elapsed, 2),
        "docs_per_second": round(report.stored / elapsed, 1),
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(
        f"ingested {report.stored} of {args.n} articles in {elapsed:.1f}s: "
        f"{result['docs_per_second']} docs/s, peak RSS {peak_mb:.0f} MB"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
