"""Small text helpers shared by the ingest modules: lines with offsets, shapes.

Everything here works on one line or one pass over the text, so every step stays
linear in the input size (a 5 MB single-line file must not hang).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

#: Unicode space characters replaced one for one by ' ' in the clean text (offsets
#: keep their alignment): NBSP, Ogham space, en/em/thin/hair spaces (U+2000–U+200A),
#: narrow NBSP, medium mathematical space, ideographic space, and tabs / form feeds.
SPACE_TABLE: Mapping[int, str] = MappingProxyType(
    {
        cp: " "
        for cp in (0x09, 0x0B, 0x0C, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
    }
)
#: The one-for-one normalisation of the clean text: Unicode spaces -> ' ', and a
#: carriage return (kept only as the first half of a CRLF line break) -> '\n'.
CLEAN_TABLE: Mapping[int, str] = MappingProxyType({**SPACE_TABLE, 0x0D: "\n"})
#: Zero-width characters deleted from the clean text (they would split or glue words).
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

#: Characters that end a sentence (Latin, CJK full stops).
SENTENCE_END = frozenset(".!?…;:。！？")
#: Closing quotes and brackets looked through when checking a sentence end.
CLOSERS = "\"'”’»)]›"
_WORDS = re.compile(r"\S+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_INNER_SENTENCE_END = re.compile(r"[.!?…。！？][\"”’»)]*\s+\S")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: its content without the newline, and where it sits."""

    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        """The line without surrounding (Unicode) whitespace."""
        return self.text.strip()

    @property
    def blank(self) -> bool:
        """True when the line holds only whitespace."""
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets (``\\r\\n``, ``\\r`` and ``\\n`` all end lines)."""
    lines: list[Line] = []
    pos = 0
    n = len(text)
    for match in re.finditer(r"\r\n|\r|\n", text):
        lines.append(Line(pos, match.start(), text[pos : match.start()]))
        pos = match.end()
    if pos < n or not lines:
        lines.append(Line(pos, n, text[pos:n]))
    return lines


def word_count(text: str) -> int:
    """Whitespace-separated tokens in ``text``."""
    return sum(1 for _ in _WORDS.finditer(text))


def ends_sentence(text: str) -> bool:
    """Does the line end like a sentence (full stop etc., looking through closing quotes)?"""
    stripped = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_END


def is_prose(text: str, min_words: int = 8) -> bool:
    """Body text: enough words and at least one sentence end (a cut-off last sentence is fine)."""
    if word_count(text) < min_words:
        return False
    return ends_sentence(text) or _INNER_SENTENCE_END.search(text) is not None


def has_letter(text: str) -> bool:
    """True if ``text`` contains at least one letter of any script."""
    return _HAS_LETTER.search(text) is not None


def content_tokens(text: str) -> set[str]:
    """Lower-cased words of three or more characters, for overlap comparisons."""
    return {w for w in re.findall(r"[^\W_]{3,}", text.lower())}


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` of ``text`` so it has no surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
