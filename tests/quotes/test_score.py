"""The quotes scorer, and the scores on the seed gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annals.actors import find_mentions
from annals.eval.quotes import occurrences, score_quotes
from annals.quotes import Quote, find_quotes
from annals.text import analyse

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def quote(start: int, end: int, text: str, name: str, ident: str | None, direct: bool) -> Quote:
    return Quote(
        start, end, text[start:end], 0, None, name, ident, None, direct, "said", 0, 0, "en"
    )


def test_score_matches_overlap_and_speaker() -> None:
    text = 'Putin said, "We value your position." Brands said the war would last.'
    gold = [
        {
            "doc": "a",
            "quote": "We value your position.",
            "speaker": "Vladimir Putin",
            "direct": True,
        },
        {"doc": "a", "quote": "the war would last", "speaker": "Hal Brands", "direct": False},
        {"doc": "a", "quote": "We value", "speaker": "Xi Jinping", "direct": True},
    ]
    found = [
        quote(13, 36, text, "Vladimir Putin", "putin-vladimir", True),
        quote(51, 69, text, "Brands", None, False),
    ]
    result = score_quotes(gold, {"a": found}, {"a": text}, {"a": "2022-09-15"})
    assert result["n"] == 3
    assert result["direct"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
        "tp": 1,
        "fp": 0,
        "fn": 1,
    }
    assert result["reported_f1"] == 1.0
    assert [m["speaker"] for m in result["misses"]] == ["Xi Jinping"]


def test_wrong_speaker_or_kind_is_no_match() -> None:
    text = 'Putin said, "We value your position."'
    gold = [{"doc": "a", "quote": "We value", "speaker": "Xi Jinping", "direct": True}]
    found = {"a": [quote(13, 36, text, "Vladimir Putin", "putin-vladimir", True)]}
    result = score_quotes(gold, found, {"a": text})
    assert result["direct"]["tp"] == 0 and len(result["false_alarms"]) == 1
    found = {"a": [quote(13, 36, text, "Xi Jinping", "xi-jinping", False)]}
    assert score_quotes(gold, found, {"a": text})["direct"]["fn"] == 1


def test_occurrences_fold_quote_marks_and_spaces() -> None:
    assert occurrences("the \u2018One China\u2019  policy", "'One China' policy") == [(4, 23)]


@pytest.mark.shared
def test_seed_gold() -> None:
    if not (SHARED / "gold" / "seeds.quotes.jsonl").is_file():
        pytest.skip(f"{SHARED} is absent (it is present in CI): seed quotes not scored")
    gold_dir, corpus = SHARED / "gold", SHARED / "corpus" / "seeds"
    read = lambda name: [json.loads(line) for line in (gold_dir / name).open(encoding="utf-8")]  # noqa: E731
    published = {row["doc"]: row["published"] for row in read("seeds.docs.jsonl")}
    texts, found = {}, {}
    for name, date in published.items():
        text = (corpus / name).read_text(encoding="utf-8")
        analysis = analyse(text, date)
        mentions = find_mentions(text, analysis.sentences)
        texts[name], found[name] = text, find_quotes(text, analysis.sentences, mentions)
    result = score_quotes(read("seeds.quotes.jsonl"), found, texts, published)
    assert result["n"] == 69
    # issue 6 targets: direct F1 >= 0.85, reported F1 >= 0.70
    assert result["direct_f1"] >= 0.85, result["misses"]
    assert result["reported_f1"] >= 0.85, result["false_alarms"]
