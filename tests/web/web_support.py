"""Helpers for the web tests: the shared sample builder and a real uvicorn server."""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import uvicorn

from communique.web.app import WebOptions, create_app

SAMPLE_FILE = Path(__file__).resolve().parents[1] / "query" / "query_sample.py"


def load_sample_module() -> ModuleType:
    """The shared sample builder (tests/query/query_sample.py) as ``query_sample``."""
    if "query_sample" in sys.modules:
        return sys.modules["query_sample"]
    spec = importlib.util.spec_from_file_location("query_sample", SAMPLE_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["query_sample"] = module
    spec.loader.exec_module(module)
    return module


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
