"""The map's picture with its legend and references under it, put together as one SVG.

The legend and the references are graphs of their own (see
:func:`argmap.rendering.dot.key_dot`), laid out by their own engine run, so
they neither take the map's ranks nor move its boxes. Their pictures are put
under the map's, left-aligned like a figure's key: the root ``<svg>`` grows to
hold them, and each is one group with an id of argmap's (``argmap-legend``,
``argmap-references``) moved into place, without its own background. The legend
and the references stand side by side when the map is wide enough for both,
else the references go under the legend.

Example:
    >>> map_svg = (
    ...     '<svg width="100pt" height="50pt"\\n viewBox="0.00 0.00 100.00 50.00" xmlns="x">\\n'
    ...     '<g id="argmap&#45;graph" class="graph" transform="scale(1 1) rotate(0) translate(4 46)">\\n'
    ...     '<title>m</title>\\n</g>\\n</svg>\\n'
    ... )
    >>> key_svg = (
    ...     '<svg width="80pt" height="20pt"\\n viewBox="0.00 0.00 80.00 20.00" xmlns="x">\\n'
    ...     '<g id="argmap&#45;legend&#45;graph" class="graph" transform="scale(1 1) rotate(0) translate(4 16)">\\n'
    ...     '<title>argmap&#45;legend</title>\\n<polygon fill="white" points="0,0"/>\\n'
    ...     '<g id="argmap&#45;legend&#45;x" class="node legend"></g>\\n</g>\\n</svg>\\n'
    ... )
    >>> out = compose(map_svg.encode(), key_svg.encode(), "#fff").decode()
    >>> print(out[: out.index(">") + 1])
    <svg width="100pt" height="58pt"
     viewBox="0.00 0.00 100.00 58.00" xmlns="x">
    >>> '<g id="argmap-legend" class="legend" transform="translate(4 54)">' in out
    True
"""

from __future__ import annotations

import re

from attrs import frozen

from argmap.rendering.key import LEGEND_ID, REFERENCES_ID
from argmap.rendering.svgparts import shapes

#: The root element's size, as the engine writes it.
_ROOT = re.compile(
    r'<svg width="(?P<w>[\d.]+)pt" height="(?P<h>[\d.]+)pt"(?P<gap>\s+)viewBox="[-\d.]+ [-\d.]+ [\d.]+ [\d.]+"'
)
#: A graph's main group, as the engine writes it.
_GRAPH = re.compile(
    r'<g id="(?P<id>[^"]*)" class="graph[^"]*" '
    r'transform="scale\(1 1\) rotate\(0\) translate\((?P<x>-?[\d.]+) (?P<y>-?[\d.]+)\)">\n'
    r"<title>[^<]*</title>\n(?:<polygon [^>]*/>\n)?"
)
#: The ends of a graph's group and of the picture.
_END = re.compile(r"</g>\n</svg>\n?\Z")
#: A line of the legend to turn upright: its group's opening tag and its content.
_TURNED = re.compile(
    r'(?P<open><g id="[^"]*" class="edge legend [a-z]+ turn(?:-|&#45;)(?P<way>up|down)")>'
    r"(?P<body>.*?</a>\n</g>\n)",
    re.DOTALL,
)
#: An upright line is moved this many points right, nearer its words.
TURN_SHIFT = 5.0
#: The end of a picture, in its last bytes.
_TAIL = re.compile(rb"</svg>\n?\Z")
#: The engine writes a picture's size within this many bytes of its start.
HEAD = 4096
#: The room by which a part of the key reaches up into the map's bottom padding, in points.
OVERLAP = 12.0
#: The wrappers' ids and classes, by the id of the graph drawn.
WRAPPERS = {f"{LEGEND_ID}-graph": LEGEND_ID, f"{REFERENCES_ID}-graph": REFERENCES_ID}
CLASSES = {LEGEND_ID: "legend", REFERENCES_ID: "references"}


class ComposeError(ValueError):
    """An SVG is not laid out as the engine writes it."""


@frozen
class Piece:
    """One graph's picture, ready to be put in another.

    Attributes:
        id: the id of its group in the whole picture.
        body: its elements, without its group, title and background.
        width: its width in points.
        height: its height in points.
        x: where its elements' origin is in its own picture (the engine's translation).
        y: the same, down.
    """

    id: str
    body: str
    width: float
    height: float
    x: float
    y: float


def composable(svg: bytes) -> bool:
    """Whether a picture is laid out as the engine writes it, so that others can be put under it."""
    return _ROOT.search(_head(svg)) is not None and _TAIL.search(svg[-16:]) is not None


def size(svg: bytes) -> tuple[float, float]:
    """The width and height of a picture of the engine's, in points.

    Raises:
        ComposeError: the picture has no size where the engine writes it.
    """
    found = _ROOT.search(_head(svg))
    if found is None:
        raise ComposeError("the picture has no size")
    return float(found["w"]), float(found["h"])


