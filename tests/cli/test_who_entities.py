"""`communique who` and `communique entities` on a real SQLite store written in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from communique.cli.main import cli
from communique.records import (
    Document,
    Event,
    Location,
    OffsetMap,
    Organization,
    Participant,
    Source,
    content_hash,
    stable_id,
)
from communique.resolve import resolve
from communique.store import Store

SEC = "Secretary of the Security Council of Russia"
#: (doc_id, date, text, participants as (mention, role, country))
REPORTS = (
    (
        "r2017a",
        "2017-07-25",
        "Nikolai Patrushev met To Lam in Hanoi.",
        (("Nikolai Patrushev", SEC, "RUS"), ("To Lam", "Minister of Public Security", "VNM")),
    ),
    (
        "r2017b",
        "2017-07-27",
        "Patrusev Nikolay Platonovich received Tô Lâm.",
        (
            ("Patrusev Nikolay Platonovich", SEC, "RUS"),
            ("Tô Lâm", "Minister of Public Security", "VNM"),
        ),
    ),
    (
        "r2021",
        "2021-03-16",
        "Nikolai Patrushev held talks with To Lam in Moscow.",
        (("Nikolai Patrushev", SEC, "RUS"), ("To Lam", "Minister of Public Security", "VNM")),
    ),
    (
        "r2024",
        "2024-06-20",
        "Vladimir Putin met Kim Jong Un.",
        (("Vladimir Putin", "President", "RUS"), ("Kim Jong Un", "leader", "PRK")),
    ),
)


def _document(doc_id: str, text: str, published: str) -> Document:
    return Document(
        doc_id=doc_id,
        origin=f"/in/{doc_id}.txt",
        fmt="txt",
        original=text,
        clean=text,
        offsets=OffsetMap.identity(len(text)),
        content_hash=content_hash(text),
        published=published,
    )


def _event(doc_id: str, date: str, text: str, people: tuple[tuple[str, str, str], ...]) -> Event:
    parts = tuple(Participant(m, m, role, country) for m, role, country in people)
    orgs = (
        (Organization("Ministry of Public Security", "VNM"),)
        if "Lam" in text or "Lâm" in text
        else ()
    )
    return Event(
        stable_id("evt", [doc_id, text]),
        "MEET",
        "occurred",
        date,
        Location("Hanoi", "VNM"),
        parts,
        orgs,
        sources=(Source(doc_id, text, 0, len(text)),),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "who.db"
    events = [_event(d, date, text, people) for d, date, text, people in REPORTS]
    resolved, entities = resolve(events)
    with Store.open(path) as store:
        for (doc_id, date, text, _), event in zip(REPORTS, resolved):
            store.upsert_document(_document(doc_id, text, date))
            store.replace_document_events(doc_id, [event])
        store.upsert_entities(entities)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "query",
    ["Patrusev", "patrushev", "Nikolay Patrushev", "Патрушев", "Nikolai Platonovich Patrushev"],
)
def test_who_finds_one_person_by_any_spelling(db: Path, query: str) -> None:
    result = run("who", query, "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    (person,) = json.loads(result.stdout)
    assert person["name"] == "Nikolai Patrushev"
    assert [e["date"] for e in person["events"]] == ["2017-07-25", "2017-07-27", "2021-03-16"]
    assert person["offices"] == [{"office": SEC, "first": "2017-07-25", "last": "2021-03-16"}]
    assert person["sources"] == ["r2017a", "r2017b", "r2021"]
    assert "Patrusev Nikolay Platonovich" in person["aliases"]


def test_who_table_shows_aliases_offices_and_events(db: Path) -> None:
    result = run("who", "to lam", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout.startswith("To Lam  (VNM, per_")
    assert "aliases: Tô Lâm" in result.stdout
    assert "office:  Minister of Public Security  [2017-07-25 .. 2021-03-16]" in result.stdout
    assert "Nikolai Patrushev" in result.stdout and "r2021" in result.stdout


def test_who_unknown_name_fails_with_one_line(db: Path) -> None:
    result = run("who", "Nobody Atall", "--db", str(db))
    assert result.exit_code == 1
    assert result.stdout == "" and "no person matching" in result.stderr


def test_entities_jsonl_filters_by_type(db: Path) -> None:
    result = run("entities", "--db", str(db), "--format", "jsonl", "--type", "person")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["name"] for r in rows) == [
        "Kim Jong Un",
        "Nikolai Patrushev",
        "To Lam",
        "Vladimir Putin",
    ]
    assert all(r["type"] == "person" and r["entity_id"].startswith("per_") for r in rows)
    orgs = run(
        "entities", "--db", str(db), "--format", "jsonl", "--type", "organization"
    ).stdout.splitlines()
    assert [json.loads(line)["name"] for line in orgs] == ["Ministry of Public Security"]


def test_entities_table_lists_every_type(db: Path) -> None:
    result = run("entities", "--db", str(db))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ENTITY_ID", "TYPE", "NAME", "COUNTRY", "ALIASES", "OFFICES"]
    assert {line.split()[1] for line in lines[1:]} == {"organization", "person", "place"}


def test_entities_on_missing_database_fails(tmp_path: Path) -> None:
    result = run("entities", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "error" in result.stderr


def test_help_of_both_commands() -> None:
    assert "aliases, offices over time" in run("who", "--help").stdout
    assert "--type" in run("entities", "--help").stdout
