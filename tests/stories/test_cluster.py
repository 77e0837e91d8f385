"""Story clustering on hand-made events."""

from __future__ import annotations

import random
from types import SimpleNamespace

from annals.records import Event, Mention
from annals.stories import StoryEvent, as_story_event, cluster

_counter = iter(range(1_000_000))


def ev(
    doc: str,
    outlet: str | None,
    source: str = "CHN",
    target: str = "RUS",
    cameo: str = "040",
    date: str | None = "2022-09-15",
    negated: bool = False,
    lang: str = "en",
    published: str | None = None,
) -> StoryEvent:
    n = next(_counter)
    precision = None if date is None else {4: "year", 7: "month"}.get(len(date), "day")
    return StoryEvent(
        id=n,
        document_id=doc,
        outlet=outlet,
        source_code=source,
        target_code=target,
        cameo=cameo,
        root=cameo[:2],
        negated=negated,
        date=date,
        date_precision=precision,
        lang=lang,
        published=published,
        start=n,
    )


def test_same_meeting_in_three_languages_is_one_story():
    events = [
        ev("d-en", "Reuters", "CHN", "RUS", "040", "2022-09-15", lang="en"),
        ev("d-en", "Reuters", "RUS", "CHN", "040", "2022-09-15", lang="en"),
        ev("d-zh", "Xinhua", "CHN", "RUS", "043", "2022-09-16", lang="zh"),
        ev("d-ru", "TASS", "RUS", "CHN", "042", "2022-09-15", lang="ru"),
        ev("d-other", "TASS", "RUS", "USA", "040", "2022-09-15"),
    ]
    stories = cluster(events)
    assert len(stories) == 2
    (meeting,) = [s for s in stories if {s.source_code, s.target_code} == {"CHN", "RUS"}]
    assert meeting.root == "04"
    assert meeting.mentions == 4
    assert meeting.documents == 3
    assert meeting.document_ids == ("d-en", "d-ru", "d-zh")
    assert meeting.outlets == ("Reuters", "TASS", "Xinhua")
    assert meeting.sources == 3
    assert meeting.languages == ("en", "ru", "zh")
    assert not meeting.single_source
    assert (meeting.date_start, meeting.date_end) == ("2022-09-15", "2022-09-16")
    assert meeting.date_precision == "day"


def test_single_source_by_outlet_and_by_near_duplicate_family():
    one_outlet = cluster([ev("a", "Reuters"), ev("b", "Reuters")])
    assert len(one_outlet) == 1
    assert one_outlet[0].single_source and one_outlet[0].documents == 2

    two = [ev("a", "Reuters"), ev("b", "Yahoo News")]
    assert not cluster(two)[0].single_source
    syndicated = cluster(two, duplicates={"a": "a", "b": "a"})[0]
    assert syndicated.single_source
    assert (syndicated.documents, syndicated.families, syndicated.sources) == (2, 1, 1)


def test_unknown_outlets_count_per_document_family():
    story = cluster([ev("a", None), ev("b", None)])[0]
    assert story.sources == 2 and not story.single_source


def test_conflicts_list_who_said_what():
    events = [
        ev("a", "Reuters", cameo="044", date="2022-09-15"),
        ev("b", "Xinhua", cameo="041", date="2022-09-16"),
        ev("c", "TASS", cameo="040", date="2022-09-15", negated=True),
    ]
    (story,) = cluster(events)
    conflicts = {c.field: dict(c.values) for c in story.conflicts}
    assert conflicts["date"] == {"2022-09-15": ("Reuters", "TASS"), "2022-09-16": ("Xinhua",)}
    assert conflicts["negated"] == {"false": ("Reuters", "Xinhua"), "true": ("TASS",)}
    assert conflicts["cameo CHN→RUS"] == {
        "040": ("TASS",),
        "041": ("Xinhua",),
        "044": ("Reuters",),
    }


def test_no_conflict_for_compatible_details_or_a_single_outlet():
    events = [
        ev("a", "Reuters", cameo="040", date="2022-09"),
        ev("b", "Xinhua", cameo="041", date="2022-09-15"),
        ev("c", "Xinhua", cameo="044", date="2022-09-16"),  # the same outlet said both
    ]
    (story,) = cluster(events)
    assert [c.field for c in story.conflicts] == []


