"""`communique extract PATH... [--per-document]`: events as JSON Lines, no store needed."""

from __future__ import annotations

import sys

import click

from communique.cli.common import EXIT_INPUT_FAILED, EXIT_OK, echo_err, progress, write_jsonl
from communique.records import Document, Event, Rejection
from communique.settings import Settings


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--per-document", is_flag=True, help="One record per report: do not merge across documents.")
def extract(paths: tuple[str, ...], per_document: bool) -> None:
    """Extract MEET/VISIT/SIGN events from files or folders (txt, html, jsonl, warc).

    Prints one JSON object per event on stdout (CONTRACT.md), in document order and
    then text order. Inputs that cannot be read are reported on stderr, one line each
    (`origin: code: detail`), and make the exit code 1; the rest are still printed.
    """
    from communique import pipeline

    settings = Settings.from_env()
    ctx = pipeline.Context.build(settings)
    docs: list[Document] = []
    events: list[Event] = []
    failed = 0
    for item in progress(pipeline.read_documents(paths, settings), "extract"):
        if isinstance(item, Rejection):
            echo_err(f"{item.origin}: {item.code}: {item.detail}")
            failed += 1
            continue
        docs.append(item)
        events.extend(pipeline.extract_document(item, ctx))
    resolved, _entities = pipeline.resolve_events(events)
    out = resolved if per_document else pipeline.merge_events(resolved, docs)
    write_jsonl(e.to_json() for e in out)
    sys.exit(EXIT_INPUT_FAILED if failed else EXIT_OK)
