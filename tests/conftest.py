"""Fixtures shared by the test modules: paths to the examples and the dev sets."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The example articles shipped with the project."""
    return ROOT / "examples"


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """The shared dev sets (`../shared/eval/dev` beside the repository)."""
    return ROOT.parent / "shared" / "eval" / "dev"
