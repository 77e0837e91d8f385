"""Quotes are stored with the ids of the events they support, on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from annals.ingest import ingest
from annals.pipeline import extract_pending

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
def test_quote_event_ids_name_events_inside_the_quote_or_by_its_speaker(store):
    ingest([str(ROOT / "examples/corpus")], store)
    extract_pending(store)
    events = {e.id: e for e in store.events()}
    linked = [q for q in store.quotes() if q["event_ids"]]
    assert linked, "the demo corpus has quotes that support events"
    for quote in linked:
        for event_id in map(int, quote["event_ids"].split(",")):
            event = events[event_id]
            assert event.document_id == quote["document_id"]
            inside = quote["start"] <= event.start and event.end <= quote["end"] + 1
            by_speaker = (
                event.sentence == quote["sentence"]
                and quote["speaker_id"] is not None
                and quote["speaker_id"] == event.source_entity
            )
            assert inside or by_speaker, (quote, event)
