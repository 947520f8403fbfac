"""`argmap render --evaluate`: statuses drawn on the map, with what-ifs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.cli import exit_codes, main

TEA = """
thesis t "Tea is good for you."
evidence e "Tea contains antioxidants."
objection o "A cup holds too few antioxidants to matter."
objection r "Several cups a day add up."
argument health: e => t
o undercuts health
r attacks o
"""


@pytest.fixture
def tea(tmp_path: Path) -> Path:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA, encoding="utf-8")
    return path


def statuses_in(dot: str) -> dict[str, str]:
    """Node id (in the map graph) -> status class, read from the DOT output."""
    pattern = r'^\t"?(?:statement|inference)-([\w.]+)"? \[.*class="[^"]*status-(in|out|undecided)"'
    return dict(re.findall(pattern, dot, re.M))


def render(tea: Path, *args: str) -> tuple[int, str]:
    out = tea.with_suffix(".dot")
    code = main(["render", str(tea), "-o", str(out), *args])
    return code, out.read_text(encoding="utf-8") if out.exists() else ""


def test_statuses_are_drawn_with_a_badge_and_a_legend(tea: Path) -> None:
    code, dot = render(tea, "--evaluate")
    assert code == exit_codes.OK
    assert statuses_in(dot) == {
        "t": "in",
        "e": "in",
        "o": "out",
        "r": "in",
        "health": "in",
        "o.undercuts.health": "out",
        "r.attacks.o": "in",
    }
    assert "<B>OUT</B>" in dot  # the word survives greyscale, not only the colour
    assert 'id="argmap-legend-undecided"' in dot


def test_what_ifs_change_the_picture(tea: Path) -> None:
    code, dot = render(tea, "--evaluate", "--reject", "r")
    assert code == exit_codes.OK
    assert statuses_in(dot)["t"] == "out"
    code, dot = render(tea, "--evaluate", "--semantics", "stable", "--assume", "o")
    assert statuses_in(dot)["health"] == "out"


def test_without_evaluate_no_statuses(tea: Path) -> None:
    code, dot = render(tea)
    assert code == exit_codes.OK and statuses_in(dot) == {} and "argmap-legend-undecided" not in dot


def test_what_ifs_need_evaluate(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = render(tea, "--reject", "r")
    assert code == exit_codes.USAGE
    assert "--semantics, --assume, --reject and --distrust need --evaluate" in capsys.readouterr().err


def test_unknown_ids_exit_2(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = render(tea, "--evaluate", "--reject", "rr")
    assert code == exit_codes.USAGE
    assert "cannot reject `rr`: no statement or inference has that id (did you mean `r`?)" in capsys.readouterr().err
