"""``argmap convert`` and ``argmap schema`` from the command line."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest

import argmap
from argmap.cli import main
from argmap.interchange import from_json
from argmap.interchange.schemas import schema

ROOT = Path(__file__).resolve().parents[1]
DRUG = ROOT / "maps" / "drug-trial.argmap"
CASES = ROOT / "tests" / "cases" / "aif"


def run(argv: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    try:
        code = main(argv)
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_argmap_to_json_and_back_is_lossless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.json"
    code, _, err = run(["convert", str(DRUG), str(out)], capsys)
    assert code == 0
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema("model"))
    assert from_json(out.read_text(encoding="utf-8")) == argmap.load(DRUG)
    assert "lost in json: a comment" in err  # the file's comments are the only thing not carried
    back = tmp_path / "back.argmap"
    assert run(["convert", str(out), str(back)], capsys)[0] == 0
    assert argmap.load(back) == argmap.load(DRUG)


def test_aif_export_lists_every_loss_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert", str(DRUG), str(tmp_path / "m.aif.json")], capsys)
    assert code == 0
    assert f"{DRUG}:8:1: lost in aif: source `trial_a_src`: plain AIF has no sources" in err
    assert "lost in aif: the map header: `title`: AIF has no header" in err
    assert err.rstrip().endswith("things not carried")


def test_strict_makes_a_loss_an_error_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "m.aif"
    code, _, err = run(["convert", "--strict", str(DRUG), str(target)], capsys)
    assert code == 1 and not target.exists()
    assert "not written: --strict" in err


def test_stdin_to_stdout_with_formats_named(capsys: pytest.CaptureFixture[str]) -> None:
    text = (CASES / "linked.aif.json").read_text(encoding="utf-8")
    code, out, err = run(["convert", "--from", "aif", "--to", "argmap", "-", "-"], capsys, stdin=text)
    assert code == 0, err
    assert "argument: n1 + n2 => n3" in out


def test_imported_map_is_checked_like_check_does(capsys: pytest.CaptureFixture[str]) -> None:
    path = CASES / "locutions.ova.json"
    code, out, err = run(["convert", "--from", "aif", str(path), "-", "--to", "json"], capsys)
    assert code == 0
    assert f"{path}:13:7: W201 [warning] `n10` takes part in no relation" in err
    assert f"{path}:14:7: lost from aif: node 11: an MA node (rephrase)" in err
    jsonschema.validate(json.loads(out), schema("model"))


def test_bad_input_is_a_located_error_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.aif.json"
    bad.write_text('{"nodes": [\n  {"nodeID": 1, "type": "I", "text": "x"}],\n "edges": [{"fromID": 1, "toID": 2}]}')
    code, _, err = run(["convert", str(bad), str(tmp_path / "out.argmap")], capsys)
    assert code == 1
    assert f"{bad}:3:12: E001 [error] an edge's `toID` names no node: 2" in err
    assert "Traceback" not in err and not (tmp_path / "out.argmap").exists()


def test_unknown_format_and_missing_file_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["convert", str(DRUG), str(tmp_path / "m.txt")], capsys)
    assert code == 2 and "give --to" in err
    code, _, err = run(["convert", str(tmp_path / "none.json"), "-", "--to", "argmap"], capsys)
    assert code == 2 and "no such file" in err


@pytest.mark.parametrize("name", ["model", "mapgraph"])
def test_schema_command_prints_the_published_schema(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema", name], capsys)
    assert code == 0 and json.loads(out) == schema(name)


def test_render_json_output_follows_the_mapgraph_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "g.json"
    assert run(["render", str(DRUG), "-o", str(target), "--evaluate"], capsys)[0] == 0
    jsonschema.validate(json.loads(target.read_text(encoding="utf-8")), schema("mapgraph"))


def test_argdown_in_and_out_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = ROOT / "tests" / "cases" / "argdown" / "parser-arguments.argdown"
    out = tmp_path / "m.argmap"
    code, _, err = run(["convert", str(source), str(out)], capsys)
    assert code == 0
    assert f"{source}:4:5: lost from argdown: argument <Argument 2>: an argument without premises" in err
    back = tmp_path / "m.ad"
    code, _, err = run(["convert", str(out), str(back)], capsys)
    assert code == 0 and "[Statement_1]: text" in back.read_text(encoding="utf-8")
    code, _, err = run(["convert", "--strict", str(source), str(tmp_path / "x.argmap")], capsys)
    assert code == 1 and not (tmp_path / "x.argmap").exists()


def test_broken_argdown_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = ROOT / "tests" / "cases" / "argdown" / "lexer-relations.argdown"
    code, _, err = run(["convert", str(bad), str(tmp_path / "m.argmap")], capsys)
    assert code == 1 and f"{bad}:1:1:" in err and "Traceback" not in err
