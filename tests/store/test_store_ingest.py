"""ingest_items: counting, rejections and the per-document hook, on a real database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from communique.records import Document, Rejection
from communique.store import IngestSummary, Store, ingest_items
from communique.store.db import UpsertStatus


def test_counts_and_hook(db_path: Path, make_doc: Callable[..., Document]) -> None:
    a = make_doc("a1", "Talks in Lima\nPeru and Laos held talks.")
    b = make_doc("b2", "Visit to Oslo\nThe minister visited Norway.")
    bad = Rejection("read", "empty", "c3", "/in/c3.txt", "the file is empty")
    seen: list[tuple[str, UpsertStatus]] = []

    def hook(doc: Document, status: UpsertStatus) -> Rejection | None:
        seen.append((doc.doc_id, status))
        if doc.doc_id == "b2":
            return Rejection("extract", "timeout", doc.doc_id, doc.origin, "took too long")
        return None

    with Store.open(db_path) as store:
        first = ingest_items([a, bad, b], store, hook)
        again = ingest_items([a, b], store)
        codes = sorted(r.code for r in store.iter_rejections())
    assert first == IngestSummary(
        read=3,
        new=2,
        updated=0,
        unchanged=0,
        failed=2,
        rejections=(bad, Rejection("extract", "timeout", "b2", "/in/b2.txt", "took too long")),
    )
    assert seen == [("a1", "new"), ("b2", "new")]
    assert again.line() == "read 2, new 0, updated 0, unchanged 2, failed 0"
    # an unchanged document keeps the rejection of its later stage
    assert codes == ["empty", "timeout"]


def test_updated_document_drops_its_old_rejections(
    db_path: Path, make_doc: Callable[..., Document]
) -> None:
    statuses: list[UpsertStatus] = []

    def fail_once(doc: Document, status: UpsertStatus) -> Rejection | None:
        statuses.append(status)
        return (
            Rejection("extract", "timeout", doc.doc_id, doc.origin, "slow")
            if status == "new"
            else None
        )

    with Store.open(db_path) as store:
        ingest_items([make_doc("a1", "One\nFirst version.")], store, fail_once)
        assert store.counts()["rejections"] == 1
        ingest_items([make_doc("a1", "One\nSecond version.")], store, fail_once)
        assert store.counts()["rejections"] == 0
    assert statuses == ["new", "updated"]
