"""Article text and metadata from an HTML page (trafilatura and htmldate).

The title is the page's headline as a reader sees it: the ``<h1>`` that agrees with a title the
page declares (og:title, twitter:title, JSON-LD headline, ``<title>``), less a section label it
carries ("Politics | ..."); else, when an ``<h2>`` is the headline, a declared title; else the
page's only ``<h1>`` (declared titles are often social or search variants of the headline); else
a declared title. Declared titles lose their site name ("... | Example News").

The publication date is the publisher's own calendar date, as the page shows it with the
headline: a ``<time>`` or a short date line just below the headline (or just above it, within
the article), one labelled as the publication's preferred to one labelled as an update's. A page
that shows none has the first found of: the datePublished it declares (JSON-LD of an article
type, ``article:published_time``, ``itemprop="datePublished"``) as written in the publisher's
offset; a date in the URL path, the publisher's own date where the declared one is in UTC; the
declared one in UTC; htmldate's original publication date.
"""

from __future__ import annotations

import html as html_entities
import json
import re
from collections.abc import Callable, Iterator
from datetime import date

import lxml.etree
import lxml.html

from annals.errors import InputError
from annals.ingest.metadata import find_written_date, written_date
from annals.records import RawArticle

MIN_ARTICLE_CHARS = 80
"""Below this, what the extractor finds is navigation or a caption, not an article."""
LANG_ATTRIBUTE = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]([01]\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-]([0-3]\d)"
    r"(?:[/-]|$)",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
UTC_TIMESTAMP = re.compile(r"\d(?:Z|[+-]00:?00)\b|\b(?:UTC|GMT)\b", re.IGNORECASE)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
TAG_SUFFIX = re.compile(r"\s*[\[(](?:watch|video|photos?|live|updated?|opinion)[\])]\s*$", re.I)
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»]\s+")
WORD = re.compile(r"\w+")
ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Report)$")
"""schema.org article types: NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting..."""
DATE_LABEL = re.compile(
    r"(updat|modifi|edited|обновл|更新)|(publi|posted|created|опубликован|发布|發布)", re.IGNORECASE
)
"""Words that label a date shown with a headline as an update's or as the publication's."""
NOT_VISIBLE = {"script", "style", "noscript", "template"}
MAX_JSON_LD_NODES = 5000

BEFORE_HEADLINE_CHARS = 100
AFTER_HEADLINE_CHARS = 600
"""The header around a headline: dates this many characters of visible text before its start or
after its end are the ones shown with it (kicker, byline, date line)."""
HAS_YEAR = re.compile(r"(?:19|20)\d\d")
MAX_DATE_LINE_CHARS = 80
"""A text node longer than this is body text, not a date line, even if it holds a date."""


def _words(text: str | None) -> set[str]:
    return set(WORD.findall((text or "").casefold()))


def _norm(text: str | None) -> str:
    """Text compared as a reader would: case, spacing and quote styles ignored."""
    text = (text or "").translate(str.maketrans("‘’‚‛“”„‟", "''''\"\"\"\""))
    return " ".join(text.split()).casefold()


def _letters(text: str | None) -> str:
    """Letters and digits only: ``@Example-News`` and ``Example News`` are the same name."""
    return re.sub(r"\W", "", (text or "").casefold())


def _clean(text: str) -> str:
    return TAG_SUFFIX.sub("", " ".join(text.split()))


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError):
        return None


def _json_ld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every JSON object in the page's JSON-LD scripts, nested ones (``@graph``) included."""
    seen = 0
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            stack = [json.loads(script.text_content())]
        except ValueError:
            continue
        while stack and seen < MAX_JSON_LD_NODES:
            item = stack.pop()
            seen += 1
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                stack.extend(reversed([v for v in item.values() if isinstance(v, list | dict)]))


def _is_article(item: dict) -> bool:
    types = item.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and ARTICLE_TYPE.search(t) for t in types)


def _articles(tree: lxml.html.HtmlElement) -> list[dict]:
    return [item for item in _json_ld_objects(tree) if _is_article(item)]


def _meta(tree: lxml.html.HtmlElement, name: str) -> str | None:
    values = tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return next((v.strip() for v in values if v.strip()), None)


def declared_titles(
    tree: lxml.html.HtmlElement, articles: list[dict], extracted: str | None
) -> list[str]:
    """The titles a page declares, most specific first: og:title, twitter:title, the headline
    of its JSON-LD ``articles``, the extractor's title, ``<title>``."""
    headlines = [a["headline"] for a in articles if isinstance(a.get("headline"), str)]
    titles = [
        _meta(tree, "og:title"),
        _meta(tree, "twitter:title"),
        *(html_entities.unescape(h) for h in headlines[:1]),
        extracted,
        tree.findtext(".//title"),
    ]
    return [" ".join(t.split()) for t in titles if t and t.strip()]


def _strip_site_name(title: str, site: str | None = None) -> str:
    """``Headline | Site`` -> ``Headline``: a final part of at most four words, or a first or
    last part that is the site's name (og:site_name), is not the headline."""
    title = TAG_SUFFIX.sub("", title)
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    first, last = title[: separators[0].start()], title[separators[-1].end() :]
    site_key = _letters(site)
    if site_key and _letters(first) == site_key:
        return title[separators[0].end() :]
    if len(last.split()) <= 4 or (site_key and _letters(last) == site_key):
        return title[: separators[-1].start()]
    return title


