"""``communique events`` lists the merged events in the database: one row per real
event with the number of reports behind it and, under NOTES, where the reports
disagree (dates, places, participants).

The database is opened read-only, so the listing works while ``ingest`` writes.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from communique.cli.common import (
    EXIT_INPUT_FAILED,
    db_option,
    echo_err,
    format_option,
    write_jsonl,
    write_table,
)
from communique.errors import CommuniqueError
from communique.merge.dates import PartialDate
from communique.records import Event
from communique.store import Store

#: Columns of the table view (the JSONL view carries the whole contract object).
TABLE_COLUMNS = ("date", "type", "status", "participants", "place", "reports", "notes")


def _sort_key(event: Event) -> tuple[int, int, int, str]:
    """Chronological, year-less and undated events last."""
    d = PartialDate.parse(event.date)
    if d is None:
        return (10_000, 0, 0, event.event_id)
    return (d.year or 9_999, d.month or 0, d.day or 0, event.event_id)


def n_reports(event: Event) -> int:
    """How many documents report the event (several sentences of one count once)."""
    return len({s.doc_id for s in event.sources})


def table_row(event: Event) -> dict[str, Any]:
    """The table view of one event: participants with their roles, place, reports."""
    people = []
    for p in event.participants:
        who = p.name or f"({p.country or '?'} side)"
        people.append(f"{who} ({p.role})" if p.role else who)
    loc = event.location
    place = ", ".join(x for x in ((loc.name, loc.country) if loc else ()) if x)
    return {
        "date": event.date or "",
        "type": event.type,
        "status": event.status,
        "participants": "; ".join(people),
        "place": place,
        "reports": n_reports(event),
        "notes": "; ".join(event.disagreements),
    }


@click.command()
@db_option
@format_option("table", "jsonl")
def events(db_path: str, fmt: str) -> None:
    """List merged events (one per real event) with how many reports back each."""
    try:
        with Store.open(db_path, readonly=True) as store:
            merged = sorted(store.iter_events("merged"), key=_sort_key)
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    if fmt == "jsonl":
        write_jsonl(dict(e.to_json(), n_reports=n_reports(e)) for e in merged)
    else:
        write_table([table_row(e) for e in merged], TABLE_COLUMNS, max_width=80)
