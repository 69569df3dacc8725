"""Fixtures for the hardening suites: scale, tallies, the extractor, composed corpora.

``COMMUNIQUE_FUZZ_SCALE`` (default 1) multiplies every fuzz budget and the number
of injected faults, so a long run is one command away
(``COMMUNIQUE_FUZZ_SCALE=20 python -m pytest tests/hardening`` or
``python tools/reliability.py --long``). Seeds are fixed: a run is repeatable.

``COMMUNIQUE_RELIABILITY_OUT`` names a JSON file where the session writes what it
tried (inputs, faults, checks): ``tools/reliability.py`` reads it into RELIABILITY.md.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from communique.extract import Extractor
from communique.ingest import LanguageDetector
from communique.settings import Settings

#: The CLI as a subprocess, independent of how the console script was installed.
CLI = (sys.executable, "-c", "from communique.cli.main import main; main()")


def fuzz_scale() -> int:
    """The budget multiplier from ``COMMUNIQUE_FUZZ_SCALE`` (at least 1)."""
    try:
        return max(1, int(os.environ.get("COMMUNIQUE_FUZZ_SCALE", "1")))
    except ValueError:
        return 1


def fuzz(examples: int) -> settings:
    """Derandomised Hypothesis settings: ``examples`` x COMMUNIQUE_FUZZ_SCALE inputs,
    no deadline (the machine is shared; hangs are caught by explicit time limits)."""
    return settings(
        derandomize=True,
        max_examples=examples * fuzz_scale(),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


class Tally:
    """Counts of what the suites tried, by (suite, kind); written out at session end."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, suite: str, kind: str, n: int = 1) -> None:
        """Count ``n`` more of ``kind`` (an input class, a fault, a check) in ``suite``."""
        self.counts[(suite, kind)] += n

    def to_json(self) -> list[dict[str, object]]:
        """Rows sorted by suite and kind (stable for the report)."""
        return [{"suite": s, "kind": k, "count": n} for (s, k), n in sorted(self.counts.items())]


@pytest.fixture(scope="session")
def tally() -> Iterator[Tally]:
    t = Tally()
    yield t
    out = os.environ.get("COMMUNIQUE_RELIABILITY_OUT")
    if out:
        Path(out).write_text(json.dumps(t.to_json(), indent=1), encoding="utf-8")


@pytest.fixture(scope="session")
def scale() -> int:
    return fuzz_scale()


@pytest.fixture(scope="session")
def detector() -> LanguageDetector:
    return LanguageDetector.build()


@pytest.fixture(scope="session")
def en_detector() -> LanguageDetector:
    """English and Russian only: fuzzed text always reaches an extraction front-end."""
    return LanguageDetector.build(("en", "ru"))


@pytest.fixture(scope="session")
def hard_extractor() -> Extractor:
    """One Extractor (the spaCy model) for the whole session, with a short time limit
    so that the timeout path is reached by the pathological inputs."""
    return Extractor.load(Settings(doc_seconds=2.0))
