"""Russian names and offices: inflected forms -> nominative; Cyrillic -> Latin."""

from __future__ import annotations

import pytest

from communique.nlp.ru_morph import RussianMorph, latin_name, unify_forms


@pytest.fixture(scope="module")
def morph() -> RussianMorph:
    return RussianMorph.load()


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        ("Сергеем Орловым", "Сергей Орлов"),  # instrumental, dictionary name and surname
        ("Анной Захаровой", "Анна Захарова"),  # feminine keeps its gender
        ("Ивану Петрову", "Иван Петров"),  # dative
        (
            "Нгуен Ван Тхангом",
            "Нгуен Ван Тханг",
        ),  # unknown foreign word: instrumental ending dropped
        ("Михаил Соколов", "Михаил Соколов"),  # already nominative
    ],
)
def test_name_nominative(morph: RussianMorph, written: str, nominative: str) -> None:
    assert morph.name_nominative(written) == nominative


def test_office_nominative_changes_head_and_adjectives_only(morph: RussianMorph) -> None:
    assert (
        morph.office_nominative("генеральным секретарем ЦК партии")
        == "генеральный секретарь ЦК партии"
    )
    assert (
        morph.office_nominative("министром иностранных дел Индии")
        == "министр иностранных дел Индии"
    )
    assert morph.office_nominative("послом") == "посол"


def test_unify_forms_maps_leftovers_onto_seen_forms() -> None:
    fixes = unify_forms(["Во Ван Ким", "Во Ван Киму", "Иван Петров"])
    assert fixes == {"Во Ван Киму": "Во Ван Ким"}


def test_latin_name_russian_and_vietnamese() -> None:
    assert latin_name("Сергей Орлов", "RUS") == "Sergey Orlov"
    assert latin_name("Хо Минь Тьинь", None) == "Ho Minh Chinh"
    assert latin_name("Хо Минь Тьинь", "VNM") == "Ho Minh Chinh"
    # a Russian person keeps the Russian scheme even with one-syllable words
    assert latin_name("Петр Лев", "RUS") == "Petr Lev"
