"""Recall rules for unseen English reports (sentences composed for these tests): past
signings named as a basis, dates of earlier events, meetings on the occasion of a
statement, meetings in a third country, trips abroad, and the year of undated reports."""

from __future__ import annotations

import re

import pytest
from testkit import names, of_type, run

from communique.extract import Extractor
from communique.extract.agreements import agreement_phrase
from communique.extract.dating import with_year, year_hint
from communique.extract.sides import between_pair
from communique.extract.signing import past_reference
from communique.nlp import dates

TALKS = (
    "Minister of Justice Kari Nordmann of Norway held talks with Minister of Justice "
    "Pablo Rojas of Chile in Oslo on May 3.\n"
)


# -- past signings named as the basis of cooperation ----------------------------------


def test_past_signing_named_as_a_basis_has_its_year_and_no_place(extractor, doc_from) -> None:
    text = TALKS + (
        "Under the 2015 accord signed by the two justice ministries, the two sides exchanged "
        "information on crime prevention.\n"
        "On the basis of the Joint Action Programme signed for the period of 2019-2021, "
        "the two sides shared experience.\n"
    )
    signs = of_type(run(extractor, doc_from, text), "SIGN")
    assert [(s.date, s.agreement) for s in signs] == [
        ("2015", "accord"),
        (None, "Joint Action Programme for the period of 2019-2021"),  # named: kept, undated
    ]
    for sign in signs:
        assert {p.country for p in sign.participants} == {"NOR", "CHL"}
        assert {p.name for p in sign.participants} == {None}
        assert sign.location is None


def test_unnamed_agreement_signed_at_no_stated_time_is_left_out(extractor, doc_from) -> None:
    text = TALKS + "In line with the agreements signed earlier, the two sides shared experience.\n"
    assert of_type(run(extractor, doc_from, text), "SIGN") == []


def test_two_past_signings_stay_apart_and_keep_their_own_years(extractor, doc_from) -> None:
    text = TALKS + (
        "Cooperation grew under the Treaty of Friendship signed in 1994.\n"
        "Nordmann praised ties in line with the Memorandum of Understanding signed between the "
        "Norwegian and Chilean justice ministries in 2013.\n"
    )
    signs = of_type(run(extractor, doc_from, text), "SIGN")
    assert sorted((s.date, s.agreement) for s in signs) == [
        ("1994", "Treaty of Friendship"),
        (
            "2013",
            "memorandum of understanding between the Norwegian and Chilean justice ministries",
        ),
    ]
    assert all(s.location is None for s in signs)


def test_agreement_signed_at_todays_talks_is_not_a_past_reference() -> None:
    for text, past in [
        ("Under the accord signed at the talks on Monday, trade will grow.", False),
        ("The agreements signed by the ministers cover trade.", False),
        ("Under the accord signed in 2015, trade grew.", True),
        ("Under the 2015 accord signed at the talks on Monday, trade grew.", False),
        (
            "Within the framework of the 2019 action plan signed by both ministries, ties grew.",
            True,
        ),
        ("On the basis of the programme signed for the period of 2019-2021, ties grew.", False),
    ]:
        m = re.search(r"signed", text)
        assert m is not None
        assert past_reference(text, m) is past, text


def test_agreement_phrase_drops_the_signing_date_and_keeps_a_capitalised_name() -> None:
    text = "The Comprehensive Strategic Partnership Agreement signed in June 2024 took effect."
    m = re.search(r"signed", text)
    assert m is not None
    assert agreement_phrase(text, m, True) == "Comprehensive Strategic Partnership Agreement"


# -- dates of earlier events -------------------------------------------------------------


def test_meeting_shortly_before_the_dated_arrival_is_dated_by_month(extractor, doc_from) -> None:
    text = (
        "Chilean President Pablo Rojas's state visit to Norway began on Thursday when his plane "
        "landed in Oslo, shortly after the Chilean president met Swedish Prime Minister Lars Holm "
        "in Stockholm.\n"
    )
    (meet,) = of_type(run(extractor, doc_from, text, "2022-05-20"), "MEET")
    assert names(meet) == {"Pablo Rojas", "Lars Holm"}
    assert meet.date == "2022-05"


def test_the_talks_after_which_something_happened_keep_their_day(extractor, doc_from) -> None:
    text = (
        "On May 18, after the meeting with Norwegian Prime Minister Kari Nordmann, Chilean "
        "Foreign Minister Pablo Rojas toured a port.\n"
    )
    (meet,) = of_type(run(extractor, doc_from, text), "MEET")
    assert meet.date == "2022-05-18"


def test_year_of_an_undated_report_comes_from_its_latest_month_and_year() -> None:
    text = "On April 15, X hosted Y. It follows the phone call in March 2023 (2013-2023)."
    assert year_hint(dates, text) == (2023, 3)
    assert with_year("--04-15", (2023, 3)) == "2023-04-15"
    assert with_year("--02-15", (2023, 3)) == "--02-15"  # before the hint: year unknown
    assert year_hint(dates, text + " The plan runs to 2030.") is None
    assert year_hint(dates, "On April 15, X hosted Y.") is None
    assert year_hint(dates, "On April 15, X hosted Y, first met in March 2019.") is None


