"""Options of the Dask engine (a light module: importing it does not import Dask)."""

from __future__ import annotations

from dataclasses import dataclass

from communique.errors import ConfigError

#: Articles per partition: big enough that task overhead (~ms) is noise next to
#: extraction (~0.1 s a document), small enough to balance 2-64 workers and keep a
#: partition's Parquet in the tens of MB.
DEFAULT_DOCS_PER_PARTITION = 100
#: Tasks in flight per worker: keeps every worker busy while the driver consumes in order.
WINDOW_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """Where and how to run on Dask. ``scheduler`` ``tcp://HOST:PORT`` or a LocalCluster."""

    scheduler: str | None = None
    workers: int = 2
    docs_per_partition: int = DEFAULT_DOCS_PER_PARTITION
    out_dir: str | None = None  # partitions are kept here; a temporary folder otherwise

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError(f"workers must be >= 1, got {self.workers}")
        if self.scheduler is not None and not self.scheduler.startswith(("tcp://", "tls://")):
            raise ConfigError(f"scheduler must look like tcp://HOST:PORT, got {self.scheduler!r}")
