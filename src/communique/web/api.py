"""The JSON API (read-only). Every list is paged (``limit`` <= 200, ``offset``);
every error has the one shape of :mod:`communique.web.errors`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request

from communique import query
from communique.query import Page
from communique.query.reader import MAX_LIMIT
from communique.web.app import open_reader
from communique.web.params import (
    MAX_OFFSET,
    MAX_TEXT,
    EntityTypeParam,
    EventQuery,
    country,
    event_filter,
)

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (at most 200).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Between = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="Two countries, e.g. VNM,RUS.")
]
DateParam = Annotated[str | None, Query(max_length=32, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
Id = Annotated[str, Path(max_length=MAX_TEXT)]


def not_found(what: str, key: str) -> HTTPException:
    """The 404 of a missing record."""
    return HTTPException(status_code=404, detail=f"no {what} {key!r}")


def paged(items: list[Any], total: int, page: Page) -> dict[str, Any]:
    """The envelope of every list."""
    return {"items": items, "total": total, "limit": page.limit, "offset": page.offset}


@router.get("/events", summary="Merged events in date order, filtered")
def events(request: Request, params: Annotated[EventQuery, Query()]) -> dict[str, Any]:
    """Events involving both countries of ``between``, in ``[since, until]``, of one type,
    whose people, places, agreement or quotes contain ``q``."""
    filt, page = params.to_filter(), params.page()
    with open_reader(request) as reader:
        found = query.list_events(reader, filt, page)
    return paged([r.to_json() for r in found.items], found.total, page)


@router.get("/events/{event_id}", summary="One event with every report and its text window")
def event(request: Request, event_id: Id) -> dict[str, Any]:
    """The event, each source's quote, offsets and a window of its document's text."""
    with open_reader(request) as reader:
        detail = query.get_event(reader, event_id, request.app.state.options.window)
    if detail is None:
        raise not_found("event", event_id)
    return detail.to_json()


@router.get("/entities", summary="People and organisations, most active first")
def entities(
    request: Request,
    q: Text = None,
    type: EntityTypeParam | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entities whose name or aliases contain ``q``."""
    page = Page(limit, offset)
    with open_reader(request) as reader:
        found = query.list_entities(reader, q, type.value if type else None, page)
    return paged([r.to_json() for r in found.items], found.total, page)


@router.get("/entities/{entity_id}", summary="One entity: offices over time and events")
def entity(request: Request, entity_id: Id) -> dict[str, Any]:
    """The entity with its offices and its events in date order."""
    with open_reader(request) as reader:
        detail = query.get_entity(reader, entity_id)
    if detail is None:
        raise not_found("entity", entity_id)
    return detail.to_json()


@router.get("/dyads/{a}/{b}", summary="Contacts between two countries")
def dyad(
    request: Request,
    a: Id,
    b: Id,
    since: DateParam = None,
    until: DateParam = None,
) -> dict[str, Any]:
    """Events per year and type, top topics and agreements between ``a`` and ``b``."""
    filt = event_filter(None, since, until, None, None)
    ca, cb = country(a, "a"), country(b, "b")
    with open_reader(request) as reader:
        return query.dyad_summary(reader, ca, cb, filt).to_json()


@router.get("/agreements", summary="The agreements register (SIGN events)")
def agreements_(
    request: Request,
    between: Between = None,
    since: DateParam = None,
    until: DateParam = None,
) -> dict[str, Any]:
    """Every SIGN event in date order."""
    from communique.query.summaries import agreement_json

    filt = event_filter(between, since, until, None, None)
    with open_reader(request) as reader:
        rows = query.agreements(reader, filt)
    return {"items": [agreement_json(r) for r in rows], "total": len(rows)}


@router.get("/topics", summary="Events per topic and year")
def topics(request: Request, between: Between = None) -> dict[str, Any]:
    """How many events mention each topic, per year."""
    filt = event_filter(between, None, None, None, None)
    with open_reader(request) as reader:
        counts = query.topics_by_year(reader, filt)
    return {"items": [{"year": c.year, "topic": c.key, "count": c.count} for c in counts]}


@router.get("/documents", summary="Documents, newest first (metadata only)")
def documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """One page of documents."""
    page = Page(limit, offset)
    with open_reader(request) as reader:
        items, total = query.list_documents(reader, page)
    return paged(items, total, page)


@router.get("/documents/{doc_id}", summary="One document: texts and the events it reports")
def document(request: Request, doc_id: Id) -> dict[str, Any]:
    """Metadata, original and clean text, and every event sentence in it."""
    with open_reader(request) as reader:
        doc = query.get_document(reader, doc_id)
    if doc is None:
        raise not_found("document", doc_id)
    return doc


@router.get("/search", summary="Full-text search over documents and reporting sentences")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents matching every word of ``q`` (best first), then matching quotes."""
    page = Page(limit, offset)
    with open_reader(request) as reader:
        hits = query.search(reader, q, page)
    return {"items": [h.to_json() for h in hits], "limit": page.limit, "offset": page.offset}
