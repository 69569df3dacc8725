"""Throughput and peak memory of duplicate detection and event merging.

A corpus is derived at bench time from the texts in ../shared (nothing is
committed): documents are shuffled recombinations of real sentences, with exact
copies and near copies (a few words changed) mixed in; events are synthetic
reports of synthetic meetings and visits, each real event reported 1-4 times with
jittered dates, year-less dates and missing places.

    .venv/bin/python bench/merge_throughput.py            # 10k and 100k documents
    .venv/bin/python bench/merge_throughput.py --docs 10000 [--stage merge] [--disk]

Prints docs/s (dedup), events/s (merge) and the peak RSS of each, every stage in a
fresh process (so a peak is the stage's own). Not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from communique.merge import DedupOptions, DocumentIndex, EventIndex
from communique.records import Document, Event, Location, OffsetMap, Participant, Source

SHARED = Path(__file__).resolve().parents[2] / "shared"
COUNTRIES = ("VNM", "RUS", "CHN", "LAO", "KOR", "JPN", "USA", "THA")


def sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in (SHARED / "corpus" / "seeds").glob("*.txt")]
    for name in ("dev_pages.jsonl", "dev_news.jsonl"):
        for line in (SHARED / "gold" / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line).get("text") or "")
    out = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.split()) >= 6]
    return out


def make_docs(n: int, rng: random.Random, pool: list[str]) -> list[Document]:
    docs: list[Document] = []
    for i in range(n):
        roll = rng.random()
        if docs and roll < 0.05:
            text = rng.choice(docs).clean  # exact copy
        elif docs and roll < 0.10:
            words = rng.choice(docs).clean.split()
            for _ in range(3):
                words[rng.randrange(len(words))] = "changed"
            text = " ".join(words)
        else:
            text = " ".join(rng.sample(pool, rng.randint(8, 25)))
        docs.append(
            Document(f"d{i:07d}", "bench", "txt", text, text, OffsetMap.identity(len(text)), "")
        )
    return docs


def make_events(n_docs: int, rng: random.Random) -> tuple[list[Event], list[Document]]:
    people = [(f"p{i}", rng.choice(COUNTRIES)) for i in range(max(50, n_docs // 20))]
    events: list[Event] = []
    doc_i = 0
    start = dt.date(2010, 1, 1)
    real = 0
    while doc_i < n_docs:
        real += 1
        day = start + dt.timedelta(days=rng.randrange(5000))
        a, b = rng.sample(people, 2)
        kind = rng.choice(("MEET", "MEET", "VISIT", "SIGN"))
        who = [a] if kind == "VISIT" else [a, b]
        for _ in range(rng.randint(1, 4)):
            jitter = day + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            date = rng.choice(
                (
                    jitter.isoformat(),
                    jitter.isoformat(),
                    jitter.isoformat()[:7],
                    "--" + jitter.isoformat()[5:],
                )
            )
            parts = tuple(Participant(n, n, None, c, f"ent-{n}") for n, c in who)
            loc = Location(rng.choice(("Hanoi", None)), b[1])
            doc_id = f"d{doc_i:07d}"
            events.append(
                Event(
                    f"e{doc_i}",
                    kind,  # type: ignore[arg-type]
                    "occurred",
                    date,
                    loc,
                    parts,
                    sources=(Source(doc_id, f"real event {real}", 0, 1),),
                )
            )
            doc_i += 1
    return events, []


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_dedup(n: int, disk: bool) -> None:
    """Duplicate detection over ``n`` documents, in batches of 1,000."""
    rng = random.Random(7)
    docs = make_docs(n, rng, sentences())
    base = peak_rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        options = DedupOptions(index_path=str(Path(tmp) / "fp.sqlite") if disk else None)
        index = DocumentIndex(options)
        t0 = time.perf_counter()
        for i in range(0, n, 1000):
            index.add(docs[i : i + 1000])
        links = index.links()
        index.close()
        dedup_s = time.perf_counter() - t0
    print(
        f"{n:>7} docs  dedup {n / dedup_s:8.0f} docs/s ({len(links)} links,"
        f" {'sqlite' if disk else 'memory'})  peak RSS: corpus {base:.0f} MB,"
        f" after dedup {peak_rss_mb():.0f} MB",
        flush=True,
    )


def run_merge(n: int) -> None:
    """Event merging of the reports of ``n`` documents, in batches of 5,000."""
    rng = random.Random(7)
    events, _ = make_events(n, rng)
    base = peak_rss_mb()
    t0 = time.perf_counter()
    ev_index = EventIndex()
    for i in range(0, len(events), 5000):
        ev_index.add(events[i : i + 5000])
    records = ev_index.records()
    merge_s = time.perf_counter() - t0
    truth = {s.quote for r in records for s in r.sources}
    mixed = sum(1 for r in records if len({s.quote for s in r.sources}) > 1)
    split = len(records) - len(truth) + mixed
    print(
        f"{n:>7} docs  merge {len(events) / merge_s:8.0f} events/s ({len(events)} events,"
        f" {merge_s:.1f} s, {ev_index.comparisons} comparisons; {len(records)} records for"
        f" {len(truth)} real events; {mixed} mixed, {split} extra by splits)"
        f"  peak RSS: events {base:.0f} MB, after merge {peak_rss_mb():.0f} MB",
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--docs", type=int, help="one size (default: 10k and 100k, each in a fresh process)"
    )
    ap.add_argument("--stage", choices=("dedup", "merge"), help="one stage (default: both)")
    ap.add_argument("--disk", action="store_true", help="keep fingerprints in a SQLite file")
    args = ap.parse_args()
    if args.docs and args.stage:
        run_dedup(args.docs, args.disk) if args.stage == "dedup" else run_merge(args.docs)
        return
    sizes = [args.docs] if args.docs else [10_000, 100_000]
    for n in sizes:  # each stage in a fresh process, so each peak RSS is its own
        for disk in (False, True):
            cmd = [sys.executable, __file__, "--docs", str(n), "--stage", "dedup"]
            subprocess.run(cmd + (["--disk"] if disk else []), check=True)
        subprocess.run([sys.executable, __file__, "--docs", str(n), "--stage", "merge"], check=True)


if __name__ == "__main__":
    main()
