"""`argmap fmt`: one canonical layout, every comment kept, written atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.cli import exit_codes, main
from argmap.syntax.formatter import format_text

from .conftest import MAPS, argmap_process

MESSY = """\
# The map's title.
title   "Tea"   # trailing on the header


thesis t "Tea is good."{tags:[a,"b c"],note:"n"}   # after a statement
# Before the section.
section   s   "Part"  {  # after the brace
  claim c "C" {
    # inside an attribute block
    note: "x"
  }
  c supports t
  # last in the section
}  # after the closing brace
argument   a1   "Label" : c+t  =>  t
# at the very end
"""

EXPECTED = """\
# The map's title.
title "Tea"  # trailing on the header

thesis t "Tea is good." { tags: [a, "b c"], note: "n" }  # after a statement
# Before the section.
section s "Part" {  # after the brace
  # inside an attribute block
  claim c "C" { note: "x" }
  c supports t
  # last in the section
}  # after the closing brace
argument a1 "Label": c + t => t
# at the very end
"""


def test_canonical_layout_keeps_every_comment() -> None:
    assert format_text(MESSY) == EXPECTED
    assert format_text(EXPECTED) == EXPECTED


def test_header_moves_to_the_top_with_its_comments() -> None:
    text = 'claim c "C"\n\n# who made it\nauthor "Me"\ntitle "T"\n'
    assert format_text(text) == 'title "T"\n\n# who made it\nauthor "Me"\n\nclaim c "C"\n'


def test_blank_lines_collapse_to_one_and_never_open_a_block() -> None:
    text = 'section "S" {\n\n\n  claim a "A"\n\n\n\n  claim b "B"\n\n}\n'
    assert format_text(text) == 'section "S" {\n  claim a "A"\n\n  claim b "B"\n}\n'


def test_long_items_break_attributes_over_lines() -> None:
    text = 'claim c "' + "x" * 90 + '" { by: someone, source: somewhere, date: 2024 }\n'
    assert format_text(text).splitlines() == [
        'claim c "' + "x" * 90 + '" {',
        "  by: someone",
        "  source: somewhere",
        "  date: 2024",
        "}",
    ]


def test_unknown_and_repeated_attributes_are_kept() -> None:
    text = 'claim c "C" { colour: red, note: "a", note: "the second" }\n'
    assert format_text(text) == 'claim c "C" { note: "a", colour: red, note: "the second" }\n'


def test_example_maps_are_formatted() -> None:
    for path in MAPS.glob("*.argmap"):
        text = path.read_text(encoding="utf-8")
        assert format_text(text, str(path)) == text, f"{path.name} is not in the canonical layout"


run = argmap_process


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "m.argmap"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_check_reports_and_writes_nothing(messy: Path) -> None:
    code, _, err = run("fmt", "--check", str(messy))
    assert code == exit_codes.FOUND
    assert f"would reformat {messy}" in err
    assert messy.read_text(encoding="utf-8") == MESSY


def test_diff_shows_the_change(messy: Path) -> None:
    code, out, _ = run("fmt", "--diff", str(messy))
    assert code == exit_codes.FOUND
    assert out.startswith(f"--- {messy}\n+++ {messy}\n")
    assert '-title   "Tea"   # trailing on the header\n+title "Tea"  # trailing on the header\n' in out
    assert messy.read_text(encoding="utf-8") == MESSY


def test_rewrites_in_place_keeping_the_mode(messy: Path) -> None:
    os.chmod(messy, 0o640)
    code, _, err = run("fmt", str(messy))
    assert code == exit_codes.OK and f"reformatted {messy}" in err
    assert messy.read_text(encoding="utf-8") == EXPECTED
    assert messy.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in messy.parent.iterdir()] == ["m.argmap"], "no temporary file is left behind"
    assert run("fmt", "--check", str(messy))[0] == exit_codes.OK


def test_syntax_error_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "bad.argmap"
    path.write_text("claim c Tea\n", encoding="utf-8")
    code, _, err = run("fmt", str(path))
    assert code == exit_codes.FOUND
    assert f"{path}:1:9: E001 [error] expected a text in double quotes" in err
    assert path.read_text(encoding="utf-8") == "claim c Tea\n"


def test_standard_input_to_standard_output() -> None:
    code, out, _ = run("fmt", "-", stdin='claim   a "A"\n')
    assert (code, out) == (exit_codes.OK, 'claim a "A"\n')


def test_folders_and_missing_files(tmp_path: Path, messy: Path) -> None:
    assert main(["fmt", "--check", str(tmp_path)]) == exit_codes.FOUND
    assert main(["fmt", str(tmp_path / "nope.argmap")]) == exit_codes.USAGE


def test_a_failed_write_keeps_the_original(messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap import fileio

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        fileio.write_atomic(messy, "new text")
    assert messy.read_text(encoding="utf-8") == MESSY
    assert [p.name for p in messy.parent.iterdir()] == ["m.argmap"]


def test_formatting_through_a_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.argmap"
    real.write_text('claim   a "A"\n', encoding="utf-8")
    link = tmp_path / "link.argmap"
    link.symlink_to(real)
    assert main(["fmt", str(link)]) == exit_codes.OK
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == 'claim a "A"\n'


def test_a_files_opening_comments_stay_first() -> None:
    text = '# About this map.\n\n# The main claim.\nthesis t "T"\ntitle "Tea"\n'
    assert format_text(text) == '# About this map.\n\ntitle "Tea"\n\n# The main claim.\nthesis t "T"\n'


def test_dumps_ends_with_one_newline_after_a_section() -> None:
    from argmap import ArgumentMap, Section, Statement, StatementKind, dumps

    m = ArgumentMap(items=(Section("S", (Statement(StatementKind.THESIS, "t", "T"),)),))
    assert dumps(m) == 'section "S" {\n  thesis t "T"\n}\n'
