"""Chinese time-expression rules (run on the simplified view of the text)."""

from __future__ import annotations

import re

from annals.text.rules_en import snippet_age, unit_precision
from annals.text.when import (
    UNRESOLVED,
    VAGUE,
    Ctx,
    Deferred,
    Found,
    cn_number,
    explicit,
    relative,
    resolve_dom,
    resolve_md,
    resolve_weekday,
    with_range,
)

_CN_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_CN_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_CN_DAY = r"(?:[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_RANGE = (
    r"(?:\s*(?:至|到|—|－|-|–|~|～)\s*"
    rf"(?:(?P<m2>{_CN_MONTH})\s*月\s*)?(?P<d2>{_CN_DAY})\s*[日号]?)?"
)
_WEEKDAY = "一二三四五六日天"
_NUM = r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3}|几|数)"

FUTURE = re.compile(r"将|即将|计划|拟|预计|准备|定于|还将|会在|打算")


def _n(s: str | None) -> int | None:
    return cn_number(s.strip()) if s else None


def _ymd(m: re.Match[str], ctx: Ctx) -> Found | None:
    y, mo, d = _n(m["y"]), _n(m["m"]), _n(m["d"])
    if y is None or mo is None or d is None:
        return None
    return with_range(explicit(y, mo, d), _n(m["m2"]), _n(m["d2"]))


def _ym(m: re.Match[str], ctx: Ctx) -> Found | None:
    y, mo = _n(m["y"]), _n(m["m"])
    return explicit(y, mo) if y and mo else None


def _y(m: re.Match[str], ctx: Ctx) -> Found | None:
    y = _n(m["y"])
    return explicit(y) if y and 1800 <= y <= 2100 else None


_REL_YEAR = {"去年": -1, "今年": 0, "本年": 0, "明年": 1, "前年": -2}


def _rel_year(m: re.Match[str], ctx: Ctx) -> Found | None:
    if ctx.pub is None:
        return UNRESOLVED
    n = _REL_YEAR[m["rel"]]
    mo, d = _n(m["m"]), _n(m["d"])
    if mo is None:
        return relative(ctx, "year", n, "year")
    return explicit(ctx.pub.day.year + n, mo, d)


def _md(m: re.Match[str], ctx: Ctx) -> Found | None:
    mo, d = _n(m["m"]), _n(m["d"])
    if mo is None or d is None:
        return None
    return with_range(resolve_md(ctx, mo, d, m.span()), _n(m["m2"]), _n(m["d2"]))


def _month(m: re.Match[str], ctx: Ctx) -> Found | None:
    mo = _n(m["m"])
    return resolve_md(ctx, mo, None, m.span()) if mo else None


def _dom(m: re.Match[str], ctx: Ctx) -> Found | None:
    d = _n(m["d"])
    return resolve_dom(ctx, d, m.span()) if d else None


_SIMPLE = {
    "今天": ("day", 0, "day"), "今日": ("day", 0, "day"), "今晨": ("day", 0, "day"),
    "今早": ("day", 0, "day"), "今晚": ("day", 0, "day"), "今夜": ("day", 0, "day"),
    "昨天": ("day", -1, "day"), "昨日": ("day", -1, "day"), "昨晚": ("day", -1, "day"),
    "昨夜": ("day", -1, "day"), "前天": ("day", -2, "day"), "明天": ("day", 1, "day"),
    "明日": ("day", 1, "day"), "后天": ("day", 2, "day"),
    "上周": ("week", -1, "month"), "上星期": ("week", -1, "month"),
    "上个星期": ("week", -1, "month"), "上礼拜": ("week", -1, "month"),
    "本周": ("week", 0, "month"), "这周": ("week", 0, "month"), "本星期": ("week", 0, "month"),
    "这个星期": ("week", 0, "month"), "下周": ("week", 1, "month"),
    "下星期": ("week", 1, "month"), "下个星期": ("week", 1, "month"),
    "本月": ("month", 0, "month"), "这个月": ("month", 0, "month"),
    "上个月": ("month", -1, "month"), "上月": ("month", -1, "month"),
    "下个月": ("month", 1, "month"), "下月": ("month", 1, "month"),
}  # fmt: skip
_NARRATIVE = {
    "当天": ("day", 0, "day"), "当日": ("day", 0, "day"), "同日": ("day", 0, "day"),
    "同一天": ("day", 0, "day"), "次日": ("day", 1, "day"), "翌日": ("day", 1, "day"),
    "第二天": ("day", 1, "day"), "隔天": ("day", 1, "day"), "前一天": ("day", -1, "day"),
    "当月": ("month", 0, "month"), "同月": ("month", 0, "month"), "当年": ("year", 0, "year"),
    "同年": ("year", 0, "year"), "次年": ("year", 1, "year"), "翌年": ("year", 1, "year"),
}  # fmt: skip


