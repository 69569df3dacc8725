"""`communique docs` and `communique doc ID` on a real database built by `ingest`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from communique.cli.main import cli

LEAD = "OSLO, 2 May 2024 - Norway's Minister of Fisheries Kari Lunde met Chile's Minister of Economy Pablo Rojas in Oslo on Thursday.\n"
TEXT = (
    "Home\nNews\nWorld\nSport\nCulture\nContact\n\n"
    "Norway and Chile discuss salmon farming\n\n"
    "By Anne Dahl\n\n"
    + LEAD
    + "\nThe ministers discussed salmon farming research and trade.\n\nBack to top\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "no_cl_fish.txt").write_text(TEXT, encoding="utf-8")
    (src / "other.jsonl").write_text(
        json.dumps(
            {
                "id": "ke_cl",
                "published": "2024-05-06",
                "title": "Kenya and Chile sign memorandum",
                "text": "Kenya and Chile sign memorandum\n\nThe trade ministers of Kenya and Chile "
                "signed a memorandum in Nairobi on Monday.\n",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    path = tmp_path / "docs.db"
    assert run("ingest", str(src), "--db", str(path)).exit_code == 0
    return path


def test_docs_jsonl(db: Path) -> None:
    result = run("docs", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc_id"] for r in rows] == ["ke_cl", "no_cl_fish"]
    for row in rows:
        assert {
            "doc_id",
            "published",
            "title",
            "byline",
            "outlet",
            "stories",
            "chars_removed",
            "language",
            "origin",
        } <= set(row)
        assert isinstance(row["stories"], list) and row["stories"]
    ke, fish = rows
    assert ke["published"] == "2024-05-06" and ke["language"] == "en"
    assert fish["byline"] == "Anne Dahl"
    assert fish["chars_removed"] > 0  # the menu lines and "Back to top"
    assert fish["stories"] == ["Norway and Chile discuss salmon farming"]


def test_docs_table(db: Path) -> None:
    result = run("docs", "--db", str(db))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("DOC_ID") and len(lines) == 3
    assert "Anne Dahl" in result.stdout


def test_doc_original_is_exact_and_clean_is_default(db: Path) -> None:
    original = run("doc", "no_cl_fish", "--original", "--db", str(db))
    assert original.exit_code == 0
    assert original.stdout_bytes == TEXT.encode("utf-8")
    clean = run("doc", "no_cl_fish", "--db", str(db))
    assert clean.exit_code == 0
    assert LEAD.strip() in clean.stdout
    assert "Back to top" not in clean.stdout and not clean.stdout.startswith("Home")
    assert run("doc", "no_cl_fish", "--clean", "--db", str(db)).stdout == clean.stdout


def test_doc_unknown_id(db: Path) -> None:
    result = run("doc", "nope", "--db", str(db))
    assert result.exit_code == 1
    assert "no document 'nope'" in result.stderr
    assert result.stdout == ""


def test_docs_without_database(tmp_path: Path) -> None:
    result = run("docs", "--db", str(tmp_path / "absent.db"))
    assert result.exit_code == 1
    assert "no database" in result.stderr
    assert not (tmp_path / "absent.db").exists()


def test_readme_documents_only_registered_commands() -> None:
    """README is checked: every command it shows exists (the lead extends the table)."""
    import re

    from communique.cli.main import COMMANDS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^\| `communique (\w+)", readme, flags=re.MULTILINE))
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL):
        shown |= set(re.findall(r"^communique (\w+)", block, flags=re.MULTILINE))
    assert {"ingest", "docs", "doc"} <= shown
    assert shown <= set(COMMANDS), shown - set(COMMANDS)
    for name in ("ingest", "docs", "doc"):
        assert run(name, "--help").exit_code == 0
