"""Name parsing and keys: transliteration, name order, patronymics, descriptions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.resolve.names import (
    is_patronymic,
    loose_key,
    nominative_ru,
    parse_name,
    skeleton,
    strict_key,
    to_latin,
)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Патрушев", "Patrushev"), ("Николай", "Nikolay"), ("Шойгу", "Shoygu"), ("Юрий", "Yury")],
)
def test_cyrillic_to_latin_by_wikipedia_scheme(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("inflected", "nominative"),
    [
        ("Медведевым", "Медведев"),
        ("Дмитрием", "Дмитрий"),
        ("Путиным", "Путин"),
        ("Владимиром", "Владимир"),
        ("Валентиной", "Валентина"),
        ("Петрову", "Петров"),
        ("Шойгу", "Шойгу"),
        ("Ирина", "Ирина"),
        ("Матвиенко", "Матвиенко"),
    ],
)
def test_russian_case_forms_of_names_become_nominative(inflected: str, nominative: str) -> None:
    assert nominative_ru(inflected) == nominative


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergey", "Sergei"),
        ("Shoigu", "Shoygu"),
        ("Nikolay", "Nikolai"),
        ("Patrusev", "Patrushev"),
        ("Dmitriy", "Dmitry"),
        ("Dmitrii", "Dmitry"),
        ("Matviyenko", "Matvienko"),
        ("Alexei", "Aleksey"),
        ("Maxim", "Maksim"),
        ("Yevgeny", "Evgeny"),
    ],
)
def test_loose_key_equates_transliteration_variants(a: str, b: str) -> None:
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Khanh", "Hanh"), ("Phuc", "Dung"), ("Thuong", "Kiet"), ("Ivanov", "Ivanova")]
)
def test_loose_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert loose_key(a) != loose_key(b)


def test_diacritics_fold_including_d_with_stroke() -> None:
    assert strict_key("Lâm") == strict_key("Lam") == "lam"
    assert strict_key("Đinh") == "dinh"


def test_russian_surname_first_with_patronymic_is_reordered() -> None:
    name = parse_name("Patrusev Nikolay Platonovich")
    assert name is not None
    assert name.display == "Nikolay Patrusev"
    assert name.patronymic == "Platonovich"
    assert name.full == "Nikolay Platonovich Patrusev"
    other = parse_name("Nikolai Patrushev")
    assert other is not None and name.keys(True) == ("nikolai", "patrusev") == other.keys(True)


def test_given_patronymic_surname_drops_patronymic_for_display() -> None:
    name = parse_name("Andrey Removich Belousov")
    assert name is not None and name.display == "Andrey Belousov" and name.patronymic == "Removich"


def test_given_name_with_patronymic_is_a_partial_name() -> None:
    name = parse_name("Nikolai Platonovich")
    assert name is not None and name.tokens == ("Nikolai",) and name.patronymic == "Platonovich"


@pytest.mark.parametrize("raw", ["Nguyen Xuan Phuc", "Tran Dai Quang", "Vo Van Thuong"])
def test_vietnamese_names_keep_their_order(raw: str) -> None:
    name = parse_name(raw)
    assert name is not None and name.display == raw and name.patronymic is None


def test_cyrillic_inflected_name_parses_to_latin_nominative() -> None:
    name = parse_name("Дмитрием Медведевым")
    assert name is not None and name.display == "Dmitry Medvedev" and name.cyrillic


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [
        ("President Quang", ("Quang",)),
        ("Deputy PM Truong Hoa Binh", ("Truong", "Hoa", "Binh")),
        ("Mr Biden", ("Biden",)),
        ("General Lich", ("Lich",)),
        ("Colonel-General Aleksandr Gorovoy", ("Aleksandr", "Gorovoy")),
        ("PRESIDENT TRAN DAI QUANG", ("Tran", "Dai", "Quang")),
        ("Russian Foreign Minister Andrei Kozyrev", ("Andrei", "Kozyrev")),
        ("U.S. Secretary of State Warren Christopher", ("Warren", "Christopher")),
        ("U.N. mediator Diego Cordovez", ("Diego", "Cordovez")),
        ("Prime Minister John Major", ("John", "Major")),
        ("Crown Prince Mohammed bin Salman", ("Mohammed", "bin", "Salman")),
        ("Nguyen Thi Ba", ("Nguyen", "Thi", "Ba")),
        ("Russian Security Council Secretary Nikolai Patrushev", ("Nikolai", "Patrushev")),
    ],
)
def test_titles_before_a_name_are_dropped(raw: str, tokens: tuple[str, ...]) -> None:
    name = parse_name(raw)
    assert name is not None and name.tokens == tokens


def test_initials_are_kept_apart() -> None:
    name = parse_name("V. Putin")
    assert name is not None and name.tokens == ("Putin",) and name.initials == ("v",)
    klerk = parse_name("South African leader F.W. de Klerk")
    assert klerk is not None and klerk.display == "F.W. de Klerk" and klerk.initials == ("f", "w")


@pytest.mark.parametrize(
    "raw",
    [
        "the Russian leader",
        "The host",
        "Mr Xi's deputy",
        "Vietnam's top leader",
        "",
        None,
        "Ministry of Public Security of Viet Nam",
        "Korea Coast Guard",
        "Vietnam's Ministry of Public Security",
    ],
)
def test_descriptions_are_not_names(raw: str | None) -> None:
    assert parse_name(raw) is None


def test_patronymic_suffixes() -> None:
    assert is_patronymic("Platonovich") and is_patronymic("Removich") and is_patronymic("Ivanovna")
    assert not is_patronymic("Ich") and not is_patronymic("Patrushev")


def test_skeleton_meets_across_double_transliteration() -> None:
    assert [skeleton(to_latin(t)) for t in ("Лыонг", "Там", "Куанг")] == [
        skeleton(t) for t in ("Luong", "Tam", "Quang")
    ]


@given(st.text(max_size=30))
def test_parse_name_never_crashes_and_keys_are_ascii(raw: str) -> None:
    name = parse_name(raw)
    if name is not None:
        assert all(k.isascii() and k for k in name.keys(True))
        assert all(k.isascii() for k in name.keys(False))


def test_short_given_names_that_look_like_english_words_are_names() -> None:
    name = parse_name("Nguyen Van An")
    assert name is not None and name.keys(False) == ("nguyen", "van", "an")
