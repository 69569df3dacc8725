"""Person resolution on composed events: variants merge, different people never do."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testkit import meet as event
from testkit import person

from communique.records import Entity, Event, Location, Organization
from communique.resolve import resolve


def names_by_mention(events: tuple[Event, ...]) -> dict[str, tuple[str | None, str | None]]:
    """mention -> (canonical name, entity id) over every participant."""
    return {p.mention or "": (p.name, p.entity_id) for e in events for p in e.participants}


RUS, VNM = "RUS", "VNM"
SEC = "Secretary of the Security Council of Russia"


def corpus() -> list[Event]:
    """Reports in several spellings of a Russian and Vietnamese official's names; the
    given-name-first English spelling is the one most documents use."""
    return [
        event(
            "d1",
            person("Nikolai Patrushev", SEC, RUS),
            person("To Lam", "Minister of Public Security", VNM),
            date="2017-07-25",
        ),
        event("d1", person("Patrushev", SEC, RUS), person("Lam", None, VNM), date="2017-07-25"),
        event(
            "d2",
            person("Patrusev Nikolay Platonovich", "Secretary of Russia's Security Council", RUS),
            person("Tô Lâm", "Minister of Public Security", VNM),
            date="2017-07-27",
        ),
        event(
            "d3",
            person("Nikolai Platonovich", None, RUS),
            date="2021-03-16",
            orgs=(Organization("Ministry of Public Security (MPS)", VNM), Organization("MPS", VNM)),
            where=Location("Ha Noi", VNM),
        ),
        event("d4", person("Николай Патрушев", "секретарь Совбеза", RUS), date="2021-03-17"),
        event(
            "d5",
            person("Sergey Shoigu", SEC, RUS),
            date="2024-12-09",
            orgs=(Organization("Public Security Ministry", None),),
            where=Location("Hanoi", VNM),
        ),
        event("d6", person("Sergei Shoigu", "Defence Minister", RUS), date="2020-05-01"),
        event(
            "d7",
            person("Nikolai Patrushev", "Russian Security Council Secretary", RUS),
            date="2020-11-10",
        ),
    ]


def test_variants_of_one_person_are_one_entity() -> None:
    out, entities = resolve(corpus())
    got = names_by_mention(out)
    patrushev = {
        got[m]
        for m in (
            "Nikolai Patrushev",
            "Patrushev",
            "Patrusev Nikolay Platonovich",
            "Nikolai Platonovich",
            "Николай Патрушев",
        )
    }
    assert len(patrushev) == 1
    ((name, entity_id),) = patrushev
    assert name == "Nikolai Patrushev" and entity_id
    assert got["Tô Lâm"] == got["To Lam"] == got["Lam"]
    assert got["Sergey Shoigu"] == got["Sergei Shoigu"]
    entity = next(e for e in entities if e.entity_id == entity_id)
    assert (
        "Patrusev Nikolay Platonovich" in entity.aliases
        and "Nikolay Platonovich Patrusev" in entity.aliases
    )
    assert any("patronymic" in r for r in entity.merge_reasons)
    assert all("confidence" in r for r in entity.merge_reasons)


def test_offices_over_time_and_who_held() -> None:
    from communique.resolve import Lexicon, who_held

    _, entities = resolve(corpus())
    lexicon = Lexicon.load()
    patrushev = next(e for e in entities if e.name == "Nikolai Patrushev")
    assert (SEC, "2017-07-25", "2020-11-10") in patrushev.offices
    held = who_held(
        entities, "Secretary of Russia's National Security Council", RUS, "2017-07-26", lexicon
    )
    assert [e.name for e in held] == ["Nikolai Patrushev"]
    later = who_held(entities, "Russian Security Council Secretary", RUS, "2024-12-09", lexicon)
    assert "Sergey Shoigu" in {e.name for e in later} or "Sergei Shoigu" in {e.name for e in later}


MUST_NOT_MERGE = [
    ("Nguyen Xuan Phuc", "Nguyen Tan Dung", VNM),
    ("Vo Van Thuong", "Vo Van Kiet", VNM),
    ("Tran Dai Quang", "Luong Tam Quang", VNM),
    ("Pham Binh Minh", "Pham Minh Chinh", VNM),
    ("Nguyen Van Khanh", "Nguyen Van Hanh", VNM),
    ("Sergei Ivanov", "Sergei Ivanova", RUS),
    ("Dmitry Medvedev", "Dmitry Peskov", RUS),
    ("Kim Jong Un", "Kim Yo Jong", "PRK"),
    ("Li Qiang", "Li Keqiang", "CHN"),
    ("Joe Biden", "Hunter Biden", "USA"),
]


@pytest.mark.parametrize(("a", "b", "country"), MUST_NOT_MERGE)
def test_different_people_never_merge(a: str, b: str, country: str) -> None:
    events = [
        event("x1", person(a, "President", country)),
        event("x2", person(b, "President", country)),
        event("x3", person(a, None, country), person(b, None, country)),
    ]
    out, _ = resolve(events)
    got = names_by_mention(out)
    assert got[a][1] != got[b][1]
    assert got[a][0] == a and got[b][0] == b


def test_partial_name_with_two_candidates_in_document_stays_apart() -> None:
    events = [
        event(
            "v1",
            person("Tran Dai Quang", "President", VNM),
            person("Luong Tam Quang", "Minister", VNM),
        ),
        event("v1", person("Quang", "Chairman", VNM)),
    ]
    out, _ = resolve(events)
    got = names_by_mention(out)
    assert got["Quang"][1] not in {got["Tran Dai Quang"][1], got["Luong Tam Quang"][1]}


def test_partial_name_resolved_by_role_among_two_in_document() -> None:
    events = [
        event(
            "v1",
            person("Tran Dai Quang", "President", VNM),
            person("Luong Tam Quang", "Minister of Public Security", VNM),
        ),
        event("v1", person("Quang", "Vietnamese President", VNM)),
    ]
    got = names_by_mention(resolve(events)[0])
    assert got["Quang"] == got["Tran Dai Quang"]


def test_partial_name_across_documents_needs_the_same_office() -> None:
    events = [
        event("a", person("Vladimir Putin", "President", RUS), date="2024-06-19"),
        event("b", person("Putin", "Russian President", RUS), date="2024-07-01"),
        event("c", person("Lam", "Prime Minister", VNM), date="2024-07-01"),
        event("d", person("To Lam", "President", VNM), date="2024-06-19"),
    ]
    got = names_by_mention(resolve(events)[0])
    assert got["Putin"] == got["Vladimir Putin"]
    assert got["Lam"][1] != got["To Lam"][1]  # an office nobody of that name held


def test_description_resolved_by_office_in_document() -> None:
    events = [
        event(
            "a",
            person("Vladimir Putin", "President", RUS),
            person("Srettha Thavisin", "Prime Minister", "THA"),
        ),
        event("a", person("The Russian leader", "President", RUS)),
    ]
    got = names_by_mention(resolve(events)[0])
    assert got["The Russian leader"] == got["Vladimir Putin"]


def test_unnamed_side_stays_unnamed() -> None:
    events = [
        event("a", person(None, "delegation", "LAO"), person("Vladimir Putin", "President", RUS))
    ]
    out, _ = resolve(events)
    assert out[0].participants[0].name is None and out[0].participants[0].entity_id is None


def test_known_entities_keep_their_ids_and_absorb_aliases() -> None:
    events = corpus()
    first_batch = [e for e in events if e.sources[0].doc_id in {"d1", "d2", "d7"}]
    later = [e for e in events if e.sources[0].doc_id not in {"d1", "d2", "d7"}]
    _, entities = resolve(first_batch)
    old = {e.name: e for e in entities if e.type == "person"}
    stored_lam = Entity(
        "per_stored_elsewhere",
        "person",
        "To Lam",
        VNM,
        ("Tô Lâm",),
        offices=(("Minister of Public Security", "2017-07-25", "2021-03-16"),),
    )
    known = [e for e in entities if e.name != "To Lam"] + [stored_lam]
    lam = event("d9", person("Lam", "Minister of Public Security", VNM), date="2018-01-01")
    second, entities2 = resolve([*later, lam], known)
    got = names_by_mention(second)
    assert got["Nikolai Platonovich"] == ("Nikolai Patrushev", old["Nikolai Patrushev"].entity_id)
    assert got["Николай Патрушев"] == ("Nikolai Patrushev", old["Nikolai Patrushev"].entity_id)
    assert got["Lam"] == ("To Lam", "per_stored_elsewhere")
    updated = next(e for e in entities2 if e.entity_id == old["Nikolai Patrushev"].entity_id)
    assert "Николай Патрушев" in updated.aliases
    assert set(old["Nikolai Patrushev"].aliases) <= set(updated.aliases)


def test_ids_are_stable_across_runs_and_spellings_order() -> None:
    a = resolve(corpus())
    b = resolve(list(reversed(corpus())))
    assert {e.entity_id: e for e in a[1]} == {e.entity_id: e for e in b[1]}


@settings(max_examples=25, deadline=None)
@given(st.permutations(corpus()))
def test_result_does_not_depend_on_input_order(events: list[Event]) -> None:
    out, entities = resolve(events)
    ref_out, ref_entities = resolve(corpus())
    assert entities == ref_entities
    assert names_by_mention(out) == names_by_mention(ref_out)


def test_name_and_patronymic_resolved_by_office_when_no_patronymic_seen() -> None:
    events = [
        event("a", person("Nikolai Patrushev", SEC, RUS), date="2020-11-10"),
        event(
            "b",
            person("Nikolai Platonovich", "Secretary of Russia's Security Council", RUS),
            date="2021-03-16",
        ),
        event("c", person("Slobodan Milosevich", None, "SRB")),
    ]
    got = names_by_mention(resolve(events)[0])
    assert got["Nikolai Platonovich"] == got["Nikolai Patrushev"]
    assert got["Slobodan Milosevich"][0] == "Slobodan Milosevich"


def test_stored_bare_surname_gives_way_to_a_full_name_but_keeps_its_id() -> None:
    stored = Entity(
        "per_stored_putin",
        "person",
        "Putin",
        RUS,
        ("Putin",),
        offices=(("President", "2024-05-01", "2024-06-20"),),
    )
    out, entities = resolve(
        [event("z", person("Vladimir Putin", "Russian President", RUS), date="2024-07-01")],
        [stored],
    )
    assert names_by_mention(out)["Vladimir Putin"] == ("Vladimir Putin", "per_stored_putin")
    assert [e.name for e in entities if e.type == "person"] == ["Vladimir Putin"]


def test_unstated_country_is_filled_from_the_entity() -> None:
    events = [
        event("a", person("Tran Dai Quang", "President", None)),
        event("b", person("Tran Dai Quang", "President", VNM)),
    ]
    out, _ = resolve(events)
    assert [e.participants[0].country for e in out] == [VNM, VNM]
    assert out[0].participants[0].entity_id == out[1].participants[0].entity_id


def test_same_full_name_with_conflicting_countries_needs_the_same_office() -> None:
    events = [
        event("a", person("Pham Binh Minh", "Deputy Prime Minister", VNM)),
        event("b", person("Pham Binh Minh", "Deputy Prime Minister and Foreign Minister", "JPN")),
        event("c", person("Pham Binh Minh", "Deputy PM", None)),
        event("d", person("Kim Min Su", "Minister of Trade", "KOR")),
        event("e", person("Kim Min Su", "Ambassador", "PRK")),
    ]
    out, _ = resolve(events)
    ids = [e.participants[0].entity_id for e in out]
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] != ids[4]
