"""`communique extract PATH... [--per-document]`: events as JSON Lines, no store needed."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

import click

from communique.cli.common import (
    EXIT_INPUT_FAILED,
    EXIT_OK,
    echo_err,
    engine_options,
    progress,
    write_jsonl,
)
from communique.records import Document, Rejection
from communique.settings import Settings


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--per-document", is_flag=True, help="One record per report: do not merge across documents."
)
@engine_options
def extract(
    paths: tuple[str, ...], per_document: bool, engine: str, scheduler: str | None, workers: int
) -> None:
    """Extract MEET/VISIT/SIGN events from files or folders (txt, html, jsonl, warc).

    Prints one JSON object per event on stdout (CONTRACT.md), in document order and
    then text order. Inputs that cannot be read are reported on stderr, one line each
    (`origin: code: detail`), and make the exit code 1; the rest are still printed.
    With `--engine dask` reading and extraction run on Dask workers; the output is
    the same.
    """
    from communique.runners import DaskOptions, run_extract

    settings = Settings.from_env()
    dask = DaskOptions(scheduler=scheduler, workers=workers) if engine == "dask" else None
    result = run_extract(
        paths,
        settings,
        "dask" if dask else "local",
        per_document=per_document,
        dask=dask,
        wrap=_report,
    )
    write_jsonl(e.to_json() for e in result.events)
    sys.exit(EXIT_INPUT_FAILED if result.rejections else EXIT_OK)


def _report(items: Iterable[Document | Rejection]) -> Iterator[Document | Rejection]:
    """A progress bar, and each input that could not be read on stderr as it passes."""
    for item in progress(items, "extract"):
        if isinstance(item, Rejection):
            echo_err(f"{item.origin}: {item.code}: {item.detail}")
        yield item
