"""``communique docs`` lists stored documents; ``communique doc ID`` prints one.

Both open the database read-only, so they work while ``ingest`` is writing.
``doc ID --original`` prints the original text byte for byte (UTF-8, nothing
added), because contract offsets (``sources[].start/end``) index into it.
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
from communique.store import Store

#: Columns of the table view (the JSONL view carries every field).
TABLE_COLUMNS = (
    "doc_id",
    "published",
    "outlet",
    "byline",
    "language",
    "title",
    "stories",
    "chars_removed",
)
#: Fields of the JSONL/CSV view, in order.
JSON_FIELDS = (
    "doc_id",
    "published",
    "title",
    "byline",
    "outlet",
    "language",
    "origin",
    "fmt",
    "url",
    "stories",
    "chars",
    "chars_removed",
    "ingested_at",
)


@click.command()
@db_option
@format_option("table", "jsonl", "csv")
def docs(db_path: str, fmt: str) -> None:
    """List the documents in the database (one row or JSON object each)."""
    try:
        with Store.open(db_path, readonly=True) as store:
            rows = store.document_rows()
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    if fmt == "jsonl":
        write_jsonl({k: r[k] for k in JSON_FIELDS} for r in rows)
    elif fmt == "csv":
        write_csv(rows, JSON_FIELDS)
    else:  # a person reads the number of stories; the headlines are in the JSONL
        write_table([{**r, "stories": len(r["stories"])} for r in rows], TABLE_COLUMNS)


@click.command()
@click.argument("doc_id")
@click.option(
    "--clean", "which", flag_value="clean", default=True, help="Print the cleaned text (default)."
)
@click.option(
    "--original",
    "which",
    flag_value="original",
    help="Print the original text exactly (contract offsets index into it).",
)
@db_option
def doc(doc_id: str, which: str, db_path: str) -> None:
    """Print the text of document DOC_ID."""
    try:
        with Store.open(db_path, readonly=True) as store:
            document = store.get_document(doc_id)
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    if document is None:
        echo_err(
            f"error: no document {doc_id!r} in {db_path} (see `communique docs --db {db_path}`)"
        )
        sys.exit(EXIT_INPUT_FAILED)
    text = document.original if which == "original" else document.clean
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
