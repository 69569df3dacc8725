"""Agreement titles and signing bodies as lists and summaries show them (composed text)."""

from __future__ import annotations

import pytest

from communique.extract import Extractor


def signs(extractor: Extractor, doc_from, text: str) -> list[tuple[str | None, list[str]]]:
    events = extractor.extract(doc_from(text + "\n", "2024-06-04"))
    return [(e.agreement, [o.name for o in e.organizations]) for e in events if e.type == "SIGN"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            (
                "Peru and Kenya signed a memorandum of understanding on cooperation in health care "
                "and medical training in Nairobi on Tuesday."
            ),
            "memorandum of understanding on cooperation in health care and medical training",
        ),
        (
            (
                "Peru and Kenya signed an agreement on visa exemption at the Presidential Palace "
                "on 3 May."
            ),
            "agreement on visa exemption",
        ),
        (
            (
                "Peru and Kenya signed the Treaty of Amity and Cooperation in Southeast Asia in "
                "Lima on May 3."
            ),
            "Treaty of Amity and Cooperation in Southeast Asia",
        ),
        (
            "Peru and Kenya signed the Treaty of Amity and Cooperation in Southeast Asia.",
            "Treaty of Amity and Cooperation in Southeast Asia",
        ),
    ],
)
def test_the_title_leaves_out_when_and_where_it_was_signed(
    extractor, doc_from, text: str, title: str
) -> None:
    assert [a for a, _ in signs(extractor, doc_from, text)] == [title]


def test_a_body_named_first_in_the_sentence_has_no_article(extractor, doc_from) -> None:
    text = (
        "The Ministry of Health of Peru and the Ministry of Health of Kenya signed a "
        "memorandum on medical training in Lima on Tuesday."
    )
    ((_, orgs),) = signs(extractor, doc_from, text)
    assert orgs == ["Ministry of Health of Peru", "Ministry of Health of Kenya"]


def test_passive_signers_name_the_signing_the_lead_reported(extractor, doc_from) -> None:
    text = (
        "Peru and Kenya sign fisheries memorandum\n\n"
        "The Ministry of Fisheries of Peru and the Ministry of Fisheries of Kenya signed a "
        "memorandum of understanding on fisheries research in Lima on Tuesday.\n\n"
        "The memorandum was signed by Peruvian Deputy Minister of Fisheries Carla Ruiz and "
        "Kenyan Minister of Fisheries Amina Wanjiru."
    )
    events = extractor.extract(doc_from(text + "\n", "2024-06-05"))
    (sign,) = [e for e in events if e.type == "SIGN"]
    assert [(p.name, p.country) for p in sign.participants] == [
        ("Carla Ruiz", "PER"),
        ("Amina Wanjiru", "KEN"),
    ]
    assert sign.agreement == "memorandum of understanding on fisheries research"
    assert sign.date == "2024-06-04"


def test_two_agreements_of_one_story_stay_two(extractor, doc_from) -> None:
    text = (
        "Peruvian President Rosa Campos and Kenyan President Daniel Otieno signed a treaty "
        "on extradition in Lima on Tuesday.\n\n"
        "The two sides also signed a memorandum on tourism."
    )
    events = extractor.extract(doc_from(text + "\n", "2024-06-05"))
    assert sorted(e.agreement or "" for e in events if e.type == "SIGN") == [
        "memorandum on tourism",
        "treaty on extradition",
    ]
