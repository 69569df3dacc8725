"""People in Russian sentences: names, offices before them, offices standing alone."""

from __future__ import annotations

import pytest

from communique.nlp.geo import Gazetteer
from communique.nlp.people import build_cast
from communique.nlp.ru_people import RussianPeople


@pytest.fixture(scope="module")
def people() -> RussianPeople:
    return RussianPeople.load(Gazetteer.load())


def find(people: RussianPeople, text: str, cast=None):  # type: ignore[no-untyped-def]
    return people.find(text, 0, people.entities(text), cast)


def test_office_chain_before_name_with_country(people: RussianPeople) -> None:
    text = "Вчера министр иностранных дел Индии Субрахманьям Джайшанкар прибыл в Москву."
    (p,) = find(people, text)
    assert p.text == "Субрахманьям Джайшанкар"
    assert p.role == "министр иностранных дел Индии"
    assert p.country == "IND"


def test_inflected_names_and_offices_become_nominative(people: RussianPeople) -> None:
    text = (
        "Глава МИД провел переговоры с первым заместителем премьер-министра Индии Сергеем Ивановым."
    )
    found = find(people, text)
    assert [p.text for p in found] == ["Сергей Иванов"]
    assert found[0].role == "первый заместитель премьер-министра Индии"


def test_two_comma_joined_offices_form_one_role(people: RussianPeople) -> None:
    text = "Советник президента России, председатель правления фонда Иван Сидоров выступил с речью."
    (p,) = find(people, text)
    assert p.role == "Советник президента России, председатель правления фонда"


def test_office_alone_refers_to_the_named_holder(people: RussianPeople) -> None:
    first = "Министр обороны Индонезии Прабово Субианто прибыл в Москву."
    cast = build_cast(find(people, first))
    later = "Российская сторона приветствовала министра обороны Индонезии."
    refs = find(people, later, cast)
    assert [p.text for p in refs] == ["Прабово Субианто"]


def test_garbage_and_empty_text_find_nobody(people: RussianPeople) -> None:
    assert find(people, "") == []
    assert find(people, "!!! 123 ??? ,,, --") == []
