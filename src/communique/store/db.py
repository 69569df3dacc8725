"""The SQLite store: documents, rejections, events and entities in one file.

Why SQLite in WAL mode: one file a user can copy, readers (the web app, ``docs``)
keep working while ``ingest`` writes, and every write is a transaction, so a killed
process never leaves half a document. A second writer waits ``busy_timeout`` and
then fails with a :class:`StoreError` instead of corrupting anything.

All SQL is parameterised. The connection runs in autocommit mode and every write
opens its own ``BEGIN IMMEDIATE`` transaction (:meth:`Store._write`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from communique.errors import StoreError
from communique.records import Document, Entity, Event, Rejection
from communique.store import codec
from communique.store.schema import LATEST_VERSION, applied_versions, migrate, utc_now

UpsertStatus = Literal["new", "updated", "unchanged"]
EventKind = Literal["document", "merged"]

#: How long a writer waits for another writer's lock before failing (seconds).
#: Long enough to ride out one large transaction, short enough to report a stuck lock.
DEFAULT_BUSY_SECONDS = 10.0

#: SQLite virtual-machine steps between two checks of a query's time limit.
PROGRESS_STEPS = 10_000

#: Tables whose row counts :meth:`Store.counts` reports.
COUNTED_TABLES = ("documents", "stories", "rejections", "entities")

_STORY_INSERT = (
    'INSERT INTO stories (doc_id, idx, headline, "start", "end", headline_start, headline_end) '
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_EVENT_INSERT = (
    "INSERT INTO events (event_id, kind, doc_id, pos, type, status, date, location_name, "
    "location_country, agreement, topics, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_PARTICIPANT_INSERT = (
    "INSERT INTO event_participants (event_id, kind, pos, name, mention, role, country, entity_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_ORGANIZATION_INSERT = (
    "INSERT INTO event_organizations (event_id, kind, pos, name, mention, country, entity_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_SOURCE_INSERT = (
    'INSERT INTO event_sources (event_id, kind, pos, doc_id, quote, "start", "end") '
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_ENTITY_UPSERT = (
    "INSERT INTO entities (entity_id, type, name, country, aliases, offices, merge_reasons) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id) DO UPDATE SET type = excluded.type, "
    "name = excluded.name, country = excluded.country, aliases = excluded.aliases, "
    "offices = excluded.offices, merge_reasons = excluded.merge_reasons"
)


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


#: Pause between two attempts to switch a new database to WAL (seconds).
WAL_RETRY_SECONDS = 0.05


def _set_wal(conn: sqlite3.Connection, busy_seconds: float) -> None:
    """Switch to WAL, waiting for other processes like any write would.

    Why: when two processes open a brand-new file at once, the journal-mode change
    of one meets the other's lock and SQLite reports "locked" at once, without the
    busy wait; without this retry, one of two simultaneous ingests failed at start.
    """
    deadline = time.monotonic() + busy_seconds
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _connect(path: Path, readonly: bool, busy_seconds: float) -> sqlite3.Connection:
    """Open the connection; read-only uses a ``mode=ro`` URI so nothing can write."""
    if readonly:
        if not path.is_file():
            raise StoreError(
                f"no database at {path}", hint="run `communique ingest PATH --db FILE` first"
            )
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            isolation_level=None,
            timeout=busy_seconds,
        )
    else:
        if not path.parent.is_dir():
            raise StoreError(
                f"folder {path.parent} does not exist", hint="create it or choose another --db"
            )
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_seconds)
    conn.row_factory = sqlite3.Row  # busy_timeout is set by ``timeout=`` above
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        _set_wal(conn, busy_seconds)
        # WAL + NORMAL: a commit survives a killed process (not a power cut), fast.
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


class Store:
    """A communique database. Open with :meth:`open`; use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self._exclusive = False  # inside exclusive(): writes join its transaction

    @classmethod
    def open(
        cls, path: str | Path, *, readonly: bool = False, busy_seconds: float = DEFAULT_BUSY_SECONDS
    ) -> Store:
        """Open (and, for writing, create and migrate) the database at ``path``.

        Read-only opening never creates or migrates: it fails with a clear
        :class:`StoreError` when the file is missing or older than this code.
        """
        path = Path(path)
        conn = None
        try:
            conn = _connect(path, readonly, busy_seconds)
            versions = applied_versions(conn)
            if LATEST_VERSION not in versions:
                if readonly:
                    raise StoreError(
                        f"database {path} is at schema {max(versions, default=0)}, "
                        f"this communique needs {LATEST_VERSION}",
                        hint="open it once for writing (e.g. `communique ingest`) to migrate",
                    )
                migrate(conn)
        except (sqlite3.Error, StoreError) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        return cls(conn, path, readonly)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it."""
        if self.readonly:
            raise StoreError(f"database {self.path} was opened read-only")
        if self._exclusive:
            yield self._conn  # part of the exclusive() transaction
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                raise StoreError(f"database {self.path} is locked by another writer") from exc
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise StoreError(f"write to {self.path} failed: {exc}") from exc
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the write lock across reads and writes: one transaction for all of it.

        Why: a read-compute-write step over the whole database (resolve and merge)
        must not write results computed from a state another writer has changed
        since; inside, other processes' writes wait (then fail with "locked"), and
        a killed process leaves the state from before the step.
        """
        with self._write():
            self._exclusive = True
            try:
                yield
            finally:
                self._exclusive = False

    def query(
        self, sql: str, params: Sequence[Any] = (), *, seconds: float | None = None
    ) -> list[sqlite3.Row]:
        """Run a parameterised read query (for query modules built on the store).

        ``seconds`` caps its run time (a served database must not hang on one
        expensive query): past it SQLite interrupts the query and a
        :class:`StoreError` says so.
        """
        if seconds is not None:
            deadline = time.monotonic() + seconds
            self._conn.set_progress_handler(
                lambda: int(time.monotonic() > deadline), PROGRESS_STEPS
            )
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if seconds is not None and time.monotonic() > deadline:
                raise StoreError(f"query on {self.path} took longer than {seconds} s") from exc
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        except sqlite3.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        finally:
            if seconds is not None:
                self._conn.set_progress_handler(None, 0)

    # -- documents ---------------------------------------------------------

    def upsert_document(self, doc: Document) -> UpsertStatus:
        """Store ``doc`` with its stories in one transaction; idempotent by content hash.

        The same content again changes nothing ("unchanged"). New content under a
        known ``doc_id`` replaces the old version and drops that document's stale
        per-document events ("updated"). A stored document clears earlier
        rejections of the same ``doc_id`` (the input is usable now).
        """
        with self._write() as conn:
            old = conn.execute(
                "SELECT content_hash FROM documents WHERE doc_id = ?", (doc.doc_id,)
            ).fetchone()
            if old is not None and old["content_hash"] == doc.content_hash:
                return "unchanged"
            row = codec.document_row(doc, utc_now())
            if old is None:
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                conn.execute(
                    f"INSERT INTO documents ({columns}) VALUES ({marks})", tuple(row.values())
                )
            else:
                conn.execute("DELETE FROM events WHERE doc_id = ?", (doc.doc_id,))
                conn.execute("DELETE FROM stories WHERE doc_id = ?", (doc.doc_id,))
                sets = ", ".join(f"{c} = ?" for c in row if c != "doc_id")
                values = [v for c, v in row.items() if c != "doc_id"]
                conn.execute(f"UPDATE documents SET {sets} WHERE doc_id = ?", (*values, doc.doc_id))
            conn.executemany(_STORY_INSERT, [codec.story_row(doc.doc_id, s) for s in doc.stories])
            conn.execute("DELETE FROM rejections WHERE doc_id = ?", (doc.doc_id,))
            return "new" if old is None else "updated"

    def add_rejection(self, rej: Rejection) -> bool:
        """Record a rejection; the same failure twice is stored once. True if new."""
        with self._write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO rejections (stage, code, doc_id, origin, detail, at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (rej.stage, rej.code, rej.doc_id, rej.origin, rej.detail, utc_now()),
            )
            return cur.rowcount > 0

    def iter_rejections(self) -> Iterator[Rejection]:
        """Every stored rejection, oldest first."""
        rows = self.query("SELECT stage, code, doc_id, origin, detail FROM rejections ORDER BY id")
        for r in rows:
            yield Rejection(r["stage"], r["code"], r["doc_id"], r["origin"], r["detail"])

    def get_document(self, doc_id: str) -> Document | None:
        """The stored document, or None when there is no such id."""
        row = self._conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        stories = self._conn.execute(
            "SELECT * FROM stories WHERE doc_id = ? ORDER BY idx", (doc_id,)
        ).fetchall()
        return codec.document_from_rows(row, stories)

    def iter_documents(self) -> Iterator[Document]:
        """Every stored document in ``doc_id`` order (one at a time, not all in memory)."""
        ids = [r[0] for r in self._conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]
        for doc_id in ids:
            doc = self.get_document(doc_id)
            if doc is not None:
                yield doc

    def iter_publication_days(self) -> Iterator[tuple[str, str | None]]:
        """(doc_id, published) of every stored document in ``doc_id`` order: what
        merging reads of a document, without loading any text."""
        for row in self._conn.execute("SELECT doc_id, published FROM documents ORDER BY doc_id"):
            yield row[0], row[1]

    def document_rows(self) -> list[dict[str, Any]]:
        """One plain dict per document for listings (no texts; story headlines)."""
        rows = self._conn.execute(
            "SELECT doc_id, origin, fmt, title, byline, outlet, published, language, url, "
            "chars_removed, length(original) AS chars, ingested_at FROM documents ORDER BY doc_id"
        ).fetchall()
        headlines: dict[str, list[str | None]] = {}
        for s in self._conn.execute("SELECT doc_id, headline FROM stories ORDER BY doc_id, idx"):
            headlines.setdefault(s["doc_id"], []).append(s["headline"])
        return [{**dict(r), "stories": headlines.get(r["doc_id"], [])} for r in rows]

    def search_documents(self, query: str, limit: int = 20) -> list[str]:
        """Doc ids whose title or clean text match an FTS5 query, best first."""
        rows = self.query(
            "SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [r["doc_id"] for r in rows]

    # -- events and entities ----------------------------------------------

    def _insert_events(
        self, conn: sqlite3.Connection, events: Sequence[Event], kind: EventKind, doc_id: str | None
    ) -> None:
        for pos, event in enumerate(events):
            conn.execute(_EVENT_INSERT, codec.event_row(event, kind, doc_id, pos))
            conn.executemany(_PARTICIPANT_INSERT, codec.participant_rows(event, kind))
            conn.executemany(_ORGANIZATION_INSERT, codec.organization_rows(event, kind))
            conn.executemany(_SOURCE_INSERT, codec.source_rows(event, kind))

    def replace_document_events(self, doc_id: str, events: Sequence[Event]) -> None:
        """Set the per-document events of ``doc_id`` (replacing earlier ones) atomically."""
        with self._write() as conn:
            if (
                conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
                is None
            ):
                raise StoreError(
                    f"cannot store events of unknown document {doc_id!r}",
                    hint="upsert the document first",
                )
            conn.execute("DELETE FROM events WHERE kind = 'document' AND doc_id = ?", (doc_id,))
            self._insert_events(conn, events, "document", doc_id)
            conn.execute(
                "INSERT INTO extracted (doc_id, content_hash) SELECT doc_id, content_hash "
                "FROM documents WHERE doc_id = ? ON CONFLICT (doc_id) DO UPDATE SET "
                "content_hash = excluded.content_hash",
                (doc_id,),
            )

    def needs_extraction(self, doc: Document) -> bool:
        """True unless the events of this very content of ``doc`` are stored.

        Why: storing a document and storing its events are two transactions; a run
        killed between them leaves a document that the next run sees "unchanged",
        and without this check its events would be lost for good.
        """
        row = self._conn.execute(
            "SELECT content_hash FROM extracted WHERE doc_id = ?", (doc.doc_id,)
        ).fetchone()
        return row is None or row[0] != doc.content_hash

    def replace_merged_events(self, events: Sequence[Event]) -> None:
        """Replace the whole set of merged events atomically (merging is global)."""
        with self._write() as conn:
            conn.execute("DELETE FROM events WHERE kind = 'merged'")
            self._insert_events(conn, events, "merged", None)

    def upsert_entities(self, entities: Sequence[Entity]) -> None:
        """Insert or update entities by ``entity_id`` in one transaction."""
        with self._write() as conn:
            conn.executemany(_ENTITY_UPSERT, [codec.entity_row(e) for e in entities])

    def replace_entities(self, entities: Sequence[Entity]) -> None:
        """Make the stored entities exactly ``entities``, in one transaction.

        Why: resolution runs over every stored event, so its output is the whole set;
        an entity absorbed into another (two spellings found to be one person) must
        leave the table, or ``who`` and ``entities`` would still show it.
        """
        keep = {e.entity_id for e in entities}
        with self._write() as conn:
            stale = [
                (r[0],) for r in conn.execute("SELECT entity_id FROM entities") if r[0] not in keep
            ]
            conn.executemany("DELETE FROM entities WHERE entity_id = ?", stale)
            conn.executemany(_ENTITY_UPSERT, [codec.entity_row(e) for e in entities])

    def iter_entities(self) -> Iterator[Entity]:
        """Every stored entity in ``entity_id`` order."""
        for row in self.query("SELECT * FROM entities ORDER BY entity_id"):
            yield codec.entity_from_row(row)

    def get_event(self, event_id: str, kind: EventKind = "merged") -> Event | None:
        """One event rebuilt from its rows, or None."""
        row = self._conn.execute(
            "SELECT * FROM events WHERE event_id = ? AND kind = ?", (event_id, kind)
        ).fetchone()
        return None if row is None else self._event_from_row(row)

    def _event_from_row(self, row: sqlite3.Row) -> Event:
        key = (row["event_id"], row["kind"])
        children = [
            self._conn.execute(
                f"SELECT * FROM {table} WHERE event_id = ? AND kind = ? ORDER BY pos", key
            ).fetchall()
            for table in ("event_participants", "event_organizations", "event_sources")
        ]
        return codec.event_from_rows(row, *children)

    def iter_events(self, kind: EventKind = "document") -> Iterator[Event]:
        """Events of one kind rebuilt as records (documents' order, then position)."""
        if kind not in ("document", "merged"):
            raise StoreError(f"unknown event kind {kind!r}", hint="use 'document' or 'merged'")
        rows = self._conn.execute(
            "SELECT * FROM events WHERE kind = ? ORDER BY doc_id, pos", (kind,)
        ).fetchall()
        for row in rows:
            yield self._event_from_row(row)

    def counts(self) -> dict[str, int]:
        """Row counts: documents, stories, rejections, entities, document/merged events."""
        out = {
            t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES
        }
        for kind in ("document", "merged"):
            out[f"{kind}_events"] = self._conn.execute(
                "SELECT count(*) FROM events WHERE kind = ?", (kind,)
            ).fetchone()[0]
        return out

    def schema_versions(self) -> list[int]:
        """Applied migration versions (from ``schema_migrations``)."""
        return applied_versions(self._conn)
