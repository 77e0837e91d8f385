"""Article extraction on real pages no one here wrote, through ``annals ingest``.

Ingests ../shared/external/html/aeb (181 pages, gold body text) and ../shared/external/html/naeb
(120 news pages, gold title and date) with the ``annals ingest`` command into temporary stores,
then scores: body-text token F1 on AEB (whitespace tokens, precision and recall per page averaged
over pages as the AEB's own evaluation does, F1 of the averages), and on NAEB the share of pages
whose publication date and title are right. The last line printed is a JSON object.

    python bench/html_extraction.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from annals.store import Store

ROOT = Path(__file__).resolve().parents[1]


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


def naeb_scores(shared: Path, db: str) -> tuple[float, float]:
    """Share of NAEB pages with the right publication date and title."""
    folder = shared / "external/html/naeb"
    gold = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    docs = ingest_folder(folder, db)
    dates = titles = 0
    for key, item in gold.items():
        doc = docs.get(key)
        dates += bool(doc and doc.published and doc.published == item.get("date"))
        titles += bool(doc and same_title(doc.title, item.get("title")))
    return dates / len(gold), titles / len(gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    shared = Path(parser.parse_args().shared)
    if not (shared / "external/html").is_dir():
        sys.exit(f"no benchmark pages at {shared}/external/html")
    with tempfile.TemporaryDirectory() as tmp:
        f1 = aeb_f1(shared, os.path.join(tmp, "aeb.db"))
        date_share, title_share = naeb_scores(shared, os.path.join(tmp, "naeb.db"))
    print(f"AEB body F1 {f1:.3f}; NAEB dates {date_share:.1%}, titles {title_share:.1%}")
    print(
        json.dumps(
            {
                "aeb_f1": round(f1, 4),
                "naeb_date": round(date_share, 4),
                "naeb_title": round(title_share, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
