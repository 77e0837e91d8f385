"""``annals eval`` on the seed corpus and on the demo corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annals.eval.docs import same_date, same_outlet

ROOT = Path(__file__).resolve().parents[1]


def test_outlet_and_date_comparison_rules():
    assert same_outlet("The Epoch Times", "Epoch Times") and same_outlet("REUTERS", "Reuters")
    assert same_outlet(None, None) and not same_outlet("Reuters", None)
    assert same_date("2021-06-28", "2021") and same_date("2021", "2021")
    assert not same_date("2021", "2021-06-28") and not same_date("2022-01-01", "2021")
    assert same_date(None, None) and not same_date("2021", None)


def run_eval(corpus: Path, gold: Path) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "annals",
            "eval",
            "--corpus",
            str(corpus),
            "--gold",
            str(gold),
            "--json",
        ],
        capture_output=True,
        timeout=600,
        check=True,
    )
    return json.loads(result.stdout)


def test_seed_gold_through_annals_eval(shared):
    results = run_eval(shared / "corpus/seeds", shared / "gold/seeds")
    print("seed eval:", results)
    docs, times = results["docs"], results["times"]
    assert docs["n"] == 5
    assert docs["outlet_and_published"] >= 0.8  # at least 4 of the 5 articles
    assert docs["languages"] >= 0.8
    assert times["n"] == 45 and times["found"] >= 0.9 and times["resolved"] >= 0.9
    events, quotes = results["events"], results["quotes"]
    assert events["f1"] >= 0.70 and events["date_accuracy"] >= 0.8
    assert quotes["direct_f1"] >= 0.85 and quotes["reported_f1"] >= 0.70
    assert results["stories"]["n"] >= 4


def test_demo_corpus_metadata():
    scores = run_eval(ROOT / "examples/corpus", ROOT / "examples/gold/demo")["docs"]
    print("demo docs:", scores)
    assert scores["n"] >= 12
    assert scores["outlet_and_published"] >= 0.9
    assert scores["languages"] >= 0.9
