"""`argmap evaluate`: output formats, semantics, what-ifs, critical points and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from argmap.cli import exit_codes, main

from .conftest import MAPS

PEACE = str(MAPS / "peace-talks.argmap")

TEA = """
actor ann "Ann"
source lab "A lab report"
thesis t "Tea is good for you."
evidence e "Tea contains antioxidants." { by: ann, source: lab }
objection o "A cup holds too few antioxidants to matter."
claim a "A"
claim b "B"
argument health: e => t
o undercuts health
a contradicts b
a supports t
"""


@pytest.fixture
def tea(tmp_path: Path) -> str:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA, encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["evaluate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_lists_theses_explained_then_every_statement(capsys: pytest.CaptureFixture[str], tea: str) -> None:
    code, out, err = run(capsys, tea)
    assert code == exit_codes.OK and not err
    assert out.startswith("grounded semantics\n\nTheses\n\nt  UNDECIDED  Tea is good for you.\n")
    assert "  `t` is UNDECIDED: none of its reasons is settled." in out
    assert "Statements: 2 IN, 0 OUT, 3 UNDECIDED" in out
    assert "IN         evidence   e   Tea contains antioxidants." in out


def test_json(capsys: pytest.CaptureFixture[str], tea: str) -> None:
    code, out, _ = run(capsys, tea, "--format", "json", "--critical", "--explain", "health")
    assert code == exit_codes.OK
    data = json.loads(out)
    assert data["semantics"] == "grounded" and data["extensions"] == 1
    assert data["counts"] == {"in": 2, "out": 0, "undecided": 3}
    assert [s["id"] for s in data["statements"]] == ["t", "e", "o", "a", "b"]
    assert data["theses"][0]["explanation"]["status"] == "undecided"
    critical = data["theses"][0]["critical"]
    assert [(p["kind"], p["id"], p["after"]) for p in critical] == [
        ("statement", "a", "out"),
        ("statement", "b", "in"),
        ("statement", "o", "in"),
        ("inference", "a supports t", "out"),
        ("inference", "o undercuts health", "in"),
    ]
    assert data["explanations"][0]["subject"] == "health"
    assert {i["key"]: i["status"] for i in data["inferences"]} == {
        "health": "out",
        "o undercuts health": "in",
        "a supports t": "undecided",
    }


def test_preferred_and_stable_mark_credulous_acceptance(capsys: pytest.CaptureFixture[str], tea: str) -> None:
    code, out, _ = run(capsys, tea, "--semantics", "preferred")
    assert code == exit_codes.OK
    assert out.startswith("preferred semantics, 2 extensions; IN and OUT hold in every extension\n")
    assert "UNDECIDED*  claim" in out
    code, out, _ = run(capsys, tea, "--semantics", "stable", "--format", "json")
    data = json.loads(out)
    assert data["extensions"] == 2
    assert {s["id"]: s["credulous"] for s in data["statements"]}["a"] is True


def test_what_ifs(capsys: pytest.CaptureFixture[str], tea: str) -> None:
    code, out, _ = run(capsys, tea, "--reject", "o", "--reject", "b", "--distrust", "lab", "--assume", "e")
    assert code == exit_codes.OK
    assert "What-if: assume e; reject o, b; distrust lab (3 statements forced)" in out
    assert "t  IN  Tea is good for you." in out
    assert "IN (assumed)    evidence   e" in out
    assert "OUT (rejected)  claim      b   B" in out


def test_critical_points(capsys: pytest.CaptureFixture[str], tea: str) -> None:
    code, out, _ = run(capsys, tea, "--reject", "o", "--critical")
    assert code == exit_codes.OK
    assert "  Critical points (4):" in out
    assert "  1. rejecting statement `e` alone makes `t` UNDECIDED (now IN)" in out
    assert "  2. rejecting inference `health` alone makes `t` UNDECIDED (now IN)" in out
    assert "  4. rejecting source `lab` alone (1 statement) makes `t` UNDECIDED (now IN)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--assume", "tt"], "argmap: error: cannot assume `tt`: no statement or inference has that id"),
        (["--reject", "ann"], "cannot reject `ann`: it is an actor (to set its statements aside, distrust `ann`)"),
        (["--distrust", "labb"], "cannot distrust `labb`: no actor or source has that id (did you mean `lab`?)"),
        (["--explain", "hea1th"], "no statement or inference has the id `hea1th` (did you mean `health`?)"),
    ],
)
def test_bad_ids_exit_2_with_a_hint(
    capsys: pytest.CaptureFixture[str], tea: str, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, tea, *args)
    assert code == exit_codes.USAGE
    assert message in err and not out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tea: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["evaluate", tea, "--semantics", "ideal"])
    assert exc.value.code == exit_codes.USAGE
    code, _, err = run(capsys, str(tmp_path / "missing.argmap"))
    assert code == exit_codes.USAGE and "missing.argmap" in err


def test_too_large_for_preferred_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = [f'claim a{i} "A{i}"' for i in range(60)] + [f"a{i} contradicts a{i + 1}" for i in range(59)]
    path = tmp_path / "chain.argmap"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = run(capsys, str(path), "--semantics", "preferred")
    assert code == exit_codes.USAGE
    assert "too many interlocked undecided points" in err and "use grounded semantics" in err


def test_maps_with_errors_are_refused_unless_forced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "broken.argmap"
    path.write_text('thesis t "T"\nclaim c "C"\nc supports tt\nc supports t\n', encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == exit_codes.FOUND and not out
    assert "E101 [error] unknown statement `tt`" in err
    assert "evaluate it as written with --force" in err
    code, out, _ = run(capsys, str(path), "--force")
    assert code == exit_codes.OK and "t  IN" in out


def test_syntax_errors_are_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.argmap"
    path.write_text('thesis t "T\n', encoding="utf-8")
    code, out, err = run(capsys, str(path), "--force")
    assert code == exit_codes.FOUND and "E001" in err and not out


def test_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TEA.encode())))
    code, out, _ = run(capsys, "-", "--format", "json")
    assert code == exit_codes.OK and json.loads(out)["theses"][0]["id"] == "t"


def test_the_article_on_its_own_terms(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, PEACE)
    assert code == exit_codes.OK
    assert "us_prevented  OUT" in out and "us_interests  OUT" in out
    code, out, _ = run(capsys, PEACE, "--distrust", "reviewer", "--critical")
    assert "us_prevented  IN" in out and "us_interests  IN" in out
    assert "rejecting actor `bennett` alone (11 statements) makes `us_prevented` OUT (now IN)" in out
    code, out, _ = run(capsys, PEACE, "--distrust", "reviewer", "--distrust", "bennett")
    assert "us_prevented  OUT" in out and "us_interests  OUT" in out
