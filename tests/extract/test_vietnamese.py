"""The Vietnamese front-end: composed news sentences -> drafts."""

from __future__ import annotations

import time

import pytest
from testkit import text_document

from communique.extract.events import Draft
from communique.extract.resources import Resources
from communique.extract.vietnamese import VietnameseFrontEnd, find_triggers
from communique.records import Document


@pytest.fixture(scope="module")
def front() -> VietnameseFrontEnd:
    res = Resources.load()
    return VietnameseFrontEnd.load(res.gazetteer, res.dates)


def doc(text: str, published: str | None) -> Document:
    return text_document(text, published, language="vi", doc_id="vi")


def drafts(
    front: VietnameseFrontEnd, text: str, published: str | None = "2023-07-26"
) -> list[Draft]:
    return front.drafts(doc(text, published), time.monotonic() + 30)


def people(d: Draft) -> list[tuple[str | None, str | None]]:
    return [(p.name, p.mention) for p in d.participants]


RECEPTION = (
    "Chiều 25/7, tại Hà Nội, Thủ tướng Phạm Văn Hùng đã tiếp Bộ trưởng Ngoại giao Ấn Độ Rahul Mehta "
    "đang thăm chính thức Việt Nam.\n"
    "Sau cuộc hội kiến, hai bên đã ký biên bản ghi nhớ về hợp tác giáo dục."
)


def test_reception_visit_and_signing(front: VietnameseFrontEnd) -> None:
    meet, visit, sign = drafts(front, RECEPTION)
    assert (meet.type, visit.type, sign.type) == ("MEET", "VISIT", "SIGN")
    assert people(meet) == [("Pham Van Hung", "Phạm Văn Hùng"), ("Rahul Mehta", "Rahul Mehta")]
    assert meet.participants[0].role == "Thủ tướng"
    assert meet.participants[1].role == "Bộ trưởng Ngoại giao Ấn Độ"
    assert meet.participants[1].country == "IND"
    assert meet.date == "2023-07-25"
    assert meet.location is not None and meet.location.name == "Hanoi"
    assert people(visit) == [("Rahul Mehta", "Rahul Mehta")]
    assert visit.location is not None and visit.location.country == "VNM"
    assert sign.agreement == "biên bản ghi nhớ về hợp tác giáo dục"
    assert {p.name for p in sign.participants} == {"Pham Van Hung", "Rahul Mehta"}


def test_apposition_office_and_short_reference(front: VietnameseFrontEnd) -> None:
    text = (
        "Sáng 16/9, Đại tướng Đỗ Minh An, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng đã hội đàm với "
        "ngài Carlos Ruiz, Bộ trưởng Quốc phòng Chile.\n"
        "Bộ trưởng Đỗ Minh An chào mừng ông Ruiz."
    )
    meet = drafts(front, text, "2024-09-17")[0]
    assert people(meet) == [("Do Minh An", "Đỗ Minh An"), ("Carlos Ruiz", "Carlos Ruiz")]
    assert meet.participants[0].role == "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng"
    assert meet.participants[1].country == "CHL"
    assert meet.date == "2024-09-16"


def test_names_without_diacritics(front: VietnameseFrontEnd) -> None:
    text = "Ngay 9/5, Chu tich nuoc Nguyen Van Toan da gap Tong thong Han Quoc Kim Min-jun."
    found = drafts(front, text, "2024-05-10")
    assert [people(d) for d in found if d.type == "MEET"] == [
        [("Nguyen Van Toan", "Nguyen Van Toan"), ("Kim Min-jun", "Kim Min-jun")]
    ]


def test_office_without_name_refers_to_the_named_holder(front: VietnameseFrontEnd) -> None:
    text = (
        "Ông Peter Brown, Ngoại trưởng Australia, hôm 3/4 bắt đầu chuyến thăm 2 ngày đến Việt Nam.\n"
        "Lần gần nhất Ngoại trưởng Australia thăm Việt Nam là vào tháng 5/2019."
    )
    visits = [d for d in drafts(front, text, "2024-04-04") if d.type == "VISIT"]
    assert [(v.participants[0].name, v.date) for v in visits] == [
        ("Peter Brown", "2024-04-03"),
        ("Peter Brown", "2019-05"),
    ]


