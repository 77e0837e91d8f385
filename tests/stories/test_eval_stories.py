"""Pairwise scoring of story clustering against gold story labels."""

from __future__ import annotations

from annals.eval.stories import match_gold, score_stories
from annals.stories import StoryEvent, cluster


def gold(doc: str, source: str, target: str, root: str, story: str | None, date: str) -> dict:
    row = {"doc": doc, "source": source, "target": target, "root": root, "negated": False}
    row.update({"cameo": root + "0", "date": date, "date_precision": "day"})
    if story:
        row["story"] = story
    return row


def found(eid: str, doc: str, source: str, target: str, root: str, date: str) -> StoryEvent:
    return StoryEvent(eid, doc, source, target, root + "0", root, date=date, outlet=doc)


GOLD = [
    gold("d1", "CHN", "RUS", "04", "meeting", "2022-09-15"),
    gold("d1", "RUS", "CHN", "04", "meeting", "2022-09-15"),
    gold("d2", "CHN", "RUS", "04", "meeting", "2022-09-15"),
    gold("d2", "CHN", "USA", "11", "criticism", "2022-09-15"),
    gold("d2", "CHN", "IND", "11", None, "2022-09-15"),
]


def test_perfect_clustering_scores_one():
    events = {
        "d1": [
            found("1", "d1", "CHN", "RUS", "04", "2022-09-15"),
            found("2", "d1", "RUS", "CHN", "04", "2022-09-15"),
        ],
        "d2": [
            found("3", "d2", "CHN", "RUS", "04", "2022-09-16"),
            found("4", "d2", "CHN", "USA", "11", "2022-09-15"),
        ],
    }
    stories = cluster(e for evs in events.values() for e in evs)
    score = score_stories(GOLD, stories, events)
    assert score["matched"] == 4 and score["n"] == 2
    assert (score["precision"], score["recall"], score["f1"]) == (1.0, 1.0, 1.0)
    assert score["gold_pairs"] == 3


def test_split_story_loses_recall():
    events = {
        "d1": [
            found("1", "d1", "CHN", "RUS", "04", "2022-09-15"),
            found("2", "d1", "RUS", "CHN", "04", "2022-09-15"),
        ],
        "d2": [found("3", "d2", "CHN", "RUS", "04", "2022-10-20")],  # too far: own story
    }
    stories = cluster(e for evs in events.values() for e in evs)
    score = score_stories(GOLD, stories, events)
    assert score["precision"] == 1.0
    assert score["recall"] == round(1 / 3, 4)


def test_matching_prefers_the_event_with_the_gold_date():
    events = {
        "d1": [
            found("old", "d1", "CHN", "RUS", "04", "2013"),
            found("new", "d1", "CHN", "RUS", "04", "2022-09-15"),
        ]
    }
    pairs = match_gold(GOLD[:1], events)
    assert [eid for _, eid in pairs] == ["new"]
