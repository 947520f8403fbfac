"""The Sphinx extension, tested by building a small project with Sphinx's HTML and LaTeX builders."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MAPS

PAGE = """\
Maps
====

.. argmap:: maps/drug-trial.argmap
   :caption: The trial
   :alt: A map of the trial
   :width: 80%

.. argmap::
   :evaluate:
   :theme: dark

   thesis tea "Tea is good."
   claim tasty "Tea is tasty."
   tasty supports tea

.. code-block:: argmap

   thesis tea "Tea is good."  # highlighted
"""

BROKEN = """\
Broken
======

Some text.

.. argmap::

   thesis tea "Tea is good."
   claim tasty "Tea is tasty."
   tasty supports teaa

.. argmap:: maps/broken.argmap

.. argmap:: maps/missing.argmap

.. argmap:: maps/drug-trial.argmap
   :focus: nothing-here

.. argmap:: maps/drug-trial.argmap
   :theme: neon
"""


def project(tmp_path: Path, pages: dict[str, str]) -> Path:
    source = tmp_path / "source"
    (source / "maps").mkdir(parents=True)
    shutil.copy(MAPS / "drug-trial.argmap", source / "maps")
    (source / "conf.py").write_text('project = "maps"\nextensions = ["argmap.sphinx"]\n', encoding="utf-8")
    toc = "\n".join(f"   {name}" for name in pages if name != "index")
    (source / "index.rst").write_text(f"Home\n====\n\n.. toctree::\n\n{toc}\n", encoding="utf-8")
    for name, text in pages.items():
        (source / f"{name}.rst").write_text(text, encoding="utf-8")
    return source


def build(source: Path, builder: str, *options: str) -> subprocess.CompletedProcess[str]:
    out = source.parent / builder
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-q", *options, str(source), str(out)]
    return subprocess.run(command, capture_output=True, text=True)


def test_html_has_the_maps_as_svg_in_the_page_and_highlights_argmap(tmp_path: Path) -> None:
    source = project(tmp_path, {"maps": PAGE})
    run = build(source, "html", "-W")
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "html" / "maps.html").read_text(encoding="utf-8")
    figures = re.findall(r'<div class="argmap-figure"><div class="argmap"[^>]*><svg role="img"[^>]*>', page)
    assert len(figures) == 2
    assert 'aria-label="A map of the trial"' in figures[0] and 'style="width: 80%"' in figures[0]
    assert "The trial" in page  # the caption
    assert "Is Compound Z an effective preventive treatment for migraine?" in page
    assert "Tea is tasty." in page
    assert "#0d1117" in page.split("argmap-figure")[2]  # the second map is dark
    assert "#0d1117" not in page.split("argmap-figure")[1]
    assert '<span class="kt">thesis</span>' in page  # the lexer highlights the code block
    # The pictures are cached under a hash: two files, one per map and settings.
    assert len(list((tmp_path / "html" / "_images").glob("argmap-*.svg"))) == 2


def test_editing_a_map_file_rebuilds_its_page(tmp_path: Path) -> None:
    source = project(tmp_path, {"maps": PAGE})
    assert build(source, "html").returncode == 0
    path = source / "maps" / "drug-trial.argmap"
    path.write_text(path.read_text(encoding="utf-8") + '\nclaim new_claim "A claim added later."\n', encoding="utf-8")
    run = build(source, "html")
    assert run.returncode == 0, run.stderr
    assert "A claim added later." in (tmp_path / "html" / "maps.html").read_text(encoding="utf-8")


def test_latex_includes_png_pictures(tmp_path: Path) -> None:
    source = project(tmp_path, {"maps": PAGE})
    run = build(source, "latex", "-W")
    assert run.returncode == 0, run.stderr
    (tex,) = (tmp_path / "latex").glob("*.tex")
    included = re.findall(r"\\sphinxincludegraphics(\[[^]]*\])?\{([^}]*)\}", tex.read_text(encoding="utf-8"))
    assert [name.endswith(".png") for _, name in included] == [True, True]
    assert included[0][0] == r"[width=0.800\linewidth]"
    for _, name in included:
        assert (tmp_path / "latex" / name).read_bytes().startswith(b"\x89PNG")


def test_map_problems_are_warnings_with_file_and_line(tmp_path: Path) -> None:
    source = project(tmp_path, {"broken": BROKEN})
    (source / "maps" / "broken.argmap").write_text('thesis t "T"\nclaim c "C" {\n', encoding="utf-8")
    run = build(source, "html")
    assert run.returncode == 0, run.stderr  # warnings, not a failed build
    warnings = run.stderr
    page = source / "broken.rst"
    assert f"{page}:10: WARNING: argmap: 3:16: E101 unknown statement `teaa`" in warnings
    broken = source / "maps" / "broken.argmap"
    assert f"{broken}:2: WARNING: argmap: 2:14: E001 expected an id or `}}`, found end of file" in warnings
    assert f"{page}:14: WARNING: argmap: cannot read maps/missing.argmap" in warnings
    assert f"{page}:16: WARNING: argmap: no statement or inference `nothing-here` in the map" in warnings
    assert f"{page}:19: WARNING: argmap: unknown theme `neon`" in warnings
    assert "Traceback" not in warnings
    html = (tmp_path / "html" / "broken.html").read_text(encoding="utf-8")
    assert "<svg" not in html and "Some text." in html


def test_warnings_fail_the_build_under_w(tmp_path: Path) -> None:
    source = project(tmp_path, {"broken": BROKEN})
    run = build(source, "html", "-W")
    assert run.returncode != 0
    assert "E101 unknown statement `teaa`" in run.stderr


@pytest.mark.parametrize("option", [":html:"])
def test_the_interactive_page_is_reserved(tmp_path: Path, option: str) -> None:
    text = f'Page\n====\n\n.. argmap::\n   {option}\n\n   thesis t "Tea."\n'
    source = project(tmp_path, {"page": text})
    run = build(source, "html")
    assert run.returncode == 0
    assert "not available yet" in run.stderr
    assert "<svg" in (tmp_path / "html" / "page.html").read_text(encoding="utf-8")
