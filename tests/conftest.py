"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
MAPS = ROOT / "maps"


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT
