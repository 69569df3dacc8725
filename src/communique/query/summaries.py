"""Aggregates over filtered events: a dyad's profile, the agreements register,
topics per year.

Why in Python: the aggregates are over a filtered, date-resolved event list
(:func:`communique.query.events.all_events`), so a year-less date counts in its
corpus year exactly as the timeline shows it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from communique.query.dates import effective
from communique.query.events import EventRow, all_events, matching_rows
from communique.query.reader import EventFilter, Reader

#: Column label for events whose year cannot be placed.
UNDATED = "undated"
#: Topics listed in a dyad profile.
TOP_TOPICS = 10


def year_label(row: EventRow) -> str:
    """The year an event counts in (its corpus date's), or ``undated``."""
    d = row.corpus_date
    return str(d.year) if d is not None and d.year is not None else UNDATED


@dataclass(frozen=True, slots=True)
class YearCount:
    """How many events of one type (or topic) fall in one year."""

    year: str
    key: str
    count: int


@dataclass(frozen=True, slots=True)
class DyadSummary:
    """The profile of the contacts between two countries."""

    a: str
    b: str
    total: int
    first: str | None
    last: str | None
    per_year: tuple[YearCount, ...]  # key = event type
    top_topics: tuple[tuple[str, int], ...]
    agreements: tuple[EventRow, ...]

    def to_json(self) -> dict[str, Any]:
        """The API shape of ``/api/dyads/{a}/{b}``."""
        return {
            "a": self.a,
            "b": self.b,
            "total": self.total,
            "first": self.first,
            "last": self.last,
            "per_year": [{"year": c.year, "type": c.key, "count": c.count} for c in self.per_year],
            "top_topics": [{"topic": t, "count": n} for t, n in self.top_topics],
            "agreements": [agreement_json(r) for r in self.agreements],
        }


def agreement_json(row: EventRow) -> dict[str, Any]:
    """One line of the agreements register."""
    e = row.event
    return {
        "event_id": e.event_id,
        "date": e.date,
        "corpus_date": row.to_json()["corpus_date"],
        "status": e.status,
        "agreement": e.agreement,
        "organizations": [{"name": o.name, "country": o.country} for o in e.organizations],
        "participants": [
            {"name": p.name, "role": p.role, "country": p.country} for p in e.participants
        ],
        "n_reports": row.n_reports,
    }


def count_by_year(rows: list[EventRow], by_topic: bool = False) -> tuple[YearCount, ...]:
    """Counts per (year, type) — or per (year, topic) — sorted by year then key."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows:
        keys = row.event.topics if by_topic else (row.event.type,)
        for key in keys:
            counts[(year_label(row), key)] += 1
    return tuple(YearCount(y, k, n) for (y, k), n in sorted(counts.items()))


def dyad_summary(reader: Reader, a: str, b: str, filt: EventFilter | None = None) -> DyadSummary:
    """Events per year and type, top topics and agreements between ``a`` and ``b``."""
    base = filt or EventFilter()
    rows = all_events(
        reader, EventFilter((a, b), base.since, base.until, base.type, base.q, base.kind)
    )
    dated = [r.corpus_date.iso() for r in rows if r.corpus_date is not None]
    topics = Counter(t for r in rows for t in r.event.topics)
    ranked = sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TOPICS]
    return DyadSummary(
        a=a,
        b=b,
        total=len(rows),
        first=dated[0] if dated else None,
        last=dated[-1] if dated else None,
        per_year=count_by_year(rows),
        top_topics=tuple(ranked),
        agreements=tuple(r for r in rows if r.event.type == "SIGN"),
    )


def agreements(reader: Reader, filt: EventFilter | None = None) -> list[EventRow]:
    """Every SIGN event the filter keeps, in date order (the agreements register)."""
    base = filt or EventFilter()
    return all_events(
        reader, EventFilter(base.between, base.since, base.until, "SIGN", base.q, base.kind)
    )


def year_counts(
    reader: Reader, filt: EventFilter | None = None, by_topic: bool = False
) -> tuple[YearCount, ...]:
    """Events per (year, type) — or (year, topic) — straight from the matching rows,
    without loading participants and sources (a chart over a whole corpus)."""
    counts: Counter[tuple[str, str]] = Counter()
    for r in matching_rows(reader, filt or EventFilter()):
        d = effective(r["date"], r["first_published"])
        year = str(d.year) if d is not None and d.year is not None else UNDATED
        for key in json.loads(r["topics"]) if by_topic else (r["type"],):
            counts[(year, key)] += 1
    return tuple(YearCount(y, k, n) for (y, k), n in sorted(counts.items()))


def topics_by_year(reader: Reader, filt: EventFilter | None = None) -> tuple[YearCount, ...]:
    """How many events mention each topic, per year."""
    return year_counts(reader, filt, by_topic=True)


@dataclass(frozen=True, slots=True)
class DyadCount:
    """Two countries and how many events involve both."""

    a: str
    b: str
    count: int


def dyads(reader: Reader, limit: int = 20) -> tuple[tuple[str, ...], tuple[DyadCount, ...]]:
    """Every country seen in events (sorted), and the country pairs with most events."""
    kind = reader.event_kind()
    rows = reader.rows(
        "SELECT event_id, country FROM event_participants WHERE kind = ? AND country IS NOT NULL "
        "UNION SELECT event_id, country FROM event_organizations WHERE kind = ? AND country IS NOT NULL "
        "UNION SELECT event_id, location_country FROM events WHERE kind = ? "
        "AND location_country IS NOT NULL",
        (kind, kind, kind),
    )
    per_event: dict[str, set[str]] = {}
    for r in rows:
        per_event.setdefault(r["event_id"], set()).add(r["country"])
    pairs: Counter[tuple[str, str]] = Counter()
    for codes in per_event.values():
        ordered = sorted(codes)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs[(a, b)] += 1
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    countries = tuple(sorted({c for codes in per_event.values() for c in codes}))
    return countries, tuple(DyadCount(a, b, n) for (a, b), n in ranked)
