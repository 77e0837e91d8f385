"""End to end on the seed corpus: the pipeline's events clustered into stories.

The four stories of the acceptance criteria must each come out as one story that includes an
event from every seed article the gold story labels say reports it. (For the Samarkand meeting,
the event stage does not yet read the Reuters article's own meeting sentence; that article joins
the story through its same-day "due to hold a meeting in Samarkand" events, code 036, which block
with meetings.) Seed texts are read from
``../shared`` only; the test is skipped when that folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annals.eval.stories import match_gold, score_stories
from annals.stories import as_story_event, cluster, near_duplicates

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NAMED = {
    "Samarkand meeting": "2022-09",
    "visit to Moscow": "2023-03",
    "Mishustin meeting": "2023-05",
    "video meeting": "2021-06",
}
"""A part of each gold story label, with the month it happened."""

pytestmark = pytest.mark.shared


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def seeds():
    if not (SHARED / "gold" / "seeds.events.jsonl").is_file():
        pytest.skip(f"{SHARED} is absent (it is present in CI): seed story test skipped")
    from annals.pipeline import process

    docs = _lines(SHARED / "gold" / "seeds.docs.jsonl")
    gold = _lines(SHARED / "gold" / "seeds.events.jsonl")
    texts = {d["doc"]: (SHARED / "corpus" / "seeds" / d["doc"]).read_text("utf-8") for d in docs}
    events_by_doc = {}
    for d in docs:
        processed = process(texts[d["doc"]], d["published"])
        events_by_doc[d["doc"]] = [
            as_story_event(
                e, d["doc"], outlet=d["outlet"], published=d["published"], id=f"{d['doc']}#{i}"
            )
            for i, e in enumerate(processed.events)
        ]
    duplicates = near_duplicates(texts.items())
    stories = cluster([e for evs in events_by_doc.values() for e in evs], duplicates)
    return gold, events_by_doc, stories, duplicates


def _compatible(a: str | None, b: str | None) -> bool:
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


@pytest.mark.parametrize("part", sorted(NAMED))
def test_named_story_is_one_story_with_every_reporting_article(seeds, part):
    gold, events_by_doc, stories, _ = seeds
    labels = {row["story"] for row in gold if part in row.get("story", "")}
    assert len(labels) == 1, labels
    (label,) = labels
    rows = [row for row in gold if row.get("story") == label]
    reporting = {row["doc"] for row in rows}
    event = {e.id: e for evs in events_by_doc.values() for e in evs}
    story_of = {eid: s for s in stories for eid in s.event_ids}
    # Events matched to the label's gold lines whose date agrees with the gold date.
    found = {
        story_of[eid].id: story_of[eid]
        for row, eid in match_gold(rows, events_by_doc)
        if _compatible(event[eid].date, row["date"])
    }
    assert len(found) == 1, f"{label}: matched events in {len(found)} stories"
    (story,) = found.values()
    assert reporting <= set(story.document_ids), (label, story.document_ids)
    assert story.root == "04"
    assert {story.source_code, story.target_code} == {"CHN", "RUS"}
    assert story.date_start.startswith(NAMED[part]) or story.date_end.startswith(NAMED[part])


def test_seed_story_scores_and_counts(seeds):
    gold, events_by_doc, stories, duplicates = seeds
    assert set(duplicates) == set(events_by_doc)
    assert all(rep == doc for doc, rep in duplicates.items())  # five distinct articles
    score = score_stories(gold, stories, events_by_doc)
    assert score["matched"] > 0 and score["f1"] > 0
    for story in stories:
        assert story.mentions == len(story.event_ids) >= story.documents >= story.sources >= 1
        assert story.single_source == (story.sources == 1)
