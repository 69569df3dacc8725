"""Organisation keys: synonyms, word order, country words, acronyms, sub-units kept apart."""

from __future__ import annotations

import pytest
from testkit import meet as event
from testkit import person

from communique.records import Location, Organization
from communique.resolve import Lexicon, resolve
from communique.resolve.orgs import parse_org


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Ministry of the Interior of Russia", "Ministry of Home Affairs of Russia", "RUS"),
        ("Russia's Ministry of the Interior", "Ministry of Internal Affairs", "RUS"),
        ("Security Council of the Russian Federation", "Russia's National Security Council", "RUS"),
        ("Public Security Ministry", "Ministry of Public Security", "VNM"),
        ("Vietnam's Ministry of Public Security", "Ministry of Public Security of Viet Nam", "VNM"),
        ("Ministry of National Defence", "Defense Ministry", "VNM"),
        ("Ministry of Foreign Affairs", "Foreign Ministry", "JPN"),
        ("South Korea's Coast Guard", "Korea Coast Guard", "KOR"),
    ],
)
def test_same_body_same_key(a: str, b: str, country: str, lexicon: Lexicon) -> None:
    assert parse_org(a, country, lexicon).words == parse_org(b, country, lexicon).words


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Security Council", "Security Council Office", "RUS"),
        ("Ministry of Public Security", "Ministry of National Defence", "VNM"),
        ("Ministry of Foreign Affairs", "Ministry of Foreign Trade", "CHN"),
        ("Investigative Committee", "Security Council", "RUS"),
    ],
)
def test_different_bodies_different_keys(a: str, b: str, country: str, lexicon: Lexicon) -> None:
    assert parse_org(a, country, lexicon).words != parse_org(b, country, lexicon).words


def test_orgs_resolved_across_events_with_acronyms_and_countries() -> None:
    orgs = [
        Organization("Ministry of Public Security (MPS)", "VNM"),
        Organization("Russia's Ministry of the Interior", "RUS"),
    ]
    later = [
        Organization("MPS", "VNM"),
        Organization("Ministry of Home Affairs", "RUS"),
        Organization("Lao MPS", "LAO"),
        Organization("Ministry of Public Security of Laos", "LAO"),
        Organization("Security Council Office", "RUS"),
        Organization("Security Council", "RUS"),
    ]
    events = [
        event("a", person("To Lam", "Minister", "VNM"), orgs=tuple(orgs)),
        event("b", person("To Lam", "Minister", "VNM"), orgs=tuple(later)),
    ]
    out, entities = resolve(events)
    resolved = {o.mention: (o.name, o.entity_id) for e in out for o in e.organizations}
    assert resolved["MPS"][1] == resolved["Ministry of Public Security (MPS)"][1]
    assert (
        resolved["Ministry of Home Affairs"][1] == resolved["Russia's Ministry of the Interior"][1]
    )
    assert resolved["Lao MPS"][1] == resolved["Ministry of Public Security of Laos"][1]
    assert resolved["Lao MPS"][1] != resolved["MPS"][1]
    assert resolved["Security Council Office"][1] != resolved["Security Council"][1]
    office = next(e for e in entities if e.entity_id == resolved["Security Council Office"][1])
    assert any("kept apart" in r and "doubt" in r for r in office.merge_reasons)
    mps = next(e for e in entities if e.entity_id == resolved["MPS"][1])
    assert mps.name == "Ministry of Public Security" and mps.country == "VNM"
    assert any("acronym" in r for r in mps.merge_reasons)


def test_places_merge_spacing_variants() -> None:
    events = [
        event("a", person("To Lam", None, "VNM"), where=Location("Hanoi", "VNM")),
        event("b", person("To Lam", None, "VNM"), where=Location("Ha Noi", "VNM")),
        event("c", person("To Lam", None, "VNM"), where=Location("Hanoi", "VNM")),
    ]
    _, entities = resolve(events)
    places = [e for e in entities if e.type == "place"]
    assert len(places) == 1 and places[0].name == "Hanoi" and places[0].aliases == ("Ha Noi",)


def test_org_without_country_joins_the_only_body_with_those_words() -> None:
    first = (Organization("Ministry of Public Security of Vietnam", "VNM"),)
    second = (Organization("Ministry of Public Security", None),)
    lao = (Organization("Ministry of Public Security of Laos", "LAO"),)
    one = [event("a", person("To Lam", None, "VNM"), orgs=first), event("b", orgs=second)]
    out, _ = resolve(one)
    ids = [o.entity_id for e in out for o in e.organizations]
    assert len(set(ids)) == 1
    assert out[1].organizations[0].name == "Ministry of Public Security of Vietnam"
    out, _ = resolve([*one, event("c", orgs=lao)])
    unstated = out[1].organizations[0].entity_id
    assert unstated not in {out[0].organizations[0].entity_id, out[2].organizations[0].entity_id}
