"""Ingest: read inputs into the store, one document per transaction.

The library behind ``communique ingest`` (the CLI only adds a progress bar and
prints the summary). Reading is :func:`communique.pipeline.read_documents`;
every Document is upserted on its own, so a killed run keeps every document it
finished and a re-run skips them ("unchanged"). Rejections are stored and counted.

``on_document`` is the hook for per-document post-processing (e.g. extraction):
it is called after each document is stored with the upsert status, and may return
a :class:`Rejection` to report that the document failed a later stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from communique.records import Document, Rejection
from communique.settings import Settings
from communique.store.db import Store, UpsertStatus

#: Per-document hook: (document, upsert status) -> a Rejection when it failed, else None.
OnDocument = Callable[[Document, UpsertStatus], "Rejection | None"]
#: Wraps the stream of inputs, e.g. with a progress bar.
Wrap = Callable[[Iterable[Document | Rejection]], Iterable[Document | Rejection]]


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    rejections: tuple[Rejection, ...] = field(default=())

    def line(self) -> str:
        """The one-line human summary printed at the end of ``communique ingest``."""
        return (
            f"read {self.read}, new {self.new}, updated {self.updated}, "
            f"unchanged {self.unchanged}, failed {self.failed}"
        )


def ingest_items(
    items: Iterable[Document | Rejection], store: Store, on_document: OnDocument | None = None
) -> IngestSummary:
    """Store every Document (and every Rejection) from ``items``; count the outcomes."""
    counts = {"read": 0, "new": 0, "updated": 0, "unchanged": 0}
    rejections: list[Rejection] = []
    for item in items:
        counts["read"] += 1
        if isinstance(item, Rejection):
            store.add_rejection(item)
            rejections.append(item)
            continue
        status = store.upsert_document(item)
        counts[status] += 1
        if on_document is not None:
            rejection = on_document(item, status)
            if rejection is not None:
                store.add_rejection(rejection)
                rejections.append(rejection)
    return IngestSummary(
        read=counts["read"],
        new=counts["new"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        failed=len(rejections),
        rejections=tuple(rejections),
    )


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    on_document: OnDocument | None = None,
    wrap: Wrap | None = None,
) -> IngestSummary:
    """Read files and folders (every format the readers know) into ``store``."""
    from communique.pipeline import read_documents

    items: Iterable[Document | Rejection] = read_documents([str(p) for p in paths], settings)
    if wrap is not None:
        items = wrap(items)
    return ingest_items(items, store, on_document)
