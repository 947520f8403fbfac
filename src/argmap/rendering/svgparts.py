"""The picture of the interactive page cut into parts: the page builds only the parts in view.

A browser takes seconds to build the document of a big SVG (a 5,000-statement map
is over 100,000 elements), so the page does not hold the picture as markup. It
holds the *frame* (the ``<svg>`` element, the graph's group, its background and
the sections' boxes) as markup, and every node and edge as a *part*: its SVG text,
its box in the graph's coordinates and the colour it is drawn in. The page's
script builds a part's elements only when it comes into view, and draws the
whole map at low detail (a box per node, a line per edge) when too many are in
view to read.

Every part is a top-level ``<g class="node ...">`` or ``<g class="edge ...">`` of
the graph's group, as Graphviz writes it; the frame keeps everything else, with
an empty ``<g data-layer="node">`` (and ``edge``) where the first part of each
layer was, so the page keeps Graphviz's order of painting.

Example:
    >>> svg = '''<svg viewBox="0 0 10 10"><g id="g" class="graph">
    ... <g id="statement&#45;t" class="node statement"><path fill="#fff" d="M1,2 3,4"/></g>
    ... </g></svg>'''
    >>> cut = cut_picture(svg)
    >>> cut.parts[0].id, cut.parts[0].layer, cut.parts[0].box, cut.parts[0].colour
    ('statement-t', 'node', (1.0, 2.0, 2.0, 2.0), '#fff')
    >>> '<g data-layer="node"></g>' in cut.frame
    True
"""

from __future__ import annotations

import html
import math
import re

import attrs

_TAG = re.compile(r"<(/?)g\b[^>]*?(/?)>")
_GRAPH = re.compile(r'<g\b[^>]*\bclass="graph\b[^>]*>')
_PART = re.compile(r'<g id="([^"]*)" class="(node|edge)\b')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_SHAPE = re.compile(r'\s(?:points|d)="([^"]*)"')
_TEXT = re.compile(r'<text\b[^>]*?\sx="([^"]*)"[^>]*?\sy="([^"]*)"')
_ELLIPSE = re.compile(r'<ellipse\b[^>]*?\scx="([^"]*)"\s+cy="([^"]*)"\s+rx="([^"]*)"\s+ry="([^"]*)"')
_FILL = re.compile(r'<(?:path|polygon|ellipse|rect)\b[^>]*?\sfill="(#[0-9a-fA-F]{3,8}|[a-z]+)"')
_STROKE = re.compile(r'<path\b[^>]*?\sstroke="(#[0-9a-fA-F]{3,8}|[a-z]+)"')
#: A part's texts reach out from their anchor point by about this much (the box only needs to be near enough to cull).
_TEXT_REACH = 8.0


@attrs.frozen
class Part:
    """One node or edge of the picture.

    Attributes:
        id: its element id (``statement-t``, ``inference-a1``, ``edge-...``), entities decoded.
        layer: ``node`` or ``edge``.
        svg: its SVG text, a ``<g>`` element.
        box: x, y, width, height in the graph group's coordinates.
        colour: the fill of a node's shape, the stroke of an edge's line (for the low-detail picture).
        ends: an edge's first and last point (x1, y1, x2, y2); empty for a node.
    """

    id: str
    layer: str
    svg: str
    box: tuple[float, float, float, float]
    colour: str
    ends: tuple[float, ...] = ()


@attrs.frozen
class CutPicture:
    """A picture as its frame (markup) and its parts.

    Attributes:
        frame: the SVG without its parts, with an empty ``<g data-layer="...">`` per layer.
        parts: the nodes and edges, in the order the SVG paints them.
    """

    frame: str
    parts: tuple[Part, ...]


def cut_picture(svg: str) -> CutPicture:
    """Cut ``svg`` (Graphviz's, with ``class="graph"`` on its main group) into its frame and parts."""
    graph = _GRAPH.search(svg)
    if graph is None:
        return CutPicture(svg, ())
    frame: list[str] = [svg[: graph.end()]]
    parts: list[Part] = []
    layers: set[str] = set()
    at = graph.end()
    for start, end in _children(svg, at):
        hit = _PART.match(svg, start)
        if hit is None:
            continue
        layer = hit.group(2)
        frame.append(svg[at:start])
        if layer not in layers:
            layers.add(layer)
            frame.append(f'<g data-layer="{layer}"></g>')
        at = _line_end(svg, end)
        parts.append(_part(html.unescape(hit.group(1)), layer, svg[start:end]))
    frame.append(svg[at:])
    return CutPicture("".join(frame), tuple(parts))


def _line_end(svg: str, end: int) -> int:
    return end + 1 if svg.startswith("\n", end) else end


def _children(svg: str, at: int) -> list[tuple[int, int]]:
    """The spans of the ``<g>`` elements directly inside the group whose content starts at ``at``."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for tag in _TAG.finditer(svg, at):
        closing, empty = tag.group(1), tag.group(2)
        if empty:
            if depth == 0:
                spans.append((tag.start(), tag.end()))
            continue
        if not closing:
            if depth == 0:
                start = tag.start()
            depth += 1
            continue
        if depth == 0:
            break  # the end of the graph's group
        depth -= 1
        if depth == 0:
            spans.append((start, tag.end()))
    return spans


def shapes(svg: str) -> list[list[float]]:
    """The numbers of each shape's ``points`` or ``d`` in ``svg``, in order (x, y, x, y...).

    Example:
        >>> shapes('<path d="M1,2C3,4 5,6 7,8"/><polygon points="-1.5,0 2e1,3"/>')
        [[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0], [-1.5, 0.0, 20.0, 3.0]]
    """
    return [[float(n) for n in _NUMBER.findall(shape)] for shape in _SHAPE.findall(svg)]


def _part(ident: str, layer: str, text: str) -> Part:
    xs: list[float] = []
    ys: list[float] = []
    first_shape: list[float] = []
    for numbers in shapes(text):
        xs.extend(numbers[0::2])
        ys.extend(numbers[1::2])
        if not first_shape:
            first_shape = numbers
    for cx, cy, rx, ry in _ELLIPSE.findall(text):
        xs.extend((float(cx) - float(rx), float(cx) + float(rx)))
        ys.extend((float(cy) - float(ry), float(cy) + float(ry)))
    for x, y in _TEXT.findall(text):
        xs.extend((float(x) - _TEXT_REACH, float(x) + _TEXT_REACH))
        ys.extend((float(y) - _TEXT_REACH, float(y) + _TEXT_REACH))
    box = _box(xs, ys) if xs and ys else (0.0, 0.0, 0.0, 0.0)
    if layer == "edge":
        stroke = _STROKE.search(text)
        ends = tuple(_round(v) for v in (first_shape[:2] + first_shape[-2:])) if len(first_shape) >= 4 else ()
        return Part(ident, layer, text, box, stroke.group(1) if stroke else "#57606a", ends)
    fill = _FILL.search(text)
    return Part(ident, layer, text, box, fill.group(1) if fill else "#ffffff")


def _box(xs: list[float], ys: list[float]) -> tuple[float, float, float, float]:
    """The box around the points, to a tenth, rounded outwards."""
    left, top = math.floor(min(xs) * 10) / 10, math.floor(min(ys) * 10) / 10
    right, bottom = math.ceil(max(xs) * 10) / 10, math.ceil(max(ys) * 10) / 10
    return left, top, _round(right - left), _round(bottom - top)


def _round(value: float) -> float:
    return round(value, 1)
