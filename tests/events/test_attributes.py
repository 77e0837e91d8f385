"""The fast attribute-ruler matcher finds what spaCy's matcher finds."""

from __future__ import annotations

from spacy.pipeline import AttributeRuler

from annals.events.attributes import FastMatch
from annals.events.en_predicates import nlp

SENTENCES = [
    "The ministers didn't meet, but they'll talk again; it's what they've agreed to.",
    "I'm gonna go now, y'all ain't coming?  Let's see.\n\nThat is that.",
    "There were talks in Geneva, and whether those who attended will return is unclear.",
    "Nobody expects anything; something must give, everyone said.",
]


def test_fast_match_equals_spacy_matcher():
    pipeline = nlp()
    ruler = pipeline.get_pipe("attribute_ruler")
    fast = FastMatch(ruler)
    with pipeline.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(pipeline.pipe(SENTENCES))
    for doc in docs:
        expected = AttributeRuler.match(ruler, doc)  # spaCy's own matcher
        assert expected, doc.text
        assert fast(doc) == expected, doc.text


def test_pipeline_keeps_parts_of_speech_and_lemmas():
    doc = nlp()("The two sides held talks and didn't sign anything.")
    assert [t.pos_ for t in doc][:5] == ["DET", "NUM", "NOUN", "VERB", "NOUN"]
    assert [t.lemma_ for t in doc][3:5] == ["hold", "talk"]
    assert (doc[6].pos_, doc[7].lemma_, doc[9].pos_) == ("AUX", "not", "PRON")
