"""Shared fixtures: where ../shared is, the seeds, temporary databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared beside the checkout, or $COMMUNIQUE_SHARED."""
    env = os.environ.get("COMMUNIQUE_SHARED")
    path = Path(env) if env else ROOT.parent / "shared"
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "corpus" / "seeds").is_dir():
        pytest.fail(f"../shared not found at {path}; set COMMUNIQUE_SHARED")
    return path


@pytest.fixture(scope="session")
def seeds_dir(shared: Path) -> Path:
    return shared / "corpus" / "seeds"


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> dict[str, Path]:
    """Seed files by their 3-digit prefix: {'000': Path, ...}."""
    return {p.name[:3]: p for p in sorted(seeds_dir.glob("*.txt"))}
