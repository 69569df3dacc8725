"""One measured run of the pipeline, in its own process, printed as one JSON line.

Each configuration runs in a fresh process so its peak memory is its own:

    .venv/bin/python bench/scale.py --corpus bench/out/corpus-1000-20251125.jsonl --engine local
    .venv/bin/python bench/scale.py --corpus ... --engine dask --workers 2
    .venv/bin/python bench/scale.py --corpus ... --engine naive --limit 300

* ``local`` / ``dask``: :func:`communique.runners.run_extract` (read -> clean ->
  split -> annotate -> extract -> resolve -> merge). Stage figures: ``read``
  (read + clean + split + language, i.e. ingest+clean) and ``extract`` are
  documents per second of the stage's own time, summed over processes and divided
  by the number of processes (the stage's parallel throughput); ``resolve`` and
  ``merge`` run on the driver. ``wall`` is the whole run, model loading and
  cluster start-up included; ``steady`` excludes them.
* ``naive``: the full spaCy pipeline (every component, ``nlp.pipe``) over every
  whole document, one process, no rules at all: a lower bound on the cost of the
  naive approach, so ``ours / naive`` understates our advantage.

Peak memory is the peak RSS of the driver and of each worker process (MB).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

# The driver's stages run the code of the run's start, even if the tree changes later.
import communique.merge
import communique.resolve  # noqa: F401
from communique.runners import DaskOptions, ExtractResult, run_extract
from communique.settings import Settings


def peak_rss_mb() -> float:
    """Peak RSS of this process (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _stage_rates(result: ExtractResult, engine: str, workers: int) -> dict[str, float]:
    """Documents per second of each stage's own time (see the module docstring)."""
    n = result.documents
    if engine == "local":
        read_s, extract_s = result.seconds("read"), result.seconds("extract")
    else:
        read_s = sum(p.read_seconds for p in result.partitions) / workers
        extract_s = sum(p.extract_seconds for p in result.partitions) / workers
    rates = {"read": n / read_s if read_s else 0.0, "extract": n / extract_s if extract_s else 0.0}
    for stage in ("resolve", "merge"):
        seconds = result.seconds(stage)
        rates[stage] = n / seconds if seconds else 0.0
    return rates


def _worker_peaks(result: ExtractResult) -> list[float]:
    peaks: dict[str, float] = defaultdict(float)
    for part in result.partitions:
        peaks[part.worker] = max(peaks[part.worker], part.peak_rss_mb)
    return [round(peaks[w], 1) for w in sorted(peaks)]


def _worker_curves(result: ExtractResult) -> list[list[float]]:
    """Each worker's peak RSS after 25, 50, 75 and 100 % of its partitions (MB): flat
    means memory does not grow with the number of documents a worker has seen."""
    by_worker: dict[str, list[float]] = defaultdict(list)
    for part in sorted(result.partitions, key=lambda p: p.index):
        by_worker[part.worker].append(part.peak_rss_mb)
    curves = []
    for worker in sorted(by_worker):
        peaks = by_worker[worker]
        curves.append([round(peaks[max(0, len(peaks) * q // 4 - 1)], 1) for q in (1, 2, 3, 4)])
    return curves


def run_pipeline(corpus: Path, engine: str, workers: int, per_part: int) -> dict[str, Any]:
    """Run communique on ``corpus`` and measure it."""
    options = (
        DaskOptions(workers=workers, docs_per_partition=per_part) if engine == "dask" else None
    )
    started = time.perf_counter()
    result = run_extract([corpus], Settings.from_env(), engine, dask=options)  # type: ignore[arg-type]
    wall = time.perf_counter() - started
    setup = result.seconds("load") + result.seconds("startup")
    return {
        "config": f"{engine}-{workers}" if engine == "dask" else "local-1",
        "docs": result.documents,
        "events_per_doc": round(
            sum(len(e.sources) for e in result.events) / max(result.documents, 1), 2
        ),
        "merged_events": len(result.events),
        "wall_s": round(wall, 1),
        "setup_s": round(setup, 1),
        "steady_docs_per_s": round(result.documents / max(wall - setup, 1e-9), 2),
        "docs_per_cpu_s": round(result.documents / max(result.seconds("cpu"), 1e-9), 2),
        "load_avg": round(os.getloadavg()[0], 1),
        "stage_docs_per_s": {
            k: round(v, 1) for k, v in _stage_rates(result, engine, workers).items()
        },
        "stage_s": {k: round(v, 1) for k, v in result.timings},
        "driver_peak_mb": round(peak_rss_mb(), 1),
        "worker_peak_mb": _worker_peaks(result) if engine == "dask" else [round(peak_rss_mb(), 1)],
        "worker_rss_curve_mb": _worker_curves(result),
    }


def run_naive(corpus: Path, limit: int) -> dict[str, Any]:
    """The full spaCy pipeline over whole documents (see the module docstring)."""
    import spacy

    settings = Settings.from_env()
    texts = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    started = time.perf_counter()
    nlp = spacy.load(settings.model)
    loaded = time.perf_counter()
    cpu_started = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    cpu = time.process_time() - cpu_started
    done = time.perf_counter()
    return {
        "config": "naive-1",
        "docs": len(texts),
        "wall_s": round(done - started, 1),
        "setup_s": round(loaded - started, 1),
        "steady_docs_per_s": round(len(texts) / (done - loaded), 2),
        "docs_per_cpu_s": round(len(texts) / max(cpu, 1e-9), 2),
        "load_avg": round(os.getloadavg()[0], 1),
        "stage_docs_per_s": {"extract": round(len(texts) / (done - loaded), 1)},
        "driver_peak_mb": round(peak_rss_mb(), 1),
        "worker_peak_mb": [round(peak_rss_mb(), 1)],
    }


def main(argv: list[str] | None = None) -> int:
    """Run one configuration and print its measurements as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--engine", choices=("local", "dask", "naive"), default="local")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--docs-per-partition", type=int, default=100)
    parser.add_argument("--limit", type=int, default=300, help="naive: documents to run")
    args = parser.parse_args(argv)
    if args.engine == "naive":
        row = run_naive(args.corpus, args.limit)
    else:
        row = run_pipeline(args.corpus, args.engine, args.workers, args.docs_per_partition)
    print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
