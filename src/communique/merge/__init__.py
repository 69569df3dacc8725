"""merge stage (see :mod:`communique.pipeline`): one record per real event.

* :mod:`~communique.merge.dedup` — exact, near and contained duplicate documents
  (MinHash LSH over word shingles, story by story), linked, never deleted.
* :mod:`~communique.merge.dates` — partial dates and when two are compatible.
* :mod:`~communique.merge.compare` — can two reports be one event (firm/weak links)?
* :mod:`~communique.merge.cluster` — conservative, order-independent grouping.
* :mod:`~communique.merge.combine` — the merged record: sources, inferred date and
  place, participants, organisations, disagreements.
* :mod:`~communique.merge.index` — :class:`EventIndex`, incremental and blocked.
* :mod:`~communique.merge.inference` — year-less dates placed by a document's other reports.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.merge.dedup import (
    DedupOptions,
    DocumentIndex,
    DuplicateLink,
    find_duplicate_documents,
)
from communique.merge.index import EventIndex
from communique.records import Document, Event

__all__ = [
    "DedupOptions",
    "DocumentIndex",
    "DuplicateLink",
    "EventIndex",
    "find_duplicate_documents",
    "merge",
]


def merge(events: Sequence[Event], docs: Sequence[Document]) -> tuple[Event, ...]:
    """Merge per-document ``events`` (after resolve) into one record per real event,
    every report in ``sources``; ``docs`` give publication days that bound year-less
    reports. Equal to :meth:`EventIndex.records` after adding the same events in any
    order and batches."""
    index = EventIndex()
    index.add(events, docs)
    return index.records()
