"""The date of one trigger, read from its sentence.

A sentence may report several events; each trigger takes the date stated in its own
phrase (between the neighbouring triggers), else the one closing the clause. For a stay
of several days the stated day may be its first ("from June 22", "arrived on Sunday"),
which dates the visit, or its last ("which ends on Monday"), which does not.
"""

from __future__ import annotations

import re
from typing import Any

from communique.extract.events import month_of

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
#: An event told as preceding the dated one ("shortly after X met Y", "after travelling
#: to Z") or in the perfect ("has used his trip to meet"): the day of its sentence or
#: story is not its day, only its month is known.
COARSE_BEFORE = re.compile(
    r"\b(?:(?:shortly|soon|just|days?|weeks?)\s+)?(?:after|following)\s+[^,;]{0,50}$"
    r"|\b(?:has|have)\s+(?:(?:already|also|recently|now)\s+)?(?:used|met|held|visited|made|paid|travell?ed)\b[^,;]*$",
    re.IGNORECASE,
)
#: Trigger nouns: "after the talks with X" names an occasion of the same day as the main
#: clause, not an earlier event ("meeting" is a noun only after a determiner).
_NOUN = re.compile(
    r"(?:talks|meetings|visits?|trip|tour|summit|call|conversation|negotiations|discussions|"
    r"reception|consultations|dialogue|working|phone|telephone|press|courtesy)\b",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)


def coarse_cue(text: str, m: re.Match[str]) -> bool:
    """Is the event of trigger ``m`` told as preceding the dated one or in the perfect
    (:data:`COARSE_BEFORE`)? Not when the trigger is a noun: "after the talks" is an
    occasion of the dated day, and "has used his trip to ..." is a stay still going on."""
    before = text[max(0, m.start() - 60) : m.start()]
    cue = COARSE_BEFORE.search(before)
    if cue is None:
        return False
    word = m.group(0)
    noun = _NOUN.match(word) or (word.lower().startswith("meeting") and _DETERMINER.search(before))
    return not noun


#: A verb ending the stay right before the visit noun ("concluded his state visit to X on
#: Friday"): the date stated is the visit's last day, so only its month is the visit's.
_ENDS_STAY = re.compile(
    r"\b(?:conclud(?:ed|es|ing)|end(?:ed|s|ing)|wrap(?:ped|s|ping)\s+up|w(?:ound|inds)\s+up|"
    r"complet(?:ed|es|ing)|cut\s+short)\s+(?:(?:his|her|their|a|an|the|its)\s+)?(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: Trigger words of an arrival: the date after them is the first day of the visit.
_ARRIVAL = re.compile(r"(?:arriv|land|touch|fl(?:ew|ies|y|ying)\s+into)", re.IGNORECASE)


def trigger_date(
    dates: Any,
    text: str,
    m: re.Match[str],
    where: tuple[str | None, tuple[int, int], bool],
    stay: bool,
    coarse: bool = False,
) -> tuple[str | None, bool, bool]:
    """The date of trigger ``m`` in sentence ``text``, whether the sentence states it,
    and whether it is the first day of a longer stay.

    ``where``: the reference date (publication), the trigger's bounds (sentence-
    relative span between its neighbouring triggers) and whether the event is planned
    (then "on Sunday" is the coming Sunday, not the last); ``stay``: the trigger is a visit,
    whose last day ("ends on Monday") is not its date.

    ``coarse``: the trigger's event precedes the dated one (:data:`COARSE_BEFORE`), so a
    date stated before the trigger gives only its month.

    Why: "paid a three-day visit from July 11-13" is dated July 11 by the gold
    convention, while "a visit which ends on Monday" gives no date for the visit.
    """
    d = _mention(dates, text, m, where, stay)
    if d is None:
        return None, False, False
    if (coarse and d.start < m.start()) or (
        stay and _ENDS_STAY.search(text[max(0, m.start() - 50) : m.start()])
    ):
        return month_of(str(d.value)), False, False
    lead = text[max(0, min(d.start, m.start()) - 10) : d.start]
    start = bool(_START.search(lead)) or (
        _ARRIVAL.match(m.group(0)) is not None and m.end() <= d.start
    )
    return str(d.value), True, start


def _mention(
    dates: Any,
    text: str,
    m: re.Match[str],
    where: tuple[str | None, tuple[int, int], bool],
    stay: bool,
) -> Any:
    published, (lo, hi), future = where
    found = [
        d
        for d in dates.find_dates(text, published, "en", future)
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


#: A year hint needs its year written at least this often: one past month named in passing
#: ("since the visit in March 2019") does not date a report years later.
YEAR_HINT_MENTIONS = 2


def year_hint(dates: Any, text: str) -> tuple[int, int] | None:
    """(year, month) of the latest "Month YEAR" the text states, when no later year is
    written anywhere in it; None otherwise.

    Why: a report without a publication date or a full date ("On April 15, ...") often
    states a recent month with its year ("the phone call in March 2023"); a news report
    tells of the present, so a day in that month or after it, with no later year in
    sight, is in that year. A later year anywhere (a plan "by 2030") voids the hint, and
    the year must recur (:data:`YEAR_HINT_MENTIONS`: "(2013-2023)", "in March 2023").
    """
    found = [
        d.value
        for d in dates.find_dates(text, None, "en")
        if d.value and len(d.value) == 7 and d.value[:1] != "-"
    ]
    if not found:
        return None
    latest = max(found)
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)]
    if max(years, default=0) > int(latest[:4]) or years.count(int(latest[:4])) < YEAR_HINT_MENTIONS:
        return None
    return int(latest[:4]), int(latest[5:7])


def with_year(value: str | None, hint: tuple[int, int] | None) -> str | None:
    """ "--04-15" -> "2023-04-15" when the hint's month (2023-03) is not later."""
    if value is None or hint is None or not value.startswith("--"):
        return value
    month = int(value[2:4])
    return f"{hint[0]}-{value[2:]}" if month >= hint[1] else value
