"""Properties that hold for any input: exact offsets, no lost text, no exceptions."""

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annals.text import analyse, language_runs, normalise

_WORDS = [
    "Putin", "met", "Xi", "on", "Thursday", "May", "16-17", "2023", "the", "24th", "Mr.", "U.S.",
    "last", "month", "year", "ago", "two", "weeks", "later", "three-day", "visit", "Feb.", "24,",
    "。", "！", "？", "；", "「", "」", "“", "”", '"', ".", "?", "!", "\n", "\n\n", " ", "…",
    "习近平", "上周", "上週四", "去年5月", "5月24日", "2 天前", "昨天", "2014年", "栗戰書",
    "Путин", "в", "четверг", "16", "мая", "2024", "года", "накануне", "вчера", "т.е.", "г.",
    "в прошлом году", "назад", "日本", "ロシア", "한국", "Die", "Regierung", "İ", "ß", "\u00a0",
]  # fmt: skip
texts = st.one_of(st.text(), st.lists(st.sampled_from(_WORDS)).map(" ".join))
published = st.one_of(
    st.none(),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
    st.text(max_size=12),
)
fast = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(texts, published)
def test_analyse_never_raises_and_offsets_slice_the_text(text: str, pub: str | None) -> None:
    result = analyse(text, pub)
    for s in result.sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert len(s.normalised) == len(s.text)
    for t in result.times:
        assert text[t.start : t.end] == t.text
    starts = [s.start for s in result.sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(result.sentences))


@fast
@given(texts)
def test_splitting_keeps_every_non_space_character_once(text: str) -> None:
    sentences = analyse(text, None).sentences
    kept = "".join(s.text for s in sentences)
    assert "".join(kept.split()) == "".join(text.split())


@fast
@given(texts)
def test_runs_cover_the_text(text: str) -> None:
    runs = language_runs(text)
    if text:
        assert runs[0].start == 0 and runs[-1].end == len(text)
        assert all(a.end == b.start and a.start < a.end for a, b in itertools.pairwise(runs))
    assert len(normalise(text)) == len(text)
