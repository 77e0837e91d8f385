"""The text stage: languages, sentences, time expressions and sentence dates of one article."""

from __future__ import annotations

import datetime
import re
from typing import Literal

from annals.records import LanguageRun, Sentence, TextAnalysis
from annals.text.langid import document_languages, language_runs
from annals.text.normalise import han_script, normalise
from annals.text.sentences import paragraph_spans, sentence_spans
from annals.text.times import Hit, Span, expressions, find_times
from annals.text.when import RANK, When, enclosing, parse_published


def _matching_view(text: str, runs: tuple[LanguageRun, ...]) -> str:
    """``text`` with its Chinese runs in simplified characters (same length)."""
    if not any(r.lang == "zh" for r in runs):
        return text
    return "".join(
        normalise(text[r.start : r.end]) if r.lang == "zh" else text[r.start : r.end] for r in runs
    )


DATELINE = re.compile(
    r"^\s*(?:\[[^\]\n]{2,100}\]|[^\n/]{2,80}?[.,]\s*/[^/\n]{2,40}/\.?"
    r"|[^\n(]{2,60}?\([A-Z][A-Za-z .&]{1,30}\)\s*[-–—])"
)
"""A dateline before the first sentence ("[Outlet, March 22, 2023]", "MOSCOW, May 16. /TASS/."):
its date is the publication's, not the date the sentence talks about."""


def _spans(text: str, runs: tuple[LanguageRun, ...]) -> list[Span]:
    out = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for r in runs:
            a, b = max(p_start, r.start), min(p_end, r.end)
            if a < b:
                out.extend(Span(s, e, r.lang, index) for s, e in sentence_spans(text, a, b, r.lang))
    dateline = DATELINE.match(text)
    if out and dateline and out[0].start < dateline.end() < out[0].end:
        # the dateline is a sentence of its own: "[Outlet, March 22, 2023] Xi met Putin ..."
        first = out[0]
        rest = (
            dateline.end()
            + len(text[dateline.end() : first.end])
            - len(text[dateline.end() : first.end].lstrip())
        )
        out[0:1] = [
            Span(first.start, dateline.end(), first.lang, first.paragraph),
            Span(rest, first.end, first.lang, first.paragraph),
        ]
    return out


def _script(chunk: str, normalised: str) -> Literal["Hans", "Hant", "mixed"]:
    """Script of a Chinese sentence; one that ``t2s`` leaves alone is simplified."""
    return "Hans" if chunk == normalised else han_script(chunk)


NEWS_DAYS = 14
"""A day at most this long before publication is the news itself; older dates are background
and are not carried beyond their paragraph."""


def _is_news_day(date: str | None, precision: str | None, pub: When | None) -> bool:
    if precision != "day" or date is None or pub is None or pub.prec != "day":
        return False
    gap = (pub.day - datetime.date.fromisoformat(date)).days
    return 0 <= gap <= NEWS_DAYS


def _own_date(hits: list[Hit], after: int = 0) -> Hit | None:
    dated = [h for h in hits if h.when and h.start >= after]
    if not dated:
        return None
    return min(dated, key=lambda h: (h.when.last is not None, -RANK[h.when.prec], h.start))  # type: ignore[union-attr]


def analyse(text: str, published: str | None, lang_hint: str | None = None) -> TextAnalysis:
    """Analyse one article: language runs, sentences with their dates, and time expressions.

    ``published`` is an ISO date (``2022-09-15``, ``2022-09`` or ``2022``) or None; relative
    expressions resolve against it at no finer precision than it has. ``lang_hint`` labels text
    whose language cannot be told from the text itself.
    """
    runs = language_runs(text)
    if lang_hint:
        runs = tuple(
            LanguageRun(r.start, r.end, lang_hint, r.script) if r.lang == "und" else r for r in runs
        )
    norm = _matching_view(text, runs)
    spans = _spans(text, runs)
    pub = parse_published(published)
    hits = find_times(norm, spans, pub)
    sentences: list[Sentence] = []
    times = []
    dateline = DATELINE.match(text)
    dateline_end = dateline.end() if dateline else 0
    story: str | None = None  # the day the news happened, carried into later paragraphs
    for i, (span, sent_hits) in enumerate(zip(spans, hits, strict=True)):
        times.extend(expressions(text, sent_hits))
        own = _own_date(sent_hits, dateline_end)
        prev = sentences[-1] if sentences else None
        if own is not None and own.when is not None:
            date, precision = enclosing(own.when)
            source = "own"
            if _is_news_day(date, precision, pub):
                story = date
        elif prev and prev.paragraph == span.paragraph and prev.date_source in ("own", "carried"):
            date, precision, source = prev.date, prev.date_precision, "carried"
        elif story is not None:
            date, precision, source = story, "day", "carried"
        elif pub is not None:
            date, precision, source = pub.value(), pub.prec, "published"
        else:
            date = precision = source = None
        chunk = text[span.start : span.end]
        sentences.append(
            Sentence(
                index=i,
                start=span.start,
                end=span.end,
                text=chunk,
                lang=span.lang,
                paragraph=span.paragraph,
                script=_script(chunk, norm[span.start : span.end]) if span.lang == "zh" else None,
                normalised=norm[span.start : span.end],
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                date_source=source,  # type: ignore[arg-type]
            )
        )
    return TextAnalysis(runs, tuple(sentences), tuple(times), document_languages(text, runs))
