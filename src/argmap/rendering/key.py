"""What goes under a map's picture, as DOT: the legend and the numbered references.

Each is a graph of its own, laid out by its own engine run and put under the
map's picture (see :mod:`argmap.rendering.compose`), so the map's layout is the
same with or without them. The legend shows exactly the glyphs the picture
draws (:func:`glyphs`), each drawn as the map draws it: the map's DOT writer
lends its junctions and question badges (see :func:`argmap.rendering.dot.key_dot`).
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Callable

import attrs
import graphviz  # type: ignore[import-untyped]  # the package ships no type information

from argmap.language import StatementKind, assert_never
from argmap.rendering.looks import (
    EDGE_LOOK,
    FONT,
    FOOTER_SIZE,
    PLAIN_TABLE,
    SMALL_SIZE,
    TEXT_SIZE,
    TEXT_SLACK,
    fit_width,
    html_lines,
    html_text,
    html_url,
    in_bold,
    in_font,
)
from argmap.rendering.mapgraph import EdgeKind, MapGraph, Node, NodeKind, Reference
from argmap.rendering.themes import SHAPES, Theme
from argmap.rendering.wrap import wrap

#: The SVG id of the legend; its items' ids start with it and a ``-``.
LEGEND_ID = "argmap-legend"
#: The SVG id of the numbered list of sources.
REFERENCES_ID = "argmap-references"
#: The width of the key under the map (legend and references) when the map's is not known, in points.
KEY_WIDTH = 540
#: The key is never wrapped narrower than this, in points, however small the map.
KEY_MIN_WIDTH = 240
#: The room around the key's graphs, in inches (a third of it above and below).
KEY_PAD = 0.3
#: The room between the legend and the references beside it, in points.
KEY_GAP = 12
#: The legend's items are drawn up to this much wider than :class:`_LegendItem` reckons.
LEGEND_SLACK = 1.1
#: The room inside the legend's frame, in points.
LEGEND_MARGIN = 6
#: The room between cells of the legend (inches) and between its rows (inches).
LEGEND_NODESEP = 0.06
LEGEND_RANKSEP = 0.07
#: The room after an item of the legend, before the next on its row, in points.
LEGEND_ITEM_GAP = 8
#: The width of a statement box in the legend, in points.
LEGEND_BOX_WIDTH = 57.6
#: A line in the legend runs from the middle of an invisible point this wide, in points (its
#: left half is the room before the item), to a point beside it.
LEGEND_LINE_START = 36
#: The same for a line turned upright (``up``, ``down``): it stands in the middle of the room it was drawn
#: across, so less of that room is taken.
LEGEND_UPRIGHT_START = 32
#: A reference is wrapped at this many characters.
REFERENCE_WIDTH = 70
#: What each junction glyph means in the legend (see :func:`glyphs`), in the legend's order.
JUNCTION_GLYPHS = {
    "junction-support-dot": "linked premises join",
    "junction-attack-dot": "premises of an attack join",
    "junction-undercut-dot": "premises of an undercut join",
    "junction-support-box": "inference: name, label, scheme",
    "junction-attack-box": "attack: name, label, scheme",
    "junction-undercut-box": "undercut: name, label, scheme",
}
LEGEND_SIZE = 7.5
#: What the badge ``?2`` on an inference says, in the legend.
QUESTIONS_MEANING = "critical questions of its scheme nobody has asked yet"
#: What a faded, dotted statement box means, in the legend.
CONTEXT_MEANING = "outside the part shown: drawn faded, for context"
EDGE_WORDS = {
    EdgeKind.SUPPORT: "supports",
    EdgeKind.REBUT: "rebuts a conclusion",
    EdgeKind.UNDERMINE: "undermines a premise",
    EdgeKind.UNDERCUT: "undercuts an inference",
    EdgeKind.CONTRADICTION: "contradicts",
}


class KeyWriter:
    """Writes the key of one map graph: its legend's graph and its references' graph.

    Attributes:
        graph: the map graph.
        theme: the map's theme.
        rankdir: the map's direction (a Graphviz ``rankdir``): the legend's lines run as the map's do.
        legend: whether to draw the legend (else only the references).
        junction_look: a junction's label and attributes, as the map draws it.
        badge_cell: the table cell of the badge of ``count`` open critical questions, as the map draws it.
    """

    def __init__(
        self,
        graph: MapGraph,
        theme: Theme,
        rankdir: str,
        legend: bool,
        junction_look: Callable[[Node], tuple[str, dict[str, object]]],
        badge_cell: Callable[[int], str],
    ) -> None:
        self.graph = graph
        self.theme = theme
        self.rankdir = rankdir
        self.legend = legend
        self.junction_look = junction_look
        self.badge_cell = badge_cell

    def key(self, width: float | None) -> str:
        """The DOT source of what goes under the map: the legend's graph, then the references' (or nothing).

        ``width``: the map's width in points, which the legend's rows are wrapped to
        (:data:`KEY_WIDTH` when it is not known, as for DOT output).
        """
        items = self._legend_items() if self.legend and self.graph.nodes else []
        budget = max(width or KEY_WIDTH, KEY_MIN_WIDTH) - 2 * KEY_PAD * 72 - 2 * LEGEND_MARGIN
        if self.graph.references:
            beside = budget - self._references_width() - KEY_GAP
            if beside >= KEY_MIN_WIDTH - 2 * KEY_PAD * 72:  # room for the references beside the legend
                budget = beside
        rows = pack_rows([self._legend_title(), *items], budget / LEGEND_SLACK)
        out = [self._legend_graph(rows)] if items else []
        if self.graph.references:
            out.append(self._references_graph())
        return "".join(out)

    def _key_graph(self, name: str) -> graphviz.Digraph:
        """An empty graph for part of the key, drawn in the map's theme and fonts."""
        t = self.theme
        g = graphviz.Digraph(name)
        g.attr(
            "graph",
            id=f"{name}-graph",
            rankdir="TB",
            bgcolor=t.background,
            fontname=FONT,
            fontcolor=t.text,
            newrank="true",
            nodesep=f"{LEGEND_NODESEP:g}",
            ranksep=f"{LEGEND_RANKSEP:g}",
            pad=f"{KEY_PAD:g},{KEY_PAD / 3:g}",
        )
        g.attr("node", fontname=FONT, fontsize=str(TEXT_SIZE), fontcolor=t.text, label="", shape="plain", style="")
        g.attr("edge", penwidth="1.3", arrowsize="0.8")
        return g

    def _legend_graph(self, rows: list[list[_LegendItem]]) -> str:
        """The legend: rows of items read left to right, top to bottom, each glyph with its words beside it.

        Each row is a rank of its own: the glyphs and their words on one line.
        """
        t = self.theme
        g = self._key_graph(LEGEND_ID)
        with g.subgraph(name=f"cluster_{LEGEND_ID}") as lg:
            lg.attr(
                id=f"{LEGEND_ID}-frame",
                **{"class": "legend"},
                tooltip="Legend",
                style="rounded",
                color=t.cluster_border,
                margin=f"{LEGEND_MARGIN:g}",
            )
            firsts: list[str] = []
            for n, row in enumerate(rows):
                with lg.subgraph(name=f"{LEGEND_ID}-row-{n}") as same:
                    same.attr(rank="same")
                    start = f"{LEGEND_ID}-row-{n}-start"  # a point where the row starts: rows aligned left
                    same.node(start, id=start, shape="point", style="invis", width="0.01", fixedsize="true")
                    cells = [start, *(name for item in row for name in item.draw(same, lg))]
                for left, right in itertools.pairwise(cells):  # each cell right of the one before
                    if left.removesuffix("-tail") != right.removesuffix("-head"):  # else a line joins them
                        lg.edge(left, right, style="invis", id=f"{right}-after")
                firsts.append(cells[0])
            for upper, lower in itertools.pairwise(firsts):  # the next row under this one
                lg.edge(upper, lower, style="invis", weight="10", id=f"{lower}-under")
        return str(g.source)

    def _legend_items(self) -> list[_LegendItem]:
        """The legend's items, in order: statement kinds, lines, junctions, the question badge.

        Only what the picture draws. Statuses are keyed under the title instead, with
        the caption that says what they rest on (see :meth:`_status_key`): the legend of
        an evaluated picture is that of the plain one.
        """
        used = glyphs(self.graph)
        items = [self._legend_box(k) for k in StatementKind if f"statement-{k.value}" in used]
        if CONTEXT_GLYPH in used:
            items.append(self._legend_context())
        items += [self._legend_edge(k) for k in EdgeKind if f"edge-{k.value}" in used]
        items += [self._legend_junction(key) for key in JUNCTION_GLYPHS if key in used]
        if QUESTIONS_GLYPH in used:
            items.append(self._legend_questions())
        return items

    def _legend_title(self) -> _LegendItem:
        """The word *Legend*, first on the first row (a title over the rows would take a row of its own)."""
        name = f"{LEGEND_ID}-title"
        words = in_font(in_bold("Legend"), 9, self.theme.cluster_text)

        def draw(row: graphviz.Digraph, _: graphviz.Digraph) -> list[str]:
            row.node(name, label=_spaced(words), id=name, tooltip="Legend", **{"class": "legend title"})
            return [name]

        from argmap.rendering.fonts import text_width

        return _LegendItem(draw, text_width("Legend", 9, True) + LEGEND_ITEM_GAP + LEGEND_NODESEP * 72)

    def _legend_box(self, kind: StatementKind) -> _LegendItem:
        """A statement box of the kind, its kind written in it as in the map's boxes."""
        box = self.theme.statements[kind]
        style = kind.value
        name = f"{LEGEND_ID}-{style}"

        def draw(row: graphviz.Digraph, _: graphviz.Digraph) -> list[str]:
            row.node(
                name,
                label=f"<{in_font(in_bold(style.upper()), SMALL_SIZE, box.tag)}>",
                id=name,
                tooltip=style,
                fillcolor=box.fill,
                color=box.border,
                penwidth=f"{box.penwidth:g}",
                width=f"{LEGEND_BOX_WIDTH / 72:g}",
                height="0.24",
                fixedsize="true",
                **{"class": f"legend statement {style}"},
                **SHAPES[kind],
            )
            return [name]

        return _LegendItem(draw, LEGEND_BOX_WIDTH)

    def _legend_caption(self, row: graphviz.Digraph, name: str, text: str) -> str:
        """What a glyph means, beside it, with room after it before the next item."""
        words = in_font(html_text(text), LEGEND_SIZE, self.theme.text)
        row.node(name, label=_spaced(words), id=name, tooltip=text, **{"class": "legend"})
        return name

    def _legend_edge(self, kind: EdgeKind) -> _LegendItem:
        """A short line of the kind, arrowhead and all, running as the map's lines run, then what it means.

        The engine draws it across the row, between two invisible points; with ``up``
        and ``down`` it is turned upright about its middle when the legend is put under
        the map (its class says which way: ``turn-up``, ``turn-down``; see
        :mod:`argmap.rendering.compose`), its row as tall as the line is long.
        """
        base = f"{LEGEND_ID}-{kind.value}"
        look = {k: v for k, v in EDGE_LOOK[kind].items() if k not in ("constraint", "arrowhead", "dir")}
        color = self.theme.lines[kind.value]
        if kind is EdgeKind.CONTRADICTION:
            color = f"{color}:{self.theme.background}:{color}"
        arrow = EDGE_LOOK[kind].get("arrowhead", "none") if kind is not EdgeKind.CONTRADICTION else "none"
        if arrow == "none":
            toward = {"dir": "none"}
        elif self.rankdir == "RL":
            toward = {"dir": "back", "arrowtail": arrow}
        else:
            toward = {"dir": "forward", "arrowhead": arrow}
        turn = {"BT": " turn-up", "TB": " turn-down"}.get(self.rankdir, "")
        start = LEGEND_UPRIGHT_START if turn else LEGEND_LINE_START
        height = start / 2 + LEGEND_NODESEP * 72 + 2 if turn else 0.72  # upright, the row as tall as the line
        point = {"shape": "box", "style": "invis", "fixedsize": "true", "label": ""}

        def draw(row: graphviz.Digraph, legend: graphviz.Digraph) -> list[str]:
            # two points on the row, the line between their middles
            width = f"{start / 72:g}"
            row.node(f"{base}-tail", id=f"{base}-tail", width=width, height=f"{height / 72:.3f}", **point)
            row.node(f"{base}-head", id=f"{base}-head", width="0.01", height="0.01", **point)
            legend.edge(
                f"{base}-tail",
                f"{base}-head",
                id=base,
                color=color,
                tooltip=EDGE_WORDS[kind],
                tailclip="false",
                headclip="false",
                **{"class": f"legend {kind.value}{turn}"},
                **look,
                **toward,
            )
            return [f"{base}-tail", f"{base}-head", self._legend_caption(row, f"{base}-text", EDGE_WORDS[kind])]

        return _LegendItem(draw, start + LEGEND_NODESEP * 72 + _caption_width(EDGE_WORDS[kind]))

    def _legend_junction(self, key: str) -> _LegendItem:
        """A junction drawn as the picture draws it (a dot or square, or a box with a label), and its meaning."""
        style, shape = key.removeprefix("junction-").rsplit("-", 1)
        name = f"{LEGEND_ID}-{key}"
        sample = Node(
            id=name,
            kind=NodeKind.JUNCTION,
            style=style,
            ref=name,
            text=("label",) if shape == "box" else (),
            tooltip=JUNCTION_GLYPHS[key],
        )

        def draw(row: graphviz.Digraph, _: graphviz.Digraph) -> list[str]:
            label, look = self.junction_look(sample)
            look.update({"id": name, "class": f"legend junction {style} {key.replace('junction-', 'glyph-junction-')}"})
            row.node(name, label=label, **look)
            return [name, self._legend_caption(row, f"{name}-text", JUNCTION_GLYPHS[key])]

        from argmap.rendering.fonts import text_width

        glyph = text_width("label", 9, True) + 16 if shape == "box" else 10
        return _LegendItem(draw, glyph + _caption_width(JUNCTION_GLYPHS[key]))

    def _legend_context(self) -> _LegendItem:
        """A faded, dotted statement box, as section and focus views draw their context, and what it means."""
        t = self.theme
        name = f"{LEGEND_ID}-{CONTEXT_GLYPH}"

        def draw(row: graphviz.Digraph, _: graphviz.Digraph) -> list[str]:
            look = dict(SHAPES[StatementKind.CLAIM])
            look["style"] = look["style"].replace("dashed", "") + ",dotted"
            row.node(
                name,
                label=f"<{in_font(in_bold('CONTEXT'), SMALL_SIZE, t.muted)}>",
                id=name,
                tooltip=CONTEXT_MEANING,
                fillcolor=t.ghost.fill,
                color=t.ghost.border,
                penwidth=f"{t.ghost.penwidth:g}",
                width=f"{LEGEND_BOX_WIDTH / 72:g}",
                height="0.24",
                fixedsize="true",
                **{"class": f"legend statement glyph-{CONTEXT_GLYPH}"},
                **look,
            )
            return [name, self._legend_caption(row, f"{name}-text", CONTEXT_MEANING)]

        return _LegendItem(draw, LEGEND_BOX_WIDTH + _caption_width(CONTEXT_MEANING))

    def _legend_questions(self) -> _LegendItem:
        """The badge of open critical questions, and what it means."""
        name = f"{LEGEND_ID}-questions"

        def draw(row: graphviz.Digraph, _: graphviz.Digraph) -> list[str]:
            label = f"<{PLAIN_TABLE}<TR>{self.badge_cell(2)}</TR></TABLE>>"
            row.node(name, label=label, id=name, tooltip=QUESTIONS_MEANING, **{"class": "legend"})
            return [name, self._legend_caption(row, f"{name}-text", QUESTIONS_MEANING)]

        return _LegendItem(draw, 16 + _caption_width(QUESTIONS_MEANING))

    def _references_width(self) -> float:
        """About how wide the list of references is drawn, in points."""
        from argmap.rendering.fonts import text_width

        lines = [line for ref in self.graph.references for line in wrap(reference_text(ref), REFERENCE_WIDTH)]
        return max(text_width(line, FOOTER_SIZE) for line in lines) * TEXT_SLACK + 40

    def _references_graph(self) -> str:
        """The numbered list of the sources statements cite, each said once, with links."""
        t = self.theme
        rows = [f'<TR><TD ALIGN="LEFT" COLSPAN="2">{in_font(in_bold("References"), 9, t.cluster_text)}</TD></TR>']
        for ref in self.graph.references:
            lines = wrap(reference_text(ref), REFERENCE_WIDTH)
            text = in_font(html_lines(lines), FOOTER_SIZE, t.text)
            link = f' HREF="{html_url(ref.url)}" TOOLTIP="{html.escape(ref.url)}"' if ref.url else ""
            rows.append(
                f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">{in_font(f"[{ref.number}]", FOOTER_SIZE, t.muted)}</TD>'
                f'<TD ALIGN="LEFT" BALIGN="LEFT"{link}{fit_width(lines, FOOTER_SIZE, padding=1)}>{text}</TD></TR>'
            )
        label = f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1">{"".join(rows)}</TABLE>>'
        g = self._key_graph(REFERENCES_ID)
        name = f"{REFERENCES_ID}-list"
        g.node(
            name,
            label=label,
            id=name,
            shape="box",
            style="rounded",
            color=t.cluster_border,
            margin="0.08,0.05",
            tooltip="References",
            **{"class": "references"},
        )
        return str(g.source)


