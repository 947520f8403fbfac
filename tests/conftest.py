"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
MAPS = ROOT / "maps"


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT


def argmap_process(*args: str, stdin: str | None = None, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run ``python -m argmap`` as a user would: exit code, standard output, standard error."""
    proc = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, input=stdin, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr
