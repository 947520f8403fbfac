"""`argmap render --evaluate`: statuses drawn on the map, with what-ifs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.cli import exit_codes, main
from argmap.rendering.options import RenderOptions
from argmap.rendering.render import picture

from .conftest import MAPS

TEA = """
thesis t "Tea is good for you."
evidence e "Tea contains antioxidants."
objection o "A cup holds too few antioxidants to matter."
objection r "Several cups a day add up."
argument health: e => t
o undercuts health
r attacks o
"""


@pytest.fixture
def tea(tmp_path: Path) -> Path:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA, encoding="utf-8")
    return path


def statuses_in(dot: str) -> dict[str, str]:
    """Node id (in the map graph) -> status class, read from the DOT output."""
    pattern = r'^\t"?(?:statement|inference)-([\w.]+)"? \[.*class="[^"]*status-(in|out|undecided)"'
    return dict(re.findall(pattern, dot, re.M))


def render(tea: Path, *args: str) -> tuple[int, str]:
    out = tea.with_suffix(".dot")
    code = main(["render", str(tea), "-o", str(out), *args])
    return code, out.read_text(encoding="utf-8") if out.exists() else ""


def test_statuses_are_drawn_with_a_badge_and_a_legend(tea: Path) -> None:
    code, dot = render(tea, "--evaluate")
    assert code == exit_codes.OK
    assert statuses_in(dot) == {
        "t": "in",
        "e": "in",
        "o": "out",
        "r": "in",
        "health": "in",
    }
    # An inference without a junction shows its status on its line (class and tooltip).
    assert re.search(r'"statement-r" -> "statement-o" \[.*class="undermine status-in".*Status: IN', dot)
    assert re.search(r'"statement-o" -> "inference-health" \[.*class="undercut status-out".*Status: OUT', dot)
    assert "<B>OUT</B>" in dot  # the word survives greyscale, not only the colour
    assert 'ID="argmap-status-undecided"' in dot  # the key under the title


def test_what_ifs_change_the_picture(tea: Path) -> None:
    code, dot = render(tea, "--evaluate", "--reject", "r")
    assert code == exit_codes.OK
    assert statuses_in(dot)["t"] == "out"
    code, dot = render(tea, "--evaluate", "--semantics", "stable", "--assume", "o")
    assert statuses_in(dot)["health"] == "out"


def test_without_evaluate_no_statuses(tea: Path) -> None:
    code, dot = render(tea)
    assert code == exit_codes.OK and statuses_in(dot) == {} and "argmap-status-undecided" not in dot


def test_what_ifs_need_evaluate(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = render(tea, "--reject", "r")
    assert code == exit_codes.USAGE
    assert "--semantics, --assume, --reject and --distrust need --evaluate" in capsys.readouterr().err


def test_unknown_ids_exit_2(tea: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = render(tea, "--evaluate", "--reject", "rr")
    assert code == exit_codes.USAGE
    assert "cannot reject `rr`: no statement or inference has that id (did you mean `r`?)" in capsys.readouterr().err


# -- Statuses are an overlay ---------------------------------------------------------

SVG_NS = "{http://www.w3.org/2000/svg}"


def node_corners(svg: bytes) -> dict[str, tuple[float, float]]:
    """The top-left corner of every statement box and junction, by SVG id, read from the SVG."""
    import xml.etree.ElementTree as ET

    out = {}
    for g in ET.fromstring(svg).iter(f"{SVG_NS}g"):
        if not g.get("class", "").startswith("node"):
            continue
        shape = next(
            (el for el in g.iter() if el.tag in (f"{SVG_NS}polygon", f"{SVG_NS}path", f"{SVG_NS}ellipse")), None
        )
        if shape is None:
            continue
        if shape.tag == f"{SVG_NS}ellipse":
            out[g.get("id", "")] = (float(shape.get("cx", "0")), float(shape.get("cy", "0")))
            continue
        numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", shape.get("points") or shape.get("d", ""))]
        out[g.get("id", "")] = (min(numbers[0::2]), min(numbers[1::2]))
    return out


@pytest.mark.parametrize(
    "what_if",
    [
        {},
        {"reject": ("istanbul_deal",), "distrust": ("reviewer",)},
        {"semantics": "preferred", "assume": ("us_prevented",)},
    ],
    ids=["plain", "reject-distrust", "preferred-assume"],
)
def test_an_evaluated_picture_has_the_layout_of_the_plain_one(what_if: dict[str, object]) -> None:
    m = argmap.load(MAPS / "peace-talks.argmap")
    plain = node_corners(picture(m, RenderOptions()).data)
    evaluated = node_corners(picture(m, RenderOptions(evaluate=True, **what_if)).data)  # type: ignore[arg-type]
    assert set(plain) == set(evaluated)
    # The title may grow a caption: the same positions up to one shift of the whole picture.
    (px, py), (ex, ey) = plain["statement-us_prevented"], evaluated["statement-us_prevented"]
    moved = {
        n
        for n in plain
        if abs(plain[n][0] + ex - px - evaluated[n][0]) > 0.01 or abs(plain[n][1] + ey - py - evaluated[n][1]) > 0.01
    }
    assert not moved


def test_the_caption_names_the_semantics_and_every_what_if() -> None:
    m = argmap.load(MAPS / "peace-talks.argmap")
    options = RenderOptions(
        evaluate=True,
        semantics="preferred",
        assume=("us_prevented",),
        reject=("istanbul_deal",),
        distrust=("reviewer",),
        prefer=(("istanbul_deal", "us_prevented"),),
    )
    svg = picture(m, options).data.decode("utf-8")
    caption = re.search(r'id="a_argmap&#45;caption"><a xlink:title="([^"]*)"', svg)
    assert caption is not None
    words = caption.group(1)
    for part in ("preferred semantics", "assumed: us_prevented", "rejected: istanbul_deal", "distrusted: reviewer"):
        assert part in words
    assert "preferred: istanbul_deal over us_prevented" in words
    assert "argmap&#45;caption" not in picture(m, RenderOptions()).data.decode("utf-8")


def test_statements_set_aside_are_drawn_apart_from_defeated_ones() -> None:
    import xml.etree.ElementTree as ET

    m = argmap.load(MAPS / "peace-talks.argmap")
    root = ET.fromstring(picture(m, RenderOptions(evaluate=True, distrust=("reviewer",))).data)
    nodes = {g.get("id"): g for g in root.iter(f"{SVG_NS}g") if g.get("class", "").startswith("node statement")}
    aside = [g for g in nodes.values() if "aside" in g.get("class", "").split()]
    assert aside  # the reviewer's questions
    for g in aside:
        words = {"".join(t.itertext()) for t in g.iter(f"{SVG_NS}text")}
        assert "SET ASIDE" in words and "OUT" not in words  # a word, not only a colour
        outline = next(el for el in g.iter() if el.tag in (f"{SVG_NS}path", f"{SVG_NS}polygon"))
        assert outline.get("stroke-dasharray")  # and a dashed border
    defeated = [g for g in nodes.values() if "status-out" in g.get("class", "") and g not in aside]
    assert all("OUT" in {"".join(t.itertext()) for t in g.iter(f"{SVG_NS}text")} for g in defeated)
    key = {el.get("id") for el in root.iter() if el.get("id", "").startswith("a_argmap-status-")}
    assert "a_argmap-status-aside" in key  # the key under the title explains it


@pytest.mark.parametrize("command", ["render", "serve"])
@pytest.mark.parametrize(
    ("asked", "message"),
    [
        (("--reject", "r"), "--semantics, --assume, --reject and --distrust need --evaluate"),
        (("--prefer", "r", "o"), "--ordering, --comparison and --prefer need --evaluate"),
    ],
)
def test_render_and_serve_say_alike_what_needs_evaluate(
    tea: Path, command: str, asked: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ("--no-open",) if command == "serve" else ("-o", str(tea.with_suffix(".svg")))
    assert main([command, str(tea), *extra, *asked]) == exit_codes.USAGE
    assert capsys.readouterr().err.strip().endswith(message)
    assert not tea.with_suffix(".svg").exists()
