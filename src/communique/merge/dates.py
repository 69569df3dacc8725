"""Partial ISO dates (``2017-07-25``, ``2017-07``, ``2017``, ``--07-25``, ``--07``) and
the rules for when two reports' dates can describe the same event.

Reports of one event give its date at different precisions: a page without a
publication date says "July 25" (``--07-25``), a wire says ``2017-07-25``, a later
retrospective says "in July 2017". Two dates are compatible when every component
both state agrees; full dates may differ by a small tolerance (two outlets date a
visit a day apart, time zones).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DATE_RE = re.compile(r"^(?:(\d{4})|-)-?(?:(\d{2})(?:-(\d{2}))?)?$")
#: Year used to place a year-less month-day on the calendar for day arithmetic
#: (a leap year, so --02-29 is valid).
_LEAP_YEAR = 2000


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date with any of year, month, day unknown (but a day needs a month)."""

    year: int | None
    month: int | None
    day: int | None

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        """Parse the contract's date forms; None for missing or malformed values
        (a malformed date is treated like an unknown one, never guessed)."""
        if not text:
            return None
        m = _DATE_RE.match(text.strip())
        if not m:
            return None
        year, month, day = (int(g) if g else None for g in m.groups())
        if year is None and month is None:
            return None
        if month is not None and not 1 <= month <= 12:
            return None
        if day is not None:
            try:
                dt.date(year or _LEAP_YEAR, month or 1, day)
            except ValueError:
                return None
        return cls(year, month, day)

    def iso(self) -> str:
        """The contract's string form."""
        if self.year is None:
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
            if self.day:
                out += f"-{self.day:02d}"
        return out

    @property
    def precision(self) -> int:
        """How much the date states: 2 for a year, 1 each for month and day."""
        return (2 if self.year else 0) + (1 if self.month else 0) + (1 if self.day else 0)

    @property
    def anchored(self) -> bool:
        """True when year and month are known: precise enough to merge on alone."""
        return self.year is not None and self.month is not None

    def bucket(self) -> str:
        """Blocking key: ``YYYY-MM``, ``YYYY`` or ``--MM``."""
        if self.year is not None and self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.year is not None:
            return f"{self.year:04d}"
        return f"--{self.month:02d}"

    def calendar(self, year: int | None = None) -> dt.date | None:
        """The day on the calendar, borrowing ``year`` when this date has none."""
        if self.month is None or self.day is None:
            return None
        y = self.year or year or _LEAP_YEAR
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


def compatible(a: PartialDate, b: PartialDate, tolerance_days: int) -> bool:
    """True when ``a`` and ``b`` can be the same day: stated components agree, and
    two stated days are at most ``tolerance_days`` apart (across month/year ends too)."""
    if a.day is not None and b.day is not None:
        if a.year is None or b.year is None:
            # Without a year on one side a day's slack would join events years apart
            # that fall on neighbouring calendar days: the month-day must agree exactly.
            return a.month == b.month and a.day == b.day
        year = a.year or b.year
        da, db = a.calendar(year), b.calendar(year)
        if da is None or db is None:
            return False
        if a.year is not None and b.year is not None:
            da, db = a.calendar(), b.calendar()
            if da is None or db is None:
                return False
        return abs((da - db).days) <= tolerance_days
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    return a.month is None or b.month is None or a.month == b.month


def combine(dates: list[PartialDate]) -> PartialDate | None:
    """The most precise date the compatible ``dates`` establish together: the year
    from any that states one, the month and day from the most often stated value
    (ties: the earliest), e.g. ``--07-25`` + ``2017-07`` -> ``2017-07-25``."""
    if not dates:
        return None

    def pick(values: list[int | None]) -> int | None:
        known = [v for v in values if v is not None]
        if not known:
            return None
        return min(set(known), key=lambda v: (-known.count(v), v))

    full = [d for d in dates if d.year is not None and d.day is not None]
    if full:
        days = [c for c in (d.calendar() for d in full) if c is not None]
        best = min(set(days), key=lambda d: (-days.count(d), d))
        return PartialDate(best.year, best.month, best.day)
    year = pick([d.year for d in dates])
    month = pick([d.month for d in dates])
    day = pick([d.day for d in dates if d.month == month]) if month else None
    return PartialDate(year, month, day)


def not_after(date: PartialDate, bound: dt.date) -> bool:
    """False when ``date`` certainly lies after ``bound`` (a report cannot describe an
    occurred event later than its own publication)."""
    if date.year is None:
        return True
    if date.year != bound.year:
        return date.year < bound.year
    if date.month is None:
        return True
    if date.month != bound.month:
        return date.month < bound.month
    return date.day is None or date.day <= bound.day
