"""Values of date phrases: completing a partial date from the publication date.

Split from :mod:`communique.nlp.dates` along its seam: that module *finds* date phrases
(patterns, windows, overlap); this one *resolves* a matched phrase to a contract value
(YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, --MM) by the conventions of CONTRACT.md. One handler
per pattern family, selected by the pattern's name (:data:`HANDLERS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["FUTURE_SLACK_DAYS", "HANDLERS", "DateContext", "Handler", "parse_published"]

#: A month-day up to this many days after publication is still this year (reports of
#: "tomorrow's" meeting, time-zone skew); later than that it is last year's.
FUTURE_SLACK_DAYS = 7


@dataclass(frozen=True, slots=True)
class DateContext:
    """The publication date and whether phrases are about planned events."""

    published: date | None
    future: bool


_MONTH_ABBR = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
_EN_MONTHS = {m: i for i, m in enumerate(_MONTH_ABBR, 1)}
#: Russian month stems and abbreviations, two per month ("ма" covers май/мая/мае).
_RU_MONTH_STEMS = (
    "январ", "янв", "феврал", "фев", "март", "мар", "апрел", "апр", "ма", "ма", "июн", "июн",
    "июл", "июл", "август", "авг", "сентябр", "сен", "октябр", "окт", "ноябр", "ноя",
    "декабр", "дек",
)  # fmt: skip
_RU_MONTHS = {stem: i // 2 + 1 for i, stem in enumerate(_RU_MONTH_STEMS)}
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RU_DAYS = (
    "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье",
)  # fmt: skip
_WEEKDAYS = {
    **{d: i for i, d in enumerate(_EN_DAYS)},
    **{d: i for i, d in enumerate(_RU_DAYS)},
    "среда": 2, "пятница": 4, "суббота": 5,
}  # fmt: skip
_REL_YEAR = {
    "this": 0, "last": -1, "next": 1, "этого": 0, "текущего": 0, "прошлого": -1, "следующего": 1,
    "nay": 0, "ngoái": -1, "trước": -1, "sau": 1, "tới": 1,
}  # fmt: skip
#: Number words of "two weeks ago" (English).
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_REL_DAY = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "сегодня": 0, "вчера": -1,
    "завтра": 1, "hôm nay": 0, "hôm qua": -1, "ngày mai": 1,
}  # fmt: skip


def parse_published(published: str | None) -> date | None:
    """The publication date, or None when absent or malformed (then years stay unknown)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# -- resolution ----------------------------------------------------------------------


