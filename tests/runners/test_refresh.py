"""refresh_store writes back only what changed, and ends where a fresh refresh ends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from communique.pipeline import refresh_store
from communique.runners import run_ingest
from communique.settings import Settings
from communique.store import Store


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(tuple(r) for r in conn.execute(sql))
    finally:
        conn.close()


def test_a_second_refresh_rewrites_no_document_events(composed_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with Store.open(db) as store:
        run_ingest([composed_dir], store, Settings(), "local")
        first = refresh_store(store)
    doc_rows = "SELECT rowid, event_id, doc_id FROM events WHERE kind = 'document'"
    before = _rows(db, doc_rows)
    merged = _rows(db, "SELECT event_id, date FROM events WHERE kind = 'merged'")
    entities = _rows(db, "SELECT entity_id, name FROM entities")
    assert len(before) >= 3 and first[1] >= 1
    with Store.open(db) as store:
        assert refresh_store(store) == first
    assert _rows(db, doc_rows) == before  # same rows, not deleted and inserted again
    assert _rows(db, "SELECT event_id, date FROM events WHERE kind = 'merged'") == merged
    assert _rows(db, "SELECT entity_id, name FROM entities") == entities
