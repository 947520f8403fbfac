"""`argmap check`: formats, code selection, exit codes, folders and parts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import exit_codes, main

from .conftest import CASES, MAPS, argmap_process

BROKEN = 'thesis t "Tea is good."\nclaim c "Tea is tasty." { by: nobody }\nc supports tt\nclaim lone "Alone."\n'


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.argmap"
    path.write_text(BROKEN, encoding="utf-8")
    return path


run = argmap_process


def test_full_format_shows_the_line_a_caret_and_a_hint(broken: Path) -> None:
    code, out, _ = run("check", str(broken))
    assert code == exit_codes.FOUND
    assert f"{broken}:3:12: E101 [error] unknown statement `tt` (the conclusion of `c supports tt`)" in out
    assert "3 | c supports tt\n  |            ^^\n  = hint: did you mean `t`?" in out
    assert out.rstrip().endswith("Found 2 errors and 1 warning in 1 file.")


def test_concise_format_is_one_line_each(broken: Path) -> None:
    code, out, _ = run("check", "--format", "concise", str(broken))
    assert out.splitlines() == [
        f"{broken}:2:31: E104 unknown actor `nobody`",
        f"{broken}:3:12: E101 unknown statement `tt` (the conclusion of `c supports tt`)",
        f"{broken}:4:7: W201 `lone` takes part in no relation",
        "Found 2 errors and 1 warning in 1 file.",
    ]
    assert code == exit_codes.FOUND


def test_json_format(broken: Path) -> None:
    code, out, _ = run("check", "--format", "json", str(broken))
    assert code == exit_codes.FOUND
    data = json.loads(out)
    assert [d["code"] for d in data] == ["E104", "E101", "W201"]
    assert data[1] == {
        "code": "E101", "name": "unknown-statement", "severity": "error",
        "message": "unknown statement `tt` (the conclusion of `c supports tt`)", "hint": "did you mean `t`?",
        "path": str(broken), "line": 3, "column": 12, "end_line": 3, "end_column": 14, "related": [], "fix": "t",
    }  # fmt: skip
    assert data[0]["fix"] is None  # a duplicate id has no single right replacement


def test_github_format(broken: Path) -> None:
    _, out, _ = run("check", "--format", "github", str(broken))
    assert out.splitlines()[1] == (
        f"::error file={broken},line=3,col=12,endLine=3,endColumn=14,title=E101 unknown-statement::"
        "unknown statement `tt` (the conclusion of `c supports tt`) (did you mean `t`?)"
    )


def test_select_and_ignore(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "concise", "--select", "W", str(broken)]) == exit_codes.OK
    assert "E101" not in capsys.readouterr().out
    assert main(["check", "--format", "concise", "--ignore", "E101,unknown-actor", str(broken)]) == exit_codes.OK
    out = capsys.readouterr().out
    assert "E10" not in out and "W201" in out
    assert main(["check", "--format", "concise", "--select", "E104", str(broken)]) == exit_codes.FOUND


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    path = tmp_path / "w.argmap"
    path.write_text('thesis t "T"\n', encoding="utf-8")
    assert main(["check", str(path)]) == exit_codes.OK
    assert main(["check", "--strict", str(path)]) == exit_codes.FOUND


def test_unreadable_paths_exit_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "missing.argmap"))
    assert code == exit_codes.USAGE
    assert "missing.argmap: no such file" in err
    latin = tmp_path / "latin.argmap"
    latin.write_bytes(b'thesis t "caf\xe9"\n')
    code, _, err = run("check", str(latin))
    assert code == exit_codes.USAGE and "not UTF-8 text (byte 0xe9 on line 1)" in err


def test_usage_errors_exit_2() -> None:
    assert run("check")[0] == exit_codes.USAGE
    assert run("check", "--format", "xml", "x")[0] == exit_codes.USAGE
    assert run("frobnicate")[0] == exit_codes.USAGE


def test_folder_checks_maps_and_treats_included_files_as_parts(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "main.argmap").write_text('thesis t "T"\ninclude "parts/a.argmap"\n', encoding="utf-8")
    (tmp_path / "parts" / "a.argmap").write_text('claim a "A"\na supports t\n', encoding="utf-8")
    code, out, _ = run("check", str(tmp_path))
    assert (code, out.strip()) == (exit_codes.OK, "All checks passed (1 file).")
    code, out, _ = run("check", str(tmp_path / "parts" / "a.argmap"))  # named directly: checked alone
    assert code == exit_codes.FOUND and "unknown statement `t`" in out


def test_standard_input() -> None:
    _, out, _ = run("check", "--format", "concise", "-", stdin='claim c "C"\n')
    assert out.splitlines()[0] == "<stdin>:1:7: W201 `c` takes part in no relation"


def test_syntax_error_is_a_diagnostic(tmp_path: Path) -> None:
    path = tmp_path / "s.argmap"
    path.write_text("claim c Tea\n", encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == exit_codes.FOUND
    assert f"{path}:1:9: E001 [error] expected a text in double quotes, found the id `Tea`" in out


def test_example_maps_pass() -> None:
    assert main(["check", "--strict", str(MAPS)]) == exit_codes.OK


def test_every_case_file_reports_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--format", "json", str(CASES / "check")])
    codes = {d["code"] for d in json.loads(capsys.readouterr().out)}
    from argmap.model.diagnostics import CODES

    # W215 is reported only on request (`--require-questions`), see test_required_questions.
    assert codes == set(CODES) - {"E001", "W215"}, "every structural code has a case file"


def test_folder_links_leading_outside_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.argmap").write_text("claim c Tea\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "ok.argmap").write_text('thesis t "T"\n', encoding="utf-8")
    (tmp_path / "maps" / "link.argmap").symlink_to(tmp_path / "outside" / "secret.argmap")
    code, out, err = run("check", str(tmp_path / "maps"))
    assert code == exit_codes.OK and "Found 0 errors and 1 warning in 1 file." in out
    assert "link.argmap: skipped, a link to a file outside" in err


def test_unknown_codes_are_a_usage_error(broken: Path) -> None:
    code, out, err = run("check", "--select", "E999,bogus", str(broken))
    assert code == exit_codes.USAGE and out == ""
    assert "--select: no diagnostic code or name matches `E999`" in err
    code, _, err = run("check", "--ignore", "unused-actr", str(broken))
    assert code == exit_codes.USAGE and "did you mean `unused-actor`?" in err


def test_summary_counts_unreadable_files(broken: Path, tmp_path: Path) -> None:
    code, out, _ = run("check", str(broken), str(tmp_path / "none.argmap"))
    assert code == exit_codes.USAGE
    assert out.rstrip().endswith("Found 2 errors and 1 warning in 1 file; 1 file could not be read.")


def test_terminal_escapes_in_a_map_are_not_printed(tmp_path: Path) -> None:
    path = tmp_path / "esc.argmap"
    path.write_text(
        'thesis t "\x1b[31mred\x1b]0;title\x07"\nclaim c "C" { by: "\x1b[2J" }\nc supports t\n', encoding="utf-8"
    )
    _, out, _ = run("check", str(path))
    assert "\x1b" not in out and "\x07" not in out
    assert '2 | claim c "C" { by: "\\u{1b}[2J" }' in out


def test_required_questions(capsys: pytest.CaptureFixture[str]) -> None:
    case = str(CASES / "check" / "E135-unknown-question.argmap")
    assert main(["check", "--format", "concise", "--require-questions", "expert_opinion", case]) == exit_codes.FOUND
    lines = [line for line in capsys.readouterr().out.splitlines() if " W215 " in line]
    # expert_opinion has six questions; the undercut names a question that does not exist, so none is raised.
    assert len(lines) == 6
    assert lines[0].endswith("W215 nobody asked `argument a: c => t` the `expert_opinion` question `expertise`")
    assert main(["check", "--require-questions", "sign", case]) == exit_codes.FOUND  # E135 only
    assert " W215 " not in capsys.readouterr().out


def test_required_questions_of_an_unknown_scheme_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    case = str(CASES / "check" / "E135-unknown-question.argmap")
    assert main(["check", "--require-questions", "expert_opinon", case]) == exit_codes.USAGE
    assert "no scheme `expert_opinon` in the catalogue; did you mean `expert_opinion`?" in capsys.readouterr().err
