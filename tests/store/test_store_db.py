"""The Store on real SQLite files: round trips, idempotence, replacement, locking."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.records import Document, Entity, Event, Rejection, content_hash
from communique.store import Store

TEXT = "Ministers meet in Hanoi\nThe trade ministers of Viet Nam and France met on Thursday."


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (FTS shadow tables included), sorted."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            t: sorted(map(tuple, conn.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables
        }
    finally:
        conn.close()


def test_document_round_trip(db_path: Path, make_doc: Callable[..., Document]) -> None:
    doc = make_doc("a1", TEXT, published="2024-05-03")
    with Store.open(db_path) as store:
        assert store.upsert_document(doc) == "new"
        assert store.get_document("a1") == doc
        assert store.get_document("nope") is None
        assert list(store.iter_documents()) == [doc]


def test_upsert_is_idempotent_and_changed_input_replaces(
    db_path: Path, make_doc: Callable[..., Document], make_event: Callable[..., Event]
) -> None:
    doc = make_doc("a1", TEXT)
    with Store.open(db_path) as store:
        store.upsert_document(doc)
        store.replace_document_events("a1", [make_event(doc)])
    before = dump(db_path)
    with Store.open(db_path) as store:
        assert store.upsert_document(doc) == "unchanged"
    assert dump(db_path) == before

    changed = make_doc("a1", TEXT + " They signed a memorandum.")
    with Store.open(db_path) as store:
        assert store.upsert_document(changed) == "updated"
        assert store.get_document("a1") == changed
        counts = store.counts()
    assert counts["documents"] == 1 and counts["stories"] == 1
    assert counts["document_events"] == 0  # stale events of the old version dropped


def test_fts_follows_upserts(db_path: Path, make_doc: Callable[..., Document]) -> None:
    with Store.open(db_path) as store:
        store.upsert_document(make_doc("a1", TEXT))
        store.upsert_document(
            make_doc("b2", "Prime minister visits Canberra\nA visit to Australia.")
        )
        assert store.search_documents("canberra") == ["b2"]
        assert store.search_documents("trade") == ["a1"]
        store.upsert_document(make_doc("a1", "Fisheries talks\nOfficials discussed fisheries."))
        assert store.search_documents("trade") == []
        assert store.search_documents("fisheries") == ["a1"]


def test_events_round_trip_per_document_and_merged(
    db_path: Path, make_doc: Callable[..., Document], make_event: Callable[..., Event]
) -> None:
    doc = make_doc("a1", TEXT)
    first, second = make_event(doc, 0), make_event(doc, 1)
    bare = replace(
        second,
        location=None,
        organizations=(),
        topics=(),
        related=(),
        disagreements=(),
        story_index=None,
        agreement=None,
        date=None,
    )
    with Store.open(db_path) as store:
        store.upsert_document(doc)
        store.replace_document_events("a1", [first, bare])
        assert list(store.iter_events("document")) == [first, bare]
        store.replace_document_events("a1", [first])
        assert list(store.iter_events("document")) == [first]
        # a merged event may keep the id of its only report
        store.replace_merged_events([first])
        assert list(store.iter_events("merged")) == [first]
        assert store.get_event(first.event_id, "merged") == first
        store.replace_merged_events([])
        assert store.counts()["merged_events"] == 0
        assert store.counts()["document_events"] == 1


def test_events_of_unknown_document_are_refused(
    db_path: Path, make_doc: Callable[..., Document], make_event: Callable[..., Event]
) -> None:
    with Store.open(db_path) as store:
        with pytest.raises(StoreError, match="unknown document"):
            store.replace_document_events("ghost", [make_event(make_doc("ghost", TEXT))])
        assert store.counts()["document_events"] == 0


def test_duplicate_event_ids_roll_back_the_whole_write(
    db_path: Path, make_doc: Callable[..., Document], make_event: Callable[..., Event]
) -> None:
    doc = make_doc("a1", TEXT)
    event = make_event(doc)
    with Store.open(db_path) as store:
        store.upsert_document(doc)
        store.replace_document_events("a1", [event])
        with pytest.raises(StoreError):
            store.replace_document_events("a1", [event, event])
        assert list(store.iter_events("document")) == [event]  # the old set survives


def test_entities_upsert(db_path: Path) -> None:
    person = Entity(
        "per_1",
        "person",
        "Minh Quang Tran",
        "VNM",
        ("Tran Minh Quang",),
        (("Minister of Trade", "2023-01-05", None),),
        ("same office",),
    )
    with Store.open(db_path) as store:
        store.upsert_entities([person])
        renamed = replace(person, aliases=("Tran Minh Quang", "Mr Tran"))
        store.upsert_entities([renamed])
        assert list(store.iter_entities()) == [renamed]


def test_rejections_are_stored_once_and_cleared_by_a_good_version(
    db_path: Path, make_doc: Callable[..., Document]
) -> None:
    rej = Rejection("read", "empty", "a1", "/in/a1.txt", "the file is empty")
    with Store.open(db_path) as store:
        assert store.add_rejection(rej) is True
        assert store.add_rejection(rej) is False
        assert list(store.iter_rejections()) == [rej]
        anonymous = Rejection("read", "not-found", None, "/in/missing", "no such file")
        store.add_rejection(anonymous)
        store.add_rejection(anonymous)
        assert store.counts()["rejections"] == 2
        store.upsert_document(make_doc("a1", TEXT))
        assert list(store.iter_rejections()) == [anonymous]


def test_document_rows_for_listings(db_path: Path, make_doc: Callable[..., Document]) -> None:
    with Store.open(db_path) as store:
        store.upsert_document(make_doc("b2", TEXT, published="2024-05-03"))
        store.upsert_document(make_doc("a1", TEXT))
        rows = store.document_rows()
    assert [r["doc_id"] for r in rows] == ["a1", "b2"]
    assert rows[1]["published"] == "2024-05-03"
    assert rows[1]["stories"] == ["Ministers meet in Hanoi"]
    assert rows[1]["chars"] == len("MENU\n" + TEXT) and rows[1]["chars_removed"] == 5


def test_readonly_store_reads_but_cannot_write(
    db_path: Path, make_doc: Callable[..., Document]
) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store.open(db_path, readonly=True)
    assert not db_path.exists()
    with Store.open(db_path) as store:
        store.upsert_document(make_doc("a1", TEXT))
    with Store.open(db_path, readonly=True) as ro:
        assert ro.get_document("a1") is not None
        with pytest.raises(StoreError, match="read-only"):
            ro.upsert_document(make_doc("b2", TEXT))


def test_readers_work_while_a_writer_holds_the_lock(
    db_path: Path, make_doc: Callable[..., Document]
) -> None:
    with Store.open(db_path) as store:
        store.upsert_document(make_doc("a1", TEXT))
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM documents")  # uncommitted
    try:
        with Store.open(db_path, readonly=True) as ro:
            assert [r["doc_id"] for r in ro.document_rows()] == ["a1"]
        with (
            Store.open(db_path, busy_seconds=0.2) as second,
            pytest.raises(StoreError, match="locked by another writer"),
        ):
            second.upsert_document(make_doc("b2", TEXT))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db_path) as store:
        assert store.upsert_document(make_doc("b2", TEXT)) == "new"


def test_second_writer_waits_for_the_lock(db_path: Path, make_doc: Callable[..., Document]) -> None:
    with Store.open(db_path) as store:
        store.upsert_document(make_doc("a1", TEXT))
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        with Store.open(db_path, busy_seconds=10) as second:
            started = time.monotonic()
            assert second.upsert_document(make_doc("b2", TEXT)) == "new"
            assert time.monotonic() - started >= 0.2  # it waited instead of failing
    finally:
        release.join()
        holder.close()


def test_query_time_limit(db_path: Path) -> None:
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT count(*) FROM n WHERE i < ?"
    )
    with Store.open(db_path, readonly=False) as store:
        started = time.monotonic()
        with pytest.raises(StoreError, match="took longer than 0.2 s"):
            store.query(endless, (10**12,), seconds=0.2)
        assert time.monotonic() - started < 5
        assert store.query("SELECT 1 + ?", (1,), seconds=1.0)[0][0] == 2
        assert store.query("SELECT count(*) FROM documents")[0][0] == 0


def test_pragmas(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.query("PRAGMA journal_mode")[0][0] == "wal"
        assert store.query("PRAGMA foreign_keys")[0][0] == 1
        assert store.query("PRAGMA busy_timeout")[0][0] > 0


def test_content_hash_decides_not_metadata(
    db_path: Path, make_doc: Callable[..., Document]
) -> None:
    doc = make_doc("a1", TEXT)
    with Store.open(db_path) as store:
        store.upsert_document(doc)
        assert store.upsert_document(replace(doc, content_hash=content_hash("other"))) == "updated"
