"""Fixtures for extraction tests: one Extractor per session, documents built from text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.extract import Extractor
from communique.records import Document, OffsetMap, Story, content_hash
from communique.settings import Settings


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The model and gazetteers are loaded once for the whole session."""
    return Extractor.load(Settings())


def make_doc(
    text: str, published: str | None = None, language: str | None = "en", doc_id: str = "t"
) -> Document:
    """A Document whose clean text is its original (identity offsets), one story."""
    return Document(
        doc_id=doc_id,
        origin=f"{doc_id}.txt",
        fmt="txt",
        original=text,
        clean=text,
        offsets=OffsetMap.identity(len(text)),
        content_hash=content_hash(text),
        published=published,
        language=language,
        stories=(Story(0, None, 0, len(text)),),
    )


@pytest.fixture(scope="session")
def doc_from() -> Callable[..., Document]:
    return make_doc
