"""English time-expression rules."""

from __future__ import annotations

import re

from annals.text.when import (
    K_NUMBER,
    K_YEAR,
    UNRESOLVED,
    VAGUE,
    Ctx,
    Deferred,
    Found,
    When,
    count,
    explicit,
    relative,
    resolve_dom,
    resolve_md,
    resolve_weekday,
    with_range,
)

_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?:(?:{_FULL})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|a couple of|a few|several|few|some)"
)
_UNIT = r"(?:days?|weeks?|months?|years?)"
_RANGE = r"\s*(?:-|–|—|to|through|until|till|and)\s*"
_NOT_AMOUNT = r"(?!\s*(?:%|percent\b|per\b|million|billion|thousand|people|troops))"

FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is due|are due|is expected|are expected|is scheduled|are scheduled|"
    r"plans? to|is set to|are set to|upcoming|to be held)\b",
    re.I,
)
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _g(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _month(name: str | None) -> int | None:
    return _MONTH_KEYS.index(name[:3].lower()) + 1 if name else None


def _day(s: str | None) -> int | None:
    return int(s.rstrip("stndrh")) if s else None


def _mdy(m: re.Match[str], ctx: Ctx) -> Found | None:
    month, day, year = _month(m["mon"]), _day(m["d"]), _g(m, "y")
    if month is None or day is None:
        return None
    w = explicit(int(year), month, day) if year else resolve_md(ctx, month, day, m.span())
    return with_range(w, _month(_g(m, "mon2")), _day(_g(m, "d2")))


def _month_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    return explicit(int(m["y"]), _month(m["mon"]))


def _month_only(m: re.Match[str], ctx: Ctx) -> Found | None:
    month = _month(m["mon"]) or 1
    pre, rel = (m["pre"] or "").lower(), (m["rel"] or "").lower()
    pub = ctx.pub
    if rel or pre in ("last", "next", "this"):
        if pub is None:
            return UNRESOLVED
        year = pub.day.year
        if rel:  # "March last year"
            year += {"last": -1, "next": 1, "this": 0}[rel]
        elif pre == "last":  # "last March": the latest March before publication
            year -= month >= pub.day.month
        elif pre == "next":
            year += month <= pub.day.month
        return explicit(year, month) or UNRESOLVED
    return resolve_md(ctx, month, None, m.span())


_YEAR_BEFORE = re.compile(
    r"(?:article|no\.|number|section|resolution|model|page|route|flight|room|code|chapter|"
    r"boeing|airbus|rule|paragraph|item|law|over|than|about|some|nearly|almost|of)\s*\Z",
    re.I,
)
_YEAR_UNITS = re.compile(
    r"\s*(?:%|percent|per\b|km\b|kilomet|miles?\b|metres|meters|tons|tonnes|kg\b|dollars|yuan|"
    r"rubles|roubles|euros|people|troops|soldiers|men\b|women|cases|deaths|units|pieces|"
    r"votes|points|feet|hectares|acres|times\b|-[a-z])",
    re.I,
)
_PLURAL_NEXT = re.compile(r"\s+([a-z]{4,}s)\b")


def _year(m: re.Match[str], ctx: Ctx) -> Found | None:
    text = ctx.text
    if _YEAR_UNITS.match(text, m.end()):
        return None
    if not _PRE_YEAR.search(text, max(0, m.start() - 12), m.start()):
        if _YEAR_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            return None
        if _PLURAL_NEXT.match(text, m.end()):
            return None
    w = explicit(int(m["y"]))
    y2 = m["y2"]
    if w and y2:
        end = explicit(int(y2) if len(y2) == 4 else int(m["y"][:2] + y2))
        if end and end.day > w.day:
            return When(w.day, "year", end.day)
    return w


_ORDINAL_NOUNS = frozenset({
    "century", "centuries", "anniversary", "floor", "day", "days", "time", "times", "round",
    "place", "birthday", "congress", "party", "plenum", "session", "amendment", "hole", "lap",
    "minute", "percentile", "year", "years", "edition", "meeting", "summit", "army", "division",
    "brigade", "fleet", "largest", "biggest", "straight", "consecutive"
})  # fmt: skip


def _ordinal_day(m: re.Match[str], ctx: Ctx) -> Found | None:
    nxt = re.match(r"\s*([A-Za-z]+)", ctx.text[m.end() : m.end() + 30])
    if nxt and nxt.group(1).lower() in _ORDINAL_NOUNS:
        return None
    if not m["on"] and nxt and nxt.group(1)[0].isalpha():
        return None
    return resolve_dom(ctx, int(m["d"]), m.span())


_DATE_AFTER = re.compile(rf",?\s*\(?\s*{_MONTH}\s*\d")


def _weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    if _DATE_AFTER.match(ctx.text, m.end()):
        return None  # "Wednesday, March 22": the date says it
    wd = _WEEKDAYS.split("|").index(m["wd"])
    mode = {"last": "last", "past": "last", "next": "next", "this": "this"}
    return resolve_weekday(ctx, wd, m.span(), mode.get((m["mod"] or "").lower(), ""))


_SIMPLE = {
    "today": ("day", 0, "day"),
    "tonight": ("day", 0, "day"),
    "this morning": ("day", 0, "day"),
    "this afternoon": ("day", 0, "day"),
    "this evening": ("day", 0, "day"),
    "yesterday": ("day", -1, "day"),
    "last night": ("day", -1, "day"),
    "tomorrow": ("day", 1, "day"),
    "the day before yesterday": ("day", -2, "day"),
    "the day after tomorrow": ("day", 2, "day"),
    "last week": ("week", -1, "month"),
    "this week": ("week", 0, "month"),
    "earlier this week": ("week", 0, "month"),
    "later this week": ("week", 0, "month"),
    "next week": ("week", 1, "month"),
    "last month": ("month", -1, "month"),
    "this month": ("month", 0, "month"),
    "earlier this month": ("month", 0, "month"),
    "later this month": ("month", 0, "month"),
    "next month": ("month", 1, "month"),
    "last year": ("year", -1, "year"),
    "this year": ("year", 0, "year"),
    "earlier this year": ("year", 0, "year"),
    "later this year": ("year", 0, "year"),
    "next year": ("year", 1, "year"),
}
_NARRATIVE = {
    "the next day": ("day", 1, "day"),
    "the following day": ("day", 1, "day"),
    "a day later": ("day", 1, "day"),
    "the day before": ("day", -1, "day"),
    "the previous day": ("day", -1, "day"),
    "a day earlier": ("day", -1, "day"),
    "the same day": ("day", 0, "day"),
    "later that day": ("day", 0, "day"),
    "earlier that day": ("day", 0, "day"),
    "the following week": ("week", 1, "month"),
    "the previous week": ("week", -1, "month"),
    "later that month": ("month", 0, "month"),
    "the following month": ("month", 1, "month"),
    "the previous month": ("month", -1, "month"),
    "later that year": ("year", 0, "year"),
    "the following year": ("year", 1, "year"),
    "the previous year": ("year", -1, "year"),
    "a year later": ("year", 1, "year"),
    "a year earlier": ("year", -1, "year"),
}


def _is_name(m: re.Match[str], ctx: Ctx) -> bool:
    """A capitalised word inside a sentence ("Russia Today") is a name, not a date."""
    if not m.group()[0].isupper() or m.start() == ctx.sent_start:
        return False
    before = ctx.text[max(ctx.sent_start, m.start() - 3) : m.start()]
    return re.search(r"[.:;!?\"“”(\[—–-]\s*\Z", before) is None


def _simple(m: re.Match[str], ctx: Ctx) -> Found | None:
    if _is_name(m, ctx):
        return None
    unit, n, prec = _SIMPLE[" ".join(m.group().lower().split())]
    return relative(ctx, unit, n, prec)  # type: ignore[arg-type]


def _narrative(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit, n, prec = _NARRATIVE[" ".join(m.group().lower().split())]
    return Deferred(unit, n, prec, "narrative")  # type: ignore[arg-type]


def unit_precision(unit: str, vague: bool) -> tuple[str, str]:
    """Normalised unit name and the precision a shift by it allows."""
    unit = unit.lower().rstrip("s")
    if unit in ("year", "month"):
        return unit, unit
    return unit, "month" if vague else "day"


def snippet_age(w: Found, m: re.Match[str], ctx: Ctx) -> Found:
    """'3 days ago — ...' heading a search-result snippet is only an approximate age."""
    if m.start() == ctx.sent_start and re.match(r"\s*[—–-]", ctx.text[m.end() : m.end() + 3]):
        return w.coarsen("month") if isinstance(w, When) else w
    return w


def _ago(m: re.Match[str], ctx: Ctx) -> Found | None:
    c = count(m["n"]) if m["n"] else (0, True)
    if c is None:
        return None
    unit, prec = unit_precision(m["unit"], c[1])
    w = relative(ctx, unit, -(c[0] or VAGUE[unit]), prec)  # type: ignore[arg-type]
    return snippet_age(w, m, ctx)


def _shifted(m: re.Match[str], ctx: Ctx) -> Found | None:
    c = count(m["n"]) if m["n"] else (0, True)
    if c is None:
        return None
    unit, prec = unit_precision(m["unit"], c[1])
    n = c[0] or VAGUE[unit]
    rel = " ".join(m["rel"].lower().split())
    sign = 1 if rel in ("later", "after", "afterwards", "afterward") else -1
    names_event = re.match(r"\s+[\w’'“\"]", ctx.text[m.end() : m.end() + 3])
    event = rel in ("before", "after", "prior to", "ahead of") and names_event
    return Deferred(unit, sign * n, prec, "event" if event else "narrative")  # type: ignore[arg-type]


_ENDED = re.compile(
    r"\b(?:end|ended|ends|ending|concluded?|concludes|wrap(?:ped|s)? up|left|leaves|wound up)\b",
    re.I,
)


def _span(m: re.Match[str], ctx: Ctx) -> Found | None:
    c = count(m["n"])
    if c is None or not 2 <= c[0] <= 31:
        return None
    ends = _ENDED.search(ctx.text, ctx.sent_start, m.start())
    return Deferred("day", -(c[0] - 1) if ends else c[0] - 1, "day", "span")


def _iso(m: re.Match[str], ctx: Ctx) -> Found | None:
    return explicit(int(m["y"]), int(m["m"]), int(m["d"]))


_PRE_MONTH = (
    "in|In|since|Since|until|Until|till|by|By|from|From|early|Early|late|Late|last|Last|next|"
    "Next|this|This|of|during|During|through|before|Before|after|After|mid|Mid|between"
)
_PRE_YEAR = re.compile(
    r"\b(?:in|since|by|from|until|till|during|before|after|early|late|mid|the|around|circa|"
    r"between|through|end|spring|summer|autumn|fall|winter|year|fiscal|of)[\s-]+\Z",
    re.I,
)


def _alts(words: dict[str, object]) -> str:
    keys = sorted(words, key=len, reverse=True)
    return "|".join(k.replace(" ", r"\s+") for k in keys)


_K_MONTHS = frozenset(_MONTH_KEYS) | frozenset(_FULL.lower().split("|")) | {"sept"}
_K_WEEKDAYS = frozenset(_WEEKDAYS.lower().split("|"))
_K_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_K_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})
_K_SIMPLE = (
    frozenset({"today", "tonight", "tomorrow", "yesterday", "last", "this", "next"}),
    frozenset({"today", "tonight", "tomorrow", "yesterday", "night", "morning", "afternoon",
               "evening", "week", "month", "year"}),
)  # fmt: skip
_K_NARRATIVE = (
    frozenset({"next", "following", "previous", "same", "before", "later", "earlier"}),
    _K_UNITS,
)
_K_SHIFTED = (
    frozenset({"later", "earlier", "before", "after", "advance", "prior", "ahead", "beforehand",
               "afterwards", "afterward"}),
    _K_UNITS,
)  # fmt: skip
_K_SPAN = (
    frozenset({"day"}),
    frozenset({"visit", "trip", "tour", "summit", "meeting", "talks", "conference", "forum",
               "session", "exercise", "exercises", "drill", "drills", "stay", "mission"}),
)  # fmt: skip

RULES = [
    (
        re.compile(
            rf"\b(?:{_WEEKDAYS}),?\s*\(\s*(?P<mon>{_MONTH})\s*(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\s*\)"
        ),
        _mdy,
        (_K_MONTHS, K_NUMBER),
    ),
    (
        re.compile(
            rf"\b(?P<mon>{_MONTH})\s*(?P<d>{_DAY})\b"
            rf"(?:{_RANGE}(?:(?P<mon2>{_MONTH})\s*)?(?P<d2>{_DAY})\b)?"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?{_NOT_AMOUNT}"
        ),
        _mdy,
        (_K_MONTHS, K_NUMBER),
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?P<d>{_DAY})(?:{_RANGE}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<mon>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
        ),
        _mdy,
        (_K_MONTHS, K_NUMBER),
    ),
    (
        re.compile(rf"\b(?P<mon>{_MONTH})(?:\s+of)?,?\s+(?P<y>{_YEAR})\b"),
        _month_year,
        (_K_MONTHS, K_YEAR),
    ),
    (
        re.compile(
            rf"\b(?P<pre>{_PRE_MONTH})[\s-]+(?:(?:early|late|mid)[\s-]+)?(?P<mon>{_FULL})\b"
            rf"(?!\s*\d)(?:\s+(?P<rel>this|last|next)\s+year\b)?"
        ),
        _month_only,
        (_K_MONTHS,),
    ),
    (
        re.compile(
            rf"(?<![$€£¥#\d.,/])\b(?P<y>{_YEAR})"
            rf"(?:\s*[-–]\s*(?P<y2>{_YEAR}|\d\d))?\b(?![.,]\d|-\d)"
        ),
        _year,
        (K_YEAR,),
    ),
    (
        re.compile(
            r"\b(?:(?P<on>[Oo]n|[Ee]arlier on|[Ll]ater on|[Ll]ate on|[Ee]arly on)\s+)?"
            r"the\s+(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
        ),
        _ordinal_day,
        (_K_ORDINAL, frozenset({"the"})),
    ),
    (
        re.compile(
            rf"\b(?:(?P<mod>last|next|this|past|Last|Next|This|Past)\s+)?(?P<wd>{_WEEKDAYS})\b"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
        ),
        _weekday,
        (_K_WEEKDAYS,),
    ),
    (
        re.compile(rf"\b(?i:{_alts(_SIMPLE)})\b"),
        _simple,
        _K_SIMPLE,
    ),
    (
        re.compile(rf"\b(?i:{_alts(_NARRATIVE)})\b"),
        _narrative,
        _K_NARRATIVE,
    ),
    (
        re.compile(rf"\b(?i:(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\s+ago)\b"),
        _ago,
        (frozenset({"ago"}),),
    ),
    (
        re.compile(
            r"\b(?i:(?:(?:just|only|some|about|nearly|almost|barely|roughly|less than|more than|"
            rf"over)\s+)?(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\s+(?P<rel>later|earlier|before|"
            r"after|afterwards|afterward|in\s+advance|prior\s+to|ahead\s+of|beforehand))\b"
        ),
        _shifted,
        _K_SHIFTED,
    ),
    (
        re.compile(
            rf"\b(?i:(?P<n>{_NUM}|\d{{1,2}})-day\s+(?:(?:state|official|working|bilateral|"
            r"historic|diplomatic|international)\s+)?(?:visit|trip|tour|summit|meeting|talks|"
            r"conference|forum|session|exercises?|drills?|stay|mission))\b"
        ),
        _span,
        _K_SPAN,
    ),
    (
        re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"),
        _iso,
        (K_YEAR,),
    ),
]
"""(pattern, handler, keys): a handler returns None when the match is not a time expression; the
rule runs only on sentences whose words meet every one of its ``keys`` (sets of lower-case
words; ``#d``: a number, ``#4``: a four-digit number)."""
