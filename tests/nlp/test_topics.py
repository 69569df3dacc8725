"""Topic lexicon on composed sentences (en, ru, vi)."""

from __future__ import annotations

import pytest

from communique.nlp.topics import TopicLexicon


@pytest.fixture(scope="module")
def lex() -> TopicLexicon:
    return TopicLexicon.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The sides agreed to fight drugs, terrorism and high-tech crime.",
            ("drugs", "high-tech crime", "terrorism"),
        ),
        ("They will cooperate against narcotics and psychotropic substances.", ("drugs",)),
        (
            "Both stressed cybersecurity, information sharing and personnel training.",
            ("cybersecurity", "information exchange", "personnel training"),
        ),
        ("Talks covered trade, investment and tourism.", ("investment", "tourism", "trade")),
        ("A deal to import liquefied natural gas was signed.", ("energy", "oil and gas", "trade")),
        (
            "They discussed peacekeeping and maritime security in the East Sea.",
            ("maritime security", "peacekeeping"),
        ),
        (
            "Cooperation against human trafficking and transnational crime.",
            ("human trafficking", "transnational crime"),
        ),
        ("The weather was fine and the guests enjoyed dinner.", ()),
    ],
)
def test_english(lex: TopicLexicon, text: str, expected: tuple[str, ...]) -> None:
    assert lex.topics_of(text) == expected


def test_organisation_names_are_not_topics(lex: TopicLexicon) -> None:
    text = (
        "The Secretary of the Security Council met the Minister of National Defence "
        "and officials of the Ministry of Public Security."
    )
    assert lex.topics_of(text) == ()
    assert lex.topics_of("They discussed security and defence.") == ("defence", "security")


def test_agreement_titles_keep_their_topic(lex: TopicLexicon) -> None:
    assert lex.topics_of("an Agreement on Combating Illicit Drug Trafficking") == ("drugs",)


def test_word_bounded(lex: TopicLexicon) -> None:
    assert lex.topics_of("The drugstore oilcloth was untraded.") == ()


def test_russian(lex: TopicLexicon) -> None:
    text = "Стороны обсудили борьбу с терроризмом, наркотрафиком и киберпреступностью."
    assert lex.topics_of(text, "ru") == ("drugs", "high-tech crime", "terrorism")
    assert lex.topics_of("секретарь Совета безопасности и министр обороны", "ru") == ()
    assert lex.topics_of("сотрудничество в сфере безопасности", "ru") == ("security",)


def test_vietnamese(lex: TopicLexicon) -> None:
    text = "Hai bên nhất trí hợp tác phòng, chống ma túy, khủng bố và đảm bảo an ninh mạng."
    assert lex.topics_of(text, "vi") == ("cybersecurity", "drugs", "terrorism")
    text = "đấu tranh phòng, chống tội phạm và trao đổi thông tin"
    assert lex.topics_of(text, "vi") == ("information exchange", "law enforcement")
    assert lex.topics_of("Bộ trưởng Bộ Quốc phòng tiếp Đại sứ", "vi") == ()


def test_decomposed_vietnamese_is_normalised(lex: TopicLexicon) -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "hợp tác về ma túy")
    assert lex.topics_of(text, "vi") == ("drugs",)


def test_unknown_language_falls_back_to_english(lex: TopicLexicon) -> None:
    assert lex.topics_of("cooperation on drugs", "de") == ("drugs",)


def test_custom_lexicon_extends_without_code() -> None:
    lex = TopicLexicon.from_dict({"topics": {"space": {"en": ["satellites?", "space"]}}})
    assert lex.labels == ("space",)
    assert lex.topics_of("They will launch a satellite.") == ("space",)
    assert lex.topics_of("Nothing here.") == ()


def test_labels_cover_the_required_areas(lex: TopicLexicon) -> None:
    required = {
        "cybersecurity",
        "terrorism",
        "drugs",
        "human trafficking",
        "high-tech crime",
        "transnational crime",
        "personnel training",
        "peacekeeping",
        "defence",
        "defence industry",
        "security",
        "energy",
        "oil and gas",
        "trade",
        "investment",
        "economy",
        "education",
        "tourism",
        "culture",
        "science and technology",
        "health",
        "maritime security",
        "agriculture",
        "law enforcement",
        "information exchange",
        "people-to-people exchange",
    }
    assert required <= set(lex.labels)
