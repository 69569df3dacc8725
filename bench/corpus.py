"""Generate the benchmark corpus at bench time from the real texts in ../shared.

Procedure (deterministic: the same size and seed give byte-identical files):

1. Paragraph pool. Every text of ../shared is split into paragraphs (non-empty
   lines of at least ``MIN_PARAGRAPH`` characters): the five seed articles
   (corpus/seeds/*.txt), the gold dev texts (gold/dev_news.jsonl and
   gold/dev_pages.jsonl, field ``text``) and the article-extraction benchmark's
   ground-truth bodies (corpus/article-extraction-benchmark/ground-truth.json,
   field ``articleBody``). Two pools: *news* (seeds + dev texts: official
   contacts, event-rich) and *general* (the benchmark bodies: all kinds of news).
2. Document i (``random.Random(seed)``, drawn in order): a headline line (the
   first sentence of a news paragraph, cut to 12 words), then 4-12 paragraphs,
   each from the news pool with probability ``NEWS_SHARE`` else from the general
   pool, joined by blank lines; a publication date drawn uniformly from
   2015-01-01..2025-12-31. With probability ``REPRINT_SHARE`` the document is a
   reprint of an earlier one (same text, new id and date), as wire copy is.
3. Written as JSONL (``id``, ``text``, ``published``) to
   ``bench/out/corpus-{size}.jsonl`` (gitignored), one article a line; nothing is
   committed. A corpus already generated is reused.

    .venv/bin/python bench/corpus.py --size 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "bench" / "out"
#: Shortest line kept as a paragraph (characters): drops menus, bylines, captions.
MIN_PARAGRAPH = 60
#: Share of paragraphs drawn from the event-rich news pool.
NEWS_SHARE = 0.6
#: Share of documents that reprint an earlier one (wire copy).
REPRINT_SHARE = 0.03
#: Paragraphs per document (inclusive range).
PARAGRAPHS = (4, 12)
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days
DEFAULT_SEED = 20251125


@dataclass(frozen=True, slots=True)
class Pools:
    """Paragraphs to recombine: event-rich news, and general news."""

    news: tuple[str, ...]
    general: tuple[str, ...]


def paragraphs(text: str) -> list[str]:
    """The lines of a text long enough to be paragraphs, whitespace-normalised."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if len(line) >= MIN_PARAGRAPH]


def load_pools(shared: Path = SHARED) -> Pools:
    """The two paragraph pools from ../shared (see the module docstring)."""
    news: list[str] = []
    for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        news += paragraphs(path.read_text(encoding="utf-8"))
    for name in ("dev_news.jsonl", "dev_pages.jsonl"):
        for line in (shared / "gold" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                news += paragraphs(json.loads(line).get("text") or "")
    truth = shared / "corpus" / "article-extraction-benchmark" / "ground-truth.json"
    bodies = json.loads(truth.read_text(encoding="utf-8"))
    general = [
        p for key in sorted(bodies) for p in paragraphs(bodies[key].get("articleBody") or "")
    ]
    return Pools(tuple(news), tuple(general))


def _headline(rng: random.Random, pools: Pools) -> str:
    first = re.split(r"(?<=[.!?])\s", rng.choice(pools.news), maxsplit=1)[0]
    return " ".join(first.split()[:12]).rstrip(".")


def make_text(rng: random.Random, pools: Pools) -> str:
    """One recombined article: a headline, then paragraphs."""
    count = rng.randint(*PARAGRAPHS)
    body = [
        rng.choice(pools.news if rng.random() < NEWS_SHARE else pools.general) for _ in range(count)
    ]
    return _headline(rng, pools) + "\n\n" + "\n\n".join(body) + "\n"


def generate(size: int, path: Path, seed: int = DEFAULT_SEED, shared: Path = SHARED) -> Path:
    """Write ``size`` articles to ``path`` (JSONL), streaming; returns ``path``."""
    pools = load_pools(shared)
    rng = random.Random(seed)
    recent: list[str] = []  # a bounded window of earlier texts to reprint
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for i in range(size):
            if recent and rng.random() < REPRINT_SHARE:
                text = rng.choice(recent)
            else:
                text = make_text(rng, pools)
                recent = (recent + [text])[-1000:]
            day = FIRST_DAY + dt.timedelta(days=rng.randint(0, DAYS))
            row = {"id": f"bench-{i:07d}", "text": text, "published": day.isoformat()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def corpus_path(size: int, seed: int = DEFAULT_SEED) -> Path:
    """The corpus file of a size (generated on first use)."""
    path = OUT / f"corpus-{size}-{seed}.jsonl"
    return path if path.exists() else generate(size, path, seed)


def main(argv: list[str] | None = None) -> int:
    """Generate (or reuse) a corpus and print its path and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    path = corpus_path(args.size, args.seed)
    print(f"{path}\t{args.size} documents\t{path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
