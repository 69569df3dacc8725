"""The database schema as numbered migrations, recorded inside the database.

Each migration is a tuple of SQL statements applied in one write transaction
together with its row in ``schema_migrations``, so a database is always at a
whole version: a crash mid-migration rolls back, and re-opening never re-runs an
applied migration. Append new migrations; never edit an applied one.

Tables (offsets are character offsets):

* ``documents`` — one row per input article; ``original`` is the text that
  contract offsets index into, ``clean`` the text stories and mentions index into,
  ``offsets`` the clean->original map (JSON segments), ``provenance`` where each
  metadata value was found (JSON).
* ``stories`` — headline-delimited parts of a document (offsets into ``clean``).
* ``rejections`` — inputs that could not be used (one row per distinct failure).
* ``events`` — per-document events (``kind='document'``, ``doc_id`` set) and events
  merged across reports (``kind='merged'``, ``doc_id`` NULL). The key is
  ``(event_id, kind)`` because a merged event made of a single report may keep
  that report's id.
* ``event_participants`` / ``event_organizations`` / ``event_sources`` — ordered
  children of an event (``pos``), keyed by ``(event_id, kind, pos)``.
* ``entities`` — resolved people, organisations and places.
* ``extracted`` — the content hash of each document whose per-document events are
  stored (written with them): a run killed between storing a document and its
  events leaves no marker, so the next run extracts it although it is "unchanged".
* ``documents_fts`` — FTS5 over titles and clean text, kept in sync by triggers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: its number, a short name and its statements."""

    version: int
    name: str
    statements: tuple[str, ...]


_DOCUMENTS = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    origin TEXT NOT NULL,
    fmt TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT,
    byline TEXT,
    outlet TEXT,
    published TEXT,
    published_precision TEXT,
    language TEXT,
    url TEXT,
    original TEXT NOT NULL,
    clean TEXT NOT NULL,
    offsets TEXT NOT NULL,
    provenance TEXT NOT NULL,
    chars_removed INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
)"""

_STORIES = """
CREATE TABLE stories (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    headline TEXT,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    headline_start INTEGER,
    headline_end INTEGER,
    PRIMARY KEY (doc_id, idx)
)"""

_REJECTIONS = """
CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    doc_id TEXT,
    origin TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
)"""

_EVENTS = """
CREATE TABLE events (
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('document', 'merged')),
    doc_id TEXT REFERENCES documents(doc_id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    location_name TEXT,
    location_country TEXT,
    agreement TEXT,
    topics TEXT NOT NULL DEFAULT '[]',
    extra TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (event_id, kind),
    CHECK ((kind = 'document') = (doc_id IS NOT NULL))
)"""

_PARTICIPANTS = """
CREATE TABLE event_participants (
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT,
    mention TEXT,
    role TEXT,
    country TEXT,
    entity_id TEXT,
    PRIMARY KEY (event_id, kind, pos),
    FOREIGN KEY (event_id, kind) REFERENCES events(event_id, kind) ON DELETE CASCADE
)"""

_ORGANIZATIONS = """
CREATE TABLE event_organizations (
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    mention TEXT,
    country TEXT,
    entity_id TEXT,
    PRIMARY KEY (event_id, kind, pos),
    FOREIGN KEY (event_id, kind) REFERENCES events(event_id, kind) ON DELETE CASCADE
)"""

_SOURCES = """
CREATE TABLE event_sources (
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    pos INTEGER NOT NULL,
    doc_id TEXT NOT NULL,
    quote TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (event_id, kind, pos),
    FOREIGN KEY (event_id, kind) REFERENCES events(event_id, kind) ON DELETE CASCADE
)"""

_ENTITIES = """
CREATE TABLE entities (
    entity_id TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place')),
    name TEXT NOT NULL,
    country TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    offices TEXT NOT NULL DEFAULT '[]',
    merge_reasons TEXT NOT NULL DEFAULT '[]'
)"""

_FTS = (
    (
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "doc_id UNINDEXED, title, clean, tokenize = 'unicode61 remove_diacritics 2')"
    ),
    (
        "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts (doc_id, title, clean) "
        "VALUES (new.doc_id, coalesce(new.title, ''), new.clean); END"
    ),
    (
        "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
        "DELETE FROM documents_fts WHERE doc_id = old.doc_id; END"
    ),
    (
        "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, clean ON documents BEGIN "
        "DELETE FROM documents_fts WHERE doc_id = old.doc_id; "
        "INSERT INTO documents_fts (doc_id, title, clean) "
        "VALUES (new.doc_id, coalesce(new.title, ''), new.clean); END"
    ),
)

_EXTRACTED = """
CREATE TABLE extracted (
    doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL
)"""
_INDEXES = (
    "CREATE INDEX documents_published ON documents(published)",
    (
        "CREATE UNIQUE INDEX rejections_distinct "
        "ON rejections(stage, code, origin, coalesce(doc_id, ''), detail)"
    ),
    "CREATE INDEX rejections_doc ON rejections(doc_id)",
    "CREATE INDEX events_doc ON events(doc_id, pos)",
    "CREATE INDEX events_kind_date ON events(kind, date)",
    "CREATE INDEX event_participants_entity ON event_participants(entity_id)",
    "CREATE INDEX event_participants_name ON event_participants(name)",
    "CREATE INDEX event_organizations_entity ON event_organizations(entity_id)",
    "CREATE INDEX event_sources_doc ON event_sources(doc_id)",
    "CREATE INDEX entities_name ON entities(name)",
)

#: Every migration, in order. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial",
        (
            _DOCUMENTS,
            _STORIES,
            _REJECTIONS,
            _EVENTS,
            _PARTICIPANTS,
            _ORGANIZATIONS,
            _SOURCES,
            _ENTITIES,
            *_FTS,
            *_INDEXES,
        ),
    ),
    Migration(
        2,
        "extraction marker",
        (
            _EXTRACTED,
            # Documents stored before the marker existed count as extracted (as before).
            (
                "INSERT INTO extracted (doc_id, content_hash) "
                "SELECT doc_id, content_hash FROM documents"
            ),
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version

_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


def applied_versions(conn: sqlite3.Connection) -> list[int]:
    """Versions recorded in ``schema_migrations`` (empty for a new database)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [
        row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")
    ]


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the migrations the database lacks; return the versions applied now.

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction and the applied
    set is re-read inside it, so two processes opening a new database at once do not
    both apply a step. ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    done: list[int] = []
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_MIGRATIONS_TABLE)
            if migration.version in applied_versions(conn):
                conn.execute("COMMIT")
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, utc_now()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(migration.version)
    return done


def utc_now() -> str:
    """The current UTC time as ISO 8601 with seconds (for ``*_at`` columns)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
