"""Negated and not-yet-happened reports, and contacts that are not between officials
(sentences composed for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.extract import Extractor
from communique.records import Document

HOSTS = "Norwegian Prime Minister Kari Nordmann"


def kinds(extractor: Extractor, doc_from: Callable[..., Document], text: str) -> list[str]:
    events = extractor.extract(doc_from(text + "\n", "2022-05-20"))
    return sorted(f"{e.type}:{e.status}" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        f"Chilean Foreign Minister Pablo Rojas did not meet {HOSTS} during his stay in Oslo.",
        "Norwegian Prime Minister Kari Nordmann has never visited Chile.",
        f"Chilean President Ana Soto refused to meet {HOSTS} in Oslo on Monday.",
        "Chilean President Ana Soto cancelled her visit to Norway.",
        f"Chilean President Ana Soto had no meeting with {HOSTS} in Oslo on Monday.",
        "Chilean President Ana Soto's visit to Norway was postponed because of the storm.",
        "The actor Tom Pell met the novelist Rita Gaunt in Paris on Monday.",
    ],
)
def test_no_event_is_reported(extractor, doc_from, text: str) -> None:
    assert kinds(extractor, doc_from, text) == []


def test_emphasis_is_not_negation(extractor, doc_from) -> None:
    text = (
        f"Chilean President Ana Soto not only met {HOSTS} in Oslo on Monday but also toured a port."
    )
    assert kinds(extractor, doc_from, text) == ["MEET:occurred", "VISIT:occurred"]


def test_negation_elsewhere_in_the_sentence_keeps_the_event(extractor, doc_from) -> None:
    text = (
        f"Although the talks had not been announced, Chilean President Ana Soto met {HOSTS} "
        "in Oslo on Monday."
    )
    assert kinds(extractor, doc_from, text) == ["MEET:occurred", "VISIT:occurred"]


def test_a_trip_dated_after_publication_is_planned(extractor, doc_from) -> None:
    text = "Chilean President Ana Soto was keeping plans for travelling to Norway next month."
    assert kinds(extractor, doc_from, text) == ["VISIT:planned"]
    done = "Chilean President Ana Soto travelled to Norway last month."
    assert kinds(extractor, doc_from, done) == ["VISIT:occurred"]


@pytest.mark.parametrize(
    ("date", "published", "status"),
    [
        ("2022-06-01", "2022-05-31", "occurred"),  # a day later: another time zone
        ("2022-06-02", "2022-05-31", "planned"),
        ("2022-06", "2022-05-31", "planned"),
        ("2022", "2022-05-31", "occurred"),
        ("2023", "2022-05-31", "planned"),
        ("--07-25", "2022-05-31", "occurred"),  # no year: cannot tell
    ],
)
def test_publication_day_bounds_occurred_dates(date: str, published: str, status: str) -> None:
    from communique.extract.checks import as_of_publication
    from communique.extract.events import Draft

    draft = Draft("VISIT", "occurred", (0, 10), 0, 0, (), date=date)
    assert as_of_publication(draft, published).status == status


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            (
                "Министр иностранных дел России Сергей Петров 12 мая провел переговоры с "
                "министром иностранных дел Перу Луисом Вегой в Москве."
            ),
            "ru",
            ["MEET:occurred"],
        ),
        (
            (
                "Министр иностранных дел России Сергей Петров 12 мая не встретился с "
                "министром иностранных дел Перу Луисом Вегой в Москве."
            ),
            "ru",
            [],
        ),
        (
            (
                "Ngày 12/5, tại Hà Nội, Bộ trưởng Ngoại giao Nguyễn Văn An đã hội đàm với "
                "Bộ trưởng Ngoại giao Peru Luis Vega."
            ),
            "vi",
            ["MEET:occurred"],
        ),
        (
            (
                "Ngày 12/5, tại Hà Nội, Bộ trưởng Ngoại giao Nguyễn Văn An đã không hội đàm với "
                "Bộ trưởng Ngoại giao Peru Luis Vega."
            ),
            "vi",
            [],
        ),
    ],
)
def test_negation_in_russian_and_vietnamese(
    extractor, doc_from, text: str, lang: str, expected: list[str]
) -> None:
    events = extractor.extract(doc_from(text + "\n", "2022-05-20", language=lang))
    assert sorted(f"{e.type}:{e.status}" for e in events) == expected


def test_russian_country_names_come_from_pycountry(extractor, doc_from) -> None:
    text = (
        "Президент России Иван Соколов провел телефонный разговор с президентом Кении "
        "Даниэлем Отиено.\n"
    )
    (meet,) = extractor.extract(doc_from(text, "2022-05-20", language="ru"))
    assert sorted(p.country or "" for p in meet.participants) == ["KEN", "RUS"]
