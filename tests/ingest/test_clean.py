"""Boilerplate cleaning: what goes, what stays, and exact offsets back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.ingest.clean import clean_text
from communique.ingest.text import CLEAN_TABLE

LEAD = (
    "The foreign ministers of Chile and Kenya held talks in Nairobi on Monday, "
    "agreeing to open a joint trade office next year."
)
BODY = "They also discussed fisheries, education and the exchange of students between universities."


def test_unicode_spaces_become_plain_spaces_one_for_one() -> None:
    text = "Talks\u00a0in\u2009Lima\u202fon\u3000Monday ended\u2003well."
    cleaned = clean_text(text)
    assert cleaned.clean == "Talks in Lima on Monday ended well."
    assert len(cleaned.clean) == len(text)
    assert cleaned.offsets.span_to_original(0, len(text)) == (0, len(text))


def test_zero_width_characters_are_deleted_with_offsets_kept() -> None:
    text = "Peace\u200b talks"
    cleaned = clean_text(text)
    assert cleaned.clean == "Peace talks"
    at = cleaned.clean.index("talks")
    assert text[cleaned.offsets.to_original(at) :] == "talks"


def test_menu_run_dropped_but_headline_and_short_list_kept() -> None:
    menu = "\n".join(f"  \u2022 Region {chr(65 + i)}" for i in range(8))
    text = f"{menu}\n\nChile, Kenya open trade office\n\n{LEAD}\n\n{BODY}\n"
    cleaned = clean_text(text)
    assert cleaned.clean.startswith("Chile, Kenya open trade office\n\n")
    assert "Region" not in cleaned.clean
    short = f"Chile, Kenya open trade office\n\n{LEAD}\n\nFisheries\n\nEducation\n\n{BODY}"
    assert "Fisheries" in clean_text(short).clean  # two short lines are not a menu


def test_navigation_lines_go_headlines_stay() -> None:
    text = f"Back to top\n\nShare this article\n\nPrint\n\nRead more\n\n{LEAD}\n\nBack to top\n"
    assert clean_text(text).clean == LEAD
    headline = "Kenya and Chile to share port data"
    assert clean_text(f"{headline}\n\n{LEAD}").clean.startswith(headline)


def test_duplicate_paragraph_and_repeating_caption_appear_once() -> None:
    caption = (
        "The foreign ministers of Chile and Kenya hold talks in Nairobi on Monday "
        "(Photo: Ministry Press Office)"
    )
    text = f"{caption}\n\n{LEAD}\n\n{BODY}\n\n{BODY}\n"
    cleaned = clean_text(text).clean
    assert "Photo:" not in cleaned
    assert cleaned.count(BODY) == 1 and LEAD in cleaned


def test_caption_with_new_facts_is_kept() -> None:
    caption = (
        "Kenyan Trade Minister Amina Otieno meets the Chilean ambassador in Mombasa "
        "after the signing ceremony, May 2 - Photo: Staff"
    )
    cleaned = clean_text(f"{LEAD}\n\n{caption}\n\n{BODY}").clean
    assert caption in cleaned


def test_metadata_line_prefix_and_url_removed_rest_kept() -> None:
    text = f" date 2024-03-12 https://example.org/a/b.html {LEAD}\n\n{BODY}"
    cleaned = clean_text(text)
    assert cleaned.clean.startswith("The foreign ministers")
    assert cleaned.meta.published is not None and cleaned.meta.published.value == "2024-03-12"
    assert cleaned.meta.published_method == "metadata-line"


def test_nothing_real_is_dropped_from_plain_prose() -> None:
    text = f"{LEAD}\n{BODY}\n\n{LEAD.replace('Monday', 'Friday')}"
    assert clean_text(text).clean == text


def test_long_single_line_is_linear() -> None:
    text = ("Talks went on. " * 350_000).strip()  # about 5 MB on one line
    cleaned = clean_text(text)
    assert len(cleaned.clean) == len(text)


_ALPHABET = st.sampled_from(
    list("ab .,\n")
    + ["\r\n", "\u00a0", "\u2009", "\u3000", "\u200b", "\u2022 ", "Photo: X", "Back to top"]
)


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(_ALPHABET, max_size=80), data=st.data())
def test_offset_map_round_trip(parts: list[str], data: st.DataObject) -> None:
    original = "".join(parts)
    cleaned = clean_text(original)
    clean = cleaned.clean
    if not clean:
        return
    # every clean character maps to an original character that normalises to it,
    # in increasing order
    mapped = [cleaned.offsets.to_original(i) for i in range(len(clean))]
    assert mapped == sorted(set(mapped))
    for i, o in enumerate(mapped):
        assert original[o].translate(CLEAN_TABLE) == clean[i]
    # any span inside one aligned segment maps to the same text after normalisation
    c0, _, n = data.draw(st.sampled_from(cleaned.offsets.segments))
    start = data.draw(st.integers(c0, c0 + n - 1))
    end = data.draw(st.integers(start + 1, c0 + n))
    s, e = cleaned.offsets.span_to_original(start, end)
    assert original[s:e].translate(CLEAN_TABLE) == clean[start:end]
