"""Article text and metadata from an HTML page (trafilatura and htmldate).

The headline is the page's ``<h1>`` when it agrees with the page's declared titles (og:title,
``<title>``), which carry site-name suffixes ("... | Example News") that are stripped otherwise.
The publication date is the one in the URL path when the publisher put it there (the publisher's
own local date), else htmldate's original publication date.
"""

from __future__ import annotations

import re

import lxml.html

from annals.errors import InputError
from annals.records import RawArticle

MIN_ARTICLE_CHARS = 80
"""Below this, what the extractor finds is navigation or a caption, not an article."""
LANG_ATTRIBUTE = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]([01]\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[/-]([0-3]\d)"
    r"(?:[/-]|$)",
    re.IGNORECASE,
)
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
TAG_SUFFIX = re.compile(r"\s*[\[(](?:watch|video|photos?|live|updated?|opinion)[\])]\s*$", re.I)
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·•»]\s+")
WORD = re.compile(r"\w+")


def _strip_site_name(title: str | None) -> str | None:
    """``Headline | Site`` -> ``Headline`` (a final part of at most four words is a site name)."""
    if not title:
        return None
    title = TAG_SUFFIX.sub("", title)
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) > 1 and len(parts[-1].split()) <= 4:
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»")
    return title


def _words(text: str | None) -> set[str]:
    return set(WORD.findall((text or "").casefold()))


def headline(html: str, declared: str | None) -> str | None:
    """The article's headline: ``<h1>`` if it agrees with the declared title, else the latter."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return _strip_site_name(declared)
    og = tree.xpath('//meta[@property="og:title" or @name="og:title"]/@content')
    declared_titles = [t for t in [*og[:1], declared, tree.findtext(".//title")] if t]
    for node in tree.xpath("//h1")[:3]:
        text = TAG_SUFFIX.sub("", " ".join(node.text_content().split()))
        words = _words(text)
        if len(words) >= 3 and any(
            len(words & _words(t)) >= 0.5 * len(words) for t in declared_titles
        ):
            return text
    for title in declared_titles:
        title = " ".join(title.split())
        if title:
            return _strip_site_name(title)
    return None


def url_date(url: str | None) -> str | None:
    """A date the publisher put in the URL path (``/2023/12/22/``), as ISO."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = match.groups()
    if not month.isdigit():
        month = f"{MONTHS.index(month.lower()) + 1:02d}"
    return f"{year}-{month}-{day}"


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
    return RawArticle(
        text=text,
        source=source,
        title=headline(html, doc.title),
        outlet=doc.sitename or None,
        published=url_date(page_url) or doc.date or None,
        url=page_url,
        lang=lang.group(1).lower() if lang else None,
        format="html",
    )
