"""Paired-term counts, the lexicon loader and tone, on small texts written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from annals.framing import LexiconError, load_terms, parse_terms, term_counts, tone

DOCS = [
    (
        "a1",
        "Wire A",
        "2022-03-01",
        "Russia's invasion of Ukraine entered its second week. The Chinese Communist Party "
        "refused to condemn the invasion, and the CCP regime blamed NATO. Beijing said the war "
        "must end.",
    ),
    (
        "a2",
        "Wire A",
        "2022-04-02",
        "The CCP again declined to call it an invasion. Taiwan's president said Taiwan would "
        "not yield.",
    ),
    (
        "b1",
        "State B",
        "2022-03-05",
        "China said the special military operation was a response to NATO. The Communist Party "
        "of China and the government of China called for talks. The Taiwan leader was criticised.",
    ),
    (
        "c1",
        "Agency C",
        "2022-03-07",
        "Президент заявил, что специальная военная операция идёт по плану. В ходе специальной "
        "военной операции, или СВО, Москва не ведёт войну. Киевский режим отказался "
        "от переговоров.",
    ),
    (
        "d1",
        "Daily D",
        "2022-03-09",
        "中共中央宣传部表示，俄罗斯的特别军事行动不是入侵。台灣地區領導人發表講話，中國政府表示反對。",
    ),
]


@pytest.fixture(scope="module")
def table():
    return term_counts(DOCS)


def test_lexicon_has_paired_terms_in_three_languages():
    concepts = load_terms()
    assert len(concepts) >= 12
    for concept in concepts:
        assert len(concept.terms) >= 2
        langs = {lang for term in concept.terms for lang, _ in term.forms}
        assert langs == {"en", "zh", "ru"}, concept.name


def test_loader_rejects_bad_lexicons():
    with pytest.raises(LexiconError, match="two alternative"):
        parse_terms([{"concept": "x", "terms": {"a": {"en": ["a"]}}}])
    with pytest.raises(LexiconError, match="unknown language"):
        parse_terms([{"concept": "x", "terms": {"a": {"fr": ["a"]}, "b": {"en": ["b"]}}}])
    with pytest.raises(LexiconError, match="in both"):
        parse_terms([{"concept": "x", "terms": {"a": {"en": ["War"]}, "b": {"en": ["war"]}}}])
    with pytest.raises(LexiconError, match="in both"):  # one lemma: война / войну
        parse_terms([{"concept": "x", "terms": {"a": {"ru": ["война"]}, "b": {"ru": ["войну"]}}}])
    with pytest.raises(LexiconError, match="repeated"):
        item = {"concept": "x", "terms": {"a": {"en": ["a"]}, "b": {"en": ["b"]}}}
        parse_terms([item, item])


def test_counts_per_outlet(table):
    per = table.per_outlet()
    assert per["Wire A"]["russia-ukraine-war"] == {"invasion": 3, "war": 1}
    assert per["Wire A"]["chinese-party-state"] == {"CCP": 3, "Beijing": 1}
    assert per["Wire A"]["taiwan-leader"] == {"president": 1}
    assert per["State B"]["russia-ukraine-war"] == {"special-military-operation": 1}
    # "Communist Party of China" is CPC, not also China; "government of China" has China.
    assert per["State B"]["chinese-party-state"] == {"China": 2, "CPC": 1}
    assert per["State B"]["taiwan-leader"] == {"leader": 1}
    # Russian: inflected forms and the acronym all count; "войну" is war.
    assert per["Agency C"]["russia-ukraine-war"] == {"special-military-operation": 3, "war": 1}
    assert per["Agency C"]["russian-state"] == {"Moscow": 1}
    assert per["Agency C"]["government-or-regime"] == {"regime": 1}
    # Chinese: traditional 台灣地區領導人 is matched in simplified form; 中共 is not 中国.
    assert per["Daily D"]["taiwan-leader"] == {"leader": 1}
    assert per["Daily D"]["chinese-party-state"] == {"CCP": 1, "China": 1}
    assert per["Daily D"]["russia-ukraine-war"] == {
        "special-military-operation": 1,
        "invasion": 1,
    }


def test_counts_per_period_and_language(table):
    periods = table.per_period()
    assert periods[("Wire A", "2022-03")]["chinese-party-state"] == {"CCP": 2, "Beijing": 1}
    assert periods[("Wire A", "2022-04")]["chinese-party-state"] == {"CCP": 1}
    frame = table.frame()
    assert set(frame["lang"]) == {"en", "ru", "zh"}
    assert frame["count"].sum() == sum(r.count for r in table.rows)
    assert table.documents == 5


def test_differing_word_choices(table):
    differing = table.differing()
    assert differing["russia-ukraine-war"]["Wire A"] == "invasion"
    assert differing["russia-ukraine-war"]["State B"] == "special-military-operation"
    assert differing["taiwan-leader"] == {
        "Wire A": "president",
        "State B": "leader",
        "Daily D": "leader",
    }
    assert "State B" in table.render(["taiwan-leader"])


def test_documents_as_objects_and_unknown_outlet():
    doc = SimpleNamespace(id="x", outlet=None, published=None, text="The regime fell.")
    table = term_counts([doc])
    assert table.per_outlet() == {"(unknown)": {"government-or-regime": {"regime": 1}}}
    assert table.rows[0].period == "(unknown)"


def _mention(text: str, needle: str, code: str, nth: int = 0) -> SimpleNamespace:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return SimpleNamespace(start=start, end=start + len(needle), code=code)


def test_tone_per_outlet_and_actor():
    good = "Beijing praised Russia for its constructive and balanced position."
    bad = "Officials condemned Russia for its brutal and illegal aggression."
    zh = "中方高度评价俄罗斯的建设性作用。"
    ru = "Министр осудил агрессию России. Тем временем погода была хорошей."
    docs = [
        ("g", "Friendly", None, good),
        ("b", "Hostile", None, bad),
        ("z", "Zh", None, zh),
        ("r", "Ru", None, ru),
    ]
    mentions = {
        "g": [_mention(good, "Russia", "RUS")],
        "b": [_mention(bad, "Russia", "RUS")],
        "z": [_mention(zh, "俄罗斯", "RUS")],
        "r": [_mention(ru, "России", "RUS")],
    }
    scores = {(s.outlet, s.actor): s for s in tone(docs, mentions)}
    assert scores[("Friendly", "RUS")].score > 0.5
    assert (scores[("Friendly", "RUS")].positive, scores[("Friendly", "RUS")].negative) == (3, 0)
    assert scores[("Hostile", "RUS")].score < -0.5
    assert scores[("Zh", "RUS")].score > 0
    # Only the mention's sentence counts: "хорошей" in the next sentence is left out.
    assert (scores[("Ru", "RUS")].positive, scores[("Ru", "RUS")].negative) == (0, 2)
