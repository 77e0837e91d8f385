"""Find time expressions sentence by sentence and resolve them in reading order."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from annals.records import TimeExpression
from annals.text import rules_en, rules_ru, rules_zh
from annals.text.when import Ctx, Deferred, Found, When

Rule = tuple[
    re.Pattern[str], Callable[[re.Match[str], Ctx], Found | None], tuple[frozenset[str], ...]
]
_RULES: dict[str, list[Rule]] = {
    "en": rules_en.RULES,  # type: ignore[dict-item]
    "ru": rules_ru.RULES,  # type: ignore[dict-item]
    "zh": rules_zh.RULES,  # type: ignore[dict-item]
}


def _index(rules: list[Rule]) -> tuple[list[int], dict[str, list[int]]]:
    """Rules without key words (always tried), and the others by the words of their first key:
    a rule can only match a sentence holding one of those words."""
    always: list[int] = []
    by_word: dict[str, list[int]] = {}
    for number, rule in enumerate(rules):
        if not rule[2]:
            always.append(number)
            continue
        for word in rule[2][0]:
            by_word.setdefault(word, []).append(number)
    return always, by_word


_RULE_INDEX = {lang: _index(rules) for lang, rules in _RULES.items()}
_FUTURE = {"en": rules_en.FUTURE, "ru": rules_ru.FUTURE, "zh": rules_zh.FUTURE}
_WORD = re.compile(r"[^\W\d_]+|\d+")
_NUMBER = re.compile(r"\d")
_FOUR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_APPOSITION = re.compile(r"[\s,，、(（—–-]{1,4}")
_EXPLICIT_YEAR = re.compile(r"\d{4}|[〇零一二三四五六七八九]{4}年")


@dataclass(frozen=True)
class Span:
    """A sentence to search: its offsets and language, and the paragraph it belongs to."""

    start: int
    end: int
    lang: str
    paragraph: int


@dataclass
class Hit:
    """A time expression found in a sentence, with its resolved date (None if unresolved)."""

    start: int
    end: int
    when: When | None


def _words(sentence: str, lang: str) -> set[str]:
    """What rule keys are checked against: the lower-case words (Chinese: characters) of the
    sentence, plus ``#d`` when it holds a number and ``#4`` when a four-digit one."""
    words = set(sentence) if lang == "zh" else set(_WORD.findall(sentence.lower()))
    if _NUMBER.search(sentence):
        words.add("#d")
        if _FOUR.search(sentence):
            words.add("#4")
    return words


def _matches(norm: str, span: Span, ctx: Ctx) -> list[tuple[int, int, Rule, re.Match[str], Found]]:
    words = _words(norm[span.start : span.end], span.lang)
    found = []
    rules = _RULES[span.lang]
    always, by_word = _RULE_INDEX[span.lang]
    candidates = set(always)
    for word in by_word.keys() & words:
        candidates.update(by_word[word])
    for number in sorted(candidates):
        rule = rules[number]
        if not all(words & key for key in rule[2]):
            continue
        for m in rule[0].finditer(norm, span.start, span.end):
            if m.end() > m.start() and (result := rule[1](m, ctx)) is not None:
                found.append((m.start(), m.end(), rule, m, result))
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, Rule, re.Match[str], Found]] = []
    for f in found:
        if all(f[1] <= k[0] or f[0] >= k[1] for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f[0])
    return kept


def _apply(d: Deferred, anchor: When) -> When | None:
    return anchor.shift(d.unit, d.n, d.prec)


def find_times(norm: str, spans: Sequence[Span], published: When | None) -> list[list[Hit]]:
    """Time expressions of each sentence, resolved against ``published`` and earlier dates.

    ``norm`` is the text's matching view (Chinese in simplified characters, same length).
    """
    ctx = Ctx(published, norm, rules_en.FUTURE)
    out: list[list[Hit]] = []
    paragraph = -1
    for span in spans:
        if span.paragraph != paragraph:
            paragraph, ctx.para_anchor = span.paragraph, None
        hits: list[Hit] = []
        out.append(hits)
        if span.lang not in _RULES:
            continue
        ctx.sent_start, ctx.future_marks = span.start, _FUTURE[span.lang]
        ctx.verb_after = span.lang == "ru"
        later: list[tuple[int, Deferred]] = []
        for start, end, (_, handler, _), m, found in _matches(norm, span, ctx):
            if any(h.when for h in hits):  # an earlier date in the sentence may change this one
                found = handler(m, ctx)
            if isinstance(found, Deferred) and found.mode != "narrative":
                later.append((len(hits), found))
                hits.append(Hit(start, end, None))
                continue
            when = _narrative(found, hits, start, ctx) if isinstance(found, Deferred) else found
            hits.append(Hit(start, end, when if isinstance(when, When) else None))
            if isinstance(when, When):
                ctx.anchor = when
                if when.prec == "day":
                    ctx.day_anchor = when
                if _EXPLICIT_YEAR.search(norm, start, end):
                    ctx.para_anchor = when
        drop = [i for i, d in later if not _resolve_later(norm, hits, i, d)]
        for i in reversed(drop):
            del hits[i]
    return out


def _narrative(d: Deferred, hits: list[Hit], start: int, ctx: Ctx) -> When | None:
    prev = hits[-1] if hits else None
    if prev and prev.when and _APPOSITION.fullmatch(ctx.text, prev.end, start):
        return prev.when  # "In February, three weeks before ...": the same date said again
    anchor = (ctx.day_anchor if d.prec == "day" else ctx.anchor) or ctx.pub
    return _apply(d, anchor) if anchor else None


def _resolve_later(norm: str, hits: list[Hit], i: int, d: Deferred) -> bool:
    """Resolve an event-relative or span expression from the dates around it in the sentence;
    False when an event-relative one has no date to hang on (then it is dropped)."""
    hit = hits[i]
    before = hits[i - 1] if i > 0 else None
    after = next((h for h in hits[i + 1 :] if h.when), None)
    if d.mode == "event":
        if before and before.when and _APPOSITION.fullmatch(norm, before.end, hit.start):
            hit.when = before.when
        elif after:
            hit.when = _apply(d, after.when)  # type: ignore[arg-type]
        return hit.when is not None
    days = [h for h in hits if h.when and h.when.prec == "day" and h.when.last is None]
    if days:
        anchor = min(days, key=lambda h: abs(h.start - hit.start)).when
        assert anchor is not None
        other = anchor.day + timedelta(days=d.n)
        hit.when = replace(anchor, day=min(anchor.day, other), last=max(anchor.day, other))
    return True


def expressions(text: str, hits: Sequence[Hit]) -> list[TimeExpression]:
    """Records for ``hits``, with their words taken from the original ``text``."""
    out = []
    for h in hits:
        w = h.when
        value = w.value() if w else None
        out.append(
            TimeExpression(
                h.start,
                h.end,
                text[h.start : h.end],
                value,
                w.prec if w else None,
                w.end_value() if w else None,
            )
        )
    return out
