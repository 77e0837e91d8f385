"""The seed gold time expressions: found and resolved with the gold publication dates."""

import json
from pathlib import Path

import pytest

from annals.eval.times import score_times
from annals.text import analyse

SHARED = Path(__file__).parents[2].parent / "shared"


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason=f"{SHARED} (shared gold) is absent")
def test_seed_times() -> None:
    gold_dir, corpus = SHARED / "gold", SHARED / "corpus" / "seeds"
    docs = [json.loads(line) for line in (gold_dir / "seeds.docs.jsonl").read_text().splitlines()]
    rows = [json.loads(line) for line in (gold_dir / "seeds.times.jsonl").read_text().splitlines()]
    texts = {d["doc"]: (corpus / d["doc"]).read_text(encoding="utf-8") for d in docs}
    found = {d["doc"]: analyse(texts[d["doc"]], d["published"]).times for d in docs}
    score = score_times(rows, found, texts)
    assert score["n"] == len(rows) > 0
    assert score["found"] >= 0.9, score["misses"]
    assert score["resolved"] >= 0.9, score["wrong"]
