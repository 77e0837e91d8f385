"""Actor resolution speed on one core: generated ~600-word articles in three languages.

The text stage runs first (untimed); the timed part is ``find_mentions`` over every sentence.

    python bench/actors.py [--n 600]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import articles

from annals.actors import find_mentions
from annals.actors.matcher import automaton, resolver
from annals.text import analyse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600)
    args = parser.parse_args()
    automaton(), resolver()  # load once, as a long run does
    docs = [(text, analyse(text, published)) for _lang, text, published in articles(args.n)]
    started = time.perf_counter()
    count = sum(len(find_mentions(text, analysis.sentences)) for text, analysis in docs)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = args.n / elapsed
    print(
        f"actors: {args.n} articles, {count} mentions in {elapsed:.2f}s: "
        f"{rate:.0f} articles/s on one core, peak RSS {peak:.0f} MB"
    )
    print(
        json.dumps(
            {
                "articles": args.n,
                "mentions": count,
                "articles_per_second": round(rate, 1),
                "peak_rss_mb": round(peak),
            }
        )
    )


if __name__ == "__main__":
    main()
