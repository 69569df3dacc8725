"""``communique export``: the event record as files for pandas and DuckDB.

* ``--format csv`` / ``parquet``: ``--out`` is a directory; one file per table —
  ``events``, ``participants``, ``organizations``, ``sources`` (joined on
  ``event_id``), ``entities`` and ``offices`` (joined on ``entity_id``).
* ``--format jsonl``: ``--out`` is one file; one event a line, in the contract's
  shape with participants, organisations and sources nested.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

import click

from communique.cli.common import EXIT_INPUT_FAILED, db_option, echo_err
from communique.errors import CommuniqueError
from communique.query import EventFilter, Reader, export
from communique.query.export import ExportFormat
from communique.query.reader import EventKind
from communique.store import Store

#: Time limit of one export query: an export reads everything, so it is generous.
EXPORT_SECONDS = 600.0


@click.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    required=True,
    help="csv/parquet: a directory of tables; jsonl: one file of nested events.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(),
    required=True,
    help="Directory (csv, parquet) or file (jsonl) to write.",
)
@click.option(
    "--kind",
    type=click.Choice(["merged", "document"]),
    default=None,
    help="Events to export (default: merged when merging has run).",
)
def export_cmd(db_path: str, fmt: str, out: str, kind: str | None) -> None:
    """Export events, participants, organisations, sources, entities and offices.

    \b
    csv, parquet: --out is a directory with one file per table:
      events, participants, organizations, sources (join on event_id),
      entities, offices (join on entity_id); list columns are JSON in CSV.
    jsonl: --out is one file, one event a line in the contract's shape with
      participants, organisations and sources nested.
    """
    target = Path(out)
    if fmt == "jsonl" and target.is_dir():
        raise click.BadParameter("jsonl writes one file; give a file path", param_hint="--out")
    if fmt != "jsonl" and target.is_file():
        raise click.BadParameter(f"{fmt} writes a directory of tables", param_hint="--out")
    try:
        with Store.open(db_path, readonly=True) as store:
            filt = EventFilter(kind=cast(EventKind | None, kind))
            summary = export(
                Reader(store, seconds=EXPORT_SECONDS), target, cast(ExportFormat, fmt), filt
            )
    except (CommuniqueError, OSError) as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    for name, n in summary.counts:
        echo_err(f"{name}: {n} row(s)")
    for path in summary.paths:
        click.echo(path)
