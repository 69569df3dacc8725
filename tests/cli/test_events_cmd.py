"""``communique events`` over a real SQLite store holding merged events."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from communique.cli.main import cli
from communique.merge import merge
from communique.records import Event, Location, Participant, Source
from communique.store import Store


def _report(doc: str, date: str | None, city: str | None, country: str = "VNM") -> Event:
    people = (
        Participant("To Lam", "Lam", "Minister of Public Security", "VNM", "ent-lam"),
        Participant("Nikolai Patrushev", "Patrushev", None, "RUS", "ent-pat"),
    )
    return Event(
        f"{doc}-1",
        "MEET",
        "occurred",
        date,
        Location(city, country),
        people,
        sources=(Source(doc, "They held talks.", 0, 16),),
    )


def _db(tmp_path: Path) -> Path:
    path = tmp_path / "events.db"
    events = [
        _report("a", "--07-25", None),
        _report("b", "2017-07-25", "Hanoi"),
        _report("c", "2017-07-25", None, "RUS"),
        _report("d", "2021-03-16", "Hanoi"),
    ]
    with Store.open(path) as store:
        store.replace_merged_events(merge(events, []))
    return path


def test_jsonl_lists_each_real_event_once_with_its_reports(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(_db(tmp_path)), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["date"], r["n_reports"]) for r in rows] == [("2017-07-25", 3), ("2021-03-16", 1)]
    assert [s["doc_id"] for s in rows[0]["sources"]] == ["a", "b", "c"]
    assert rows[0]["inferred"][0]["field"] == "date"


def test_table_shows_date_type_participants_place_and_reports(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(_db(tmp_path))])
    assert result.exit_code == 0, result.output
    header, first, second = result.stdout.splitlines()
    assert header.split() == ["DATE", "TYPE", "STATUS", "PARTICIPANTS", "PLACE", "REPORTS", "NOTES"]
    assert first.startswith("2017-07-25") and "To Lam (Minister of Public Security)" in first
    assert "Hanoi, VNM" in first and first.split("VNM", 1)[1].split()[0] == "3"
    assert "country: reports differ: RUS (c); VNM (a, b)" in first
    assert second.startswith("2021-03-16") and second.rstrip().endswith("1")


def test_missing_database_is_an_error_on_stderr(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.stdout == "" and "error" in result.stderr
