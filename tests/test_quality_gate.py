"""Quality gate: `communique extract --per-document` on the seeds and the English dev
documents, scored by ../shared/eval/score.py, must not fall below pinned floors.

Floors sit slightly below the measured scores (see the report in the commit); raise them
when extraction improves, never lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

#: Pinned below the measured seed scores (stop 11: F1 0.947 per document, date/location/
#: role 1.0); the issue's acceptance targets (F1 0.90, date 0.90, location 0.90, role
#: 0.85) are lower. Per document, seed 004's undated "Joint Action Program" signing
#: (optional in the gold) takes the 2013 gold by the scorer's tie-break: one FP, one FN.
SEED_FLOORS = {"f1": 0.94, "date_acc": 0.95, "location_country_acc": 0.95, "role_acc": 0.95}
#: Pinned below the measured dev scores (English documents of dev_pages + dev_news;
#: stop 11: F1 0.93, P 1.0, R 0.868, date 1.0).
DEV_FLOORS = {"f1": 0.90, "precision": 0.97, "recall": 0.83, "date_acc": 0.90}
#: Pinned precision test on the PLOVER sentences (293 of 322 report no event).
PLOVER_MAX_FP = 2
#: ... and its recall on the few that do (stop 11: 1.0).
PLOVER_MIN_RECALL = 0.95


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("communique_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extract(tmp_path: Path, *inputs: Path, merged: bool = False) -> Path:
    exe = Path(sys.executable).with_name("communique")
    out = tmp_path / ("merged.jsonl" if merged else "pred.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(
            [str(exe), "extract", *map(str, inputs)] + ([] if merged else ["--per-document"]),
            stdout=fh,
            stderr=subprocess.PIPE,
            text=True,
            timeout=600,
            check=False,
        )
    assert proc.returncode == 0, proc.stderr
    return out


def _as_input(gold: Path, dest: Path) -> Path:
    with dest.open("w", encoding="utf-8") as fh:
        for line in gold.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            fh.write(
                json.dumps(
                    {"id": d["doc_id"], "text": d["text"], "published": d.get("published")},
                    ensure_ascii=False,
                )
                + "\n"
            )
    return dest


def _score(
    shared: Path, gold: Path, pred: Path, capsys: pytest.CaptureFixture[str], *flags: str
) -> dict[str, Any]:
    res: dict[str, Any] = _scorer(shared).main([str(gold), str(pred), "--json", *flags])
    capsys.readouterr()
    return res


@pytest.mark.slow
def test_seed_scores_meet_the_targets(
    shared: Path, seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    res = _score(shared, shared / "gold" / "seeds.jsonl", _extract(tmp_path, seeds_dir), capsys)
    for key, floor in SEED_FLOORS.items():
        assert res[key] is not None and res[key] >= floor, (key, res)


@pytest.mark.slow
def test_seeds_merged_one_record_per_real_event(
    shared: Path, seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 5's acceptance on the real pipeline: `communique extract` (merged) on the
    seeds, scored with ``--corpus``: every event two or more seeds report is one record,
    no record mixes two events, and seed 000's July 25 events carry 2017-07-25."""
    pred = _extract(tmp_path, seeds_dir, merged=True)
    res = _score(shared, shared / "gold" / "seeds.jsonl", pred, capsys, "--corpus")
    assert res["merge_recall"] == 1.0 and res["overmerged_records"] == 0, res
    records = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    july = [
        r
        for r in records
        if any(s["doc_id"].startswith("000") for s in r["sources"])
        and (r["date"] or "").endswith("07-25")
    ]
    assert july and all(r["date"] == "2017-07-25" for r in july), july


@pytest.mark.slow
def test_dev_scores_stay_above_floors(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "dev_gold.jsonl"
    lines = [
        line
        for name in ("dev_pages.jsonl", "dev_news.jsonl")
        for line in (shared / "gold" / name).read_text(encoding="utf-8").splitlines()
        if json.loads(line).get("lang") in (None, "en")
    ]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pred = _extract(tmp_path, _as_input(gold, tmp_path / "dev_in.jsonl"))
    res = _score(shared, gold, pred, capsys)
    for key, floor in DEV_FLOORS.items():
        assert res[key] >= floor, (key, res)


@pytest.mark.slow
def test_plover_sentences_give_few_false_positives(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = shared / "gold" / "plover.jsonl"
    pred = _extract(tmp_path, _as_input(gold, tmp_path / "plover_in.jsonl"))
    res = _score(shared, gold, pred, capsys)
    assert res["events_fp"] <= PLOVER_MAX_FP, res
    assert res["recall"] >= PLOVER_MIN_RECALL, res
