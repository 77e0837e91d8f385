"""Russian time-expression rules."""

from __future__ import annotations

import re

from annals.text.rules_en import snippet_age, unit_precision
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
    resolve_md,
    resolve_weekday,
    with_range,
)

_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря")  # fmt: skip
_PREP = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
         "октябре", "ноябре", "декабре")  # fmt: skip
_MONTH_GEN = "|".join(_GEN)
_MONTH_PREP = "|".join(_PREP)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:-?го)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_WORD = r"(?:году|года|годах|годы|год|гг?\.|г\b)"
_NUM = (
    r"(?:\d{1,3}|один|одну|одна|одного|два|две|двух|три|трех|трёх|четыре|четырех|четырёх|пять|"
    r"пяти|шесть|шести|семь|семи|восемь|восьми|девять|десять|десяти|несколько|нескольких)"
)
_UNIT = r"(?:дн(?:я|ей|ям)|день|сутки|суток|недел[юиь]|недель|месяц(?:а|ев)?|год(?:а)?|лет)"
_WEEKDAYS = ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье")

FUTURE = re.compile(
    r"(?i:\b(?:будет|будут|состоится|состоятся|планирует|планируют|планируется|намерен\w*|"
    r"предстоящ\w*|пройдет|пройдут|ожидается|собирается|посетит|проведет|проведут))"
)


def _month_gen(name: str | None) -> int | None:
    return _GEN.index(name.lower()) + 1 if name else None


def _day(s: str | None) -> int | None:
    return int(s.removesuffix("го").rstrip("-")) if s else None


def _dmy(m: re.Match[str], ctx: Ctx) -> Found | None:
    month, day = _month_gen(m["mon"]), _day(m["d"])
    if month is None or day is None:
        return None
    y = m["y"]
    w = explicit(int(y), month, day) if y else resolve_md(ctx, month, day, m.span())
    d2 = _day(m.groupdict().get("d2"))
    return with_range(w, _month_gen(m.groupdict().get("mon2")), d2)


_REL_YEAR = {"прошлого": -1, "минувшего": -1, "этого": 0, "текущего": 0, "нынешнего": 0,
             "следующего": 1, "будущего": 1, "позапрошлого": -2}  # fmt: skip
_YEAR_REL = rf"(?:\s+(?P<y>{_YEAR})\s*{_YEAR_WORD}?|\s+(?P<rel>{'|'.join(_REL_YEAR)})\s+года)?"


def _month(m: re.Match[str], ctx: Ctx) -> Found | None:
    gd = m.groupdict()
    name = m["mon"].lower()
    month = (_PREP.index(name) if name in _PREP else _GEN.index(name)) + 1
    if gd.get("y"):
        return explicit(int(gd["y"]), month)
    if gd.get("rel"):
        if ctx.pub is None:
            return UNRESOLVED
        return explicit(ctx.pub.day.year + _REL_YEAR[gd["rel"].lower()], month) or UNRESOLVED
    return resolve_md(ctx, month, None, m.span())


def _year(m: re.Match[str], ctx: Ctx) -> Found | None:
    w = explicit(int(m["y"]))
    y2 = m.groupdict().get("y2")
    if w and y2:
        end = explicit(int(y2))
        if end and end.day > w.day:
            return When(w.day, "year", end.day)
    return w


_MODS = {"прошл": "last", "минувш": "last", "следующ": "next", "ближайш": "on_after",
         "эт": "this"}  # fmt: skip


def _weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    mod = (m["mod"] or "").lower()
    mode = next((v for k, v in _MODS.items() if mod.startswith(k)), "")
    return resolve_weekday(ctx, _WEEKDAYS.index(m["wd"].lower()), m.span(), mode)


