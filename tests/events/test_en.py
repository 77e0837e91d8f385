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


# Patterns of the PETRARCH-style coding: each sentence written for these tests.
@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        # passive voice: the "by" agent is the source, the subject the target
        (
            "Sanctions were imposed on Iran by the European Union last year.",
            {("EU", "IRN", "16", False)},
            {("IRN", "EU", "16", False)},
        ),
        (
            "Two Syrian smugglers were arrested by Iraqi police.",
            {("IRQ", "SYR", "17", False)},
            set(),
        ),
        # a verb-noun phrase in the passive, with its partners after "between"
        (
            "Talks were held between Japan and South Korea in Tokyo.",
            {("JPN", "KOR", "04", False), ("KOR", "JPN", "04", False)},
            set(),
        ),
        # coordinated adjectives: one act each
        (
            "German and French activists staged a rally in Moscow.",
            {("DEU", "RUS", "14", False), ("FRA", "RUS", "14", False)},
            set(),
        ),
        # coordinated verbs share their object
        (
            "Canada criticised and sanctioned Iran on Monday.",
            {("CAN", "IRN", "11", False), ("CAN", "IRN", "16", False)},
            set(),
        ),
        # the target after the predicate's own preposition
        ("Vietnam protested to China over the oil rig.", {("VNM", "CHN", "11", False)}, set()),
        ("Poland called on NATO to send more troops.", {("POL", "NATO", "02", False)}, set()),
        (
            "Belgium extradited a Moroccan suspect to France.",
            {("BEL", "FRA", "06", False)},
            {("BEL", "MAR", "06", False)},
        ),
        # a state adjective on a noun that is no actor of its own
        ("Bangladesh rejected an Indian proposal.", {("BGD", "IND", "12", False)}, set()),
        # "hundreds of", "members of": the actor is the "of" phrase
        ("Hundreds of Russian troops withdrew from Moldova.", {("RUS", "MDA", "08", False)}, set()),
        # a noun predicate carried by a light verb, one-sided with a direct object
        (
            "Sudanese soldiers engaged Chadian troops in a gunbattle.",
            {("SDN", "TCD", "19", False)},
            {("TCD", "SDN", "19", False)},
        ),
        (
            "Colombia launched an offensive against Venezuelan rebels.",
            {("COL", "VEN", "19", False)},
            set(),
        ),
        # reported speech: an unknown speaker's past fact is an event of its own source
        (
            "Iraqi police arrested two Syrian smugglers, officials said.",
            {("IRQ", "SYR", "17", False)},
            set(),
        ),
        (
            "Israeli troops withdrew from Gaza, a correspondent said.",
            {("ISR", "PSE", "08", False)},
            set(),
        ),
        # a government saying another used force accuses it
        (
            "Kyiv said Russian forces shelled Kharkiv.",
            {("UKR", "RUS", "11", False), ("RUS", "UKR", "19", False)},
            set(),
        ),
        # claiming one's own violence is a claim of responsibility, not the attack itself
        (
            "Afghan rebels claimed that they had attacked Pakistani troops.",
            {("AFG", "PAK", "01", False)},
            {("AFG", "PAK", "19", False)},
        ),
        # commentators' views are no events
        ("An analyst said China would invade Taiwan.", set(), {("CHN", "TWN", "13", False)}),
        ("Experts believe Russia will attack Moldova.", set(), {("RUS", "MDA", "13", False)}),
        # where a protest or an armed act happened stands for its target
        ("Iranian students protested in London.", {("IRN", "GBR", "14", False)}, set()),
        # verb + noun patterns
        (
            "Canada expressed concern over Russia's military buildup near Ukraine.",
            {("CAN", "RUS", "11", False), ("RUS", "UKR", "15", False)},
            set(),
        ),
        # the subject receives: the act is the giver's
        (
            "Ukraine received military aid from Denmark.",
            {("DNK", "UKR", "07", False)},
            {("UKR", "DNK", "07", False)},
        ),
        # a future act on a condition is a threat
        (
            "Nigeria will withdraw its troops from Chad unless the fighting stops.",
            {("NGA", "TCD", "13", False)},
            set(),
        ),
        # agreeing to a noun act: intent to do it
        (
            "Armenia and Azerbaijan agreed to a ceasefire.",
            {("ARM", "AZE", "03", False), ("AZE", "ARM", "03", False)},
            set(),
        ),
        # a preposition of the phrase found through the tree, however far
        (
            "Egypt ordered twenty new fighter jets from France.",
            {("EGY", "FRA", "06", False)},
            set(),
        ),
        # a predicate inside a longer one, or one that only qualifies a noun, is none
        (
            "The United States lifted the sanctions on Cuba.",
            {("USA", "CUB", "08", False)},
            {("USA", "CUB", "16", False)},
        ),
        (
            "Poland bought battle tanks from South Korea.",
            {("POL", "KOR", "06", False)},
            {("POL", "KOR", "19", False)},
        ),
        # wanting to investigate is no threat
        (
            "UN inspectors want to inspect nuclear sites in Iran.",
            {("UN", "IRN", "09", False)},
            {("UN", "IRN", "13", False)},
        ),
        # appositions and documents issued by an actor
        (
            "Ali Hamid, Iraq's deputy foreign minister, met the Jordanian ambassador on Sunday.",
            {("IRQ", "JOR", "04", False)},
            set(),
        ),
        (
            "A statement issued by the Chinese foreign ministry condemned Japan.",
            {("CHN", "JPN", "11", False)},
            set(),
        ),
        # an act on what another actor did is an act towards that actor
        (
            "The White House welcomed the release of an American journalist by Russia.",
            {("USA", "RUS", "05", False), ("RUS", "USA", "08", False)},
            set(),
        ),
        # a state adjective is more specific than a possessive pronoun
        (
            "The Kenyan president congratulated his Nigerian counterpart on his victory.",
            {("KEN", "NGA", "05", False)},
            set(),
        ),
        # no verb inside a noun phrase: "drones struck" is no "drone strike" of the drones
        (
            "The Pentagon denied that American drones had struck a hospital in Afghanistan.",
            {("USA", "AFG", "19", True)},
            {("USA", "AFG", "19", False)},
        ),
        # "helped to" only introduces the act it governs
        ("Britain helped to draft a resolution on Iran.", set(), {("GBR", "IRN", "07", False)}),
        # the target after "to" of a ditransitive, the subject and negation from "careful"
        (
            "Brazil was careful never to send weapons to Venezuela.",
            {("BRA", "VEN", "07", True)},
            {("BRA", "VEN", "07", False)},
        ),
    ],
)
def test_coding_patterns(sentence, present, absent):
    found = events(sentence)
    assert present <= found, found
    assert not absent & found, found
    if not present:
        assert not {e for e in found if e[2] not in ("01",)}, found


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
