"""The time-expression scorer."""

from annals.eval.times import score_times
from annals.records import TimeExpression


def _expr(
    text: str, words: str, value: str, precision: str, end: str | None = None
) -> TimeExpression:
    start = text.index(words)
    return TimeExpression(start, start + len(words), words, value, precision, end)  # type: ignore[arg-type]


def test_score_times() -> None:
    text = "On June 28 they met. Last month, and last month again. From June 9 to 16 he toured."
    found = [
        _expr(text, "June 28", "2021-06-28", "day"),
        _expr(text, "Last month", "2021-05", "month"),
        _expr(text, "June 9 to 16", "2021-06-09", "day", "2021-06-16"),
    ]
    gold = [
        {"doc": "a", "text": "On June 28", "date": "2021-06-28", "precision": "day"},
        {"doc": "a", "text": "last month", "date": "2021-05", "precision": "month"},
        {"doc": "a", "text": "From June 9 to 16", "date": "2021-06", "precision": "month"},
        {"doc": "a", "text": "Last month", "date": "2021-04", "precision": "month"},
        {"doc": "b", "text": "yesterday", "date": "2021-06-27", "precision": "day"},
    ]
    score = score_times(gold, {"a": found}, {"a": text})
    assert score["n"] == 5
    assert score["found"] == 3 / 5  # the lower-case "last month" and doc b are missed
    assert score["resolved"] == 2 / 3  # the range counts as its month; "Last month" is wrong
    assert [m["text"] for m in score["misses"]] == ["last month", "yesterday"]
    assert [w["text"] for w in score["wrong"]] == ["Last month"]
