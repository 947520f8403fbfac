"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "cases"
MAPS = ROOT / "maps"

# Hypothesis profiles, chosen by HYPOTHESIS_PROFILE: `dev` (the default) tries a
# few examples per property so that the suite runs in well under a minute;
# `ci` (what .ci/run uses) tries thousands in all. A test that needs more or
# fewer examples than the profile's count asks for `scaled(n)`.
CI_EXAMPLES = 500
_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("dev", max_examples=25, **_COMMON)
settings.register_profile("ci", max_examples=CI_EXAMPLES, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
#: The thorough run (CI's): every property at full strength, and the tests marked ``slow`` too.
THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "ci"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Leave the tests marked ``slow`` (whole tools installed from scratch) to the thorough run."""
    if THOROUGH:
        return
    skip = pytest.mark.skip(reason="slow: runs in the thorough run (HYPOTHESIS_PROFILE=ci), as in CI")
    for item in items:
        if item.get_closest_marker("slow"):
            item.add_marker(skip)


def scaled(ci_examples: int) -> int:
    """Examples for a property that tries ``ci_examples`` in the ``ci`` profile, proportionally fewer in ``dev``.

    Never fewer than 10 (or ``ci_examples`` when that is smaller), so that a
    quick run still tries something.
    """
    share = ci_examples * settings.default.max_examples // CI_EXAMPLES
    return max(min(ci_examples, 10), share)


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT


def argmap_process(*args: str, stdin: str | None = None, cwd: Path | None = None) -> tuple[int, str, str]:
    """Run ``python -m argmap`` as a user would: exit code, standard output, standard error."""
    proc = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, input=stdin, cwd=cwd)
    return proc.returncode, proc.stdout, proc.stderr