_SIMPLE = {
    "сегодня": ("day", 0, "day"),
    "вчера": ("day", -1, "day"),
    "позавчера": ("day", -2, "day"),
    "завтра": ("day", 1, "day"),
    "послезавтра": ("day", 2, "day"),
    "на прошлой неделе": ("week", -1, "month"),
    "на минувшей неделе": ("week", -1, "month"),
    "на этой неделе": ("week", 0, "month"),
    "на текущей неделе": ("week", 0, "month"),
    "на следующей неделе": ("week", 1, "month"),
    "в прошлом месяце": ("month", -1, "month"),
    "в минувшем месяце": ("month", -1, "month"),
    "в этом месяце": ("month", 0, "month"),
    "в текущем месяце": ("month", 0, "month"),
    "в следующем месяце": ("month", 1, "month"),
    "в прошлом году": ("year", -1, "year"),
    "в минувшем году": ("year", -1, "year"),
    "в позапрошлом году": ("year", -2, "year"),
    "в этом году": ("year", 0, "year"),
    "в текущем году": ("year", 0, "year"),
    "в нынешнем году": ("year", 0, "year"),
    "ранее в этом году": ("year", 0, "year"),
    "в следующем году": ("year", 1, "year"),
    "в будущем году": ("year", 1, "year"),
}


def _simple(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit, n, prec = _SIMPLE[" ".join(m.group().lower().split())]
    return relative(ctx, unit, n, prec)  # type: ignore[arg-type]


_VERB_END = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|ет|ют|ит|ят|ется|ются)\Z")


def _eve(m: re.Match[str], ctx: Ctx) -> Found | None:
    """ "накануне": the day before publication, or before the event it names ("накануне визита")."""
    nxt = re.match(r"\s+([а-яё]+)", ctx.text[m.end() : m.end() + 30])
    if (
        nxt
        and not _VERB_END.search(nxt.group(1))
        and re.search(r"(?:а|я|ов|ей|ий|и|ы)\Z", nxt.group(1))
    ):
        return Deferred("day", -1, "day", "event")
    return relative(ctx, "day", -1, "day")


def _ago(m: re.Match[str], ctx: Ctx) -> Found | None:
    c = count(m["n"]) if m["n"] else (1, False)
    if c is None:
        return None
    unit, prec = unit_precision(_unit(m["unit"]), c[1])
    w = relative(ctx, unit, -(c[0] or VAGUE[unit]), prec)  # type: ignore[arg-type]
    return snippet_age(w, m, ctx)


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith(("дн", "ден", "сут")):
        return "day"
    if w.startswith("недел"):
        return "week"
    if w.startswith("месяц"):
        return "month"
    return "year"


def _later(m: re.Match[str], ctx: Ctx) -> Found | None:
    c = count(m["n"]) if m["n"] else (1, False)
    if c is None:
        return None
    unit, prec = unit_precision(_unit(m["unit"]), c[1])
    n = c[0] or VAGUE[unit]
    if m.groupdict().get("before"):
        return Deferred(unit, -n, prec, "event")  # type: ignore[arg-type]
    return Deferred(unit, n, prec, "narrative")  # type: ignore[arg-type]


_SPAN_N = {"двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6,
           "семи": 7}  # fmt: skip


def _span(m: re.Match[str], ctx: Ctx) -> Found | None:
    n = _SPAN_N[m["n"].lower()]
    ends = re.search(r"(?i:заверш|оконч)", ctx.text[ctx.sent_start : m.start()])
    return Deferred("day", -(n - 1) if ends else n - 1, "day", "span")


def _numeric(m: re.Match[str], ctx: Ctx) -> Found | None:
    return explicit(int(m["y"]), int(m["m"]), int(m["d"]))


def _alts(words: dict[str, object]) -> str:
    return "|".join(k.replace(" ", r"\s+") for k in sorted(words, key=len, reverse=True))


_K_GEN = frozenset(_GEN)
_K_SPAN = frozenset({"визит", "визитом", "визита", "поездки", "поездку", "поездкой", "турне",
                     "саммит", "саммита", "переговоры", "переговоров", "встречи", "встречу",
                     "учения", "учений"})  # fmt: skip

