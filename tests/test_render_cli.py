"""``argmap render``: every option and exit code."""

from __future__ import annotations

import io
import json
import shutil
import stat
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import argmap
from argmap.cli import exit_codes, main

from .conftest import MAPS

HAS_DOT = shutil.which("dot") is not None
TEA = 'title "Tea"\nthesis t "Tea is good."\nclaim c "Tea is tasty."\nc supports t\n'
BROKEN = 'thesis t "Tea is good."\nclaim c "Tasty."\nc supports tt\n'


@pytest.fixture
def tea(tmp_path: Path) -> Path:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA)
    return path


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def test_renders_next_to_the_map_by_default(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", tea) == exit_codes.OK
    svg = tea.with_suffix(".svg").read_bytes()
    assert svg == argmap.render(argmap.load(tea))
    assert capsys.readouterr().err == f"wrote {tea.with_suffix('.svg')}\n"


def test_output_file_and_format_from_its_extension(tea: Path, tmp_path: Path) -> None:
    for name, magic in (
        ("a.svg", b"<?xml"),
        ("a.png", b"\x89PNG"),
        ("a.dot", b"digraph argmap {"),
        ("a.gv", b"digraph"),
    ):
        assert run("render", tea, "-o", tmp_path / name) == exit_codes.OK
        assert (tmp_path / name).read_bytes().startswith(magic)
    assert run("render", tea, "-o", tmp_path / "graph.json") == exit_codes.OK
    assert json.loads((tmp_path / "graph.json").read_text())["nodes"][0]["id"] == "t"
    assert run("render", tea, "--format", "dot", "-o", tmp_path / "b.txt") == exit_codes.OK
    assert (tmp_path / "b.txt").read_text().startswith("digraph")


def test_standard_output_and_standard_input(
    tea: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert run("render", tea, "-o", "-", "--format", "dot") == exit_codes.OK
    assert capsysbinary.readouterr().out.startswith(b"digraph argmap {")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEA.encode())))
    assert run("render", "-", "--format", "json") == exit_codes.OK
    assert json.loads(capsysbinary.readouterr().out)["title"] == "Tea"


def test_out_dir_renders_a_folder_in_parallel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pictures" / "svg"
    assert run("render", MAPS, "--out-dir", out, "--jobs", "2") == exit_codes.OK
    assert sorted(p.name for p in out.iterdir()) == ["drug-trial.svg", "four-day-week.svg", "peace-talks.svg"]
    for p in out.iterdir():
        ET.fromstring(p.read_bytes())
    assert capsys.readouterr().err.splitlines() == [
        f"wrote {out / name}.svg" for name in ("drug-trial", "four-day-week", "peace-talks")
    ]


def test_check_finds_missing_and_stale_renderings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "docs"
    assert run("render", "--check", "--out-dir", out, MAPS) == exit_codes.FOUND
    err = capsys.readouterr().err
    assert f"missing: {out / 'peace-talks.svg'}" in err
    assert "3 of 3 renderings out of date" in err
    assert not out.exists()  # --check writes nothing
    assert run("render", "--out-dir", out, MAPS) == exit_codes.OK
    assert run("render", "--check", "--out-dir", out, MAPS) == exit_codes.OK
    assert "All 3 renderings up to date." in capsys.readouterr().err
    (out / "drug-trial.svg").write_text("<svg/>")
    assert run("render", "--check", "--out-dir", out, MAPS) == exit_codes.FOUND
    assert f"stale: {out / 'drug-trial.svg'}" in capsys.readouterr().err
    assert (out / "drug-trial.svg").read_text() == "<svg/>"


