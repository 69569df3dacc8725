"""Partial dates: parsing, compatibility across precisions, combining."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from communique.merge.dates import PartialDate, combine, compatible, not_after

P = PartialDate.parse


def test_parse_every_contract_form() -> None:
    assert P("2017-07-25") == PartialDate(2017, 7, 25)
    assert P("2017-07") == PartialDate(2017, 7, None)
    assert P("2017") == PartialDate(2017, None, None)
    assert P("--07-25") == PartialDate(None, 7, 25)
    assert P("--07") == PartialDate(None, 7, None)


def test_malformed_dates_are_unknown_not_guessed() -> None:
    for bad in (None, "", "July 25", "2017-13", "2017-02-30", "--", "17-07-25"):
        assert P(bad) is None, bad


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(0, 4))
def test_iso_round_trips(day: dt.date, form: int) -> None:
    text = [
        day.isoformat(),
        day.isoformat()[:7],
        day.isoformat()[:4],
        "--" + day.isoformat()[5:],
        "--" + day.isoformat()[5:7],
    ][form]
    parsed = P(text)
    assert parsed is not None and parsed.iso() == text


def test_year_less_and_coarser_dates_match_the_full_date() -> None:
    full = P("2017-07-25")
    assert full is not None
    for other in ("--07-25", "2017-07", "2017", "--07"):
        o = P(other)
        assert o is not None and compatible(full, o, 1), other
    for other in ("--07-27", "2017-08", "2018", "--06", "2021-03-16"):
        o = P(other)
        assert o is not None and not compatible(full, o, 1), other


def test_day_tolerance_crosses_month_and_year_ends() -> None:
    a, b, c = P("2016-12-31"), P("2017-01-01"), P("2017-01-02")
    assert a and b and c
    assert compatible(a, b, 1) and not compatible(a, c, 1) and compatible(a, c, 2)
    x, y = P("--07-31"), P("2017-08-01")  # no year on one side: no day's slack
    assert x and y and not compatible(x, y, 1) and not compatible(x, y, 0)


def test_combine_takes_the_most_precise_parts() -> None:
    parts = [P("--07-25"), P("2017-07")]
    assert combine([p for p in parts if p]) == PartialDate(2017, 7, 25)
    days = [P("2023-04-14"), P("2023-04-15"), P("2023-04-15")]
    assert combine([p for p in days if p]) == PartialDate(2023, 4, 15)  # most reported
    tie = [P("2023-04-15"), P("2023-04-14")]
    assert combine([p for p in tie if p]) == PartialDate(2023, 4, 14)  # then earliest


def test_not_after_publication() -> None:
    bound = dt.date(2017, 7, 27)
    assert not_after(PartialDate(2017, 7, 25), bound)
    assert not not_after(PartialDate(2019, 7, 25), bound)
    assert not not_after(PartialDate(2017, 8, None), bound)
    assert not_after(PartialDate(None, 12, 1), bound)


def test_a_yearless_day_needs_the_exact_month_and_day() -> None:
    """Neighbouring days match only when both years are known (two outlets a day apart)."""
    from communique.merge.dates import PartialDate, compatible

    def d(text: str) -> PartialDate:
        parsed = PartialDate.parse(text)
        assert parsed is not None
        return parsed

    assert compatible(d("2021-03-16"), d("2021-03-15"), 1)
    assert not compatible(d("--03-15"), d("2021-03-16"), 1)
    assert compatible(d("--03-16"), d("2021-03-16"), 1)
