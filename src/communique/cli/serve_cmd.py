"""``communique serve``: the JSON API and web UI over a database, read-only.

Binds 127.0.0.1 unless ``--host`` says otherwise; the API reference is at
``/docs`` (works offline) and the schema at ``/openapi.json``.
"""

from __future__ import annotations

import sys

import click

from communique.cli.common import EXIT_INPUT_FAILED, db_option, echo_err
from communique.errors import CommuniqueError


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--query-seconds",
    type=click.FloatRange(0.1, 300),
    default=5.0,
    show_default=True,
    help="Time limit of one database query.",
)
def serve(db_path: str, host: str, port: int, query_seconds: float) -> None:
    """Serve the timeline, event pages and JSON API for the database (read-only)."""
    from communique.web.app import WebOptions
    from communique.web.server import serve as run

    try:
        run(db_path, host, port, WebOptions(query_seconds=query_seconds))
    except CommuniqueError as exc:
        echo_err(f"error: {exc}")
        sys.exit(EXIT_INPUT_FAILED)
