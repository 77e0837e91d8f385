"""Story clustering speed: generated events, 10k then 100k; the time must grow near-linearly.

Events pair random actors from 50 countries, with random roots, dates over two years (mostly
day precision, some month, year or undated), outlets and documents. Prints both times, their
ratio (must stay under 20x for 10x the events) and a last-line JSON. Each time is the best
of a few runs, to damp the noise of a shared machine.

    python bench/stories.py [--small 10000] [--large 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta

from annals.stories import StoryEvent, cluster

COUNTRIES = [
    "AFG",
    "ARE",
    "ARG",
    "AUS",
    "BGD",
    "BRA",
    "CAN",
    "CHE",
    "CHN",
    "COL",
    "DEU",
    "EGY",
    "ESP",
    "ETH",
    "FRA",
    "GBR",
    "GRC",
    "IDN",
    "IND",
    "IRN",
    "IRQ",
    "ISR",
    "ITA",
    "JPN",
    "KAZ",
    "KEN",
    "KOR",
    "MEX",
    "MNG",
    "MYS",
    "NGA",
    "NLD",
    "NOR",
    "PAK",
    "PHL",
    "POL",
    "PRK",
    "QAT",
    "RUS",
    "SAU",
    "SRB",
    "SWE",
    "SYR",
    "THA",
    "TUR",
    "TWN",
    "UKR",
    "USA",
    "UZB",
    "VNM",
]
ROOTS = [f"{r:02d}" for r in range(1, 21)]
OUTLETS = [f"Outlet {i}" for i in range(40)]
START = date(2022, 1, 1)


def events(n: int, seed: int) -> list[StoryEvent]:
    """``n`` generated events, about three per document."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        source, target = rng.sample(COUNTRIES, 2)
        root = rng.choice(ROOTS)
        day = START + timedelta(days=rng.randrange(730))
        kind = rng.random()
        if kind < 0.75:
            value, precision = day.isoformat(), "day"
        elif kind < 0.9:
            value, precision = day.isoformat()[:7], "month"
        elif kind < 0.95:
            value, precision = day.isoformat()[:4], "year"
        else:
            value, precision = None, None
        doc = f"doc{i // 3}"
        out.append(
            StoryEvent(
                id=i,
                document_id=doc,
                source_code=source,
                target_code=target,
                cameo=root + rng.choice("0123"),
                root=root,
                negated=rng.random() < 0.05,
                date=value,
                date_precision=precision,
                outlet=OUTLETS[(i // 3) % len(OUTLETS)],
                published=(day + timedelta(days=rng.randrange(3))).isoformat(),
                start=i,
            )
        )
    return out


def timed(n: int, seed: int, repeat: int = 1) -> tuple[float, int]:
    """Best of ``repeat`` times to cluster ``n`` generated events, and the number of stories."""
    batch = events(n, seed)
    best, count = float("inf"), 0
    for _ in range(repeat):
        began = time.perf_counter()
        count = len(cluster(batch))
        best = min(best, time.perf_counter() - began)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    timed(1000, args.seed)  # warm up
    small, small_stories = timed(args.small, args.seed, repeat=5)
    large, large_stories = timed(args.large, args.seed, repeat=2)
    ratio = large / small
    print(f"{args.small:>7} events: {small:.3f} s, {small_stories} stories")
    print(f"{args.large:>7} events: {large:.3f} s, {large_stories} stories")
    print(f"ratio {ratio:.1f}x for {args.large / args.small:.0f}x the events (limit 20x)")
    result = {
        "small": args.small,
        "large": args.large,
        "small_seconds": round(small, 4),
        "large_seconds": round(large, 4),
        "ratio": round(ratio, 2),
        "ok": ratio < 20,
    }
    print(json.dumps(result))
    sys.exit(0 if ratio < 20 else 1)


if __name__ == "__main__":
    main()
