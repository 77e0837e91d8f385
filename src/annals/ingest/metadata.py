"""Outlet, publication date and title found in an article's own text.

News text carries its publisher and date in datelines and bylines: ``[The Epoch Times, October
23, 2022]``, ``• REUTERS``, ``MOSCOW, May 16. /TASS/.``, ``WASHINGTON (Reuters) -``,
``新华社北京3月22日电``, ``2023年3月22日``, ``16 мая 2024 года``, or a date in parentheses in the
first sentence. When none is there, the latest year the text mentions is a lower bound of when it
was written and is recorded as an inferred year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from annals.records import Precision

MONTHS_EN = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTHS_RU = {
    stem: number
    for number, stem in enumerate(
        [
            "январ",
            "феврал",
            "март",
            "апрел",
            "ма",
            "июн",
            "июл",
            "август",
            "сентябр",
            "октябр",
            "ноябр",
            "декабр",
        ],
        start=1,
    )
}

_EN_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS_EN, key=len, reverse=True)) + r")\.?"
_EN_DATE = _EN_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_RU_DATE = (
    r"(?P<day>\d{1,2})\s+(?P<month>января|февраля|марта|апреля|мая|июня|июля|августа|сентября"
    r"|октября|ноября|декабря)(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:года|г\.))?)?"
)
_ZH_DATE = (
    r"(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
)

EN_DATE = re.compile(r"\b" + _EN_DATE + r"\b", re.IGNORECASE)
# "4 August 2008", the British and wire-service order
EN_DAY_FIRST = re.compile(
    r"\b(?P<day>\d{1,2})\s+" + _EN_MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)
RU_DATE = re.compile(r"\b" + _RU_DATE, re.IGNORECASE)
ZH_DATE = re.compile(_ZH_DATE)
# "2023/12/19", "2023-12-19", "2023.12.19"; "12/22/2023" (month first unless the first number
# cannot be a month)
NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
    r"(?![\d/.-]\d)"
    r"|(?<![\d/.-])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year2>(?:19|20)\d\d)(?![\d/])"
)
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")

# Datelines, bylines and mastheads on the first lines of an article.
BRACKET_DATELINE = re.compile(
    r"^\W{0,3}\[(?P<outlet>[^,\]\n]{2,60}),[^\]\n]{0,40}?(?P<date>" + _EN_DATE + r")\s*\]",
    re.IGNORECASE,
)
BULLET_BYLINE = re.compile(
    r"^(?:By [^•·▪■\n]{2,60}?)?[•·▪■][ \t]*(?P<outlet>[A-Z][A-Za-z0-9 .&'’-]{1,40}?)[ \t]*$"
)
SLASH_OUTLET = re.compile(r"^[^\n/]{2,80}?[.,]\s*/(?P<outlet>[^/\n]{2,40})/")
PAREN_OUTLET = re.compile(
    r"^[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё0-9 .,'-]{1,60}?\((?P<outlet>[A-Z][A-Za-z .&]{1,30})\)\s*[-–—]"
)
_ZH_OUTLET = r"[\u4e00-\u9fff]{2,10}?(?:社|报|報|台|网|網|刊)"
ZH_AGENCY = re.compile(
    r"^(?:(?:19|20)\d\d年\d{1,2}月\d{1,2}日\s*)?(?P<outlet>" + _ZH_OUTLET + r")"
    r"(?:讯|訊|电|電|[\u4e00-\u9fff]{1,6}(?:(?:19|20)\d\d年)?\d{1,2}月\d{1,2}日[电電])"
)
# "2022年9月16日　星期五　东方观察报": a date line that ends with the paper's name
ZH_MASTHEAD = re.compile(
    r"^(?:19|20)\d\d年\d{1,2}月\d{1,2}日[\s　]*(?:星期.|周.|週.)?[\s　]*(?P<outlet>"
    + _ZH_OUTLET
    + r")$"
)
# "Outlet | 25 February 2022", "*The Review · Analysis · June 21, 2023*"
MASTHEAD_SEPARATOR = re.compile(r"\s+[|·•—]\s+|,\s+(?=\d{1,2}\s+[A-Za-z]|[A-Z][a-z]+\.?\s+\d)")
PAREN_DATE = re.compile(r"\((?P<date>" + _EN_DATE + r")\)", re.IGNORECASE)
GENERIC_PAPER = {"本报", "本報", "本社", "本台", "本网", "本網"}

TOP_LINES = 6
TOP_CHARS_FOR_SENTENCE = 400
"""Datelines and mastheads are looked for on this many non-empty lines at the top."""


def top_lines(text: str) -> list[str]:
    """The first non-empty lines, stripped of surrounding space and markdown emphasis."""
    lines = []
    for line in text[:1200].splitlines():
        line = line.strip().strip("*_#> ").strip()
        if line:
            lines.append(line)
        if len(lines) == TOP_LINES:
            break
    return lines


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, with its precision and where it came from."""

    value: str
    precision: Precision
    how: str
    """``dateline`` or ``inferred``."""