def _spaced(words: str) -> str:
    """A legend label: its words, then room before the next item of the row."""
    return f'<{PLAIN_TABLE}<TR><TD>{words}</TD><TD WIDTH="{LEGEND_ITEM_GAP}"></TD></TR></TABLE>>'


@attrs.frozen
class _LegendItem:
    """One item of the legend.

    Attributes:
        draw: adds the item's cells to its row (and a line's ends to the legend) and
            returns the names of its cells on the row, left to right.
        width: about how wide it is drawn, in points, with the room after it.
    """

    draw: Callable[[graphviz.Digraph, graphviz.Digraph], list[str]]
    width: float


def _caption_width(text: str) -> float:
    from argmap.rendering.fonts import text_width

    return text_width(text, LEGEND_SIZE) * TEXT_SLACK + LEGEND_ITEM_GAP + 2 * LEGEND_NODESEP * 72


def pack_rows(items: list[_LegendItem], width: float) -> list[list[_LegendItem]]:
    """Items in rows of at most ``width`` points (about), in order; an item wider than that has a row to itself."""
    rows: list[list[_LegendItem]] = []
    used = 0.0
    for item in items:
        if rows and used + item.width <= width:
            rows[-1].append(item)
            used += item.width
        else:
            rows.append([item])
            used = item.width
    return rows


