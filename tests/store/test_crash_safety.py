"""SIGKILL in the middle of `communique ingest` loses nothing and corrupts nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

N_DOCS = 1000
COUNTRIES = (
    "Chile",
    "Kenya",
    "Norway",
    "Viet Nam",
    "Egypt",
    "Poland",
    "Canada",
    "Ghana",
    "Peru",
    "Laos",
)
CITIES = (
    "Santiago",
    "Nairobi",
    "Oslo",
    "Hanoi",
    "Cairo",
    "Warsaw",
    "Ottawa",
    "Accra",
    "Lima",
    "Vientiane",
)
OFFICES = (
    "Foreign Minister",
    "Minister of Trade",
    "Defence Minister",
    "Prime Minister",
    "Health Minister",
)
VERBS = ("held talks with", "received", "met", "spoke by telephone with")
TOPICS = ("fisheries", "trade in grain", "port investment", "vaccine research", "border security")
SURNAMES = (
    "Alvarez",
    "Otieno",
    "Berg",
    "Tran",
    "Hassan",
    "Nowak",
    "Tremblay",
    "Mensah",
    "Quispe",
    "Vong",
)

CLI = [sys.executable, "-c", "from communique.cli.main import main; main()"]


def compose(i: int) -> str:
    """A short, varied report (headline, dateline lead, one more paragraph)."""
    a, b = i % 10, (i * 7 + 3) % 10
    if a == b:
        b = (b + 1) % 10
    office = OFFICES[i % len(OFFICES)]
    day = 1 + i % 28
    return (
        f"{COUNTRIES[a]} and {COUNTRIES[b]} discuss {TOPICS[i % 5]} (report {i})\n\n"
        f"{CITIES[a].upper()}, March {day} - {COUNTRIES[a]}'s {office} {SURNAMES[a]} "
        f"{VERBS[i % 4]} the {office} of {COUNTRIES[b]}, {SURNAMES[b]}, in {CITIES[a]} on Monday.\n\n"
        f"The two sides agreed to continue cooperation on {TOPICS[(i + 2) % 5]}; report number {i}.\n"
    )


def count_documents(db: Path) -> int:
    """Committed documents, read through a read-only connection (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(N_DOCS):
        (corpus / f"r{i:04d}.txt").write_text(compose(i), encoding="utf-8")
    db = tmp_path / "crash.db"
    env = {**os.environ, "COMMUNIQUE_DB": str(db)}

    proc = subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--db", str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = count_documents(db)
        if seen >= 20:
            break
        time.sleep(0.02)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()!r}"  # type: ignore[union-attr]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    killed_at = count_documents(db)
    assert 20 <= killed_at < N_DOCS, killed_at

    done = subprocess.run(
        [*CLI, "ingest", str(corpus), "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"unchanged {killed_at}" in done.stderr
    assert f"new {N_DOCS - killed_at}" in done.stderr

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in conn.execute("SELECT doc_id FROM documents")]
        assert len(ids) == N_DOCS and set(ids) == {f"r{i:04d}" for i in range(N_DOCS)}
        # one document per transaction: no document without its stories
        bare = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM stories s WHERE s.doc_id = d.doc_id)"
        ).fetchone()[0]
        assert bare == 0
        fts = conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert fts == N_DOCS
    finally:
        conn.close()
