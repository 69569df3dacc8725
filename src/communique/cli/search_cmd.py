"""``communique search WORDS``: full-text search over clean texts and reporting sentences.

Documents match when their title or clean text holds every word (SQLite FTS5,
best first); quotes (the sentences events cite) match when they hold every word.
Hits are marked ``[like this]`` in the snippet.
"""

from __future__ import annotations

import sys

import click

from communique.cli.common import (
    EXIT_INPUT_FAILED,
    db_option,
    echo_err,
    format_option,
    write_csv,
    write_jsonl,
    write_table,
)
from communique.errors import CommuniqueError
from communique.query import Page, Reader, search
from communique.query.reader import MAX_LIMIT
from communique.store import Store

COLUMNS = ("kind", "doc_id", "title", "snippet", "event_id")


@click.command("search")
@click.argument("words")
@db_option
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_LIMIT),
    default=20,
    show_default=True,
    help="Most documents (and most quotes) to show.",
)
@format_option("table", "jsonl", "csv")
def search_cmd(words: str, db_path: str, limit: int, fmt: str) -> None:
    """Find documents and quotes containing every word of WORDS (a trailing * matches a prefix)."""
    try:
        with Store.open(db_path, readonly=True) as store:
            hits = search(Reader(store), words, Page(limit, 0))
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    if fmt == "jsonl":
        write_jsonl(h.to_json() for h in hits)
        return
    rows = [
        {
            "kind": h.kind,
            "doc_id": h.doc_id,
            "title": h.title or "",
            "snippet": h.snippet(),
            "event_id": h.event_id or "",
        }
        for h in hits
    ]
    if fmt == "csv":
        write_csv(rows, COLUMNS)
    else:
        write_table(rows, COLUMNS, max_width=100)
        echo_err(f"{len(hits)} hit(s)")
