"""The documentation says what the tool does: its examples are run and compared."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.model.diagnostics import CODES

from .conftest import CASES, ROOT, argmap_process

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


def test_readme_example_and_its_check_output(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```argmap\n(.*?)```", readme, re.S).group(1)  # type: ignore[union-attr]
    path = tmp_path / "tea.argmap"
    path.write_text(example, encoding="utf-8")
    assert argmap_process("check", "--strict", "tea.argmap", cwd=tmp_path)[0] == 0
    path.write_text(example.replace("dose undercuts health", "dose undercuts helth"), encoding="utf-8")
    shown = re.search(r"```console\n\$ argmap check tea.argmap\n(.*?)```", readme, re.S).group(1)  # type: ignore[union-attr]
    assert argmap_process("check", "tea.argmap", cwd=tmp_path)[1] == shown


def test_readme_first_screen_gives_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)```", readme, re.S).group(1).splitlines()  # type: ignore[union-attr]
    assert first == [
        "pip install . && argmap render maps/peace-talks.argmap -o peace-talks.svg",
        "pip install -e '.[test]' && pytest",
    ]
    assert "pip install -e '.[test]' && pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_picture_is_the_article_s_conclusion_drawn_now() -> None:
    """The README shows the part of the article's map around its conclusion (it fits a page) and links the whole map.

    ``argmap render --check --out-dir docs/ maps/`` covers the whole maps; this picture is
    made by another command, so it is checked here: drawn again, byte for byte.
    """
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/peace-talks-us_prevented.svg)](docs/peace-talks.svg)" in readme
    assert "render maps/peace-talks.argmap --focus us_prevented --depth 2" in readme
    m = argmap.load(ROOT / "maps" / "peace-talks.argmap")
    drawn = argmap.render(m, focus="us_prevented", depth=2)
    assert (ROOT / "docs" / "peace-talks-us_prevented.svg").read_bytes() == drawn
    width = float(re.search(rb'<svg width="([\d.]+)pt"', drawn).group(1))  # type: ignore[union-attr]
    assert width * 96 / 72 <= 2400  # it reads at page width


def test_the_article_s_atlas_in_the_docs_is_drawn_now(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/atlas/ holds the article's atlas (``render --split sections``), linked from the rendering guide."""
    from argmap.cli import main
    from argmap.cli.exit_codes import OK

    assert "(atlas/peace-talks.svg)" in (ROOT / "docs" / "rendering.md").read_text(encoding="utf-8")
    args = ["--check", "--split", "sections", "--out-dir", str(ROOT / "docs" / "atlas")]
    assert main(["render", *args, str(ROOT / "maps" / "peace-talks.argmap")]) == OK, capsys.readouterr().err
