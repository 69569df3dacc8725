"""The HTML pages: dyad timeline, event (reports side by side), person, agreements,
topics per year, search, document.

Why server-rendered: works offline, no build step; article text reaches the page
only through autoescaped template variables, cut into parts at the quote offsets
(:func:`communique.query.split_spans`) so the highlight is markup we write and
everything else is text.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from communique import query
from communique.query import Page
from communique.query.summaries import agreement_json, year_counts
from communique.web import svg
from communique.web.app import open_reader
from communique.web.params import MAX_OFFSET, MAX_TEXT, TimelineQuery, between, event_filter

router = APIRouter(include_in_schema=False)

#: Events listed per timeline page.
TIMELINE_PAGE = 100
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    """A template rendered with the request (for ``url_for``) and autoescaping."""
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, name, context)
    return response


@router.get("/", response_class=HTMLResponse)
def home() -> Response:
    """The timeline is the front page."""
    return RedirectResponse("/timeline", status_code=307)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, params: Annotated[TimelineQuery, Query()]) -> HTMLResponse:
    """Events of a dyad (or all) over time by type, with source counts."""
    filt = params.to_filter()
    page = Page(TIMELINE_PAGE, params.offset)
    with open_reader(request) as reader:
        listing = query.list_events(reader, filt, page)
        counts = year_counts(reader, filt)
        countries, top = query.dyads(reader)
    context = {
        "listing": listing,
        "chart": svg.stacked_years(counts),
        "countries": countries,
        "top_dyads": top,
        "form": params.form(),
        "pair": filt.between,
        "page_size": TIMELINE_PAGE,
    }
    return render(request, "timeline.html", context)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event with every report side by side, its sentence marked in the text."""
    with open_reader(request) as reader:
        detail = query.get_event(reader, event_id, request.app.state.options.window * 2)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    reports = [(r, query.split_at(r.window, r.quote_start, r.quote_end)) for r in detail.reports]
    return render(
        request, "event.html", {"detail": detail, "e": detail.row.event, "reports": reports}
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    """People and organisations, most active first."""
    with open_reader(request) as reader:
        listing = query.list_entities(reader, q, None, Page(100, offset))
    return render(request, "entities.html", {"listing": listing, "q": q or ""})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    """A person's offices over time and events."""
    with open_reader(request) as reader:
        detail = query.get_entity(reader, entity_id)
    if detail is None:
        raise HTTPException(status_code=404, detail=f"no entity {entity_id!r}")
    chart = svg.office_bars(detail.entity.offices)
    return render(request, "entity.html", {"detail": detail, "ent": detail.entity, "chart": chart})


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(request: Request, pair: Text = None) -> HTMLResponse:
    """The register of every agreement signed (SIGN events)."""
    filt = event_filter(pair, None, None, None, None)
    with open_reader(request) as reader:
        rows = query.agreements(reader, filt)
    items = [(r, agreement_json(r)) for r in rows]
    return render(request, "agreements.html", {"items": items, "pair": pair or ""})


@router.get("/topics", response_class=HTMLResponse)
def topics_page(request: Request, pair: Text = None) -> HTMLResponse:
    """Topics per year as a heat map."""
    filt = event_filter(pair, None, None, None, None)
    with open_reader(request) as reader:
        counts = query.topics_by_year(reader, filt)
    return render(
        request,
        "topics.html",
        {"chart": svg.heatmap(counts), "pair": pair or "", "between": between(pair)},
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Text = None, offset: Offset = 0) -> HTMLResponse:
    """Full-text search over documents and reporting sentences."""
    hits: list[query.SearchHit] = []
    if q and q.strip():
        with open_reader(request) as reader:
            hits = query.search(reader, q, Page(50, offset))
    return render(request, "search.html", {"hits": hits, "q": q or ""})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    """A document's original text with every reporting sentence marked."""
    with open_reader(request) as reader:
        doc = query.get_document(reader, doc_id)
    if doc is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id!r}")
    spans = [(e["start"], e["end"]) for e in doc["events"]]
    parts = query.split_spans(doc["original"], spans)
    return render(request, "document.html", {"doc": doc, "doc_parts": parts})
