"""Events as the timeline, the API and the event page read them.

Why this shape: filters that SQL can do exactly (type, kind, countries, text) run
in SQL; partial-date filters and the chronological order run in Python on the
narrowed rows (SQLite cannot compare ``--07-25`` with ``2017``); the children of
only the events on the requested page are then loaded in three bulk queries.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from communique.merge.dates import PartialDate
from communique.query.dates import effective, sort_key, within
from communique.query.reader import EventFilter, EventKind, Page, Reader, like_pattern
from communique.records import Event, Source
from communique.store import codec

#: Characters of document text shown on each side of a reporting sentence.
DEFAULT_WINDOW = 600

_STATS = (
    "(SELECT count(DISTINCT s.doc_id) FROM event_sources s "
    "WHERE s.event_id = e.event_id AND s.kind = e.kind) AS n_reports, "
    "(SELECT min(d.published) FROM event_sources s JOIN documents d ON d.doc_id = s.doc_id "
    "WHERE s.event_id = e.event_id AND s.kind = e.kind) AS first_published"
)
#: Events of one kind involving one country (participant, organisation or place). A
#: non-correlated IN: SQLite builds the id set once, instead of probing per event.
_COUNTRY_OF_EVENT = (
    "e.event_id IN (SELECT event_id FROM event_participants WHERE kind = ? AND country = ? "
    "UNION ALL SELECT event_id FROM event_organizations WHERE kind = ? AND country = ? "
    "UNION ALL SELECT event_id FROM events WHERE kind = ? AND location_country = ?)"
)
_TEXT_OF_EVENT = (
    "(e.agreement LIKE ? ESCAPE '\\' OR e.location_name LIKE ? ESCAPE '\\' "
    "OR e.topics LIKE ? ESCAPE '\\' "
    "OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.event_id "
    "AND p.kind = e.kind AND (p.name LIKE ? ESCAPE '\\' OR p.mention LIKE ? ESCAPE '\\' "
    "OR p.role LIKE ? ESCAPE '\\')) "
    "OR EXISTS (SELECT 1 FROM event_organizations o WHERE o.event_id = e.event_id "
    "AND o.kind = e.kind AND o.name LIKE ? ESCAPE '\\') "
    "OR EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.event_id "
    "AND s.kind = e.kind AND s.quote LIKE ? ESCAPE '\\'))"
)
_CHILD_TABLES = ("event_participants", "event_organizations", "event_sources")


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event with what a listing shows beside it."""

    event: Event
    n_reports: int
    first_published: str | None  # earliest publication date among its documents

    @property
    def corpus_date(self) -> PartialDate | None:
        """The date with a year-less one placed in its documents' year."""
        return effective(self.event.date, self.first_published)

    def to_json(self) -> dict[str, Any]:
        """The contract object plus ``n_reports`` and ``corpus_date``."""
        d = self.corpus_date
        return {
            **self.event.to_json(),
            "n_reports": self.n_reports,
            "corpus_date": d.iso() if d is not None else None,
        }


@dataclass(frozen=True, slots=True)
class EventList:
    """One page of a filtered, chronologically ordered listing."""

    items: tuple[EventRow, ...]
    total: int
    page: Page


