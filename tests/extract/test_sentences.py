"""The regex sentence splitter."""

from __future__ import annotations

from communique.extract.sentences import MAX_SENTENCE_CHARS, split_sentences


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Minister Sen. Lieut. Gen. Tran Van Hoa met President V. Olsen. He left."
    assert texts(text) == [
        "Minister Sen. Lieut. Gen. Tran Van Hoa met President V. Olsen.",
        "He left.",
    ]


def test_missing_space_after_full_stop_and_newlines_split() -> None:
    text = "They agreed on trade.During the talks, both spoke.\nCaption line\n\nNext paragraph."
    assert texts(text) == [
        "They agreed on trade.",
        "During the talks, both spoke.",
        "Caption line",
        "Next paragraph.",
    ]


def test_offsets_are_absolute_and_long_runs_are_cut() -> None:
    text = "x " * (MAX_SENTENCE_CHARS * 2)
    spans = split_sentences("ab. " + text, 4)
    assert spans[0][0] == 4
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans) and len(spans) >= 2
