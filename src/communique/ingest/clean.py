"""Boilerplate removal with an offset map back to the original text.

Order of the passes over the lines of ``Document.original`` (each one decides per
line, by shape, never by the strings of one site)::

    1. metadata line prefix   " date 2017-07-25 [URL]" -> dropped, date kept
    2. navigation menus       runs of >= MENU_MIN_ITEMS very short / bulleted lines
    3. line shapes            timestamp lines, bylines, share / "back to top" lines,
                              symbol-only lines, "Photos of ..." stubs, agency lines
    4. outlet marks           lead "VGP – " prefix, trailing " -VNA"
    5. repeats                a paragraph seen before; a caption repeating a nearby
                              paragraph (photo-credit marked, or long and unpunctuated)
    6. build                  kept line spans joined, blank lines collapsed, Unicode
                              spaces -> ' ' (1:1), zero-width characters deleted

Cleaning only deletes and replaces one for one, so :class:`OffsetMap` segments map
every clean character back to its original character. When unsure, a line is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from communique.ingest import metadata as md
from communique.ingest.text import (
    CLEAN_TABLE,
    ZERO_WIDTH,
    Line,
    content_tokens,
    ends_sentence,
    has_letter,
    is_prose,
    split_lines,
    strip_span,
    word_count,
)
from communique.records import OffsetMap

#: A navigation menu is at least this many short lines in a row (blank lines allowed).
MENU_MIN_ITEMS = 5
#: A menu item has at most this many words (bulleted items: MENU_BULLET_WORDS).
MENU_ITEM_WORDS = 4
MENU_BULLET_WORDS = 5
#: A longer unpunctuated line inside a menu (a row of links) has at most this many words.
MENU_BRIDGE_WORDS = 15
#: Caption-like lines with at most this many words are left alone: they may be headlines.
CAPTION_MIN_WORDS = 16
#: Share of a caption's words found in a nearby paragraph for it to count as a repeat.
CAPTION_CONTAINMENT = 0.7
#: How many lines around a caption are searched for the paragraph it repeats.
CAPTION_WINDOW = 12
#: Timestamp lines are looked for among the first / last this many lines only (a page
#: states its date near the top or the bottom; this also bounds date parsing).
TIMESTAMP_HEAD_LINES = 30
TIMESTAMP_TAIL_LINES = 5
#: The lead (outlet prefix, dateline) is looked for among the first this many lines.
LEAD_LINES = 4
#: Paragraphs shorter than this (words) are not checked for verbatim repeats.
REPEAT_MIN_WORDS = 4

_BULLET = re.compile(r"^\s*[•·▪◦‣►▸»*]\s*|^\s*[-–]\s+(?=\S)")
_PHOTO_MARK = re.compile(
    r"\((?:photo|photos|image|ảnh|фото)\b[^)]*\)|[-–—]\s*(?:photo|ảnh|фото)\s*:|"
    r"(?:photo|ảnh|фото)\s*:\s*[^\s.]+(?:\s[^\s.]+){0,3}\s*$",
    re.IGNORECASE,
)
_MEDIA_STUB = re.compile(
    r"^\s*(?:photos?|videos?|images?|pictures?|gallery|ảnh|фото)\b", re.IGNORECASE
)
#: Words that make up pure navigation / share lines ("Back to top", "Share this").
#: Hand list of generic web-interface words (English); a line is navigation only if
#: every word is in it, so a headline is never caught.
# fmt: off
UI_WORDS = frozenset({
    "back", "top", "share", "print", "email", "e-mail", "mail", "tweet", "facebook",
    "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "comment",
    "comments", "reply", "read", "more", "next", "previous", "prev", "home", "menu",
    "search", "subscribe", "login", "log", "sign", "up", "skip", "content", "follow",
    "related", "tags", "tag", "copy", "link", "save", "send", "font", "size", "close",
    "open", "go", "scroll", "page", "to", "the", "this", "us", "on", "in", "of", "and",
    "or", "a", "an", "article", "articles", "story", "stories", "here", "click",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class TextMeta:
    """Metadata found while cleaning (spans are original offsets)."""

    published: md.DateFound | None = None
    published_method: str | None = None
    byline: md.Found | None = None
    outlet: md.Found | None = None
    outlet_method: str | None = None


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The clean text, its offset map back to the original, and the metadata found."""

    clean: str
    offsets: OffsetMap
    chars_removed: int
    meta: TextMeta


