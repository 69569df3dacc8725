"""Date phrases resolved against the publication date (sentences composed for the test)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.nlp.dates import DateMention, find_dates, resolve_date

PUB = "2017-07-27"  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on July 25", PUB, "2017-07-25"),
        ("July 25", PUB, "2017-07-25"),
        ("25 July", PUB, "2017-07-25"),
        ("on July 25", None, "--07-25"),
        ("on August 1", PUB, "2017-08-01"),  # within a week after publication
        ("on August 30", PUB, "2016-08-30"),  # later than that: last year's
        ("March 16, 2021", PUB, "2021-03-16"),
        ("March 16, 2021", None, "2021-03-16"),
        ("in June this year", PUB, "2017-06"),
        ("June this year", PUB, "2017-06"),
        ("this June", PUB, "2017-06"),
        ("in June this year", None, "--06"),
        ("this November", PUB, "2017-11"),
        ("in this November", None, "--11"),
        ("last year", PUB, "2016"),
        ("in 2013", PUB, "2013"),
        ("in 2019", None, "2019"),
        ("on Tuesday", PUB, "2017-07-25"),
        ("on Thursday", PUB, "2017-07-27"),
        ("yesterday", PUB, "2017-07-26"),
        ("today", PUB, "2017-07-27"),
        ("June 2024", PUB, "2024-06"),
        ("27/07/2017", PUB, "2017-07-27"),
        ("16/9/2025", None, "2025-09-16"),
        ("TUESDAY, OCTOBER 17, 2023", None, "2023-10-17"),
        ("Aug. 19 (Xinhua)", "2024-08-19", "2024-08-19"),
        ("10th November, 2020", None, "2020-11-10"),
        ("from July 11-13", PUB, "2017-07-11"),
        ("in Hanoi last February", "2019-05-30", "2019-02"),
        ("last November", PUB, "2016-11"),
        ("in May", None, "--05"),
        ("in September", PUB, "2016-09"),
        ("last month", PUB, "2017-06"),
        ("2024-06-20", None, "2024-06-20"),
        ("9/12/2025", None, "2025-12-09"),  # day first
        ("12/25/2025", None, "2025-12-25"),  # month first only when day first cannot be
    ],
)
def test_english_phrases(phrase: str, published: str | None, expected: str) -> None:
    assert resolve_date(phrase, published) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "the same day",
        "in 2016-2018",
        "for the period of 2019-2021",
        "they may sign",
        "a march on the capital",
        "on Tuesday",
    ],
)
def test_not_dates(phrase: str) -> None:
    published = None if phrase == "on Tuesday" else PUB  # a weekday needs a reference
    assert find_dates(phrase, published) == []


def test_month_only_never_borrows_the_publication_day() -> None:
    for phrase in ["this November", "in June", "June this year", "в июне", "tháng 6"]:
        value = resolve_date(phrase, PUB, lang="ru" if "в" in phrase else "vi")
        assert value is not None and len(value) == 7, (phrase, value)


def test_future_flag_resolves_forwards() -> None:
    assert resolve_date("on August 30", PUB, future=True) == "2017-08-30"
    assert resolve_date("on January 5", "2017-12-28", future=True) == "2018-01-05"
    assert resolve_date("on January 5", "2017-12-28") == "2017-01-05"
    assert resolve_date("on Tuesday", PUB, future=True) == "2017-08-01"
    assert resolve_date("next Tuesday", PUB) == "2017-08-01"
    assert resolve_date("in September", PUB, future=True) == "2017-09"


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("9 декабря", None, "--12-09"),
        ("16 сентября 2025 года", None, "2025-09-16"),
        ("в июне", PUB, "2017-06"),
        ("в июне этого года", PUB, "2017-06"),
        ("в июне этого года", None, "--06"),
        ("ХАНОЙ, 16 сен", None, "--09-16"),
        ("в 2013 году", None, "2013"),
        ("в прошлом году", PUB, "2016"),
        ("9/12", None, "--12-09"),
        ("вчера", PUB, "2017-07-26"),
    ],
)
def test_russian_phrases(phrase: str, published: str | None, expected: str) -> None:
    assert resolve_date(phrase, published, lang="ru") == expected


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("ngày 9/12", None, "--12-09"),
        ("ngày 16/9/2025", None, "2025-09-16"),
        ("tháng 6", None, "--06"),
        ("Thứ Năm, 27/07/2017", None, "2017-07-27"),
        ("Ngày 16-9, tại Hà Nội", "2025-09-17", "2025-09-16"),
        ("ngày 16 tháng 9 năm 2025", None, "2025-09-16"),
        ("năm 2013", None, "2013"),
    ],
)
def test_vietnamese_phrases(phrase: str, published: str | None, expected: str) -> None:
    assert resolve_date(phrase, published, lang="vi") == expected


def test_bare_day_month_numbers_only_in_ru_and_vi() -> None:
    assert find_dates("a 9/12 vote", None, lang="en") == []
    assert resolve_date("a 9/12 vote", None, lang="vi") == "--12-09"


def test_mentions_carry_offsets_and_relative_flag() -> None:
    text = "Talks were held in Hanoi on July 25. The MoU was signed in 2013."
    found = find_dates(text, PUB)
    assert found == [
        DateMention(28, 35, "July 25", "2017-07-25", True),
        DateMention(56, 63, "in 2013", "2013", False),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_longest_phrase_wins() -> None:
    found = find_dates("visit to Russia in June this year", PUB)
    assert [(m.text, m.value) for m in found] == [("in June this year", "2017-06")]


def test_bad_publication_date_is_treated_as_unknown() -> None:
    assert resolve_date("on July 25", "not a date") == "--07-25"


def test_invalid_calendar_dates_are_skipped() -> None:
    assert find_dates("February 30 and 31/04/2020", PUB) == []


def test_fast_on_a_long_line() -> None:
    line = "Putin met To Lam in Hanoi on June 20, 2024 and 1/2 of 3000 people in 2013. " * 30000
    start = time.process_time()
    found = find_dates(line, "2024-06-21")
    assert len(found) == 60000
    assert time.process_time() - start < 30.0  # CPU seconds (~2)


@given(st.text(max_size=200))
def test_any_text_gives_contract_values(text: str) -> None:
    for mention in find_dates(text, PUB, lang="vi"):
        assert text[mention.start : mention.end] == mention.text
        v = mention.value
        assert (len(v) in (4, 7, 10) and v[:4].isdigit()) or v.startswith("--")


def test_dates_far_apart_in_long_text_are_all_found() -> None:
    filler = "The delegations discussed matters of common interest. " * 200
    text = f"On July 25 {filler}in June this year {filler}ngày 9/12 {filler}"
    found = find_dates(text, PUB, lang="vi")
    assert [(m.text, m.value) for m in found] == [
        ("July 25", "2017-07-25"),
        ("in June this year", "2017-06"),
        ("ngày 9/12", "2016-12-09"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_weeks_and_ago_resolve_to_a_day_only_when_counted_in_days() -> None:
    def value(text: str, published: str | None = "2022-05-20") -> list[str]:
        return [d.value for d in find_dates(text, published, "en")]

    assert value("They met three days ago.") == ["2022-05-17"]
    assert value("They met two weeks ago.") == ["2022-05"]
    assert value("They met last week.") == ["2022-05"]
    assert value("They met last week.", "2022-06-03") == ["2022-05"]
    assert value("They met a month ago.") == ["2022-04"]
    assert value("They met two weeks ago.", None) == []
    assert value("It was agony to wait a week.") == []
