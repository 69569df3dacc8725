"""`communique ingest` through the real CLI on real files and a real SQLite file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from communique.cli.main import cli
from communique.store import Store

REPORT = (
    "Peru and Laos agree to expand rice research\n\n"
    "LIMA, April 3 - Peru's Minister of Agriculture Rosa Quispe Huaman received the Lao "
    "Minister of Agriculture Khamla Vongsa in Lima on Wednesday.\n\n"
    "The two ministers discussed seed exchanges and irrigation.\n"
)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted (FTS shadow tables included)."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {
            t: sorted(map(tuple, conn.execute(f'SELECT * FROM "{t}"')), key=repr) for t in tables
        }
    finally:
        conn.close()


def test_ingest_seeds_twice_changes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "seeds.db"
    first = run("ingest", str(seeds_dir), "--db", str(db))
    assert first.exit_code == 0, first.stderr
    assert "read 5, new 5, updated 0, unchanged 0, failed 0" in first.stderr
    before = dump(db)
    assert len(before["documents"]) == 5
    second = run("ingest", str(seeds_dir), "--db", str(db))
    assert second.exit_code == 0, second.stderr
    assert "read 5, new 0, updated 0, unchanged 5, failed 0" in second.stderr
    assert dump(db) == before
    assert first.stdout == "" and second.stdout == ""  # stdout carries data only


def test_changed_input_replaces_its_old_version(tmp_path: Path) -> None:
    src = tmp_path / "in" / "peru_laos.txt"
    src.parent.mkdir()
    src.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "t.db"
    assert run("ingest", str(src), "--db", str(db)).exit_code == 0
    src.write_text(
        REPORT + "\nThey also agreed to meet again in Vientiane next year.\n", encoding="utf-8"
    )
    result = run("ingest", str(src), "--db", str(db))
    assert result.exit_code == 0
    assert "new 0, updated 1, unchanged 0" in result.stderr
    with Store.open(db, readonly=True) as store:
        assert store.counts()["documents"] == 1
        doc = store.get_document("peru_laos")
        assert doc is not None and "Vientiane" in doc.original


def test_bad_inputs_fail_one_line_each_and_good_ones_are_stored(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(REPORT, encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (inputs / "big.txt").write_text(REPORT * 40, encoding="utf-8")
    lines = [
        '{"id": "j1", "text": "' + REPORT.replace("\n", "\\n") + '"}',
        '{"id": "j2", "text": broken',
        (
            '{"id": "j3", "text": "Kenya and Chile sign a trade memorandum.\\n\\nThe ministers of '
            'trade of Kenya and Chile signed a memorandum in Nairobi on Friday."}'
        ),
    ]
    (inputs / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    db = tmp_path / "bad.db"
    with Store.open(db) as store:  # something stored before must survive
        pass
    assert run("ingest", str(inputs / "good.txt"), "--db", str(db)).exit_code == 0

    result = run(
        "ingest",
        str(inputs),
        str(missing),
        "--db",
        str(db),
        env={"COMMUNIQUE_MAX_BYTES": str(len(REPORT) * 10)},
    )
    assert result.exit_code == 1
    failures = [ln for ln in result.stderr.splitlines() if not ln.startswith("read ")]
    codes = {ln.split(": ")[1] for ln in failures}
    assert codes == {"empty", "binary", "too-large", "bad-json", "not-found"}, result.stderr
    assert len(failures) == 5, result.stderr
    bad_json = next(ln for ln in failures if ": bad-json: " in ln)
    assert "line 2" in bad_json  # its line number
    assert any(ln.startswith(str(missing)) for ln in failures)
    assert "failed 5" in result.stderr

    with Store.open(db, readonly=True) as store:
        ids = {r["doc_id"] for r in store.document_rows()}
        assert ids == {"good", "j1", "j3"}
        assert {r.code for r in store.iter_rejections()} == codes


def test_missing_db_folder_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(REPORT, encoding="utf-8")
    result = run("ingest", str(src), "--db", str(tmp_path / "no" / "such" / "x.db"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_sample_corpus_ingests_cleanly(tmp_path: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "sample"
    copy = tmp_path / "sample"
    shutil.copytree(sample, copy)
    db = tmp_path / "demo.db"
    result = run("ingest", str(copy), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    with Store.open(db, readonly=True) as store:
        rows = {r["doc_id"]: r for r in store.document_rows()}
    assert len(rows) == 8
    assert rows["07_regional_bulletin"]["stories"] == [
        "Thai and Lao deputy prime ministers open a new border crossing",
        "Mongolian president receives Japanese parliamentary delegation",
    ]
    assert rows["01_jakarta_talks_coastline"]["published"] == "2024-03-12"
    assert rows["04_norway_canada_call"]["byline"] == "Ingrid Solberg-Haug"
    assert rows["03b_ghana_vietnam_health_mou"]["published"] == "2024-06-04"
    assert (
        rows["02_jakarta_talks_meridian"]["title"] == "Kenya, Indonesia to set up joint commission"
    )