#: The glyph of the badge that counts an inference's open critical questions.
QUESTIONS_GLYPH = "questions-badge"
#: The glyph of a statement drawn faded, as context around the part of the map shown.
CONTEXT_GLYPH = "context"


def glyphs(graph: MapGraph) -> set[str]:
    """The glyphs a picture of the map graph draws: ``statement-KIND``, ``edge-KIND``, junctions, question badges.

    A junction is ``junction-KIND-dot`` (a dot for a support, a small square for an
    attack or undercut) or ``junction-KIND-box`` (a box with a name, label or scheme).
    The legend shows exactly these. In the SVG, a junction has its glyph as a class
    (``glyph-junction-support-dot``); statements and lines have their kinds.
    """
    out: set[str] = set()
    for node in graph.nodes:
        match node.kind:
            case NodeKind.STATEMENT:
                out.add(CONTEXT_GLYPH if node.ghost else f"statement-{node.style}")
            case NodeKind.JUNCTION:
                out.add(junction_glyph(node))
            case NodeKind.SECTION:
                pass  # a section's box says what it is: no legend entry
            case _:
                assert_never(node.kind)
    out.update(f"edge-{e.kind.value}" for e in graph.edges)
    if any(n.questions for n in graph.nodes) or any(e.questions for e in graph.edges):
        out.add(QUESTIONS_GLYPH)
    return out