def _without_section(heading: str, declared: list[str]) -> str:
    """``Politics | Headline`` -> ``Headline`` when the rest is what the page declares."""
    known = {_norm(t) for t in declared}
    separators = list(TITLE_SEPARATOR.finditer(heading))
    if separators:
        for rest in (heading[separators[0].end() :], heading[: separators[-1].start()]):
            if _norm(rest) in known:
                return rest
    return heading


def _agrees(text: str, declared: list[str]) -> bool:
    words = _words(text)
    return len(words) >= 3 and any(len(words & _words(t)) >= 0.5 * len(words) for t in declared)


def _headings(tree: lxml.html.HtmlElement, tag: str) -> list[tuple[lxml.html.HtmlElement, str]]:
    return [(node, _clean(node.text_content())) for node in tree.iter(tag)]


def _in_article(node: lxml.html.HtmlElement) -> bool:
    return any(a.tag in ("article", "main") for a in node.iterancestors())


def _agreeing(
    tree: lxml.html.HtmlElement, tag: str, declared: list[str]
) -> list[tuple[lxml.html.HtmlElement, str]]:
    """Headings that agree with a declared title, those in an ``<article>`` or ``<main>`` first
    (a site's sticky bar repeats the headline above the article)."""
    found = [(node, text) for node, text in _headings(tree, tag) if _agrees(text, declared)]
    return sorted(found, key=lambda heading: not _in_article(heading[0]))


def headline_element(
    tree: lxml.html.HtmlElement, declared: list[str], site: str | None = None
) -> tuple[lxml.html.HtmlElement | None, str | None]:
    """The page's headline heading and its text as a title (None when it is not one).

    An ``<h1>`` that agrees with a declared title (less its site name: a logo in an ``<h1>``
    agrees with ``Headline | Site``); else an ``<h2>`` that does, which marks where the headline
    is but leaves the title to the declared ones; else the page's only ``<h1>``, if of four
    words or more and not naming the site."""
    plain = [_strip_site_name(t, site) for t in declared]
    h1s, h2s = _agreeing(tree, "h1", plain), _agreeing(tree, "h2", plain)
    if h1s:
        return h1s[0][0], _without_section(h1s[0][1], declared)
    if h2s:
        return h2s[0][0], None
    h1s = _headings(tree, "h1")
    if len(h1s) == 1 and len(_words(h1s[0][1])) >= 4 and not _names_site(h1s[0][1], site):
        return h1s[0]
    return None, None


def _names_site(text: str, site: str | None) -> bool:
    """Whether ``text`` holds the site's name: a logo or tagline, not a headline."""
    site_key = _letters(site)
    return bool(site_key) and site_key in _letters(text)


def _iso_or_written(value: str | None) -> str | None:
    """The calendar date of a timestamp as written (``2023-12-22T23:10-05:00`` -> 12-22)."""
    if not value:
        return None
    match = ISO_DATE.match(value)
    if match:
        year, month, day = match.groups()
        return written_date(f"{year}/{month}/{day}")
    return written_date(value)


def _visible_dates(
    tree: lxml.html.HtmlElement, anchor: lxml.html.HtmlElement
) -> list[tuple[str, bool]]:
    """(date, labelled an update) for each ``<time>`` and short date line around the headline
    ``anchor``: those within a few hundred characters of visible text after it in page order,
    then those a few characters before it inside the same ``<article>`` or ``<main>`` (a site
    header's date of the day, above the headline but outside the article, is not the
    article's; a kicker's date above it is less often the article's than a byline's below).
    Dates in figures (photo captions) are not the article's either."""
    container = next((a for a in anchor.iterancestors() if a.tag in ("article", "main")), None)
    offset = hidden = in_figure = in_time = 0
    in_container = False
    anchor_start = anchor_end = None
    before: list[tuple[int, str, bool]] = []
    after: list[tuple[str, bool]] = []

    def note(value: str | None, label: Callable[[], str]) -> None:
        if not value or hidden or in_figure:
            return
        if anchor_start is None and in_container:
            before.append((offset, value, _is_update_label(label())))
        elif anchor_end is not None:
            after.append((value, _is_update_label(label())))

    def note_line(text: str | None, label: Callable[[], str]) -> None:
        if not text or not HAS_YEAR.search(text):
            return
        line = " ".join(text.split())
        written = find_written_date(line) if len(line) <= MAX_DATE_LINE_CHARS else None
        if written:
            note(written[1], lambda: label() + line[: written[0]])

    for event, node in lxml.etree.iterwalk(tree, events=("start", "end")):
        if anchor_end is not None and offset > anchor_end + AFTER_HEADLINE_CHARS:
            break
        if not isinstance(node.tag, str):
            continue
        step = 1 if event == "start" else -1
        hidden += step if node.tag in NOT_VISIBLE else 0
        in_figure += step if node.tag in ("figure", "figcaption") else 0
        if event == "start":
            in_container = in_container or node is container
            anchor_start = offset if node is anchor else anchor_start
            if node.tag == "time" and not in_time:
                value, label = _time_date(node)
                note(value, lambda label=label: label)
            elif not in_time:
                note_line(node.text, lambda node=node: _text_before(node))
            in_time += node.tag == "time"
            offset += 0 if hidden else len((node.text or "").strip())
        else:
            in_time -= node.tag == "time"
            anchor_end = offset if node is anchor else anchor_end
            in_container = in_container and node is not container
            if not in_time:
                note_line(node.tail, lambda node=node: node.text_content()[-30:])
            offset += 0 if hidden else len((node.tail or "").strip())
    if anchor_start is None:
        return []
    near = [
        (value, update)
        for at, value, update in before
        if at >= anchor_start - BEFORE_HEADLINE_CHARS
    ]
    return after + near


