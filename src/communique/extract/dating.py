"""The date of one trigger, read from its sentence.

A sentence may report several events; each trigger takes the date stated in its own
phrase (between the neighbouring triggers), else the one closing the clause. For a stay
of several days the stated day may be its first ("from June 22", "arrived on Sunday"),
which dates the visit, or its last ("which ends on Monday"), which does not.
"""

from __future__ import annotations

import re
from typing import Any

#: Words that make the date after them the first day of a stay ("a visit from June 22").
_START = re.compile(
    r"\b(?:from|starting|beginning|began|begins|since)\s+(?:on\s+)?(?:\w+\s+){0,5}$", re.IGNORECASE
)
#: Words that make the date after them the last day of a stay ("which ends on Monday"):
#: not the date of the event.
_END = re.compile(
    r"\b(?:ends?|ending|ended|until|till|through|conclud\w+|wraps?\s+up)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
#: Trigger words of an arrival: the date after them is the first day of the visit.
_ARRIVAL = re.compile(r"(?:arriv|land)", re.IGNORECASE)


def trigger_date(
    dates: Any,
    text: str,
    m: re.Match[str],
    where: tuple[str | None, tuple[int, int]],
    stay: bool,
) -> tuple[str | None, bool, bool]:
    """The date of trigger ``m`` in sentence ``text``, whether the sentence states it,
    and whether it is the first day of a longer stay.

    ``where``: the reference date (publication) and the trigger's bounds (sentence-
    relative span between its neighbouring triggers); ``stay``: the trigger is a visit,
    whose last day ("ends on Monday") is not its date.

    Why: "paid a three-day visit from July 11-13" is dated July 11 by the gold
    convention, while "a visit which ends on Monday" gives no date for the visit.
    """
    d = _mention(dates, text, m, where, stay)
    if d is None:
        return None, False, False
    lead = text[max(0, min(d.start, m.start()) - 10) : d.start]
    start = bool(_START.search(lead)) or (
        _ARRIVAL.match(m.group(0)) is not None and m.end() <= d.start
    )
    return str(d.value), True, start


def _mention(
    dates: Any, text: str, m: re.Match[str], where: tuple[str | None, tuple[int, int]], stay: bool
) -> Any:
    published, (lo, hi) = where
    found = [
        d
        for d in dates.find_dates(text, published, "en")
        if d.value and not (stay and _END.search(text[max(0, d.start - 25) : d.start]))
    ]
    if not found:
        return None
    after = [d for d in found if m.end() <= d.start < hi]
    before = [d for d in found if lo <= d.start and d.end <= m.start()]
    if after:
        return after[0]
    if before:
        return before[-1]
    later = [d for d in found if d.start >= m.end()]
    if later and not stay:  # a date closing the clause ("... in Hanoi on July 25") covers all of it
        return later[0]
    if (lo, hi) != (0, len(text)):
        return None  # the dates belong to the sentence's other triggers
    return min(found, key=lambda d: abs(d.start - m.start()))
