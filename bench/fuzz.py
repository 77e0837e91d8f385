"""The longer fuzz run: every reader and stage with many more examples than CI tries.

    python bench/fuzz.py --examples 5000            # every target, 5000 examples each
    python bench/fuzz.py --examples 500 --only html,warc --seed 1

Drives the strategies and checks of ``tests/reliability/fuzzing.py`` (the same properties as
``tests/reliability/test_fuzz.py``): the only exception allowed is ``InputError``, readers turn
bad input into ``ReadFailure`` records, and every span slices the text. Failures do not stop a
target: each is counted, the first few of each kind are printed with their input, and the exit
code is 1 when any target failed. ``--shrink`` instead stops at a target's first failure and
lets Hypothesis shrink it to a minimal input.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests")]

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from reliability.fuzzing import TARGETS, Target, check_huge, huge_texts  # noqa: E402

SHOWN = 3
"""Inputs printed per kind of failure."""


def run_target(target: Target, examples: int, shrink: bool, rng_seed: int | None) -> dict:
    """Run one target; return counts of examples tried and failures by kind."""
    tried = 0
    failures: Counter[str] = Counter()
    shown: Counter[str] = Counter()

    def check(value: object) -> None:
        nonlocal tried
        tried += 1
        if shrink:
            target.check(value)
            return
        try:
            target.check(value)
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            kind = f"{exc.__class__.__name__} at {Path(frame.filename).name}:{frame.lineno}"
            failures[kind] += 1
            if shown[kind] < SHOWN:
                shown[kind] += 1
                print(f"  FAIL {target.name}: {kind}: {str(exc)[:200]}")
                print(f"    input: {_short(value)}")

    phases = [Phase.explicit, Phase.reuse, Phase.generate]
    if shrink:
        phases.append(Phase.shrink)
    test = settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        phases=phases,
        print_blob=shrink,
    )(given(target.strategy)(check))
    if rng_seed is not None:
        test = seed(rng_seed)(test)
    started = time.perf_counter()
    try:
        # warcio writes a warning to stderr for every damaged record
        with contextlib.redirect_stderr(io.StringIO()):
            test()
    except Exception as exc:  # --shrink: the minimal failing input (Hypothesis adds it as a note)
        failures[f"{exc.__class__.__name__}: {str(exc)[:300]}"] += 1
        traceback.print_exc(file=sys.stdout)
    return {
        "tried": tried,
        "failures": failures,
        "seconds": time.perf_counter() - started,
    }


def _short(value: object, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="examples per target")
    parser.add_argument(
        "--only", help="comma-separated target names: " + ", ".join(t.name for t in TARGETS)
    )
    parser.add_argument("--seed", type=int, help="Hypothesis seed (default: random)")
    parser.add_argument("--shrink", action="store_true", help="stop and shrink at a failure")
    parser.add_argument(
        "--huge-examples", type=int, default=12, help="examples of 1-4 MB lines (slow)"
    )
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    warnings.simplefilter("ignore")

    targets = list(TARGETS)
    for i, target in enumerate(targets):
        if target.name == "huge":  # 1-4 MB lines here; CI keeps them under 1 MB
            targets[i] = Target("huge", huge_texts(1_000_000, 4_000_000), check_huge, 0)
    if args.only:
        names = set(args.only.split(","))
        unknown = names - {t.name for t in targets}
        if unknown:
            parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
        targets = [t for t in targets if t.name in names]

    total_tried = total_failed = 0
    rows = []
    for target in targets:
        examples = args.examples
        if target.name == "huge":
            examples = args.huge_examples
        elif target.name == "nested_html":
            examples = max(1, args.examples // 20)
        print(f"{target.name}: {examples} examples ...", flush=True)
        result = run_target(target, examples, args.shrink, args.seed)
        failed = sum(result["failures"].values())
        total_tried += result["tried"]
        total_failed += failed
        rows.append((target.name, result["tried"], failed, result["seconds"]))
        for kind, count in result["failures"].most_common():
            print(f"  {count} x {kind}")
    print()
    print(f"{'target':<16}{'tried':>8}{'failed':>8}{'seconds':>10}")
    for name, tried, failed, seconds in rows:
        print(f"{name:<16}{tried:>8}{failed:>8}{seconds:>10.1f}")
    print(f"{'total':<16}{total_tried:>8}{total_failed:>8}")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
