"""Date mentions in news text, resolved against the publication date.

Why a rule layer and not dateparser alone: news dates are mostly partial ("July 25",
"this November", "в июне", "ngày 9/12") and must be completed from the publication
date by the conventions of CONTRACT.md: a month-day that would fall more than a week
after publication belongs to the year before (unless the caller knows the phrase is
about the future), a month-only phrase never borrows the publication day, a range of
years is a period and no event date, and with no publication date the year stays
unknown ("--07-25", "--06").

Candidates are found by a fixed set of compiled regular expressions (linear in the
text), then the longest non-overlapping ones are kept. Output values are the contract
forms YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD and --MM.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "find_dates", "resolve_date"]

#: A month-day up to this many days after publication is still this year (reports of
#: "tomorrow's" meeting, time-zone skew); later than that it is last year's.
FUTURE_SLACK_DAYS = 7


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase at text[start:end] and its value in contract form."""

    start: int
    end: int
    text: str
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY | --MM-DD | --MM
    relative: bool  # resolved against the publication date, or lacking a year


@dataclass(frozen=True, slots=True)
class _Context:
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

_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{1,2}(?:st|nd|rd|th)?)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NO_RANGE = r"(?![-\u2013/]\d)"
_RU_GEN = (
    r"(?P<mon>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
    r"|ноября|декабря|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)\.?"
)
_RU_PREP = (
    r"(?P<mon>январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре"
    r"|ноябре|декабре)"
)
_YEAR_CUE = (
    r"(?:in|since|of|from|until|till|by|during|before|after|around|early|late|mid"
    r"|year|в|с|до|к|năm)"
)