@dataclass(frozen=True, slots=True)
class Report:
    """One report of an event: its sentence in a window of its document's text.

    ``quote_start``/``quote_end`` are offsets into ``window``; ``offsets_ok`` is
    False when the stored offsets did not point at the quote (it was found by
    searching instead, or not at all: then start == end).
    """

    source: Source
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    window_start: int
    window: str
    quote_start: int
    quote_end: int
    offsets_ok: bool
    doc_length: int = 0  # characters in the whole original text

    @property
    def truncated(self) -> tuple[bool, bool]:
        """Whether text was cut before and after the window."""
        return self.window_start > 0, self.window_start + len(self.window) < self.doc_length

    def to_json(self) -> dict[str, Any]:
        """The API shape of a report."""
        s = self.source
        return {
            "doc_id": s.doc_id,
            "quote": s.quote,
            "start": s.start,
            "end": s.end,
            "offsets_ok": self.offsets_ok,
            "document": {
                "title": self.title,
                "outlet": self.outlet,
                "published": self.published,
                "url": self.url,
            },
            "window": {
                "start": self.window_start,
                "end": self.window_start + len(self.window),
                "text": self.window,
                "quote_start": self.quote_start,
                "quote_end": self.quote_end,
            },
        }


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with every report of it."""

    row: EventRow
    reports: tuple[Report, ...]
    kind: EventKind

    def to_json(self) -> dict[str, Any]:
        """The API shape of ``/api/events/{id}``."""
        return {
            **self.row.to_json(),
            "kind": self.kind,
            "reports": [r.to_json() for r in self.reports],
        }


def _where(filt: EventFilter, kind: EventKind) -> tuple[str, list[Any]]:
    clauses: list[str] = ["e.kind = ?"]
    params: list[Any] = [kind]
    if filt.type:
        clauses.append("e.type = ?")
        params.append(filt.type)
    if filt.between:
        for code in dict.fromkeys(filt.between):  # one clause when both sides are equal
            clauses.append(_COUNTRY_OF_EVENT)
            params += [kind, code, kind, code, kind, code]
    text = (filt.q or "").replace("\x00", "").strip()
    if text:
        clauses.append(_TEXT_OF_EVENT)
        params += [like_pattern(text)] * 8
    return " AND ".join(clauses), params


def matching_rows(reader: Reader, filt: EventFilter) -> list[sqlite3.Row]:
    """Event rows (no children) passing every filter, in chronological order."""
    kind = filt.kind or reader.event_kind()
    where, params = _where(filt, kind)
    rows = reader.rows(f"SELECT e.*, {_STATS} FROM events e WHERE {where}", params)
    if filt.since is not None or filt.until is not None:
        rows = [
            r
            for r in rows
            if within(effective(r["date"], r["first_published"]), filt.since, filt.until)
        ]
    return chronological(rows)


def chronological(rows: Sequence[sqlite3.Row]) -> list[sqlite3.Row]:
    """Rows in timeline order; each distinct (date, publication) pair is parsed once,
    since a corpus repeats the same few thousand dates."""
    keys: dict[tuple[str | None, str | None], tuple[int, int, int, int, str]] = {}

    def key(r: sqlite3.Row) -> tuple[tuple[int, int, int, int, str], str]:
        pair = (r["date"], r["first_published"])
        if pair not in keys:
            keys[pair] = sort_key(pair[0], pair[1], "")
        return keys[pair], r["event_id"]

    return sorted(rows, key=key)


def load_rows(reader: Reader, rows: Sequence[sqlite3.Row]) -> list[EventRow]:
    """Rebuild full events for ``rows`` (all of one kind) with three bulk queries."""
    if not rows:
        return []
    kind = rows[0]["kind"]
    ids = codec.to_json([r["event_id"] for r in rows])
    children: list[dict[str, list[sqlite3.Row]]] = []
    for table in _CHILD_TABLES:
        grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
        for child in reader.rows(
            f"SELECT * FROM {table} WHERE kind = ? AND event_id IN "
            "(SELECT value FROM json_each(?)) ORDER BY event_id, pos",
            (kind, ids),
        ):
            grouped[child["event_id"]].append(child)
        children.append(grouped)
    return [
        EventRow(
            codec.event_from_rows(r, *(c.get(r["event_id"], []) for c in children)),
            int(r["n_reports"] or 0),
            r["first_published"],
        )
        for r in rows
    ]


def list_events(reader: Reader, filt: EventFilter, page: Page) -> EventList:
    """One page of the events ``filt`` keeps, in date order, with the total count."""
    rows = matching_rows(reader, filt)
    chosen = rows[page.offset : page.offset + page.limit]
    return EventList(tuple(load_rows(reader, chosen)), len(rows), page)


def all_events(reader: Reader, filt: EventFilter) -> list[EventRow]:
    """Every event ``filt`` keeps, in date order (exports, summaries, the CLI)."""
    return load_rows(reader, matching_rows(reader, filt))


def get_event(reader: Reader, event_id: str, window: int = DEFAULT_WINDOW) -> EventDetail | None:
    """An event (merged first, else per-document) with each report's text window."""
    kinds: tuple[EventKind, ...] = ("merged", "document")
    for kind in kinds:
        rows = reader.rows(
            f"SELECT e.*, {_STATS} FROM events e WHERE e.event_id = ? AND e.kind = ?",
            (event_id, kind),
        )
        if rows:
            row = load_rows(reader, rows)[0]
            reports = tuple(_report(reader, s, window) for s in row.event.sources)
            return EventDetail(row, reports, kind)
    return None


def _locate(text: str, source: Source) -> tuple[int, int, bool]:
    """Where the quote is in ``text``: the stored offsets, else a search, else nowhere."""
    if (
        0 <= source.start <= source.end <= len(text)
        and text[source.start : source.end] == source.quote
    ):
        return source.start, source.end, True
    found = text.find(source.quote) if source.quote else -1
    if found >= 0:
        return found, found + len(source.quote), False
    start = min(max(source.start, 0), len(text))
    return start, start, False


def _report(reader: Reader, source: Source, window: int) -> Report:
    rows = reader.rows(
        "SELECT title, outlet, published, url, original FROM documents WHERE doc_id = ?",
        (source.doc_id,),
    )
    if not rows:
        return Report(source, None, None, None, None, 0, "", 0, 0, False)
    doc = rows[0]
    text: str = doc["original"]
    start, end, ok = _locate(text, source)
    lo, hi = max(0, start - window), min(len(text), end + window)
    while lo > 0 and not text[lo - 1].isspace() and start - lo < window + 40:
        lo -= 1  # do not cut the first word in half
    while hi < len(text) and not text[hi].isspace() and hi - end < window + 40:
        hi += 1
    return Report(
        source,
        doc["title"],
        doc["outlet"],
        doc["published"],
        doc["url"],
        lo,
        text[lo:hi],
        start - lo,
        end - lo,
        ok,
        len(text),
    )
