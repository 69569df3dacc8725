"""``communique ingest PATH... [--db FILE]``: read inputs into the store.

A thin shell over :func:`communique.store.ingest.ingest_paths`: a progress bar on
a terminal, then every failure on its own stderr line (``origin: code: detail``)
and a one-line summary. Exit 1 when any input failed (the rest is still stored).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

import click

from communique.cli.common import (
    EXIT_INPUT_FAILED,
    EXIT_OK,
    db_option,
    echo_err,
    engine_options,
    progress,
)
from communique.errors import CommuniqueError
from communique.pipeline import refresh_store
from communique.records import Document, Rejection
from communique.settings import Settings
from communique.store import Store


def _with_progress(items: Iterable[Document | Rejection]) -> Iterable[Document | Rejection]:
    return progress(items, "ingest")


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--extract/--no-extract",
    "do_extract",
    default=True,
    show_default=True,
    help="Also extract events, resolve entities and merge reports (the main job).",
)
@engine_options
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    do_extract: bool,
    engine: str,
    scheduler: str | None,
    workers: int,
) -> None:
    """Read files into the database; extract, resolve and merge their events.

    PATH... are files or folders (.txt, .html, .jsonl, .warc; any of them gzipped,
    e.g. .html.gz, .warc.gz).

    Re-ingesting the same inputs changes nothing; a changed input replaces its
    earlier version. Exit status 1 when any input could not be read. With
    `--engine dask` reading, cleaning and extraction run on Dask workers; the
    database ends up the same.
    """
    from communique.runners import DaskOptions, run_ingest

    try:
        settings = Settings.from_env().with_(db_path=db_path)
        with Store.open(db_path) as store:
            dask = DaskOptions(scheduler=scheduler, workers=workers) if engine == "dask" else None
            summary = run_ingest(
                paths,
                store,
                settings,
                "dask" if dask else "local",
                extract=do_extract,
                dask=dask,
                wrap=_with_progress,
            )
            tail = ""
            if do_extract:
                n_doc, n_merged, n_ent = refresh_store(store)
                tail = f"; events {n_doc} reported, {n_merged} after merging; entities {n_ent}"
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
    for rej in summary.rejections:
        echo_err(f"{rej.origin}: {rej.code}: {rej.detail}")
    echo_err(summary.line() + tail)
    sys.exit(EXIT_INPUT_FAILED if summary.failed else EXIT_OK)