@dataclass(slots=True)
class _Work:
    """Per-call scratch state of :func:`clean_text` (never shared between calls)."""

    original: str
    lines: list[Line]
    spans: list[tuple[int, int] | None]
    meta: TextMeta = field(default_factory=TextMeta)

    def kept(self) -> list[int]:
        """Indexes of lines still kept and not blank."""
        return [i for i, s in enumerate(self.spans) if s is not None and s[1] > s[0]]

    def text(self, i: int) -> str:
        span = self.spans[i]
        return self.original[span[0] : span[1]] if span else ""

    def note_date(self, found: md.DateFound, method: str) -> None:
        """Record the publication date unless an earlier pass already found one."""
        if self.meta.published is None:
            self.meta = replace(self.meta, published=found, published_method=method)

    def note_outlet(self, found: md.Found, method: str) -> None:
        """Record the outlet unless an earlier pass already found one."""
        if self.meta.outlet is None:
            self.meta = replace(self.meta, outlet=found, outlet_method=method)


def clean_text(original: str, *, menus: bool = True) -> Cleaned:
    """Remove boilerplate from ``original``, keeping an offset map and the metadata found.

    Why: event extraction must see article sentences only, yet every quote must map
    back to the original text the contract exposes. ``menus=False`` skips the menu
    pass for text that trafilatura extracted from HTML: it already dropped navigation
    by link density, and the short lines left are the article's own lists.
    """
    lines = split_lines(original)
    work = _Work(original, lines, [strip_span(original, ln.start, ln.end) for ln in lines])
    _drop_metadata_prefix(work)
    if menus:
        _drop_menus(work)
    _drop_line_shapes(work)
    _outlet_marks(work)
    _drop_repeats(work)
    clean, offsets = _build(work)
    return Cleaned(clean, offsets, len(original) - len(clean), work.meta)


def _drop_metadata_prefix(work: _Work) -> None:
    kept = work.kept()
    if not kept:
        return
    first = kept[0]
    line = work.lines[first]
    found = md.metadata_line(line.text)
    if found is None:
        return
    date, rest = found
    if date is not None:
        shifted = md.DateFound(
            date.value, date.precision, line.start + date.start, line.start + date.end
        )
        work.note_date(shifted, "metadata-line")
    span = work.spans[first]
    assert span is not None
    work.spans[first] = strip_span(work.original, max(span[0], line.start + rest), span[1])


def _is_menu_item(text: str) -> bool:
    """A link label: short, no sentence end, no figures or "label: value" pairs."""
    if not text or ends_sentence(text) or ":" in text or any(ch.isdigit() for ch in text):
        return False
    bullet = _BULLET.match(text)
    if bullet:
        return word_count(text[bullet.end() :]) <= MENU_BULLET_WORDS
    return word_count(text) <= MENU_ITEM_WORDS and len(text) <= 40


def _drop_menus(work: _Work) -> None:
    """Drop runs of >= MENU_MIN_ITEMS menu items.

    Blank lines do not break a run. A longer unpunctuated line (a menu row of several
    links) may bridge two items when it touches both directly (no blank line), so a
    headline standing between blank lines is never swallowed.
    """
    kept = work.kept()
    pos = 0
    while pos < len(kept):
        if not _is_menu_item(work.text(kept[pos])):
            pos += 1
            continue
        run, items, nxt = [kept[pos]], 1, pos + 1
        while nxt < len(kept):
            idx = kept[nxt]
            if _is_menu_item(work.text(idx)) and _adjacent(work, run[-1], idx):
                run.append(idx)
                items += 1
            elif _is_bridge(work, kept, nxt, run[-1]):
                run.append(idx)
            else:
                break
            nxt += 1
        if items >= MENU_MIN_ITEMS:
            for j in run:
                work.spans[j] = None
        pos = nxt


