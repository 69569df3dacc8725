"""Run the app with uvicorn (the library behind ``communique serve``)."""

from __future__ import annotations

from pathlib import Path

import uvicorn

from communique.store import Store
from communique.web.app import WebOptions, create_app

#: Where the server listens unless told otherwise: this machine only.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(
    db_path: str | Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    options: WebOptions | None = None,
) -> None:
    """Serve the database read-only until interrupted.

    The database is opened once first so a missing or too-old file fails at start
    with a clear :class:`communique.errors.StoreError`, not on the first request.
    """
    with Store.open(db_path, readonly=True):
        pass
    uvicorn.run(create_app(db_path, options), host=host, port=port, log_level="info")
