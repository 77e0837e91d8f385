"""Pairing quotation marks."""

from __future__ import annotations

from annals.quotes.marks import quote_spans


def spans(text: str) -> list[str]:
    paragraphs, start = [], 0
    for part in text.split("\n\n"):
        paragraphs.append((start, start + len(part)))
        start += len(part) + 2
    return [
        text[s.open + 1 : s.close if s.close is not None else paragraphs[s.paragraph][1]]
        for s in quote_spans(text, paragraphs)
    ]


def test_curly_straight_guillemets_and_corner_brackets() -> None:
    assert spans('\u201ca\u201d b "c" d «e» f 「g」') == ["a", "c", "e", "g"]


def test_nested_quotes_stay_inside() -> None:
    assert spans("\u201cWe back the principle of \u2018One China\u2019 fully\u201d") == [
        "We back the principle of \u2018One China\u2019 fully"
    ]
    assert spans("«Он сказал „нет“ дважды»") == ["Он сказал „нет“ дважды"]


def test_apostrophes_are_not_quote_marks() -> None:
    assert spans("China's leader and the leaders' summit, 'a quote' here") == ["a quote"]


def test_book_titles_are_not_quotes() -> None:
    assert spans("他在《人民日报》发表文章") == []


def test_stray_closing_mark_is_ignored_and_unclosed_opener_dropped() -> None:
    assert spans("a\u201d b \u201cc\u201d") == ["c"]
    assert spans("wanted to \u201cjoin forces. Then: \u201cSit and watch\u201d.") == [
        "join forces. Then: \u201cSit and watch\u201d.",
        "Sit and watch",
    ]


def test_closing_mark_typed_as_opening() -> None:
    assert spans("and \u201cshot and tortured \u201c, \u201cThese people\u201d") == [
        "shot and tortured ",
        "These people",
    ]


def test_quote_running_over_paragraphs() -> None:
    text = "He said: \u201cFirst part.\n\n\u201cSecond part.\n\n\u201cEnd.\u201d"
    first, second = text.index("\n\n"), text.rindex("\n\n")
    paragraphs = [(0, first), (first + 2, second), (second + 2, len(text))]
    found = quote_spans(text, paragraphs)
    assert [(s.continues, s.continued) for s in found] == [
        (True, False),
        (True, True),
        (False, True),
    ]