def test_day_window_is_two_days():
    near = cluster([ev("a", "A", date="2022-09-15"), ev("b", "B", date="2022-09-17")])
    assert len(near) == 1
    far = cluster([ev("a", "A", date="2022-09-15"), ev("b", "B", date="2022-09-18")])
    assert len(far) == 2


def test_two_meetings_a_month_apart_stay_apart():
    events = [
        ev("a", "A", date="2022-09-15"),
        ev("b", "B", "RUS", "CHN", date="2022-09-15"),
        ev("c", "A", date="2022-10-15"),
        ev("d", "B", "RUS", "CHN", date="2022-10-16"),
    ]
    stories = cluster(events)
    assert [s.document_ids for s in stories] == [("a", "b"), ("c", "d")]


def test_month_and_year_precision_join_matching_stories():
    events = [
        ev("a", "A", date="2022-09-15"),
        ev("b", "B", date="2022-09"),  # same month: joins the day story
        ev("c", "C", date="2022-10"),  # another month: its own story
        ev("d", "D", date="2022-10"),
        ev("g", "G", date="2022-10"),
        ev("e", "E", date="2022"),  # same year: joins the largest story of 2022
        ev("f", "F", date="2021"),  # no story that year: its own
    ]
    stories = {s.document_ids: s for s in cluster(events)}
    assert set(stories) == {("a", "b"), ("c", "d", "e", "g"), ("f",)}
    assert stories[("f",)].date_precision == "year"
    assert stories[("c", "d", "e", "g")].date_precision == "month"


def test_undated_events_join_the_nearest_dated_story():
    events = [
        ev("a", "A", date="2022-03-01"),
        ev("b", "B", date="2022-09-15"),
        ev("c", "C", date=None, published="2022-09-20"),
        ev("d", "D", date=None, published="2022-03-02"),
    ]
    stories = [s.document_ids for s in cluster(events)]
    assert stories == [("a", "d"), ("b", "c")]
    alone = cluster([ev("x", "X", date=None)])
    assert len(alone) == 1 and alone[0].date_start is None


def test_blocks_by_actor_pair_and_root():
    events = [
        ev("a", "A", "CHN", "RUS", "040"),
        ev("b", "B", "RUS", "CHN", "042"),  # reverse direction, same root: same story
        ev("c", "C", "CHN", "RUS", "057"),  # another root
        ev("d", "D", "CHN", "USA", "040"),  # another pair
        ev("e", "E", "CHN", "RUS", "036"),  # intent to meet blocks with meetings
    ]
    stories = sorted(s.document_ids for s in cluster(events))
    assert stories == [("a", "b", "e"), ("c",), ("d",)]


def test_ids_are_stable_and_independent_of_order():
    events = [
        ev(
            f"d{i}",
            f"O{i % 3}",
            random.choice(["CHN", "USA"]),
            "RUS",
            "040",
            f"2022-0{1 + i % 9}-1{i % 3}",
        )
        for i in range(40)
    ]
    first = cluster(events)
    shuffled = events[:]
    random.Random(3).shuffle(shuffled)
    assert cluster(shuffled) == first
    assert len({s.id for s in first}) == len(first)
    assert sum(s.mentions for s in first) == 40


def test_accepts_stored_and_pipeline_events():
    stored = SimpleNamespace(
        id=7,
        document_id="doc1",
        outlet="Reuters",
        published="2022-09-15",
        source_entity="xi-jinping",
        source_name="Xi Jinping",
        source_code="CHN",
        target_entity="putin-vladimir",
        target_name="Vladimir Putin",
        target_code="RUS",
        cameo="040",
        root="04",
        negated=False,
        date="2022-09-15",
        date_precision="day",
        lang="en",
        text="Xi met Putin",
        start=0,
    )

    def mention(name: str, code: str, entity: str) -> Mention:
        return Mention(0, 2, name, 0, entity, name, code, "GOV", "person", "alias")

    event = Event(
        0,
        0,
        12,
        "普京会见习近平",
        mention("普京", "RUS", "putin-vladimir"),
        mention("习近平", "CHN", "xi-jinping"),
        "042",
        "04",
        "CONSULT",
        1,
        1.9,
        date="2022-09-15",
        date_precision="day",
        lang="zh",
    )
    (story,) = cluster([stored, as_story_event(event, "doc2", outlet="Xinhua", id="doc2#0")])
    assert set(story.event_ids) == {7, "doc2#0"}
    assert story.source_name in {"Xi Jinping", "普京"}
    assert story.documents == 2
