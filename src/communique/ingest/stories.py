"""Split a clean text into headline-delimited stories.

A page may bundle several stories, each under its own headline. A headline is
recognised by shape, never by its words: a short line (<= HEADLINE_MAX_WORDS) with
no sentence-final punctuation, standing alone between blank lines, followed by body
paragraphs; inside a text it only opens a new story after substantial body text.
A story without a headline line (its headline was lost in scraping) gets the
document title if known, else its first sentence (trimmed), so every story has one;
``headline_start``/``headline_end`` are set only for a real headline line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from communique.ingest.text import Line, ends_sentence, is_prose, split_lines, word_count
from communique.records import Story

#: A headline has at most this many words.
HEADLINE_MAX_WORDS = 15
#: A body paragraph ends a sentence and has at least this many words.
BODY_MIN_WORDS = 8
#: A new story starts only after this much body text (characters) in the current one.
MIN_STORY_CHARS = 400
#: How many paragraphs after a headline candidate are searched for body text.
LOOKAHEAD_BLOCKS = 3
#: A headline made from a first sentence is cut to this many words.
DERIVED_HEADLINE_WORDS = 25

_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”’»)]|$)")
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,4}$|(?:^|\s)(?:[A-Z]\.)+[A-Z]?$")


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph: maximal run of non-blank lines (offsets into the clean text)."""

    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def split_stories(clean: str, title: str | None = None) -> tuple[Story, ...]:
    """Stories of ``clean`` (offsets into it), each with a headline.

    Why: events and their dates are read per story; a bundle page must not let a
    date or place from one story leak into another.
    """
    blocks = _blocks(clean)
    if not blocks:
        return ()
    starts, lead = _headline_blocks(blocks)
    bounds = ([] if starts[:1] == [0] else [0]) + starts
    stories: list[Story] = []
    for n, b in enumerate(bounds):
        end_block = bounds[n + 1] - 1 if n + 1 < len(bounds) else len(blocks) - 1
        start, end = blocks[b].start, blocks[end_block].end
        head = b if b in starts else lead if n == 0 else None
        if head is not None:
            line = blocks[head].lines[0]
            stories.append(Story(n, line.text.strip(), start, end, line.start, line.end))
        else:
            stories.append(_derived(n, clean, start, end, title if n == 0 else None))
    return tuple(stories)


def _blocks(clean: str) -> list[_Block]:
    """Paragraphs split at blank lines; a headline-shaped first line is split off."""
    blocks: list[_Block] = []
    current: list[Line] = []
    for line in split_lines(clean):
        if line.blank:
            if current:
                blocks.append(_Block(tuple(current)))
            current = []
        else:
            current.append(line)
    if current:
        blocks.append(_Block(tuple(current)))
    first = blocks[0] if blocks else None
    if first and len(first.lines) > 1 and _is_headline_shape(_Block(first.lines[:1])):
        blocks[0:1] = [_Block(first.lines[:1]), _Block(first.lines[1:])]
    return blocks


def _is_headline_shape(block: _Block) -> bool:
    if len(block.lines) != 1:
        return False
    text = block.lines[0].text.strip()
    words = word_count(text)
    return (
        2 <= words <= HEADLINE_MAX_WORDS
        and not ends_sentence(text)
        and (text[0].isalnum() or text[0] in "\"“‘«'")
        and not text[0].islower()
        and text[-1] not in "-–—,/|"
        and any(ch.isalpha() for ch in text)
    )


def _is_body(block: _Block) -> bool:
    return is_prose(" ".join(line.text for line in block.lines), BODY_MIN_WORDS)


def _headline_blocks(blocks: list[_Block]) -> tuple[list[int], int | None]:
    """Blocks that open a story, and a late headline for the first story.

    A headline-shaped block seen before substantial body text (after page furniture
    that cleaning kept) becomes the first story's headline without opening a story.
    """
    starts: list[int] = []
    lead: int | None = None
    body_chars = 0
    for i, block in enumerate(blocks):
        followed = any(_is_body(b) for b in blocks[i + 1 : i + 1 + LOOKAHEAD_BLOCKS])
        if _is_headline_shape(block) and followed:
            if i == 0 or body_chars >= MIN_STORY_CHARS:
                starts.append(i)
                body_chars = 0
                continue
            if not starts and lead is None:
                lead = i
        if _is_body(block):
            body_chars += block.end - block.start
    return starts, lead


def _derived(index: int, clean: str, start: int, end: int, title: str | None) -> Story:
    """A story without a headline line: headline = title, else its first sentence."""
    if title:
        return Story(index, title, start, end)
    text = clean[start:end]
    cut = _first_sentence_end(text)
    headline = text[:cut].strip().lstrip("-–—•").strip() or text[:cut].strip()
    return Story(index, headline or None, start, end)


def _first_sentence_end(text: str) -> int:
    """End of the first sentence (skipping abbreviations), at most DERIVED_HEADLINE_WORDS."""
    window = text[: 40 * DERIVED_HEADLINE_WORDS]
    newline = window.find("\n")
    if newline != -1:
        window = window[:newline]
    words = list(re.finditer(r"\S+", window))
    if len(words) > DERIVED_HEADLINE_WORDS:
        window = window[: words[DERIVED_HEADLINE_WORDS - 1].end()]
    for match in _SENTENCE_END.finditer(window):
        if sum(1 for w in words if w.end() <= match.start()) < BODY_MIN_WORDS - 2:
            continue
        if not _ABBREVIATION.search(window[max(0, match.start() - 8) : match.start()]):
            return match.end()
    return len(window)
