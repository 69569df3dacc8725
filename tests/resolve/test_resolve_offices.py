"""Offices: comparable keys, rank words, periods, splitting joint roles."""

from __future__ import annotations

import pytest

from communique.resolve import Lexicon
from communique.resolve.offices import (
    OfficeSighting,
    compatible,
    office_key,
    offices_over_time,
    period,
    split_offices,
    within,
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Secretary of Russia's National Security Council", "Russian Security Council Secretary"),
        ("President", "Vietnamese President"),
        ("Japanese PM", "Prime Minister"),
        ("Minister of Home Affairs", "Interior Minister"),
    ],
)
def test_compatible_offices(a: str, b: str, lexicon: Lexicon) -> None:
    assert compatible(office_key(a, None, lexicon), office_key(b, None, lexicon))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deputy Prime Minister", "Prime Minister"),
        ("Minister of Defence", "Minister of Public Security"),
        ("First Deputy Minister of Internal Affairs", "Minister of Internal Affairs"),
        ("President", ""),
    ],
)
def test_incompatible_offices(a: str, b: str, lexicon: Lexicon) -> None:
    assert not compatible(office_key(a, None, lexicon), office_key(b, None, lexicon))


def test_joint_role_splits_only_between_offices() -> None:
    assert split_offices("General Secretary of the Party and President of Vietnam") == (
        "General Secretary of the Party",
        "President of Vietnam",
    )
    assert split_offices("Minister of Industry and Trade") == ("Minister of Industry and Trade",)
    assert split_offices(None) == ()


def test_period_ignores_yearless_dates_unless_nothing_else() -> None:
    assert period(["2021-03-16", "--07-25", "2017-07-25", None]) == ("2017-07-25", "2021-03-16")
    assert period(["--07-25", "--07-27"]) == ("--07-25", "--07-27")
    assert period([None]) == (None, None)


def test_within_allows_a_year_of_slack() -> None:
    assert within("2019-05-01", "2017-07-25", "2021-03-16")
    assert within("2022-01-01", "2017-07-25", "2021-03-16")
    assert not within("2024-06-01", "2017-07-25", "2021-03-16")
    assert within(None, "2017", "2018")


def test_offices_over_time_groups_wordings(lexicon: Lexicon) -> None:
    sightings = [
        OfficeSighting("Secretary of the Security Council of Russia", "2017-07-25"),
        OfficeSighting("Secretary of the Security Council of Russia", "2021-03-16"),
        OfficeSighting("Russian Security Council Secretary", "2020-11-10"),
        OfficeSighting("Aide to the President", "2025-09-16"),
    ]
    got = offices_over_time(sightings, "RUS", lexicon)
    assert got == (
        ("Secretary of the Security Council of Russia", "2017-07-25", "2021-03-16"),
        ("Aide to the President", "2025-09-16", "2025-09-16"),
    )


def test_offices_are_listed_dated_first_then_yearless(lexicon: Lexicon) -> None:
    sightings = [
        OfficeSighting("Party General Secretary", "--12-09"),
        OfficeSighting("Minister of Public Security", "2017-07-25"),
    ]
    got = offices_over_time(sightings, "VNM", lexicon)
    assert [o[0] for o in got] == ["Minister of Public Security", "Party General Secretary"]


def test_merge_offices_takes_this_runs_wording_and_widens_the_period(lexicon: Lexicon) -> None:
    """This run sees every stored report, so its wording wins: the label must not depend
    on how the archive was split into ingest runs (two orders, one result)."""
    from communique.resolve.offices import merge_offices

    stored = [("Secretary of the Security Council of Russia", "2017-07-25", "2021-03-16")]
    seen = [
        ("Russian Security Council Secretary", "2022-05-01", "2022-05-01"),
        ("Aide to the President", "2024-06-01", "2024-06-01"),
    ]
    assert merge_offices(seen, stored, "RUS", lexicon) == (
        ("Russian Security Council Secretary", "2017-07-25", "2022-05-01"),
        ("Aide to the President", "2024-06-01", "2024-06-01"),
    )
    other_history = [("Russian Security Council Secretary", "2017-07-25", "2017-07-25")]
    assert merge_offices(seen, other_history, "RUS", lexicon)[0][0] == (
        "Russian Security Council Secretary"
    )
    assert merge_offices(stored, stored, "RUS", lexicon) == tuple(stored)
