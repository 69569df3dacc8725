"""The Russian front-end: composed news sentences -> drafts -> events."""

from __future__ import annotations

import time

import pytest
from testkit import text_document

from communique.extract.events import Draft
from communique.extract.resources import Resources
from communique.extract.russian import RussianFrontEnd, find_triggers
from communique.records import Document


@pytest.fixture(scope="module")
def front() -> RussianFrontEnd:
    res = Resources.load()
    return RussianFrontEnd.load(res.gazetteer, res.dates)


def doc(text: str, published: str | None = "2024-03-12") -> Document:
    return text_document(text, published, language="ru", doc_id="ru")


def drafts(front: RussianFrontEnd, text: str, published: str | None = "2024-03-12") -> list[Draft]:
    return front.drafts(doc(text, published), time.monotonic() + 30)


def people(d: Draft) -> list[tuple[str | None, str | None]]:
    return [(p.name, p.mention) for p in d.participants]


TALKS = (
    "МОСКВА, 12 мар — Агентство. Министр иностранных дел России Сергей Лавров провел переговоры "
    "с министром иностранных дел Индонезии Рето Марсуди, находящейся с официальным визитом в Москве.\n"
    "Стороны подписали меморандум о сотрудничестве в области образования."
)


def test_talks_visit_and_signing(front: RussianFrontEnd) -> None:
    found = drafts(front, TALKS)
    assert [d.type for d in found] == ["MEET", "VISIT", "SIGN"]
    meet, visit, sign = found
    assert people(meet) == [("Sergey Lavrov", "Сергей Лавров"), ("Reto Marsudi", "Рето Марсуди")]
    assert meet.participants[1].role == "министр иностранных дел Индонезии"
    assert meet.participants[1].country == "IDN"
    assert (
        meet.date == "2024-03-12" and meet.location is not None and meet.location.name == "Moscow"
    )
    assert people(visit) == [("Reto Marsudi", "Рето Марсуди")]
    assert visit.location is not None and visit.location.country == "RUS"
    assert sign.agreement == "меморандум о сотрудничестве в области образования"
    assert {p.name for p in sign.participants} == {"Sergey Lavrov", "Reto Marsudi"}


def test_inflected_names_are_nominative_and_vietnamese_names_spelled_back(
    front: RussianFrontEnd,
) -> None:
    text = "Премьер-министр Вьетнама Фам Минь Тьинь 30 мая принял в Ханое посла России Геннадия Безденежных."
    (meet,) = drafts(front, text, "2022-06-01")
    assert people(meet) == [
        ("Pham Minh Chinh", "Фам Минь Тьинь"),
        ("Gennady Bezdenezhnykh", "Геннадия Безденежных"),
    ]
    assert meet.participants[1].role == "посол России"
    assert meet.date == "2022-05-30"
    assert meet.location is not None and meet.location.name == "Hanoi"


def test_pronoun_subject_and_list_of_partners(front: RussianFrontEnd) -> None:
    text = (
        "Президент Монголии Бат Эрдэнэ прибыл в Москву.\n"
        "В среду он провел встречи с министром финансов России Антоном Павловым и "
        "главой Совета Федерации Мариной Климовой."
    )
    meets = [d for d in drafts(front, text, "2024-05-17") if d.type == "MEET"]
    assert [people(m)[1][1] for m in meets] == ["Антоном Павловым", "Мариной Климовой"]
    assert all(m.participants[0].mention == "Бат Эрдэнэ" for m in meets)
    assert meets[1].participants[1].name == "Marina Klimova"
    assert all(m.date == "2024-05-15" for m in meets)


def test_future_signing_is_planned(front: RussianFrontEnd) -> None:
    text = "Президент Чили Хорхе Рамос провел переговоры с Владимиром Котовым. В ходе визита будет подписано соглашение."
    sign = [d for d in drafts(front, text) if d.type == "SIGN"]
    assert sign and sign[0].status == "planned"


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        ("Лидеры встретились в Пекине.", ["MEET"]),
        ("Переговоры между делегациями прошли в Минске.", ["MEET"]),
        ("Делегация прибыла в Ханой с визитом.", ["VISIT", "VISIT"]),
        ("Стороны подписали соглашение.", ["SIGN"]),
        ("Он принял участие в форуме.", []),
    ],
)
def test_triggers(sentence: str, types: list[str]) -> None:
    assert [t.type for t, _ in find_triggers(sentence)] == types


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "!!! ??? 123",
        "Погода в Москве будет теплой, а в понедельник до +25 градусов.",
        "Mixed текст with English and русские слова, Hà Nội 16/9 — визит?",
    ],
)
def test_no_events_and_no_crash_on_garbage_or_unrelated_text(
    front: RussianFrontEnd, text: str
) -> None:
    assert drafts(front, text) == []


