"""A real uvicorn server on 127.0.0.1 over the composed sample database."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest


def _load_support() -> object:
    """``web_support.py`` beside this file, registered so test modules import the same one."""
    if "web_support" in sys.modules:
        return sys.modules["web_support"]
    spec = importlib.util.spec_from_file_location(
        "web_support", Path(__file__).with_name("web_support.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["web_support"] = module
    spec.loader.exec_module(module)
    return module


support = _load_support()
Live = support.Live  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    db = tmp_path_factory.mktemp("web") / "sample.db"
    sample = support.load_sample_module().build_sample_db(db)
    with support.run_server(db) as url:
        yield Live(url, sample, db)


@pytest.fixture()
def client(live: Live) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=20) as c:
        yield c
