"""The composed sample database, built once per session."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from communique.query import Reader
from communique.store import Store


def load_sample_module() -> ModuleType:
    """``tests/query/query_sample.py`` as the module ``query_sample`` (shared by the
    query, web and CLI tests, which live in different folders)."""
    if "query_sample" in sys.modules:
        return sys.modules["query_sample"]
    spec = importlib.util.spec_from_file_location(
        "query_sample", Path(__file__).with_name("query_sample.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["query_sample"] = module
    spec.loader.exec_module(module)
    return module


_sample = load_sample_module()
Sample, build_sample_db = _sample.Sample, _sample.build_sample_db


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    return build_sample_db(tmp_path_factory.mktemp("query") / "sample.db")


@pytest.fixture()
def reader(sample: Sample) -> Iterator[Reader]:
    with Store.open(sample.path, readonly=True) as store:
        yield Reader(store)
