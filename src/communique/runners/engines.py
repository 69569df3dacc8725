"""``run_extract`` and ``run_ingest``: the same pipeline on the local or the Dask engine.

The local engine is the pipeline as :mod:`communique.pipeline` writes it, in this
process. The Dask engine runs the pure stages (read, clean, split, annotate,
extract) per partition on workers (:mod:`communique.runners.cluster`); the driver
then streams the partitions back in plan order and runs the global stages
(resolve, merge, store) itself. Both give the same records in the same order.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from communique.errors import ConfigError
from communique.records import Document, Entity, Event, OffsetMap, Rejection
from communique.runners.options import DaskOptions
from communique.settings import Settings

if TYPE_CHECKING:
    from communique.runners.work import PartitionSummary
    from communique.store import IngestSummary, Store
    from communique.store.db import UpsertStatus
    from communique.store.ingest import OnDocument

Engine = Literal["local", "dask"]
ENGINES: tuple[Engine, ...] = ("local", "dask")
#: Wraps the stream of inputs, e.g. with a progress bar.
Wrap = Callable[[Iterable[Document | Rejection]], Iterable[Document | Rejection]]


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """Events of a run (resolved; merged unless per-document) and what it cost."""

    events: tuple[Event, ...]
    entities: tuple[Entity, ...]
    rejections: tuple[Rejection, ...]
    documents: int
    #: stage -> seconds: wall time on the driver, except "cpu", the CPU time of the
    #: per-document stages (read -> extract) summed over every process that ran them
    timings: tuple[tuple[str, float], ...] = ()
    partitions: tuple[PartitionSummary, ...] = field(default=())

    def seconds(self, stage: str) -> float:
        """Seconds spent in ``stage`` (0 when not measured)."""
        return sum(s for name, s in self.timings if name == stage)


def _check(engine: str) -> None:
    if engine not in ENGINES:
        raise ConfigError(f"engine must be one of {ENGINES}, got {engine!r}")


def run_extract(
    paths: Sequence[str | Path],
    settings: Settings,
    engine: Engine = "local",
    *,
    per_document: bool = False,
    dask: DaskOptions | None = None,
    wrap: Wrap | None = None,
) -> ExtractResult:
    """Extract, resolve and (unless ``per_document``) merge the events of ``paths``.

    Why one entry point: ``communique extract`` and the benchmarks choose the engine
    by name, and the two engines must stay interchangeable (same events, same ids,
    same order), which a test checks byte for byte.
    """
    _check(engine)
    strpaths = [str(p) for p in paths]
    if engine == "local":
        docs, events, rejections, timings, parts = _extract_local(strpaths, settings, wrap)
    else:
        docs, events, rejections, timings, parts = _extract_dask(
            strpaths, settings, dask or DaskOptions(), wrap
        )
    from communique import pipeline

    started = time.perf_counter()
    resolved, entities = pipeline.resolve_events(events)
    timings.append(("resolve", time.perf_counter() - started))
    del events  # the unresolved copies: the driver holds one set of events at a time
    out = resolved
    if not per_document:
        started = time.perf_counter()
        out = pipeline.merge_events(resolved, docs)
        timings.append(("merge", time.perf_counter() - started))
    return ExtractResult(
        tuple(out), tuple(entities), tuple(rejections), len(docs), tuple(timings), parts
    )


_Gathered = tuple[
    list[Document],
    list[Event],
    list[Rejection],
    list[tuple[str, float]],
    tuple["PartitionSummary", ...],
]


def _extract_local(paths: list[str], settings: Settings, wrap: Wrap | None) -> _Gathered:
    """The pipeline in this process, as :mod:`communique.pipeline` writes it."""
    from communique import pipeline

    started = time.perf_counter()
    ctx = pipeline.Context.build(settings)
    timings = [("load", time.perf_counter() - started)]
    docs: list[Document] = []
    events: list[Event] = []
    rejections: list[Rejection] = []
    read_s = extract_s = 0.0
    cpu_started = time.process_time()
    items = pipeline.read_documents(paths, settings)
    stream = iter(wrap(items) if wrap else items)
    while True:
        started = time.perf_counter()
        item = next(stream, None)
        read_s += time.perf_counter() - started
        if item is None:
            break
        if isinstance(item, Rejection):
            rejections.append(item)
            continue
        docs.append(item)
        started = time.perf_counter()
        events.extend(pipeline.extract_document(item, ctx))
        extract_s += time.perf_counter() - started
    timings += [
        ("read", read_s),
        ("extract", extract_s),
        ("cpu", time.process_time() - cpu_started),
    ]
    return docs, events, rejections, timings, ()


def _extract_dask(
    paths: list[str], settings: Settings, options: DaskOptions, wrap: Wrap | None
) -> _Gathered:
    """Read and extract on workers; keep only events and text-less documents here."""
    from communique.runners.cluster import (
        connect,
        partition_dir,
        read_events,
        read_items,
        register_context,
        run_partitions,
    )

    docs: list[Document] = []
    events: list[Event] = []
    rejections: list[Rejection] = []
    summaries: list[PartitionSummary] = []
    started = time.perf_counter()
    with connect(options) as client, partition_dir(options) as out_dir:
        timings = [("startup", time.perf_counter() - started)]
        started = time.perf_counter()
        name = register_context(client, settings, True)
        timings.append(("load", time.perf_counter() - started))
        started = time.perf_counter()
        for summary in run_partitions(client, paths, name, options, out_dir):
            summaries.append(summary)
            items = read_items(out_dir, summary.index)
            for item in wrap(items) if wrap else items:
                if isinstance(item, Rejection):
                    rejections.append(item)
                else:
                    docs.append(_metadata_only(item))
            events.extend(read_events(out_dir, summary.index))
        timings.append(("read+extract", time.perf_counter() - started))
    timings.append(("cpu", sum(s.cpu_seconds for s in summaries)))
    return docs, events, rejections, timings, tuple(summaries)


def _metadata_only(doc: Document) -> Document:
    """The document without its texts: merge reads only its id and publication day,
    and dropping the rest keeps the driver at a few hundred bytes per document."""
    return replace(
        doc,
        original="",
        clean="",
        offsets=OffsetMap(()),
        stories=(),
        title=None,
        byline=None,
        url=None,
        provenance=(),
    )


def run_ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    engine: Engine = "local",
    *,
    extract: bool = True,
    dask: DaskOptions | None = None,
    wrap: Wrap | None = None,
) -> IngestSummary:
    """Read ``paths`` into ``store`` and, with ``extract``, keep each new or changed
    document's per-document events (resolve and merge follow in
    :func:`communique.pipeline.refresh_store`).

    Why: with the Dask engine, reading, cleaning and extraction run on workers; the
    driver upserts documents and their events in reading order, one partition in
    memory at a time, so the store ends up exactly as after a local ingest.
    """
    from communique.store import ingest_items, ingest_paths

    _check(engine)
    if engine == "local":
        hook = _local_hook(store, settings) if extract else None
        return ingest_paths(paths, store, settings, on_document=hook, wrap=wrap)
    stored = _StoredEvents(store)
    items = _dask_items([str(p) for p in paths], settings, dask or DaskOptions(), extract, stored)
    return ingest_items(wrap(items) if wrap else items, store, stored.hook if extract else None)


def _local_hook(store: Store, settings: Settings) -> OnDocument:
    """Extract each new or changed document as it is stored (unchanged ones keep theirs)."""
    from communique import pipeline

    ctx = pipeline.Context.build(settings)

    def hook(doc: Document, status: UpsertStatus) -> Rejection | None:
        if status != "unchanged" or store.needs_extraction(doc):
            return pipeline.store_document_events(store, doc, ctx)
        return None

    return hook


class _StoredEvents:
    """The events workers extracted for the documents of the current partition,
    written to the store when the upsert says the document is new or changed."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_item: dict[int, list[Event]] = {}  # id(document) -> its events

    def hook(self, doc: Document, status: UpsertStatus) -> Rejection | None:
        """The ingest hook (see :data:`communique.store.ingest.OnDocument`)."""
        if status != "unchanged" or self.store.needs_extraction(doc):
            self.store.replace_document_events(doc.doc_id, self.by_item.get(id(doc), []))
        return None


def _dask_items(
    paths: list[str], settings: Settings, options: DaskOptions, extract: bool, stored: _StoredEvents
) -> Iterator[Document | Rejection]:
    """Every input as a Document or Rejection, read (and extracted) on Dask workers."""
    from communique.runners.cluster import (
        connect,
        partition_dir,
        read_events_by_seq,
        read_items,
        register_context,
        run_partitions,
    )

    with connect(options) as client, partition_dir(options) as out_dir:
        name = register_context(client, settings, extract)
        for summary in run_partitions(client, paths, name, options, out_dir):
            items = list(read_items(out_dir, summary.index))
            events = read_events_by_seq(out_dir, summary.index) if extract else {}
            stored.by_item = {id(item): events.get(seq, []) for seq, item in enumerate(items)}
            yield from items
