"""``annals eval``: ingest a corpus into a temporary store, run every stage, score the gold.

Gold files are ``PREFIX.docs.jsonl``, ``PREFIX.times.jsonl``, ... in the format of the
annotation guide; each one that exists is scored and gets a key in the result.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from annals.eval.docs import score_docs
from annals.ingest import ingest
from annals.records import Document
from annals.store import Store


def read_gold(path: Path) -> list[dict]:
    """The lines of a gold JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_key(doc: Document, corpus: Path) -> str:
    """How gold files name a document: its file name, with ``:LINE`` for a JSONL line."""
    source = doc.source or ""
    return os.path.relpath(source, corpus) if source.startswith(str(corpus)) else source


def evaluate(corpus: str | Path, gold_prefix: str | Path) -> dict:
    """Scores for every gold kind present at ``gold_prefix``."""
    corpus = Path(corpus)
    gold_prefix = str(gold_prefix)
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus}")
    with (
        tempfile.TemporaryDirectory(prefix="annals-eval-") as tmp,
        Store(os.path.join(tmp, "eval.db")) as store,
    ):
        ingest([str(corpus)], store)
        docs = {gold_key(d, corpus): d for d in store.documents()}
    results: dict = {}
    docs_gold = Path(gold_prefix + ".docs.jsonl")
    if docs_gold.exists():
        results["docs"] = score_docs(read_gold(docs_gold), docs)
    if not results:
        raise FileNotFoundError(f"no gold files found at {gold_prefix}.*.jsonl")
    return results
