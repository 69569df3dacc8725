"""Typed, immutable records passed between the stages of :mod:`communique.pipeline`.

Every annotation is an offset into one shared text, never a copy, so every quote
maps back to the sentence that reports it:

* ``Document.original`` is the text the contract calls "original" (`communique doc
  ID --original`): the decoded file for text and JSONL inputs, the extracted main
  text for HTML and WARC inputs.
* ``Document.clean`` is the original minus boilerplate (menus, share lines,
  captions that repeat the lead) with Unicode spaces normalised.
  ``Document.offsets`` maps any clean offset back to an original offset.
* ``Story`` and ``Mention`` offsets are into ``Document.clean``;
  ``Source.start/end`` are into ``Document.original`` (the contract's surface).

Ids are content hashes (:func:`stable_id`), so re-runs give the same ids.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

EventType = Literal["MEET", "VISIT", "SIGN"]
EventStatus = Literal["occurred", "planned"]
DatePrecision = Literal["day", "month", "year"]


def stable_id(prefix: str, payload: Any, length: int = 16) -> str:
    """A deterministic id from sorted-key JSON of ``payload``: same content, same id."""
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return f"{prefix}_{hashlib.sha256(blob.encode('utf-8')).hexdigest()[:length]}"


def content_hash(text: str) -> str:
    """SHA-256 of a text, used for idempotent ingest."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in a clean text back to the original text.

    Cleaning only deletes runs of characters and replaces characters one for one
    (Unicode spaces -> ' '), so the map is a sorted list of aligned segments:
    ``(clean_start, original_start, length)``. A clean offset inside a segment maps
    linearly; the end offset of a span maps to the end of its last character.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that cleaning did not change."""
        return cls(((0, 0, length),)) if length else cls(())

    def to_original(self, clean_offset: int) -> int:
        """Original offset of the character at ``clean_offset``."""
        if not self.segments:
            return clean_offset
        starts = [s[0] for s in self.segments]
        i = max(0, bisect.bisect_right(starts, clean_offset) - 1)
        c0, o0, n = self.segments[i]
        return o0 + min(max(clean_offset - c0, 0), n)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the clean span ``[start, end)``."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a metadata value was found: the method and the original-text span."""

    method: str  # "metadata-line", "timestamp-line", "dateline", "html-meta", "jsonl-field", "url"
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """A headline-delimited part of a document; offsets into ``Document.clean``."""

    index: int
    headline: str | None
    start: int
    end: int
    headline_start: int | None = None
    headline_end: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One input article (a file, a JSONL line or a WARC response) after cleaning."""

    doc_id: str
    origin: str
    fmt: str  # txt | html | jsonl | warc
    original: str
    clean: str
    offsets: OffsetMap
    content_hash: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY
    published_precision: DatePrecision | None = None
    language: str | None = None  # ISO 639-1
    url: str | None = None
    provenance: tuple[tuple[str, Provenance], ...] = ()  # field name -> where found
    stories: tuple[Story, ...] = ()
    chars_removed: int = 0

    def clean_span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of a clean-text span (for quotes)."""
        return self.offsets.span_to_original(start, end)

    def provenance_of(self, name: str) -> Provenance | None:
        """Where the metadata field ``name`` was found, if recorded."""
        for key, prov in self.provenance:
            if key == name:
                return prov
        return None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input (or part of one) that could not be used; stored, counted and shown."""

    stage: str  # read | clean | extract | ...
    code: str  # short machine code, e.g. "empty", "binary", "too-large", "bad-json"
    doc_id: str | None
    origin: str
    detail: str  # one human line; includes a line number for JSONL


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of ``Document.clean`` recognised as a person, place, organisation or date."""

    kind: Literal["PERSON", "PLACE", "ORG", "DATE", "COUNTRY"]
    text: str
    start: int
    end: int
    value: str | None = None  # normalised value (ISO date, ISO3 country, ...)


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place."""

    name: str | None
    country: str | None  # ISO 3166-1 alpha-3


@dataclass(frozen=True, slots=True)
class Participant:
    """A person (or an unnamed side) taking part in an event."""

    name: str | None  # canonical name once resolved; the mention until then
    mention: str | None  # as written
    role: str | None  # the office as the text states it
    country: str | None
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    """A body taking part in an event (e.g. a signing ministry)."""

    name: str
    country: str | None
    entity_id: str | None = None
    mention: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One report of an event: the reporting sentence and its original-text offsets."""

    doc_id: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Inference:
    """A field filled from another report of the same event."""

    field: str  # "date" | "location"
    value: str
    from_doc: str


@dataclass(frozen=True, slots=True)
class Event:
    """One MEET, VISIT or SIGN event (per document, or merged across reports)."""

    event_id: str
    type: EventType
    status: EventStatus
    date: str | None
    location: Location | None
    participants: tuple[Participant, ...]
    organizations: tuple[Organization, ...] = ()
    agreement: str | None = None
    topics: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    story_index: int | None = None
    inferred: tuple[Inference, ...] = ()
    disagreements: tuple[str, ...] = ()
    related: tuple[str, ...] = field(default=())  # e.g. planned <-> occurred links

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (CONTRACT.md), plus additive extras."""
        out: dict[str, Any] = {
            "event_id": self.event_id,
            "type": self.type,
            "status": self.status,
            "date": self.date,
            "location": (
                {"name": self.location.name, "country": self.location.country}
                if self.location
                else None
            ),
            "participants": [
                {
                    "name": p.name,
                    "mention": p.mention,
                    "role": p.role,
                    "country": p.country,
                    "entity_id": p.entity_id,
                }
                for p in self.participants
            ],
            "organizations": [
                {"name": o.name, "country": o.country, "entity_id": o.entity_id}
                for o in self.organizations
            ],
            "agreement": self.agreement,
            "topics": list(self.topics),
            "sources": [
                {"doc_id": s.doc_id, "quote": s.quote, "start": s.start, "end": s.end}
                for s in self.sources
            ],
        }
        if self.inferred:
            out["inferred"] = [
                {"field": i.field, "value": i.value, "from_doc": i.from_doc} for i in self.inferred
            ]
        if self.disagreements:
            out["disagreements"] = list(self.disagreements)
        if self.related:
            out["related"] = list(self.related)
        return out


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved real-world person, organisation or place."""

    entity_id: str
    type: Literal["person", "organization", "place"]
    name: str  # canonical, Latin script
    country: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[tuple[str, str | None, str | None], ...] = ()  # (office, first, last)
    merge_reasons: tuple[str, ...] = ()
