"""The Pandoc filter: on a JSON document directly, and run by pandoc when it is installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.integrations.pandoc import filter_document

from .conftest import MAPS

TEA = 'thesis tea "Tea is good."\nclaim tasty "Tea is tasty."\ntasty supports tea\n'


def document(*blocks: object) -> str:
    return json.dumps({"pandoc-api-version": [1, 22, 2, 1], "meta": {}, "blocks": list(blocks)})


def code_block(text: str, classes: list[str], attributes: list[list[str]] | None = None) -> dict[str, object]:
    return {"t": "CodeBlock", "c": [["", classes, attributes or []], text]}


def blocks(out: str) -> list[dict[str, object]]:
    return list(json.loads(out)["blocks"])


def test_html_gets_the_svg_in_the_page() -> None:
    (block,) = blocks(filter_document(document(code_block(TEA, ["argmap"], [["alt", "Tea"]])), "html5"))
    assert block["t"] == "RawBlock"
    kind, markup = block["c"]  # type: ignore[misc]
    assert kind == "html"
    assert markup.startswith('<div class="argmap"><svg role="img" aria-label="Tea"') and "Tea is tasty." in markup


def test_other_formats_get_a_png_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(MAPS / "drug-trial.argmap", tmp_path)
    source = document(code_block("", ["argmap"], [["file", "drug-trial.argmap"], ["evaluate", "yes"]]))
    (block,) = blocks(filter_document(source, "docx"))
    assert block["t"] == "Para"
    (image,) = block["c"]  # type: ignore[misc]
    assert image["t"] == "Image"
    target = image["c"][2][0]
    assert target.startswith("argmap-images/argmap-") and target.endswith(".png")
    assert (tmp_path / target).read_bytes().startswith(b"\x89PNG")


def test_other_code_blocks_and_broken_maps_stay(capsys: pytest.CaptureFixture[str]) -> None:
    python = code_block("print(1)", ["python"])
    broken = code_block('claim c "C"\nc supports nowhere\n', ["argmap"])
    out = blocks(filter_document(document(python, broken), "html5"))
    assert out == [python, broken]
    assert "2:12: E101 unknown statement `nowhere`" in capsys.readouterr().err


PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_runs_the_filter(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(f"# Notes\n\n```argmap\n{TEA}```\n\n```{{.argmap theme=dark}}\n{TEA}```\n")
    # pandoc finds the filter on PATH, next to this Python's scripts.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for target in ("notes.html", "notes.docx"):
        run = subprocess.run(
            [str(PANDOC), "notes.md", "--filter", "argmap-pandoc", "-o", target],
            cwd=tmp_path, capture_output=True, text=True, env=env,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        assert run.stderr == ""
    html = (tmp_path / "notes.html").read_text(encoding="utf-8")
    assert html.count('<div class="argmap"><svg role="img"') == 2 and "<code" not in html
    assert len(list((tmp_path / "argmap-images").glob("*.png"))) == 2  # two themes, two pictures in the docx
    assert (tmp_path / "notes.docx").stat().st_size > 10_000
