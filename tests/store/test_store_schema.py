"""Migrations are recorded in the database and never re-run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.store import Store
from communique.store.schema import LATEST_VERSION, MIGRATIONS, Migration, migrate


def test_migrations_recorded_once(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_versions() == [m.version for m in MIGRATIONS]
        first = store.query("SELECT version, name, applied_at FROM schema_migrations")
    with Store.open(db_path) as store:
        again = store.query("SELECT version, name, applied_at FROM schema_migrations")
    assert [tuple(r) for r in again] == [tuple(r) for r in first]
    assert len(first) == LATEST_VERSION


def test_migrate_applies_only_missing_steps(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    steps = (
        Migration(1, "one", ("CREATE TABLE a (x INTEGER)",)),
        Migration(2, "two", ("CREATE TABLE b (y INTEGER)",)),
    )
    assert migrate(conn, steps[:1]) == [1]
    assert migrate(conn, steps) == [2]
    assert migrate(conn, steps) == []
    conn.close()


def test_failed_migration_leaves_no_trace(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    bad = (Migration(1, "bad", ("CREATE TABLE a (x INTEGER)", "CREATE TABLE a (x INTEGER)")),)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, bad)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "a" not in tables
    conn.close()


def test_readonly_refuses_an_unmigrated_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    with pytest.raises(StoreError, match="schema 0"):
        Store.open(path, readonly=True)
