"""Concurrency: the API and UI keep answering while ``communique ingest`` writes to the
same database, and two ingests into one database end in the same state as running
them one after the other (or one is refused with a clear line and a re-run fixes it).

Real processes: ingest runs as ``communique ingest`` subprocesses; the server is a
real uvicorn on 127.0.0.1 in this process; requests are real HTTP.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import web_support

from .conftest import CLI, Tally
from .corpus import integrity, snapshot, write_corpus

SUITE = "concurrency"
RUN_SECONDS = 600
#: Slowest acceptable answer while an ingest writes (the machine is shared: generous).
MAX_LATENCY = 10.0
#: The new-database race: rounds x processes opening one new file at the same instant.
RACE_ROUNDS, RACE_PROCESSES = 40, 3
SCRIPT_DOC = (
    "Talks in <b>Oslo</b>\n\nOSLO, May 3, 2024 - Norway's Foreign Minister Ingrid Berg met "
    "Kenya's Foreign Minister John Otieno in Oslo <script>window.__pwned = 1</script> and "
    "discussed <i>fisheries</i> & trade.\n"
)


def start_ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--db", str(db)],
        env={**os.environ, "COMMUNIQUE_DB": str(db)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    _, err = proc.communicate(timeout=RUN_SECONDS)
    return proc.returncode, err.decode("utf-8", "replace")


@pytest.mark.slow
def test_api_answers_while_ingest_writes(tmp_path: Path, tally: Tally) -> None:
    seed, corpus = tmp_path / "seed", tmp_path / "corpus"
    write_corpus(seed, 3)
    write_corpus(corpus, 60, 20)
    (corpus / "script.txt").write_text(SCRIPT_DOC, encoding="utf-8")
    db = tmp_path / "live.db"
    code, err = wait(start_ingest(seed, db))
    assert code == 0, err
    statuses: dict[int, int] = {}
    slowest, requests, saw_script = 0.0, 0, False
    paths = ("/api/events?limit=5", "/api/documents?limit=5", "/timeline", "/api/search?q=Oslo")
    with web_support.run_server(db) as url, httpx.Client(base_url=url, timeout=30) as http:
        proc = start_ingest(corpus, db)
        while proc.poll() is None or not saw_script:
            for path in paths:
                started = time.monotonic()
                r = http.get(path, headers={"accept": "text/html"})
                slowest = max(slowest, time.monotonic() - started)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                requests += 1
            page = http.get("/documents/script", headers={"accept": "text/html"})
            if page.status_code == 200:
                saw_script = True
                assert "<script>window.__pwned" not in page.text
                assert "&lt;script&gt;window.__pwned" in page.text
            if proc.poll() is not None and not saw_script:
                break
        code, err = wait(proc)
    assert code == 0, err
    assert saw_script, "the document with a script was served (escaped)"
    assert set(statuses) == {200}, statuses
    assert requests >= 8, "the server answered throughout the ingest"
    assert slowest < MAX_LATENCY, f"slowest answer {slowest:.1f} s during ingest"
    assert integrity(db) == []
    tally.add(SUITE, "HTTP requests answered during an ingest", requests)
    tally.add(SUITE, "slowest answer during ingest (ms)", int(slowest * 1000))


@pytest.mark.slow
def test_two_ingests_into_one_database(tmp_path: Path, scale: int, tally: Tally) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    write_corpus(one, 30, 10)
    write_corpus(two, 30)  # same reports under the same names: an overlap
    for i in range(30, 45):
        (two / f"r{i:04d}.txt").write_text(
            (one / f"r{i % 30:04d}.txt").read_text().replace("report", "dispatch"), "utf-8"
        )
    for rnd in range(scale):
        db = tmp_path / f"race{rnd}.db"  # new: both processes also race to create the schema
        procs = [start_ingest(one, db), start_ingest(two, db)]
        results = [wait(p) for p in procs]
        for (code, err), corpus in zip(results, (one, two), strict=True):
            if code != 0:  # refused: a clear line, and a re-run completes
                assert code == 1 and "locked by another writer" in err, err
                tally.add(SUITE, "concurrent ingests refused with a clear message")
                code, err = wait(start_ingest(corpus, db))
                assert code == 0, err
            else:
                tally.add(SUITE, "concurrent ingests completed")
        assert integrity(db) == []
        ref = tmp_path / f"ref{rnd}.db"  # made now: other work may change the code
        for corpus in (one, two):
            code, err = wait(start_ingest(corpus, ref))
            assert code == 0, err
        got, want = snapshot(db), snapshot(ref)
        assert got.duplicates == 0
        assert got.documents == want.documents and got.stories == want.stories
        assert got.document_events == want.document_events
        assert got.merged_events == want.merged_events, (
            f"round {rnd}: {len(got.merged_events - want.merged_events)} extra, "
            f"{len(want.merged_events - got.merged_events)} missing merged events"
        )
        assert got.entities == want.entities
        tally.add(SUITE, "two-writer runs compared with sequential runs")


def test_exclusive_step_keeps_other_writers_out_and_is_atomic(tmp_path: Path, tally: Tally) -> None:
    """``Store.exclusive`` (what resolve/merge runs in): another process's write waits
    and then is refused with a clear message; a failure inside leaves nothing behind."""
    from communique.errors import StoreError
    from communique.records import Rejection
    from communique.store import Store

    db = tmp_path / "x.db"
    first = Rejection("read", "empty", "a", "a.txt", "the file is empty")
    second = Rejection("read", "empty", "b", "b.txt", "the file is empty")
    with Store.open(db) as one, Store.open(db, busy_seconds=0.2) as two:
        with one.exclusive():
            one.add_rejection(first)
            with pytest.raises(StoreError, match="locked by another writer"):
                two.add_rejection(second)
        assert two.add_rejection(second)  # free again once the step is done
        with pytest.raises(RuntimeError), one.exclusive():
            one.add_rejection(Rejection("read", "empty", "c", "c.txt", "the file is empty"))
            raise RuntimeError("a bug in the middle of the step")
        assert sorted(r.doc_id or "" for r in two.iter_rejections()) == ["a", "b"]
    assert integrity(db) == []
    tally.add(SUITE, "exclusive-step lock and rollback checks", 3)


def _open_new(barrier: Any, path: str, results: Any) -> None:
    """One process of the race below: wait for the others, then open for writing."""
    from communique.errors import StoreError
    from communique.store import Store

    barrier.wait()
    try:
        with Store.open(path):
            results.put("ok")
    except StoreError as exc:
        results.put(str(exc))


def test_processes_creating_one_new_database_at_once(tmp_path: Path, tally: Tally) -> None:
    """Several writers opening a brand-new file at the same instant all get it (SQLite
    reported "locked" at once on the switch to WAL: 3 of 120 opens failed before)."""
    ctx = multiprocessing.get_context("fork")
    outcomes: list[str] = []
    for rnd in range(RACE_ROUNDS):
        barrier, results = ctx.Barrier(RACE_PROCESSES), ctx.Queue()
        path = str(tmp_path / f"new{rnd}.db")
        procs = [
            ctx.Process(target=_open_new, args=(barrier, path, results))
            for _ in range(RACE_PROCESSES)
        ]
        for proc in procs:
            proc.start()
        outcomes += [results.get(timeout=60) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
        assert integrity(Path(path)) == []
    failed = [o for o in outcomes if o != "ok"]
    assert not failed, f"{len(failed)} of {len(outcomes)} opens failed: {failed[0]}"
    tally.add(SUITE, "simultaneous opens of a new database", len(outcomes))
