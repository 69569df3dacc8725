"""People and organisations: a paged listing and one entity with its offices and events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from communique.query.events import _STATS, EventRow, chronological, load_rows
from communique.query.reader import Page, Reader, like_pattern
from communique.records import Entity
from communique.resolve.lookup import entity_json
from communique.store import codec

_N_EVENTS = (
    "(SELECT count(*) FROM (SELECT event_id FROM event_participants "
    "WHERE entity_id = en.entity_id AND kind = ? UNION SELECT event_id FROM event_organizations "
    "WHERE entity_id = en.entity_id AND kind = ?)) AS n_events"
)
_EVENT_IDS = (
    "SELECT event_id FROM event_participants WHERE entity_id = ? AND kind = ? "
    "UNION SELECT event_id FROM event_organizations WHERE entity_id = ? AND kind = ?"
)


@dataclass(frozen=True, slots=True)
class EntityRow:
    """An entity with how many events it takes part in."""

    entity: Entity
    n_events: int

    def to_json(self) -> dict[str, Any]:
        """The entity object (as ``communique entities``) plus ``n_events``."""
        return {**entity_json(self.entity), "n_events": self.n_events}


@dataclass(frozen=True, slots=True)
class EntityList:
    """One page of entities with the total count."""

    items: tuple[EntityRow, ...]
    total: int
    page: Page


@dataclass(frozen=True, slots=True)
class EntityDetail:
    """An entity, its offices over time and its events in date order."""

    entity: Entity
    events: tuple[EventRow, ...]

    def to_json(self) -> dict[str, Any]:
        """The API shape of ``/api/entities/{id}``."""
        return {**entity_json(self.entity), "events": [r.to_json() for r in self.events]}


def list_entities(reader: Reader, q: str | None, type_: str | None, page: Page) -> EntityList:
    """Entities whose name or aliases contain ``q``, most active first."""
    clauses, params = ["1 = 1"], []
    if q and q.strip():
        clauses.append("(en.name LIKE ? ESCAPE '\\' OR en.aliases LIKE ? ESCAPE '\\')")
        params += [like_pattern(q.strip())] * 2
    if type_:
        clauses.append("en.type = ?")
        params.append(type_)
    where = " AND ".join(clauses)
    kind = reader.event_kind()
    total = int(reader.value(f"SELECT count(*) FROM entities en WHERE {where}", params) or 0)
    rows = reader.rows(
        f"SELECT en.*, {_N_EVENTS} FROM entities en WHERE {where} "
        "ORDER BY n_events DESC, en.name, en.entity_id LIMIT ? OFFSET ?",
        [kind, kind, *params, page.limit, page.offset],
    )
    items = tuple(EntityRow(codec.entity_from_row(r), int(r["n_events"])) for r in rows)
    return EntityList(items, total, page)


def get_entity(reader: Reader, entity_id: str) -> EntityDetail | None:
    """One entity with its events (merged when merging has run)."""
    rows = reader.rows("SELECT * FROM entities WHERE entity_id = ?", (entity_id,))
    if not rows:
        return None
    kind = reader.event_kind()
    events = reader.rows(
        f"SELECT e.*, {_STATS} FROM events e WHERE e.kind = ? AND e.event_id IN ({_EVENT_IDS})",
        (kind, entity_id, kind, entity_id, kind),
    )
    return EntityDetail(
        codec.entity_from_row(rows[0]), tuple(load_rows(reader, chronological(events)))
    )
