"""Framing: which words each outlet uses for the same referent or act, and its tone to actors.

**Paired terms.** ``data/terms.yaml`` lists concepts (the Russia–Ukraine war, the Chinese
party-state, Taiwan's leader, regime or government, Crimea, ...) each with alternative terms
("invasion" / "special military operation" / "war" / "conflict") and their forms in English,
Chinese and Russian. :func:`term_counts` counts every term per outlet, month and language;
within a concept the longest form at a position wins, so "Communist Party of China" counts
as CPC and not also as China. Matching (:mod:`annals.framing.lexicon`): English on word
boundaries, case-insensitive except all-capital acronyms; Russian on pymorphy3 lemmas, so
inflected forms count; Chinese on the text converted to simplified characters
(:func:`annals.text.normalise.normalise`), so 總統 counts as 总统.

**Tone.** ``data/tone.yaml`` lists positive and negative words per language. For each actor
mention (from the actor stage) the words of its sentence within 60 characters either side (20 for
Chinese) are looked up, leaving out the mention's own words; per outlet and actor (the mention's
country or organisation code), ``score = (positive − negative) / (positive + negative + 1)``,
in (−1, 1), shrunk towards 0 when few tone words are found. It works offline in all three
languages. It is deliberately simple: no negation handling ("did not condemn" counts as
negative), no weighting, and the words near a mention are not necessarily about that actor;
compare outlets with each other rather than reading single scores as absolute.
"""

from annals.framing.counts import FramingTable, TermCount, term_counts
from annals.framing.lexicon import (
    Concept,
    Hit,
    LexiconError,
    Matcher,
    Term,
    load_terms,
    load_tone,
    parse_terms,
)
from annals.framing.tone import ToneScore, sentence_bounds, tone

__all__ = [
    "Concept",
    "FramingTable",
    "Hit",
    "LexiconError",
    "Matcher",
    "Term",
    "TermCount",
    "ToneScore",
    "load_terms",
    "load_tone",
    "parse_terms",
    "sentence_bounds",
    "term_counts",
    "tone",
]
