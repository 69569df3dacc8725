"""``communique ingest PATH... [--db FILE]``: read inputs into the store.

A thin shell over :func:`communique.store.ingest.ingest_paths`: a progress bar on
a terminal, then every failure on its own stderr line (``origin: code: detail``)
and a one-line summary. Exit 1 when any input failed (the rest is still stored).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import click

from communique.cli.common import EXIT_INPUT_FAILED, EXIT_OK, db_option, echo_err, progress
from communique.errors import CommuniqueError
from communique.records import Document, Rejection
from communique.settings import Settings
from communique.store import Store, ingest_paths


def _with_progress(items: Iterable[Document | Rejection]) -> Iterable[Document | Rejection]:
    return progress(items, "ingest")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
def ingest(paths: tuple[str, ...], db_path: str) -> None:
    """Read PATH... (files or folders: .txt, .html, .jsonl, .warc) into the database.

    Re-ingesting the same inputs changes nothing; a changed input replaces its
    earlier version. Exit status 1 when any input could not be read.
    """
    try:
        settings = Settings.from_env().with_(db_path=db_path)
        with Store.open(db_path) as store:
            summary = ingest_paths(paths, store, settings, wrap=_with_progress)
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    for rej in summary.rejections:
        echo_err(f"{rej.origin}: {rej.code}: {rej.detail}")
    echo_err(summary.line())
    sys.exit(EXIT_INPUT_FAILED if summary.failed else EXIT_OK)
