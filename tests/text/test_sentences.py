"""Sentence and paragraph splitting in English, Russian and Chinese."""

import pytest

from annals.text import analyse


def _texts(text: str) -> list[str]:
    return [s.text for s in analyse(text, "2024-05-17").sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Putin met Gen. Gerasimov and Dr. Smith. They talked.",
            ["Mr. Putin met Gen. Gerasimov and Dr. Smith.", "They talked."],
        ),
        (
            "The U.S. Treasury imposed sanctions. Growth was 3.5 percent.",
            ["The U.S. Treasury imposed sanctions.", "Growth was 3.5 percent."],
        ),
        (
            "He flew to the U.S. The talks began on Feb. 24 in Washington.",
            ["He flew to the U.S.", "The talks began on Feb. 24 in Washington."],
        ),
        (
            '"We will win," he said. "The West has failed." Then he left.',
            ['"We will win," he said.', '"The West has failed."', "Then he left."],
        ),
        (
            "J. R. Smith spoke first. “Is this war?” Putin asked.",
            ["J. R. Smith spoke first.", "“Is this war?” Putin asked."],
        ),
    ],
)
def test_english(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "В. В. Путин провёл встречу в г. Москве, т.е. в Кремле. Он сказал «да».",
            ["В. В. Путин провёл встречу в г. Москве, т.е. в Кремле.", "Он сказал «да»."],
        ),
        (
            "Товарооборот составил 240 млрд. долларов в 2023 г. и вырос. Это рекорд!",
            ["Товарооборот составил 240 млрд. долларов в 2023 г. и вырос.", "Это рекорд!"],
        ),
        (
            "«Мы не согласимся», — сказал Лавров. Переговоры продолжатся.",
            ["«Мы не согласимся», — сказал Лавров.", "Переговоры продолжатся."],
        ),
    ],
)
def test_russian(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "习近平会见普京。双方签署了声明！这意味着什么？",
            ["习近平会见普京。", "双方签署了声明！", "这意味着什么？"],
        ),
        (
            "他表示：「我們目標是穩定。」一名官員這樣說；但真的有幫助嗎?馬凱說……",
            ["他表示：「我們目標是穩定。」", "一名官員這樣說；", "但真的有幫助嗎?", "馬凱說……"],
        ),
        ("他说：“我们反对制裁。”外交部表示支持。", ["他说：“我们反对制裁。”", "外交部表示支持。"]),
    ],
)
def test_chinese(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_paragraphs_and_offsets() -> None:
    text = "Title line\n\n  First sentence. Second one.  \nThird line here.\n\n\n习近平会见普京。"
    sentences = analyse(text, None).sentences
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Title line", 0),
        ("First sentence.", 1),
        ("Second one.", 1),
        ("Third line here.", 2),
        ("习近平会见普京。", 3),
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_wrapped_lines_join() -> None:
    text = "The minister said the talks would\ncontinue next week. Nothing else."
    assert _texts(text) == [
        "The minister said the talks would\ncontinue next week.",
        "Nothing else.",
    ]
