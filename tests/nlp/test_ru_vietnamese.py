"""Vietnamese names written in Cyrillic, spelled back."""

from __future__ import annotations

import pytest

from communique.nlp.ru_vietnamese import looks_vietnamese, vietnamese_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Нгуен Суан Лок", "Nguyen Xuan Loc"),
        ("Чан Ван Куанг", "Tran Van Quang"),
        ("Хо Минь Тьинь", "Ho Minh Chinh"),
        ("Ле Ван Тхыонг", "Le Van Thuong"),
        ("Динь Тан Зунг", "Dinh Tan Dung"),
        ("Као Тхань Шон", "Cao Thanh Son"),
        ("Выонг Ван Хюэ", "Vuong Van Hue"),
    ],
)
def test_vietnamese_latin(cyrillic: str, latin: str) -> None:
    assert looks_vietnamese(cyrillic)
    assert vietnamese_latin(cyrillic) == latin


@pytest.mark.parametrize("name", ["Сергей Орлов", "Орлов", "Владимир Ильич Ленин", "Ли", "A B"])
def test_other_names_do_not_look_vietnamese(name: str) -> None:
    assert not looks_vietnamese(name)


from hypothesis import given
from hypothesis import strategies as st

_CYRILLIC = st.text(
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕКЛМНТХЧ", min_size=1, max_size=12
)


@given(st.lists(_CYRILLIC, min_size=1, max_size=4))
def test_spelling_back_gives_latin_letters_only(words: list[str]) -> None:
    latin = vietnamese_latin(" ".join(words))
    assert len(latin.split()) == len(words)
    assert all(c.isascii() for c in latin)
