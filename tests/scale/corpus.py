"""A small corpus in every input format ``annals run`` reads, with the cases it must log."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from builders import ARTICLE_HTML, warc_bytes, write

MEETING = (
    "[{outlet}, March 22, 2023] President Xi Jinping met Russian President Vladimir Putin in "
    "Moscow on Tuesday. The two leaders signed a joint statement on economic cooperation, "
    "officials said. China also criticised the United States for its sanctions{end}"
)
VISIT = (
    "Germany's chancellor visited Poland on Monday and praised its government for hosting refugees."
)
SUMMIT = (
    "[Harbor Ledger, March 16, 2023] Japan's prime minister met South Korea's president in "
    "Tokyo on Thursday to discuss trade."
)
TALKS = (
    "<!doctype html><html lang='en'><head><title>Talks | Example Wire</title>"
    "<meta property='og:site_name' content='Example Wire'>"
    "<meta property='article:published_time' content='2022-11-14T08:00:00Z'></head><body>"
    "<article><p>Chinese President Xi Jinping met US President Joe Biden in Bali on Monday, "
    "their first meeting in person since Biden took office.</p><p>The two leaders agreed to "
    "resume talks on climate change, officials said after the meeting.</p></article>"
    "</body></html>"
)


def mixed_corpus(folder: Path) -> Path:
    """Text, a syndicated near duplicate, JSONL, gzipped text, WARC.gz, an exact duplicate,
    a file whose name Hadoop would hide, a corrupt gzip file and a file of unknown type."""
    write(folder / "a-ledger.txt", MEETING.format(outlet="Harbor Ledger", end="."))
    write(folder / "b-courier.txt", MEETING.format(outlet="Coastal Courier", end="!"))
    write(folder / "c-copy-of-ledger.txt", MEETING.format(outlet="Harbor Ledger", end="."))
    lines = [
        {"text": VISIT, "outlet": "Plain Post", "published": "2024-05-06"},
        {"title": "no text here"},
        {"text": VISIT, "outlet": "Plain Post", "published": "2024-05-06"},
    ]
    write(folder / "d-feed.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    write(folder / "e-visit.txt.gz", gzip.compress(VISIT.replace("Monday", "Sunday").encode()))
    pages = [
        ("https://example.com/talks", "text/html; charset=utf-8", TALKS),
        ("https://example.com/style.css", "text/css", "body {}"),
        ("https://example.com/geneva", "text/html", ARTICLE_HTML),
    ]
    write(folder / "f-crawl.warc.gz", warc_bytes(pages, gzip=True))
    write(folder / "_summit.txt", SUMMIT)
    write(folder / "g-broken.txt.gz", gzip.compress(VISIT.encode())[:-12])
    write(folder / "h-image.bin", b"\x89PNG not an article")
    return folder
