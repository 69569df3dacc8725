"""Dropped middle names and bare surnames across documents: merge only on unique,
same-country evidence; never for family-name-first names or fitting two people."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testkit import meet, person

from communique.records import Event, Participant
from communique.resolve import resolve
from communique.resolve.names import parse_name
from communique.resolve.people import middle_fits


def event(doc: str, *people: Participant, date: str | None = "2024-03-11") -> Event:
    """A MEET event of document ``doc``, dated by default."""
    return meet(doc, *people, date=date)


def ids(events: list[Event]) -> dict[str, tuple[str | None, str | None]]:
    """mention -> (canonical name, entity id)."""
    out, _ = resolve(events)
    return {p.mention or "": (p.name, p.entity_id) for e in out for p in e.participants}


def sig(name: str) -> tuple[str, ...]:
    parsed = parse_name(name)
    assert parsed is not None
    return parsed.signature(False)


@pytest.mark.parametrize(
    ("a", "b", "fits"),
    [
        ("Amara Okafor", "Amara Chukwu Okafor", True),
        ("Amara C. Okafor", "Amara Chukwu Okafor", True),
        ("Vladimir Putin", "Vladimir V. Putin", True),
        ("Ana Maria Lopez", "Ana Maria Isabel Lopez", True),
        ("George W. Bush", "George H. W. Bush", False),
        ("George W. Bush", "George H. Bush", False),
        ("Amara K. Okafor", "Amara Chukwu Okafor", False),
        ("Kwabena Mensah", "Kwabena Asante-Mensah", False),
        ("Amara Okafor", "Chidi Amara Okafor", False),
        ("Amara Okafor", "Amara Okafor Eze", False),
    ],
)
def test_middle_fits(a: str, b: str, fits: bool) -> None:
    assert middle_fits(sig(a), sig(b)) is fits
    assert middle_fits(sig(b), sig(a)) is fits


def test_dropped_middle_name_is_one_person_under_the_fuller_name() -> None:
    got = ids(
        [
            event(
                "a", person("Amara Chukwu Okafor", "Nigeria's Minister of Foreign Affairs", "NGA")
            ),
            event("b", person("Amara Okafor", "Minister of Foreign Affairs", "NGA")),
            event("c", person("Amara C. Okafor", None, "NGA")),
            event("c", person("Okafor", None, "NGA")),
        ]
    )
    assert got["Amara Okafor"] == got["Amara Chukwu Okafor"] == got["Amara C. Okafor"]
    assert got["Okafor"] == got["Amara Okafor"]
    assert got["Amara Okafor"][0] == "Amara Chukwu Okafor"


def test_middle_initial_is_one_person() -> None:
    got = ids(
        [
            event("a", person("Vladimir V. Putin", "President", "RUS")),
            event("b", person("Vladimir Putin", "Russian President", "RUS")),
        ]
    )
    assert got["Vladimir V. Putin"] == got["Vladimir Putin"]
    assert got["Vladimir Putin"][0] == "Vladimir Putin"  # whole words over an initial


def test_stored_name_gives_way_to_its_fuller_form_and_keeps_its_id() -> None:
    """Ingesting the short spelling first, then the full one, names the person as a
    run over both would; the stored id stays, and a re-run changes nothing."""
    short = event("b", person("Amara Okafor", "Minister of Foreign Affairs", "NGA"))
    full = event("a", person("Amara Chukwu Okafor", "Foreign Minister", "NGA"))
    first, stored = resolve([short])
    (old,) = [e for e in stored if e.type == "person"]
    second, entities = resolve([*first, full], stored)
    people = [e for e in entities if e.type == "person"]
    assert [(e.entity_id, e.name) for e in people] == [(old.entity_id, "Amara Chukwu Okafor")]
    assert {p.entity_id for e in second for p in e.participants} == {old.entity_id}
    assert resolve(second, entities)[1] == entities


MUST_NOT_MERGE = [
    # family name first: the middle word tells people apart
    ([("Nguyen Van An", "Minister", "VNM"), ("Nguyen An", "Minister", "VNM")], 2),
    ([("Li Jun Hua", "Minister", "CHN"), ("Li Hua", "Minister", "CHN")], 2),
    # other countries
    ([("Daniel Otieno Mwangi", "Minister", "KEN"), ("Daniel Mwangi", "Minister", "TZA")], 2),
    # a country unstated on one side is not the same country
    ([("Daniel Otieno Mwangi", "Minister", "KEN"), ("Daniel Mwangi", "Minister", None)], 2),
    # contradicting offices
    (
        [("Amara Chukwu Okafor", "Minister of Health", "NGA"), ("Amara Okafor", "Governor", "NGA")],
        2,
    ),
    # different middle initials, and a short name that fits both
    (
        [
            ("George W. Bush", "President", "USA"),
            ("George H. W. Bush", "President", "USA"),
            ("George Bush", "President", "USA"),
        ],
        3,
    ),
    # a short name fitting two longer ones
    (
        [
            ("Daniel Otieno Mwangi", None, "KEN"),
            ("Daniel Kamau Mwangi", None, "KEN"),
            ("Daniel Mwangi", None, "KEN"),
        ],
        3,
    ),
    # half of a compound surname is not a middle name
    ([("Kwabena Asante-Mensah", "Minister", "GHA"), ("Kwabena Mensah", "Minister", "GHA")], 2),
]


@pytest.mark.parametrize(("people", "distinct"), MUST_NOT_MERGE)
def test_dropped_middle_must_not_merge(
    people: list[tuple[str, str | None, str | None]], distinct: int
) -> None:
    events = [event(f"d{i}", person(*p)) for i, p in enumerate(people)]
    got = ids(events)
    assert len({got[p[0]][1] for p in people}) == distinct
    assert all(got[p[0]][0] == p[0] for p in people)


def test_bare_surname_joins_the_one_person_of_the_corpus() -> None:
    got = ids(
        [
            event("a", person("Amara Okafor", "Foreign Minister", "NGA")),
            event("b", person("Okafor", None, "NGA")),
            event("c", person("Okafor", None, None)),
            event("d", person("To Lam", "President", "VNM")),
            event("e", person("Lam", None, "VNM")),
            event("f", person("Xi Jinping", "President", "CHN")),
            event("g", person("Xi", None, "CHN")),
        ]
    )
    assert got["Okafor"] == got["Amara Okafor"]
    assert got["Lam"] == got["To Lam"]
    assert got["Xi"] == got["Xi Jinping"]


def test_bare_surname_stays_apart_without_unique_evidence() -> None:
    got = ids(
        [
            event("a", person("Amara Okafor", "Foreign Minister", "NGA")),
            event("b", person("Chidi Okafor", "Trade Minister", "NGA")),
            event("c", person("Okafor", None, "NGA")),  # two candidates
            event("d", person("Kofi Boateng", "President", "GHA")),
            event("e", person("Boateng", None, "CIV")),  # another country
            event("f", person("Kofi", None, "GHA")),  # a given name is not a surname
            event("g", person("Boateng", "Defence Minister", "GHA")),  # an office nobody held
            event("h", person("Mensah Kuffour", None, "GHA")),
            event("i", person("Kofi Mensah", "Governor", "GHA")),
            event("j", person("Mensah", None, "GHA")),  # a surname, and a given name elsewhere
        ]
    )
    named = {got["Amara Okafor"][1], got["Chidi Okafor"][1]}
    assert got["Okafor"][1] not in named
    assert got["Boateng"][1] != got["Kofi Boateng"][1]
    assert got["Kofi"][1] != got["Kofi Boateng"][1]
    assert got["Mensah"][1] not in {got["Kofi Mensah"][1], got["Mensah Kuffour"][1]}


def corpus() -> list[Event]:
    """Spellings of two people across documents, for the order test."""
    return [
        event("a", person("Amara Chukwu Okafor", "Foreign Minister", "NGA")),
        event("b", person("Amara Okafor", "Foreign Minister", "NGA")),
        event("c", person("Amara C. Okafor", None, "NGA"), person("Okafor", None, "NGA")),
        event("d", person("Daniel Otieno Mwangi", None, "KEN")),
        event("e", person("Daniel Kamau Mwangi", None, "KEN"), person("Mwangi", None, "KEN")),
        event("f", person("Daniel Mwangi", None, "KEN")),
    ]


@settings(max_examples=20, deadline=None)
@given(st.permutations(corpus()))
def test_result_does_not_depend_on_input_order(events: list[Event]) -> None:
    out, entities = resolve(events)
    ref_out, ref_entities = resolve(corpus())
    assert entities == ref_entities
    mine = {p.mention: p.entity_id for e in out for p in e.participants}
    ref = {p.mention: p.entity_id for e in ref_out for p in e.participants}
    assert mine == ref
