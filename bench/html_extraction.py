"""HTML main-text extraction: communique's reader vs trafilatura alone.

Runs over the article-extraction benchmark in ../shared (181 real pages with the
human-checked article body) and prints token-level precision / recall / F1 of

* trafilatura alone (``trafilatura.extract`` with its defaults),
* our reader's extracted text (``Document.original`` for HTML inputs),
* our reader's clean text (``Document.clean``, after boilerplate removal),

side by side, with the ratio ours / trafilatura. Usage::

    .venv/bin/python bench/html_extraction.py [BENCH_DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from communique.ingest.clean import clean_text
from communique.ingest.html import extract_html

DEFAULT_DIR = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "corpus"
    / "article-extraction-benchmark"
)
_TOKEN = re.compile(r"\w+")


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Token-level (bag of lower-cased words) precision, recall and F1."""
    pred = Counter(_TOKEN.findall(predicted.lower()))
    ref = Counter(_TOKEN.findall(gold.lower()))
    hit = sum((pred & ref).values())
    p = hit / sum(pred.values()) if pred else 0.0
    r = hit / sum(ref.values()) if ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(html: str) -> tuple[str, str]:
    """Our reader: (extracted text, clean text)."""
    page = extract_html(html)
    if page is None:
        return "", ""
    return page.text, clean_text(page.text, menus=False).clean


def main(argv: list[str] | None = None) -> int:
    """Score every page and print the three systems side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "bench_dir", nargs="?", type=Path, default=Path(os.environ.get("BENCH_DIR", DEFAULT_DIR))
    )
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    args = parser.parse_args(argv)
    truth = json.loads((args.bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    totals: dict[str, list[tuple[float, float, float]]] = {
        "trafilatura": [],
        "ours": [],
        "ours-clean": [],
    }
    started = time.perf_counter()
    for key in keys:
        raw = gzip.decompress((args.bench_dir / "html" / f"{key}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        gold = truth[key]["articleBody"]
        extracted, clean = ours(html)
        totals["trafilatura"].append(prf(trafilatura.extract(html) or "", gold))
        totals["ours"].append(prf(extracted, gold))
        totals["ours-clean"].append(prf(clean, gold))
    elapsed = time.perf_counter() - started
    print(f"pages: {len(keys)}  ({elapsed:.1f} s)")
    print(f"{'system':<14}{'precision':>10}{'recall':>10}{'F1':>10}")
    means = {}
    for name, rows in totals.items():
        n = max(len(rows), 1)
        means[name] = tuple(sum(r[i] for r in rows) / n for i in range(3))
        p, r, f = means[name]
        print(f"{name:<14}{p:>10.4f}{r:>10.4f}{f:>10.4f}")
    base = means["trafilatura"][2] or 1.0
    print(f"ratio F1 ours/trafilatura: {means['ours'][2] / base:.4f}")
    print(f"ratio F1 ours-clean/trafilatura: {means['ours-clean'][2] / base:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
