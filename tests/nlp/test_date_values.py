"""Resolving a matched date phrase to its contract value (split from nlp/dates.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from communique.nlp import dates
from communique.nlp.date_values import HANDLERS, DateContext, parse_published


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2022-05-20", date(2022, 5, 20)), ("2022-05-20T08:00:00Z", date(2022, 5, 20)),
     ("May 2022", None), ("", None), (None, None)],
)  # fmt: skip
def test_parse_published(published: str | None, expected: date | None) -> None:
    assert parse_published(published) == expected


def test_weekday_resolves_backwards_unless_future() -> None:
    m = re.match(r"(?P<wd>Sunday)", "Sunday")
    assert m is not None
    friday = date(2022, 5, 20)
    assert HANDLERS["wd"](m, DateContext(friday, future=False)) == ("2022-05-15", True)
    assert HANDLERS["wd"](m, DateContext(friday, future=True)) == ("2022-05-22", True)
    assert HANDLERS["wd"](m, DateContext(None, future=False)) is None


def test_every_pattern_has_a_handler_and_the_finder_still_uses_them() -> None:
    assert {name for name, _, _ in dates._PATTERNS} <= set(HANDLERS)
    assert dates.FUTURE_SLACK_DAYS == 7
    assert dates.resolve_date("on July 25", "2017-08-01") == "2017-07-25"
    assert dates.resolve_date("on Sunday", "2022-05-20", future=True) == "2022-05-22"
