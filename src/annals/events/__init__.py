"""Events: CAMEO-coded source-action-target events from sentences and their actor mentions.

``extract(text, sentences, mentions)`` runs the extractor of each sentence's language
(``en``: a spaCy dependency parse; ``zh`` and ``ru``: patterns over the actor mentions and the
predicate lexicon, since no Chinese parser works offline here) and returns the events of the
document, one per (sentence, source, target, code, negation).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from annals.events.base import DocContext, dedupe
from annals.records import Event, Mention, Sentence

EXTRACTORS = {"en": "annals.events.en", "zh": "annals.events.zh", "ru": "annals.events.ru"}
MAX_SENTENCE_CHARS = 10_000
"""Longer "sentences" (tables, lists, pages without punctuation) hold no event read here: spaCy
refuses text over 1,000,000 characters (ValueError E088) and takes minutes and GBs well before
that, and the Chinese patterns take time quadratic in the matches of one sentence."""


def _extractor(lang: str) -> Callable | None:
    module = EXTRACTORS.get(lang)
    return import_module(module).extract_sentence if module else None


def extract(text: str, sentences: Sequence[Sentence], mentions: Sequence[Mention]) -> list[Event]:
    """Every event of one document. ``mentions`` are the actor stage's, spans indexing ``text``."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    context = DocContext()
    for lang, module in EXTRACTORS.items():
        batch = import_module(module).__dict__.get("prepare")
        chosen = [x for x in sentences if x.lang == lang and len(x.text) <= MAX_SENTENCE_CHARS]
        if batch is not None and chosen:
            batch(chosen, by_sentence, context)
    events: list[Event] = []
    for sentence in sentences:
        in_sentence = by_sentence.get(sentence.index, [])
        extractor = _extractor(sentence.lang)
        if extractor is not None and len(sentence.text) <= MAX_SENTENCE_CHARS:
            events += extractor(text, sentence, in_sentence, context)
        context.add(in_sentence)
    return dedupe(events)