def _simple(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit, n, prec = _SIMPLE[m.group()]
    return relative(ctx, unit, n, prec)  # type: ignore[arg-type]


def _narrative(m: re.Match[str], ctx: Ctx) -> Found | None:
    unit, n, prec = _NARRATIVE[m.group()]
    return Deferred(unit, n, prec, "narrative")  # type: ignore[arg-type]


def _weekday(m: re.Match[str], ctx: Ctx) -> Found | None:
    wd = _WEEKDAY.index(m["wd"])
    wd = 6 if wd == 7 else wd
    week = m["week"] or ""
    mode = "prev_week" if week.startswith("上") else "next_week" if week.startswith("下") else ""
    if week and not mode:
        mode = "this"
    return resolve_weekday(ctx, wd, m.span(), mode)


_UNITS = {"天": "day", "日": "day", "周": "week", "星期": "week", "个星期": "week",
          "个月": "month", "月": "month", "年": "year"}  # fmt: skip


def _shift(m: re.Match[str], ctx: Ctx) -> Found | None:
    raw = m["n"]
    vague = raw in ("几", "数")
    n = 0 if vague else _n(raw)
    if n is None:
        return None
    unit, prec = unit_precision(_UNITS[m["unit"]], vague)
    n = n or VAGUE[unit]
    if m["dir"].endswith("前"):
        return snippet_age(relative(ctx, unit, -n, prec), m, ctx)  # type: ignore[arg-type]
    return Deferred(unit, n, prec, "narrative")  # type: ignore[arg-type]


def _span(m: re.Match[str], ctx: Ctx) -> Found | None:
    n = _n(m["n"])
    if n is None or not 2 <= n <= 31:
        return None
    ends = re.search("结束|完成|圆满", ctx.text[ctx.sent_start : m.end() + 4])
    return Deferred("day", -(n - 1) if ends else n - 1, "day", "span")


def _alts(words: dict[str, object]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


RULES = [
    (
        re.compile(
            rf"(?P<y>{_CN_YEAR})\s*年\s*(?P<m>{_CN_MONTH})\s*月\s*(?P<d>{_CN_DAY})\s*[日号]{_RANGE}"
        ),
        _ymd,
        (frozenset("年"),),
    ),
    (
        re.compile(rf"(?P<y>{_CN_YEAR})\s*年\s*(?P<m>{_CN_MONTH})\s*月(?!\s*\d)"),
        _ym,
        (frozenset("年"),),
    ),
    (
        re.compile(rf"(?<![\d.])(?P<y>{_CN_YEAR})\s*年(?!代|龄|级|\s*\d+\s*月)"),
        _y,
        (frozenset("年"),),
    ),
    (
        re.compile(
            rf"(?P<rel>{_alts(_REL_YEAR)})(?:\s*(?P<m>{_CN_MONTH})\s*月(?:\s*(?P<d>{_CN_DAY})\s*[日号])?)?"
        ),
        _rel_year,
        (frozenset("年"),),
    ),
    (
        re.compile(rf"(?<![\d年个])(?P<m>{_CN_MONTH})\s*月\s*(?P<d>{_CN_DAY})\s*[日号]{_RANGE}"),
        _md,
        (frozenset("月"),),
    ),
    (
        re.compile(
            rf"(?<![\d年个第每])(?P<m>{_CN_MONTH})月(?:份)?(?=初|中|底|末|上旬|中旬|下旬|以来|间|的|"
            r"[,，、。;；]|起|至|到|期间|时|\s)"
        ),
        _month,
        (frozenset("月"),),
    ),
    (
        re.compile(
            r"(?<![\d月号日年周期第每个数几])(?P<d>[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?)"
            r"日(?![本元圆币军语籍文方记报])"
        ),
        _dom,
        (frozenset("日"),),
    ),
    (
        re.compile(_alts(_SIMPLE)),
        _simple,
        (frozenset("今昨前明后周星礼月"),),
    ),
    (
        re.compile(_alts(_NARRATIVE)),
        _narrative,
        (frozenset("当同次翌第隔前年"),),
    ),
    (
        re.compile(
            rf"(?<!每)(?P<week>上个?|下个?|本|这个?)?(?:星期|礼拜|周)(?P<wd>[{_WEEKDAY}])(?!年|边|围|期|末)"
        ),
        _weekday,
        (frozenset("周星礼"),),
    ),
    (
        re.compile(
            rf"(?<![\d.])(?P<n>{_NUM})\s*(?P<unit>个星期|星期|个月|天|日|周|年|月)(?P<dir>以前|之前|前|以后|之后|后)"
        ),
        _shift,
        (frozenset("前后"),),
    ),
    (
        re.compile(r"(?:为期)?(?P<n>\d{1,2}|[两二三四五六七八九十])天的?(?:国事|正式|工作)?访问"),
        _span,
        (frozenset("访"),),
    ),
]
"""(pattern, handler, key) triples, as in :mod:`annals.text.rules_en`."""
