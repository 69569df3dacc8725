"""People in Vietnamese sentences: capitalised syllable runs, titles, appositions."""

from __future__ import annotations

import pytest

from communique.nlp.geo import Gazetteer
from communique.nlp.people import build_cast
from communique.nlp.vi_people import VietnamesePeople, fold_name


@pytest.fixture(scope="module")
def people() -> VietnamesePeople:
    return VietnamesePeople.load(Gazetteer.load())


def names(
    people: VietnamesePeople, text: str, cast=None
) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(p.text, p.role, p.country) for p in people.find(text, 0, cast)]


def test_title_before_a_vietnamese_name(people: VietnamesePeople) -> None:
    text = "Phó Thủ tướng Trần Văn Bình đã tiếp Đại sứ Pháp tại Hà Nội."
    assert names(people, text)[0] == ("Trần Văn Bình", "Phó Thủ tướng", None)


def test_office_in_apposition_wins_over_a_rank(people: VietnamesePeople) -> None:
    text = "Thượng tướng Đỗ Minh An, Thứ trưởng Bộ Quốc phòng, đã gặp đoàn khách."
    assert names(people, text) == [("Đỗ Minh An", "Thứ trưởng Bộ Quốc phòng", None)]


def test_foreign_name_after_title_and_country_is_stripped(people: VietnamesePeople) -> None:
    text = "Bộ trưởng Ngoại giao Ấn Độ Rahul Mehta phát biểu."
    found = names(people, text)
    assert [n for n, _, _ in found] == ["Rahul Mehta"]
    assert found[0][2] == "IND"


def test_places_and_sentence_starts_are_not_people(people: VietnamesePeople) -> None:
    assert names(people, "Hà Nội và Thành phố Hồ Chí Minh đón nhiều khách.") == []
    assert names(people, "Hai bên nhất trí tăng cường hợp tác.") == []
    assert names(people, "") == []


def test_names_without_diacritics_and_short_references(people: VietnamesePeople) -> None:
    folded = "Thu tuong Pham Van Hung da tiep ong Peter Brown."
    assert [(n, r) for n, r, _ in names(people, folded)] == [
        ("Pham Van Hung", "Thu tuong"),
        ("Peter Brown", None),
    ]
    cast = build_cast(people.find("Ông Peter Brown cảm ơn Thủ tướng Phạm Văn Hùng.", 0, None))
    later = people.find("Ông Brown nói rằng ông rất vui.", 0, cast)
    assert [p.text for p in later] == ["Peter Brown"]


def test_fold_name() -> None:
    assert fold_name("Tô Văn Lâm") == "To Van Lam"
    assert fold_name("Đặng Thị Ngọc Thịnh") == "Dang Thi Ngoc Thinh"


from hypothesis import given
from hypothesis import strategies as st

from communique.nlp.vi_people import fold_keep


@given(st.text(max_size=60))
def test_fold_keep_keeps_offsets(text: str) -> None:
    folded = fold_keep(text)
    assert len(folded) == len(text)


@given(
    st.text(alphabet="ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ ABCĐƯ,.", max_size=80)
)
def test_finder_never_crashes_on_arbitrary_text(people: VietnamesePeople, text: str) -> None:
    for p in people.find(text, 0, None):
        assert 0 <= p.start < p.end <= len(text)


@pytest.mark.parametrize(
    ("name", "vietnamese"),
    [
        ("Pham Binh Minh", True),
        ("Phạm Bình Minh", True),
        ("Nguyen Thi Kim Ngan", True),
        ("Vuong Dinh Hue", True),
        ("Kim Jong Un", False),  # a shared family name, Korean syllables
        ("Lam Cheng Yuet", False),  # pinyin "-eng"
        ("Lee Hsien Loong", False),
        ("Nguyen Van", False),  # two parts: too short to tell
        ("Tran", False),
    ],
)
def test_vietnamese_in_form(name: str, vietnamese: bool) -> None:
    from communique.nlp.vi_people import VietnameseLexicon, vietnamese_in_form

    family = VietnameseLexicon.load().given_last()
    assert vietnamese_in_form(name, family) is vietnamese