def _month_day(month: int, day: int, year: int | None, ctx: DateContext) -> tuple[str, bool] | None:
    """A month-day, completed with the year the publication date implies."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None:
        return (_iso(year, month, day), False) if _valid(year, month, day) else None
    pub = ctx.published
    if pub is None:
        return (f"--{month:02d}-{day:02d}", True) if _valid(2000, month, day) else None
    year = pub.year
    if not _valid(year, month, day):
        return None
    candidate = date(year, month, day)
    if not ctx.future and candidate > pub + timedelta(days=FUTURE_SLACK_DAYS):
        year -= 1
    elif ctx.future and candidate < pub - timedelta(days=FUTURE_SLACK_DAYS):
        year += 1
    return (_iso(year, month, day), True) if _valid(year, month, day) else None


def _month(
    month: int, year: int | None, rel: int | None, ctx: DateContext
) -> tuple[str, bool] | None:
    """A month alone: with a year, relative to this year ("this November"), or the
    nearest such month before publication (after it, when ``future``)."""
    if not 1 <= month <= 12:
        return None
    if year is not None:
        return f"{year:04d}-{month:02d}", False
    pub = ctx.published
    if pub is None:
        if rel not in (None, 0):
            return None
        return f"--{month:02d}", True
    if rel is not None:
        return f"{pub.year + rel:04d}-{month:02d}", True
    if ctx.future:
        return f"{pub.year + (month < pub.month):04d}-{month:02d}", True
    return f"{pub.year - (month > pub.month):04d}-{month:02d}", True


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _en_month(name: str) -> int | None:
    """Month number of an English month name; it must be capitalised ("may" is a verb)."""
    if not name[:1].isupper():
        return None
    return _EN_MONTHS.get(name[:3].lower())


def _ru_month(name: str) -> int:
    word = name.lower().rstrip(".")
    for stem in sorted(_RU_MONTHS, key=len, reverse=True):
        if word.startswith(stem):
            return _RU_MONTHS[stem]
    raise AssertionError(f"the pattern admitted an unknown Russian month {name!r}")


def _year(m: re.Match[str]) -> int | None:
    return int(m["year"]) if m.groupdict().get("year") else None


def _rel(m: re.Match[str]) -> int | None:
    rel = m.groupdict().get("rel")
    return None if rel is None else _REL_YEAR.get(rel.lower(), 0)


# -- handlers: one per pattern family ------------------------------------------------

Handler = Callable[[re.Match[str], DateContext], "tuple[str, bool] | None"]


def _h_mdy(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    month = _en_month(m["mon"])
    return None if month is None else _month_day(month, int(m["day"]), _year(m), ctx)


def _h_my(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    month = _en_month(m["mon"])
    return None if month is None else _month(month, _year(m), _rel(m), ctx)


def _h_rel_month_name(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    """ "last February": the latest February before publication; "next": the first after."""
    month = _en_month(m["mon"])
    if month is None:
        return None
    rel, pub = m["rel"].lower(), ctx.published
    if pub is None or rel == "this":
        return _month(month, None, 0, ctx)
    if rel == "last":
        return f"{pub.year - (month >= pub.month):04d}-{month:02d}", True
    return f"{pub.year + (month <= pub.month):04d}-{month:02d}", True


def _h_numeric(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    """Day first; month first only when day first is impossible ("12/25/2025")."""
    day, month = int(m["day"]), int(m["mon"])
    if month > 12 >= day:
        day, month = month, day
    return _month_day(month, day, _year(m), ctx)


def _h_vi_month(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    return _month(int(m["mon"]), _year(m), _rel(m), ctx)


def _h_ru_dm(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    return _month_day(_ru_month(m["mon"]), int(m["day"]), _year(m), ctx)


def _h_ru_m(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    return _month(_ru_month(m["mon"]), _year(m), _rel(m), ctx)


def _h_year(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    return m["year"], False


def _h_rel_year(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    if ctx.published is None:
        return None
    word = m["rel"].lower()
    shift = {"этом": 0, "прошлом": -1, "следующем": 1}.get(word, _REL_YEAR.get(word, 0))
    return f"{ctx.published.year + shift:04d}", True


def _h_rel_month(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    if ctx.published is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    index = ctx.published.year * 12 + ctx.published.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}", True


def _h_rel_week(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    """ "last week": only the month of the day a week off publication is certain enough."""
    if ctx.published is None:
        return None
    day = ctx.published + timedelta(days=7 * {"this": 0, "last": -1, "next": 1}[m["rel"].lower()])
    return day.isoformat()[:7], True


def _h_ago(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    """ "three days ago": that day; "two weeks ago", "a month ago": that month."""
    if ctx.published is None:
        return None
    word = m["n"].lower()
    n = int(word) if word.isdigit() else _SMALL_NUMBERS.get(word, 1)
    unit = m["unit"].lower()
    days = n * {"day": 1, "week": 7, "month": 30}[unit]
    day = (ctx.published - timedelta(days=days)).isoformat()
    return (day if unit == "day" else day[:7]), True


def _h_rel_day(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    if ctx.published is None:
        return None
    day = ctx.published + timedelta(days=_REL_DAY[m["rel"].lower()])
    return day.isoformat(), True


def _h_weekday(m: re.Match[str], ctx: DateContext) -> tuple[str, bool] | None:
    """The nearest such weekday on or before publication (on or after, if future)."""
    if ctx.published is None:
        return None
    weekday = _WEEKDAYS[m["wd"].lower()]
    rel = (m.groupdict().get("rel") or "").lower()
    forward = ctx.future or rel == "next"
    back = (ctx.published.weekday() - weekday) % 7
    if rel == "last" and back == 0:
        back = 7
    day = (
        ctx.published + timedelta(days=(-back) % 7)
        if forward
        else ctx.published - timedelta(days=back)
    )
    return day.isoformat(), True


HANDLERS: dict[str, Handler] = {
    "mdy": _h_mdy,
    "my": _h_my,
    "m_rel": _h_my,
    "rel_m": _h_rel_month_name,
    "cue_m": _h_my,
    "ymd": _h_numeric,
    "dmy": _h_numeric,
    "dm": _h_numeric,
    "vi_m": _h_vi_month,
    "ru_dm": _h_ru_dm,
    "ru_m": _h_ru_m,
    "year": _h_year,
    "rel_y": _h_rel_year,
    "rel_mon": _h_rel_month,
    "rel_wk": _h_rel_week,
    "ago": _h_ago,
    "rel_d": _h_rel_day,
    "wd": _h_weekday,
}