_I = re.IGNORECASE
#: Every date phrase contains one of these: a digit, a month, a weekday, or a word
#: like "year", "today", "году", "hôm", "tháng" (see :func:`_windows`).
_ANCHOR = re.compile(
    r"\d+|\b(?=[A-Za-zА-Яа-яĐđ])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue"
    r"|wed|thu|fri|sat|sun|year|month|week|ago|today|tonight|yesterday|tomorrow|янв|фев|мар|апр"
    r"|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек|понедельник|вторник|сред|четверг|пятниц|суббот"
    r"|воскресенье|год|сегодня|вчера|завтра|hôm|ngày|tháng|năm)"
)
#: Characters of context kept on each side of an anchor: longer than any date phrase.
WINDOW = 48
#: Windows closer than this are merged: fewer, longer scans cost less than many short.
MERGE_GAP = 2000
#: (name, pattern, languages or None for all). Names select the handler below.
_PATTERNS: tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...] = (
    ("mdy", re.compile(rf"\b{_WD}{_MON}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?{_NO_RANGE}", _I), None),
    ("mdy", re.compile(rf"\b{_WD}{_DAY}\s+(?:of\s+)?{_MON}(?!\w)(?:,?\s+{_YEAR}\b)?", _I), None),
    ("my", re.compile(rf"\b{_MON},?\s+{_YEAR}\b{_NO_RANGE}", _I), None),
    ("m_rel", re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", _I), None),
    ("rel_m", re.compile(rf"\b(?P<rel>this|last|next)\s+{_MON}(?!\w)", _I), None),
    (
        "cue_m",
        re.compile(
            rf"\b(?:in|during|since|until|till|by|early|late|mid|from|on|"
            rf"end\s+of|beginning\s+of)[\s-]+{_MON}(?!\w)(?!\.?\s*\d)"
            rf"(?:\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b)?",
            _I,
        ),
        None,
    ),
    ("ymd", re.compile(rf"\b{_YEAR}-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}})\b"), None),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})[/.](?P<mon>\d{{1,2}})[/.]{_YEAR}\b"), None),
    (
        "dmy",
        re.compile(rf"\b(?P<day>\d{{1,2}})-(?P<mon>\d{{1,2}})-{_YEAR}\b"),
        frozenset({"ru", "vi"}),
    ),
    (
        "dm",
        re.compile(r"(?<![\d/.,])\b(?P<day>\d{1,2})/(?P<mon>\d{1,2})\b(?![/.,]\d)"),
        frozenset({"ru", "vi"}),
    ),
    (
        "dm",
        re.compile(
            r"\b(?:ngày|hôm)\s+(?P<day>\d{1,2})\s*[-/.]\s*(?P<mon>\d{1,2})"
            rf"(?:\s*[-/.]\s*{_YEAR})?\b(?![-/.]\d)",
            _I,
        ),
        None,
    ),
    (
        "dm",
        re.compile(
            r"\bngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<mon>\d{1,2})"
            rf"(?:\s+năm\s+{_YEAR})?\b",
            _I,
        ),
        None,
    ),
    (
        "vi_m",
        re.compile(
            r"\btháng\s+(?P<mon>\d{1,2})(?:\s*(?:/|năm)\s*"
            rf"{_YEAR}|\s+(?P<rel>này|nay))?\b(?![/.]\d)",
            _I,
        ),
        None,
    ),
    (
        "ru_dm",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:-?го)?\s+{_RU_GEN}(?!\w)(?:\s+{_YEAR}"
            r"(?:\s*(?:года|году|г\.|г\b))?)?",
            _I,
        ),
        None,
    ),
    (
        "ru_m",
        re.compile(
            rf"\bв\s+{_RU_PREP}\b(?:\s+(?:(?P<rel>этого|текущего|прошлого|"
            rf"следующего)\s+года|{_YEAR}\s*(?:года|г\.|г\b)?))?",
            _I,
        ),
        None,
    ),
    (
        "year",
        re.compile(rf"\b{_YEAR_CUE}[\s-]+{_YEAR}\b{_NO_RANGE}(?:\s*(?:году|года))?", _I),
        None,
    ),
    ("year", re.compile(rf"\b{_YEAR}\s+(?:году|года)\b"), None),
    ("rel_y", re.compile(r"\b(?P<rel>this|last|next)\s+year\b", _I), None),
    ("rel_y", re.compile(r"\bв\s+(?P<rel>этом|прошлом|следующем)\s+году\b", _I), None),
    ("rel_y", re.compile(r"\bnăm\s+(?P<rel>nay|ngoái|trước|sau|tới)\b", _I), None),
    ("rel_mon", re.compile(r"\b(?P<rel>this|last|next)\s+month\b", _I), None),
    ("rel_wk", re.compile(r"\b(?P<rel>this|last|next)\s+week(?:end)?\b", _I), None),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six)\s+(?P<unit>day|week|month)s?\s+ago\b",
            _I,
        ),
        None,
    ),
    (
        "rel_d",
        re.compile(
            r"\b(?P<rel>today|tonight|yesterday|tomorrow|сегодня|вчера|завтра"
            r"|hôm nay|hôm qua|ngày mai)\b",
            _I,
        ),
        None,
    ),
    (
        "wd",
        re.compile(
            r"\b(?:(?P<rel>last|next|this|on|early|late)\s+)?(?P<wd>(?:Mon|Tues|"
            r"Wednes|Thurs|Fri|Satur|Sun)day)\b"
        ),
        None,
    ),
    (
        "wd",
        re.compile(
            r"\bво?\s+(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|"
            r"воскресенье)\b",
            _I,
        ),
        None,
    ),
)


