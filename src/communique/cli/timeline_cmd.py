"""``communique timeline``: merged events in date order, filtered by countries, dates, type.

A thin shell over :mod:`communique.query`: ``--between VNM RUS`` keeps events whose
participants, organisations or place involve both countries; partial dates sort
by their corpus date (a year-less date takes its documents' year), undated last.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from communique.cli.common import (
    EXIT_INPUT_FAILED,
    EXIT_USAGE,
    db_option,
    echo_err,
    format_option,
    write_csv,
    write_jsonl,
    write_table,
)
from communique.errors import CommuniqueError
from communique.merge.dates import PartialDate
from communique.query import EventFilter, EventRow, Reader, all_events, country_code
from communique.query.dates import interval, parse_bound
from communique.store import Store

#: Columns of the table and CSV views (JSONL carries the whole contract object).
COLUMNS = ("date", "type", "status", "who", "place", "agreement", "reports", "event_id")


def who(row: EventRow) -> str:
    """Who met whom, with offices: ``A (office, VNM) · B (office, RUS)``."""
    out = []
    for p in row.event.participants:
        name = p.name or p.mention or "unnamed side"
        extra = ", ".join(x for x in (p.role, p.country) if x)
        out.append(f"{name} ({extra})" if extra else name)
    return " · ".join(out)


def flat_row(row: EventRow) -> dict[str, Any]:
    """The table/CSV view of one event."""
    e, d = row.event, row.corpus_date
    date = e.date or ""
    if d is not None and e.date and d.iso() != e.date:
        date = f"{e.date} (~{d.year})"
    loc = e.location
    return {
        "date": date,
        "type": e.type,
        "status": e.status,
        "who": who(row),
        "place": ", ".join(x for x in ((loc.name, loc.country) if loc else ()) if x),
        "agreement": e.agreement or "",
        "reports": row.n_reports,
        "event_id": e.event_id,
    }


def _country(value: str) -> str:
    code = country_code(value)
    if code is None:
        raise click.BadParameter(f"{value!r} is not a country (use ISO 3166-1 alpha-3, e.g. VNM)")
    return code


def _date(value: str | None, name: str) -> PartialDate | None:
    if value is None:
        return None
    d = parse_bound(value)
    if d is None:
        raise click.BadParameter(f"{value!r}: use YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)
    return d


def bounds_reversed(since: PartialDate, until: PartialDate) -> bool:
    """True when ``--since`` starts after the whole ``--until`` period has ended."""
    lo, hi = interval(since), interval(until)
    return lo is not None and hi is not None and lo[0] > hi[1]


@click.command()
@db_option
@click.option("--between", nargs=2, metavar="ISO3 ISO3", help="Two countries, e.g. VNM RUS.")
@click.option("--since", help="Earliest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--type", "type_", type=click.Choice(["MEET", "VISIT", "SIGN"]), help="Event type.")
@click.option("-q", "--query", "q", help="Keep events whose people, places or quotes contain this.")
@format_option("table", "jsonl", "csv")
def timeline(
    db_path: str,
    between: tuple[str, str] | None,
    since: str | None,
    until: str | None,
    type_: str | None,
    q: str | None,
    fmt: str,
) -> None:
    """Merged events in date order: date, type, who met whom (offices), place, reports."""
    pair = (_country(between[0]), _country(between[1])) if between else None
    filt = EventFilter(pair, _date(since, "--since"), _date(until, "--until"), type_, q)
    if filt.since and filt.until and bounds_reversed(filt.since, filt.until):
        echo_err("error: --since is after --until")
        sys.exit(EXIT_USAGE)
    try:
        with Store.open(db_path, readonly=True) as store:
            rows = all_events(Reader(store), filt)
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    if fmt == "jsonl":
        write_jsonl(r.to_json() for r in rows)
    elif fmt == "csv":
        write_csv([flat_row(r) for r in rows], COLUMNS)
    else:
        write_table([flat_row(r) for r in rows], COLUMNS[:-1], max_width=90)
        echo_err(f"{len(rows)} event(s)")
