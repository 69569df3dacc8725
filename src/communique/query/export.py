"""Export the event record for pandas and DuckDB users.

Layouts (documented in ``communique export --help``):

* ``csv`` / ``parquet``: ``--out`` is a directory with one file per table —
  ``events``, ``participants``, ``organizations``, ``sources``, ``entities``,
  ``offices`` — joined on ``event_id`` / ``entity_id``. List columns (``topics``,
  ``aliases``) are JSON text in CSV and list columns in Parquet.
* ``jsonl``: ``--out`` is one file, one event a line in the contract's shape with
  participants, organisations and sources nested (plus ``n_reports``,
  ``corpus_date``); entities are in the table exports and ``communique entities``.

Why tables with fixed schemas: an empty database still gives files with the right
columns, so a user's notebook does not break on the first run.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from communique.query.events import EventRow, all_events
from communique.query.reader import EventFilter, Reader
from communique.records import Entity
from communique.store import codec

ExportFormat = Literal["csv", "jsonl", "parquet"]

_S, _I = pa.string(), pa.int64()
_LIST = pa.list_(pa.string())
#: Table name -> its columns and Arrow types (CSV keeps the same column order).
SCHEMAS: dict[str, pa.Schema] = {
    "events": pa.schema(
        [
            ("event_id", _S),
            ("kind", _S),
            ("type", _S),
            ("status", _S),
            ("date", _S),
            ("corpus_date", _S),
            ("year", _I),
            ("location_name", _S),
            ("location_country", _S),
            ("agreement", _S),
            ("topics", _LIST),
            ("n_reports", _I),
            ("n_participants", _I),
        ]
    ),
    "participants": pa.schema(
        [
            ("event_id", _S),
            ("pos", _I),
            ("name", _S),
            ("mention", _S),
            ("role", _S),
            ("country", _S),
            ("entity_id", _S),
        ]
    ),
    "organizations": pa.schema(
        [
            ("event_id", _S),
            ("pos", _I),
            ("name", _S),
            ("mention", _S),
            ("country", _S),
            ("entity_id", _S),
        ]
    ),
    "sources": pa.schema(
        [("event_id", _S), ("pos", _I), ("doc_id", _S), ("quote", _S), ("start", _I), ("end", _I)]
    ),
    "entities": pa.schema(
        [("entity_id", _S), ("type", _S), ("name", _S), ("country", _S), ("aliases", _LIST)]
    ),
    "offices": pa.schema([("entity_id", _S), ("office", _S), ("first", _S), ("last", _S)]),
}


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: the files and the rows per table."""

    fmt: str
    paths: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]


def _event_record(row: EventRow, kind: str) -> dict[str, Any]:
    e, d = row.event, row.corpus_date
    return {
        "event_id": e.event_id,
        "kind": kind,
        "type": e.type,
        "status": e.status,
        "date": e.date,
        "corpus_date": d.iso() if d else None,
        "year": d.year if d else None,
        "location_name": e.location.name if e.location else None,
        "location_country": e.location.country if e.location else None,
        "agreement": e.agreement,
        "topics": list(e.topics),
        "n_reports": row.n_reports,
        "n_participants": len(e.participants),
    }


def event_tables(rows: Iterable[EventRow], kind: str) -> dict[str, list[dict[str, Any]]]:
    """The four event tables as lists of row dicts (children keep their ``pos``)."""
    out: dict[str, list[dict[str, Any]]] = {
        "events": [],
        "participants": [],
        "organizations": [],
        "sources": [],
    }
    for row in rows:
        e = row.event
        out["events"].append(_event_record(row, kind))
        out["participants"] += _child_rows(e.event_id, e.participants, _PARTICIPANT_FIELDS)
        out["organizations"] += _child_rows(e.event_id, e.organizations, _ORGANIZATION_FIELDS)
        out["sources"] += _child_rows(e.event_id, e.sources, _SOURCE_FIELDS)
    return out


def entity_tables(entities: Iterable[Entity]) -> dict[str, list[dict[str, Any]]]:
    """The entities and offices tables."""
    out: dict[str, list[dict[str, Any]]] = {"entities": [], "offices": []}
    for e in entities:
        out["entities"].append(
            {
                "entity_id": e.entity_id,
                "type": e.type,
                "name": e.name,
                "country": e.country,
                "aliases": list(e.aliases),
            }
        )
        for office, first, last in e.offices:
            out["offices"].append(
                {"entity_id": e.entity_id, "office": office, "first": first, "last": last}
            )
    return out


def _write_csv(path: Path, schema: pa.Schema, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(schema.names)
        for row in rows:
            writer.writerow(
                [
                    json.dumps(row[c], ensure_ascii=False) if isinstance(row[c], list) else row[c]
                    for c in schema.names
                ]
            )


def export(
    reader: Reader, out: Path, fmt: ExportFormat, filt: EventFilter | None = None
) -> ExportSummary:
    """Write the events (and, for tables, entities) ``filt`` keeps to ``out``."""
    filt = filt or EventFilter()
    kind = filt.kind or reader.event_kind()
    rows = all_events(
        reader, EventFilter(filt.between, filt.since, filt.until, filt.type, filt.q, kind)
    )
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        return ExportSummary(fmt, (str(out),), (("events", len(rows)),))
    entities = [
        codec.entity_from_row(r) for r in reader.rows("SELECT * FROM entities ORDER BY entity_id")
    ]
    tables = {**event_tables(rows, kind), **entity_tables(entities)}
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, schema in SCHEMAS.items():
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            pq.write_table(pa.Table.from_pylist(tables[name], schema=schema), path)
        else:
            _write_csv(path, schema, tables[name])
        paths.append(str(path))
    return ExportSummary(fmt, tuple(paths), tuple((n, len(tables[n])) for n in SCHEMAS))


#: Columns of the child tables, after ``event_id`` and ``pos`` (their order in the files).
_PARTICIPANT_FIELDS = ("name", "mention", "role", "country", "entity_id")
_ORGANIZATION_FIELDS = ("name", "mention", "country", "entity_id")
_SOURCE_FIELDS = ("doc_id", "quote", "start", "end")


def _child_rows(event_id: str, items: Sequence[Any], fields: Sequence[str]) -> list[dict[str, Any]]:
    """One row per participant, organisation or source of an event, in their order."""
    return [
        {"event_id": event_id, "pos": i, **{f: getattr(item, f) for f in fields}}
        for i, item in enumerate(items)
    ]