@dataclass(frozen=True)
class TextMetadata:
    """What the text itself says about its outlet, date and title."""

    outlet: str | None = None
    published: FoundDate | None = None
    title: str | None = None


def clean_outlet(name: str) -> str | None:
    """An outlet name as people write it: ``REUTERS`` -> ``Reuters``, ``TASS`` stays."""
    name = re.sub(r"\s+", " ", name).strip(" .,:;-–—'\"")
    if not name or len(name) > 60:
        return None
    if name.isupper() and len(name) > 5 and name.isascii():
        name = " ".join(w if len(w) <= 3 else w.capitalize() for w in name.split())
    return name


def _date_from_match(match: re.Match, months: dict[str, int] | None, fallback_year: int | None):
    month_text = match.group("month").lower().rstrip(".")
    if months is MONTHS_RU:
        month = next(n for stem, n in MONTHS_RU.items() if month_text.startswith(stem))
    elif months is None:
        month = int(month_text)
    else:
        month = months[month_text]
    year = int(match.group("year")) if match.group("year") else fallback_year
    try:
        return date(year, month, int(match.group("day"))) if year else None
    except ValueError:
        return None


def latest_year(text: str, today: date | None = None) -> int | None:
    """The latest plausible year the text mentions (not in the future)."""
    limit = (today or date.today()).year
    years = [int(m.group()) for m in YEAR.finditer(text)]
    years = [y for y in years if 1900 <= y <= limit]
    return max(years) if years else None


def _dates_in(fragment: str, inferred_year: int | None) -> list[tuple[date, bool]]:
    """Dates in ``fragment`` in the three languages, each with whether its year was written."""
    found = []
    patterns = (
        (EN_DATE, MONTHS_EN),
        (EN_DAY_FIRST, MONTHS_EN),
        (RU_DATE, MONTHS_RU),
        (ZH_DATE, None),
    )
    for pattern, months in patterns:
        for match in pattern.finditer(fragment):
            value = _date_from_match(match, months, inferred_year)
            if value:
                found.append((match.start(), value, bool(match.group("year"))))
    return [(value, has_year) for _, value, has_year in sorted(found, key=lambda f: f[0])]


def _numeric_date(match: re.Match) -> date | None:
    if match.group("year"):
        year, month, day = match.group("year", "month", "day")
    else:
        first, second = int(match.group("first")), int(match.group("second"))
        if first <= 12 and second <= 12 and first != second:
            return None  # 05/12/2023: May 12 in the US, 5 December elsewhere
        month, day = (second, first) if first > 12 else (first, second)
        year = match.group("year2")
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_written_date(text: str, near: date | None = None) -> tuple[int, str] | None:
    """(where it starts, ISO date) of the first complete date (year included) written in
    ``text``: ``Dec. 22, 2023``, ``Sunday 17 December 2023``, ``22 декабря 2023``,
    ``2023年12月22日``, ``2023/12/19``, ``12/22/2023``. A numeric date whose day and month could
    be swapped is not one. Given a date ``near`` the one meant (a timestamp in another time
    zone), a date without its year (``Posted Nov 18, 8:19 PM``) takes the year closest to it."""
    found: list[tuple[int, date]] = []
    yearless: list[tuple[int, re.Match, dict | None]] = []
    for pattern, months in (
        (EN_DATE, MONTHS_EN),
        (EN_DAY_FIRST, MONTHS_EN),
        (RU_DATE, MONTHS_RU),
        (ZH_DATE, None),
    ):
        for match in pattern.finditer(text):
            if match.group("year"):
                value = _date_from_match(match, months, None)
                if value:
                    found.append((match.start(), value))
                break
            yearless.append((match.start(), match, months))
    for match in NUMERIC_DATE.finditer(text):
        value = _numeric_date(match)
        if value:
            found.append((match.start(), value))
            break
    if not found and near is not None:
        for start, match, months in sorted(yearless, key=lambda y: y[0]):
            dates = [_date_from_match(match, months, near.year + shift) for shift in (-1, 0, 1)]
            dates = [d for d in dates if d]
            if dates:
                found.append((start, min(dates, key=lambda d: abs((d - near).days))))
                break
    if not found:
        return None
    start, value = min(found)
    return start, value.isoformat()


