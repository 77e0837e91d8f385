"""English event extraction, end to end through the text and actor stages."""

from __future__ import annotations

import pytest

import annals

PUBLISHED = "2023-03-22"


def events(text: str, published: str = PUBLISHED) -> set[tuple[str, str, str, bool]]:
    result = annals.process(text, published=published)
    return {(e.source.code, e.target.code, e.root, e.negated) for e in result.events}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Xi Jinping met Vladimir Putin in Moscow on Tuesday.",
            {("CHN", "RUS", "04", False), ("RUS", "CHN", "04", False)},
        ),
        (
            "Xi and Putin held talks in the Kremlin.",
            {("CHN", "RUS", "04", False), ("RUS", "CHN", "04", False)},
        ),
        (
            "Russian President Vladimir Putin visited Beijing last year.",
            {("RUS", "CHN", "04", False), ("CHN", "RUS", "04", False)},
        ),
        ("The two leaders signed a joint statement.", set()),
        ("Japan condemned North Korea's missile launch.", {("JPN", "PRK", "11", False)}),
        (
            "China has refused to condemn Russia's invasion of Ukraine.",
            {("CHN", "RUS", "11", True), ("RUS", "UKR", "19", False)},
        ),
        ("Beijing refrained from criticising Moscow.", {("CHN", "RUS", "11", True)}),
        ("The European Union imposed new sanctions on Russia.", {("EU", "RUS", "16", False)}),
        (
            "The United States urged China to stop supplying weapons to Russia.",
            {("USA", "CHN", "02", False)},
        ),
        ("Iran threatened to attack Israel.", {("IRN", "ISR", "13", False)}),
        ("Putin hopes to visit China next year.", {("RUS", "CHN", "03", False)}),
        ("India praised Russia for its support.", {("IND", "RUS", "05", False)}),
        ("Germany sent humanitarian aid to Ukraine.", {("DEU", "UKR", "07", False)}),
        ("Russian troops attacked Ukrainian forces near Bakhmut.", {("RUS", "UKR", "19", False)}),
        (
            "Hal Brands, a professor at Johns Hopkins University, said China would support Russia.",
            set(),
        ),
        ("The weather in Moscow was cold on Tuesday.", set()),
    ],
)
def test_sentences(sentence, expected):
    found = events(sentence)
    assert expected <= found, found
    if not expected:
        assert found == set()


def test_two_leaders_take_the_pair_from_context():
    text = (
        "Xi Jinping arrived in Moscow on Monday to see Vladimir Putin. "
        "The two leaders met on Tuesday."
    )
    found = events(text)
    assert ("CHN", "RUS", "04", False) in found and ("RUS", "CHN", "04", False) in found


def test_event_records_carry_codes_date_and_evidence():
    text = "Japan condemned North Korea's missile launch on Monday."
    [event] = [e for e in annals.process(text, published="2023-03-22").events if e.root == "11"]
    assert (event.cameo, event.quad_class, event.plover) == ("111", 3, "ACCUSE")
    assert event.goldstein == -2.0
    assert (event.date, event.date_precision) == ("2023-03-20", "day")
    assert text[event.start : event.end] == event.text and "condemned" in event.text
    assert event.source.name == "Japan" and event.target.name == "North Korea"


def test_seed_gold(shared):
    """The issue's targets: F1 0.70 on (source, target, root, negated), 80% dated right."""
    from annals.eval import evaluate

    scores = evaluate(shared / "corpus/seeds", shared / "gold/seeds")["events"]
    print("seed events:", {k: v for k, v in scores.items() if not isinstance(v, list | dict)})
    assert scores["f1"] >= 0.70 and scores["date_accuracy"] >= 0.80
