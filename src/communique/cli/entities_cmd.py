"""``communique entities``: the resolved people, organisations and places in the database.

Opened read-only, so it works while ``ingest`` is writing.
"""

from __future__ import annotations

import sys

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
from communique.resolve.lookup import entity_json
from communique.store import Store

#: Columns of the table view (the JSONL view carries every field).
TABLE_COLUMNS = ("entity_id", "type", "name", "country", "aliases", "offices")


@click.command()
@db_option
@click.option(
    "--type",
    "kind",
    type=click.Choice(["person", "organization", "place"]),
    default=None,
    help="Only entities of this type.",
)
@format_option("table", "jsonl")
def entities(db_path: str, kind: str | None, fmt: str) -> None:
    """List resolved entities with their aliases and offices over time."""
    try:
        with Store.open(db_path, readonly=True) as store:
            rows = [entity_json(e) for e in store.iter_entities() if kind is None or e.type == kind]
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    rows.sort(key=lambda r: (r["type"], r["name"].casefold(), r["entity_id"]))
    if fmt == "jsonl":
        write_jsonl(rows)
        return
    write_table(
        [
            {
                **r,
                "offices": [
                    f"{o['office']} ({o['first'] or '?'}..{o['last'] or '?'})" for o in r["offices"]
                ],
            }
            for r in rows
        ],
        TABLE_COLUMNS,
    )
