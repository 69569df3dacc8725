"""SIGKILL at random points of ``communique ingest`` (read, extract, resolve, merge,
store): the database stays sound, a re-run completes, nothing is duplicated or lost.

Each round starts from an empty database, kills ``KILLS_PER_ROUND`` ingest processes
at random moments (a fixed seed picks the delays, uniformly over a whole run's
duration, so kills land in start-up, document writes, extraction and the final
resolve/merge), checks the file after every kill, then lets a run finish and
compares everything stored with a clean single run over the same corpus.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import CLI, Tally
from .corpus import Snapshot, integrity, snapshot, write_corpus

SUITE = "crash-safety"
SEED = 20261125
KILLS_PER_ROUND = 5
ROUNDS = 4  # x COMMUNIQUE_FUZZ_SCALE: 20 kills by default
N_TXT, N_JSONL = 40, 10
RUN_SECONDS = 600


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COMMUNIQUE_DB": str(db)}
    return subprocess.Popen(
        [*CLI, "ingest", str(corpus), "--db", str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(proc: subprocess.Popen[bytes]) -> tuple[int, str]:
    _, err = proc.communicate(timeout=RUN_SECONDS)
    return proc.returncode, err.decode("utf-8", "replace")


def doc_ids(db: Path) -> set[str]:
    if not db.exists():
        return set()
    try:
        return {d for d, _ in snapshot(db).documents}
    except Exception as exc:  # noqa: BLE001 - schema not created yet is the only expected case
        assert "no such table" in str(exc), exc
        return set()


def compare(got: Snapshot, want: Snapshot) -> list[str]:
    """Differences a user could see, by field (empty = the same database)."""
    diffs = []
    for name in (
        "documents",
        "stories",
        "document_events",
        "merged_events",
        "entities",
        "rejections",
    ):
        a, b = getattr(got, name), getattr(want, name)
        if a != b:
            if isinstance(a, frozenset):
                diffs.append(f"{name}: {len(a - b)} extra, {len(b - a)} missing")
            else:
                diffs.append(f"{name}: {a} != {b}")
    if got.duplicates:
        diffs.append(f"{got.duplicates} duplicated rows")
    return diffs


def clean_run(corpus: Path, db: Path) -> tuple[Snapshot, float]:
    """One uninterrupted ingest into a new database: the reference, and its duration."""
    started = time.monotonic()
    code, err = finish(ingest(corpus, db))
    assert code == 0, err
    return snapshot(db), time.monotonic() - started


def kill_round(
    corpus: Path, db: Path, total: int, rng: random.Random, full: float, tally: Tally
) -> None:
    """Kill ``KILLS_PER_ROUND`` ingests of ``corpus`` into ``db`` at random moments,
    checking the file after each kill."""
    kills = attempts = 0
    while kills < KILLS_PER_ROUND:
        attempts += 1
        assert attempts <= 4 * KILLS_PER_ROUND, "runs keep finishing before the kill"
        before = doc_ids(db)
        proc = ingest(corpus, db)
        try:
            proc.wait(timeout=rng.uniform(0.2, full))
            code, err = finish(proc)  # it finished first: a complete re-run
            assert code == 0, err
            tally.add(SUITE, "runs that finished before their kill")
            continue
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
        kills += 1
        tally.add(SUITE, "SIGKILLs injected")
        after = doc_ids(db)
        assert before <= after, f"documents lost by a kill: {sorted(before - after)}"
        if not db.exists():
            tally.add(SUITE, "kill before the first write")
            continue
        stage = "after every document was stored" if len(after) == total else "mid-documents"
        tally.add(SUITE, f"kill {stage}")
        assert integrity(db) == [], integrity(db)
        tally.add(SUITE, "integrity checks after a kill")


@pytest.mark.slow
def test_sigkill_at_random_points(tmp_path: Path, scale: int, tally: Tally) -> None:
    corpus = tmp_path / "corpus"
    total = write_corpus(corpus, N_TXT, N_JSONL)
    first, full = clean_run(corpus, tmp_path / "timing.db")
    assert len(first.documents) == total and first.document_events and first.merged_events
    rng = random.Random(SEED)
    for rnd in range(ROUNDS * scale):
        db = tmp_path / f"crash{rnd}.db"
        kill_round(corpus, db, total, rng, full, tally)
        code, err = finish(ingest(corpus, db))
        assert code == 0, f"round {rnd}: re-run failed: {err}"
        assert integrity(db) == []
        # The reference is a clean run made now (other work may change the code).
        want, _ = clean_run(corpus, tmp_path / f"ref{rnd}.db")
        diffs = compare(snapshot(db), want)
        assert not diffs, f"round {rnd}: after {KILLS_PER_ROUND} kills, re-run differs: {diffs}"
        tally.add(SUITE, "re-runs compared with a clean run")
