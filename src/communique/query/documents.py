"""Documents: a paged listing, one document with the events it reports, and search.

Why a query builder for search: FTS5 has its own syntax, and a user's ``"`` or
``AND(`` must not become a syntax error (or a 500). The words of the query are
quoted one by one (a trailing ``*`` keeps prefix search), so any input is a valid
match expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from communique.query.reader import EventKind, Page, Reader

#: Words of a search query (letters and digits in any script), with an optional prefix star.
_TERM = re.compile(r"\w+\*?")
#: Snippet markers: control characters no clean text contains, split out before display.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"
#: Tokens of context in a search snippet.
SNIPPET_TOKENS = 16
_LIST_COLUMNS = (
    "doc_id, origin, fmt, title, byline, outlet, published, language, url, "
    "length(original) AS chars"
)


@dataclass(frozen=True, slots=True)
class TextPart:
    """A piece of a text to display, marked when it is a hit or a quote."""

    text: str
    hit: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document (or a reporting sentence) that matches a search."""

    kind: str  # "document" | "quote"
    doc_id: str
    title: str | None
    parts: tuple[TextPart, ...]
    event_id: str | None = None

    def snippet(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet as one string with every hit wrapped in the marks."""
        return "".join(f"{open_mark}{p.text}{close_mark}" if p.hit else p.text for p in self.parts)

    def to_json(self) -> dict[str, Any]:
        """The API shape of one search result."""
        return {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "title": self.title,
            "event_id": self.event_id,
            "snippet": self.snippet(),
            "parts": [{"text": p.text, "hit": p.hit} for p in self.parts],
        }


def fts_query(text: str) -> str | None:
    """A safe FTS5 expression: every word quoted, all required; None when no word."""
    terms = _TERM.findall(text)
    if not terms:
        return None
    return " ".join(f'"{t.rstrip("*")}"' + ("*" if t.endswith("*") else "") for t in terms)


def split_marked(snippet: str) -> tuple[TextPart, ...]:
    """Split an FTS snippet at its markers into plain and hit parts."""
    parts: list[TextPart] = []
    for i, chunk in enumerate(re.split(f"[{HIT_OPEN}{HIT_CLOSE}]", snippet)):
        if chunk:
            parts.append(TextPart(chunk, i % 2 == 1))
    return tuple(parts)


def split_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[TextPart, ...]:
    """``text`` cut at the (clamped, merged) spans, the spans marked: the page then
    escapes each part on its own, so no text can become markup."""
    parts: list[TextPart] = []
    pos = 0
    for start, end in sorted(
        (max(0, min(s, len(text))), max(0, min(e, len(text)))) for s, e in spans
    ):
        start = max(start, pos)
        if end <= start:
            continue
        parts += [TextPart(text[pos:start], False), TextPart(text[start:end], True)]
        pos = end
    parts.append(TextPart(text[pos:], False))
    return tuple(p for p in parts if p.text)


def split_at(text: str, start: int, end: int) -> tuple[TextPart, ...]:
    """``text`` as before / quote / after, the quote marked (empty parts dropped)."""
    return split_spans(text, [(start, end)])


def _quote_parts(quote: str, terms: list[str]) -> tuple[TextPart, ...]:
    pattern = "|".join(
        re.escape(t.rstrip("*")) + (r"\w*" if t.endswith("*") else "") for t in terms
    )
    parts: list[TextPart] = []
    pos = 0
    for m in re.finditer(pattern, quote, flags=re.IGNORECASE):
        parts += [TextPart(quote[pos : m.start()], False), TextPart(m.group(0), True)]
        pos = m.end()
    parts.append(TextPart(quote[pos:], False))
    return tuple(p for p in parts if p.text)


def search(reader: Reader, text: str, page: Page, kind: EventKind | None = None) -> list[SearchHit]:
    """Documents whose title or clean text match (best first), then reporting
    sentences (quotes) that contain every word."""
    query = fts_query(text)
    if query is None:
        return []
    rows = reader.rows(
        "SELECT f.doc_id, d.title, snippet(documents_fts, -1, ?, ?, '…', ?) AS snip "
        "FROM documents_fts f JOIN documents d ON d.doc_id = f.doc_id "
        "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
        (HIT_OPEN, HIT_CLOSE, SNIPPET_TOKENS, query, page.limit, page.offset),
    )
    hits = [SearchHit("document", r["doc_id"], r["title"], split_marked(r["snip"])) for r in rows]
    terms = _TERM.findall(text)
    clauses = " AND ".join("instr(lower(s.quote), ?) > 0" for _ in terms)
    quotes = reader.rows(
        "SELECT s.event_id, s.doc_id, s.quote, d.title FROM event_sources s "
        "LEFT JOIN documents d ON d.doc_id = s.doc_id "
        f"WHERE s.kind = ? AND {clauses} ORDER BY s.event_id, s.pos LIMIT ? OFFSET ?",
        (
            kind or reader.event_kind(),
            *(t.rstrip("*").lower() for t in terms),
            page.limit,
            page.offset,
        ),
    )
    hits += [
        SearchHit("quote", r["doc_id"], r["title"], _quote_parts(r["quote"], terms), r["event_id"])
        for r in quotes
    ]
    return hits


def list_documents(reader: Reader, page: Page) -> tuple[list[dict[str, Any]], int]:
    """One page of documents (metadata only, newest first) and the total count."""
    total = int(reader.value("SELECT count(*) FROM documents") or 0)
    rows = reader.rows(
        f"SELECT {_LIST_COLUMNS}, (SELECT count(DISTINCT event_id) FROM event_sources s "
        "WHERE s.doc_id = documents.doc_id) AS n_events FROM documents "
        "ORDER BY published IS NULL, published DESC, doc_id LIMIT ? OFFSET ?",
        (page.limit, page.offset),
    )
    return [dict(r) for r in rows], total


def get_document(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    """One document: metadata, original and clean text, and the events citing it."""
    rows = reader.rows(
        f"SELECT {_LIST_COLUMNS}, original, clean FROM documents WHERE doc_id = ?", (doc_id,)
    )
    if not rows:
        return None
    events = reader.rows(
        'SELECT s.event_id, s.kind, s.quote, s."start", s."end", e.type, e.date '
        "FROM event_sources s JOIN events e ON e.event_id = s.event_id AND e.kind = s.kind "
        'WHERE s.doc_id = ? ORDER BY s.kind DESC, s."start"',
        (doc_id,),
    )
    return {**dict(rows[0]), "events": [dict(r) for r in events]}