def _time_date(node: lxml.html.HtmlElement) -> tuple[str | None, str]:
    """The date a ``<time>`` shows (its machine-readable datetime, which may be in another time
    zone, when it shows none) and the text before it, where its label is."""
    shown = " ".join(node.text_content().split())
    machine = _iso_or_written(node.get("datetime"))
    written = find_written_date(shown, date.fromisoformat(machine) if machine else None)
    if written:
        return written[1], _text_before(node) + shown[: written[0]]
    return machine, _text_before(node) + shown


def _is_update_label(text: str) -> bool:
    """Whether the last label in ``text`` (what precedes a date) is an update's, not a
    publication's: "Published 3 May | Updated" ends with an update label."""
    labels = DATE_LABEL.findall(text)
    return bool(labels) and bool(labels[-1][0])


def _text_before(node: lxml.html.HtmlElement) -> str:
    """The few characters of text just before ``node`` (where a label such as "Updated" is)."""
    previous, parent = node.getprevious(), node.getparent()
    if previous is not None:
        own = previous.text_content() if isinstance(previous.tag, str) else ""  # not a comment
        return (own + (previous.tail or ""))[-30:]
    return ((parent.text or "") if parent is not None else "")[-30:]


def declared_date(tree: lxml.html.HtmlElement, articles: list[dict]) -> str | None:
    """The datePublished the page declares for its article, as written: in its JSON-LD
    ``articles``, ``article:published_time`` or ``itemprop="datePublished"``."""
    values = [a.get("datePublished") for a in articles]
    values.append(_meta(tree, "article:published_time"))
    values += tree.xpath(
        '//*[@itemprop="datePublished"]/@content | //*[@itemprop="datePublished"]/@datetime'
    )
    return next((v.strip() for v in values if isinstance(v, str) and _iso_or_written(v)), None)


def url_date(url: str | None) -> str | None:
    """A date the publisher put in the URL path (``/2023/12/22/``), as ISO."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.groups()
    if not month.isdigit():
        month = f"{MONTHS.index(month.lower()) + 1:02d}"
    return written_date(f"{year}/{month}/{day}")


def page_metadata(
    html: str, extracted_title: str | None, url: str | None, htmldate_date: str | None
) -> tuple[str | None, str | None]:
    """The page's title and publication date (see the module's docstring), given what
    trafilatura found (its title, htmldate's date) as fallbacks."""
    tree = _parse(html)
    if tree is None:
        title = _strip_site_name(" ".join(extracted_title.split())) if extracted_title else None
        return title, url_date(url) or htmldate_date or None
    site, articles = _meta(tree, "og:site_name"), _articles(tree)
    declared = declared_titles(tree, articles, extracted_title)
    anchor, title = headline_element(tree, declared, site)
    if not title:
        title = next((_strip_site_name(t, site) for t in declared), None)
    shown = _visible_dates(tree, anchor) if anchor is not None else []
    stated = declared_date(tree, articles)
    in_utc = bool(stated and UTC_TIMESTAMP.search(stated))
    candidates = [
        *(value for value, update in shown if not update),
        *(value for value, update in shown if update),
        None if in_utc else _iso_or_written(stated),
        url_date(url),
        _iso_or_written(stated) if in_utc else None,
        htmldate_date,
    ]
    return title, next((c for c in candidates if c), None)


def extract_article(html: str, source: str, url: str | None = None) -> RawArticle:
    """The main article of ``html``; InputError when the page holds no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except (ValueError, TypeError, RecursionError, AssertionError) as exc:
        # AssertionError: lxml's drop_tree on an element without a parent, from htmldate's
        # cleaning of nested <math> ("<math>&#1114112;<math>&#1114112;</math><math>")
        raise InputError(source, f"cannot parse HTML: {exc.__class__.__name__}") from exc
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise InputError(source, "no article text found in the HTML")
    lang = LANG_ATTRIBUTE.search(html[:5000])
    page_url = url or doc.url or None
    title, published = page_metadata(html, doc.title, page_url, doc.date)
    return RawArticle(
        text=text,
        source=source,
        title=title,
        outlet=doc.sitename or None,
        published=published,
        url=page_url,
        lang=lang.group(1).lower() if lang else None,
        format="html",
    )