def test_check_with_options_and_single_output(tea: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "tea-dark.svg"
    assert run("render", tea, "--theme", "dark", "-o", target) == exit_codes.OK
    assert capsys.readouterr().err == f"wrote {target}\n"
    assert run("render", "--check", tea, "--theme", "dark", "-o", target) == exit_codes.OK
    assert capsys.readouterr().err == "1 rendering up to date.\n"
    assert run("render", "--check", tea, "-o", target) == exit_codes.FOUND
    assert capsys.readouterr().err.endswith("\n1 rendering out of date; run the same command without --check\n")


def test_check_needs_files_to_compare_with(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", "--check", tea, "-o", "-") == exit_codes.USAGE
    assert "--check compares with files" in capsys.readouterr().err


def test_map_with_errors_is_not_rendered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.argmap"
    path.write_text(BROKEN)
    assert run("render", path) == exit_codes.FOUND
    err = capsys.readouterr().err
    assert "E101 [error] unknown statement `tt`" in err
    assert "3 | c supports tt" in err  # shown as `argmap check` shows it, with the line
    assert "not rendered: 1 error (--force draws it anyway)" in err
    assert not path.with_suffix(".svg").exists()


def test_force_renders_a_map_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.argmap"
    path.write_text(BROKEN)
    assert run("render", path, "--force") == exit_codes.OK
    assert "drawn despite 1 error (--force)" in capsys.readouterr().err
    ET.fromstring(path.with_suffix(".svg").read_bytes())


def test_syntax_errors_are_shown_and_not_rendered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.argmap"
    path.write_text('thesis t "unterminated\n')
    assert run("render", path, "--force") == exit_codes.FOUND
    err = capsys.readouterr().err
    assert "E001" in err and "not rendered: it has a syntax error" in err


def test_unreadable_files_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", tmp_path / "missing.argmap") == exit_codes.USAGE
    assert "missing.argmap: no such file" in capsys.readouterr().err


def test_usage_errors(tea: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.argmap"
    other.write_text(TEA)
    assert run("render", tea, other, "-o", tmp_path / "x.svg") == exit_codes.USAGE
    assert "-o names one output file" in capsys.readouterr().err
    assert run("render", tea, "--depth", "2") == exit_codes.USAGE
    assert "--depth needs --focus" in capsys.readouterr().err
    twin = tmp_path / "sub" / "tea.argmap"
    twin.parent.mkdir()
    twin.write_text(TEA)
    assert run("render", tea, twin, "--out-dir", tmp_path / "out") == exit_codes.USAGE
    assert "would both be drawn to" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        run("render", tea, "--width", "0")
    assert caught.value.code == exit_codes.USAGE
    with pytest.raises(SystemExit):
        run("render", tea, "--theme", "neon")
    with pytest.raises(SystemExit):
        run("render", tea, "-o", "a.svg", "--out-dir", "d")


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--width", "-5", "a whole number of at least 1"),
        ("--width", "0", "a whole number of at least 1"),
        ("--width", "wide", "a whole number of at least 1"),
        ("--depth", "-1", "a whole number of at least 0"),
        ("-j/--jobs", "0", "a whole number of at least 1"),
        ("--timeout", "0", "a positive number"),
        ("--timeout", "-2", "a positive number"),
    ],
)
def test_out_of_range_numbers_exit_2_with_the_api_wording(
    tea: Path, option: str, value: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        run("render", tea, "--focus", "t", option.split("/")[-1], value)
    assert caught.value.code == exit_codes.USAGE
    assert f"argument {option}: expected {expected}, got '{value}'" in capsys.readouterr().err


def test_unknown_focus_and_section(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", tea, "--focus", "tt") == exit_codes.USAGE
    assert "no statement or inference `tt` in the map; did you mean `t`?" in capsys.readouterr().err
    assert run("render", tea, "--section", "nope") == exit_codes.USAGE
    assert "no section `nope`" in capsys.readouterr().err


def test_focus_depth_and_section(tmp_path: Path) -> None:
    out = tmp_path / "focus.json"
    assert run("render", MAPS / "drug-trial.argmap", "--focus", "b_shows", "--depth", "1", "-o", out) == exit_codes.OK
    nodes = {n["id"] for n in json.loads(out.read_text())["nodes"]}
    assert "b_shows" in nodes and "tingling" not in nodes
    assert run("render", MAPS / "drug-trial.argmap", "--section", "bias", "-o", out) == exit_codes.OK
    assert {c["id"] for c in json.loads(out.read_text())["clusters"]} == {"bias"}


def test_picture_options(tea: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.dot"

    def dot(*args: str) -> str:
        assert run("render", tea, "-o", out, *args) == exit_codes.OK
        return out.read_text()

    assert 'bgcolor="#0d1117"' in dot("--theme", "dark")
    assert 'bgcolor="#ffffff"' in dot("--theme", "print")
    assert "rankdir=TB" in dot("--direction", "down")
    assert "rankdir=LR" in dot("--direction", "right")
    assert "rankdir=BT" in dot()
    assert "cluster_argmap-legend" in dot() and "cluster_argmap-legend" not in dot("--no-legend")
    assert "Tea is<BR/>good." in dot("--width", "8")


def test_deeply_nested_sections_render_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    levels = 1000
    path = tmp_path / "deep.argmap"
    path.write_text(
        "".join(f'section s{i} "S" {{\n' for i in range(levels))
        + 'thesis t "T"\nclaim c "C"\nc supports t\n'
        + "}\n" * levels
    )
    assert run("render", path, "-o", tmp_path / "deep.svg") == exit_codes.OK
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RecursionError" not in err
    assert f"note: {path}: 976 sections nested more than 24 levels deep are drawn in their enclosing section" in err
    ET.fromstring((tmp_path / "deep.svg").read_bytes())


def test_dpi(tea: Path, tmp_path: Path) -> None:
    small, big = tmp_path / "s.png", tmp_path / "b.png"
    assert run("render", tea, "-o", small) == exit_codes.OK
    assert run("render", tea, "-o", big, "--dpi", "192") == exit_codes.OK
    assert int.from_bytes(big.read_bytes()[16:20], "big") > 1.9 * int.from_bytes(small.read_bytes()[16:20], "big")


@pytest.mark.parametrize("dpi", ["0", "-5", "5", "1500", "100000", "nan", "inf", "lots"])
def test_absurd_dpi_exits_2(tea: Path, tmp_path: Path, dpi: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run("render", tea, "-o", tmp_path / "x.png", "--dpi", dpi)
    assert caught.value.code == exit_codes.USAGE
    assert f"argument --dpi: expected a number from 10 to 1200, got '{dpi}'" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_big_maps_get_the_fast_layout_unless_quality(
    tea: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.rendering import render as rendering

    monkeypatch.setattr(rendering, "FAST_ABOVE", 1)
    out = tmp_path / "x.dot"
    assert run("render", tea, "-o", out) == exit_codes.OK
    assert "splines=line" in out.read_text()
    assert "using the fast layout" in capsys.readouterr().err
    assert run("render", tea, "-o", out, "--quality", "--quiet") == exit_codes.OK
    assert "splines=line" not in out.read_text()
    assert capsys.readouterr().err == ""


def make_script(tmp_path: Path, body: str) -> str:
    path = tmp_path / "fake-dot"
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_engine_failures_exit_2(tea: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", tea, "--engine-binary", tmp_path / "nope") == exit_codes.USAGE
    assert "is not an executable file" in capsys.readouterr().err
    hang = make_script(tmp_path, "exec sleep 30")
    assert run("render", tea, "--engine-binary", hang, "--timeout", "0.3") == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "took longer than 0.3 s" in err and "Traceback" not in err
    assert not tea.with_suffix(".svg").exists()


def test_an_engine_that_writes_garbage_exits_2(tea: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = make_script(tmp_path, "cat >/dev/null; echo 'not a picture at all'")
    for fmt in ("svg", "png", "pdf"):
        out = tmp_path / f"x.{fmt}"
        assert run("render", tea, "--engine-binary", garbage, "-o", out) == exit_codes.USAGE
        err = capsys.readouterr().err
        # PNG and PDF are drawn from the engine's SVG with the legend put under the map
        assert "wrote something that is not SVG (it starts with `not a picture at all`)" in err
        assert not out.exists()


def test_environment_variable_names_the_engine(
    tea: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARGMAP_DOT", make_script(tmp_path, "cat >/dev/null; echo '<svg/>'"))
    assert run("render", tea) == exit_codes.OK
    assert tea.with_suffix(".svg").read_text() == "<svg/>\n"


def test_pdf_without_system_graphviz_or_svg2pdf(
    tea: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.rendering import engine

    monkeypatch.setattr(engine, "can_draw_pdf", lambda: False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    assert run("render", tea, "--format", "pdf") == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "PDF needs a system Graphviz" in err and "install Graphviz" in err


@pytest.mark.skipif(not HAS_DOT, reason="no system Graphviz `dot` installed")
def test_pdf_with_system_graphviz(tea: Path) -> None:
    assert run("render", tea, "-f", "pdf") == exit_codes.OK
    assert tea.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_unwritable_output(tea: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", tea, "-o", tmp_path / "no" / "such" / "dir.svg") == exit_codes.USAGE
    assert "cannot write" in capsys.readouterr().err


def test_included_parts_are_not_rendered_on_their_own(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "reasons.argmap").write_text('claim c "Tasty."\n')
    (tmp_path / "main.argmap").write_text('include "parts/reasons.argmap"\nthesis t "Tea."\nc supports t\n')
    out = tmp_path / "out"
    assert run("render", tmp_path, "--out-dir", out) == exit_codes.OK
    assert [p.name for p in out.iterdir()] == ["main.svg"]


def test_the_readme_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    readme = (root / "README.md").read_text()
    assert "argmap render maps/peace-talks.argmap -o peace-talks.svg" in readme
    monkeypatch.chdir(root)
    assert run("render", "maps/peace-talks.argmap", "-o", tmp_path / "peace-talks.svg") == exit_codes.OK
    assert (tmp_path / "peace-talks.svg").read_bytes() == (root / "docs" / "peace-talks.svg").read_bytes()


def test_committed_pictures_are_up_to_date(root: Path) -> None:
    assert run("render", "--check", "--out-dir", root / "docs", root / "maps") == exit_codes.OK


def test_committed_focus_picture_is_up_to_date(root: Path) -> None:
    picture = root / "docs" / "peace-talks-istanbul_deal.svg"
    args = ("--focus", "istanbul_deal", "--depth", "1", "-o", picture)
    assert run("render", "--check", root / "maps" / "peace-talks.argmap", *args) == exit_codes.OK


@pytest.mark.parametrize(
    ("picture", "options"),
    [
        ("peace-talks-evaluated.svg", ("--evaluate",)),
        ("peace-talks-own-terms.svg", ("--evaluate", "--distrust", "reviewer")),
    ],
)
def test_committed_evaluated_pictures_are_up_to_date(root: Path, picture: str, options: tuple[str, ...]) -> None:
    target = root / "docs" / picture
    assert run("render", "--check", root / "maps" / "peace-talks.argmap", *options, "-o", target) == exit_codes.OK


@pytest.mark.parametrize("name", ["x.jpg", "x", "x.SVG.bak"])
def test_an_output_name_without_a_known_extension_is_refused(
    tea: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("render", tea, "-o", tmp_path / name) == exit_codes.USAGE
    err = capsys.readouterr().err
    assert (
        f"cannot tell the format of {tmp_path / name}: name a .svg, .png, .pdf, .dot, .gv, .json, .html, .htm file"
        in err
    )
    assert "--format (svg, png, pdf, dot, json, html)" in err
    assert not (tmp_path / name).exists()
    assert run("render", tea, "-f", "svg", "-o", tmp_path / name) == exit_codes.OK  # a format given is enough
    assert (tmp_path / name).read_bytes().startswith(b"<?xml")


def test_binary_output_is_not_written_to_a_terminal(
    tea: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    master, slave = os.openpty()
    terminal = io.TextIOWrapper(open(slave, "wb"))  # noqa: SIM115 - closed below
    monkeypatch.setattr(sys, "stdout", terminal)
    try:
        assert run("render", tea, "-f", "png", "-o", "-") == exit_codes.USAGE
        assert "will not write PNG to a terminal" in capsys.readouterr().err
        os.set_blocking(master, False)
        with pytest.raises(BlockingIOError):
            os.read(master, 100)  # nothing reached the terminal
        assert run("render", tea, "-f", "dot", "-o", "-") == exit_codes.OK  # text is fine
        terminal.flush()
        assert os.read(master, 100).startswith(b"digraph")
    finally:
        terminal.close()
        os.close(master)


def test_quiet_silences_the_files_written(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", tea, "-q") == exit_codes.OK
    assert tea.with_suffix(".svg").exists()
    assert capsys.readouterr().err == ""


def slow_engine(tmp_path: Path) -> str:
    return make_script(tmp_path, "cat >/dev/null; sleep 2; echo '<svg/>'")


def fake_terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    stream = io.StringIO()
    stream.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", stream)
    return stream


def test_progress_for_a_single_long_render(tea: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stream = fake_terminal(monkeypatch)
    assert run("render", tea, "--engine-binary", slow_engine(tmp_path)) == exit_codes.OK
    shown = stream.getvalue()
    assert f"\r\x1b[Kargmap: rendering {tea} … 1 s" in shown
    assert shown.endswith(f"\r\x1b[Kwrote {tea.with_suffix('.svg')}\n")  # cleared before the report


def test_progress_counts_maps_and_not_when_quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(2):
        (tmp_path / f"m{n}.argmap").write_text(TEA)
    stream = fake_terminal(monkeypatch)
    assert run("render", tmp_path, "--engine-binary", slow_engine(tmp_path), "--jobs", "1") == exit_codes.OK
    assert "argmap: rendering 0/2 … 1 s" in stream.getvalue() and "rendering 1/2" in stream.getvalue()
    stream = fake_terminal(monkeypatch)
    assert run("render", tmp_path, "--engine-binary", slow_engine(tmp_path), "-j", "1", "-q") == exit_codes.OK
    assert stream.getvalue() == ""


def test_no_progress_when_standard_error_is_not_a_terminal(
    tea: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("render", tea, "--engine-binary", slow_engine(tmp_path)) == exit_codes.OK
    assert capsys.readouterr().err == f"wrote {tea.with_suffix('.svg')}\n"


def test_unknown_section_lists_the_sections(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("render", MAPS / "drug-trial.argmap", "--section", "biass", "-f", "dot", "-o", "-") == exit_codes.USAGE
    err = capsys.readouterr().err
    assert "no section `biass` in the map; did you mean `bias`? Its sections: `" in err
    assert run("render", MAPS / "drug-trial.argmap", "--section", "zzz", "-f", "dot", "-o", "-") == exit_codes.USAGE
    assert "no section `zzz` in the map; its sections: `" in capsys.readouterr().err
