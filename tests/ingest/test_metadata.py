"""Metadata line shapes: timestamp lines, datelines, bylines, outlet marks."""

from __future__ import annotations

import pytest

from communique.ingest import document_from_text
from communique.ingest import metadata as md
from communique.records import Document

BODY = (
    "The defence ministers of Poland and Chile held talks on Thursday and agreed to "
    "expand cooperation in officer training and peacekeeping."
)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Thứ Năm, 27/07/2017, 13:34", "2017-07-27"),
        ("March 17, 2021 8:25 AM GMT+7", "2021-03-17"),
        ("TUESDAY, OCTOBER 17, 2023", "2023-10-17"),
        ("PUBLISHED : 18 Aug 2024 at 12:07", "2024-08-18"),
        ("16 сентября 2019", "2019-09-16"),
    ],
)
def test_timestamp_lines(line: str, day: str) -> None:
    assert md.timestamp_of(line) == day


@pytest.mark.parametrize(
    "line",
    [
        "The talks were held on March 17, 2021 in Hanoi.",
        "Vietnam, Russia intensify defence ties",
        "2021",
        "Over 2,000 delegates attended in 2019 and 2020 and again in 2021 and later",
    ],
)
def test_not_timestamp_lines(line: str) -> None:
    assert md.timestamp_of(line) is None


def test_dateline_with_year_gives_date_and_agency() -> None:
    found = md.dateline("HANOI, June 20, 2024 (Reuters) - Ministers met.", 100)
    assert found is not None
    date, agency = found
    assert date is not None and date.value == "2024-06-20" and date.start > 100
    assert agency is not None and agency.value == "Reuters"


def test_dateline_without_year_gives_no_date() -> None:
    found = md.dateline("ХАНОЙ, 16 сен - РИА Новости. Министры встретились.", 0)
    assert found is not None
    date, agency = found
    assert date is None and agency is not None and agency.value == "РИА Новости"
    assert md.dateline("Hanoi is the capital, 16 districts - more.", 0) is None


def test_bylines() -> None:
    assert md.byline_of("By Linh Bui") == "Linh Bui"
    assert md.byline_of("  BY Ana María Torres ") == "Ana María Torres"
    assert md.byline_of("By the way, the talks ended.") is None
    assert md.byline_of("by car to the border") is None


def test_outlet_marks_by_shape() -> None:
    leads = [md.lead_outlet(t) for t in ("VGP – Minister To Lam met.", "PSNews - Talks began.")]
    assert [x[0] if x else None for x in leads] == ["VGP", "PSNews"]
    paren = md.lead_outlet("(PLO)- Bộ trưởng Bộ Công an")
    assert paren is not None and paren[0] == "PLO"
    assert md.lead_outlet("HANOI - The ministry held talks.") is None  # a dateline place
    assert md.lead_outlet("Minister - a title - held talks.") is None
    trail = md.trailing_outlet("... new psychotropic substances. -VNA")
    assert trail is not None and trail[0] == "VNA"
    assert md.agency_line("VNA") == "VNA" and md.agency_line("Back to top") is None


def test_dated_dateline_sets_published_with_provenance() -> None:
    text = f"Poland and Chile deepen defence ties\n\nSANTIAGO, 14 November 2024 - {BODY}"
    doc = document_from_text(text, "d1", "test")
    assert isinstance(doc, Document)
    assert doc.published == "2024-11-14"
    prov = doc.provenance_of("published")
    assert prov is not None and prov.method == "dateline" and prov.start is not None
    assert doc.original[prov.start : prov.end] == "14 November 2024"


def test_no_stated_date_means_none() -> None:
    text = f"Poland and Chile deepen defence ties\n\nSANTIAGO, Nov 14 - {BODY}\n\nThey met in 2019 too."
    doc = document_from_text(text, "d2", "test")
    assert isinstance(doc, Document) and doc.published is None


def test_month_only_metadata_line() -> None:
    doc = document_from_text(f" date 2021-03 {BODY}", "d3", "test")
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_precision) == ("2021-03", "month")
    assert doc.clean == BODY


def test_caller_fields_win_over_the_text() -> None:
    doc = document_from_text(
        f" date 2021-03-01 {BODY}", "d4", "test", published="2021-03-02T10:00:00Z", title="Given"
    )
    assert isinstance(doc, Document)
    assert (doc.published, doc.title) == ("2021-03-02", "Given")
    prov = doc.provenance_of("published")
    assert prov is not None and prov.method == "jsonl-field"


@pytest.mark.parametrize(
    ("url", "published", "precision"),
    [
        ("https://news.example/2025/05/10/talks-in-moscow", "2025-05-10", "day"),
        ("https://news.example/world/2024-06-20/visit", "2024-06-20", "day"),
        ("https://news.example/2023/09/ministers-meet", "2023-09", "month"),
        ("https://news.example/2023/13/40/not-a-date", None, None),
        ("https://news.example/story/20250510", None, None),
        ("https://2025.example/2025", None, None),
    ],
)
def test_url_dates_the_article_when_nothing_else_does(
    url: str, published: str | None, precision: str | None
) -> None:
    doc = document_from_text(f"Ministers meet\n\n{BODY}\n", "u1", "test", url=url)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_precision) == (published, precision)
    if published:
        assert dict(doc.provenance)["published"].method == "url"


def test_a_stated_date_wins_over_the_url() -> None:
    url = "https://news.example/2025/05/10/talks"
    doc = document_from_text(
        f"Ministers meet\n\n{BODY}\n", "u2", "test", url=url, published="2025-05-11"
    )
    assert isinstance(doc, Document) and doc.published == "2025-05-11"