def test_undated_document_gets_the_year_its_text_implies(extractor, doc_from) -> None:
    text = (
        "On April 15, Prime Minister Kari Nordmann of Norway received Chilean Foreign Minister "
        "Pablo Rojas in Oslo.\n"
        "The visit marks ten years of partnership (2013-2023) and follows the phone call "
        "between the two prime ministers in March 2023.\n"
    )
    (meet,) = [e for e in of_type(run(extractor, doc_from, text, None), "MEET") if e.date]
    assert meet.date == "2023-04-15"


# -- status: a meeting as the occasion of a past statement -------------------------------


def test_future_in_reported_speech_does_not_make_the_meeting_planned(extractor, doc_from) -> None:
    said = (
        "Norwegian Prime Minister Kari Nordmann said he will direct agencies to work with Chile "
        "on fisheries while meeting Chilean Foreign Minister Pablo Rojas on May 13.\n"
    )
    (meet,) = of_type(run(extractor, doc_from, said), "MEET")
    assert meet.status == "occurred" and meet.date == "2022-05-13"
    plan = (
        "Norwegian Prime Minister Kari Nordmann will raise fisheries when meeting Chilean "
        "Foreign Minister Pablo Rojas next week.\n"
    )
    assert {e.status for e in of_type(run(extractor, doc_from, plan), "MEET")} == {"planned"}
    said_next = said.replace("on May 13", "next week")
    assert {e.status for e in of_type(run(extractor, doc_from, said_next), "MEET")} == {"planned"}


# -- travel implied by where a meeting took place ----------------------------------------


def test_both_sides_of_talks_in_a_third_country_travelled(extractor, doc_from) -> None:
    text = (
        "Chilean President Pablo Rojas and Swedish Prime Minister Lars Holm held talks in Oslo, "
        "Norway on May 18.\n"
    )
    visits = of_type(run(extractor, doc_from, text), "VISIT")
    assert {
        (v.participants[0].name, v.location.country if v.location else None) for v in visits
    } == {
        ("Pablo Rojas", "NOR"),
        ("Lars Holm", "NOR"),
    }
    by_phone = text.replace("held talks in Oslo, Norway", "held phone talks from Oslo, Norway")
    assert of_type(run(extractor, doc_from, by_phone), "VISIT") == []


def test_trip_abroad_goes_to_the_story_place(extractor, doc_from) -> None:
    text = (
        "OSLO, May 17 (Reuters) - Chilean President Pablo Rojas met Norwegian Prime Minister "
        "Kari Nordmann in Oslo on Tuesday.\n"
        "The Chilean leader has used his rare trip abroad to meet a number of leaders, including "
        "Sweden's Lars Holm.\n"
    )
    events = run(extractor, doc_from, text, "2022-05-17")
    (visit,) = of_type(events, "VISIT")
    assert names(visit) == {"Pablo Rojas"}
    assert visit.location is not None and visit.location.country == "NOR"
    holm = [e for e in of_type(events, "MEET") if "Lars Holm" in names(e)]
    assert holm and holm[0].date == "2022-05"  # "has used ... to meet": not the story's day


def test_talks_with_a_place_before_between_are_a_meeting_and_imply_the_trip(
    extractor, doc_from
) -> None:
    text = (
        "The accord was sealed after talks in Oslo between Chilean Foreign Minister Pablo Rojas "
        "and Norwegian Prime Minister Kari Nordmann on May 18.\n"
    )
    events = run(extractor, doc_from, text)
    (meet,) = of_type(events, "MEET")
    assert names(meet) == {"Pablo Rojas", "Kari Nordmann"} and meet.date == "2022-05-18"
    assert meet.location is not None and meet.location.name == "Oslo"
    assert [names(v) for v in of_type(events, "VISIT")] == [{"Pablo Rojas"}]


def test_summit_between_two_states_named_by_no_person(extractor, doc_from) -> None:
    text = (
        "Norwegian Prime Minister Kari Nordmann praised Chile's role in hosting the summit "
        "between the United States and North Korea in Santiago.\n"
    )
    (meet,) = of_type(run(extractor, doc_from, text), "MEET")
    assert {p.country for p in meet.participants} == {"USA", "PRK"}
    assert {p.name for p in meet.participants} == {None}


def test_between_pair_needs_two_states_joined_by_and(extractor: Extractor) -> None:
    gaz = extractor.resources.gazetteer
    pair = between_pair(gaz, " the US and the Democratic People's Republic of Korea.")
    assert pair is not None and {p.country for p in pair} == {"USA", "PRK"}
    assert between_pair(gaz, " producers and consumers such as China and India.") is None
    assert between_pair(gaz, " France and Germany's leaders.") is None


