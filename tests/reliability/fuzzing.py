"""Fuzzing strategies and the properties every stage must keep on any input.

Shared by ``tests/reliability/test_fuzz.py`` (a bounded run in CI) and ``bench/fuzz.py`` (the
longer run). Each :class:`Target` pairs a Hypothesis strategy with a check that raises on a
broken property; the only exception a stage may raise is :class:`annals.errors.InputError`,
readers never raise (bad inputs become ``ReadFailure`` records), and every span a record
carries slices the text it came from.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import string
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from builders import ARTICLE_HTML
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from annals.errors import InputError
from annals.records import Document, RawArticle

# -- text ------------------------------------------------------------------------------------

SPECIAL = [
    "\u200f",  # right-to-left mark
    "\u200e",  # left-to-right mark
    "\u202e",  # right-to-left override
    "\u2067",  # right-to-left isolate
    "\u2069",  # pop directional isolate
    "\u200d",  # zero-width joiner
    "\u200c",  # zero-width non-joiner
    "\u200b",  # zero-width space
    "\u2060",  # word joiner
    "\ufeff",  # byte order mark / zero-width no-break space
    "\x00",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\u2029",
    "\u3000",
    "\u0301",  # combining acute
    "\ufffd",
    "👨\u200d👩\u200d👧",
    "🇺🇦",
    "İ",
    "ß",
    "ﬁ",
    "Ⅻ",
    "٢٠٢٣",
    "２０２３年",
    "\U00020001",
    "\U00017000",  # Tangut: a letter without a Unicode name
]
WORDS = [
    # English, with actors, roles, dates and datelines the stages look for
    "Russian President Vladimir Putin", "Chinese President Xi Jinping", "the Kremlin",
    "Beijing", "Washington", "NATO", "the European Union", "the Chinese premier", "Biden",
    "met", "criticised", "condemned", "signed an agreement with", "urged", "refused to meet",
    "did not", "said", "on Thursday", "last month", "May 16-17", "2023", "two weeks ago",
    "Mr.", "U.S.", "(Reuters) -", "[The Epoch Times, October 23, 2022]", "• REUTERS",
    "MOSCOW, May 16. /TASS/.", "WASHINGTON, Nov 15 (Reuters) -", "Outlet | 25 February 2022",
    "the", "and", "in", "of", "to", ".", ",", "?", "!", "\"", "“", "”", "'", "(", ")",
    # Chinese, simplified and traditional
    "新华社北京3月22日电", "2023年3月22日", "国家主席习近平", "俄罗斯总统普京", "會見", "会见",
    "同", "举行会谈", "谴责", "外交部发言人", "上周", "昨天", "去年5月",
    "。", "！", "；", "「", "」",
    # Russian
    "16 мая 2024 года", "Путин", "Си Цзиньпин", "встретился с", "осудил", "в четверг",
    "накануне", "в прошлом году", "Кремль", "МИД Украины", "т.е.", "г.",
    # other scripts
    "مرحبا", "שלום", "Καλημέρα", "日本", "ロシア", "한국", "नमस्ते", "გამარჯობა",
]  # fmt: skip

# Code points that UTF-8 can encode: everything but the surrogates.
encodable_chars = st.characters(codec="utf-8")
any_chars = st.characters()  # surrogates included, for byte-level inputs (surrogatepass)
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(SPECIAL),
    st.text(encodable_chars, max_size=12),
)
texts = st.one_of(
    st.text(encodable_chars, max_size=400),
    st.lists(pieces, max_size=60).map(" ".join),
    st.lists(pieces, max_size=60).map("".join),
)
"""Arbitrary text that UTF-8 can encode, weighted towards what the stages look for."""

HUGE_PIECES = [
    "a",
    "word ",
    "Putin ",
    "Russia and China and the United States ",
    "。",
    "俄罗斯总统普京会见国家主席习近平",
    "Путин встретился с Си Цзиньпином ",
    "\u200d",
    "x\u0301",
    "🇺🇦",
    "<",
    "2023 ",
    "Mr. ",
]


@st.composite
def huge_texts(draw, low: int = 500_000, high: int = 3_000_000) -> str:
    """One very long line: a piece repeated to a few MB (no newline)."""
    piece = draw(st.sampled_from(HUGE_PIECES))
    size = draw(st.integers(low, high))
    return (piece * (size // len(piece) + 1))[:size]


published_values = st.one_of(
    st.none(),
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat),
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(lambda d: d.isoformat()[:4]),
    st.sampled_from(
        [
            "",
            " ",
            "2023-02-30",
            "2023-13",
            "0000-01-01",
            "10000-01-01",
            "2023-05-16T10:00:00Z",
            "May 16, 2023",
            "16 мая 2024",
            "2023年3月22日",
            "yesterday",
            "1 year ago",
            "-1",
            "0",
            "1e10",
            "99999999999999999999",
            "２０２３-０５-１６",
            "\x00",
            "NaN",
        ]
    ),
    st.text(encodable_chars, max_size=20),
)
"""Publication dates as users and metadata give them: ISO at any precision, or anything."""

# -- bytes -----------------------------------------------------------------------------------

CODECS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "gb18030",
    "big5",
    "cp1251",
    "koi8_r",
    "shift_jis",
    "cp1252",
    "latin-1",
    "utf-32",
]


@st.composite
def encoded_texts(draw) -> bytes:
    """Text in some encoding (what it cannot encode dropped), or with lone surrogates."""
    codec = draw(st.sampled_from([*CODECS, "surrogatepass"]))
    if codec == "surrogatepass":
        text = draw(st.text(any_chars, max_size=300))
        return text.encode("utf-8", "surrogatepass")
    return draw(texts).encode(codec, "ignore")


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` unchanged, truncated, with bytes flipped, inserted, deleted or a NUL added."""
    kind = draw(st.sampled_from(["none", "truncate", "flip", "insert", "delete", "nul", "junk"]))
    if not data or kind == "none":
        return data
    at = draw(st.integers(0, len(data)))
    if kind == "truncate":
        return data[:at]
    if kind == "flip":
        flips = draw(
            st.lists(
                st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)),
                min_size=1,
                max_size=8,
            )
        )
        out = bytearray(data)
        for position, mask in flips:
            out[position] ^= mask
        return bytes(out)
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=64)) + data[at:]
    if kind == "delete":
        return data[:at] + data[at + draw(st.integers(1, 256)) :]
    if kind == "nul":
        return data[:at] + b"\x00" + data[at:]
    return data + draw(st.binary(max_size=256))


