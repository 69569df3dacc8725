"""Extraction throughput: candidate-sentence NER (ours) vs the naive full pipeline.

Both run on 2 processes (one model per process) over the same documents: the seeds and
the dev texts repeated to a few hundred. "naive" parses every whole document with the
full spaCy pipeline (``nlp(text)``: tagger, parser, lemmatizer, NER) and then applies the
same rules; "ours" splits sentences with a regex and runs NER only on sentences with a
trigger word. Prints docs/s for both and the ratio. Not a test.

usage: .venv/bin/python bench/extract_throughput.py [--docs 300] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_STATE: dict[str, Any] = {}  # per worker process, filled by the pool initializer


def _init(naive: bool) -> None:
    from communique.extract import Extractor
    from communique.nlp.model import load_model
    from communique.settings import Settings

    settings = Settings()
    _STATE["extractor"] = Extractor.load(settings)
    _STATE["full"] = load_model(settings) if naive else None


def _work(doc: Any) -> int:
    if _STATE["full"] is not None:
        _STATE["full"](doc.clean)  # the naive approach: full pipeline over the whole text
    return len(_STATE["extractor"].extract(doc))


def load_docs(n: int) -> list[Any]:
    from communique.pipeline import read_documents
    from communique.records import Document
    from communique.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        dev = Path(tmp) / "dev.jsonl"
        with dev.open("w", encoding="utf-8") as fh:
            for name in ("dev_pages.jsonl", "dev_news.jsonl"):
                for line in (SHARED / "gold" / name).read_text(encoding="utf-8").splitlines():
                    d = json.loads(line)
                    fh.write(
                        json.dumps(
                            {"id": d["doc_id"], "text": d["text"], "published": d.get("published")}
                        )
                        + "\n"
                    )
        base = [
            d
            for d in read_documents([str(SHARED / "corpus" / "seeds"), str(dev)], Settings())
            if isinstance(d, Document)
        ]
    return [base[i % len(base)] for i in range(n)]


def run(docs: list[Any], workers: int, naive: bool) -> tuple[float, int]:
    with mp.get_context("spawn").Pool(workers, initializer=_init, initargs=(naive,)) as pool:
        pool.map(_work, docs[:workers], chunksize=1)  # warm-up: models loaded before timing
        start = time.perf_counter()
        events = sum(pool.map(_work, docs, chunksize=4))
        return len(docs) / (time.perf_counter() - start), events


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    docs = load_docs(args.docs)
    ours, ev_ours = run(docs, args.workers, naive=False)
    naive, ev_naive = run(docs, args.workers, naive=True)
    print(f"documents: {len(docs)}  workers: {args.workers}")
    print(f"ours  (regex sentences, NER on candidates): {ours:8.1f} docs/s  events {ev_ours}")
    print(f"naive (full nlp(text) per document + rules): {naive:8.1f} docs/s  events {ev_naive}")
    print(f"ratio: {ours / naive:.2f}x  (same rules, so the same events and F1)")


if __name__ == "__main__":
    main(sys.argv[1:])
