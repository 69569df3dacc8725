"""``communique who NAME``: one person's aliases, offices over time, events and sources.

The name is matched by any alias, insensitive to diacritics and transliteration
(``who Kuznecov`` finds Oleg Kuznetsov). The database is opened read-only.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from communique.cli.common import EXIT_INPUT_FAILED, db_option, echo_err, format_option, write_table
from communique.errors import CommuniqueError
from communique.records import Entity, Event
from communique.resolve.lookup import entity_json, find_entities
from communique.resolve.offices import chronological
from communique.store import Store

#: Columns of the events table under each person.
EVENT_COLUMNS = ("date", "type", "status", "with", "location", "sources")


def events_of(store: Store, entity_id: str) -> list[Event]:
    """The person's events: merged ones when merging has run, else per-document ones."""
    for kind in ("merged", "document"):
        rows = store.query(
            "SELECT DISTINCT event_id FROM event_participants WHERE entity_id = ? AND kind = ? ORDER BY event_id",
            (entity_id, kind),
        )
        events = [e for e in (store.get_event(r["event_id"], kind) for r in rows) if e is not None]
        if events:
            return sorted(events, key=lambda e: (chronological(e.date), e.event_id))
    return []


def person_report(entity: Entity, events: list[Event]) -> dict[str, Any]:
    """The JSON shape of ``who``: the entity, its events (contract form) and source documents."""
    out = entity_json(entity)
    out["events"] = [e.to_json() for e in events]
    out["sources"] = sorted({s.doc_id for e in events for s in e.sources})
    return out


def _print_person(report: dict[str, Any]) -> None:
    click.echo(f"{report['name']}  ({report['country'] or '?'}, {report['entity_id']})")
    if report["aliases"]:
        click.echo(f"  aliases: {'; '.join(report['aliases'])}")
    for office in report["offices"]:
        span = (
            office["first"]
            if office["first"] == office["last"]
            else f"{office['first']} .. {office['last']}"
        )
        click.echo(f"  office:  {office['office']}  [{span or 'undated'}]")
    rows = [
        {
            "date": e["date"],
            "type": e["type"],
            "status": e["status"],
            "with": [
                p["name"]
                for p in e["participants"]
                if p["entity_id"] != report["entity_id"] and p["name"]
            ],
            "location": (e["location"] or {}).get("name"),
            "sources": [s["doc_id"] for s in e["sources"]],
        }
        for e in report["events"]
    ]
    click.echo("")
    write_table(rows, EVENT_COLUMNS)
    click.echo("")


@click.command()
@click.argument("name")
@db_option
@format_option("table", "json")
def who(name: str, db_path: str, fmt: str) -> None:
    """Show the person NAME: aliases, offices over time, events and their sources."""
    try:
        with Store.open(db_path, readonly=True) as store:
            people = find_entities(store.iter_entities(), name)
            reports = [person_report(p, events_of(store, p.entity_id)) for p in people]
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    if not reports:
        echo_err(
            f"error: no person matching {name!r} in {db_path} (see `communique entities --db {db_path}`)"
        )
        sys.exit(EXIT_INPUT_FAILED)
    if fmt == "json":
        click.echo(json.dumps(reports, ensure_ascii=False, indent=2))
        return
    for report in reports:
        _print_person(report)
