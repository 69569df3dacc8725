"""Conversions between records (:mod:`communique.records`) and table rows.

Pure functions, no I/O: what goes into a column and how a record is rebuilt from
it, so the round trip ``record -> rows -> record`` is testable on its own. Nested
values are stored as compact sorted-key JSON, so the same record always gives the
same bytes (re-ingest compares equal).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from communique.records import (
    Document,
    Entity,
    Event,
    Inference,
    Location,
    OffsetMap,
    Organization,
    Participant,
    Provenance,
    Source,
    Story,
)


def to_json(value: Any) -> str:
    """Deterministic compact JSON for a column."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def document_row(doc: Document, ingested_at: str) -> dict[str, Any]:
    """The ``documents`` row of a document (stories go to their own table)."""
    provenance = [
        [name, {"method": p.method, "start": p.start, "end": p.end}] for name, p in doc.provenance
    ]
    return {
        "doc_id": doc.doc_id,
        "origin": doc.origin,
        "fmt": doc.fmt,
        "content_hash": doc.content_hash,
        "title": doc.title,
        "byline": doc.byline,
        "outlet": doc.outlet,
        "published": doc.published,
        "published_precision": doc.published_precision,
        "language": doc.language,
        "url": doc.url,
        "original": doc.original,
        "clean": doc.clean,
        "offsets": to_json([list(s) for s in doc.offsets.segments]),
        "provenance": to_json(provenance),
        "chars_removed": doc.chars_removed,
        "ingested_at": ingested_at,
    }


def story_row(doc_id: str, story: Story) -> tuple[Any, ...]:
    """Values for ``stories`` in column order."""
    return (
        doc_id,
        story.index,
        story.headline,
        story.start,
        story.end,
        story.headline_start,
        story.headline_end,
    )


def document_from_rows(row: sqlite3.Row, stories: Sequence[sqlite3.Row]) -> Document:
    """Rebuild a :class:`Document` from its row and its story rows."""
    segments = tuple((int(a), int(b), int(c)) for a, b, c in json.loads(row["offsets"]))
    provenance = tuple(
        (name, Provenance(p["method"], p["start"], p["end"]))
        for name, p in json.loads(row["provenance"])
    )
    return Document(
        doc_id=row["doc_id"],
        origin=row["origin"],
        fmt=row["fmt"],
        original=row["original"],
        clean=row["clean"],
        offsets=OffsetMap(segments),
        content_hash=row["content_hash"],
        title=row["title"],
        byline=row["byline"],
        outlet=row["outlet"],
        published=row["published"],
        published_precision=row["published_precision"],
        language=row["language"],
        url=row["url"],
        provenance=provenance,
        stories=tuple(
            Story(
                s["idx"],
                s["headline"],
                s["start"],
                s["end"],
                s["headline_start"],
                s["headline_end"],
            )
            for s in stories
        ),
        chars_removed=row["chars_removed"],
    )


def event_row(event: Event, kind: str, doc_id: str | None, pos: int) -> tuple[Any, ...]:
    """Values for ``events`` in column order."""
    extra: dict[str, Any] = {}
    if event.inferred:
        extra["inferred"] = [[i.field, i.value, i.from_doc] for i in event.inferred]
    if event.disagreements:
        extra["disagreements"] = list(event.disagreements)
    if event.related:
        extra["related"] = list(event.related)
    if event.story_index is not None:
        extra["story_index"] = event.story_index
    loc = event.location
    return (
        event.event_id,
        kind,
        doc_id,
        pos,
        event.type,
        event.status,
        event.date,
        loc.name if loc else None,
        loc.country if loc else None,
        event.agreement,
        to_json(list(event.topics)),
        to_json(extra),
    )


def participant_rows(event: Event, kind: str) -> list[tuple[Any, ...]]:
    """Values for ``event_participants``, one tuple per participant in order."""
    return [
        (event.event_id, kind, i, p.name, p.mention, p.role, p.country, p.entity_id)
        for i, p in enumerate(event.participants)
    ]


def organization_rows(event: Event, kind: str) -> list[tuple[Any, ...]]:
    """Values for ``event_organizations``."""
    return [
        (event.event_id, kind, i, o.name, o.mention, o.country, o.entity_id)
        for i, o in enumerate(event.organizations)
    ]


def source_rows(event: Event, kind: str) -> list[tuple[Any, ...]]:
    """Values for ``event_sources``."""
    return [
        (event.event_id, kind, i, s.doc_id, s.quote, s.start, s.end)
        for i, s in enumerate(event.sources)
    ]


def event_from_rows(
    row: sqlite3.Row,
    participants: Sequence[sqlite3.Row],
    organizations: Sequence[sqlite3.Row],
    sources: Sequence[sqlite3.Row],
) -> Event:
    """Rebuild an :class:`Event` from its row and its ordered child rows."""
    extra = json.loads(row["extra"])
    has_location = row["location_name"] is not None or row["location_country"] is not None
    return Event(
        event_id=row["event_id"],
        type=row["type"],
        status=row["status"],
        date=row["date"],
        location=Location(row["location_name"], row["location_country"]) if has_location else None,
        participants=tuple(
            Participant(p["name"], p["mention"], p["role"], p["country"], p["entity_id"])
            for p in participants
        ),
        organizations=tuple(
            Organization(o["name"], o["country"], o["entity_id"], o["mention"])
            for o in organizations
        ),
        agreement=row["agreement"],
        topics=tuple(json.loads(row["topics"])),
        sources=tuple(Source(s["doc_id"], s["quote"], s["start"], s["end"]) for s in sources),
        story_index=extra.get("story_index"),
        inferred=tuple(Inference(f, v, d) for f, v, d in extra.get("inferred", ())),
        disagreements=tuple(extra.get("disagreements", ())),
        related=tuple(extra.get("related", ())),
    )


def entity_row(entity: Entity) -> tuple[Any, ...]:
    """Values for ``entities`` in column order."""
    return (
        entity.entity_id,
        entity.type,
        entity.name,
        entity.country,
        to_json(list(entity.aliases)),
        to_json([list(o) for o in entity.offices]),
        to_json(list(entity.merge_reasons)),
    )


def entity_from_row(row: sqlite3.Row) -> Entity:
    """Rebuild an :class:`Entity` from its row."""
    return Entity(
        entity_id=row["entity_id"],
        type=row["type"],
        name=row["name"],
        country=row["country"],
        aliases=tuple(json.loads(row["aliases"])),
        offices=tuple((o, first, last) for o, first, last in json.loads(row["offices"])),
        merge_reasons=tuple(json.loads(row["merge_reasons"])),
    )
