"""Request parameters shared by the API and the pages, validated into query records.

Why here: ``between=VNM,RUS``, ``since=2017-07`` and friends must mean the same
on ``/api/events`` and on ``/timeline``, and a bad value must be a 422 in the
one error shape, never a 500.
"""

from __future__ import annotations

import re
from enum import Enum

from fastapi import HTTPException
from pydantic import BaseModel, ConfigDict, Field

from communique.merge.dates import PartialDate
from communique.query import EventFilter, Page, country_code
from communique.query.dates import parse_bound
from communique.query.reader import DEFAULT_LIMIT, MAX_LIMIT

#: Longest free-text parameter accepted (a query, a name).
MAX_TEXT = 200
#: Largest offset accepted (beyond any real database; keeps SQLite integers in range).
MAX_OFFSET = 1_000_000


class EventTypeParam(str, Enum):
    """Event types a filter may ask for."""

    MEET = "MEET"
    VISIT = "VISIT"
    SIGN = "SIGN"


class EntityTypeParam(str, Enum):
    """Entity types a listing may ask for."""

    person = "person"
    organization = "organization"
    place = "place"


def invalid(message: str) -> HTTPException:
    """The 422 raised for a parameter FastAPI's own validation cannot judge."""
    return HTTPException(status_code=422, detail=message)


def country(text: str, name: str) -> str:
    """An ISO3 code from a code or a name, else a 422 naming the parameter."""
    code = country_code(text)
    if code is None:
        raise invalid(f"{name}: {text!r} is not a country (use ISO 3166-1 alpha-3, e.g. VNM)")
    return code


def between(text: str | None) -> tuple[str, str] | None:
    """``VNM,RUS`` (or ``VNM RUS``, ``VNM-RUS``) -> ("VNM", "RUS")."""
    if text is None or not text.strip():
        return None
    parts = [p for p in re.split(r"[,\s/-]+", text.strip()) if p]
    if len(parts) != 2:
        raise invalid("between: give two countries, e.g. between=VNM,RUS")
    return country(parts[0], "between"), country(parts[1], "between")


def bound(text: str | None, name: str) -> PartialDate | None:
    """A since/until date, or a 422 saying which forms are accepted."""
    if text is None or not text.strip():
        return None
    d = parse_bound(text.strip())
    if d is None:
        raise invalid(f"{name}: {text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return d


def event_filter(
    between_: str | None,
    since: str | None,
    until: str | None,
    type_: EventTypeParam | None,
    q: str | None,
) -> EventFilter:
    """The validated :class:`EventFilter` of a request."""
    return EventFilter(
        between=between(between_),
        since=bound(since, "since"),
        until=bound(until, "until"),
        type=type_.value if type_ is not None else None,
        q=q.strip() if q and q.strip() else None,
    )


class EventQuery(BaseModel):
    """The query parameters of ``/api/events`` (validated by FastAPI)."""

    model_config = ConfigDict(frozen=True)

    between: str | None = Field(
        None, max_length=MAX_TEXT, description="Two countries, e.g. VNM,RUS."
    )
    since: str | None = Field(None, max_length=32, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    until: str | None = Field(None, max_length=32, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    type: EventTypeParam | None = Field(None, description="MEET, VISIT or SIGN.")
    q: str | None = Field(None, max_length=MAX_TEXT, description="Text in people, places, quotes.")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Page size (at most 200).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Events to skip.")

    def to_filter(self) -> EventFilter:
        """The validated :class:`EventFilter` (422 on a bad country or date)."""
        return event_filter(self.between, self.since, self.until, self.type, self.q)

    def page(self) -> Page:
        """The requested slice."""
        return Page(self.limit, self.offset)


class TimelineQuery(BaseModel):
    """The form of the ``/timeline`` page: a dyad as two fields, plus the filters."""

    model_config = ConfigDict(frozen=True)

    a: str | None = Field(None, max_length=MAX_TEXT)
    b: str | None = Field(None, max_length=MAX_TEXT)
    type: EventTypeParam | None = None
    since: str | None = Field(None, max_length=32)
    until: str | None = Field(None, max_length=32)
    q: str | None = Field(None, max_length=MAX_TEXT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def to_filter(self) -> EventFilter:
        """The filter; a dyad only when both countries are given."""
        pair = f"{self.a},{self.b}" if self.a and self.b else None
        return event_filter(pair, self.since, self.until, self.type, self.q)

    def form(self) -> dict[str, str]:
        """The values to show back in the form."""
        return {
            "a": self.a or "",
            "b": self.b or "",
            "type": self.type.value if self.type else "",
            "since": self.since or "",
            "until": self.until or "",
            "q": self.q or "",
        }
