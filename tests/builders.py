"""Builders of input files (HTML pages, WARC archives) for tests."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_HTML = """<!doctype html><html lang="en"><head>
<title>Ministers Meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers Meet in Geneva">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-06-19T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers Meet in Geneva</h1>
<p>The foreign ministers of two neighbouring states met in Geneva on Monday to discuss the
border dispute that has strained relations between them for a decade.</p>
<p>Both delegations described the talks as constructive and agreed to meet again next month,
according to a statement released after the meeting by the host government.</p>
<p>Observers said the meeting was the first at this level since the two countries recalled their
ambassadors, and that a return of the envoys could follow if the next round goes well.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def warc_bytes(pages: list[tuple[str, str, str]], gzip: bool) -> bytes:
    """A WARC file with one response record per (url, content type, body)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def write(path: Path, data: bytes | str) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path
