"""Fixtures of the ingest tests: the seeds read once per session, one language detector."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.ingest import LanguageDetector, iter_documents
from communique.records import Document
from communique.settings import Settings


@pytest.fixture(scope="session")
def detector() -> LanguageDetector:
    return LanguageDetector.build()


@pytest.fixture(scope="session")
def seed_docs(seeds_dir: Path, detector: LanguageDetector) -> dict[str, Document]:
    """The five seeds through the real reader, by their 3-digit prefix."""
    docs = list(iter_documents([seeds_dir], Settings(), detector))
    assert all(isinstance(d, Document) for d in docs), docs
    return {d.doc_id[:3]: d for d in docs if isinstance(d, Document)}
