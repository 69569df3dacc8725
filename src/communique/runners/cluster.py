"""The Dask engine: partitions run on dask.distributed workers, results come back
as partitioned Parquet, and the driver streams them in plan order.

* A :class:`ContextPlugin` builds one :class:`~communique.runners.work.WorkContext`
  (language detector, and the spaCy model when extracting) per worker process, at
  registration, and keeps it on the worker's copy of the plugin: no module global.
* Partitions are submitted a window at a time and consumed in plan order, so the
  driver holds one partition and the scheduler a bounded number of tasks.
* With ``scheduler=None`` a ``LocalCluster`` on 127.0.0.1 is started for the run
  (``workers`` processes, one thread each) and closed after it. With a scheduler
  address, ``out_dir`` must be a folder the workers and the driver both see.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

import pyarrow.parquet as pq
from distributed import Client, LocalCluster, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from communique.records import Document, Event, Rejection, stable_id
from communique.runners.codec import decode
from communique.runners.options import WINDOW_PER_WORKER, DaskOptions
from communique.runners.plan import Partition, plan_partitions
from communique.runners.work import PartitionSummary, WorkContext, run_partition
from communique.settings import Settings


class ContextPlugin(WorkerPlugin):
    """Builds the per-process work context once, when registered on a worker.

    Idempotent: registering it again on a long-lived cluster (same settings, same
    name) keeps the loaded context instead of loading the model again.
    """

    idempotent = True

    def __init__(self, settings: Settings, extract: bool) -> None:
        self.settings = settings
        self.extract = extract
        self.context: WorkContext | None = None
        kind = "extract" if extract else "ingest"
        self.name = stable_id(f"communique-{kind}", asdict(settings))

    def setup(self, worker: object) -> None:
        """Load the detector (and model) in this worker process."""
        self.context = WorkContext.build(self.settings, self.extract)


def _run_on_worker(part: Partition, out_dir: str, plugin_name: str) -> PartitionSummary:
    """The task: the partition with this worker's context (pure given that context)."""
    worker = get_worker()
    plugin = worker.plugins[plugin_name]
    assert isinstance(plugin, ContextPlugin) and plugin.context is not None
    return run_partition(part, plugin.context, out_dir, worker.address)


@contextlib.contextmanager
def connect(options: DaskOptions) -> Iterator[Client]:
    """A client on the given scheduler, or on a LocalCluster started for this run."""
    if options.scheduler is not None:
        with Client(options.scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=options.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


@contextlib.contextmanager
def partition_dir(options: DaskOptions) -> Iterator[str]:
    """The folder partitions are written to: the given one (kept) or a temporary one."""
    if options.out_dir is not None:
        Path(options.out_dir).mkdir(parents=True, exist_ok=True)
        yield options.out_dir
        return
    tmp = tempfile.mkdtemp(prefix="communique-parts-")
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def register_context(client: Client, settings: Settings, extract: bool) -> str:
    """Build the work context on every worker (loads the model once each); its name.

    Why apart from :func:`run_partitions`: loading takes seconds per worker, and the
    benchmarks report it apart from steady-state throughput.
    """
    plugin = ContextPlugin(settings, extract)
    client.register_plugin(plugin, name=plugin.name)
    return plugin.name


def run_partitions(
    client: Client, paths: Iterable[str], plugin_name: str, options: DaskOptions, out_dir: str
) -> Iterator[PartitionSummary]:
    """Submit every partition and yield their summaries in plan order."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window = workers * WINDOW_PER_WORKER
    pending: deque = deque()  # type: ignore[type-arg]
    for part in plan_partitions(paths, options.docs_per_partition):
        pending.append(client.submit(_run_on_worker, part, out_dir, plugin_name, pure=False))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def read_items(out_dir: str, index: int) -> Iterator[Document | Rejection]:
    """A partition's Documents and Rejections, in reading order."""
    table = pq.read_table(
        Path(out_dir) / "items" / f"part-{index:05d}.parquet", columns=["kind", "record"]
    )
    for kind, blob in zip(
        table.column("kind").to_pylist(), table.column("record").to_pylist(), strict=True
    ):
        yield decode(Document, blob) if kind == "document" else decode(Rejection, blob)


def read_events(out_dir: str, index: int) -> Iterator[Event]:
    """A partition's per-document events, in document then text order."""
    table = pq.read_table(
        Path(out_dir) / "events" / f"part-{index:05d}.parquet", columns=["record"]
    )
    for blob in table.column("record").to_pylist():
        yield decode(Event, blob)


def read_events_by_seq(out_dir: str, index: int) -> dict[int, list[Event]]:
    """A partition's events grouped by the position of their document in the partition."""
    table = pq.read_table(
        Path(out_dir) / "events" / f"part-{index:05d}.parquet", columns=["seq", "record"]
    )
    out: dict[int, list[Event]] = {}
    for seq, blob in zip(
        table.column("seq").to_pylist(), table.column("record").to_pylist(), strict=True
    ):
        out.setdefault(seq, []).append(decode(Event, blob))
    return out
