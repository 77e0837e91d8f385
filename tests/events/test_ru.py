"""Russian event extraction, end to end: analyse -> find_mentions -> extract."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from annals.actors.matcher import find_mentions
from annals.events import extract
from annals.records import Event
from annals.text import analyse

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
DATE = "2024-05-16"


def run(text: str) -> list[Event]:
    """Events of a Russian text through the whole pipeline."""
    analysis = analyse(text, DATE)
    return extract(text, analysis.sentences, find_mentions(text, analysis.sentences))


def quads(events: list[Event]) -> set[tuple[str | None, str | None, str, bool]]:
    return {(e.source.code, e.target.code, e.root, e.negated) for e in events}


# (text, expected (source, target, root, negated) events, codes that must not appear)
CASES = [
    # meetings, talks, phone calls
    (
        "Владимир Путин встретился с Си Цзиньпином в Кремле.",
        {("RUS", "CHN", "04", False), ("CHN", "RUS", "04", False)},
    ),
    (
        "Путин и Си Цзиньпин провели переговоры в Пекине.",
        {("RUS", "CHN", "04", False), ("CHN", "RUS", "04", False)},
    ),
    (
        "Сергей Лавров провёл телефонный разговор с министром иностранных дел КНР Ван И.",
        {("RUS", "CHN", "04", False), ("CHN", "RUS", "04", False)},
    ),
    # visits
    ("Си Цзиньпин посетил Москву в понедельник.", {("CHN", "RUS", "04", False)}),
    ("Си Цзиньпин прибыл в Москву с государственным визитом.", {("CHN", "RUS", "04", False)}),
    (
        "В ходе визита Путина в Китай было подписано соглашение о торговле.",
        {("RUS", "CHN", "04", False)},
    ),
    # signing
    (
        "Россия и Китай подписали совместное заявление о партнёрстве.",
        {("RUS", "CHN", "05", False), ("CHN", "RUS", "05", False)},
    ),
    (
        "Белоруссия подписала с Россией соглашение о поставках газа.",
        {("BLR", "RUS", "05", False), ("RUS", "BLR", "05", False)},
    ),
    (
        "Соглашение было подписано Россией и Китаем в Москве.",
        {("RUS", "CHN", "05", False), ("CHN", "RUS", "05", False)},
    ),
    # praise, support
    ("Путин высоко оценил позицию Китая по украинскому вопросу.", {("RUS", "CHN", "05", False)}),
    ("Китай поддержал Россию в споре с Западом.", {("CHN", "RUS", "05", False)}),
    # criticism, condemnation, accusation
    ("МИД России осудил действия Украины.", {("RUS", "UKR", "11", False)}),
    ("Пекин раскритиковал Вашингтон за продажу оружия.", {("CHN", "USA", "11", False)}),
    ("Украина обвинила Россию в агрессии.", {("UKR", "RUS", "11", False)}),
    # negation and refusal
    ("Китай отказался осудить Россию.", {("CHN", "RUS", "11", True)}),
    ("Индия не осудила Россию.", {("IND", "RUS", "11", True)}),
    # appeals, threats, warnings
    ("ООН призвала Россию к переговорам.", {("UN", "RUS", "02", False)}),
    ("США пригрозили Китаю новыми санкциями.", {("USA", "CHN", "13", False)}),
    ("Вашингтон предупредил Пекин о последствиях.", {("USA", "CHN", "13", False)}),
    # sanctions
    ("Евросоюз ввёл санкции против России.", {("EU", "RUS", "16", False)}),
    (
        "США и Великобритания ввели санкции против Ирана.",
        {("USA", "IRN", "16", False), ("GBR", "IRN", "16", False)},
    ),
    # attacks
    ("Россия нанесла удар по Украине.", {("RUS", "UKR", "19", False)}),
    # aid
    ("Япония оказала помощь Украине.", {("JPN", "UKR", "07", False)}),
    ("Китай направил Пакистану гуманитарную помощь.", {("CHN", "PAK", "07", False)}),
    # intent
    ("Си Цзиньпин намерен посетить Россию.", {("CHN", "RUS", "03", False)}),
    # "стороны" from context
    (
        "Путин провёл переговоры с Си Цзиньпином. Стороны подписали соглашение о сотрудничестве.",
        {("RUS", "CHN", "05", False), ("CHN", "RUS", "05", False)},
    ),
    # reported speech
    ("Лавров заявил, что Россия поддерживает Китай.", {("RUS", "CHN", "05", False)}),
    ("Путин заявил, что готов встретиться с Зеленским.", {("RUS", "UKR", "03", False)}),
    ("По словам Пескова, Кремль осуждает решение НАТО.", {("RUS", "NATO", "11", False)}),
    ("Казахстан воздержался от осуждения России.", {("KAZ", "RUS", "11", True)}),
    (
        "Лидеры России и Китая встретились в Самарканде.",
        {("RUS", "CHN", "04", False), ("CHN", "RUS", "04", False)},
    ),
    ("В Кремле приветствовали решение Пекина.", {("RUS", "CHN", "05", False)}),
    # no event: one actor, commentator source, what commentators expect
    ("Путин выступил с обращением к нации.", set()),
    ("Американский политолог раскритиковал Китай.", set()),
    ("Эксперты считают, что Китай поддержит Россию.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(text: str, expected: set[tuple[str, str, str, bool]]) -> None:
    found = quads(run(text))
    if expected:
        assert expected <= found
        assert all(q[0] != "" for q in found)
    else:
        assert not found


def test_no_reported_statement_event() -> None:
    found = quads(run("Лавров заявил, что Россия поддерживает Китай."))
    assert ("RUS", "CHN", "01", False) not in found


def test_place_modality_and_evidence() -> None:
    text = "Путин и Си Цзиньпин провели переговоры в Пекине."
    events = run(text)
    assert events and all(e.place == "Пекине" for e in events)
    assert all(e.lang == "ru" and e.confidence == 0.8 for e in events)
    assert all(text[e.start : e.end] == e.text and "переговоры" in e.text for e in events)
    threat = run("США пригрозили Китаю новыми санкциями.")
    assert {e.cameo for e in threat} == {"1312"}
    intent = run("Си Цзиньпин намерен посетить Россию.")
    assert {e.modality for e in intent} == {"intent"} and intent[0].cameo == "036"


def test_demo_corpus() -> None:
    text = (CORPUS / "02-dogovor-prodlen.txt").read_text(encoding="utf-8")
    events = run(text)
    talks = {(e.source.code, e.target.code) for e in events if e.root == "04"}
    assert {("RUS", "CHN"), ("CHN", "RUS")} <= talks
    assert all(e.lang == "ru" and e.source.code != e.target.code for e in events)
    text = (CORPUS / "06-spetsoperatsiya.txt").read_text(encoding="utf-8")
    events = run(text)
    assert any(e.source.code == "CHN" and e.target.code == "RUS" and e.root == "04" for e in events)
    assert not any(e.source.commentator for e in events)


def test_speed() -> None:
    from annals.events import ru
    from annals.events.base import DocContext

    text = (CORPUS / "02-dogovor-prodlen.txt").read_text(encoding="utf-8")
    analysis = analyse(text, DATE)
    mentions = find_mentions(text, analysis.sentences)
    sentences = [s for s in analysis.sentences if s.lang == "ru"]
    for sentence in sentences:  # warm up pymorphy3
        ru.extract_sentence(text, sentence, mentions, DocContext())
    t0 = time.perf_counter()
    for _ in range(5):
        for sentence in sentences:
            own = [m for m in mentions if m.sentence == sentence.index]
            ru.extract_sentence(text, sentence, own, DocContext())
    per_sentence = (time.perf_counter() - t0) / (5 * len(sentences))
    assert per_sentence < 0.02
