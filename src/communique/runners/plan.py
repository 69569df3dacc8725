"""Cut the inputs into partitions, in the order the local engine reads them.

The driver only lists folders and counts JSONL lines (streaming, in fixed-size
blocks); it never reads an article. A partition is a tuple of sources:

* :class:`PathSource` — one path read as the local engine reads it
  (:func:`communique.ingest.readers.iter_raw`): a .txt/.html/.warc file, a small
  JSONL file, an unknown or missing path (which yields its Rejection);
* :class:`LineRange` — a run of lines of a large JSONL file
  (:func:`communique.ingest.readers.read_jsonl_range`).

Concatenating the partitions' outputs in plan order gives exactly the local
engine's stream, so ids, order and output are identical.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from communique.errors import ConfigError
from communique.ingest.readers import file_format

#: Block size when counting lines of a JSONL file (bytes); bounds driver memory.
SCAN_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class PathSource:
    """A path read whole by the readers (its articles, or its Rejection)."""

    path: str


@dataclass(frozen=True, slots=True)
class LineRange:
    """Lines ``[start, end)`` (byte offsets) of a JSONL file, the first numbered ``first_lineno``."""

    path: str
    start: int
    end: int
    first_lineno: int


Source = PathSource | LineRange


@dataclass(frozen=True, slots=True)
class Partition:
    """One task's worth of input: its position in the plan and its sources."""

    index: int
    sources: tuple[Source, ...]


def plan_partitions(paths: Iterable[str | Path], docs_per_partition: int) -> Iterator[Partition]:
    """Partitions of about ``docs_per_partition`` articles each, in reading order.

    Why: many small tasks balance the workers and bound each task's memory; the
    order of the plan is the order of the output.
    """
    if docs_per_partition < 1:
        raise ConfigError(f"docs_per_partition must be >= 1, got {docs_per_partition}")
    index, batch, weight = 0, [], 0
    for source, count in _sources(paths, docs_per_partition):
        batch.append(source)
        weight += count
        if weight >= docs_per_partition:
            yield Partition(index, tuple(batch))
            index, batch, weight = index + 1, [], 0
    if batch:
        yield Partition(index, tuple(batch))


def _sources(paths: Iterable[str | Path], per_part: int) -> Iterator[tuple[Source, int]]:
    """Every source with its (estimated) number of articles."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                children = sorted(p for p in path.rglob("*") if p.is_file() and file_format(p))
            except OSError:
                yield PathSource(str(path)), 1  # the readers turn it into a Rejection
                continue
            for child in children:
                yield from _file_sources(child, per_part)
        else:
            yield from _file_sources(path, per_part)


def _file_sources(path: Path, per_part: int) -> Iterator[tuple[Source, int]]:
    known = file_format(path) if path.is_file() else None
    if known is None or known[0] != "jsonl":
        yield PathSource(str(path)), 1
        return
    ranges = list(_line_ranges(path, per_part))
    if len(ranges) <= 1:
        yield PathSource(str(path)), max(1, ranges[0][2] if ranges else 1)
        return
    for start, end, lines, first in ranges:
        yield LineRange(str(path), start, end, first), lines


def _line_ranges(path: Path, per_part: int) -> Iterator[tuple[int, int, int, int]]:
    """(start byte, end byte, lines, first line number) of runs of ``per_part`` lines."""
    start = pos = 0
    lines_in_run, first = 0, 1
    with path.open("rb") as handle:
        while block := handle.read(SCAN_BLOCK):
            offset = 0
            while (nl := block.find(b"\n", offset)) != -1:
                offset = nl + 1
                lines_in_run += 1
                if lines_in_run == per_part:
                    end = pos + offset
                    yield start, end, lines_in_run, first
                    start, first, lines_in_run = end, first + lines_in_run, 0
            pos += len(block)
    if pos > start:
        yield start, pos, lines_in_run + 1, first
