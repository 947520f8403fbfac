"""``argmap check --fix``: misspelt ids with one close match corrected in place, nothing else touched."""

from __future__ import annotations

from pathlib import Path

from argmap.cli import exit_codes

from .conftest import argmap_process

run = argmap_process

BEFORE = (
    "# A map with typos   (and odd  spacing kept as it is)\n"
    'actor ann "Ann"\n'
    'thesis  t "Tea is good."   { by: anne }\n'
    'claim c "Tea is tasty."\n'
    "c supports tt  # a comment\n"
    'claim x "Unrelated."\n'
    "x supports nowhere_near\n"
)
AFTER = BEFORE.replace("by: anne", "by: ann").replace("c supports tt", "c supports t")


def test_fix_corrects_unambiguous_typos_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(BEFORE, encoding="utf-8")
    code, out, err = run("check", "--fix", "--format", "concise", "m.argmap", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == AFTER
    assert err.splitlines() == [
        "fixed m.argmap:3:34: `anne` -> `ann` (E104)",
        "fixed m.argmap:5:12: `tt` -> `t` (E101)",
    ]
    assert code == exit_codes.FOUND  # what is left is reported as a check reports it
    assert out.splitlines() == [
        "m.argmap:7:12: E101 unknown statement `nowhere_near` (the conclusion of `x supports nowhere_near`)",
        "Found 1 error and 0 warnings in 1 file.",
    ]


def test_fix_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(BEFORE, encoding="utf-8")
    run("check", "--fix", "m.argmap", cwd=tmp_path)
    code, out, err = run("check", "--fix", "m.argmap", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == AFTER
    assert "fixed" not in err
    assert code == exit_codes.FOUND and "nowhere_near" in out


def test_an_ambiguous_typo_is_left_for_a_person(tmp_path: Path) -> None:
    text = 'thesis health "H"\nthesis wealth "W"\nclaim c "C"\nc supports helth\nc supports wealth\n'
    (tmp_path / "m.argmap").write_text(text, encoding="utf-8")
    code, _, err = run("check", "--fix", "m.argmap", cwd=tmp_path)
    assert (tmp_path / "m.argmap").read_text(encoding="utf-8") == text
    assert code == exit_codes.FOUND and "fixed" not in err


def test_fix_keeps_line_endings_and_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_bytes(b'\xef\xbb\xbfthesis t "T"\r\nclaim c "C"\r\nc supports tt\r\n')
    code, _, _ = run("check", "--fix", "--strict", "m.argmap", cwd=tmp_path)
    assert path.read_bytes() == b'\xef\xbb\xbfthesis t "T"\r\nclaim c "C"\r\nc supports t\r\n'
    assert code == exit_codes.OK


def test_fix_corrects_an_included_part(tmp_path: Path) -> None:
    (tmp_path / "main.argmap").write_text('thesis thesis1 "T"\ninclude "part.argmap"\n', encoding="utf-8")
    (tmp_path / "part.argmap").write_text('claim c "C"\nc supports thesis2\n', encoding="utf-8")
    code, _, err = run("check", "--fix", "--strict", ".", cwd=tmp_path)
    assert (tmp_path / "part.argmap").read_text(encoding="utf-8") == 'claim c "C"\nc supports thesis1\n'
    assert "part.argmap:2:12: `thesis2` -> `thesis1` (E101)" in err
    assert code == exit_codes.OK


def test_fix_refuses_standard_input() -> None:
    code, _, err = run("check", "--fix", "-", stdin='claim c "C"\n')
    assert code == exit_codes.USAGE and "--fix corrects files in place" in err
