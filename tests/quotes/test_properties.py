"""Properties: spans index the document, and no text makes find_quotes fail."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annals.actors import find_mentions
from annals.quotes import find_quotes
from annals.text import analyse

PIECES = [
    "Putin said",
    ", ",
    ". ",
    "\u201c",
    "\u201d",
    '"',
    "'",
    "\u2018",
    "\u2019",
    "«",
    "»",
    "「",
    "」",
    "《",
    "》",
    "\n\n",
    " — ",
    "заявил Лавров",
    ", что ",
    "王毅表示",
    "，",
    "：",
    "。",
    "he added",
    "according to Xi Jinping,",
    "We will never accept this",
    "Запад объявил войну",
    "中方始终坚持立场",
    "the talks",
    "that",
    "I wrote that",
    "It states:",
]

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_slice_the_document_and_nothing_raises(text: str) -> None:
    analysis = analyse(text, "2023-03-22")
    mentions = find_mentions(text, analysis.sentences)
    for quote in find_quotes(text, analysis.sentences, mentions):
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert 0 <= quote.cue_start <= quote.cue_end <= len(text)
        assert quote.text.strip() == quote.text
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