def _is_bridge(work: _Work, kept: list[int], at: int, prev: int) -> bool:
    idx = kept[at]
    text = work.text(idx)
    if ends_sentence(text) or word_count(text) > MENU_BRIDGE_WORDS or idx != prev + 1:
        return False
    return at + 1 < len(kept) and kept[at + 1] == idx + 1 and _is_menu_item(work.text(idx + 1))


def _adjacent(work: _Work, a: int, b: int) -> bool:
    """Lines ``a`` < ``b`` are separated by blank or dropped lines only."""
    return all(work.spans[k] is None or work.lines[k].blank for k in range(a + 1, b))


def _drop_line_shapes(work: _Work) -> None:
    """Timestamp lines (near the top or the end), bylines and navigation shapes."""
    kept = work.kept()
    for pos, i in enumerate(kept):
        text = work.text(i)
        span = work.spans[i]
        assert span is not None
        near_edge = pos < TIMESTAMP_HEAD_LINES or pos >= len(kept) - TIMESTAMP_TAIL_LINES
        stamp = md.timestamp_of(text) if near_edge else None
        if stamp is not None:
            work.note_date(md.DateFound(stamp, "day", span[0], span[1]), "timestamp-line")
            work.spans[i] = None
            continue
        name = md.byline_of(text)
        if name is not None:
            at = span[0] + text.index(name)
            if work.meta.byline is None:
                work.meta = replace(work.meta, byline=md.Found(name, at, at + len(name)))
            work.spans[i] = None
        elif _is_ui_line(text) or not has_letter(text) or _is_media_stub(text):
            work.spans[i] = None
    _drop_agency_line(work)


def _is_ui_line(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w-]*", text.lower())
    return (
        bool(words)
        and len(words) <= 6
        and not ends_sentence(text)
        and all(w in UI_WORDS for w in words)
    )


def _is_media_stub(text: str) -> bool:
    return bool(_MEDIA_STUB.match(text)) and word_count(text) <= 6


def _drop_agency_line(work: _Work) -> None:
    """A last line that is only an agency acronym names the outlet."""
    kept = work.kept()
    if len(kept) < 2:
        return
    last = kept[-1]
    outlet = md.agency_line(work.text(last))
    if outlet is None:
        return
    span = work.spans[last]
    assert span is not None
    at = span[0] + work.text(last).index(outlet)
    work.note_outlet(md.Found(outlet, at, at + len(outlet)), "agency-line")
    work.spans[last] = None


def _outlet_marks(work: _Work) -> None:
    """Outlet prefix of the lead, a dateline in the first paragraphs, a trailing mark."""
    kept = work.kept()
    prose = [i for i in kept[:LEAD_LINES] if is_prose(work.text(i))]
    if prose:
        first = prose[0]
        span = work.spans[first]
        assert span is not None
        lead = md.lead_outlet(work.text(first))
        if lead is not None:
            name, s, e, rest = lead
            work.note_outlet(md.Found(name, span[0] + s, span[0] + e), "lead-prefix")
            work.spans[first] = (span[0] + rest, span[1])
    for i in prose:
        if _note_dateline(work, i):
            break
    if kept:
        _trailing_outlet(work, kept[-1])


def _note_dateline(work: _Work, i: int) -> bool:
    """Record the date and agency of a dateline opening line ``i``; True if it has one."""
    span = work.spans[i]
    assert span is not None
    found = md.dateline(work.text(i), span[0])
    if found is None:
        return False
    date, agency = found
    if date is not None:
        work.note_date(date, "dateline")
    if agency is not None:
        work.note_outlet(agency, "dateline")
    return True


