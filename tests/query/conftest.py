"""The composed sample database, built once per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from query_sample import Sample, build_sample_db

from communique.query import Reader
from communique.store import Store


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    return build_sample_db(tmp_path_factory.mktemp("query") / "sample.db")


@pytest.fixture()
def reader(sample: Sample) -> Iterator[Reader]:
    with Store.open(sample.path, readonly=True) as store:
        yield Reader(store)
