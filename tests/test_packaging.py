"""The wheel carries the grammar, the JSON Schemas, the type marker and the console script."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (built,) = out.glob("argmap-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "argmap/syntax/argmap.lark" in names
    assert "argmap/py.typed" in names
    assert "argmap/syntax/parser.py" in names and "argmap/cli/__init__.py" in names
    for schema in ("model", "mapgraph"):  # the published JSON Schemas, read by `argmap schema`
        shipped = zipfile.ZipFile(wheel).read(f"argmap/schemas/{schema}.schema.json").decode("utf-8")
        assert shipped == (ROOT / "src" / "argmap" / "schemas" / f"{schema}.schema.json").read_text(encoding="utf-8")
    grammar = zipfile.ZipFile(wheel).read("argmap/syntax/argmap.lark").decode("utf-8")
    assert grammar == (ROOT / "grammar" / "argmap.lark").read_text(encoding="utf-8")
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "argmap = argmap.cli:entry" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_finds_its_grammar(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip
    script = (
        "import argmap, argmap.syntax.parser as p;"
        "print(p.grammar_path());"
        "print(p.parse('thesis t \"T\"').items[0].id);"
        "from argmap.interchange.schemas import schema; print(schema('mapgraph')['$id'])"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    grammar, ident, schema_id = run.stdout.split()
    assert Path(grammar) == target / "argmap" / "syntax" / "argmap.lark"
    assert ident == "t"
    assert schema_id == "https://argmap.github.io/schemas/mapgraph/v2.json"
