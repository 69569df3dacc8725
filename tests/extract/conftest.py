"""Fixtures for extraction tests: one Extractor per session, documents built from text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from testkit import text_document as make_doc

from communique.extract import Extractor
from communique.records import Document
from communique.settings import Settings


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The model and gazetteers are loaded once for the whole session."""
    return Extractor.load(Settings())


@pytest.fixture(scope="session")
def doc_from() -> Callable[..., Document]:
    return make_doc