def test_month_precision_publication_fixes_the_year(front: VietnameseFrontEnd) -> None:
    text = "Ông Peter Brown hôm 16/3 bắt đầu chuyến thăm Việt Nam."
    (visit,) = drafts(front, text, "2021-03")
    assert visit.date == "2021-03-16"


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        ("Thủ tướng tiếp Đại sứ Nhật Bản.", ["MEET"]),
        ("Hai bên tiếp tục trao đổi ý kiến.", []),
        ("Thư ký Hội đồng An ninh phát biểu.", []),
        ("Hai bộ trưởng đã ký kết thỏa thuận.", ["SIGN"]),
        ("Chủ tịch nước hội kiến Tổng thống Pháp.", ["MEET"]),
    ],
)
def test_triggers(sentence: str, types: list[str]) -> None:
    assert [t.type for t, _ in find_triggers(sentence)] == types


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "??? 16/9 !!!",
        "Giá vàng hôm nay tăng mạnh. Nhiều người dân Hà Nội xếp hàng mua vàng.",
        "Mixed текст Thủ tướng visit визит tiếp 16/9",
    ],
)
def test_no_events_and_no_crash_on_garbage_or_unrelated_text(
    front: VietnameseFrontEnd, text: str
) -> None:
    assert drafts(front, text) == []


def test_single_foreign_surname_after_a_title(front: VietnameseFrontEnd) -> None:
    (meet,) = drafts(front, "Tổng Bí thư Trần Quốc Hưng và Tổng thống Macron đã hội đàm tại Paris.")
    assert [p.name for p in meet.participants] == ["Tran Quoc Hung", "Macron"]
    assert meet.location is not None and meet.location.country == "FRA"


def test_signing_bodies_become_organizations(front: VietnameseFrontEnd) -> None:
    text = (
        "Sáng 11/3, Bộ Khoa học và Công nghệ Việt Nam và Bộ Giáo dục Lào đã ký thỏa thuận hợp tác."
    )
    (sign,) = drafts(front, text, "2024-03-12")
    assert [(o.name, o.country) for o in sign.organizations] == [
        ("Bộ Khoa học và Công nghệ Việt Nam", "VNM"),
        ("Bộ Giáo dục Lào", "LAO"),
    ]
    assert sign.date == "2024-03-11" and sign.agreement == "thỏa thuận hợp tác"


def test_building_named_after_an_office_and_delegation_country(front: VietnameseFrontEnd) -> None:
    text = "Chiều 20/6, tại Phủ Chủ tịch, Chủ tịch nước Trần Văn Nam hội đàm với Tổng thống Chile Carlos Ruiz."
    (meet,) = [d for d in drafts(front, text, "2024-06-21") if d.type == "MEET"]
    assert meet.participants[0].role == "Chủ tịch nước"
    text = "Bộ trưởng Quốc phòng Lào Chansamone Vong tiếp đoàn đại biểu Việt Nam do Thượng tướng Hoàng Xuân Chiến dẫn đầu."
    (meet,) = drafts(front, text)
    assert [(p.name, p.country) for p in meet.participants] == [
        ("Chansamone Vong", "LAO"),
        ("Hoang Xuan Chien", "VNM"),
    ]


def test_extractor_dispatches_vietnamese_documents(extractor, doc_from) -> None:  # type: ignore[no-untyped-def]
    events = extractor.extract(doc_from(RECEPTION, "2023-07-26", language="vi"))
    meet = events[0].to_json()
    assert meet["type"] == "MEET" and meet["date"] == "2023-07-25"
    assert [(p["name"], p["mention"]) for p in meet["participants"]] == [
        ("Pham Van Hung", "Phạm Văn Hùng"),
        ("Rahul Mehta", "Rahul Mehta"),
    ]
    assert meet["location"] == {"name": "Hanoi", "country": "VNM"}