def find_dates(
    text: str, published: str | None, lang: str = "en", future: bool = False
) -> list[DateMention]:
    """Every date phrase in ``text`` with its resolved value, in text order.

    ``published`` is the document's date (YYYY-MM-DD) or None; ``future`` says the
    phrases are about planned events, so partial dates resolve forwards.
    """
    ctx = _Context(_parse_published(published), future)
    candidates = []
    for lo, hi in _windows(text):
        for name, pattern, langs in _PATTERNS:
            if langs is not None and lang not in langs:
                continue
            for match in pattern.finditer(text, lo, hi):
                resolved = _HANDLERS[name](match, ctx)
                if resolved is not None:
                    candidates.append((match.start(), match.end(), *resolved))
    return list(_non_overlapping(text, candidates))


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text around anchor words, merged; every pattern needs an anchor.

    Why: one cheap pass finds the few places worth the full set of patterns, so a long
    document costs one scan, not one scan per pattern.
    """
    lo = hi = -1
    for match in _ANCHOR.finditer(text):
        start, end = match.start() - WINDOW, match.end() + WINDOW
        if start > hi + MERGE_GAP:
            if hi >= 0:
                yield max(lo, 0), min(hi, len(text))
            lo = start
        hi = max(hi, end)
    if hi >= 0:
        yield max(lo, 0), min(hi, len(text))


def resolve_date(
    phrase: str, published: str | None, lang: str = "en", future: bool = False
) -> str | None:
    """The value of the first date in ``phrase`` ("on July 25" -> "2017-07-25"), or None."""
    found = find_dates(phrase, published, lang, future)
    return found[0].value if found else None


def _non_overlapping(
    text: str, candidates: list[tuple[int, int, str, bool]]
) -> Iterator[DateMention]:
    """Longest first among overlapping candidates, then in text order."""
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    last_end = -1
    for start, end, value, relative in candidates:
        if start < last_end:
            continue
        last_end = end
        yield DateMention(start, end, text[start:end], value, relative)


def _parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# -- resolution ----------------------------------------------------------------------


def _month_day(month: int, day: int, year: int | None, ctx: _Context) -> tuple[str, bool] | None:
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


def _month(month: int, year: int | None, rel: int | None, ctx: _Context) -> tuple[str, bool] | None:
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

Handler = Callable[[re.Match[str], _Context], "tuple[str, bool] | None"]


def _h_mdy(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    month = _en_month(m["mon"])
    return None if month is None else _month_day(month, int(m["day"]), _year(m), ctx)


def _h_my(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    month = _en_month(m["mon"])
    return None if month is None else _month(month, _year(m), _rel(m), ctx)


def _h_rel_month_name(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
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


def _h_numeric(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    """Day first; month first only when day first is impossible ("12/25/2025")."""
    day, month = int(m["day"]), int(m["mon"])
    if month > 12 >= day:
        day, month = month, day
    return _month_day(month, day, _year(m), ctx)


def _h_vi_month(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    return _month(int(m["mon"]), _year(m), _rel(m), ctx)


def _h_ru_dm(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    return _month_day(_ru_month(m["mon"]), int(m["day"]), _year(m), ctx)


def _h_ru_m(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    return _month(_ru_month(m["mon"]), _year(m), _rel(m), ctx)


def _h_year(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    return m["year"], False


def _h_rel_year(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    if ctx.published is None:
        return None
    word = m["rel"].lower()
    shift = {"этом": 0, "прошлом": -1, "следующем": 1}.get(word, _REL_YEAR.get(word, 0))
    return f"{ctx.published.year + shift:04d}", True


def _h_rel_month(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    if ctx.published is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    index = ctx.published.year * 12 + ctx.published.month - 1 + shift
    return f"{index // 12:04d}-{index % 12 + 1:02d}", True


def _h_rel_week(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    """ "last week": only the month of the day a week off publication is certain enough."""
    if ctx.published is None:
        return None
    day = ctx.published + timedelta(days=7 * {"this": 0, "last": -1, "next": 1}[m["rel"].lower()])
    return day.isoformat()[:7], True


def _h_ago(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    """ "three days ago": that day; "two weeks ago", "a month ago": that month."""
    if ctx.published is None:
        return None
    word = m["n"].lower()
    n = int(word) if word.isdigit() else _SMALL_NUMBERS.get(word, 1)
    unit = m["unit"].lower()
    days = n * {"day": 1, "week": 7, "month": 30}[unit]
    day = (ctx.published - timedelta(days=days)).isoformat()
    return (day if unit == "day" else day[:7]), True


def _h_rel_day(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
    if ctx.published is None:
        return None
    day = ctx.published + timedelta(days=_REL_DAY[m["rel"].lower()])
    return day.isoformat(), True


def _h_weekday(m: re.Match[str], ctx: _Context) -> tuple[str, bool] | None:
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


_HANDLERS: dict[str, Handler] = {
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