def _trailing_outlet(work: _Work, i: int) -> None:
    text = work.text(i)
    span = work.spans[i]
    assert span is not None
    trail = md.trailing_outlet(text)
    if trail is None:
        return
    name, s, e, cut = trail
    work.note_outlet(md.Found(name, span[0] + s, span[0] + e), "trailing-mark")
    work.spans[i] = strip_span(work.original, span[0], span[0] + cut)


def _drop_repeats(work: _Work) -> None:
    """Drop verbatim repeated paragraphs and captions repeating a nearby paragraph.

    The first line is the title unless it carries a photo credit, so a long
    unpunctuated first line (a long headline) is never taken for a caption.
    """
    seen: set[str] = set()
    kept = work.kept()
    for pos, i in enumerate(kept):
        text = work.text(i)
        key = " ".join(text.casefold().split())
        if word_count(text) >= REPEAT_MIN_WORDS and key in seen:
            work.spans[i] = None
            continue
        seen.add(key)
        title_like = pos == 0 and not _PHOTO_MARK.search(text)
        if not title_like and _is_caption(text) and _repeats_neighbour(work, kept, pos):
            work.spans[i] = None


def _is_caption(text: str) -> bool:
    if _PHOTO_MARK.search(text):
        return True
    return word_count(text) >= CAPTION_MIN_WORDS and not ends_sentence(text)


def _repeats_neighbour(work: _Work, kept: list[int], pos: int) -> bool:
    text = _PHOTO_MARK.sub(" ", work.text(kept[pos]))
    words = content_tokens(text)
    if len(words) < 3:
        return False
    lo, hi = max(0, pos - CAPTION_WINDOW), min(len(kept), pos + CAPTION_WINDOW + 1)
    for other in kept[lo:hi]:
        if other == kept[pos] or work.spans[other] is None:
            continue
        para = work.text(other)
        if len(para) <= len(text) or not ends_sentence(para):
            continue
        if len(words & content_tokens(para)) >= CAPTION_CONTAINMENT * len(words):
            return True
    return False


def _build(work: _Work) -> tuple[str, OffsetMap]:
    """Join kept spans (one blank line between paragraphs), normalising spaces 1:1.

    Every clean character, the newlines included, is a copy of one original
    character, so the offset map is exact.
    """
    builder = _Builder(work.original)
    prev: int | None = None
    for i, line in enumerate(work.lines):
        span = work.spans[i]
        if span is None or span[1] <= span[0]:
            continue
        if prev is not None:
            builder.emit(work.lines[prev].end, work.lines[prev].end + 1)
            blank = next((k for k in range(prev + 1, i) if work.lines[k].blank), None)
            if blank is not None:
                builder.emit(work.lines[blank].end, work.lines[blank].end + 1)
        _emit_without_zero_width(work.original, span, builder)
        prev = i
    return "".join(builder.parts), OffsetMap(tuple(builder.segments))


@dataclass(slots=True)
class _Builder:
    """Appends original slices to the clean text and records aligned segments."""

    original: str
    parts: list[str] = field(default_factory=list)
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0

    def emit(self, start: int, end: int) -> None:
        piece = self.original[start:end].translate(CLEAN_TABLE)
        if not piece:
            return
        last = self.segments[-1] if self.segments else None
        if last and last[0] + last[2] == self.length and last[1] + last[2] == start:
            self.segments[-1] = (last[0], last[1], last[2] + len(piece))
        else:
            self.segments.append((self.length, start, len(piece)))
        self.parts.append(piece)
        self.length += len(piece)


def _emit_without_zero_width(original: str, span: tuple[int, int], builder: _Builder) -> None:
    start, end = span
    pos = start
    for match in ZERO_WIDTH.finditer(original, start, end):
        if match.start() > pos:
            builder.emit(pos, match.start())
        pos = match.end()
    if pos < end:
        builder.emit(pos, end)
