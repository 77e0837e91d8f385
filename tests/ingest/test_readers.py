"""Every input format and every bad-input case of the readers."""

from __future__ import annotations

import gzip
import io
import json
import sys

import pytest
from builders import ARTICLE_HTML, warc_bytes, write

from annals.ingest.readers import Limits, ReadFailure, Skipped, read_inputs
from annals.records import RawArticle

TEXT = "Leaders Meet\n\nThe two presidents met in the capital on Monday and signed a treaty."


def read(*paths, limits=Limits()):
    return list(read_inputs([str(p) for p in paths], limits))


def articles(results):
    return [r for r in results if isinstance(r, RawArticle)]


def failures(results):
    return [r for r in results if isinstance(r, ReadFailure)]


def test_plain_text_and_markdown(tmp_path):
    results = read(write(tmp_path / "a.txt", TEXT), write(tmp_path / "b.md", "# Title\n\n" + TEXT))
    assert [(a.format, a.text.startswith(("Leaders", "# Title"))) for a in articles(results)] == [
        ("text", True),
        ("markdown", True),
    ]


def test_html_article_text_and_metadata(tmp_path):
    [article] = articles(read(write(tmp_path / "page.html", ARTICLE_HTML)))
    assert "foreign ministers of two neighbouring states" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert article.title == "Ministers Meet in Geneva"
    assert article.outlet == "Example News"
    assert article.published == "2023-06-19"
    assert article.lang == "en"


def test_gzipped_html(tmp_path):
    [article] = articles(
        read(write(tmp_path / "page.html.gz", gzip.compress(ARTICLE_HTML.encode())))
    )
    assert article.outlet == "Example News"


def test_jsonl_good_bad_and_missing_text_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "text": TEXT,
                "title": "T1",
                "url": "https://example.org/1",
                "outlet": "Wire",
                "published": "2023-03-21",
                "lang": "en",
            }
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"content": "Другой текст о встрече министров.", "source": "Вестник"}),
    ]
    results = read(write(tmp_path / "dump.jsonl", "\n".join(lines)))
    good = articles(results)
    assert [(a.title, a.outlet, a.published, a.source.rsplit(":", 1)[1]) for a in good] == [
        ("T1", "Wire", "2023-03-21", "1"),
        (None, "Вестник", None, "6"),
    ]
    bad = {f.source.rsplit(":", 1)[1]: f.reason for f in failures(results)}
    assert set(bad) == {"2", "3", "4"}
    assert "malformed JSON" in bad["2"] and "no article text" in bad["3"]
    assert "JSON object" in bad["4"]


def test_json_file_with_a_list_of_articles(tmp_path):
    path = write(tmp_path / "list.json", json.dumps([{"text": TEXT}, {"body": TEXT + " More."}]))
    assert len(articles(read(path))) == 2


@pytest.mark.parametrize("compressed", [False, True])
def test_warc_html_records(tmp_path, compressed):
    data = warc_bytes(
        [
            ("https://example.org/a", "text/html; charset=utf-8", ARTICLE_HTML),
            ("https://example.org/img.png", "image/png", "PNGDATA"),
        ],
        gzip=compressed,
    )
    results = read(write(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"), data))
    [article] = articles(results)
    assert article.url == "https://example.org/a" and article.outlet == "Example News"
    assert [type(r) for r in results] == [RawArticle, Skipped]


def test_truncated_warc_keeps_earlier_records(tmp_path):
    pages = [
        (f"https://example.org/{i}", "text/html", ARTICLE_HTML.replace("Monday", f"day {i}"))
        for i in range(3)
    ]
    data = warc_bytes(pages, gzip=True)
    results = read(write(tmp_path / "cut.warc.gz", data[: int(len(data) * 0.8)]))
    assert len(articles(results)) >= 1
    [failure] = failures(results)
    assert "truncated or corrupt WARC" in failure.reason


def test_empty_binary_and_missing_inputs(tmp_path):
    results = read(
        write(tmp_path / "empty.txt", ""),
        write(tmp_path / "blank.txt", "  \n\n "),
        write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        write(tmp_path / "empty.warc", b""),
        write(tmp_path / "blank.jsonl", "\n\n"),
        tmp_path / "missing.txt",
        tmp_path / "nothing-*.txt",
    )
    reasons = [f.reason for f in failures(results)]
    assert reasons == [
        "empty input",
        "empty input",
        "binary data, not text",
        "empty input: no WARC records",
        "empty input: no JSON lines",
        "no such file or folder",
        "no files match this pattern",
    ]


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "gb18030",
            "中国和俄罗斯两国领导人在莫斯科举行会谈，双方签署了联合声明，并就国际局势交换了意见。",
        ),
        ("big5", "兩國領導人在莫斯科舉行會談，雙方簽署了聯合聲明，並就國際局勢交換了意見。"),
        (
            "cp1251",
            "Президент России провёл переговоры с председателем КНР в Москве, "
            "стороны подписали заявление.",
        ),
    ],
)
def test_legacy_encodings(tmp_path, encoding, text):
    [article] = articles(read(write(tmp_path / "legacy.txt", text.encode(encoding))))
    assert article.text == text


def test_html_without_an_article(tmp_path):
    page = (
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    [failure] = failures(read(write(tmp_path / "nav.html", page)))
    assert failure.reason == "no article text found in the HTML"


def test_size_limits(tmp_path):
    limits = Limits(max_file=1000, max_archive=5000)
    big = write(tmp_path / "big.txt", "word " * 400)
    lines = "\n".join(json.dumps({"text": "x" * n}) for n in (100, 2000))
    results = read(big, write(tmp_path / "lines.jsonl", lines), limits=limits)
    reasons = [f.reason for f in failures(results)]
    assert reasons[0].startswith("file is") and "over the limit" in reasons[0]
    assert "line is over the size limit" in reasons[1]
    assert len(articles(results)) == 1


def test_gzip_bomb_is_stopped_by_the_limit(tmp_path):
    bomb = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a " * 5_000_000))
    [failure] = failures(read(bomb, limits=Limits(max_file=100_000)))
    assert "over the size limit" in failure.reason


def test_folders_recurse_and_skip_unknown_files(tmp_path):
    write(tmp_path / "corpus/a.txt", TEXT)
    write(tmp_path / "corpus/sub/b.html", ARTICLE_HTML)
    write(tmp_path / "corpus/sub/deeper/c.md", TEXT)
    write(tmp_path / "corpus/notes.pdf", b"%PDF-1.4")
    write(tmp_path / "corpus/.hidden.txt", TEXT)
    results = read(tmp_path / "corpus")
    assert sorted(a.source.rsplit("/", 1)[1] for a in articles(results)) == [
        "a.txt",
        "b.html",
        "c.md",
    ]
    assert [s.source.rsplit("/", 1)[1] for s in results if isinstance(s, Skipped)] == ["notes.pdf"]


def test_globs(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        write(tmp_path / name, TEXT + name)
    assert len(articles(read(tmp_path / "x*.txt"))) == 2


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_HTML.encode())))
    [article] = articles(list(read_inputs(["-"])))
    assert article.format == "html" and article.source == "-"
