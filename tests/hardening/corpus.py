"""A generated corpus (composed here, no article text copied) and database snapshots.

The reports vary countries, cities, offices, verbs, dates and formats (.txt files
and one .jsonl file with several articles), so that ingest extracts, resolves and
merges real events while it is being killed or raced.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

#: Small generic lists written for these tests (countries, capitals, offices, verbs).
COUNTRIES = ("Chile", "Kenya", "Norway", "Viet Nam", "Egypt", "Poland", "Canada", "Ghana")
CITIES = ("Santiago", "Nairobi", "Oslo", "Hanoi", "Cairo", "Warsaw", "Ottawa", "Accra")
OFFICES = ("Foreign Minister", "Minister of Trade", "Defence Minister", "Prime Minister")
SURNAMES = ("Alvarez", "Otieno", "Berg", "Tran", "Hassan", "Nowak", "Tremblay", "Mensah")
GIVEN = ("Ana", "John", "Ingrid", "Van", "Omar", "Marta", "Luc", "Kofi")
TOPICS = ("fisheries", "grain trade", "port investment", "vaccine research", "border security")
MONTHS = ("March", "April", "May", "June")


def report(i: int) -> str:
    """One short report: a headline, a dated lead with a meeting, a signing or visit."""
    a, b = i % 8, (i * 3 + 1) % 8
    if a == b:
        b = (b + 1) % 8
    office = OFFICES[i % len(OFFICES)]
    day, month = 1 + i % 27, MONTHS[i % 4]
    lead = {
        0: f"held talks with the {office} of {COUNTRIES[b]}, {GIVEN[b]} {SURNAMES[b]},",
        1: f"met {COUNTRIES[b]}'s {office} {GIVEN[b]} {SURNAMES[b]}",
        2: f"received {office} {GIVEN[b]} {SURNAMES[b]} of {COUNTRIES[b]}",
    }[i % 3]
    tail = (
        f"The two ministers signed a memorandum of understanding on {TOPICS[i % 5]}."
        if i % 4 == 0
        else f"{GIVEN[b]} {SURNAMES[b]} will visit {CITIES[a]} again in {MONTHS[(i + 1) % 4]}."
    )
    return (
        f"{COUNTRIES[a]} and {COUNTRIES[b]} discuss {TOPICS[i % 5]} (report {i})\n\n"
        f"{CITIES[a].upper()}, {month} {day}, 2024 - {COUNTRIES[a]}'s {office} "
        f"{GIVEN[a]} {SURNAMES[a]} {lead} in {CITIES[a]} on {month} {day}, 2024.\n\n"
        f"{tail} The sides agreed to continue cooperation on {TOPICS[(i + 2) % 5]}.\n"
    )


def write_corpus(folder: Path, n_txt: int, n_jsonl: int = 0) -> int:
    """``n_txt`` .txt reports and one .jsonl file of ``n_jsonl`` more; returns the total."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_txt):
        (folder / f"r{i:04d}.txt").write_text(report(i), encoding="utf-8")
    if n_jsonl:
        lines = [
            json.dumps({"id": f"j{i:04d}", "text": report(n_txt + i), "published": "2024-05-02"})
            for i in range(n_jsonl)
        ]
        (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n_txt + n_jsonl


@dataclass(frozen=True)
class Snapshot:
    """What a database holds, comparable across runs (no timestamps, no row ids)."""

    documents: frozenset[tuple[str, str]]  # (doc_id, content_hash)
    stories: int
    document_events: frozenset[str]  # JSON of each per-document event with its children
    merged_events: frozenset[str]
    entities: frozenset[str]
    rejections: frozenset[tuple[str, str, str]]
    duplicates: int  # rows that repeat a natural key (must be 0)


def _events(conn: sqlite3.Connection, kind: str) -> frozenset[str]:
    out = []
    for ev in conn.execute("SELECT * FROM events WHERE kind = ?", (kind,)):
        row = {k: ev[k] for k in ev.keys() if k != "pos"}  # noqa: SIM118 - sqlite3.Row
        for table in ("event_participants", "event_organizations", "event_sources"):
            row[table] = [
                tuple(r)
                for r in conn.execute(
                    f"SELECT * FROM {table} WHERE event_id = ? AND kind = ? ORDER BY pos",
                    (ev["event_id"], kind),
                )
            ]
        out.append(json.dumps(row, sort_keys=True, default=str))
    return frozenset(out)


def snapshot(db: Path) -> Snapshot:
    """Read the database through a read-only connection."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    try:
        docs = [tuple(r) for r in conn.execute("SELECT doc_id, content_hash FROM documents")]
        ents = [json.dumps(dict(r), sort_keys=True) for r in conn.execute("SELECT * FROM entities")]
        rejs = [tuple(r) for r in conn.execute("SELECT stage, code, origin FROM rejections")]
        dup = conn.execute(
            "SELECT count(*) - count(DISTINCT event_id || '/' || kind) FROM events"
        ).fetchone()[0]
        dup += len(rejs) - len(set(rejs))
        return Snapshot(
            documents=frozenset(docs),
            stories=conn.execute("SELECT count(*) FROM stories").fetchone()[0],
            document_events=_events(conn, "document"),
            merged_events=_events(conn, "merged"),
            entities=frozenset(ents),
            rejections=frozenset(rejs),
            duplicates=dup,
        )
    finally:
        conn.close()


def integrity(db: Path) -> list[str]:
    """Problems SQLite finds in the file: integrity and foreign keys (empty = none)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")]
        return problems
    finally:
        conn.close()
