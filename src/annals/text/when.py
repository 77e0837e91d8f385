"""Dates with a precision, and the context that time-expression rules resolve against."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from annals.records import Precision

RANK = {"year": 0, "month": 1, "day": 2}
K_NUMBER = frozenset({"#d"})
"""Rule key: the sentence holds a number."""
K_YEAR = frozenset({"#4"})
"""Rule key: the sentence holds a four-digit number."""


def coarser(a: Precision, b: Precision) -> Precision:
    """The coarser of two precisions."""
    return a if RANK[a] <= RANK[b] else b


def make_date(y: int, m: int = 1, d: int = 1) -> date | None:
    """``date(y, m, d)`` or None when there is no such day."""
    if not (1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    if d > calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def add_months(d: date, n: int) -> date | None:
    """The first day of the month ``n`` months from ``d``'s month."""
    k = d.year * 12 + d.month - 1 + n
    return make_date(k // 12, k % 12 + 1)


@dataclass(frozen=True)
class When:
    """A day, month or year (``day`` is its first day), or a range ending on ``last``."""

    day: date
    prec: Precision
    last: date | None = None

    def value(self) -> str:
        """ISO value at the precision."""
        return iso(self.day, self.prec)

    def end_value(self) -> str | None:
        """ISO value of the last day of a range, or None."""
        if self.last is None or iso(self.last, self.prec) == self.value():
            return None
        return iso(self.last, self.prec)

    def coarsen(self, prec: Precision) -> When:
        """This date at ``prec`` when that is coarser than its own precision."""
        return replace(self, prec=coarser(self.prec, prec))

    def shift(self, unit: str, n: int, prec: Precision) -> When | None:
        """Move ``n`` days, weeks, months or years; None when the precision does not allow it."""
        need: Precision = "day" if unit in ("day", "week") else unit  # type: ignore[assignment]
        if RANK[self.prec] < RANK[need]:
            small = unit in ("day", "week") and abs(n) * (7 if unit == "week" else 1) <= 3
            return When(self.day, coarser(self.prec, prec)) if n == 0 or small else None
        base = self.last if n > 0 and self.last else self.day
        try:
            if unit == "day":
                d: date | None = base + timedelta(days=n)
            elif unit == "week":
                d = base + timedelta(days=7 * n)
            elif unit == "month":
                d = add_months(base, n)
            else:
                d = make_date(base.year + n, base.month, 1 if self.prec != "day" else base.day)
                d = d or make_date(base.year + n, base.month, 28)
        except OverflowError:
            return None
        return When(d, coarser(self.prec, prec)) if d else None


def iso(d: date, prec: Precision) -> str:
    """``2022-09-15`` / ``2022-09`` / ``2022``."""
    if prec == "day":
        return d.isoformat()
    if prec == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def enclosing(w: When) -> tuple[str, Precision]:
    """Value and precision of the smallest calendar unit holding all of ``w`` (ranges too)."""
    if w.last is None:
        return w.value(), w.prec
    for prec in ("day", "month", "year"):
        if RANK[prec] <= RANK[w.prec] and iso(w.day, prec) == iso(w.last, prec):
            return iso(w.day, prec), prec
    return iso(w.day, "year"), "year"


_PUBLISHED = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_published(published: str | None) -> When | None:
    """Read ``2022-09-15``, ``2022-09`` or ``2022`` (a longer ISO timestamp is cut to the day)."""
    if not published:
        return None
    m = _PUBLISHED.match(published)
    if not m:
        return None
    y, mo, d = m.groups()
    day = make_date(int(y), int(mo or 1), int(d or 1))
    if day is None:
        return None
    return When(day, "day" if d else "month" if mo else "year")


@dataclass(frozen=True)
class Deferred:
    """A shift from an anchor that is only known once the whole sentence has been read.

    ``narrative``: from the expression it restates (", two years later") or else from the last
    date the text gave; ``event``: from the date of the event it names ("weeks before X on
    Feb. 24"); ``span``: an ``n``-day range ending or starting on another date in the sentence.
    """

    unit: str
    n: int
    prec: Precision
    mode: Literal["narrative", "event", "span"]


class Unresolved:
    """A time expression whose value the text and publication date do not determine."""


UNRESOLVED = Unresolved()
Found = When | Deferred | Unresolved


@dataclass
class Ctx:
    """What a rule may use to resolve an expression."""

    pub: When | None
    text: str
    future_marks: re.Pattern[str]
    anchor: When | None = None
    day_anchor: When | None = None
    """The last date given to the day: what "that day" and "the next day" count from."""
    """The last date the text gave (document order)."""
    para_anchor: When | None = None
    """The last date with an explicit year in the current paragraph."""
    sent_start: int = 0
    verb_after: bool = False
    """Whether the verb often follows a time expression in this language (Russian)."""

    def future(self, span: tuple[int, int]) -> bool:
        """Whether the sentence speaks of the future around the expression at ``span``: a mark
        (will, будет, 将) shortly before it, or shortly after it when it opens the sentence or
        the verb tends to follow."""
        start, end = span
        if self.future_marks.search(self.text, max(self.sent_start, start - 50), start):
            return True
        if self.verb_after or start - self.sent_start <= 4:
            return self.future_marks.search(self.text, end, end + 30) is not None
        return False


def resolve_md(ctx: Ctx, month: int, day: int | None, span: tuple[int, int]) -> Found | None:
    """A date without its year (``day`` None: a month): nearest the paragraph's dated anchor,
    else the latest on or before publication (the earliest on or after it for the future)."""
    if make_date(2000, month, day or 1) is None:
        return None
    prec: Precision = "day" if day else "month"
    anchor = ctx.para_anchor
    future = ctx.future(span)
    if anchor is not None and not future:
        if anchor.prec == "year":
            d = make_date(anchor.day.year, month, day or 1)
        else:
            options = [make_date(anchor.day.year + k, month, day or 1) for k in (-1, 0, 1)]
            d = min((o for o in options if o), key=lambda o: abs((o - anchor.day).days))
        return When(d, prec) if d else UNRESOLVED
    pub = ctx.pub
    if pub is None:
        return UNRESOLVED
    y = pub.day.year
    if pub.prec != "year":
        key, ref = (month, day or 1), (pub.day.month, pub.day.day if pub.prec == "day" else 31)
        if prec == "month":
            key, ref = (month, 0), (pub.day.month, 0)
        if future:
            y += key < ref
        else:
            y -= key > ref
    d = make_date(y, month, day or 1) or make_date(y, month, 28)
    return When(d, prec) if d else UNRESOLVED


def resolve_dom(ctx: Ctx, day: int, span: tuple[int, int]) -> Found | None:
    """A day of the month alone ("the 24th", "24日"): in the publication month or the one before."""
    if not 1 <= day <= 31:
        return None
    pub = ctx.pub
    if pub is not None and pub.prec == "day":
        step = 1 if ctx.future(span) else -1
        month_start = pub.day.replace(day=1)
        if (day > pub.day.day and step < 0) or (day < pub.day.day and step > 0):
            month_start = add_months(month_start, step) or month_start
        d = make_date(month_start.year, month_start.month, day)
        return When(d, "day") if d else UNRESOLVED
    base = ctx.anchor if ctx.anchor and ctx.anchor.prec != "year" else None
    if base is None:
        return UNRESOLVED
    d = make_date(base.day.year, base.day.month, day)
    return When(d, "day") if d else UNRESOLVED


def resolve_weekday(ctx: Ctx, wd: int, span: tuple[int, int], mode: str = "") -> Found:
    """Weekday ``wd`` (Monday 0): ``last``/``next`` strictly before/after publication, ``this``
    in its week, ``prev_week``/``next_week`` in the week before/after; otherwise the latest on
    or before publication, or the earliest on or after it for the future."""
    pub = ctx.pub
    if pub is None or pub.prec != "day":
        return UNRESOLVED
    p = pub.day
    try:
        if mode in ("this", "prev_week", "next_week"):
            week = {"this": 0, "prev_week": -7, "next_week": 7}[mode]
            return When(p + timedelta(days=wd - p.weekday() + week), "day")
        if not mode:
            mode = "on_after" if ctx.future(span) else "on_before"
        back = (p.weekday() - wd) % 7
        ahead = (wd - p.weekday()) % 7
        if mode == "on_before":
            return When(p - timedelta(days=back), "day")
        if mode == "last":
            return When(p - timedelta(days=back or 7), "day")
        if mode == "on_after":
            return When(p + timedelta(days=ahead), "day")
        return When(p + timedelta(days=ahead or 7), "day")
    except OverflowError:  # published in the first or last week of year 1 or 9999
        return UNRESOLVED


def relative(ctx: Ctx, unit: str, n: int, prec: Precision) -> Found:
    """``n`` units from the publication date, at ``prec`` (or coarser when it is coarser)."""
    if ctx.pub is None:
        return UNRESOLVED
    return ctx.pub.shift(unit, n, prec) or UNRESOLVED


def explicit(y: int, m: int | None = None, d: int | None = None) -> When | None:
    """A date the text gives with its year."""
    day = make_date(y, m or 1, d or 1)
    if day is None:
        return None
    return When(day, "day" if d else "month" if m else "year")


def with_range(w: Found | None, m2: int | None, d2: int | None) -> Found | None:
    """Extend a day ``w`` to the range ending on day ``d2`` (of month ``m2``, else the same)."""
    if not isinstance(w, When) or d2 is None:
        return w
    month = m2 or w.day.month
    year = w.day.year + (1 if m2 and m2 < w.day.month else 0)
    last = make_date(year, month, d2)
    if last is None or last <= w.day or (last - w.day).days > 62:
        return w
    return replace(w, last=last)


NUMBERS = {
    # English
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
    "fifteen": 15, "twenty": 20, "thirty": 30,
    # Russian
    "один": 1, "одну": 1, "одна": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3,
    "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5,
    "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9,
    "десять": 10, "десяти": 10, "полгода": 6,
    # Chinese
    "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10,
}  # fmt: skip
VAGUE = {"day": 3, "week": 2, "month": 2, "year": 2}
"""How many units a vague count ("a few", "several", "несколько", "几") stands for."""


def count(word: str | None) -> tuple[int, bool] | None:
    """The number a count word or numeral stands for, and whether it is vague."""
    if word is None:
        return None
    w = " ".join(word.lower().split())
    if w.isdigit():
        return (int(w), False) if len(w) <= 3 else None
    if w in NUMBERS:
        return NUMBERS[w], False
    if w in ("a few", "several", "few", "some", "несколько", "нескольких", "几", "数"):
        return 0, True
    n = cn_number(w)
    return (n, False) if n else None


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip


def cn_number(s: str) -> int | None:
    """A Chinese numeral below 100 ("二十四"), or four digits read one by one ("二〇二二")."""
    if not s:
        return None
    if s.isdigit() and s.isascii():
        return int(s)
    if all(c in _CN_DIGITS for c in s) and len(s) == 4:
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    if "十" in s:
        tens, _, units = s.partition("十")
        t = _CN_DIGITS.get(tens, 0) if tens else 1
        u = _CN_DIGITS.get(units, 0) if units else 0
        if (tens and tens not in _CN_DIGITS) or (units and units not in _CN_DIGITS):
            return None
        return t * 10 + u
    return _CN_DIGITS.get(s) if len(s) == 1 else None