plain_bytes = st.one_of(encoded_texts(), st.binary(max_size=2000))

TAGS = [
    "div",
    "p",
    "span",
    "article",
    "main",
    "section",
    "h1",
    "title",
    "script",
    "style",
    "table",
    "td",
    "a",
    "b",
    "br",
    "nav",
    "footer",
    "header",
    "svg",
    "math",
    "template",
    "iframe",
    "noscript",
    "!--",
    "![CDATA[",
    "?xml",
]


@st.composite
def tag_soup(draw) -> str:
    """Tags (opened, closed, self-closed, unbalanced) mixed with text."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
                st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
                st.sampled_from(TAGS).map(lambda t: f"<{t}/>"),
                st.tuples(st.sampled_from(TAGS), st.text(encodable_chars, max_size=20)).map(
                    lambda x: f'<{x[0]} class="{x[1]}">'
                ),
                texts,
                st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&#1114112;", "&nbsp;", "&bogus;"]),
            ),
            max_size=40,
        )
    )
    return "".join(parts)


@st.composite
def nested_html(draw) -> str:
    """Text inside up to 10,000 nested elements, closed or not."""
    depth = draw(st.integers(0, 10_000))
    tag = draw(st.sampled_from(["div", "span", "p", "section", "b", "table", "li"]))
    body = draw(st.lists(pieces, min_size=10, max_size=60).map(" ".join))
    closed = draw(st.booleans())
    return (
        f"<html><body>{f'<{tag}>' * depth}<p>{body}</p>"
        f"{f'</{tag}>' * depth if closed else ''}</body></html>"
    )


@st.composite
def article_pages(draw) -> str:
    """The test article page with fuzzed text, title, date and language spliced in."""
    page = ARTICLE_HTML
    for old in ("Ministers Meet in Geneva", "2023-06-19T08:00:00Z", 'lang="en"', "Geneva on"):
        if draw(st.booleans()):
            page = page.replace(old, draw(texts).replace("\x00", ""), 1)
    at = draw(st.integers(0, len(page)))
    return page[:at] + draw(st.one_of(texts, tag_soup())) + page[at:]


html_strings = st.one_of(
    st.text(encodable_chars, max_size=500), tag_soup(), nested_html(), article_pages()
)

JSON_KEYS = [
    "text",
    "content",
    "body",
    "article",
    "html",
    "title",
    "headline",
    "url",
    "link",
    "outlet",
    "source",
    "site",
    "published",
    "date",
    "lang",
    "language",
    "other",
]
json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(any_chars, max_size=200),
    texts,
    html_strings,
)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(JSON_KEYS), st.text(max_size=8)), inner, max_size=6
        ),
    ),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(JSON_KEYS), json_leaves, max_size=8)


def dump_json(value: object, ascii_only: bool) -> bytes:
    """JSON bytes; lone surrogates are ``\\ud800`` escapes, or raw (invalid UTF-8) bytes."""
    return json.dumps(value, ensure_ascii=ascii_only, allow_nan=True).encode(
        "utf-8", "surrogatepass"
    )


@st.composite
def json_bytes(draw) -> bytes:
    """A JSON file: an article object, a list of them, any value, deep nesting, or damage."""
    kind = draw(st.sampled_from(["record", "list", "value", "deep", "bignum"]))
    if kind == "deep":
        depth = draw(st.integers(1, 200_000))
        opener = draw(st.sampled_from(["[", '{"text":', '{"a":[']))
        return (opener * depth).encode()
    if kind == "bignum":
        return b'{"text": "hello world", "n": ' + b"9" * draw(st.integers(1, 10_000)) + b"}"
    value = draw(
        {"record": records, "list": st.lists(records, max_size=5), "value": json_values}[kind]
    )
    return draw(mutated(dump_json(value, draw(st.booleans()))))


@st.composite
def jsonl_bytes(draw) -> bytes:
    """JSON lines: good records, other values, blank lines, broken lines, deep nesting."""
    line = st.one_of(
        records.map(lambda r: dump_json(r, True)),
        records.map(lambda r: dump_json(r, False)),
        json_values.map(lambda v: dump_json(v, True)),
        st.just(b""),
        st.just(b"   "),
        st.integers(1, 100_000).map(lambda n: b"[" * n),
        st.binary(max_size=100),
    )
    lines = draw(st.lists(line, max_size=8))
    newline = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
    return draw(mutated(newline.join(lines)))


CONTENT_TYPES = [
    "text/html",
    "text/html; charset=utf-8",
    "TEXT/HTML",
    "application/xhtml+xml",
    "text/plain",
    "application/json",
    "",
    "text/html; charset=gb18030",
]
urls = st.one_of(
    st.just("https://example.com/news"),
    st.dates().map(lambda d: f"https://example.com/{d:%Y/%m/%d}/story"),
    st.text(string.ascii_letters + string.digits + "/-_.:?=&%", max_size=60).map(
        lambda s: "https://example.com/" + s
    ),
)


@st.composite
def warc_files(draw) -> bytes:
    """A WARC file (gzipped or not) of HTML and other responses, then maybe damaged."""
    pages = draw(
        st.lists(
            st.tuples(urls, st.sampled_from(CONTENT_TYPES), st.one_of(html_strings, texts)),
            max_size=4,
        )
    )
    return draw(mutated(fixed_warc_bytes(pages, gzip=draw(st.booleans()))))


def fixed_warc_bytes(pages: list[tuple[str, str, str]], gzip: bool) -> bytes:
    """builders.warc_bytes with a fixed record id and date, so that one draw is one input."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number, (url, content_type, body) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        fixed = {
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>",
            "WARC-Date": "2023-05-16T10:00:00Z",
        }
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body.encode("utf-8")),
            http_headers=headers,
            warc_headers_dict=fixed,
        )
        writer.write_record(record)
    return buffer.getvalue()


