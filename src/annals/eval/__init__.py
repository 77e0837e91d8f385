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
from annals.eval.events import score_events
from annals.eval.times import score_times
from annals.ingest import ingest
from annals.pipeline import process
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


def _score_stories(gold_events: list[dict], processed: dict, docs: dict) -> dict:
    """Cluster every document's events into stories and score them against the gold labels."""
    from annals.eval.stories import score_stories
    from annals.stories import as_story_event, cluster, near_duplicates

    by_doc = {
        name: [
            as_story_event(
                e,
                docs[name].id,
                id=f"{name}#{i}",
                outlet=docs[name].outlet,
                published=docs[name].published,
            )
            for i, e in enumerate(p.events)
        ]
        for name, p in processed.items()
    }
    duplicates = near_duplicates((d.id, d.text) for d in docs.values())
    stories = cluster([e for events in by_doc.values() for e in events], duplicates)
    return score_stories(gold_events, stories, by_doc)


def evaluate(corpus: str | Path, gold_prefix: str | Path, all_actors: bool = False) -> dict:
    """Scores for every gold kind present at ``gold_prefix`` (``all_actors``: keep sub-state
    actors when scoring events, for gold that codes them)."""
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
    published = {}
    if docs_gold.exists():
        rows = read_gold(docs_gold)
        results["docs"] = score_docs(rows, docs)
        published = {row["doc"]: row.get("published") for row in rows if row.get("published")}
    # Each stage is scored on its own: later stages resolve dates against the gold publication
    # date where the gold gives one, so a missed dateline is counted once, in "docs".
    processed = {
        name: process(doc.text, published.get(name, doc.published)) for name, doc in docs.items()
    }
    times_gold = Path(gold_prefix + ".times.jsonl")
    if times_gold.exists():
        results["times"] = score_times(
            read_gold(times_gold),
            {name: p.times for name, p in processed.items()},
            {name: p.text for name, p in processed.items()},
        )
    quotes_gold = Path(gold_prefix + ".quotes.jsonl")
    if quotes_gold.exists():
        from annals.eval.quotes import score_quotes

        results["quotes"] = score_quotes(
            read_gold(quotes_gold),
            {name: p.quotes for name, p in processed.items()},
            {name: p.text for name, p in processed.items()},
            {name: published.get(name, doc.published) for name, doc in docs.items()},
        )
    events_gold = Path(gold_prefix + ".events.jsonl")
    if events_gold.exists():
        gold_events = read_gold(events_gold)
        results["events"] = score_events(
            gold_events,
            {name: p.events for name, p in processed.items()},
            {name: (docs[name].languages or ("?",))[0] for name in docs},
            all_actors,
        )
        if any(row.get("story") for row in gold_events):
            results["stories"] = _score_stories(gold_events, processed, docs)
    if not results:
        raise FileNotFoundError(f"no gold files found at {gold_prefix}.*.jsonl")
    return results
