"""A cheap sentence splitter for English news text (regex, no model).

Handles what the model's splitter stumbles on in scraped news: missing spaces after a
full stop ("partnership.During"), abbreviations and initials in titles ("Sen. Lieut.
Gen. Nguyen Van A", "I. Sokolov"), captions and headlines on their own lines.
"""

from __future__ import annotations

import re

#: Words after which a full stop does not end a sentence (titles, ranks, initials).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "lieut",
        "col",
        "maj",
        "sen",
        "rep",
        "gov",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "capt",
        "adm",
        "brig",
        "sgt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "h.e",
        "e.g",
        "i.e",
        "approx",
        "est",
    ]
)
#: Hard cap on a sentence's length (characters): a 5 MB line without full stops is cut
#: into windows this long so that no single "sentence" blows up the parser.
MAX_SENTENCE_CHARS = 1200

_BOUNDARY = re.compile(
    r"\n\s*\n|\n|(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z])"
)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) of ``text[start:end]``, stripped of whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if "\n" not in m.group(0) and _is_abbreviation(text, m.start()):
            continue
        _add(text, pos, m.start(), spans)
        pos = m.end()
    _add(text, pos, end, spans)
    return spans


def _is_abbreviation(text: str, stop: int) -> bool:
    """Is the full stop before ``stop`` part of an abbreviation or an initial?"""
    m = re.search(r"([^\W\d_]+)[.!?][\"”’)]?\s*$", text[max(0, stop - 20) : stop])
    if not m:
        return False
    word = m.group(1)
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _add(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s, s + MAX_SENTENCE_CHARS)
        cut = cut if cut > s else s + MAX_SENTENCE_CHARS
        spans.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        spans.append((s, e))