@st.composite
def gzipped(draw, inner) -> bytes:
    """Gzip of ``inner``'s bytes, whole, cut short or damaged."""
    return draw(mutated(gzip.compress(draw(inner), compresslevel=1, mtime=0)))


SUFFIXES = {
    "txt": plain_bytes,
    "md": plain_bytes,
    "html": st.one_of(html_strings.map(lambda s: s.encode()), plain_bytes),
    "htm": html_strings.map(lambda s: s.encode("utf-16")),
    "json": json_bytes(),
    "jsonl": jsonl_bytes(),
    "ndjson": jsonl_bytes(),
    "warc": warc_files(),
}


@st.composite
def gzip_files(draw) -> tuple[str, bytes]:
    """(``input.FORMAT.gz``, gzipped content of that format, maybe damaged)."""
    inner = draw(st.sampled_from(sorted(SUFFIXES)))
    return f"input.{inner}.gz", draw(gzipped(SUFFIXES[inner]))


@st.composite
def input_files(draw) -> tuple[str, bytes]:
    """(file name, content) for every reader, gzipped or not; some names say nothing."""
    suffix = draw(st.sampled_from([*SUFFIXES, "gz", "", "bin"]))
    if suffix in ("", "bin"):  # no telling name: the content is sniffed
        content = draw(st.one_of(*SUFFIXES.values()))
        return (f"input.{suffix}" if suffix else "input"), content
    if suffix == "gz":
        return draw(gzip_files())
    return f"input.{suffix}", draw(SUFFIXES[suffix])


