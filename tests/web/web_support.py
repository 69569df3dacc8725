"""Helpers for the web tests: the shared sample builder and a real uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from communique.web.app import WebOptions, create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Live:
    """A running server: its base URL and the sample ids."""

    url: str
    sample: Any
    db: Path


@contextmanager
def run_server(db: Path, options: WebOptions | None = None) -> Iterator[str]:
    """Start uvicorn in a thread on a free port; yield its base URL; stop it."""
    port = free_port()
    config = uvicorn.Config(
        create_app(db, options), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
