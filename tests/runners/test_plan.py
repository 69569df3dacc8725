"""Partition plans read back to exactly what the local reader reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import ConfigError
from communique.ingest.readers import iter_raw, read_jsonl_range
from communique.runners.plan import LineRange, PathSource, plan_partitions
from communique.runners.work import WorkContext, iter_partition
from communique.settings import Settings


def _jsonl(path: Path, lines: list[str], trailing_newline: bool = True) -> Path:
    path.write_bytes(("\n".join(lines) + ("\n" if trailing_newline else "")).encode("utf-8"))
    return path


def _lines(n: int) -> list[str]:
    out = [json.dumps({"id": f"d{i}", "text": f"Report number {i}."}) for i in range(n)]
    out[0] = "\ufeff" + out[0]  # a byte-order mark on line 1
    out[3] = ""  # a blank line
    out[5] = "{broken"  # a bad line keeps its line number
    return out


@pytest.mark.parametrize("trailing", [True, False])
@pytest.mark.parametrize("per_part", [1, 2, 3, 7, 100])
def test_line_ranges_read_like_the_whole_file(
    tmp_path: Path, per_part: int, trailing: bool
) -> None:
    path = _jsonl(tmp_path / "many.jsonl", _lines(11), trailing)
    parts = list(plan_partitions([path], per_part))
    settings = Settings()
    got = [
        raw
        for part in parts
        for src in part.sources
        for raw in (
            iter_raw([Path(src.path)], settings)
            if isinstance(src, PathSource)
            else read_jsonl_range(Path(src.path), src.start, src.end, src.first_lineno, settings)
        )
    ]
    assert got == list(iter_raw([path], settings))
    assert [p.index for p in parts] == list(range(len(parts)))
    if per_part < 11:
        assert len(parts) >= 11 // per_part
        assert all(isinstance(s, LineRange) for p in parts for s in p.sources)


def test_folders_are_planned_in_reading_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.html", "skip.bin"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Some text here.", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    parts = list(plan_partitions([tmp_path, missing], 2))
    paths = [Path(s.path).name for p in parts for s in p.sources]
    assert paths == ["a.txt", "b.txt", "c.html", "nope.txt"]
    assert [len(p.sources) for p in parts] == [2, 2]


def test_partition_items_equal_the_local_stream(tmp_path: Path, composed_dir: Path) -> None:
    """Documents (cleaned, with language) and rejections, in order, as iter_documents gives."""
    from communique.ingest import iter_documents

    settings = Settings()
    ctx = WorkContext.build(settings, extract=False)
    paths = [composed_dir, tmp_path / "missing.txt"]
    planned = [item for part in plan_partitions(paths, 2) for item in iter_partition(part, ctx)]
    assert planned == list(iter_documents(paths, settings, ctx.detector))
    assert sum(1 for p in plan_partitions(paths, 2)) > 2


def test_bad_partition_size_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        list(plan_partitions(["x"], 0))
