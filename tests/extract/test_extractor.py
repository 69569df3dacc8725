"""End-to-end extraction on sentences composed for these tests (no article text)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from communique.extract import Extractor
from communique.records import Document, Event


def run(extractor: Extractor, doc_from: Callable[..., Document], text: str, published: str | None = "2022-05-20") -> list[Event]:
    return list(extractor.extract(doc_from(text, published)))


def names(e: Event) -> set[str]:
    return {p.name or "" for p in e.participants}


def test_meet_with_titles_roles_countries_and_date(extractor, doc_from) -> None:
    text = (
        "Foreign Minister Kari Nordmann of Norway on May 18 received visiting Chilean Minister of Economy "
        "Pablo Rojas in Oslo.\n"
    )
    events = run(extractor, doc_from, text)
    meets = [e for e in events if e.type == "MEET"]
    assert len(meets) == 1
    m = meets[0]
    assert names(m) == {"Kari Nordmann", "Pablo Rojas"}
    roles = {p.name: p.role for p in m.participants}
    assert roles["Pablo Rojas"] == "Chilean Minister of Economy"
    assert {p.name: p.country for p in m.participants}["Pablo Rojas"] == "CHL"
    assert m.date == "2022-05-18"
    assert m.location is not None and m.location.country == "NOR"
    visits = [e for e in events if e.type == "VISIT"]
    assert [names(v) for v in visits] == [{"Pablo Rojas"}]
    assert visits[0].location is not None and visits[0].location.country == "NOR"


def test_quote_offsets_point_into_the_original(extractor, doc_from) -> None:
    text = "Intro line.\n\nPresident Anna Berg of Sweden held talks with Prime Minister Ali Demir of Turkey in Stockholm on May 2.\n"
    doc = doc_from(text, "2022-05-20")
    (event,) = [e for e in extractor.extract(doc) if e.type == "MEET"]
    src = event.sources[0]
    assert doc.original[src.start : src.end] == src.quote
    assert src.quote.startswith("President Anna Berg")


def test_headline_lead_and_caption_of_one_meeting_are_one_event(extractor, doc_from) -> None:
    text = (
        "President Anna Berg (R) welcomes Prime Minister Ali Demir of Turkey\n\n"
        "President Anna Berg of Sweden on May 2 hosted a reception for Prime Minister Ali Demir of Turkey in Stockholm.\n\n"
        "At the reception, Berg said relations were good. During their talks with each other, Demir agreed.\n"
    )
    meets = [e for e in run(extractor, doc_from, text) if e.type == "MEET"]
    assert len(meets) == 1
    assert meets[0].date == "2022-05-02"


def test_three_meetings_of_one_visitor_are_three_events(extractor, doc_from) -> None:
    text = (
        "Prime Minister Ali Demir of Turkey on May 2 held talks with President Anna Berg of Sweden in Stockholm.\n"
        "On the same day, Demir met with Speaker of the Riksdag Lars Holm.\n"
        "Demir also met Swedish Foreign Minister Eva Lind.\n"
    )
    meets = [e for e in run(extractor, doc_from, text) if e.type == "MEET"]
    assert [sorted(names(e)) for e in meets] == [
        ["Ali Demir", "Anna Berg"],
        ["Ali Demir", "Lars Holm"],
        ["Ali Demir", "Eva Lind"],
    ]
    assert all(e.date == "2022-05-02" for e in meets[:2])


def test_planned_visit_is_planned(extractor, doc_from) -> None:
    text = "Sweden said Prime Minister Ali Demir of Turkey will visit Stockholm in June to meet President Anna Berg of Sweden.\n"
    events = run(extractor, doc_from, text)
    assert events, "the planned visit should be extracted"
    assert all(e.status == "planned" for e in events)
    assert any(e.type == "VISIT" and e.location and e.location.country == "SWE" for e in events)


def test_upcoming_visit_is_planned_and_past_visit_is_dated(extractor, doc_from) -> None:
    text = (
        "Minister Kari Nordmann of Norway recalled President Anna Berg's visit to Norway in March this year "
        "and the upcoming visit by President Sven Olsen of Finland to Norway in November.\n"
    )
    events = {(e.type, e.status): e for e in run(extractor, doc_from, text)}
    past = events[("VISIT", "occurred")]
    assert names(past) == {"Anna Berg"} and past.date == "2022-03"
    assert names(events[("VISIT", "planned")]) == {"Sven Olsen"}


def test_sign_has_agreement_organizations_and_meeting_participants(extractor, doc_from) -> None:
    text = (
        "Minister of Justice Kari Nordmann of Norway held talks with Minister of Justice Pablo Rojas of Chile in Oslo on May 3.\n"
        "Following the talks, the two sides signed a memorandum of understanding between the Ministry of Justice "
        "of Norway and the Ministry of Justice of Chile on cooperation in fighting cybercrime.\n"
    )
    (sign,) = [e for e in run(extractor, doc_from, text) if e.type == "SIGN"]
    assert names(sign) == {"Kari Nordmann", "Pablo Rojas"}
    assert sign.agreement == "memorandum of understanding on cooperation in fighting cybercrime"
    assert {(o.name, o.country) for o in sign.organizations} >= {("Ministry of Justice of Norway", "NOR")}
    assert sign.date == "2022-05-03"


def test_vietnamese_short_names_resolve_to_full_names(extractor, doc_from) -> None:
    text = (
        "Minister of Public Security Tran Van Hoa of Vietnam received Secretary of the Security Council of Russia "
        "General Ivan Petrov in Hanoi on May 5.\n"
        "Hoa said cooperation was good. Later, Hoa and Petrov witnessed the signing of an agreement on cooperation.\n"
    )
    sign = [e for e in run(extractor, doc_from, text) if e.type == "SIGN"]
    assert sign and names(sign[0]) == {"Tran Van Hoa", "Ivan Petrov"}
    assert {p.mention for p in sign[0].participants} == {"Hoa", "Petrov"}


def test_empty_and_title_only_documents_give_no_events(extractor, doc_from) -> None:
    assert run(extractor, doc_from, "") == []
    assert run(extractor, doc_from, "Minister Holds Talks With Secretary Of Council\n") == []


def test_non_english_text_gives_no_events(extractor, doc_from) -> None:
    text = "Президент России провёл переговоры с министром обороны Вьетнама в Москве 5 мая."
    assert list(extractor.extract(doc_from(text, language="ru"))) == []
    assert list(extractor.extract(doc_from(text, language=None))) == []


def test_huge_single_line_document_is_bounded(extractor, doc_from) -> None:
    line = ("the delegation held talks with officials about trade and cooperation " * 75000)[:5_000_000]
    start = time.monotonic()
    events = run(extractor, doc_from, line)
    assert events == []
    assert time.monotonic() - start < 60  # bounded by MAX_CHARS and MAX_CANDIDATES


def test_event_ids_are_stable_and_json_is_contract_shaped(extractor, doc_from) -> None:
    text = "President Anna Berg of Sweden met Prime Minister Ali Demir of Turkey in Stockholm on May 2.\n"
    a, b = run(extractor, doc_from, text), run(extractor, doc_from, text)
    assert [e.event_id for e in a] == [e.event_id for e in b] and a
    row = json.loads(json.dumps(a[0].to_json()))
    assert set(row) >= {"event_id", "type", "status", "date", "location", "participants", "organizations", "agreement", "topics", "sources"}


def test_definite_descriptions_refer_to_people_named_earlier(extractor, doc_from) -> None:
    text = (
        "Foreign Minister Kari Nordmann of Norway welcomed US Secretary of State Tom Hale in Oslo on May 4.\n"
        "Following the ceremony, the Norwegian Foreign Minister and the US Secretary of State held talks.\n"
    )
    meets = [e for e in run(extractor, doc_from, text) if e.type == "MEET"]
    assert [sorted(names(e)) for e in meets] == [["Kari Nordmann", "Tom Hale"]]


def test_two_countries_offices_joined_by_and_are_two_people(extractor, doc_from) -> None:
    text = (
        "Swedish President Anna Berg arrived in Ankara on May 6.\n"
        "The Swedish President and Turkish leader Ali Demir signed on May 7 a treaty on trade.\n"
    )
    (sign,) = [e for e in run(extractor, doc_from, text) if e.type == "SIGN"]
    assert names(sign) == {"Anna Berg", "Ali Demir"}
    assert {p.name: p.role for p in sign.participants}["Ali Demir"] == "Turkish leader"
