"""Fixtures of the merge tests: gold events built at test time (see goldset.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from goldset import GoldSet, gold_events


@pytest.fixture(scope="session")
def seeds_gold(shared: Path) -> GoldSet:
    return gold_events(shared / "gold" / "seeds.jsonl")


@pytest.fixture(scope="session")
def dev_gold(shared: Path) -> GoldSet:
    return gold_events(shared / "gold" / "dev_pages.jsonl")