def written_date(text: str) -> str | None:
    """The first complete date written in ``text``, as ISO (see ``find_written_date``)."""
    found = find_written_date(text)
    return found[1] if found else None


def _masthead(line: str) -> tuple[str, str] | None:
    """(outlet, date part) of a masthead line such as ``Outlet | 25 February 2022``."""
    parts = [p.strip() for p in MASTHEAD_SEPARATOR.split(line)]
    if len(parts) < 2:
        return None
    dated = [p for p in parts if _dates_in(p, None)]
    names = [p for p in parts if p not in dated]
    if not dated or not names or len(names[0]) > 40:
        return None
    return names[0], dated[0]


def find_date(text: str, inferred_year: int | None) -> FoundDate | None:
    """The publication date given by a dateline or masthead, a line that is a date, or a date in
    parentheses in the first sentence. A dateline without a year takes the latest year the text
    mentions."""
    lines = top_lines(text)
    fragments: list[tuple[str, bool]] = []
    for line in lines:
        for pattern in (BRACKET_DATELINE, SLASH_OUTLET, PAREN_OUTLET, ZH_AGENCY, ZH_MASTHEAD):
            match = pattern.match(line)
            if match:
                fragments.append((match.group(), True))
        masthead = _masthead(line)
        if masthead:
            fragments.append((masthead[1], True))
    first_sentence = re.split(r"(?<=[.!?。！？])\s", text[:TOP_CHARS_FOR_SENTENCE], maxsplit=1)[0]
    fragments += [(m.group(), False) for m in PAREN_DATE.finditer(first_sentence)]
    fragments += [(line[:120], False) for line in lines[:3]]
    for fragment, is_dateline in fragments:
        for value, has_year in _dates_in(fragment, inferred_year):
            if has_year:
                return FoundDate(value.isoformat(), "day", "dateline")
            if is_dateline:
                return FoundDate(value.isoformat(), "day", "inferred")
    return None


def find_outlet(text: str) -> str | None:
    """The publisher named in a dateline, byline or masthead at the top of the text."""
    for line in top_lines(text):
        for pattern in (
            BRACKET_DATELINE,
            BULLET_BYLINE,
            SLASH_OUTLET,
            PAREN_OUTLET,
            ZH_AGENCY,
            ZH_MASTHEAD,
        ):
            match = pattern.match(line)
            if match and match.group("outlet") not in GENERIC_PAPER:
                outlet = clean_outlet(match.group("outlet"))
                if outlet:
                    return outlet
        masthead = _masthead(line)
        if masthead:
            return clean_outlet(masthead[0])
    return None


def find_title(text: str) -> str | None:
    """A headline: a short first line without final punctuation, followed by a blank line."""
    match = re.match(r"\s*(?:#+\s*)?(?P<title>[^\n]{3,200})\n[ \t]*\n", text)
    if not match:
        return None
    title = match.group("title").strip()
    if title.endswith((".", "。", ":", "：", ",")) or BRACKET_DATELINE.match(title):
        return None
    if _masthead(title) is not None:  # "AFP, 4 August 2008" is a dateline, not a headline
        return None
    if BULLET_BYLINE.match(title) or (len(title.split()) < 3 and len(title) < 8):
        return None
    return title


def read_text_metadata(text: str, today: date | None = None) -> TextMetadata:
    """Outlet, publication date and title as far as the text itself says them."""
    year = latest_year(text, today)
    published = find_date(text, year)
    if published is None and year is not None:
        published = FoundDate(str(year), "year", "inferred")
    return TextMetadata(outlet=find_outlet(text), published=published, title=find_title(text))