RULES = [
    (
        re.compile(
            rf"(?i:\b(?:с\s+)?(?P<d>{_DAY})(?:\s*(?:-|–|—|и|по)\s*(?P<d2>{_DAY}))?\s+"
            rf"(?P<mon>{_MONTH_GEN})(?:\s+(?P<y>{_YEAR})(?:\s*{_YEAR_WORD})?)?)"
        ),
        _dmy,
        (K_NUMBER, _K_GEN),
    ),
    (
        re.compile(
            rf"(?i:\bс\s+(?P<d>{_DAY})\s+(?P<mon>{_MONTH_GEN})\s+по\s+(?P<d2>{_DAY})\s+"
            rf"(?P<mon2>{_MONTH_GEN})(?:\s+(?P<y>{_YEAR})(?:\s*{_YEAR_WORD})?)?)"
        ),
        _dmy,
        (K_NUMBER, _K_GEN),
    ),
    (
        re.compile(rf"(?i:\b(?:начале|конце|середине)\s+(?P<mon>{_MONTH_GEN})\b{_YEAR_REL})"),
        _month,
        (frozenset({"начале", "конце", "середине"}), _K_GEN),
    ),
    (
        re.compile(rf"(?i:\b(?:в|во)\s+(?P<mon>{_MONTH_PREP})\b{_YEAR_REL})"),
        _month,
        (frozenset(_PREP),),
    ),
    (
        re.compile(rf"(?i:\b(?P<mon>{_MONTH_GEN})\s+(?P<y>{_YEAR})\s*{_YEAR_WORD})"),
        _month,
        (_K_GEN, K_YEAR),
    ),
    (
        re.compile(
            rf"(?i:(?<![\d.,])\b(?P<y>{_YEAR})(?:\s*[-–]\s*(?P<y2>{_YEAR}))?(?:-?м)?\s*{_YEAR_WORD})"
        ),
        _year,
        (K_YEAR,),
    ),
    (
        re.compile(
            rf"(?i:\b(?:в|во|с|до|после|к|от|по|между|со)\s+(?P<y>{_YEAR})(?:-?м)?\b(?![.,]\d|\s*%))"
        ),
        _year,
        (K_YEAR,),
    ),
    (
        re.compile(
            r"(?i:\b(?:в|во)\s+(?:(?P<mod>прошл\w+|минувш\w+|следующ\w+|ближайш\w+|эт[уоиот]\w*)\s+)?"
            rf"(?P<wd>{'|'.join(_WEEKDAYS)})\b)"
        ),
        _weekday,
        (frozenset(_WEEKDAYS),),
    ),
    (
        re.compile(rf"(?i:\b(?:{_alts(_SIMPLE)})\b)"),
        _simple,
        (
            frozenset(
                {
                    "сегодня",
                    "вчера",
                    "позавчера",
                    "завтра",
                    "послезавтра",
                    "неделе",
                    "месяце",
                    "году",
                }
            ),
        ),
    ),
    (re.compile(r"(?i:\bнакануне\b)"), _eve, (frozenset({"накануне"}),)),
    (
        re.compile(rf"(?i:\b(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\s+назад\b)"),
        _ago,
        (frozenset({"назад"}),),
    ),
    (
        re.compile(rf"(?i:\b(?:спустя|через)\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\b)"),
        _later,
        (frozenset({"спустя", "через"}),),
    ),
    (
        re.compile(rf"(?i:\b(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\s+спустя\b)"),
        _later,
        (frozenset({"спустя"}),),
    ),
    (
        re.compile(rf"(?i:\b(?P<before>за)\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})\s+до\b)"),
        _later,
        (frozenset({"за"}), frozenset({"до"})),
    ),
    (
        re.compile(
            rf"(?i:\b(?P<n>{'|'.join(_SPAN_N)})(?:х)?дневн\w+\s+(?:(?:государственн|официальн|"
            r"рабоч)\w+\s+)?(?:визит|поездк|турне|саммит|переговор|встреч|учени)\w*)"
        ),
        _span,
        (_K_SPAN,),
    ),
    (
        re.compile(r"\b(?P<d>[0-2]\d|3[01])\.(?P<m>0[1-9]|1[0-2])\.(?P<y>(?:19|20)\d\d)\b"),
        _numeric,
        (K_YEAR,),
    ),
]
"""(pattern, handler, key) triples, as in :mod:`annals.text.rules_en`."""
