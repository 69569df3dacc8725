"""``communique timeline``, ``search``, ``export`` and ``serve`` on a real database file."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from query_sample import build_sample_db

from communique.cli.main import cli


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_sample_db(tmp_path_factory.mktemp("cli") / "sample.db")


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_commands_are_registered() -> None:
    out = run("--help").output
    for name in ("timeline", "search", "export", "serve"):
        assert name in out


def test_timeline_table_in_date_order(sample: Any) -> None:
    result = run("timeline", "--db", str(sample.path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["DATE", "TYPE", "STATUS", "WHO"]
    assert [line.split()[0] for line in lines[1:5]] == [
        "2017-07-25",
        "2017-07-25",
        "--03-01",
        "2019-05",
    ]
    assert "Tran Van Minh (Minister of Public Security, VNM)" in lines[1]
    assert lines[1].rstrip().endswith("2")  # two reports
    assert "(~2018)" in lines[3]


def test_timeline_between_since_type_jsonl(sample: Any) -> None:
    result = run(
        "timeline", "--db", str(sample.path), "--between", "vnm", "RUS", "--format", "jsonl"
    )
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["event_id"] for e in events] == [sample.meet, sample.sign, sample.visit]
    assert events[0]["sources"][1]["doc_id"] == "wire_two"
    result = run(
        "timeline",
        "--db",
        str(sample.path),
        "--since",
        "2017-08",
        "--type",
        "VISIT",
        "--format",
        "jsonl",
    )
    assert [json.loads(x)["event_id"] for x in result.stdout.splitlines()] == [sample.visit]


def test_timeline_csv(sample: Any) -> None:
    result = run(
        "timeline",
        "--db",
        str(sample.path),
        "--since",
        "2017-07",
        "--until",
        "2017",
        "--format",
        "csv",
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["event_id"] for r in rows] == [sample.meet, sample.sign]
    assert rows[1]["agreement"].startswith("memorandum")


@pytest.mark.parametrize(
    "args",
    [
        ["--between", "VNM", "Atlantis"],
        ["--since", "last week"],
        ["--since", "2019", "--until", "2017"],
    ],
)
def test_timeline_usage_errors_exit_2(sample: Any, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["timeline", "--db", str(sample.path), *args])
    assert result.exit_code == 2


def test_missing_database_exits_1(tmp_path: Path) -> None:
    for cmd in (
        ["timeline"],
        ["search", "x"],
        ["export", "--format", "csv", "--out", str(tmp_path / "o")],
    ):
        result = CliRunner().invoke(cli, [*cmd, "--db", str(tmp_path / "none.db")])
        assert result.exit_code == 1 and "no database" in result.output


def test_search_marks_hits(sample: Any) -> None:
    result = run("search", "psychotropic", "--db", str(sample.path), "--format", "jsonl")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert {h["doc_id"] for h in hits} == {"wire_one", "no_events"}
    assert all("[psychotropic]" in h["snippet"] for h in hits)
    table = run("search", "psychotropic", "--db", str(sample.path)).stdout
    assert "DOC_ID" in table and "[psychotropic]" in table
    assert run("search", '"AND(', "--db", str(sample.path)).exit_code == 0


def test_export_parquet_csv_jsonl(sample: Any, tmp_path: Path) -> None:
    result = run(
        "export", "--db", str(sample.path), "--format", "parquet", "--out", str(tmp_path / "pq")
    )
    assert result.exit_code == 0
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == 5
    assert pq.read_table(tmp_path / "pq" / "participants.parquet").num_rows == 9
    run("export", "--db", str(sample.path), "--format", "csv", "--out", str(tmp_path / "csv"))
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "entities.csv",
        "events.csv",
        "offices.csv",
        "organizations.csv",
        "participants.csv",
        "sources.csv",
    ]
    run(
        "export", "--db", str(sample.path), "--format", "jsonl", "--out", str(tmp_path / "ev.jsonl")
    )
    lines = (tmp_path / "ev.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["participants"][0]["role"]
    bad = CliRunner().invoke(
        cli, ["export", "--db", str(sample.path), "--format", "jsonl", "--out", str(tmp_path)]
    )
    assert bad.exit_code == 2


def test_serve_runs_uvicorn_on_localhost(sample: Any, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "import sys; from communique.cli.main import main; sys.exit(main(sys.argv[1:]))"
    args = ["serve", "--db", str(sample.path), "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stderr=err)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    r = httpx.get(
                        f"http://127.0.0.1:{port}/api/events", params={"type": "SIGN"}, timeout=5
                    )
                    break
                except httpx.TransportError:
                    alive = proc.poll() is None and time.monotonic() < deadline
                    assert alive, log.read_text(encoding="utf-8", errors="replace")[-2000:]
                    time.sleep(0.2)
            assert r.json()["items"][0]["event_id"] == sample.sign
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def test_parquet_export_reads_back_in_pandas_with_the_events_count(
    sample: Any, tmp_path: Path
) -> None:
    """The issue's acceptance: pandas sees as many events as `events --format jsonl` lists."""
    import pandas as pd

    listed = run("events", "--db", str(sample.path), "--format", "jsonl")
    assert listed.exit_code == 0
    n_listed = len([ln for ln in listed.stdout.splitlines() if ln.strip()])
    out = tmp_path / "pq"
    assert (
        run("export", "--db", str(sample.path), "--format", "parquet", "--out", str(out)).exit_code
        == 0
    )
    frame = pd.read_parquet(out / "events.parquet")
    assert n_listed > 0 and len(frame) == n_listed
    assert frame["event_id"].is_unique
