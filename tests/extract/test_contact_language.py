"""Classes of English contact language found by composed probes (invented names and
sentences): diplomats' postings, resident diplomats' calls, departures, passive talks,
remote contacts, signings before witnesses, and false contacts of general news."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from testkit import of_type

from communique.extract import Extractor
from communique.extract.english import _triggers
from communique.records import Document, Event

PUBLISHED = "2022-05-20"


def run(extractor: Extractor, doc_from: Callable[..., Document], text: str) -> list[Event]:
    return list(extractor.extract(doc_from(text + "\n", PUBLISHED)))


def sides(e: Event) -> set[tuple[str | None, str | None]]:
    return {(p.name, p.country) for p in e.participants}


# -- 1. "Ambassador to X": X is the posting, the demonym or "of Y" the sender ---------


@pytest.mark.parametrize(
    ("text", "diplomat", "sender", "host"),
    [
        (
            (
                "Kenyan Ambassador to Peru Joseph Mwangi met Peruvian Foreign Minister "
                "Luis Vega in Lima on Monday."
            ),
            "Joseph Mwangi",
            "KEN",
            ("Luis Vega", "PER"),
        ),
        (
            (
                "Ghanaian Ambassador to Chile Kwame Mensah met Chilean Foreign Minister "
                "Ana Rojas in Santiago on Tuesday."
            ),
            "Kwame Mensah",
            "GHA",
            ("Ana Rojas", "CHL"),
        ),
        (
            (
                "Norway's Ambassador to Argentina Ola Berg held talks with Argentine Economy "
                "Minister Diego Ruiz in Buenos Aires on Tuesday."
            ),
            "Ola Berg",
            "NOR",
            ("Diego Ruiz", "ARG"),
        ),
    ],
)
def test_posting_is_not_the_senders_country(
    extractor: Extractor,
    doc_from: Callable[..., Document],
    text: str,
    diplomat: str,
    sender: str,
    host: tuple[str, str],
) -> None:
    meets = of_type(run(extractor, doc_from, text), "MEET")
    assert len(meets) == 1
    assert sides(meets[0]) == {(diplomat, sender), host}


# -- 2. a resident diplomat's call implies no trip ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        (
            "Kenyan Ambassador Joseph Mwangi paid a courtesy call on Peruvian Foreign Minister "
            "Luis Vega in Lima on Monday."
        ),
        (
            "Peruvian Foreign Minister Luis Vega received Kenyan Ambassador Joseph Mwangi in "
            "Lima on Monday."
        ),
        (
            "Peruvian Foreign Minister Luis Vega received Kenyan Chargé d'Affaires Joseph "
            "Mwangi in Lima on Monday."
        ),
    ],
)
def test_resident_diplomat_makes_no_visit(
    extractor: Extractor, doc_from: Callable[..., Document], text: str
) -> None:
    events = run(extractor, doc_from, text)
    assert len(of_type(events, "MEET")) == 1
    assert of_type(events, "VISIT") == []


def test_a_minister_received_there_still_travelled(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = "Peruvian Foreign Minister Luis Vega received Kenyan Trade Minister Joseph Mwangi in Lima on Monday."
    visits = of_type(run(extractor, doc_from, text), "VISIT")
    assert [sides(v) for v in visits] == [{("Joseph Mwangi", "KEN")}]


# -- 3. departures name the destination after "for" -----------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kenyan President Daniel Otieno left Nairobi for Lima on Sunday.", "Lima"),
        ("Kenyan President Daniel Otieno departed for Lima on Sunday.", "Lima"),
        ("Kenyan President Daniel Otieno set off for Peru on Sunday for a state visit.", None),
        ("Kenyan President Daniel Otieno headed for Lima on Sunday.", "Lima"),
        ("Kenyan President Daniel Otieno headed to Lima on Sunday.", "Lima"),
    ],
)
def test_departure_gives_a_visit_to_the_destination(
    extractor: Extractor, doc_from: Callable[..., Document], text: str, place: str | None
) -> None:
    visits = of_type(run(extractor, doc_from, text), "VISIT")
    assert len(visits) == 1
    assert sides(visits[0]) == {("Daniel Otieno", "KEN")}
    assert visits[0].location is not None
    assert (visits[0].location.name, visits[0].location.country) == (place, "PER")
    assert visits[0].date == "2022-05-15"


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan Finance Minister Daniel Otieno left the ministry for a job at a bank.",
        "Kenyan President Daniel Otieno left Parliament for the airport on Sunday.",
        "Kenyan President Daniel Otieno left Lima for Nairobi on Sunday.",  # going home
    ],
)
def test_departure_for_no_foreign_place_is_no_visit(
    extractor: Extractor, doc_from: Callable[..., Document], text: str
) -> None:
    assert of_type(run(extractor, doc_from, text), "VISIT") == []


# -- 4. passive "talks were held between" ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Talks were held between the delegations of Peru and Kenya in Lima on Monday.",
        "Consultations were held between Peru and Kenya in Lima on Monday.",
        "Talks were held between the Peruvian and Kenyan delegations in Lima on Monday.",
    ],
)
def test_passive_talks_between_states(
    extractor: Extractor, doc_from: Callable[..., Document], text: str
) -> None:
    meets = of_type(run(extractor, doc_from, text), "MEET")
    assert len(meets) == 1
    assert sides(meets[0]) == {(None, "PER"), (None, "KEN")}
    assert meets[0].date == "2022-05-16"


def test_passive_talks_between_named_people(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = (
        "Talks were held between Peruvian Foreign Minister Luis Vega and Kenyan Foreign "
        "Minister Joseph Mwangi in Lima on Monday."
    )
    meets = of_type(run(extractor, doc_from, text), "MEET")
    assert [sides(m) for m in meets] == [{("Luis Vega", "PER"), ("Joseph Mwangi", "KEN")}]


# -- 5. contacts at a distance ---------------------------------------------------------

LEADERS = {("Rosa Campos", "PER"), ("Daniel Otieno", "KEN")}


@pytest.mark.parametrize(
    "text",
    [
        (
            "Peruvian President Rosa Campos and Kenyan President Daniel Otieno exchanged views "
            "by video conference on Monday."
        ),
        (
            "Peruvian President Rosa Campos and Kenyan President Daniel Otieno held a video "
            "call on Monday."
        ),
        (
            "Peruvian President Rosa Campos and Kenyan President Daniel Otieno held online "
            "talks on Monday."
        ),
        (
            "Peruvian President Rosa Campos and Kenyan President Daniel Otieno held virtual "
            "talks on Monday."
        ),
        (
            "Peruvian President Rosa Campos had a phone conversation with Kenyan President "
            "Daniel Otieno on Monday."
        ),
        (
            "Peruvian President Rosa Campos held a video conference with Kenyan President "
            "Daniel Otieno on Monday."
        ),
        (
            "Peruvian President Rosa Campos exchanged views with Kenyan President Daniel "
            "Otieno on Monday."
        ),
    ],
)
def test_remote_contact_is_a_meeting(
    extractor: Extractor, doc_from: Callable[..., Document], text: str
) -> None:
    events = run(extractor, doc_from, text)
    meets = of_type(events, "MEET")
    assert [sides(m) for m in meets] == [LEADERS]
    assert meets[0].date == "2022-05-16"
    assert of_type(events, "VISIT") == []


def test_a_company_video_conference_is_no_meeting(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = "The company held a video conference for investors on Monday."
    assert run(extractor, doc_from, text) == []


# -- 6. signings before witnesses ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        (
            "In the presence of President Rosa Campos and President Daniel Otieno, the two "
            "sides signed an agreement on visa exemption in Lima on Monday."
        ),
        (
            "Peru and Kenya signed an agreement on visa exemption in Lima on Monday, in the "
            "presence of President Rosa Campos and President Daniel Otieno."
        ),
        (
            "Witnessed by President Rosa Campos and President Daniel Otieno, the ministers "
            "signed a memorandum of understanding on trade in Lima on Monday."
        ),
    ],
)
def test_witnesses_stand_for_the_parties(
    extractor: Extractor, doc_from: Callable[..., Document], text: str
) -> None:
    signs = of_type(run(extractor, doc_from, text), "SIGN")
    assert len(signs) == 1
    assert {p.name for p in signs[0].participants} == {"Rosa Campos", "Daniel Otieno"}


def test_witnesses_take_the_signing_states_in_order(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = (
        "Peru and Kenya signed an agreement on visa exemption in Lima on Monday, in the "
        "presence of President Rosa Campos and President Daniel Otieno."
    )
    signs = of_type(run(extractor, doc_from, text), "SIGN")
    assert sides(signs[0]) == LEADERS


def test_the_two_leaders_witnessing_are_the_sides_of_the_talks(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = (
        "Peruvian President Rosa Campos held talks with Kenyan President Daniel Otieno in "
        "Lima on Monday. After the talks, the two leaders witnessed the signing of five "
        "cooperation documents."
    )
    signs = of_type(run(extractor, doc_from, text), "SIGN")
    assert [sides(s) for s in signs] == [LEADERS]
    assert signs[0].date == "2022-05-16"


# -- 7. false contacts of general news -------------------------------------------------


def test_visiting_officials_came_from_the_place(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = (
        "He testified that Peruvian Ambassador Luis Vega told visiting Kenyan officials "
        "they would need to deliver results."
    )
    assert of_type(run(extractor, doc_from, text), "VISIT") == []


@pytest.mark.parametrize(
    "text",
    [
        (
            "A book fair opened in Lima on Monday. When Kenyan writer Daniel Otieno visited "
            "his editor Ana Rojas at her office, he left poems on her desk."
        ),
        (
            "Kenyan businessman Daniel Otieno and Ana Rojas were friends for years, visiting "
            "each other at the home of Peruvian banker Luis Vega in Lima."
        ),
        (
            "Kenyan businessman Daniel Otieno was in Lima last year, visiting his family and "
            "Peruvian banker Luis Vega."
        ),
    ],
)
def test_calling_on_people_is_no_trip(
    extractor: Extractor, doc_from: Callable[..., Document], text: str
) -> None:
    assert of_type(run(extractor, doc_from, text), "VISIT") == []


def test_perfect_signing_is_an_undated_reference(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = (
        "The only two states to have signed peace treaties with Peru - Kenya and Chile - "
        "criticised the decision on Monday."
    )
    for e in of_type(run(extractor, doc_from, text), "SIGN"):
        assert e.date is None
        assert e.location is None


def test_a_noun_meeting_someone_wanted_is_no_meeting() -> None:
    noun = "They would agree to a meeting Daniel Otieno wanted with Rosa Campos."
    verb = "She said so while meeting Daniel Otieno in Lima."
    assert not [t for t, _ in _triggers(noun) if t.mode == "obj"]
    assert [m.group(0) for t, m in _triggers(verb) if t.mode == "obj"] == ["meeting"]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Peruvian Foreign Minister Luis Vega had a meeting with him, in which he said "
            "“President Daniel Otieno of Kenya will decide.”"
        ),
        (
            "Kenyan Ambassador Joseph Mwangi had one meeting with him, in which the minister "
            '"raised, and I rejected, the claim that Peruvian President Rosa Campos would be '
            'influenced".'
        ),
    ],
)
def test_a_quotation_after_the_trigger_is_not_its_object(
    extractor: Extractor, doc_from: Callable[..., Document], text: str
) -> None:
    assert of_type(run(extractor, doc_from, text), "MEET") == []


# -- 9. the name's form against the dominant-country fallback --------------------------


def test_vietnamese_name_keeps_vietnam_in_a_document_about_japan(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    # no demonym for the minister: only the name's form says he is not Japanese
    text = (
        "Deputy Prime Minister Tran Van Long met Lao Prime Minister Bounmy Keo in Tokyo "
        "on Tuesday, on the sidelines of a forum on Japan. Japan and Japanese investors "
        "were discussed; Japan hosts the forum every year. Vietnam sent a delegation."
    )
    meets = of_type(run(extractor, doc_from, text), "MEET")
    assert [sides(m) for m in meets] == [{("Tran Van Long", "VNM"), ("Bounmy Keo", "LAO")}]


def test_a_name_of_another_form_still_takes_the_place(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    text = (
        "Deputy Prime Minister Kenji Sato met Lao Prime Minister Bounmy Keo in Tokyo "
        "on Tuesday, on the sidelines of a forum on Japan. Vietnam sent a delegation."
    )
    meets = of_type(run(extractor, doc_from, text), "MEET")
    assert [sides(m) for m in meets] == [{("Kenji Sato", "JPN"), ("Bounmy Keo", "LAO")}]


@pytest.mark.parametrize(
    ("text", "status", "day"),
    [
        ("Kenyan President Daniel Otieno will leave for Lima on Sunday.", "planned", "2022-05-22"),
        (
            (
                "Peruvian President Rosa Campos will meet Kenyan President Daniel Otieno in Lima "
                "on Monday."
            ),
            "planned",
            "2022-05-23",
        ),
        (
            (
                "Peruvian President Rosa Campos met Kenyan President Daniel Otieno in Lima on "
                "Monday."
            ),
            "occurred",
            "2022-05-16",
        ),
    ],
)
def test_a_planned_event_takes_the_coming_weekday(
    extractor: Extractor, doc_from: Callable[..., Document], text: str, status: str, day: str
) -> None:
    # published on a Friday: "on Sunday" of a plan is the coming one, of a report the last
    events = run(extractor, doc_from, text)
    assert [(e.status, e.date) for e in events if e.type in ("MEET", "VISIT")][:1] == [
        (status, day)
    ]


def test_an_unmarked_signatory_is_not_made_a_compatriot_of_the_other(
    extractor: Extractor, doc_from: Callable[..., Document]
) -> None:
    # the place's country would make it a signing of Peru with itself
    text = (
        "President Daniel Otieno and Peruvian President Rosa Campos signed a trade deal in "
        "Lima on Monday."
    )
    signs = of_type(run(extractor, doc_from, text), "SIGN")
    assert sides(signs[0]) == {("Daniel Otieno", None), ("Rosa Campos", "PER")}
