"""Details of the picture: a legend of exactly the glyphs drawn, sources as numbered references,
one name per inference, and lines told apart in greyscale."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap.language import key_slug
from argmap.rendering.build import build_graph
from argmap.rendering.options import RenderOptions

from .conftest import MAPS

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
DIRECTIONS = ("up", "down", "right", "left")

SMALL = """
title "Tea"
thesis t "Tea is good for you."
evidence e "Tea contains antioxidants." { source: lab }
claim d "Antioxidants protect cells."
objection o "A cup holds too few antioxidants to matter."
source lab "A lab report on tea and health, with a title longer than forty characters" {
  author: "Ann Analyst"
  date: 2021-03
  url: "https://example.org/lab?a=1&b=2"
}
argument why: e + d => t
o undercuts why
"""


def svg_of(m: argmap.ArgumentMap, **kw: object) -> ET.Element:
    return ET.fromstring(argmap.render(m, "svg", **kw))  # type: ignore[arg-type]


def groups(root: ET.Element) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class", "").startswith(("node", "edge"))]


def glyph_of(g: ET.Element) -> str | None:
    """The glyph an element draws: ``statement-KIND``, ``edge-KIND`` or its junction glyph class."""
    classes = [c for c in g.get("class", "").split() if c != "legend"]
    found = re.search(r"glyph-(\S+)", g.get("class", ""))
    if found:
        return found.group(1)
    if classes[:2] == ["node", "statement"]:
        return f"statement-{classes[2]}"
    if classes[0] == "edge":
        return f"edge-{classes[1]}"
    return None


def legend_ids(root: ET.Element) -> set[str]:
    return {g.get("id", "") for g in groups(root) if "legend" in g.get("class", "").split()}


def glyph_sets(root: ET.Element) -> tuple[set[str], set[str]]:
    """The glyphs the legend shows and the glyphs the map draws."""
    in_legend = legend_ids(root)
    shown, drawn = set(), set()
    for g in groups(root):
        glyph = glyph_of(g)
        if glyph:
            (shown if g.get("id") in in_legend else drawn).add(glyph)
    return shown, drawn


def points(g: ET.Element) -> list[tuple[float, float]]:
    """Every coordinate in a group's shapes."""
    out: list[tuple[float, float]] = []
    for el in g.iter():
        if el.tag in (f"{SVG}polygon", f"{SVG}polyline"):
            nums = [float(x) for x in re.findall(r"-?[\d.]+", el.get("points", ""))]
            out += list(zip(nums[::2], nums[1::2], strict=True))
        elif el.tag == f"{SVG}path":
            nums = [float(x) for x in re.findall(r"-?[\d.]+", el.get("d", ""))]
            out += list(zip(nums[::2], nums[1::2], strict=True))
        elif el.tag == f"{SVG}ellipse":
            cx, cy, rx, ry = (float(el.get(k, 0)) for k in ("cx", "cy", "rx", "ry"))
            out += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    return out


