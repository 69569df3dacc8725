"""Partial dates as the query layer needs them: sort keys and filter intervals.

Why: event dates are partial (``2017-07-25``, ``2017-07``, ``2017``, ``--07-25``,
``--07``, or none). A timeline must still be in order, and ``--since``/``--until``
must treat ``2017-07`` as the whole of July. A year-less date borrows the year of
the earliest publication date among the documents that report it (the corpus
date); an event with no usable date at all sorts last.
"""

from __future__ import annotations

import calendar
import datetime as dt

from communique.merge.dates import PartialDate

#: Sort year for events whose year is unknown even from their documents (last).
UNKNOWN_YEAR = 9_999


def parse_bound(text: str | None) -> PartialDate | None:
    """A ``--since``/``--until`` value (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), or None
    when it is missing or not such a date (callers report the usage error)."""
    if not text:
        return None
    d = PartialDate.parse(text)
    if d is None or d.year is None:
        return None
    return d


def year_of(published: str | None) -> int | None:
    """The year of a stored publication date (``YYYY...``), if any."""
    d = PartialDate.parse(published)
    return None if d is None else d.year


def effective(date: str | None, published: str | None) -> PartialDate | None:
    """The event's date, with the reporting documents' year lent to a year-less one."""
    d = PartialDate.parse(date)
    if d is None:
        return None
    if d.year is None:
        year = year_of(published)
        if year is not None:
            return PartialDate(year, d.month, d.day)
    return d


def sort_key(date: str | None, published: str | None, tie: str) -> tuple[int, int, int, int, str]:
    """Chronological key: known and corpus-dated events in order, then year-less
    ones, then undated ones; at equal dates the less precise sorts first."""
    d = effective(date, published)
    if d is None:
        return (UNKNOWN_YEAR + 1, 0, 0, 0, tie)
    return (d.year or UNKNOWN_YEAR, d.month or 0, d.day or 0, d.precision, tie)


def interval(d: PartialDate) -> tuple[dt.date, dt.date] | None:
    """The first and last day a dated value can mean (None without a year)."""
    if d.year is None:
        return None
    if d.month is None:
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    if d.day is None:
        last = calendar.monthrange(d.year, d.month)[1]
        return dt.date(d.year, d.month, 1), dt.date(d.year, d.month, last)
    day = dt.date(d.year, d.month, d.day)
    return day, day


def within(
    event_date: PartialDate | None, since: PartialDate | None, until: PartialDate | None
) -> bool:
    """Whether an event may fall in ``[since, until]`` (overlap of the intervals).

    Without bounds everything passes; with a bound, an event whose year is unknown
    cannot be placed and is left out.
    """
    if since is None and until is None:
        return True
    span = interval(event_date) if event_date is not None else None
    if span is None:
        return False
    lo = interval(since) if since is not None else None
    hi = interval(until) if until is not None else None
    if lo is not None and span[1] < lo[0]:
        return False
    return not (hi is not None and span[0] > hi[1])
