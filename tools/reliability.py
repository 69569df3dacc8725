"""Run the hardening suites and regenerate RELIABILITY.md from what they did.

Usage::

    python tools/reliability.py            # the CI budget (a few minutes, fixed seeds)
    python tools/reliability.py --long     # 20x every fuzz budget and fault count
    python tools/reliability.py --scale 5  # any multiplier
    python tools/reliability.py --no-write # run and print, leave RELIABILITY.md alone

The suites (``tests/hardening``) count what they try (inputs per class, faults
injected, checks made) into a JSON file named by ``COMMUNIQUE_RELIABILITY_OUT``;
pytest's JUnit XML gives passed/failed per test and the time each suite took.
The report lists those numbers, and the failures these suites found in the code
and how they were fixed (:data:`FIXES`, kept by hand: a finding is history, not
something a run can rediscover once fixed). Exit status: 0 when every test passed
(zero unhandled failures), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITES = "tests/hardening"
LONG_SCALE = 20


@dataclass(frozen=True, slots=True)
class Fix:
    """A failure a hardening suite found, and the change that fixed it."""

    area: str
    files: str
    found_by: str
    failure: str
    fix: str


#: Failures found by these suites and fixed (newest last). Keep in step with the code.
FIXES: tuple[Fix, ...] = (
    Fix(
        "readers",
        "src/communique/ingest/readers.py",
        "test_jsonl_huge_line_is_not_held_in_memory",
        "a JSONL line over the size limit was read whole into memory before the check "
        "(a 16 MB line held >16 MB; a multi-GB line would exhaust memory)",
        "lines are read at most max_bytes+1 at a time; the rest is skipped in 1 MB "
        "chunks and only counted (peak now < 4 MB for a 16 MB line)",
    ),
    Fix(
        "readers",
        "src/communique/ingest/readers.py",
        "test_gzip_bomb_warc_is_rejected_before_inflating",
        "a 1.1 MB .warc.gz declaring a 1 GB record was inflated in full (3.6 s) before "
        "'too-large'; a 20 MB bomb costs ~70 s",
        "records' declared lengths are summed before each record is read or skipped; "
        "over max(max_bytes, 100x the file size) the archive is rejected unread (0.03 s)",
    ),
    Fix(
        "readers",
        "src/communique/ingest/readers.py",
        'test_jsonl_with_wrong_types (Hypothesis: {"id": 0, "html": ""})',
        "a JSONL line with an empty 'html' string was rejected without its line number "
        "('no article text found in the HTML'), against the Rejection contract",
        "an empty or blank 'html' is rejected by the reader: \"line N: empty 'html'\"",
    ),
    Fix(
        "readers",
        "src/communique/ingest/readers.py",
        "test_random_bytes_in_every_format[.jsonl] (Hypothesis: a file holding b'\\t')",
        "a non-empty JSONL file of blank lines yielded nothing at all: the input vanished "
        "without a Rejection or a count",
        "it is rejected as 'empty': \"the JSONL file holds only blank lines\"",
    ),
    Fix(
        "readers",
        "src/communique/ingest/readers.py",
        "test_mutated_warc[warc.gz] (Hypothesis: first byte of the gzip header zeroed)",
        "a malformed WARC's Rejection quoted warcio's whole message: 598 characters of "
        "escaped binary bytes instead of one clear line",
        "the quoted parser message is cut at 160 characters",
    ),
    Fix(
        "extraction",
        "src/communique/extract/english.py",
        "test_pathological_documents_stay_in_time / test_huge_trigger_page_...",
        "the per-document time limit was not checked in the people-finding passes: "
        "a 1.4 MB trigger-dense page took 10.6 s under a 1 s limit (~40 s uncapped)",
        "both passes stop looking for people once the deadline has passed (1.2 s)",
    ),
    Fix(
        "extraction",
        "src/communique/extract/__init__.py, pipeline.py, runners/engines.py",
        "test_huge_trigger_page_is_cut_short_with_a_timeout_rejection",
        "a document cut short by settings.doc_seconds passed silently (no Rejection)",
        "Extractor.extract_checked returns a Rejection(stage='extract', code='timeout'); "
        "ingest stores and counts it, keeping the events found before the limit",
    ),
    Fix(
        "store / ingest",
        "src/communique/store/schema.py, store/db.py, runners/engines.py",
        "test_sigkill_at_random_points",
        "a SIGKILL between storing a document and storing its events lost those events "
        "for good: the re-run saw the document 'unchanged' and skipped extraction "
        "(round 1: 2 of 111 per-document events and 2 merged events missing)",
        "migration 2 adds an 'extracted' marker written in the events' transaction; "
        "Store.needs_extraction(doc) makes the re-run extract such documents",
    ),
    Fix(
        "store / concurrency",
        "src/communique/store/db.py",
        "test_two_ingests_into_one_database, then test_processes_creating_one_new_...",
        "two ingests started at once on a new database: one exited 1 at start with "
        "'database is locked' (switching to WAL got SQLITE_BUSY at once, no busy wait); "
        "3 of 120 simultaneous opens failed",
        "the switch to WAL is retried until the busy timeout (0 of 120 fail)",
    ),
    Fix(
        "pipeline / store (found by review while writing the two-writer test)",
        "src/communique/store/db.py (Store.exclusive), src/communique/pipeline.py",
        "test_exclusive_step_keeps_other_writers_out_and_is_atomic",
        "refresh_store read every event, resolved and merged, then wrote in separate "
        "transactions: a second ingest could write in between and have its events "
        "overwritten by merged events computed without them; a kill mid-refresh left "
        "half of it",
        "refresh_store runs inside Store.exclusive(): one transaction from its read to "
        "its last write (other writers wait, then fail with 'locked by another writer')",
    ),
)


def run_suites(scale: int, extra: list[str]) -> tuple[int, Path, Path]:
    """Run pytest over the suites; return its exit code, the JUnit XML and the tally."""
    tmp = Path(tempfile.mkdtemp(prefix="reliability-"))
    junit, tally = tmp / "junit.xml", tmp / "tally.json"
    env = {
        **os.environ,
        "COMMUNIQUE_FUZZ_SCALE": str(scale),
        "COMMUNIQUE_RELIABILITY_OUT": str(tally),
    }
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        SUITES,
        "-p",
        "no:cacheprovider",
        f"--junitxml={junit}",
        "-q",
        *extra,
    ]
    print("$", " ".join(cmd), f"(COMMUNIQUE_FUZZ_SCALE={scale})", file=sys.stderr)
    code = subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
    return code, junit, tally


def read_junit(path: Path) -> tuple[dict[str, int], dict[str, tuple[int, float]], list[str]]:
    """Totals, (tests, seconds) per suite file, and the ids of failed tests."""
    totals = {"tests": 0, "passed": 0, "failed": 0, "errors": 0, "skipped": 0}
    per_file: dict[str, list[float]] = defaultdict(list)
    failed: list[str] = []
    if not path.exists():
        return totals, {}, ["pytest wrote no report"]
    for case in ET.parse(path).getroot().iter("testcase"):
        module = case.get("classname", "").rsplit(".", 1)[-1]
        per_file[module].append(float(case.get("time", "0")))
        totals["tests"] += 1
        kinds = {child.tag for child in case}
        if "failure" in kinds:
            totals["failed"] += 1
            failed.append(f"{module}::{case.get('name')}")
        elif "error" in kinds:
            totals["errors"] += 1
            failed.append(f"{module}::{case.get('name')} (error)")
        elif "skipped" in kinds:
            totals["skipped"] += 1
        else:
            totals["passed"] += 1
    return totals, {k: (len(v), sum(v)) for k, v in sorted(per_file.items())}, failed


def render(
    scale: int,
    totals: dict[str, int],
    per_file: dict[str, tuple[int, float]],
    failed: list[str],
    tally: list[dict[str, object]],
) -> str:
    """RELIABILITY.md as text."""
    unhandled = totals["failed"] + totals["errors"]
    when = datetime.now(UTC).replace(microsecond=0).isoformat()
    lines = [
        "# Reliability report",
        "",
        (
            f"Generated by `python tools/reliability.py{' --long' if scale == LONG_SCALE else ''}`"
            f" on {when} (COMMUNIQUE_FUZZ_SCALE={scale}; fixed seeds: Hypothesis derandomised,"
            " crash delays from `random.Random(20261125)`). Do not edit by hand: re-run the tool."
        ),
        "",
        (
            f"**Unhandled failures: {unhandled}** ({totals['passed']} of {totals['tests']} "
            f"tests passed, {totals['failed']} failed, {totals['errors']} errors, "
            f"{totals['skipped']} skipped)."
        ),
        "",
    ]
    if failed:
        lines += ["Failing now:", "", *[f"- `{f}`" for f in failed], ""]
    lines += ["## Suites", "", "| suite | tests | seconds |", "|---|---:|---:|"]
    lines += [f"| `{name}` | {n} | {secs:.1f} |" for name, (n, secs) in per_file.items()]
    lines += ["", "## Inputs tried, faults injected, checks made", ""]
    lines += ["| suite | what | count |", "|---|---|---:|"]
    lines += [f"| {r['suite']} | {r['kind']} | {r['count']} |" for r in tally]
    lines += [
        "",
        f"## Failures found and fixed: {len(FIXES)}",
        "",
        "| # | area | found by | failure | fix | files |",
        "|---:|---|---|---|---|---|",
    ]
    for i, fix in enumerate(FIXES, 1):
        lines.append(
            f"| {i} | {fix.area} | `{fix.found_by}` | {fix.failure} | {fix.fix} | {fix.files} |"
        )
    lines += [
        "",
        "## How to reproduce",
        "",
        "- CI budget: `python tools/reliability.py` (or `python -m pytest tests/hardening`).",
        (
            f"- Long run: `python tools/reliability.py --long` (x{LONG_SCALE} examples and "
            f"kills), or `COMMUNIQUE_FUZZ_SCALE={LONG_SCALE} make test`."
        ),
        "- Threat model and defences: SECURITY.md.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run, report, and exit 0 only when nothing failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--long", action="store_true", help=f"scale {LONG_SCALE}")
    parser.add_argument("--scale", type=int, default=1, help="budget multiplier (default 1)")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite RELIABILITY.md")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args(argv)
    scale = LONG_SCALE if args.long else max(1, args.scale)
    code, junit, tally_path = run_suites(scale, args.pytest_args)
    totals, per_file, failed = read_junit(junit)
    tally = json.loads(tally_path.read_text()) if tally_path.exists() else []
    report = render(scale, totals, per_file, failed, tally)
    if not args.no_write:
        (ROOT / "RELIABILITY.md").write_text(report, encoding="utf-8")
        print(f"wrote {ROOT / 'RELIABILITY.md'}", file=sys.stderr)
    else:
        print(report)
    unhandled = totals["failed"] + totals["errors"]
    print(f"tests {totals['tests']}, unhandled failures {unhandled}", file=sys.stderr)
    return 0 if code == 0 and unhandled == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
