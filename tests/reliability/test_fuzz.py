"""Fuzzing every reader and stage: no exception but InputError, spans that slice the text.

A bounded run for CI (each target a few seconds; ``bench/fuzz.py --examples 5000`` is the longer
run). Strategies and checks are in ``fuzzing.py``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from reliability.fuzzing import TARGETS, Target, check_html, check_readers

from annals.errors import InputError
from annals.ingest.html import extract_article


def run(target: Target, examples: int) -> None:
    """Drive ``target.check`` with ``examples`` inputs from its strategy."""
    test = settings(
        max_examples=examples,
        deadline=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        database=None,
    )(given(target.strategy)(target.check))
    test()


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_fuzz(target: Target) -> None:
    run(target, target.examples)


@pytest.mark.parametrize("closed", [True, False])
def test_ten_thousand_nested_divs(closed: bool) -> None:
    body = "The foreign ministers met in Geneva on Monday to discuss the border dispute. " * 3
    html = "<html><body>" + "<div>" * 10_000 + f"<p>{body}</p>"
    html += ("</div>" * 10_000 if closed else "") + "</body></html>"
    check_html((html, None))
    check_readers([("deep.html", html.encode()), ("deep.jsonl", b'{"html": "%s"}' % html.encode())])


def test_two_mb_single_line_of_one_word_is_read_and_analysed_quickly() -> None:
    # lingua took time quadratic in a word's length (over half an hour for this input), and the
    # language-run regex 250 bytes of stack per character
    from reliability.fuzzing import check_huge

    check_huge("a" * 2_000_000)


def test_one_long_english_sentence_is_not_parsed() -> None:
    # spaCy refuses over 1,000,000 characters (E088), and a 100,000-character sentence took 17 s
    from annals.pipeline import process

    text = "Russia and China and the United States " * 30_000
    result = process(text, "2023-05-16")
    assert result.events == ()
    assert len(result.mentions) > 10_000


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", b"[" * 100_000),
        ("deep.jsonl", b'{"a":' * 100_000 + b"\n" + b'{"text": "kept line two"}\n'),
        ("bignum.jsonl", b'{"text": "x", "n": ' + b"9" * 5000 + b"}\n"),
        ("surrogate.jsonl", b'{"text": "lone \\ud800 surrogate", "title": "\\udfff"}\n'),
        ("cut.json.gz", __import__("gzip").compress(b'{"text": "hello world"}')[:20]),
        ("cut.jsonl.gz", __import__("gzip").compress(b'{"text": "hello world"}\n' * 50)[:40]),
    ],
)
def test_inputs_that_used_to_raise(name: str, content: bytes) -> None:
    check_readers([(name, content)])


def test_weekday_at_the_ends_of_the_calendar() -> None:
    from annals.text import analyse

    for published in ("0001-01-01", "9999-12-31"):
        analysis = analyse("They met on Thursday and will meet again next Monday.", published)
        assert [t.text for t in analysis.times] == ["Thursday", "next Monday"]


def test_russian_sentence_with_a_letter_that_has_no_unicode_name() -> None:
    # pymorphy3 raised ValueError (unicodedata.name) on Tangut and other nameless letters
    from annals.pipeline import process

    assert process("Путин встретился с \U00017000 в Москве.", "2023-01-01").events == ()


def test_extract_article_raises_only_input_error() -> None:
    with pytest.raises(InputError):
        extract_article("", "empty.html")
    # htmldate's cleaning made lxml fail an assertion on this (drop_tree without a parent)
    with pytest.raises(InputError):
        extract_article("<math>&#1114112;<math>&#1114112;</math><math>", "math.html")


def test_warc_response_without_target_uri() -> None:
    # warcio raised AttributeError ('NoneType' object has no attribute 'startswith')
    from builders import ARTICLE_HTML
    from reliability.fuzzing import check_warc, fixed_warc_bytes

    data = fixed_warc_bytes([("https://example.com/a", "text/html", ARTICLE_HTML)], False)
    check_warc(data.replace(b"WARC-Target-URI", b"WARC-Target-URX"))
