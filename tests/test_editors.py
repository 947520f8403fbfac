"""Editors talking to the real ``argmap lsp``, where the editor is installed (skipped otherwise)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "editors" / "neovim" / "diagnostics.lua"


#: The map each editor opens, and the diagnostic it must show, as ``line:column CODE message``.
BAD = 'thesis t "T"\nclaim c "C"\nc supports tt\n'
UNKNOWN = "unknown statement `tt` (the conclusion of `c supports tt`) hint: did you mean `t`?"


def shown(tmp_path: Path, editor: list[str]) -> list[str]:
    """The lines an editor's script prints after opening :data:`BAD` with ``argmap lsp`` attached."""
    pytest.importorskip("pygls")
    path = tmp_path / "bad.argmap"
    path.write_text(BAD)
    argmap = Path(sys.executable).with_name("argmap")
    env = {**os.environ, "ARGMAP_FILE": str(path), "ARGMAP_LSP": str(argmap)}
    done = subprocess.run(editor, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    return done.stdout.replace("\r", "\n").splitlines()


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovim_shows_the_servers_diagnostics(tmp_path: Path) -> None:
    lines = shown(tmp_path, ["nvim", "--headless", "-u", "NONE", "-c", f"luafile {SCRIPT}"])
    assert "arrived" in lines
    assert f"3:12 E101 {UNKNOWN}" in lines


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
    lines = shown(tmp_path, ["emacs", "--batch", "-l", str(EMACS_SCRIPT)])
    assert "arrived" in lines
    assert any(line.startswith("3:12 ") and "E101" in line and line.endswith(UNKNOWN) for line in lines), lines