def test_fronted_destination_and_colleague_joined_by_and(front: RussianFrontEnd) -> None:
    (visit,) = drafts(
        front, "Индию посетил с официальным визитом премьер-министр Малайзии Анвар Ибрагим."
    )
    assert visit.type == "VISIT" and people(visit) == [("Anvar Ibragim", "Анвар Ибрагим")]
    assert visit.location is not None and visit.location.country == "IND"
    text = "Глава МИД Египта Ахмед Саид и его вьетнамский коллега Буй Тхань Шон провели переговоры в Каире."
    (meet,) = drafts(front, text)
    assert [p.name for p in meet.participants] == ["Akhmed Said", "Bui Thanh Son"]
    assert meet.participants[1].country == "VNM"


def test_huge_single_line_document_is_bounded(front: RussianFrontEnd) -> None:
    line = "делегации обсудили вопросы торговли и сотрудничества " * 4000
    start = time.monotonic()
    assert drafts(front, line) == []
    assert time.monotonic() - start < 120


def test_future_tense_trigger_is_planned(front: RussianFrontEnd) -> None:
    (visit,) = drafts(front, "Президент Чили Хорхе Рамос посетит Вьетнам в июне.")
    assert (
        visit.status == "planned" and visit.location is not None and visit.location.country == "VNM"
    )
    (past,) = drafts(front, "Президент Чили Хорхе Рамос посетил Вьетнам в июне.")
    assert past.status == "occurred" and past.date == "2023-06"


def test_signing_bodies_become_organizations(front: RussianFrontEnd) -> None:
    text = "Министерство энергетики Египта и Министерство транспорта Вьетнама подписали меморандум о сотрудничестве."
    (sign,) = drafts(front, text)
    assert sign.type == "SIGN" and sign.participants == ()
    assert [(o.name, o.country) for o in sign.organizations] == [
        ("Министерство энергетики", "EGY"),
        ("Министерство транспорта", "VNM"),
    ]


def test_agency_dateline_inflected_city_and_comma_joined_offices(front: RussianFrontEnd) -> None:
    text = (
        "ВЬЕНТЬЯН, 9 ноября. /Агентство/. Министр иностранных дел Египта Ахмед Саид провел переговоры "
        "с заместителем премьер-министра, министром иностранных дел Лаоса Сомсаком Сайсаной.\n"
        "Посол Вьетнама в Египте Данг Ван Хай встретился с губернатором Асуана Салемом Нуром в Каире."
    )
    first, second = drafts(front, text, "2023-11-10")
    assert (
        first.date == "2023-11-09"
        and first.location is not None
        and first.location.name == "Vientiane"
    )
    assert (
        first.participants[1].role == "заместитель премьер-министра, министр иностранных дел Лаоса"
    )
    assert second.participants[0].role == "Посол Вьетнама в Египте"
    assert second.participants[0].country == "VNM"  # the country "в Египте" is the host's
    assert second.location is not None and second.location.name == "Cairo"


def test_delegation_leader_takes_the_delegation_country(front: RussianFrontEnd) -> None:
    text = "Министр обороны Индии Радж Сингх принял делегацию Вьетнама во главе с генералом Фан Ван Зангом."
    (meet,) = drafts(front, text)
    assert [(p.name, p.country) for p in meet.participants] == [
        ("Radzh Singkh", "IND"),
        ("Phan Van Dang", "VNM"),
    ]


def test_talks_noun_with_genitive_sides(front: RussianFrontEnd) -> None:
    text = "Встреча Сергея Орлова с Анной Берг прошла в Осло. Переговоры Ивана Петрова и Ли Вэя прошли в Пекине."
    first, second = drafts(front, text)
    assert [p.mention for p in first.participants] == ["Сергея Орлова", "Анной Берг"]
    assert [p.name for p in first.participants] == ["Sergey Orlov", "Anna Berg"]
    assert second.participants[0].name == "Ivan Petrov"
    assert second.location is not None and second.location.name == "Beijing"


def test_extractor_dispatches_russian_documents(extractor, doc_from) -> None:  # type: ignore[no-untyped-def]
    events = extractor.extract(doc_from(TALKS, "2024-03-12", language="ru"))
    assert [e.type for e in events][:2] == ["MEET", "VISIT"]
    meet = events[0].to_json()
    assert [p["name"] for p in meet["participants"]] == ["Sergey Lavrov", "Reto Marsudi"]
    assert meet["participants"][1]["mention"] == "Рето Марсуди"
    src = meet["sources"][0]
    assert TALKS[src["start"] : src["end"]] == src["quote"]
