"""Story split on composed pages: bundles, single articles, headline-less leads."""

from __future__ import annotations

from communique.ingest.stories import split_stories

P1 = (
    "The prime ministers of Norway and Chile met in Oslo on Monday and signed an "
    "agreement on salmon farming research and the exchange of scientists."
)
P2 = (
    "Both leaders said that the agreement would bring the two fishing nations closer "
    "and help coastal communities adapt to warmer seas in the coming decades."
)
P3 = (
    "The agriculture minister of Kenya received his Peruvian counterpart in Nairobi, "
    "where the two discussed drought-resistant crops and seed banks."
)


def test_bundle_of_three_stories() -> None:
    text = (
        f"{P1}\n\n{P2}\n\n{P3}\n\nKenya and Peru discuss crops\n\n{P3}\n\n{P2}\n\n{P1}\n\n"
        f"Trade talks open in Lima\n\n{P1}\n\n{P3}"
    )
    stories = split_stories(text)
    assert [s.headline for s in stories][1:] == [
        "Kenya and Peru discuss crops",
        "Trade talks open in Lima",
    ]
    assert stories[0].headline is not None and stories[0].headline.startswith("The prime ministers")
    assert stories[0].headline_start is None
    start, end = stories[1].headline_start, stories[1].headline_end
    assert start is not None and text[start:end] == "Kenya and Peru discuss crops"
    assert [s.index for s in stories] == [0, 1, 2]


def test_headline_lost_uses_title_when_known() -> None:
    stories = split_stories(f"{P1}\n\n{P2}", title="Norway and Chile sign salmon deal")
    assert len(stories) == 1 and stories[0].headline == "Norway and Chile sign salmon deal"


def test_single_article_with_subheads_stays_one_story() -> None:
    text = f"Norway and Chile sign salmon deal\n\n{P1}\n\nA new phase\n\n{P2}"
    stories = split_stories(text)
    assert len(stories) == 1 and stories[0].headline == "Norway and Chile sign salmon deal"
    assert (stories[0].start, stories[0].end) == (0, len(text))


def test_short_unpunctuated_line_without_body_after_is_not_a_headline() -> None:
    text = f"{P1}\n\n{P2}\n\n{P3}\n\n{P1}\n\nParticipants at the meeting\n\nPhoto gallery"
    assert len(split_stories(text)) == 1


def test_single_newline_layout_headline_is_the_first_line() -> None:
    text = f"Norway and Chile sign salmon deal\n{P1}\n{P2}\nKenya and Peru discuss crops\n{P3}"
    stories = split_stories(text)
    assert len(stories) == 1 and stories[0].headline == "Norway and Chile sign salmon deal"


def test_empty_text_has_no_stories() -> None:
    assert split_stories("") == () and split_stories("\n\n") == ()
