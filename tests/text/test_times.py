"""Time expressions resolved against the publication date, per language."""

import pytest

from annals.text import analyse


def _times(
    text: str, published: str | None
) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(t.text, t.value, t.precision, t.end_value) for t in analyse(text, published).times]


EN = [
    ("Putin met Xi on Thursday.", "2022-09-15", [("Thursday", "2022-09-15", "day", None)]),
    ("Putin spoke on Tuesday.", "2023-03-22", [("Tuesday", "2023-03-21", "day", None)]),
    (
        "Putin will travel next Tuesday.",
        "2024-05-17",
        [("next Tuesday", "2024-05-21", "day", None)],
    ),
    ("The sides will meet on Friday.", "2024-05-15", [("Friday", "2024-05-17", "day", None)]),
    (
        "He ended his visit on Wednesday (March 22, 2023).",
        "2023-03-22",
        [("Wednesday (March 22, 2023)", "2023-03-22", "day", None)],
    ),
    ("They met on May 24.", "2023-05-25", [("May 24", "2023-05-24", "day", None)]),
    ("They met on Nov. 30.", "2023-05-25", [("Nov. 30", "2022-11-30", "day", None)]),
    (
        "Talks were held on May 16-17.",
        "2024-05-20",
        [("May 16-17", "2024-05-16", "day", "2024-05-17")],
    ),
    ("The war began on 24 February 2022.", None, [("24 February 2022", "2022-02-24", "day", None)]),
    ("In February, they signed a pact.", "2022-10-23", [("In February", "2022-02", "month", None)]),
    ("He said it last month.", "2022-09-15", [("last month", "2022-08", "month", None)]),
    ("He said it yesterday.", "2022-09-15", [("yesterday", "2022-09-14", "day", None)]),
    ("He said it two weeks ago.", "2022-09-15", [("two weeks ago", "2022-09-01", "day", None)]),
    ("Earlier this year they met.", "2022-09-15", [("Earlier this year", "2022", "year", None)]),
    ("It rose last year.", "2021", [("last year", "2020", "year", None)]),
    ("It fell last month.", "2021", [("last month", None, None, None)]),
    ("They met on June 28.", "2021", [("June 28", "2021-06-28", "day", None)]),
    ("He met Biden in January 2020.", "2022-09-15", [("January 2020", "2020-01", "month", None)]),
    ("China has grown since 2013.", "2022-09-15", [("2013", "2013", "year", None)]),
    (
        "He spoke earlier on the 24th.",
        "2023-05-25",
        [("earlier on the 24th", "2023-05-24", "day", None)],
    ),
    (
        "The visit is in March this year.",
        "2023-05-25",
        [("in March this year", "2023-03", "month", None)],
    ),
    ("Article 25 gives five years and 2,000 troops for 20 years.", "2022-09-15", []),
    ("He has met Putin 39 times; the 21st century is here.", "2022-09-15", []),
    ("Russia Today reported it.", "2022-09-15", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), EN)
def test_english(text: str, published: str | None, expected: list) -> None:
    assert _times(text, published) == expected


def test_english_context() -> None:
    text = (
        "On June 28, Xi held a video meeting. The ministry announced it three days in advance.\n\n"
        "On May 5, 2019, the trade war was reignited and tariffs rose as of June 1.\n\n"
        "In 2019 I wrote this. Today, two years later, it came true.\n\n"
        "In February, three weeks before the invasion, they signed a deal.\n\n"
        "They met just weeks before Russia invaded Ukraine on Feb. 24."
    )
    got = {t.text: (t.value, t.precision) for t in analyse(text, "2021").times}
    assert got["three days in advance"] == ("2021-06-25", "day")
    assert got["June 1"] == ("2019-06-01", "day")
    assert got["two years later"] == ("2021", "year")
    got = {t.text: (t.value, t.precision) for t in analyse(text, "2022-10-23").times}
    assert got["three weeks before"] == ("2022-02", "month")
    assert got["just weeks before"] == ("2022-02", "month")


def test_three_day_visit_is_a_range() -> None:
    text = "The premier wrapped up a three-day visit to Russia on Wednesday (March 22, 2023)."
    got = analyse(text, "2023-03-22").times
    assert (got[0].text, got[0].value, got[0].end_value) == (
        "three-day visit",
        "2023-03-20",
        "2023-03-22",
    )


