"""Read queries over the store, shared by the CLI (timeline, search, export) and the web app.

Every query runs through a :class:`Reader` (a read-only store plus a time limit) and
returns frozen records with a ``to_json`` for the API.
"""

from communique.query.documents import (
    SearchHit,
    TextPart,
    get_document,
    list_documents,
    search,
    split_at,
    split_spans,
)
from communique.query.entities import EntityDetail, EntityList, EntityRow, get_entity, list_entities
from communique.query.events import (
    EventDetail,
    EventList,
    EventRow,
    Report,
    all_events,
    get_event,
    list_events,
)
from communique.query.export import ExportSummary, export
from communique.query.reader import EventFilter, Page, Reader, country_code
from communique.query.summaries import (
    DyadCount,
    DyadSummary,
    YearCount,
    agreements,
    dyad_summary,
    dyads,
    topics_by_year,
)

__all__ = [
    "DyadCount",
    "DyadSummary",
    "EntityDetail",
    "EntityList",
    "EntityRow",
    "EventDetail",
    "EventFilter",
    "EventList",
    "EventRow",
    "ExportSummary",
    "Page",
    "Reader",
    "Report",
    "SearchHit",
    "TextPart",
    "YearCount",
    "agreements",
    "all_events",
    "country_code",
    "dyad_summary",
    "dyads",
    "export",
    "get_document",
    "get_entity",
    "get_event",
    "list_documents",
    "list_entities",
    "list_events",
    "search",
    "split_at",
    "split_spans",
    "topics_by_year",
]