def _head(svg: bytes) -> str:
    """The start of a picture, where the engine writes its size (a big map's SVG is not decoded whole)."""
    return svg[:HEAD].decode("utf-8", "replace")


def pieces(svg: bytes) -> list[Piece]:
    """The pictures of an engine run on several graphs (one SVG document after another).

    Raises:
        ComposeError: a picture is not laid out as the engine writes it.
    """
    from argmap.rendering.engine import documents

    return [_piece(part.decode("utf-8")) for part in documents(svg)]


def _piece(text: str) -> Piece:
    root, graph, end = _ROOT.search(text), _GRAPH.search(text), _END.search(text)
    if root is None or graph is None or end is None:
        raise ComposeError("a picture of the key is not laid out as the engine writes it")
    ident = WRAPPERS.get(graph["id"].replace("&#45;", "-"))
    if ident is None:
        raise ComposeError(f"unknown part of the key: {graph['id']}")
    body = _TURNED.sub(_turn, text[graph.end() : end.start()])
    return Piece(ident, body, float(root["w"]), float(root["h"]), float(graph["x"]), float(graph["y"]))


def _turn(found: re.Match[str]) -> str:
    """A line drawn across, turned upright about its middle and moved up to its words.

    See :meth:`argmap.rendering.key.KeyWriter._legend_edge`.
    """
    numbers = [n for shape in shapes(found["body"]) for n in shape]
    xs, ys = numbers[0::2], numbers[1::2]
    x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    angle = -90 if found["way"] == "up" else 90
    turn = f"translate({_num(TURN_SHIFT)} 0) rotate({angle} {_num(x)} {_num(y)})"
    return f'{found["open"]} transform="{turn}">{found["body"]}'


def compose(map_svg: bytes, key_svg: bytes, background: str) -> bytes:
    """The map's picture with the pictures of ``key_svg`` (its legend, its references) under it.

    Only the start of the map's picture is rewritten (its size) and the key added
    at its end: the map's elements are copied as they are.

    Raises:
        ComposeError: a picture is not laid out as the engine writes it.
    """
    head = _head(map_svg)
    root, end = _ROOT.search(head), _TAIL.search(map_svg[-16:])
    if root is None or end is None or ">" not in head[root.end() :]:
        raise ComposeError("the map's picture is not laid out as the engine writes it")
    map_w, map_h = float(root["w"]), float(root["h"])
    placed = place(map_w, map_h, pieces(key_svg))
    width = max([map_w, *(x + p.width for p, x, _ in placed)])
    height = max([map_h, *(y + p.height for p, _, y in placed)])
    box = f'viewBox="0.00 0.00 {width:.2f} {height:.2f}"'
    opening = f'<svg width="{_num(width)}pt" height="{_num(height)}pt"{root["gap"]}{box}'
    tag_end = head.index(">", root.end()) + 1
    backdrop = f'\n<rect fill="{background}" stroke="none" x="0" y="0" width="{_num(width)}" height="{_num(height)}"/>'
    groups = "".join(
        f'<g id="{p.id}" class="{CLASSES[p.id]}" transform="translate({_num(x + p.x)} {_num(y + p.y)})">\n'
        f"{p.body}</g>\n"
        for p, x, y in placed
    )
    start = (head[: root.start()] + opening + head[root.end() : tag_end] + backdrop).encode("utf-8")
    cut = len(head[:tag_end].encode("utf-8"))  # where the map's elements start, in bytes
    tail = len(map_svg) - 16 + end.start()  # where ``</svg>`` starts
    return start + map_svg[cut:tail] + groups.encode("utf-8") + map_svg[tail:]


def place(map_w: float, map_h: float, found: list[Piece]) -> list[tuple[Piece, float, float]]:
    """Where each piece goes (its top left corner): under the map, side by side while they fit in its width.

    Example:
        >>> legend, refs = Piece("argmap-legend", "", 300, 40, 0, 0), Piece("argmap-references", "", 200, 60, 0, 0)
        >>> [(x, y) for _, x, y in place(600, 400, [legend, refs])]
        [(0.0, 388.0), (300.0, 388.0)]
        >>> [(x, y) for _, x, y in place(400, 400, [legend, refs])]
        [(0.0, 388.0), (0.0, 428.0)]
    """
    out: list[tuple[Piece, float, float]] = []
    x, y, row_height = 0.0, map_h - OVERLAP, 0.0
    for piece in found:
        if x and x + piece.width > map_w:  # no room beside the one before: under it
            x, y, row_height = 0.0, y + row_height, 0.0
        out.append((piece, x, y))
        x += piece.width
        row_height = max(row_height, piece.height)
    return out


def _num(value: float) -> str:
    """A coordinate as the engine writes it: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") or "0"