RU = [
    ("Путин провел переговоры 16 мая.", "2024-05-17", [("16 мая", "2024-05-16", "day", None)]),
    (
        "Визит прошел 16-17 мая 2024 года.",
        "2024-06-01",
        [("16-17 мая 2024 года", "2024-05-16", "day", "2024-05-17")],
    ),
    ("В четверг министр заявил об этом.", "2024-05-17", [("В четверг", "2024-05-16", "day", None)]),
    ("В прошлом году объем вырос.", "2024-05-17", [("В прошлом году", "2023", "year", None)]),
    (
        "Об этом сообщили в прошлом месяце.",
        "2024-05-17",
        [("в прошлом месяце", "2024-04", "month", None)],
    ),
    ("Накануне министр заявил об этом.", "2024-05-17", [("Накануне", "2024-05-16", "day", None)]),
    ("Вчера Лавров прибыл в Пекин.", "2024-05-17", [("Вчера", "2024-05-16", "day", None)]),
    ("Соглашение подписали в мае.", "2024-09-01", [("в мае", "2024-05", "month", None)]),
    ("В 2014 году Россия присоединила Крым.", "2024-05-17", [("2014 году", "2014", "year", None)]),
    ("Три дня назад МИД выступил.", "2024-05-17", [("Три дня назад", "2024-05-14", "day", None)]),
    (
        "с 3 по 5 июня пройдет форум.",
        "2024-05-17",
        [("с 3 по 5 июня", "2024-06-03", "day", "2024-06-05")],
    ),
    (
        "Договор подписан 15.09.2022 в Самарканде.",
        None,
        [("15.09.2022", "2022-09-15", "day", None)],
    ),
    (
        "На прошлой неделе посол был вызван.",
        "2024-05-17",
        [("На прошлой неделе", "2024-05", "month", None)],
    ),
    ("Погибли 2000 человек, ранены 150.", "2024-05-17", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), RU)
def test_russian(text: str, published: str | None, expected: list) -> None:
    assert _times(text, published) == expected


def test_russian_eve_of_event() -> None:
    got = _times("Накануне визита в Китай, 15 мая, Путин дал интервью.", "2024-05-20")
    assert got == [("Накануне", "2024-05-14", "day", None), ("15 мая", "2024-05-15", "day", None)]


ZH = [
    ("习近平5月16日在北京会见普京。", "2024-05-17", [("5月16日", "2024-05-16", "day", None)]),
    (
        "2024年5月16日至17日，普京访华。",
        None,
        [("2024年5月16日至17日", "2024-05-16", "day", "2024-05-17")],
    ),
    ("去年5月，两国签署声明。", "2024-05-17", [("去年5月", "2023-05", "month", None)]),
    ("上周四，发言人表示反对。", "2024-05-17", [("上周四", "2024-05-09", "day", None)]),
    ("上週，王毅與拉夫羅夫通電話。", "2024-05-17", [("上週", "2024-05", "month", None)]),
    ("上個月雙方舉行了會談。", "2024-05-17", [("上個月", "2024-04", "month", None)]),
    ("昨天外交部表示关切。", "2024-05-17", [("昨天", "2024-05-16", "day", None)]),
    ("本月双方将举行会谈。", "2024-05-17", [("本月", "2024-05", "month", None)]),
    ("中国在2014年宣布此事。", "2024-05-17", [("2014年", "2014", "year", None)]),
    ("去年贸易额增长。", "2024-05-17", [("去年", "2023", "year", None)]),
    ("2 天前，外交部表示。", "2024-05-17", [("2 天前", "2024-05-15", "day", None)]),
    ("16日，两国元首签署声明；次日，普京前往哈尔滨。", "2024-05-20",
     [("16日", "2024-05-16", "day", None), ("次日", "2024-05-17", "day", None)]),
    ("1980年代开始改革，日本表示关切，十多年来如此。", "2024-05-17", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expected"), ZH)
def test_chinese(text: str, published: str | None, expected: list) -> None:
    assert _times(text, published) == expected


def test_snippet_ages_are_approximate() -> None:
    got = _times("2 天前 — 全国人大常委会委员长上周出访俄罗斯。", "2022-09-15")
    assert got == [("2 天前", "2022-09", "month", None), ("上周", "2022-09", "month", None)]


def test_sentence_dates() -> None:
    text = (
        "Putin met Xi on Tuesday. They talked for hours.\n\n"
        "Analysts were unimpressed.\n\n"
        "In 2013 Xi became president. Russia welcomed it.\n\n"
        "Officials were pleased."
    )
    got = [(s.date, s.date_precision, s.date_source) for s in analyse(text, "2022-09-15").sentences]
    assert got == [
        ("2022-09-13", "day", "own"),
        ("2022-09-13", "day", "carried"),
        ("2022-09-13", "day", "carried"),  # the news day runs on into later paragraphs
        ("2013", "year", "own"),
        ("2013", "year", "carried"),
        ("2022-09-13", "day", "carried"),  # background dates do not
    ]
    assert analyse("No date here.", None).sentences[0].date_source is None
