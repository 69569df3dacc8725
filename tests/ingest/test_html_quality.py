"""Quality gate: our HTML reader on the article-extraction benchmark (a pinned floor).

The full comparison with trafilatura alone is ``bench/html_extraction.py``; this
gate scores the first PAGES pages (sorted ids) so it stays fast.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from communique.ingest.clean import clean_text
from communique.ingest.html import extract_html

PAGES = 40
#: Measured 0.9742 (extracted) / 0.9724 (clean) on these pages; trafilatura alone 0.9464.
F1_FLOOR = 0.965


def _f1(predicted: str, gold: str) -> float:
    pred = Counter(re.findall(r"\w+", predicted.lower()))
    ref = Counter(re.findall(r"\w+", gold.lower()))
    hit = sum((pred & ref).values())
    if not hit:
        return 0.0
    p, r = hit / sum(pred.values()), hit / sum(ref.values())
    return 2 * p * r / (p + r)


def test_html_reader_f1_floor(shared: Path) -> None:
    bench = shared / "corpus" / "article-extraction-benchmark"
    if not (bench / "ground-truth.json").is_file():
        pytest.fail(f"benchmark missing under {bench}")
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    extracted, cleaned = [], []
    for key in sorted(truth)[:PAGES]:
        html = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace"
        )
        page = extract_html(html)
        text = page.text if page else ""
        gold = truth[key]["articleBody"]
        extracted.append(_f1(text, gold))
        cleaned.append(_f1(clean_text(text, menus=False).clean, gold))
    assert sum(extracted) / PAGES >= F1_FLOOR
    assert sum(cleaned) / PAGES >= F1_FLOOR