def junction_glyph(node: Node) -> str:
    """``junction-KIND-dot`` or ``junction-KIND-box`` (see :func:`glyphs`)."""
    boxed = bool(node.text or node.scheme or node.name or node.questions or node.status is not None or node.hidden)
    return f"junction-{node.style}-{'box' if boxed else 'dot'}"


def reference_text(ref: Reference) -> str:
    """A reference as listed: its title in full, then author and date unless the title has them.

    Example:
        >>> reference_text(Reference(1, "s", "Interview with Ann, 2 May 2023", "Ann", "2023-05-02"))
        'Interview with Ann, 2 May 2023'
        >>> reference_text(Reference(2, "f", "Hill and Stent, Foreign Affairs", "Fiona Hill, Angela Stent", "2022"))
        'Hill and Stent, Foreign Affairs · Fiona Hill, Angela Stent · 2022'
    """
    title = ref.title.casefold()
    parts = [ref.title]
    if ref.author and not all(name.strip().casefold() in title for name in _NAMES.split(ref.author) if name.strip()):
        parts.append(ref.author)
    if ref.date and ref.date.casefold() not in title and _spelled(ref.date).casefold() not in title:
        parts.append(ref.date)
    return " · ".join(parts)


_NAMES = re.compile(r",|;|&|\band\b")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _spelled(date: str) -> str:
    """An ISO date as it is written out (``2 May 2023``); other dates as they are.

    Example:
        >>> _spelled("2023-05-02"), _spelled("2023-05"), _spelled("spring 2023")
        ('2 May 2023', 'May 2023', 'spring 2023')
    """
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", date)
    if not match or not 1 <= int(match[2]) <= 12:
        return date
    month = f"{_MONTHS[int(match[2]) - 1]} {match[1]}"
    return f"{int(match[3])} {month}" if match[3] else month