# -- checks ----------------------------------------------------------------------------------


def slices(text: str, start: int, end: int, words: str, what: str) -> None:
    """A record's span is inside ``text`` and its words are exactly ``text[start:end]``."""
    assert 0 <= start <= end <= len(text), f"{what} span {start}:{end} outside the text"
    assert text[start:end] == words, f"{what} {words!r} is not text[{start}:{end}]"


def encodable(value: str | None, what: str) -> None:
    """A string the store can keep: UTF-8 encodable (no lone surrogate)."""
    if value is not None:
        assert isinstance(value, str), f"{what} is {type(value).__name__}, not str"
        value.encode("utf-8")


def check_read_results(results: list) -> None:
    """Every result is an article, a failure or a skip; every article's text is storable."""
    from annals.ingest.readers import ReadFailure, Skipped

    for result in results:
        assert isinstance(result, RawArticle | ReadFailure | Skipped), result
        if isinstance(result, RawArticle):
            for name in ("text", "title", "outlet", "published", "url", "lang"):
                encodable(getattr(result, name), f"article {name}")
            check_document(result)
        else:
            assert result.source and result.reason


def check_document(raw: RawArticle) -> Document | None:
    """build_document: a Document whose id is the hash of its text, or InputError."""
    from annals.ingest import build_document, content_hash, detected_languages

    try:
        doc = build_document(raw, languages_of=detected_languages)
    except InputError:
        return None
    assert doc.text and "\x00" not in doc.text
    assert doc.id == content_hash(doc.text)
    for name in ("text", "title", "outlet", "published", "url"):
        encodable(getattr(doc, name), f"document {name}")
    if doc.published is not None:
        assert doc.published_precision in ("day", "month", "year")
        assert date.fromisoformat(
            {
                "day": doc.published,
                "month": doc.published + "-01",
                "year": doc.published + "-01-01",
            }[doc.published_precision]
        )
    return doc


def read_files(files: list[tuple[str, bytes]]) -> list:
    """read_inputs over a temporary folder holding ``files``, and over each file by name."""
    from annals.ingest.readers import Limits, read_inputs

    limits = Limits(max_file=4 * 1024 * 1024)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (name, content) in enumerate(files):
            path = os.path.join(folder, f"{number}-{name}")
            with open(path, "wb") as handle:
                handle.write(content)
            paths.append(path)
        results = list(read_inputs([folder], limits))
        results += list(read_inputs(paths, limits))
    return results


def check_readers(files: list[tuple[str, bytes]]) -> None:
    check_read_results(read_files(files))


def check_html(args: tuple[str, str | None]) -> None:
    from annals.ingest.html import MIN_ARTICLE_CHARS, extract_article

    html, url = args
    try:
        article = extract_article(html, "fuzz.html", url)
    except InputError:
        return
    assert len(article.text) >= MIN_ARTICLE_CHARS
    check_read_results([article])


def check_jsonl_lines(content: bytes) -> None:
    from annals.ingest.readers import Limits, read_jsonl

    check_read_results(list(read_jsonl(io.BytesIO(content), "fuzz.jsonl", Limits())))


def check_json(content: bytes) -> None:
    from annals.ingest.readers import read_json

    try:
        results = list(read_json(content, "fuzz.json"))
    except InputError:  # the file as a whole is empty or binary (decode)
        return
    check_read_results(results)


def check_warc(content: bytes) -> None:
    from annals.ingest.readers import Limits, read_warc

    check_read_results(list(read_warc(io.BytesIO(content), "fuzz.warc", Limits())))


def check_metadata(args: tuple[str, date | None]) -> None:
    from annals.ingest.metadata import read_text_metadata

    text, today = args
    found = read_text_metadata(text, today)
    if found.outlet is not None:
        assert found.outlet and len(found.outlet) <= 60
        encodable(found.outlet, "outlet")
    if found.title is not None:
        assert 0 < len(found.title) <= 200 and "\n" not in found.title
    if found.published is not None:
        value, precision = found.published.value, found.published.precision
        assert precision in ("day", "year") and found.published.how in ("dateline", "inferred")
        assert date.fromisoformat(value if precision == "day" else f"{value}-01-01")


