"""Helpers for store tests: documents and events built directly as records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from communique.records import (
    Document,
    Event,
    Location,
    OffsetMap,
    Organization,
    Participant,
    Provenance,
    Source,
    Story,
    content_hash,
    stable_id,
)

MakeDoc = Callable[..., Document]


def build_doc(
    doc_id: str, text: str, *, title: str | None = None, published: str | None = None
) -> Document:
    """A document whose clean text drops a leading 'MENU' line (so offsets are non-trivial)."""
    original = "MENU\n" + text
    return Document(
        doc_id=doc_id,
        origin=f"/in/{doc_id}.txt",
        fmt="txt",
        original=original,
        clean=text,
        offsets=OffsetMap(((0, 5, len(text)),)),
        content_hash=content_hash(original),
        title=title or text.split("\n", 1)[0],
        byline="Ana Reporter",
        outlet="XNA",
        published=published,
        published_precision="day" if published else None,
        language="en",
        url=f"https://example.org/{doc_id}",
        provenance=(("published", Provenance("metadata-line", 0, 4)),) if published else (),
        stories=(Story(0, title or text.split("\n", 1)[0], 0, len(text), 0, 10),),
        chars_removed=5,
    )


def build_event(doc: Document, n: int = 0, kind_note: str = "") -> Event:
    """A MEET event reported by ``doc`` with every optional field filled."""
    quote = doc.original[5:25]
    return Event(
        event_id=stable_id("ev", {"doc": doc.doc_id, "n": n, "k": kind_note}),
        type="MEET",
        status="occurred",
        date="2024-05-02",
        location=Location("Hanoi", "VNM"),
        participants=(
            Participant("Minh Quang Tran", "Mr Tran", "Minister of Trade", "VNM", "per_1"),
            Participant(None, None, None, "FRA"),
        ),
        organizations=(Organization("Ministry of Trade", "VNM", "org_1", "the ministry"),),
        agreement="memorandum of understanding on fisheries",
        topics=("trade", "fisheries"),
        sources=(Source(doc.doc_id, quote, 5, 25),),
        story_index=0,
        related=("ev_other",),
        disagreements=("date",),
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def make_doc() -> Callable[..., Document]:
    return build_doc


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event
