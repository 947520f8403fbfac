"""The documentation says what the tool does: its examples are run and compared."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import argmap
from argmap.diagnostics import CODES

from .conftest import CASES, ROOT

DIAGNOSTICS = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```console\n\$ argmap check --format concise (\S+)\n(.*?)```", DIAGNOSTICS, re.S)


def test_every_code_is_documented_with_an_example() -> None:
    for code in CODES.values():
        section = re.search(rf"^## {code.code} {code.name}\n(.*?)(?=^## |\Z)", DIAGNOSTICS, re.S | re.M)
        assert section, f"{code.code} has no section"
        assert "```console" in section.group(1), f"{code.code} has no example"
        assert f"| `{code.name}` |" in DIAGNOSTICS


@pytest.mark.parametrize(("path", "shown"), EXAMPLES, ids=[p for p, _ in EXAMPLES])
def test_diagnostics_examples_match_the_tool(path: str, shown: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--format", "concise", path],
        cwd=CASES,
        capture_output=True,
        text=True,
    )
    printed = run.stdout.splitlines()
    for line in shown.strip().splitlines():
        assert line in printed


def test_language_page_examples_are_valid_argmap() -> None:
    page = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```argmap\n(.*?)```", page, re.S)
    checked = 0
    for block in blocks:
        if "..." in block:
            continue  # a fragment with elisions
        argmap.loads(block)  # raises on a syntax error
        checked += 1
    assert checked >= 3
