"""The pure per-partition work: read -> clean -> split (-> annotate -> extract).

Runs the same on the driver (local engine) and on a Dask worker: a function of a
:class:`~communique.runners.plan.Partition` and a :class:`WorkContext` built once
per process. Output is written as two Parquet files per partition (pyarrow):

* ``items/part-NNNNN.parquet`` — one row per input item in reading order: a
  Document or a Rejection (``kind``), its ``doc_id``, ``published`` and the record
  as JSON (:mod:`communique.runners.codec`);
* ``events/part-NNNNN.parquet`` — one row per per-document event: the item's
  ``seq``, the event's position, ``event_id``, ``type`` and the record as JSON.

Only a small :class:`PartitionSummary` travels back to the driver.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from communique.ingest import LanguageDetector, document_from_raw
from communique.ingest.readers import iter_raw, read_jsonl_range
from communique.records import Document, Event, Rejection
from communique.runners.codec import encode
from communique.runners.plan import Partition, PathSource
from communique.settings import Settings

ITEM_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("kind", pa.string()),  # "document" | "rejection"
        ("doc_id", pa.string()),
        ("published", pa.string()),
        ("record", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("pos", pa.int32()),
        ("event_id", pa.string()),
        ("type", pa.string()),
        ("record", pa.string()),
    ]
)


@dataclass(frozen=True)
class WorkContext:
    """What a process needs to run partitions, built once per process.

    ``pipeline`` (the spaCy model and gazetteers, :class:`communique.pipeline.Context`)
    is ``None`` when only ingesting: then no model is loaded.
    """

    settings: Settings
    detector: LanguageDetector
    pipeline: Any  # communique.pipeline.Context | None

    @classmethod
    def build(cls, settings: Settings, extract: bool) -> WorkContext:
        """Load the language detector, and the model when ``extract`` is set."""
        from communique import pipeline

        ctx = pipeline.Context.build(settings) if extract else None
        return cls(settings=settings, detector=LanguageDetector.build(), pipeline=ctx)


@dataclass(frozen=True, slots=True)
class PartitionSummary:
    """What a partition did, for the driver's counts and the benchmarks."""

    index: int
    items: int
    documents: int
    events: int
    read_seconds: float  # wall time in read -> clean -> split
    extract_seconds: float  # wall time in annotate -> extract
    cpu_seconds: float  # CPU time of the whole partition (robust to a shared machine)
    peak_rss_mb: float
    worker: str = ""


def iter_partition(part: Partition, ctx: WorkContext) -> Iterator[Document | Rejection]:
    """The partition's items (Documents or Rejections) in reading order."""
    for source in part.sources:
        if isinstance(source, PathSource):
            raws = iter_raw([Path(source.path)], ctx.settings)
        else:
            raws = read_jsonl_range(
                Path(source.path), source.start, source.end, source.first_lineno, ctx.settings
            )
        for raw in raws:
            yield raw if isinstance(raw, Rejection) else document_from_raw(raw, ctx.detector)


def run_partition(
    part: Partition, ctx: WorkContext, out_dir: str, worker: str = ""
) -> PartitionSummary:
    """Process one partition and write its Parquet files under ``out_dir``.

    Why a file, not a return value: results stay on disk (or a shared volume), so
    neither the scheduler nor the driver ever holds more than one partition.
    """
    items: dict[str, list[Any]] = {name: [] for name in ITEM_SCHEMA.names}
    events: dict[str, list[Any]] = {name: [] for name in EVENT_SCHEMA.names}
    read_s = extract_s = 0.0
    docs = n_events = 0
    cpu_started = time.process_time()
    started = time.perf_counter()
    for seq, item in enumerate(iter_partition(part, ctx)):
        now = time.perf_counter()
        read_s += now - started
        _add_item(items, seq, item)
        if isinstance(item, Document) and ctx.pipeline is not None:
            found = _extract(item, ctx)
            for pos, event in enumerate(found):
                _add_event(events, seq, pos, event)
            n_events += len(found)
        docs += isinstance(item, Document)
        started = time.perf_counter()
        extract_s += started - now
    _write(items, ITEM_SCHEMA, Path(out_dir) / "items" / f"part-{part.index:05d}.parquet")
    _write(events, EVENT_SCHEMA, Path(out_dir) / "events" / f"part-{part.index:05d}.parquet")
    return PartitionSummary(
        index=part.index,
        items=len(items["seq"]),
        documents=docs,
        events=n_events,
        read_seconds=read_s,
        extract_seconds=extract_s,
        cpu_seconds=time.process_time() - cpu_started,
        peak_rss_mb=peak_rss_mb(),
        worker=worker,
    )


def _extract(doc: Document, ctx: WorkContext) -> tuple[Event, ...]:
    from communique import pipeline

    return pipeline.extract_document(doc, ctx.pipeline)


def _add_item(cols: dict[str, list[Any]], seq: int, item: Document | Rejection) -> None:
    cols["seq"].append(seq)
    cols["kind"].append("document" if isinstance(item, Document) else "rejection")
    cols["doc_id"].append(item.doc_id)
    cols["published"].append(item.published if isinstance(item, Document) else None)
    cols["record"].append(encode(item))


def _add_event(cols: dict[str, list[Any]], seq: int, pos: int, event: Event) -> None:
    cols["seq"].append(seq)
    cols["pos"].append(pos)
    cols["event_id"].append(event.event_id)
    cols["type"].append(event.type)
    cols["record"].append(encode(event))


def _write(cols: dict[str, list[Any]], schema: pa.Schema, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(pa.Table.from_pydict(cols, schema=schema), tmp, compression="zstd")
    tmp.replace(path)  # a crashed task never leaves a half partition behind


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB; Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
