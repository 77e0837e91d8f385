"""Direct quotations, reported speech and their speakers, in English, Chinese and Russian."""

from __future__ import annotations

import pytest

from annals.actors import find_mentions
from annals.quotes import Quote, find_quotes
from annals.text import analyse


def run(text: str, lang: str) -> list[Quote]:
    analysis = analyse(text, "2023-03-22", lang)
    return find_quotes(text, analysis.sentences, find_mentions(text, analysis.sentences))


def summary(quotes: list[Quote]) -> list[tuple[bool, str, str]]:
    return [(q.direct, q.speaker_name, q.text) for q in quotes]


D, R = True, False

CASES = [
    # English direct: after, before, colon, inverted, split, pronoun, carried
    (
        "en",
        '"We will never accept this," Putin said on Monday.',
        [(D, "Vladimir Putin", "We will never accept this,")],
    ),
    (
        "en",
        "Lavrov told Blinken: \u201cYour sanctions have failed completely.\u201d",
        [(D, "Sergey Lavrov", "Your sanctions have failed completely.")],
    ),
    (
        "en",
        "Putin also said, \u201cWe are ready to talk to anyone who wants peace.\u201d",
        [(D, "Vladimir Putin", "We are ready to talk to anyone who wants peace.")],
    ),
    (
        "en",
        'Xi Jinping met Putin in Moscow. "Our friendship is stronger than ever," said Xi.',
        [(D, "Xi Jinping", "Our friendship is stronger than ever,")],
    ),
    (
        "en",
        'Biden met Xi in Bali. "The talks went well," he added, "and we agreed on many points."',
        [
            (D, "Joe Biden", "The talks went well,"),
            (D, "Joe Biden", "and we agreed on many points."),
        ],
    ),
    (
        "en",
        '"The talks went well," Xi said. "We agreed on many points."',
        [(D, "Xi Jinping", "The talks went well,"), (D, "Xi Jinping", "We agreed on many points.")],
    ),
    (
        "en",
        '"Nobody wants a new cold war," Jane Doakes, a lecturer at a university, wrote.',
        [(D, "Jane Doakes", "Nobody wants a new cold war,")],
    ),
    (
        "en",
        "Kishida said the alliance was strong and called the visit a \u201cturning point in "
        "history\u201d for the region.",
        [
            (R, "Fumio Kishida", "the alliance was strong"),
            (D, "Fumio Kishida", "turning point in history"),
        ],
    ),
    # multi-paragraph quotations
    (
        "en",
        'Putin said: "We are ready to talk to anyone who wants peace.\n\n'
        '"Nobody should think we will give up our interests.\n\n"That is all."',
        [
            (D, "Vladimir Putin", "We are ready to talk to anyone who wants peace."),
            (D, "Vladimir Putin", "Nobody should think we will give up our interests."),
            (D, "Vladimir Putin", "That is all."),
        ],
    ),
    (
        "en",
        "Erdogan spoke to reporters in Ankara on Friday. Erdogan said.\n\n"
        "\u201cWe will keep the corridor open for grain ships.\u201d",
        [(D, "Recep Tayyip Erdoğan", "We will keep the corridor open for grain ships.")],
    ),
    # English reported speech
    (
        "en",
        "Wang Yi said China was ready to mediate between the two sides.",
        [(R, "Wang Yi", "China was ready to mediate between the two sides")],
    ),
    (
        "en",
        "President Vladimir Putin of Russia said he understood that the talks would take time.",
        [(R, "Vladimir Putin", "he understood that the talks would take time")],
    ),
    (
        "en",
        "The Chinese foreign minister Wang Yi told reporters that Beijing would not supply "
        "weapons to Russia.",
        [(R, "Wang Yi", "Beijing would not supply weapons to Russia")],
    ),
    (
        "en",
        "According to Sergei Lavrov, the West has declared a total war on Russia.",
        [(R, "Sergey Lavrov", "the West has declared a total war on Russia")],
    ),
    (
        "en",
        "Biden met Xi in Bali. He said the United States would compete vigorously with China.",
        [(R, "Joe Biden", "the United States would compete vigorously with China")],
    ),
    # not quotations: scare quotes, titles, single words, no cue
    (
        "en",
        'The two leaders declared a "no limits" partnership and praised the "balanced" position '
        "of Beijing.",
        [],
    ),
    ("en", 'She read the book "The Art of War" on the flight to Beijing with Wang Yi.', []),
    (
        "en",
        "Beijing has refrained from calling it an \u201cinvasion\u201d and pursues a so-called "
        "\u201cpeace plan for the whole region\u201d instead.",
        [],
    ),
    (
        "en",
        "Moscow hopes to \u201csit back and watch the tigers fight\u201d between the two powers.",
        [],
    ),
    # Chinese
    (
        "zh",
        "外交部发言人汪文斌表示：\u201c中方始终坚持劝和促谈的立场。\u201d",
        [(D, "Wang Wenbin", "中方始终坚持劝和促谈的立场。")],
    ),
    (
        "zh",
        "「我們不會接受任何形式的干涉。」外交部長吳釗燮說。",
        [(D, "Joseph Wu", "我們不會接受任何形式的干涉。")],
    ),
    (
        "zh",
        "王毅在会谈中指出：「中美关系正处在关键的十字路口。」",
        [(D, "Wang Yi", "中美关系正处在关键的十字路口。")],
    ),
    ("zh", "王毅说，中方愿同俄方加强战略协作。", [(R, "Wang Yi", "中方愿同俄方加强战略协作")]),
    (
        "zh",
        "习近平会见普京。他表示，中俄关系不针对任何第三方。",
        [(R, "Xi Jinping", "中俄关系不针对任何第三方")],
    ),
    ("zh", "据报道，俄罗斯军队已经撤出该地区。", [(R, "", "俄罗斯军队已经撤出该地区")]),
    ("zh", "他在《人民日报》发表文章，批评所谓\u201c民主对抗威权\u201d的叙事。", []),
    # Russian
    (
        "ru",
        "«Мы не допустим расширения НАТО на восток», — заявил Путин.",
        [(D, "Vladimir Putin", "Мы не допустим расширения НАТО на восток")],
    ),
    (
        "ru",
        "Лавров заявил: «Запад объявил нам тотальную войну».",
        [(D, "Sergey Lavrov", "Запад объявил нам тотальную войну")],
    ),
    (
        "ru",
        "Лавров заявил, что Запад объявил России тотальную войну.",
        [(R, "Sergey Lavrov", "Запад объявил России тотальную войну")],
    ),
    (
        "ru",
        "По словам Лаврова, переговоры с Киевом зашли в тупик.",
        [(R, "Sergey Lavrov", "переговоры с Киевом зашли в тупик")],
    ),
    (
        "ru",
        "Путин встретился с Си Цзиньпином. Он подчеркнул, что отношения двух стран находятся на "
        "высоком уровне.",
        [(R, "Vladimir Putin", "отношения двух стран находятся на высоком уровне")],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_quotes(lang: str, text: str, expected: list[tuple[bool, str, str]]) -> None:
    assert summary(run(text, lang)) == expected


def test_record_fields() -> None:
    text = '"We will never accept this," Putin said on Monday.'
    (quote,) = run(text, "en")
    assert (quote.start, quote.end) == (1, 27)
    assert text[quote.cue_start : quote.cue_end] == quote.cue == "said"
    assert quote.speaker is not None and quote.speaker.text == "Putin"
    assert quote.speaker_id == "putin-vladimir" and quote.speaker_code == "RUS"
    assert quote.sentence == 0 and quote.lang == "en" and quote.direct


def test_traditional_chinese_matches_on_the_simplified_view() -> None:
    (quote,) = run("「兩岸關係必須和平發展。」陸委會表示。", "zh")
    assert quote.direct and quote.cue == "表示"
    assert quote.text == "兩岸關係必須和平發展。"


def test_nothing_in_an_empty_document() -> None:
    assert find_quotes("", [], []) == []
