"""The Dask engine gives exactly what the local engine gives, on a real LocalCluster.

Inputs: the five seeds plus composed reports (a JSONL file with a bad line and an
empty text, an HTML page). One LocalCluster (2 worker processes on 127.0.0.1) is
shared by the in-process tests through its scheduler address, so the model loads
once per worker; the CLI test starts its own cluster, as a user's run does.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from communique.pipeline import refresh_store
from communique.records import Event
from communique.runners import DaskOptions, ExtractResult, run_extract, run_ingest
from communique.settings import Settings
from communique.store import Store


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The installed ``communique`` command, as a user runs it."""
    exe = Path(sys.executable).with_name("communique")
    return subprocess.run([str(exe), *args], capture_output=True, timeout=300, check=False)


def _lines(events: tuple[Event, ...]) -> list[str]:
    return [json.dumps(e.to_json(), ensure_ascii=False) for e in events]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def local_result(seeds_dir: Path, composed_dir: Path) -> ExtractResult:
    return run_extract([seeds_dir, composed_dir], Settings(), "local", per_document=True)


def test_cli_dask_output_is_byte_identical(seeds_dir: Path, composed_dir: Path) -> None:
    paths = (str(seeds_dir), str(composed_dir))
    local = _cli("extract", *paths)
    dask = _cli("extract", *paths, "--engine", "dask", "--workers", "2")
    assert local.returncode == dask.returncode == 1, dask.stderr.decode()[-2000:]  # the bad lines
    assert dask.stdout == local.stdout
    assert len(local.stdout.splitlines()) >= 10
    reasons = [line for line in dask.stderr.decode().splitlines() if "reports.jsonl:" in line]
    assert reasons == [
        line for line in local.stderr.decode().splitlines() if "reports.jsonl:" in line
    ]
    assert [r.split(": ")[1] for r in reasons] == ["bad-json", "empty"]


def test_small_partitions_give_the_same_events(
    seeds_dir: Path, composed_dir: Path, scheduler: str, local_result: ExtractResult, tmp_path: Path
) -> None:
    options = DaskOptions(scheduler=scheduler, docs_per_partition=2, out_dir=str(tmp_path))
    got = run_extract(
        [seeds_dir, composed_dir], Settings(), "dask", per_document=True, dask=options
    )
    assert _lines(got.events) == _lines(local_result.events)
    assert got.rejections == local_result.rejections and got.documents == local_result.documents
    assert len(got.events) >= 10
    parts = sorted((tmp_path / "events").glob("part-*.parquet"))
    assert len(parts) == len(got.partitions) >= 5
    ids = [
        i
        for p in parts
        for i in pq.read_table(p, columns=["event_id"]).column("event_id").to_pylist()
    ]
    assert ids == [e.event_id for e in local_result.events]
    workers = {s.worker for s in got.partitions}
    assert all(w.startswith("tcp://127.0.0.1:") for w in workers)
    assert all(s.peak_rss_mb > 50 for s in got.partitions)


def _dump(path: Path) -> dict[str, list[str]]:
    """Every row of every table except time stamps, sorted."""
    conn = sqlite3.connect(path)
    try:
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            keep = [c for c in cols if c not in ("ingested_at", "at", "applied_at")]
            rows = conn.execute(f'SELECT {", ".join(keep)} FROM "{table}"') if keep else []
            out[table] = sorted(repr(tuple(r)) for r in rows)
        return out
    finally:
        conn.close()


def test_ingest_on_dask_fills_the_same_store(
    seeds_dir: Path, composed_dir: Path, scheduler: str, tmp_path: Path
) -> None:
    paths = [seeds_dir, composed_dir]
    dbs = {}
    for engine in ("local", "dask"):
        dbs[engine] = tmp_path / f"{engine}.db"
        options = DaskOptions(scheduler=scheduler, docs_per_partition=3)
        with Store.open(dbs[engine]) as store:
            summary = run_ingest(paths, store, Settings(), engine, dask=options)
            refresh_store(store)
        assert (summary.read, summary.new, summary.failed) == (13, 11, 2)
    local, dask = _dump(dbs["local"]), _dump(dbs["dask"])
    assert len(local["events"]) >= 10
    assert dask == local


def test_bad_scheduler_address_is_a_usage_error(seeds_dir: Path) -> None:
    result = _cli("extract", str(seeds_dir), "--engine", "dask", "--scheduler", "localhost:8786")
    assert result.returncode == 2
    assert b"tcp://HOST:PORT" in result.stderr
