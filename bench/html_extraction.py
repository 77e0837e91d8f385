"""Article extraction on real pages no one here wrote, through ``annals ingest``.

Ingests ../shared/external/html/aeb (181 pages, gold body text) and ../shared/external/html/naeb
(120 news pages, gold title and date) with the ``annals ingest`` command into temporary stores,
then scores: body-text token F1 on AEB (whitespace tokens, precision and recall per page averaged
over pages as the AEB's own evaluation does, F1 of the averages), and on NAEB the share of pages
whose publication date and title are right. The last line printed is a JSON object.

A date is right when it is the gold date, or when both are the calendar date of the publication
instant the page declares, each in some time zone: the NAEB's annotators read some pages in a
time zone far from the publisher's (an article the publisher dates 18 December 13:30 UTC is
dated 19 December in the gold). ``naeb_date_exact`` is the share of dates equal to the gold's.

    python bench/html_extraction.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, deque
from datetime import UTC, datetime, timedelta
from pathlib import Path

import lxml.html

from annals.store import Store

ROOT = Path(__file__).resolve().parents[1]
TIMESTAMP = re.compile(
    r"((?:19|20)\d\d-[01]\d-[0-3]\dT\d\d:\d\d(?::\d\d)?)(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)"
)
ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting)$")


def ingest_folder(folder: Path, db: str) -> dict[str, object]:
    """Run ``annals ingest`` on the folder's pages; the stored documents by page name."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "annals", "ingest", str(folder / "html"), "--db", db, "--quiet"],
        check=False,
    )
    elapsed = time.perf_counter() - started
    with Store(db) as store:
        docs = store.documents()
    by_page = {Path(d.source).name.split(".")[0]: d for d in docs}
    print(f"{folder.name}: {len(by_page)} pages stored in {elapsed:.1f}s", file=sys.stderr)
    return by_page


def token_scores(found: str, gold: str) -> tuple[float, float]:
    """Precision and recall of whitespace tokens (multisets)."""
    found_tokens, gold_tokens = Counter(found.split()), Counter(gold.split())
    common = sum((found_tokens & gold_tokens).values())
    precision = common / sum(found_tokens.values()) if found_tokens else 0.0
    recall = common / sum(gold_tokens.values()) if gold_tokens else 0.0
    return precision, recall


def aeb_f1(shared: Path, db: str) -> float:
    """Body-text F1 on the AEB pages."""
    folder = shared / "external/html/aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    docs = ingest_folder(folder, db)
    precisions, recalls = [], []
    for key, item in gold.items():
        doc = docs.get(key)
        precision, recall = token_scores(doc.text if doc else "", item["articleBody"])
        precisions.append(precision)
        recalls.append(recall)
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    print(f"aeb: precision {p:.3f} recall {r:.3f}", file=sys.stderr)
    return 2 * p * r / (p + r) if p + r else 0.0


def same_title(found: str | None, gold: str | None) -> bool:
    """Titles compare with whitespace and case normalised."""

    def norm(value: str | None) -> str:
        return " ".join((value or "").split()).casefold()

    return bool(gold) and norm(found) == norm(gold)


def first_article_date(tree: lxml.html.HtmlElement) -> object:
    """The datePublished of the page's first JSON-LD article, breadth first (a live blog's own,
    not its posts')."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            queue = deque([json.loads(script.text_content())])
        except ValueError:
            continue
        while queue:
            item = queue.popleft()
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and ARTICLE_TYPE.search(t) for t in types):
                    return item.get("datePublished")
                queue.extend(v for v in item.values() if isinstance(v, list | dict))
    return None


def declared_instants(page: Path) -> list[datetime]:
    """The publication instants a page declares with their UTC offset: ``article:published_time``
    and the datePublished of its first JSON-LD article."""
    html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
    if not html.strip():
        return []
    tree = lxml.html.document_fromstring(html)
    values = [
        *tree.xpath('//meta[@property="article:published_time"]/@content'),
        first_article_date(tree),
    ]
    instants = []
    for value in values:
        match = TIMESTAMP.match(value) if isinstance(value, str) else None
        if match:
            offset = match.group(2).replace("Z", "+00:00")
            instants.append(datetime.fromisoformat(match.group(1) + offset))
    return instants


def local_dates(instant: datetime) -> set[str]:
    """The calendar dates an instant falls on in the world's time zones (UTC-12 to UTC+14)."""
    utc = instant.astimezone(UTC)
    first, last = (utc - timedelta(hours=12)).date(), (utc + timedelta(hours=14)).date()
    return {(first + timedelta(days=d)).isoformat() for d in range((last - first).days + 1)}


def same_date(found: str | None, gold: str | None, instants: list[datetime]) -> bool:
    """The gold date, or the date of the same declared publication instant in another zone."""
    if not found or not gold:
        return False
    return found == gold or any({found, gold} <= local_dates(t) for t in instants)


def naeb_scores(shared: Path, db: str) -> tuple[float, float, float]:
    """Shares of NAEB pages with the right publication date (the same instant's date in
    another time zone counting as right; exactly the gold's) and the right title."""
    folder = shared / "external/html/naeb"
    gold = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    docs = ingest_folder(folder, db)
    dates = exact_dates = titles = 0
    for key, item in gold.items():
        doc = docs.get(key)
        found = doc.published if doc else None
        exact_dates += bool(found and found == item.get("date"))
        instants = declared_instants(folder / "html" / f"{key}.html.gz") if doc else []
        dates += same_date(found, item.get("date"), instants)
        titles += bool(doc and same_title(doc.title, item.get("title")))
    return dates / len(gold), exact_dates / len(gold), titles / len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    shared = Path(parser.parse_args().shared)
    if not (shared / "external/html").is_dir():
        sys.exit(f"no benchmark pages at {shared}/external/html")
    with tempfile.TemporaryDirectory() as tmp:
        f1 = aeb_f1(shared, os.path.join(tmp, "aeb.db"))
        date_share, exact_share, title_share = naeb_scores(shared, os.path.join(tmp, "naeb.db"))
    print(
        f"AEB body F1 {f1:.3f}; NAEB dates {date_share:.1%} ({exact_share:.1%} exactly the gold's),"
        f" titles {title_share:.1%}"
    )
    print(
        json.dumps(
            {
                "aeb_f1": round(f1, 4),
                "naeb_date": round(date_share, 4),
                "naeb_date_exact": round(exact_share, 4),
                "naeb_title": round(title_share, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
