"""runners: run the pipeline locally or on Dask (see :mod:`communique.pipeline`).

* :mod:`~communique.runners.engines` — ``run_extract`` / ``run_ingest``, the one
  entry point for both engines;
* :mod:`~communique.runners.plan` — inputs cut into partitions in reading order;
* :mod:`~communique.runners.work` — the pure per-partition work and its Parquet output;
* :mod:`~communique.runners.cluster` — dask.distributed: cluster, worker context, streaming;
* :mod:`~communique.runners.codec` — records to JSON and back, exactly;
* :mod:`~communique.runners.options` — :class:`DaskOptions`.

Stages stay pure and picklable (records are frozen dataclasses); the model is
loaded once per worker process, never at import.
"""

from __future__ import annotations

from communique.runners.engines import ENGINES, Engine, ExtractResult, run_extract, run_ingest
from communique.runners.options import DaskOptions

__all__ = ["ENGINES", "DaskOptions", "Engine", "ExtractResult", "run_extract", "run_ingest"]