ROJAS = "Chilean President Pablo Rojas"
NORDMANN = "Norwegian Prime Minister Kari Nordmann"


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            f"{ROJAS} and {NORDMANN} co-chaired the fifth meeting of the Joint Commission in Oslo on May 18.",
            "MEET",
            "2022-05-18",
        ),
        (f"{NORDMANN} sat down with {ROJAS} in Oslo on Monday.", "MEET", "2022-05-16"),
        (
            f"{NORDMANN} told {ROJAS} at their meeting in Oslo on Monday that ties were strong.",
            "MEET",
            "2022-05-16",
        ),
        (
            f"{NORDMANN} and {ROJAS} witnessed the exchange of five cooperation agreements in Oslo on Monday.",
            "SIGN",
            "2022-05-16",
        ),
        (f"{ROJAS} reached an agreement with {NORDMANN} in Oslo on Monday.", "MEET", "2022-05-16"),
        (
            f"A summit at the royal palace in Oslo between {ROJAS} and {NORDMANN} took place on Monday.",
            "MEET",
            "2022-05-16",
        ),
        (
            f"During the talks in Oslo on Monday, {NORDMANN} and visiting {ROJAS} discussed trade.",
            "MEET",
            "2022-05-16",
        ),
        (f"{ROJAS} flew into Oslo on Monday.", "VISIT", "2022-05-16"),
        (f"{ROJAS} touched down in Oslo on Monday.", "VISIT", "2022-05-16"),
        (f"{ROJAS} led a high-level delegation to Norway on Monday.", "VISIT", "2022-05-16"),
        (f"{ROJAS} is currently in Norway on a three-day state visit.", "VISIT", None),
        # the last day of a stay dates only its month
        (f"{ROJAS} concluded his state visit to Norway on Friday.", "VISIT", "2022-05"),
    ],
)
def test_common_report_phrasings(
    extractor: Extractor, doc_from, text: str, kind: str, date: str | None
) -> None:
    found = of_type(run(extractor, doc_from, text + "\n"), kind)
    assert [e.date for e in found] == [date]
    assert "Pablo Rojas" in names(found[0]) and found[0].status == "occurred"


def test_co_chairing_alone_is_no_meeting(extractor, doc_from) -> None:
    text = f"{NORDMANN} co-chaired the annual meeting of the Norwegian fisheries council.\n"
    assert of_type(run(extractor, doc_from, text), "MEET") == []


def test_exchange_of_something_else_is_no_signing(extractor, doc_from) -> None:
    text = f"{NORDMANN} and {ROJAS} witnessed the exchange of prisoners under the 2019 agreement.\n"
    assert of_type(run(extractor, doc_from, text), "SIGN") == []


@pytest.mark.parametrize(
    "text",
    [
        "A dialogue between the United States and China is needed to ease tensions.",
        "He called for talks between India and Pakistan to resolve the dispute.",
        "Officials said talks between Japan and South Korea would resume next month.",
    ],
)
def test_wished_for_or_future_talks_between_states_are_not_reported_as_held(
    extractor, doc_from, text: str
) -> None:
    assert {e.status for e in run(extractor, doc_from, text + "\n")} <= {"planned"}


def test_call_for_help_during_a_visit_keeps_the_visit(extractor, doc_from) -> None:
    text = f"{ROJAS} called for Norwegian funding for Chilean railways during a visit to Norway in May.\n"
    (visit,) = of_type(run(extractor, doc_from, text), "VISIT")
    assert visit.status == "occurred"


def test_two_states_failing_to_reach_agreement_negotiated(extractor, doc_from) -> None:
    text = "Chileans and Norwegians failed to reach agreement on fishing quotas on Sunday.\n"
    (meet,) = of_type(run(extractor, doc_from, text), "MEET")
    assert {p.country for p in meet.participants} == {"CHL", "NOR"}
    assert (
        of_type(
            run(extractor, doc_from, "The company reached a deal with its creditors.\n"), "MEET"
        )
        == []
    )


def test_one_person_at_the_talks_is_no_meeting_by_itself(extractor, doc_from) -> None:
    text = f"At the talks, {NORDMANN} emphasised the importance of trade with Chile.\n"
    assert of_type(run(extractor, doc_from, text), "MEET") == []


def test_subject_of_a_meeting_in_a_third_country_travelled(extractor, doc_from) -> None:
    text = f"{ROJAS} met Swedish Prime Minister Lars Holm in Oslo on Monday.\n"
    visits = of_type(run(extractor, doc_from, text), "VISIT")
    assert [(names(v), v.location.country if v.location else None) for v in visits] == [
        ({"Pablo Rojas"}, "NOR")
    ]
    headline = f"{ROJAS} meets Swedish Prime Minister Lars Holm in Oslo\n"
    assert of_type(run(extractor, doc_from, headline), "VISIT") == []
