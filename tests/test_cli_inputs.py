"""What the commands do with inputs that are easy to get wrong: empty folders, empty maps,
typos that cause follow-on warnings, impossible dates and inline suppressions."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.cli import exit_codes
from argmap.syntax.formatter import format_text

from .conftest import argmap_process

run = argmap_process


@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--format", "json"], ["fmt"], ["fmt", "--check"], ["render", "--out-dir", "out"]],
    ids=lambda c: " ".join(c),
)
def test_a_folder_without_maps_is_an_error_not_a_pass(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("not a map\n", encoding="utf-8")
    code, out, err = run(*command, "docs", cwd=tmp_path)
    assert code == exit_codes.USAGE
    assert "argmap: error: no maps (*.argmap files) in docs" in err
    assert "All checks passed" not in out + err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_check_still_checks_the_other_folders_when_one_is_empty(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "a.argmap").write_text('thesis t "Tea is good."\nclaim c "Tea is tasty."\nc supports t\n')
    code, out, err = run("check", "maps", "empty", cwd=tmp_path)
    assert code == exit_codes.USAGE
    assert "All checks passed (1 file)." in out
    assert "no maps (*.argmap files) in empty" in err


def test_an_empty_map_gets_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "empty.argmap"
    path.write_text("# nothing yet\n", encoding="utf-8")
    code, out, _ = run("check", "--strict", "--format", "concise", "empty.argmap", cwd=tmp_path)
    assert code == exit_codes.FOUND
    assert out.splitlines()[0] == (
        "empty.argmap:1:1: W216 the map is empty: it has no statements, relations or declarations"
    )
    path.write_text("", encoding="utf-8")
    assert [d.code for d in argmap.validate(argmap.load(path))] == ["W216"]


def test_a_failed_include_is_not_also_an_empty_map(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text('include "missing.argmap"\n', encoding="utf-8")
    assert [d.code for d in argmap.validate(argmap.load(path))] == ["E105"]


TEA = """thesis health "Tea is good for you."
evidence anti "Tea contains antioxidants." { source: s }
source s "A study"
objection dose "A cup holds too few antioxidants to matter."
argument a1: anti => health
dose undercuts a1
"""


def test_a_typo_is_reported_without_the_warnings_it_causes() -> None:
    typo = argmap.loads(TEA.replace("dose undercuts a1", "dose undercuts a11"), "tea.argmap")
    assert [(d.code, d.hint) for d in argmap.validate(typo)] == [("E102", "did you mean `a1`?")]


def test_what_a_typo_probably_meant_is_not_reported_as_unrelated() -> None:
    m = argmap.loads('thesis tea "Tea is good."\nclaim c "Tea is tasty."\nc supports tae\n')
    assert [d.code for d in argmap.validate(m)] == ["E101"]


def test_warnings_far_from_a_typo_are_still_reported() -> None:
    m = argmap.loads(
        TEA.replace("dose undercuts a1", "dose undercuts a11") + 'claim lone "Nobody links to this."\n'
        'claim x "Cut off."\nclaim y "Also cut off."\nx supports y\n'
    )
    assert [(d.code, d.message.split("`")[1]) for d in argmap.validate(m)] == [
        ("E102", "dose undercuts a11"),
        ("W201", "lone"),
        ("W202", "x"),
        ("W202", "y"),
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2023-13-45", '"2023-13-45" is not a date: month 13 is out of range (01 to 12)'),
        ("2023-00", '"2023-00" is not a date: month 0 is out of range (01 to 12)'),
        ("2023-02-30", '"2023-02-30" is not a date: day 30 is out of range (February 2023 has 28 days)'),
        ("2024-04-31", '"2024-04-31" is not a date: day 31 is out of range (April 2024 has 30 days)'),
        ("23-1-1", 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "23-1-1"'),
    ],
)
def test_an_impossible_date_says_which_part_is_out_of_range(date: str, message: str) -> None:
    m = argmap.loads(f'date {date}\nthesis t "Tea is good." {{ date: {date} }}\n')
    found = [d for d in argmap.validate(m) if d.code == "E130"]
    assert [d.message for d in found] == [message, message]


SUPPRESSED = """thesis t "Tea is good for you."
claim c "Tea is tasty."  # argmap: ignore[W201]
claim d "Tea is cheap."  # argmap: ignore[unrelated-statement, W205]
claim e "Tea is hot."
actor a "Ann"  # argmap: ignore[W2] the whole family
actor b "Bob"  # argmap: ignore[W999]
"""


def test_an_ignore_comment_suppresses_its_line_only() -> None:
    found = argmap.validate(argmap.loads(SUPPRESSED, "m.argmap"))
    assert [(str(d.span), d.code, d.message) for d in found] == [
        ("m.argmap:1:8", "W201", "`t` takes part in no relation"),
        ("m.argmap:3:26", "W217", "`ignore[W205]` suppresses nothing on this line"),
        ("m.argmap:4:7", "W201", "`e` takes part in no relation"),
        ("m.argmap:6:7", "W205", "actor `b` is declared but never used"),
        ("m.argmap:6:16", "W217", "`ignore[W999]` names no diagnostic code"),
    ]


def test_an_ignore_comment_in_an_included_part_applies_there(tmp_path: Path) -> None:
    (tmp_path / "part.argmap").write_text('claim c "Tea is tasty."  # argmap: ignore[W201]\n', encoding="utf-8")
    (tmp_path / "m.argmap").write_text('thesis t "Tea is good."  # argmap: ignore[W201]\ninclude "part.argmap"\n')
    assert argmap.validate(argmap.load(tmp_path / "m.argmap")) == []


def test_the_formatter_keeps_ignore_comments_on_their_line() -> None:
    formatted = format_text(SUPPRESSED)
    assert formatted.count("# argmap: ignore[") == 4
    assert argmap.validate(argmap.loads(formatted, "m.argmap")) == argmap.validate(argmap.loads(SUPPRESSED, "m.argmap"))
