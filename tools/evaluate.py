"""Score communique on every gold file in ../shared with the project's scorer.

Usage::

    python tools/evaluate.py              # seeds, dev_pages, dev_news, plover
    python tools/evaluate.py --keep DIR   # also keep inputs, predictions and the
                                          # scorer's FN/FP/DATE/SPLIT lines in DIR

For each gold file the texts are written as ``communique extract`` input (JSON
Lines: id, text, published, and url where the gold records one), extracted once, and scored by
``../shared/eval/score.py`` per document and, where the gold has clusters of
reports, in corpus mode (``--corpus``: merged records, merge recall). The seeds
are read from their files in ``../shared/corpus/seeds`` as a user would. The
printed table is what closing notes quote; nothing here is tuned to the gold.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: (gold file, score in corpus mode too?)
SETS = (("seeds", True), ("dev_pages", True), ("dev_news", False), ("plover", False))
COLUMNS = (
    ("f1", "F1"),
    ("precision", "P"),
    ("recall", "R"),
    ("date_acc", "date"),
    ("location_country_acc", "loc"),
    ("role_acc", "role"),
    ("participant_canonical_acc", "canon"),
    ("merge_recall", "merge"),
    ("overmerged_records", "over"),
    ("events_fp", "FP"),
)


def shared_dir() -> Path:
    """../shared beside the checkout, or $COMMUNIQUE_SHARED."""
    env = os.environ.get("COMMUNIQUE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def gold_as_input(gold: Path, dest: Path) -> Path:
    """The gold documents as ``communique extract`` input (no annotation)."""
    with dest.open("w", encoding="utf-8") as fh:
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                row = {"id": d["doc_id"], "text": d["text"], "published": d.get("published")}
                if d.get("url"):
                    row["url"] = d["url"]  # collected with the text, as a crawl would
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return dest


def extract(inputs: list[Path], out: Path, per_document: bool) -> None:
    """Run the real command, as a user would."""
    exe = Path(sys.executable).with_name("communique")
    cmd = [str(exe), "extract", *map(str, inputs)] + (["--per-document"] if per_document else [])
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"extract failed on {inputs}: {proc.stderr[-2000:]}")


def score(shared: Path, gold: Path, pred: Path, corpus: bool, keep: Path | None) -> dict:
    """The scorer's result (its last JSON line); its detail lines go to ``keep``."""
    cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred)]
    proc = subprocess.run(
        cmd + (["--corpus"] if corpus else []), capture_output=True, text=True, check=True
    )
    lines = proc.stdout.splitlines()
    if keep is not None:
        (keep / f"{pred.stem}{'.corpus' if corpus else ''}.score").write_text(proc.stdout)
    return json.loads(next(line for line in reversed(lines) if line.startswith("{")))


def evaluate(shared: Path, work: Path, keep: Path | None) -> list[tuple[str, dict]]:
    """Every gold set, per document and (where clustered) in corpus mode."""
    rows = []
    for name, clustered in SETS:
        gold = shared / "gold" / f"{name}.jsonl"
        if name == "seeds":
            inputs = sorted((shared / "corpus" / "seeds").glob("*.txt"))
        else:
            inputs = [gold_as_input(gold, work / f"{name}.in.jsonl")]
        for corpus in (False, True) if clustered else (False,):
            pred = work / f"{name}{'.merged' if corpus else ''}.jsonl"
            extract(inputs, pred, per_document=not corpus)
            label = f"{name} ({'corpus' if corpus else 'per document'})"
            rows.append((label, score(shared, gold, pred, corpus, keep)))
    return rows


def table(rows: list[tuple[str, dict]]) -> str:
    """A Markdown table of the scores."""
    head = "| set | " + " | ".join(label for _, label in COLUMNS) + " |"
    out = [head, "|" + "---|" * (len(COLUMNS) + 1)]
    for label, res in rows:
        cells = ["" if res.get(key) is None else str(res[key]) for key, _ in COLUMNS]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep inputs, predictions and scores here")
    args = parser.parse_args(argv)
    shared = shared_dir()
    if not (shared / "gold").is_dir():
        print(f"no gold files at {shared}; set COMMUNIQUE_SHARED", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(table(evaluate(shared, work, args.keep)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
