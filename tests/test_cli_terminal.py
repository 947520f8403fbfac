"""Colour (``--color``, ``NO_COLOR``, ``FORCE_COLOR``) and fitting output to the terminal's width."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MAPS

ESC = "\x1b["
BROKEN = (
    'thesis t "Tea is good for you."\n'
    'claim c "Tea is tasty." { by: nobody_in_particular_at_all }\n'
    "c supports t\n"
    'claim far "' + "Tea " * 40 + 'is long." ' + "c supports tt\n"
)


def _environ(env: dict[str, str]) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM")}
    environ.update(env)
    return environ


def run(*args: str, cwd: Path, **env: str) -> tuple[int, str]:
    """``python -m argmap`` with a clean colour environment plus ``env``, output to a pipe."""
    command = [sys.executable, "-m", "argmap", *args]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=_environ(env))
    return proc.returncode, proc.stdout


def on_terminal(*args: str, cwd: Path, columns: int) -> str:
    """What ``python -m argmap`` writes to a terminal ``columns`` wide (a pseudo-terminal)."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    env = _environ({"COLUMNS": str(columns), "TERM": "xterm"})
    proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], stdout=follower, cwd=cwd, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    (tmp_path / "m.argmap").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_color_always_marks_codes_severities_and_carets(broken: Path) -> None:
    _, out = run("check", "--color", "always", "m.argmap", cwd=broken)
    assert f"m.argmap:2:31: {ESC}1;31mE104 [error]{ESC}0m unknown actor" in out
    assert re.search(r"\|\s+\x1b\[1;36m\^+\x1b\[0m", out), "the caret underline is coloured"


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # a pipe: no colour
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),  # the option wins over both
        (("--color", "always"), {"NO_COLOR": "1"}, True),
        ((), {"NO_COLOR": ""}, False),  # empty means unset
    ],
)
def test_when_to_colour(broken: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool) -> None:
    _, out = run("check", *args, "m.argmap", cwd=broken, **env)
    assert (ESC in out) is coloured
    _, table = run("evaluate", "--force", *args, "m.argmap", cwd=broken, **env)
    assert (ESC in table) is coloured


def test_evaluate_colours_statuses(tmp_path: Path) -> None:
    _, out = run("evaluate", "--color", "always", str(MAPS / "peace-talks.argmap"), cwd=tmp_path)
    assert f"us_prevented  {ESC}31mOUT{ESC}0m  The U.S." in out
    assert re.search(rf"^{re.escape(ESC)}32mIN{re.escape(ESC)}0m +evidence", out, re.M)
    assert "is OUT: none of its reasons holds" in out  # statuses inside sentences stay plain


def _words(text: str) -> list[str]:
    return text.split()


def test_check_fits_80_columns_without_breaking_words(broken: Path) -> None:
    _, whole = run("check", "m.argmap", cwd=broken)
    fitted = on_terminal("check", "--color", "never", "m.argmap", cwd=broken, columns=80)
    assert max(len(line) for line in whole.splitlines()) > 80
    assert max(len(line) for line in fitted.splitlines()) <= 80
    # the message and hint lines keep every word: only the excerpt (cut with …) differs
    prose = [line for line in whole.splitlines() if not re.match(r"^\d* *\|", line)]
    fitted_prose = [line for line in fitted.splitlines() if not re.match(r"^\d* *\|", line)]
    assert _words(" ".join(prose)) == _words(" ".join(fitted_prose))
    assert re.search(r"^4 \| …", fitted, re.M), "the long source line is cut to fit, marked where it is cut"


def test_evaluate_fits_80_columns_without_breaking_words(tmp_path: Path) -> None:
    path = str(MAPS / "peace-talks.argmap")
    _, whole = run("evaluate", path, cwd=tmp_path)
    fitted = on_terminal("evaluate", "--color", "never", path, cwd=tmp_path, columns=80)
    assert max(len(line) for line in whole.splitlines()) > 80
    assert max(len(line) for line in fitted.splitlines()) <= 80
    explained = [line for line in whole.splitlines() if line.startswith("  ")]
    fitted_explained = [line for line in fitted.splitlines() if line.startswith("  ")]
    assert _words(" ".join(explained)) == _words(" ".join(fitted_explained))


def test_a_terminal_gets_colour_unless_told_otherwise(broken: Path) -> None:
    assert ESC in on_terminal("check", "m.argmap", cwd=broken, columns=120)
    assert ESC not in on_terminal("check", "--color", "never", "m.argmap", cwd=broken, columns=120)


def test_piped_output_keeps_lines_whole(broken: Path) -> None:
    _, out = run("check", "--format", "full", "m.argmap", cwd=broken, COLUMNS="40")
    assert re.search(
        r"^m\.argmap:4:\d+: E101 \[error\] unknown statement `tt` \(the conclusion of `c supports tt`\)$", out, re.M
    )
    assert f'claim far "{"Tea " * 20}' in out  # the source line shown up to 100 columns
