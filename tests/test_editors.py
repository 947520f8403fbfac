"""Editors talking to the real ``argmap lsp``, where the editor is installed (skipped otherwise)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "editors" / "neovim" / "diagnostics.lua"


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovim_shows_the_servers_diagnostics(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    path = tmp_path / "bad.argmap"
    path.write_text('thesis t "T"\nclaim c "C"\nc supports tt\n')
    argmap = Path(sys.executable).with_name("argmap")
    env = {**os.environ, "ARGMAP_FILE": str(path), "ARGMAP_LSP": str(argmap)}
    done = subprocess.run(
        ["nvim", "--headless", "-u", "NONE", "-c", f"luafile {SCRIPT}"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = done.stdout.replace("\r", "\n").splitlines()
    assert "arrived" in lines
    assert "3:12 E101 unknown statement `tt` (the conclusion of `c supports tt`) hint: did you mean `t`?" in lines


EMACS_SCRIPT = Path(__file__).resolve().parents[1] / "editors" / "emacs" / "diagnostics.el"


def _eglot() -> bool:
    """Whether Emacs is installed with Eglot (built in from Emacs 29, a package before)."""
    if shutil.which("emacs") is None:
        return False
    found = subprocess.run(
        ["emacs", "--batch", "--eval", "(require 'eglot)"], capture_output=True, text=True, timeout=60
    )
    return found.returncode == 0


@pytest.mark.skipif(not _eglot(), reason="Emacs with Eglot is not installed")
def test_emacs_eglot_shows_the_servers_diagnostics(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    path = tmp_path / "bad.argmap"
    path.write_text('thesis t "T"\nclaim c "C"\nc supports tt\n')
    argmap = Path(sys.executable).with_name("argmap")
    env = {**os.environ, "ARGMAP_FILE": str(path), "ARGMAP_LSP": str(argmap)}
    done = subprocess.run(
        ["emacs", "--batch", "-l", str(EMACS_SCRIPT)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = done.stdout.splitlines()
    assert "arrived" in lines
    unknown = "unknown statement `tt` (the conclusion of `c supports tt`) hint: did you mean `t`?"
    assert any(line.startswith("3:12 ") and "E101" in line and line.endswith(unknown) for line in lines), lines
