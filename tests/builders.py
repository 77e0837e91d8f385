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


def mention(code: str, name: str, entity: str | None = None, sector: str | None = None):
    """An actor mention as the actor stage makes it (offsets do not matter to listings)."""
    from annals.records import Mention

    kind = "state" if entity == code.lower() else "person" if entity else "agent"
    return Mention(0, len(name), name, 0, entity, name, code, sector, kind, "alias")


def store_events(store, reports: list[tuple[dict, list[dict]]]) -> list[str]:
    """Store documents (Document fields) each with its events (Event fields; ``source`` and
    ``target`` are mentions, root, plover, quad class and Goldstein score default from the
    CAMEO code), without running the stages; return the document ids."""
    import hashlib

    from annals.events.codebook import load_codebook
    from annals.records import Document, Event

    ids = []
    for fields, found in reports:
        doc_id = hashlib.sha256(fields["text"].encode()).hexdigest()
        store.write_batch([Document(id=doc_id, **fields)], [], run_id="test")
        made = []
        for number, spec in enumerate(found):
            code = load_codebook()[spec["cameo"]]
            made.append(
                Event(
                    **{
                        "sentence": number,
                        "start": 0,
                        "end": 5,
                        "text": fields["text"][:5],
                        "root": spec["cameo"][:2],
                        "plover": "CONSULT",
                        "quad_class": code.quad_class,
                        "goldstein": code.goldstein,
                        **spec,
                    }
                )
            )
        store.save_processed(doc_id, "test", [], [], [], made)
        ids.append(doc_id)
    return ids
