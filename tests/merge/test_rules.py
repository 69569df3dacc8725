"""Merge rules on composed reports: what joins, what stays apart, what is inferred."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from communique.merge import merge
from communique.records import (
    Document,
    Event,
    Location,
    OffsetMap,
    Organization,
    Participant,
    Source,
)


def person(name: str | None, country: str, role: str | None = None) -> Participant:
    return Participant(name, name, role, country, f"ent-{name}" if name else None)


LAM, PAT, LICH, QUANG = (
    person("Lam", "VNM"),
    person("Patrushev", "RUS"),
    person("Lich", "VNM"),
    person("Quang", "VNM"),
)


def report(
    doc: str,
    n: int,
    kind: str,
    date: str | None,
    people: list[Participant],
    city: str | None = "Hanoi",
    country: str | None = "VNM",
    **extra: object,
) -> Event:
    loc = Location(city, country) if city or country else None
    return Event(
        f"{doc}-{n}",
        kind,
        extra.pop("status", "occurred"),
        date,
        loc,
        tuple(people),  # type: ignore[arg-type]
        sources=(Source(doc, f"sentence {n} of {doc}", 10 * n, 10 * n + 5),),
        **extra,
    )  # type: ignore[arg-type]


def doc(doc_id: str, published: str | None = None) -> Document:
    return Document(doc_id, doc_id, "txt", "", "", OffsetMap(), "", published=published)


def docs_of(events: list[Event]) -> set[str]:
    return {s.doc_id for e in events for s in e.sources}


def test_year_less_report_inherits_the_cluster_date() -> None:
    evs = [
        report("a", 1, "MEET", "--07-25", [LAM, PAT], city=None),
        report("b", 1, "MEET", "2017-07-25", [PAT, LAM]),
        report("c", 1, "MEET", "2017-07-25", [LAM, PAT]),
    ]
    (rec,) = merge(evs, [doc("b", "2017-07-25"), doc("c", "2017-07-27")])
    assert rec.date == "2017-07-25" and [s.doc_id for s in rec.sources] == ["a", "b", "c"]
    assert any(
        i.field == "date" and i.value == "2017-07-25" and i.from_doc == "b" for i in rec.inferred
    )
    assert rec.location == Location("Hanoi", "VNM")
    assert any(i.field == "location" for i in rec.inferred)


def test_the_same_pair_in_two_years_is_two_events() -> None:
    evs = [
        report("a", 1, "MEET", "2017-07-25", [LAM, PAT]),
        report("b", 1, "MEET", "2021-03-16", [LAM, PAT]),
    ]
    assert len(merge(evs, [])) == 2


def test_year_less_report_fitting_two_years_stays_alone() -> None:
    evs = [
        report("a", 1, "MEET", "2017-07-25", [LAM, PAT]),
        report("b", 1, "MEET", "2019-07-25", [LAM, PAT]),
        report("c", 1, "MEET", "--07-25", [LAM, PAT]),
    ]
    recs = merge(evs, [])
    assert sorted(len(r.sources) for r in recs) == [1, 1, 1]


def test_publication_day_bounds_a_year_less_report() -> None:
    evs = [
        report("a", 1, "MEET", "--07-25", [LAM, PAT]),
        report("b", 1, "MEET", "2019-07-25", [LAM, PAT]),
    ]
    assert len(merge(evs, [doc("a", "2017-07-27")])) == 2
    assert len(merge(evs, [doc("a", "2019-07-27")])) == 1


def test_one_visitor_three_hosts_one_day_is_three_meetings() -> None:
    hosts = [LAM, LICH, QUANG]
    evs = [
        report(d, i, "MEET", "2017-07-25", [h, PAT])
        for d in ("a", "b")
        for i, h in enumerate(hosts)
    ]
    recs = merge(evs, [])
    assert len(recs) == 3 and all(docs_of([r]) == {"a", "b"} for r in recs)
    vague = report("c", 1, "MEET", "2017-07-25", [PAT, person(None, "VNM")])
    assert len(merge(evs + [vague], [])) == 4  # fits all three hosts: left alone


def test_counterparts_from_another_country_contradict() -> None:
    evs = [
        report("a", 1, "MEET", "2017-07-25", [LAM, PAT]),
        report("b", 1, "MEET", "2017-07-25", [PAT, person(None, "LAO")]),
    ]
    assert len(merge(evs, [])) == 2
    evs[1] = report("b", 1, "MEET", "2017-07-25", [PAT, person(None, "VNM")])
    assert len(merge(evs, [])) == 1


def test_visit_a_day_apart_is_one_visit_with_a_flag() -> None:
    evs = [
        report("a", 1, "VISIT", "2023-04-14", [PAT]),
        report("b", 1, "VISIT", "2023-04-15", [PAT]),
    ]
    (rec,) = merge(evs, [])
    assert rec.date == "2023-04-14"
    assert any("2023-04-14 (a)" in d and "2023-04-15 (b)" in d for d in rec.disagreements)


def test_places_in_two_countries_are_two_events_cities_are_flagged() -> None:
    evs = [
        report("a", 1, "VISIT", "2023-04", [PAT]),
        report("b", 1, "VISIT", "2023-04", [PAT], "Vientiane", "LAO"),
    ]
    assert len(merge(evs, [])) == 2
    evs[1] = report("b", 1, "VISIT", "2023-04", [PAT], "Da Nang", "VNM")
    (rec,) = merge(evs, [])
    assert any(d.startswith("location:") for d in rec.disagreements)


def test_sign_with_aliased_ministry_is_one_event() -> None:
    mps = Organization("Ministry of Public Security", "VNM")
    evs = [
        report(
            "a",
            1,
            "SIGN",
            "2017-07-25",
            [LAM, PAT],
            organizations=(mps, Organization("Ministry of the Interior", "RUS")),
        ),
        report(
            "b",
            1,
            "SIGN",
            "2017-07-25",
            [LAM, PAT],
            organizations=(mps, Organization("Ministry of Home Affairs", "RUS")),
        ),
    ]
    (rec,) = merge(evs, [])
    assert [o.country for o in rec.organizations] == ["VNM", "RUS"]
    assert any("Ministry of Home Affairs" in d for d in rec.disagreements)


def test_unnamed_signing_matched_by_parties_and_agreement_words() -> None:
    parties = [person(None, "VNM"), person(None, "RUS")]
    evs = [
        report(
            "a",
            1,
            "SIGN",
            "2013",
            parties,
            None,
            None,
            agreement="memorandum of understanding on national defence",
        ),
        report(
            "b",
            1,
            "SIGN",
            "2013",
            parties,
            None,
            None,
            agreement="Memorandum of Understanding between the Vietnamese and Russian"
            " defense ministries",
        ),
    ]
    assert len(merge(evs, [])) == 1
    other = report("b", 1, "SIGN", "2013", parties, None, None, agreement="agreement on fisheries")
    assert len(merge([evs[0], other], [])) == 2


def test_signing_mentioned_in_passing_joins_the_same_year_and_kind() -> None:
    parties = [person(None, "VNM"), person(None, "RUS")]
    vague = report(
        "a",
        1,
        "SIGN",
        "2013",
        parties,
        None,
        None,
        agreement="memorandum of understanding signed by the two countries",
    )
    described = report(
        "b",
        1,
        "SIGN",
        "2013",
        parties,
        None,
        None,
        agreement="memorandum between the defence ministries",
    )
    assert len(merge([vague, described], [])) == 1
    # another year, another kind of document, or two candidates: kept apart
    later = report("b", 1, "SIGN", "2014", parties, None, None, agreement="memorandum on defence")
    assert len(merge([vague, later], [])) == 2
    treaty = report("b", 1, "SIGN", "2013", parties, None, None, agreement="treaty on borders")
    assert len(merge([vague, treaty], [])) == 2
    second = report(
        "c", 1, "SIGN", "2013", parties, None, None, agreement="memorandum on fisheries"
    )
    records = merge([vague, described, second], [])
    assert sorted(len(r.sources) for r in records) == [1, 1, 1]


def test_unknown_date_joins_only_an_identical_unique_report() -> None:
    dated = report("a", 1, "MEET", "2023-06-23", [LAM, PAT])
    undated = report("b", 1, "MEET", None, [PAT, LAM])
    assert len(merge([dated, undated], [])) == 1
    no_city = report("b", 1, "MEET", None, [PAT, LAM], city=None)
    assert len(merge([dated, no_city], [])) == 2
    third = report("c", 1, "MEET", None, [PAT, LAM, LICH])
    assert len(merge([dated, third], [])) == 2


def test_planned_and_occurred_are_linked_not_merged() -> None:
    evs = [
        report("a", 1, "VISIT", "2017-11", [PAT], None, status="planned"),
        report("b", 1, "VISIT", "2017-11-10", [PAT], "Da Nang"),
    ]
    recs = merge(evs, [])
    assert len(recs) == 2
    planned = next(r for r in recs if r.status == "planned")
    occurred = next(r for r in recs if r.status == "occurred")
    assert planned.related == (occurred.event_id,) and occurred.related == (planned.event_id,)


def test_chain_of_weak_links_never_joins_contradicting_reports() -> None:
    evs = [
        report("a", 1, "VISIT", "2017-07-30", [PAT]),
        report("b", 1, "VISIT", "2017-07-31", [PAT]),
        report("c", 1, "VISIT", "2017-08-01", [PAT]),
    ]
    recs = merge(evs, [])
    assert all(len(docs_of([r])) <= 2 for r in recs)  # a and c are two days apart


def test_same_document_year_carries_to_its_other_year_less_dates() -> None:
    evs = [
        report("a", 1, "MEET", "--07-25", [LAM, PAT]),
        report("b", 1, "MEET", "2017-07-25", [LAM, PAT]),
        report("a", 2, "MEET", "--07-25", [LICH, PAT]),
    ]
    recs = merge(evs, [doc("b", "2017-07-25")])
    lich = next(r for r in recs if any(p.name == "Lich" for p in r.participants))
    assert lich.date == "2017-07-25" and lich.inferred[0].from_doc == "b"
    assert dt.date(2017, 7, 25).isoformat() == lich.date


def test_two_agreements_signed_at_one_ceremony_stay_two() -> None:
    evs = [
        report(
            "a",
            1,
            "SIGN",
            "2024-06-20",
            [LAM, PAT],
            agreement="agreement on nuclear energy research",
        ),
        report(
            "b", 1, "SIGN", "2024-06-20", [LAM, PAT], agreement="memorandum on tourism exchanges"
        ),
        report(
            "c", 1, "SIGN", "2024-06-20", [LAM, PAT], agreement="cooperation in tourism exchanges"
        ),
    ]
    recs = merge(evs, [])
    assert sorted(sorted(docs_of([r])) for r in recs) == [["a"], ["b", "c"]]


def test_same_agreement_dated_differently_is_one_signing_flagged() -> None:
    title = "memorandum of understanding on combating production and trafficking of psychotropic substances"
    evs = [
        report("a", 1, "SIGN", "2017-11", [LAM, PAT], agreement=title),
        report("b", 1, "SIGN", "2017-07-25", [LAM, PAT], agreement=title),
    ]
    (rec,) = merge(evs, [])
    assert rec.date == "2017-07-25"
    assert any(d.startswith("date: reports differ") for d in rec.disagreements)


def test_reports_of_one_page_need_firm_evidence_to_merge() -> None:
    story0 = Event(
        "p-1",
        "SIGN",
        "occurred",
        "2013",
        None,
        (PAT,),
        sources=(Source("p", "x", 0, 1),),
        story_index=0,
    )
    story1 = Event(
        "p-2",
        "SIGN",
        "occurred",
        "--07-25",
        None,
        (LAM, PAT),
        sources=(Source("p", "y", 5, 6),),
        story_index=1,
    )
    assert len(merge([story0, story1], [])) == 2
    same = Event(
        "p-3",
        "SIGN",
        "occurred",
        "--07-25",
        None,
        (PAT, LAM),
        sources=(Source("p", "z", 9, 10),),
        story_index=0,
    )
    assert len(merge([story1, same], [])) == 1  # two stories of a bundle, one signing
    assert (
        len(merge([story0, replace(same, participants=(PAT,))], [])) == 2
    )  # one story: extraction decided


def test_blocking_finds_every_compatible_bucket() -> None:
    """Direct bucket lookup must agree with the full compatibility test."""
    from communique.merge.index import _buckets_compatible, _nearby_buckets

    names = [
        "2016-12",
        "2017-01",
        "2017-02",
        "2017-03",
        "2017",
        "2016",
        "--12",
        "--01",
        "--02",
        "--03",
        "?",
    ]
    for bucket in ("2017-01", "2016-12", "2017-02"):
        near = _nearby_buckets(bucket)
        assert near is not None
        assert {n for n in names if n in near} == {
            n for n in names if _buckets_compatible(bucket, n)
        }
    assert _nearby_buckets("2017") is None and _nearby_buckets("--07") is None
