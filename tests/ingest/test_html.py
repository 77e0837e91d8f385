"""Title and publication date of HTML pages: the headline and date a reader sees."""

from __future__ import annotations

import json

import pytest

from annals.ingest.html import extract_article, page_metadata

BODY = (
    "<p>The harbour authority closed the coastal road on Tuesday after waves flooded two of its"
    " lanes, and said it would reopen once engineers had checked the sea wall.</p>"
)


def page(head: str = "", body: str = "", title: str = "Page") -> str:
    return (
        f"<!doctype html><html lang='en'><head><title>{title}</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


def og(title: str) -> str:
    return f'<meta property="og:title" content="{title}">'


def json_ld(**item: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(item)}</script>'


def title_of(html: str) -> str | None:
    return page_metadata(html, None, None, None)[0]


def date_of(html: str, url: str | None = None, htmldate: str | None = None) -> str | None:
    return page_metadata(html, None, url, htmldate)[1]


@pytest.mark.parametrize(
    ("html", "title"),
    [
        # a section label inside the heading is not part of the headline
        (
            page(
                og("Storm closes the coastal road"),
                "<article><h1><a href='/weather'>Weather | </a>"
                "<span>Storm closes the coastal road</span></h1></article>",
            ),
            "Storm closes the coastal road",
        ),
        # og:title is a social variant; the heading agrees with the JSON-LD headline
        (
            page(
                og("You will not believe what the sea did to this road")
                + json_ld(**{"@type": "NewsArticle", "headline": "Storm closes the coastal road"}),
                "<article><h1>Storm closes the coastal road</h1></article>",
            ),
            "Storm closes the coastal road",
        ),
        # the page's only heading disagrees with every declared title: it is what readers see
        (
            page(og("Road shut | Example Weather"), "<h1>Engineers inspect the damaged wall</h1>"),
            "Engineers inspect the damaged wall",
        ),
        # ... unless it names the site (a logo)
        (
            page(
                og("Road shut | Example Weather")
                + '<meta property="og:site_name" content="Example Weather">',
                "<h1>Example Weather: forecasts for the coast</h1>",
            ),
            "Road shut",
        ),
        # a logo in an <h1> agrees with "Headline | Site" but not with the headline
        (
            page(
                "",
                "<div><h1>The Example Gazette Daily</h1></div>"
                "<div><h1>Storm closes the coastal road</h1></div>",
                title="Storm closes the coastal road | The Example Gazette",
            ),
            "Storm closes the coastal road",
        ),
        # a sticky bar repeats the headline above the article
        (
            page(
                og("Storm closes the coastal road"),
                "<div class='bar'><h1>Storm closes the coastal road now</h1></div>"
                "<article><h1>Storm closes the coastal road</h1></article>",
            ),
            "Storm closes the coastal road",
        ),
        # the headline is an <h2>; the only <h1> is another story's
        (
            page(
                og("Storm closes the coastal road - Example Digest"),
                "<section><h1>Another story entirely on this front page</h1></section>"
                "<article><h2>Storm closes the coastal road</h2></article>",
            ),
            "Storm closes the coastal road",
        ),
        # the site name (og:site_name) before the headline is not part of it
        (
            page(
                og("Example Checks - Claim that the bridge was sold is false")
                + '<meta property="og:site_name" content="@examplechecks">'
            ),
            "Claim that the bridge was sold is false",
        ),
    ],
)
def test_title_is_the_headline_a_reader_sees(html: str, title: str) -> None:
    assert title_of(html) == title


ARTICLE_UTC = json_ld(**{"@type": "NewsArticle", "datePublished": "2023-12-22T18:30:00+00:00"})


@pytest.mark.parametrize(
    ("html", "url", "published"),
    [
        # the date shown with the headline is the publisher's local date, not UTC's
        (
            page(
                ARTICLE_UTC,
                "<article><header><h1>Storm closes the coastal road</h1></header>"
                "<div><time datetime='2023-12-23T05:30:00+11:00'>December 23, 2023 - 5.30am"
                "</time></div></article>",
            ),
            None,
            "2023-12-23",
        ),
        # first published and last updated both shown: the publication
        (
            page(
                "",
                "<article><h1>Storm closes the coastal road</h1><div>"
                "<time>Last Updated: Dec. 23, 2023 at 6:33 a.m.</time>"
                "<time>First Published: Dec. 18, 2023 at 4:12 p.m.</time></div></article>",
            ),
            None,
            "2023-12-18",
        ),
        (
            page(
                "",
                "<article><h1>Storm closes the coastal road</h1>"
                "<p>March 3, 2021 at 2:26 PM - Updated March 4 at 4:46 PM</p></article>",
            ),
            None,
            "2021-03-03",
        ),
        # only an update is shown: it is the date the page gives its text
        (
            page(
                ARTICLE_UTC,
                "<article><h1>Storm closes the coastal road</h1>"
                "<time>Updated on December 24, 2023 1:23 PM</time></article>",
            ),
            None,
            "2023-12-24",
        ),
        # the day's date in the site's masthead, above the article, is not the article's
        (
            page(
                "",
                "<header><div class='today'>Sunday, May 7, 2023</div></header>"
                "<article><h1>Storm closes the coastal road</h1>"
                "<p>By A. Writer</p><p>on Friday, May 5th, 2023 at 11:04 a.m.</p></article>",
            ),
            None,
            "2023-05-05",
        ),
        # ... nor, without a date below the headline, is the declared date overridden by it
        (
            page(
                '<meta property="article:published_time" content="2023-05-05T10:00:00-04:00">',
                "<header><div class='today'>Sunday, May 7, 2023</div></header>"
                "<article><h1>Storm closes the coastal road</h1>" + BODY + "</article>",
            ),
            None,
            "2023-05-05",
        ),
        # a date just above the headline, in the article, when there is none below
        (
            page(
                json_ld(**{"@type": "NewsArticle", "datePublished": "2019-03-30T08:00:00-04:00"}),
                "<article><div><time datetime='2023-12-19T09:00:00-05:00'>Dec 19, 2023</time>"
                "</div><h1>Storm closes the coastal road</h1>" + BODY + "</article>",
            ),
            None,
            "2023-12-19",
        ),
        # a byline's date below the headline before a claim's date above it
        (
            page(
                "",
                "<article><p>Stated on October 13, 2019 in a post</p>"
                "<h1>Storm closes the coastal road</h1>"
                "<p>By <a href='/a'>A. Writer</a> on Monday, November 18th, 2019</p></article>",
            ),
            None,
            "2019-11-18",
        ),
        # a photo caption's date is when the photo was taken
        (
            page(
                "",
                "<article><h1>Storm closes the coastal road</h1><figure><img src='a.jpg'>"
                "<figcaption>Waves on the road, Aug. 31, 2022.</figcaption></figure>"
                "<p>By A. Writer | 14 September 2022</p></article>",
            ),
            None,
            "2022-09-14",
        ),
        # a date without its year takes the year of the machine-readable timestamp
        (
            page(
                "",
                "<article><h1>Storm closes the coastal road</h1>"
                "<time datetime='2020-01-01T03:19:00Z'>Posted Dec 31, 10:19 PM</time></article>",
            ),
            None,
            "2019-12-31",
        ),
        # no date shown: the article's declared datePublished in its own offset beats the URL's
        # date and a video's datePublished
        (
            page(
                json_ld(**{"@type": "VideoObject", "datePublished": "2023-12-19T07:56:00-05:00"})
                + json_ld(**{"@type": "NewsArticle", "datePublished": "2023-12-20T07:30:00-05:00"})
            ),
            "https://example.org/news/2023-12-19-coastal-road",
            "2023-12-20",
        ),
        # a declared timestamp in UTC yields to the publisher's own date in the URL
        (
            page('<meta property="article:published_time" content="2019-11-19T01:19:34Z">'),
            "https://example.org/2019/11/18/coastal-road/",
            "2019-11-18",
        ),
        (
            page('<meta property="article:published_time" content="2019-11-19T01:19:34Z">'),
            None,
            "2019-11-19",
        ),
    ],
)
def test_publication_date(html: str, url: str | None, published: str) -> None:
    assert date_of(html, url) == published


def test_without_any_date_in_the_page_htmldate_decides() -> None:
    assert date_of(page("", "<h1>Storm closes the coastal road</h1>"), None, "2020-02-02") == (
        "2020-02-02"
    )


def test_extract_article_reads_the_header() -> None:
    html = page(
        og("Storm closes coastal road | Example Weather")
        + '<meta property="og:site_name" content="Example Weather">',
        "<article><h1>Storm closes the coastal road, and engineers check the wall</h1>"
        "<p class='byline'>By A. Writer, 12 February 2024</p>" + BODY * 2 + "</article>",
    )
    article = extract_article(html, "page.html", "https://example.org/2024/02/11/storm/")
    assert article.title == "Storm closes the coastal road, and engineers check the wall"
    assert article.published == "2024-02-12"
    assert "harbour authority closed the coastal road" in article.text
