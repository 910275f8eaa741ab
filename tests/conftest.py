"""Shared fixtures: the ../shared folder (skip when absent) and the bundled example."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# compiled resources (KB, automaton) are cached per run in a folder of the tests' own
os.environ.setdefault("KRONIEK_CACHE", tempfile.mkdtemp(prefix="kroniek-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "000_46394a742c6b9fcd.txt"
SEED_GOLD = SHARED / "examples" / "000_46394a742c6b9fcd.gold.json"
EXAMPLE = ROOT / "examples" / "001_navo_top_den_haag.txt"
EXAMPLE_GOLD = ROOT / "examples" / "001_navo_top_den_haag.gold.json"


@pytest.fixture
def shared() -> Path:
    """../shared beside the repo; tests that need it skip cleanly on a user's clone."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repo")
    return SHARED


@pytest.fixture
def seed(shared: Path) -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_record() -> dict:
    """The seed's extraction record, analysed once per test session."""
    if not SEED.is_file():
        pytest.skip("../shared is not beside the repo")
    from kroniek import Pipeline
    from kroniek.ingest.readers import read_inputs

    return Pipeline()(next(read_inputs([str(SEED)]))).record()