def check_build(args: tuple[str, str | None, str | None, str | None]) -> None:
    from annals.ingest import Given, build_document

    text, published, given_published, outlet = args
    raw = RawArticle(text=text, source="fuzz", published=published, outlet=outlet)
    check_document(raw)
    with contextlib.suppress(InputError):
        build_document(raw, Given(published=given_published), languages_of=lambda _: ())


def check_analysis(text: str, analysis) -> None:
    for run in analysis.runs:
        assert 0 <= run.start <= run.end <= len(text)
    if text:
        assert analysis.runs[0].start == 0 and analysis.runs[-1].end == len(text)
    previous = 0
    for sentence in analysis.sentences:
        slices(text, sentence.start, sentence.end, sentence.text, "sentence")
        assert sentence.start >= previous, "sentences overlap or are out of order"
        previous = sentence.end
        assert len(sentence.normalised) == len(sentence.text)
    for time in analysis.times:
        slices(text, time.start, time.end, time.text, "time expression")
        if time.value is not None:
            assert time.precision in ("day", "month", "year")


def check_text_stage(args: tuple[str, str | None]) -> None:
    from annals.text import analyse

    text, published = args
    try:
        analysis = analyse(text, published)
    except InputError:
        return
    check_analysis(text, analysis)


def check_mention(text: str, mention, what: str = "mention") -> None:
    slices(text, mention.start, mention.end, mention.text, what)
    assert mention.name, f"{what} without a name"


def check_matcher(args: tuple[str, date | None]) -> None:
    from annals.actors.matcher import find_mentions, resolver
    from annals.text import analyse

    text, day = args
    for mention in resolver().mentions(text, 0, day):
        check_mention(text, mention)
    for mention in find_mentions(text, analyse(text, None).sentences):
        check_mention(text, mention)


def check_process(args: tuple[str, str | None]) -> None:
    from annals.pipeline import process

    text, published = args
    try:
        result = process(text, published)
    except InputError:
        return
    check_analysis(text, result.analysis)
    sentences = {s.index: s for s in result.sentences}
    for mention in result.mentions:
        check_mention(text, mention)
        sentence = sentences[mention.sentence]
        assert sentence.start <= mention.start and mention.end <= sentence.end
    for event in result.events:
        slices(text, event.start, event.end, event.text, "event")
        check_mention(text, event.source, "event source")
        check_mention(text, event.target, "event target")
        assert event.sentence in sentences
        assert event.cameo and event.root == event.cameo[:2]


def check_huge(text: str) -> None:
    """A few MB on one line through the reader, the metadata finder and every stage."""
    check_readers([("huge.txt", text.encode("utf-8"))])
    check_metadata((text, None))
    check_process((text, "2023-05-16"))


# -- targets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A strategy, the check it feeds, and how many examples a CI run tries."""

    name: str
    strategy: st.SearchStrategy
    check: Callable[[object], None]
    examples: int


TARGETS = [
    Target("readers", st.lists(input_files(), min_size=1, max_size=4), check_readers, 120),
    Target("html", st.tuples(html_strings, st.one_of(st.none(), urls)), check_html, 80),
    Target("jsonl", jsonl_bytes(), check_jsonl_lines, 150),
    Target("json", json_bytes(), check_json, 150),
    Target("warc", warc_files(), check_warc, 100),
    Target("gzip", st.lists(gzip_files(), min_size=1, max_size=3), check_readers, 60),
    Target("metadata", st.tuples(texts, st.one_of(st.none(), st.dates())), check_metadata, 300),
    Target(
        "build_document",
        st.tuples(texts, published_values, published_values, st.one_of(st.none(), texts)),
        check_build,
        150,
    ),
    Target("text", st.tuples(texts, published_values), check_text_stage, 200),
    Target("matcher", st.tuples(texts, st.one_of(st.none(), st.dates())), check_matcher, 200),
    Target("process", st.tuples(texts, published_values), check_process, 150),
    Target("nested_html", st.tuples(nested_html(), st.none()), check_html, 8),
    Target("huge", huge_texts(200_000, 1_000_000), check_huge, 3),
]
TARGETS_BY_NAME = {t.name: t for t in TARGETS}
