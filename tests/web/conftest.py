"""A real uvicorn server on 127.0.0.1 over the composed sample database."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
import web_support as support
from query_sample import build_sample_db
from web_support import Live


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    db = tmp_path_factory.mktemp("web") / "sample.db"
    sample = build_sample_db(db)
    with support.run_server(db) as url:
        yield Live(url, sample, db)


@pytest.fixture()
def client(live: Live) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=20) as c:
        yield c
