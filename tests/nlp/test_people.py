"""Finding people: title-anchored names, appositions, short forms, name order."""

from __future__ import annotations

import pytest

from communique.nlp.geo import Gazetteer
from communique.nlp.people import PersonFinder, build_cast
from communique.nlp.titles import TitleLexicon


@pytest.fixture(scope="module")
def finder() -> PersonFinder:
    # The real gazetteer, built once for the module.
    return PersonFinder(TitleLexicon.load(), Gazetteer.load())


def found(finder: PersonFinder, text: str, cast=None) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.role, m.country) for m in finder.find(text, 0, (), cast)]


def test_title_before_name_with_ranks_between(finder: PersonFinder) -> None:
    text = "Minister of Public Security Sen. Lieut. Gen. Tran Van Hoa (R) welcomes the guests."
    assert found(finder, text) == [("Tran Van Hoa", "Minister of Public Security", None)]


def test_long_office_chain_with_country_and_conjoined_offices(finder: PersonFinder) -> None:
    text = (
        "Secretary of the Security Council of Russia Ivan Petrov meets Chief of the General Staff of the "
        "Viet Nam People’s Army and Deputy Minister of National Defense Le Van Minh, Hanoi, May 2."
    )
    got = found(finder, text)
    assert got[0] == ("Ivan Petrov", "Secretary of the Security Council of Russia", "RUS")
    assert got[1][0] == "Le Van Minh"
    assert (
        got[1][1]
        == "Chief of the General Staff of the Viet Nam People’s Army and Deputy Minister of National Defense"
    )
    assert got[1][2] == "VNM"


def test_apposition_after_name_lower_case_office(finder: PersonFinder) -> None:
    text = (
        "Li Wei, general secretary of the Communist Party of China Central Committee, held talks."
    )
    ((name, role, country),) = found(finder, text)
    assert (
        name == "Li Wei"
        and role is not None
        and role.startswith("general secretary")
        and country == "CHN"
    )


def test_led_by_its_secretary_gets_the_full_office(finder: PersonFinder) -> None:
    text = "The ministry held talks with a delegation of the Security Council of Chile led by its Secretary Pablo Rojas Soto."
    assert found(finder, text) == [
        ("Pablo Rojas Soto", "Secretary of the Security Council of Chile", "CHL")
    ]


def test_unanchored_capitalised_words_are_not_people(finder: PersonFinder) -> None:
    assert found(finder, "During the talks in Oslo, Both sides agreed.") == []
    assert (
        found(finder, "Public Security Minister Holds Talks With Russian Secretary Of Council")
        == []
    )


def test_short_forms_resolve_by_last_token_including_surname_first_names(
    finder: PersonFinder,
) -> None:
    first = finder.find("Defence Minister General Nguyen Van Lich met President Anna Berg.", 0)
    cast = build_cast(first)
    assert [p.name for p in cast.people] == ["Nguyen Van Lich", "Anna Berg"]
    later = found(finder, "Afterwards Lich and Berg spoke.", cast)
    assert [x[0] for x in later] == ["Lich", "Berg"]
    assert (
        cast.lookup("Lich").name == "Nguyen Van Lich"
    )  # Vietnamese: referred to by the last token
    assert cast.lookup(["General", "Lich"][-1]).role == "Defence Minister"
    assert (
        cast.lookup("Nguyen") is None
    )  # the family name alone is not how the person is referred to


def test_cast_keeps_the_fullest_name(finder: PersonFinder) -> None:
    mentions = finder.find(
        "Minister Rojas spoke. Later Minister of Justice Pablo Rojas of Chile arrived.", 0
    )
    cast = build_cast(mentions)
    assert [p.name for p in cast.people] == ["Pablo Rojas"]


def test_possessive_country_before_a_bare_name(finder: PersonFinder) -> None:
    text = "The minister met several leaders, including Norway's Kari Nordmann."
    got = [
        x
        for x in found(
            finder, text, build_cast(finder.find("Prime Minister Kari Nordmann spoke.", 0))
        )
        if x[0] == "Kari Nordmann"
    ]
    assert got and got[0][2] == "NOR"


def test_headline_list_is_not_an_apposition(finder: PersonFinder) -> None:
    cast = build_cast(finder.find("President Park Min of South Korea arrived.", 0))
    got = found(finder, "Park, Norway president agree to expand trade", cast)
    assert all(country != "NOR" for _, _, country in got)
    # a sentence with its full stop keeps real appositions
    text = (
        "Li Wei, general secretary of the Communist Party of China Central Committee, held talks."
    )
    assert found(finder, text)[0][2] == "CHN"


def test_country_of_the_first_person_is_not_part_of_the_second_title(finder: PersonFinder) -> None:
    text = "President Anna Berg of Sweden and Prime Minister Ali Demir of Turkey held talks."
    assert found(finder, text) == [
        ("Anna Berg", "President", "SWE"),
        ("Ali Demir", "Prime Minister", "TUR"),
    ]


def test_family_name_first_three_part_names_resolve_unless_called_by_the_last_part(
    finder: PersonFinder,
) -> None:
    from communique.nlp.vi_people import VietnameseLexicon

    given_last = VietnameseLexicon.load().given_last()
    first = finder.find(
        "President Choi Min Ho met Defence Minister General Nguyen Van Lich in Seoul.", 0
    )
    cast = build_cast(first, given_last)
    assert cast.lookup("Choi").name == "Choi Min Ho"  # Korean: called by the family name
    assert cast.lookup("Nguyen") is None  # Vietnamese: called by the last part
    assert build_cast(first).lookup("Choi") is None  # no family-name lexicon: no guess


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Kenyan Ambassador to Peru Joseph Mwangi arrived.", "Joseph Mwangi", "KEN"),
        ("Kenya's Ambassador to Peru Joseph Mwangi arrived.", "Joseph Mwangi", "KEN"),
        ("Ambassador to Peru Joseph Mwangi arrived.", "Joseph Mwangi", None),
        ("Chilean Envoy to the United States Ana Rojas arrived.", "Ana Rojas", "CHL"),
        ("Consul General of Ghana Kwame Mensah arrived.", "Kwame Mensah", "GHA"),
        ("Indian High Commissioner to Kenya Ravi Kumar arrived.", "Ravi Kumar", "IND"),
        ("Peruvian Consul General to Kenya Luis Vega arrived.", "Luis Vega", "PER"),
    ],
)
def test_a_diplomats_posting_is_not_their_country(
    finder: PersonFinder, text: str, name: str, country: str | None
) -> None:
    # "Ambassador to X": X is where the diplomat serves; the demonym, "Y's" or "of Y"
    # names the country they serve
    got = [(m.text, m.country) for m in finder.find(text, 0, (), None)]
    assert got == [(name, country)]


def test_cast_is_reexported_from_people() -> None:
    from communique.nlp import cast, people

    assert people.Cast is cast.Cast and people.build_cast is cast.build_cast
