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
from collections.abc import Iterator
from dataclasses import dataclass

from communique.nlp.date_values import FUTURE_SLACK_DAYS, HANDLERS, DateContext, parse_published

__all__ = ["FUTURE_SLACK_DAYS", "DateMention", "find_dates", "resolve_date"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase at text[start:end] and its value in contract form."""

    start: int
    end: int
    text: str
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY | --MM-DD | --MM
    relative: bool  # resolved against the publication date, or lacking a year


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
    ctx = DateContext(parse_published(published), future)
    candidates = []
    for lo, hi in _windows(text):
        for name, pattern, langs in _PATTERNS:
            if langs is not None and lang not in langs:
                continue
            for match in pattern.finditer(text, lo, hi):
                resolved = HANDLERS[name](match, ctx)
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