def box(g: ET.Element) -> tuple[float, float, float, float]:
    xs, ys = zip(*points(g), strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def by_id(root: ET.Element, ident: str) -> ET.Element:
    return next(g for g in root.iter(f"{SVG}g") if g.get("id") == ident)


# -- The legend ----------------------------------------------------------------


@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("name", ["drug-trial", "peace-talks"])
def test_the_legend_shows_exactly_the_glyphs_the_map_draws(name: str, direction: str) -> None:
    shown, drawn = glyph_sets(svg_of(argmap.load(MAPS / f"{name}.argmap"), direction=direction))
    assert shown == drawn
    assert "junction-support-dot" not in shown or name == "peace-talks"


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_a_dot_is_in_the_legend_only_when_a_dot_is_drawn(direction: str) -> None:
    with_dot = argmap.loads('thesis t "T" claim a "A" claim b "B" argument: a + b => t')
    shown, drawn = glyph_sets(svg_of(with_dot, direction=direction))
    assert shown == drawn == {"statement-thesis", "statement-claim", "edge-support", "junction-support-dot"}
    without = argmap.loads('thesis t "T" claim a "A" a supports t objection o "O" o attacks a')
    shown, drawn = glyph_sets(svg_of(without, direction=direction))
    assert shown == drawn and not any(g.startswith("junction") for g in shown)


def test_legend_junctions_are_drawn_as_the_maps_are() -> None:
    """A square junction is a square in both places, a labelled one a box: the same shape elements."""
    m = argmap.loads(
        'thesis t "T" claim a "A" claim b "B" objection o "O" objection p "P"\n'
        'argument: a + b => t\nattack: o + p => t\nattack named "Named": o => a'
    )
    root = svg_of(m)
    in_legend = legend_ids(root)
    shapes: dict[tuple[str, bool], set[tuple[str, int]]] = {}
    for g in groups(root):
        glyph = glyph_of(g)
        if glyph and glyph.startswith("junction"):
            drawn = {(el.tag, len(re.findall(r"[\d.]+,", el.get("points", "")))) for el in g.iter()}
            drawn = {d for d in drawn if d[0] in (f"{SVG}polygon", f"{SVG}ellipse", f"{SVG}path")}
            shapes.setdefault((glyph, g.get("id") in in_legend), set()).update(drawn)
    assert {glyph for glyph, _ in shapes} == {"junction-support-dot", "junction-attack-dot", "junction-attack-box"}
    for glyph in ("junction-support-dot", "junction-attack-dot", "junction-attack-box"):
        assert shapes[(glyph, True)] == shapes[(glyph, False)], glyph
    assert shapes[("junction-support-dot", True)] == {(f"{SVG}ellipse", 0)}
    assert shapes[("junction-attack-dot", True)] == {(f"{SVG}polygon", 5)}  # a square: four corners and back


def big_map(statements: int = 30) -> argmap.ArgumentMap:
    """A map of ``statements`` statements that draws every glyph there is: the legend at its largest."""
    lines = ['thesis t "The plan works."', 'assumption a "The budget holds."', 'objection o0 "It costs too much."']
    lines += [f'claim c{n} "Reason {n} for the plan, said in a few more words."' for n in range(statements - 7)]
    lines += ['evidence e "A report." { source: rep }', 'source rep "A report" { url: "https://example.org" }']
    lines += ['objection o1 "The report is old."', 'claim k "The plan fails."', 'claim d "The plan is dear."']
    lines += ["t contradicts k", "o0 attacks t", "o1 attacks e", "argument: c0 + a => t", "e supports c0"]
    lines += ["argument named: c1 + c2 => t { scheme: expert_opinion }", "attack: o1 + d => t", "attack why: o1 => a"]
    lines += ["undercut: o0 + d => named", "undercut cut: d => why"]
    lines += [f"c{n} supports c{n - 1}" for n in range(3, statements - 7)]
    return argmap.loads("\n".join(lines))


def absolute_boxes(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    """The box of each node, edge and cluster group, in the coordinates of the whole picture (transforms applied)."""
    out: dict[str, tuple[float, float, float, float]] = {}

    def walk(el: ET.Element, dx: float, dy: float) -> None:
        found = re.search(r"translate\((-?[\d.]+)[ ,](-?[\d.]+)\)", el.get("transform", ""))
        if found:
            dx, dy = dx + float(found.group(1)), dy + float(found.group(2))
        if el.tag == f"{SVG}g" and el.get("class", "").startswith(("node", "edge", "cluster")):
            found = turned(el, [*points(el), *text_points(el)])
            if found:
                xs, ys = zip(*found, strict=True)
                out[el.get("id", "")] = (min(xs) + dx, min(ys) + dy, max(xs) + dx, max(ys) + dy)
            return
        for child in el:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return out


def turned(g: ET.Element, found: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points of a group as drawn: turned by its ``rotate(A X Y)`` transform, if it has one."""
    rotation = re.search(r"rotate\((-?[\d.]+) (-?[\d.]+) (-?[\d.]+)\)", g.get("transform", ""))
    if rotation is None:
        return found
    angle, cx, cy = (float(n) for n in rotation.groups())
    cos, sin = round(math.cos(math.radians(angle)), 9), round(math.sin(math.radians(angle)), 9)
    return [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in found]


def text_points(g: ET.Element) -> list[tuple[float, float]]:
    """The corners of the lines of text in a group, measured in the fonts they are drawn in."""
    from argmap.rendering.fonts import text_width

    out: list[tuple[float, float]] = []
    for el in g.iter(f"{SVG}text"):
        x, y, size = float(el.get("x", 0)), float(el.get("y", 0)), float(el.get("font-size", 0))
        width = text_width(el.text or "", size, el.get("font-weight") == "bold")
        left = {"start": x, "middle": x - width / 2, "end": x - width}[el.get("text-anchor", "start")]
        out += [(left, y - 0.72 * size), (left + width, y)]  # from the cap height to the baseline
    return out


def legend_share(root: ET.Element) -> float:
    """The legend's share of the picture's area: the box of its frame."""
    boxes = absolute_boxes(root)
    x0, y0, x1, y1 = boxes["argmap-legend-frame"]
    items = [b for ident, b in boxes.items() if ident.startswith("argmap-legend-")]
    assert all(x0 <= b[0] and b[2] <= x1 and y0 <= b[1] and b[3] <= y1 for b in items)  # all in the frame
    width, height = (float(root.get(k, "0").removesuffix("pt")) for k in ("width", "height"))
    return (x1 - x0) * (y1 - y0) / (width * height)


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_the_legend_is_at_most_a_tenth_of_the_picture_of_a_map_of_30_statements(direction: str) -> None:
    m = big_map(30)
    root = svg_of(m, direction=direction)
    shown, drawn = glyph_sets(root)
    assert shown == drawn and len(shown) >= 12  # every kind of line, junction and box, and the badge
    assert legend_share(root) <= 0.1


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_the_legend_is_at_most_a_tenth_of_the_picture_of_the_repository_maps(direction: str) -> None:
    for path in MAPS.glob("*.argmap"):
        assert legend_share(svg_of(argmap.load(path), direction=direction)) <= 0.1, path.name


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_the_legend_and_references_are_under_the_map(direction: str) -> None:
    root = svg_of(argmap.loads(SMALL), direction=direction)
    boxes = absolute_boxes(root)
    legend_top = min(b[1] for ident, b in boxes.items() if ident.startswith(("argmap-legend-", "argmap-references")))
    statements = [b for ident, b in boxes.items() if ident.startswith("statement-")]
    assert statements and all(b[3] <= legend_top for b in statements)
    width, height = (float(root.get(k, "0").removesuffix("pt")) for k in ("width", "height"))
    assert all(b[0] >= 0 and b[2] <= width and b[3] <= height for b in boxes.values())  # all inside the picture


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_every_caption_is_on_the_row_of_its_glyph(direction: str) -> None:
    boxes = absolute_boxes(svg_of(big_map(30), direction=direction))
    captions = {ident.removesuffix("-text"): b for ident, b in boxes.items() if ident.endswith("-text")}
    assert len(captions) >= 8
    for glyph, caption in captions.items():
        _, y0, x1, y1 = boxes[glyph]
        assert abs((y0 + y1) / 2 - (caption[1] + caption[3]) / 2) <= 3, glyph  # one line
        assert x1 <= caption[0] <= x1 + 12, glyph  # the words just right of the glyph


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_legend_lines_run_as_the_maps_lines_do(direction: str) -> None:
    """Upright with up and down, across with right and left; the arrowhead where the map has it."""
    root = svg_of(argmap.loads(SMALL), direction=direction)
    legend = by_id(root, "argmap-legend-support")
    x0, y0, x1, y1 = box_of(turned(legend, points(legend)))
    across = direction in ("right", "left")
    assert (x1 - x0 > 2 * (y1 - y0)) if across else (y1 - y0 > 2 * (x1 - x0))
    tip = turned(legend, [p for el in legend.iter(f"{SVG}polygon") for p in points_of(el)])
    line = turned(legend, [p for el in legend.iter(f"{SVG}path") for p in points_of(el)])
    assert tip and line
    axis = 0 if across else 1
    centre, middle = sum(p[axis] for p in tip) / len(tip), sum(p[axis] for p in line) / len(line)
    forward = {"up": centre < middle, "down": centre > middle, "right": centre > middle, "left": centre < middle}
    assert forward[direction]


def box_of(found: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = zip(*found, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def points_of(el: ET.Element) -> list[tuple[float, float]]:
    nums = [float(x) for x in re.findall(r"-?[\d.]+", el.get("points", "") or el.get("d", ""))]
    return list(zip(nums[::2], nums[1::2], strict=True))


def test_evaluated_pictures_key_the_statuses_under_the_title_not_in_the_legend() -> None:
    # The legend is laid out with the map; a status row would move the map (statuses are an overlay).
    dot = argmap.to_dot(argmap.loads(SMALL), statuses=argmap.evaluate(argmap.loads(SMALL)).statuses())
    assert all(f'ID="argmap-status-{s}"' in dot for s in ("in", "out", "undecided"))
    root = svg_of(argmap.loads(SMALL), statuses=argmap.evaluate(argmap.loads(SMALL)).statuses())
    assert legend_ids(root) and not legend_ids(root) & {f"argmap-legend-{s}" for s in ("in", "out", "undecided")}
    assert {"IN", "OUT", "UNDECIDED"} <= {t.text for t in root.iter(f"{SVG}text")}  # the key is drawn


# -- Sources as references -----------------------------------------------------------


def test_a_footer_says_each_thing_once_and_the_source_by_number() -> None:
    g = build_graph(argmap.load(MAPS / "peace-talks.argmap"))
    node = g.node("bennett_initiated")
    ref = next(r for r in g.references if r.id == "bennett_interview")
    assert node.footer == (f"Naftali Bennett · [{ref.number}]",)
    assert node.reference == ref.number
    assert ref.title == "Interview with Naftali Bennett, 2 February 2023"
    assert [r.number for r in g.references] == list(range(1, len(g.references) + 1))
    assert "tac" not in {r.id for r in g.references}  # the source the map reconstructs is in the subtitle
    assert not any("…" in line for n in g.nodes for line in n.footer)


def test_references_are_listed_once_in_full_with_safe_links() -> None:
    m = argmap.loads(
        SMALL
        + 'claim c "C" { source: bad }\nsource bad "A source whose link is a script" { url: "javascript:alert(1)" }\n'
        + 'claim m "M" { source: mail }\nsource mail "A letter" { url: "mailto:ann@example.org" }\n'
    )
    root = svg_of(m)
    refs = by_id(root, "argmap-references")
    text = " ".join(t.text or "" for t in refs.iter(f"{SVG}text"))
    assert text.count("A lab report on tea and health, with a title longer than forty characters") == 1
    assert "Ann Analyst" in text and "2021-03" in text and "[1]" in text and "[3]" in text
    links = {a.get(f"{XLINK}href") for a in refs.iter(f"{SVG}a")} - {None}
    assert links == {"https://example.org/lab?a=1&b=2", "mailto:ann@example.org"}
    statement = by_id(root, "statement-e")
    assert "[1]" in " ".join(t.text or "" for t in statement.iter(f"{SVG}text"))
    assert "lab report" not in " ".join(t.text or "" for t in statement.iter(f"{SVG}text"))


def test_a_map_without_sources_has_no_references() -> None:
    root = svg_of(argmap.loads('thesis t "T" claim c "C" c supports t'))
    assert not [g for g in root.iter(f"{SVG}g") if g.get("id") == "argmap-references"]
    assert build_graph(argmap.loads('thesis t "T"')).references == ()


# -- One name per inference -------------------------------------------------------------


def test_svg_json_and_tooltips_name_inferences_as_evaluation_does() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    ev = argmap.evaluate(m)
    g = build_graph(m, RenderOptions(statuses=ev.statuses()))
    for node in g.nodes:
        if node.kind.value == "junction":
            inf = next(i for i in m.inferences() if i.key == node.ref)
            assert node.id == key_slug(inf.key)
            assert ev.status(node.id) is ev.status(inf.key)  # the SVG id form is accepted
            assert node.name == inf.key  # every inference's name is on an evaluated picture
            assert f"{inf.kind.value} {inf.key}]" in node.tooltip
    data = g.as_dict()
    assert {n["ref"] for n in data["nodes"] if n["kind"] == "junction"} <= set(ev.statuses())


def test_named_inferences_show_their_id_on_the_picture() -> None:
    root = svg_of(argmap.loads(SMALL))
    junction = by_id(root, "inference-why")
    assert "why" in [t.text for t in junction.iter(f"{SVG}text")]
    evaluated = svg_of(argmap.loads(SMALL), statuses=argmap.evaluate(argmap.loads(SMALL)).statuses())
    # drawn as one line (statuses add no junction: the layout is the plain one's), named in its tooltip
    undercut = by_id(evaluated, "edge-o.undercuts.why")
    assert any((a.get(f"{XLINK}title") or "").startswith("o undercuts why") for a in undercut.iter(f"{SVG}a"))


# -- Lines and junction boxes ---------------------------------------------------------------


def test_support_and_rebut_differ_in_line_style_in_print() -> None:
    m = argmap.loads('thesis t "T" claim c "C" objection o "O" c supports t o attacks t')
    root = svg_of(m, theme="print", legend=False)
    paths = {
        kind: next(next(g for g in groups(root) if g.get("class", "").startswith(f"edge {kind}")).iter(f"{SVG}path"))
        for kind in ("support", "rebut")
    }
    assert paths["support"] is not None and paths["rebut"] is not None
    assert paths["support"].get("stroke") == paths["rebut"].get("stroke")  # black, both
    widths = {k: float(p.get("stroke-width", "1")) for k, p in paths.items()}
    assert widths["rebut"] >= 1.6 * widths["support"]


def test_two_line_junction_labels_keep_clear_of_the_border() -> None:
    m = argmap.loads(
        'thesis t "T" claim a "A" claim b "B" argument j "Two lines": a + b => t { scheme: expert_opinion }'
    )
    junction = by_id(svg_of(m, legend=False), "inference-j")
    _, y0, _, y1 = box(junction)
    texts = list(junction.iter(f"{SVG}text"))
    assert len(texts) == 4  # the badge of open questions, the name, the label, the scheme
    for t in texts:
        size = float(t.get("font-size", "0"))
        baseline = float(t.get("y", "0"))
        assert baseline - size >= y0 + 2 and baseline + size * 0.25 <= y1 - 2


@pytest.mark.parametrize("direction", ["up", "down"])
def test_the_legend_reads_from_the_top_statement_kinds_first(direction: str) -> None:
    root = svg_of(argmap.load(MAPS / "drug-trial.argmap"), direction=direction)
    in_legend = legend_ids(root)
    legend = [g for g in groups(root) if g.get("id") in in_legend]
    glyphs = [g for g in legend if g.get("class", "").startswith(("node legend statement", "edge legend"))]
    # read as text is read: row by row from the top (a row's glyphs share their middle), each left to right
    order = [g.get("id") for g in sorted(glyphs, key=lambda g: (round((box(g)[1] + box(g)[3]) / 2), box(g)[0]))]
    kinds = [f"argmap-legend-{k}" for k in ("thesis", "claim", "evidence", "assumption", "objection")]
    assert order[:5] == kinds
    lines = {"support", "rebut", "undermine", "undercut", "contradiction"}
    assert {i.removeprefix("argmap-legend-") for i in order[5:]} == lines
