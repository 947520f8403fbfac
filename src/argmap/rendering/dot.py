r"""From a map graph to Graphviz DOT source, safely.

The source is built with :class:`graphviz.Digraph`. Every text from the map
goes through one of the escaping helpers below, chosen for where it lands
(HTML-like label text, an escString attribute, a URL), so a label can never
inject DOT statements, HTML-like markup, or Graphviz's ``\N``-style escapes.
Ids and classes are made by argmap from letters, digits, ``_``, ``-`` and ``.``.

Every id in the SVG is unique. A map element's SVG id (also its DOT name) is
its map graph id after a prefix that says what it is: ``statement-``,
``inference-`` (an inference's junction), ``edge-`` or ``section-``. The
picture's own elements have ids that start with ``argmap-`` (``argmap-graph``,
``argmap-legend``, ``argmap-legend-thesis``...). None starts with ``a_``, the
prefix of the groups the engine adds around linked and tooltipped elements
(``a_statement-t``), so no id can take another's.

What tells kinds apart without colour is fixed here, whatever the theme:

========================  ==================================================
statement kind            the kind written in the box's corner, and
                          thesis: thick border; evidence: a document shape
                          (folded corner); assumption: dashed border;
                          objection: square corners, heavier border
support                   solid line, filled arrowhead
rebut                     heavy (bold) line, bar (tee) arrowhead
undermine                 dashed line, bar arrowhead
undercut                  dotted line, bar arrowhead, aimed at a junction
contradiction             double line, no arrowheads
status (when evaluated)   a badge with the word: IN, OUT, UNDECIDED
========================  ==================================================

Example:
    >>> from argmap.model import ArgumentMap, Statement, StatementKind
    >>> from argmap.rendering.build import build_graph
    >>> m = ArgumentMap(items=(Statement(StatementKind.CLAIM, "c", 'a < b & "\\N" ];'),))
    >>> source = to_dot(build_graph(m))
    >>> 'a &lt; b &amp; &quot;\\\\N&quot; ];' in source
    True
"""

from __future__ import annotations

import html
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

import attrs
import graphviz  # type: ignore[import-untyped]  # the package ships no type information

from argmap.evaluation.status import Status
from argmap.language import InferenceKind, StatementKind, assert_never
from argmap.rendering.layout import GridPlan, lowest, plan_grid
from argmap.rendering.mapgraph import Cluster, Edge, EdgeKind, MapGraph, Node, NodeKind, Reference
from argmap.rendering.options import DIRECTIONS
from argmap.rendering.themes import SHAPES, BoxStyle, Theme, get
from argmap.rendering.wrap import in_order, right_to_left, wrap

#: Engine settings that keep big layouts affordable (see docs/performance.md):
#: straight edges, limited network-simplex and crossing-minimisation passes.
FAST_SETTINGS = {
    "forcelabels": "true",  # every word beside a line is drawn, even where it overlaps something
    "nslimit": "2",
    "nslimit1": "2",
    "mclimit": "0.5",
    "remincross": "false",
    "searchsize": "10",
    "splines": "line",
}

#: The SVG id of the whole picture; argmap's own elements have ids that start with ``argmap-``.
GRAPH_ID = "argmap-graph"
#: The ids of the invisible nodes that hold sections in a grid start with this.
GRID_ID = "argmap-grid"
#: The ids of the labelled stubs that stand for a line between distant sections start with this.
STUB_ID = "argmap-stub"
#: The SVG id of the caption that names the semantics and the what-if of an evaluated picture.
CAPTION_ID = "argmap-caption"
#: The ids of the status key under the title (an evaluated picture) start with this.
STATUS_KEY_ID = "argmap-status"
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
#: What comes before a map element's map graph id in its SVG id and DOT name, by what it is.
NODE_PREFIX = {NodeKind.STATEMENT: "statement-", NodeKind.JUNCTION: "inference-", NodeKind.SECTION: "part-"}
EDGE_PREFIX = "edge-"
SECTION_PREFIX = "section-"

#: Sections nested deeper than this are drawn inside their ancestor at this depth: the
#: engine and the DOT writer would otherwise recurse once per level (see docs/rendering.md).
MAX_CLUSTER_DEPTH = 24

FONT = "Helvetica"  # built-in metrics in the engine: the same layout on every machine
#: Room added to measured text for shaping (Arabic joins its letters) and rounding.
TEXT_SLACK = 1.03
BADGE_SLACK = 1.1
TEXT_SIZE = 11
SMALL_SIZE = 7.5
LEGEND_SIZE = 7.5
FOOTER_SIZE = 8.5

#: Line style and arrowhead of each edge kind: these, not colour, tell the kinds apart.
EDGE_LOOK: dict[EdgeKind, dict[str, str]] = {
    EdgeKind.SUPPORT: {"style": "solid", "arrowhead": "normal"},
    EdgeKind.REBUT: {"style": "bold", "arrowhead": "tee", "penwidth": "2.4"},
    EdgeKind.UNDERMINE: {"style": "dashed", "arrowhead": "tee"},
    EdgeKind.UNDERCUT: {"style": "dotted", "arrowhead": "tee", "penwidth": "1.8"},
    EdgeKind.CONTRADICTION: {"style": "solid", "dir": "none", "constraint": "false"},
}

STATUS_WORDS = {Status.IN: "IN", Status.OUT: "OUT", Status.UNDECIDED: "UNDECIDED"}
#: The badge of a statement that the what-if sets aside (rejected, or its actor or source distrusted).
ASIDE_WORD = "SET ASIDE"
ASIDE_MEANING = "set aside by the what-if (not defeated)"
#: The size of the badge cell, in points: the widest word fits.
BADGE_WIDTH = 50
BADGE_HEIGHT = 11
STATUS_MEANING = {
    Status.IN: "accepted: stands against every objection",
    Status.OUT: "falls: defeated, or no reason holds",
    Status.UNDECIDED: "undecided: caught in an open conflict",
}
_BADGED_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="0">'
#: A table that only places its cells: no borders, no spacing, no padding.
_BADGE_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
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


# -- Escaping ---------------------------------------------------------------------


def html_text(text: str) -> str:
    """Text for inside an HTML-like label: markup escaped, backslashes doubled."""
    return html.escape(text, quote=True).replace("\\", "\\\\")


def html_url(url: str) -> str:
    """A URL for an ``HREF`` inside an HTML-like label (entities are decoded twice there)."""
    return html_text(url.replace("&", "&amp;"))


def esc_text(text: str) -> graphviz.quoting.NoHtml:
    """Text for a plain attribute such as ``tooltip`` (escString, unescaped twice); lines kept."""
    lines = text.split("\n")
    return graphviz.nohtml("\\n".join(graphviz.escape(graphviz.escape(line.replace("&", "&amp;"))) for line in lines))


def esc_url(url: str) -> graphviz.quoting.NoHtml:
    """A URL for the ``URL`` attribute."""
    return graphviz.nohtml(graphviz.escape(url.replace("&", "&amp;")))


def _name(ident: str) -> graphviz.quoting.NoHtml:
    return graphviz.nohtml(ident)


def node_id(node: Node) -> str:
    """The SVG id and DOT name of a node: ``statement-``, ``inference-`` or ``part-`` and its map graph id."""
    return NODE_PREFIX[node.kind] + node.id


def edge_id(edge: Edge) -> str:
    """The SVG id of an edge: ``edge-`` and its map graph id."""
    return EDGE_PREFIX + edge.id


def section_id(cluster: Cluster) -> str:
    """The SVG id of a section's box: ``section-`` and its map graph id."""
    return SECTION_PREFIX + cluster.id


def _b(text: str) -> str:
    return f"<B>{text}</B>" if text else ""  # an empty <B></B> is a syntax error for the engine


def _i(text: str) -> str:
    return f"<I>{text}</I>" if text else ""


def _box(theme: Theme, node: Node) -> BoxStyle:
    """The theme's style for a statement box, a junction or a summed-up section."""
    if node.ghost:
        return theme.ghost
    match node.kind:
        case NodeKind.STATEMENT:
            return theme.statements[StatementKind(node.style)]
        case NodeKind.JUNCTION:
            return theme.junction(InferenceKind(node.style))
        case NodeKind.SECTION:
            return BoxStyle(theme.cluster_fill, theme.cluster_border, theme.cluster_text, 1.5)
        case _:
            assert_never(node.kind)


def _font(text: str, size: float | None = None, color: str | None = None) -> str:
    if not text:
        return ""
    attrs = (f' POINT-SIZE="{size:g}"' if size else "") + (f' COLOR="{color}"' if color else "")
    return f"<FONT{attrs}>{text}</FONT>" if attrs else text


def _lines(lines: Iterable[str]) -> str:
    lines = tuple(lines)
    rtl = right_to_left(" ".join(lines))
    return "<BR/>".join(html_text(in_order(line, rtl)) for line in lines)


def _fit(lines: Iterable[str], size: float, bold: bool = False, padding: float = 0) -> str:
    """A ``WIDTH`` for a table cell that holds these lines, when the engine would measure them short.

    The engine's built-in metrics are Helvetica's, which the drawing font Arimo
    shares, for ASCII only; any other character counts as a space. A cell with
    other characters is made as wide as its widest line in the fonts it is drawn in.
    """
    lines = [line for line in lines if not line.isascii()]
    if not lines:
        return ""
    from argmap.rendering.fonts import text_width

    widest = max(text_width(line, size, bold) for line in lines)
    return f' WIDTH="{math.ceil(widest * TEXT_SLACK + 2 * padding)}"'


def _roomy_width(lines: Iterable[str], size: float, bold: bool = False) -> int:
    """The width of a cell beside a badge: its widest line with room to spare.

    The engine measures italics as upright, and a browser may draw the text in
    a wider fallback font; the slack keeps the badge off the last letters.
    """
    from argmap.rendering.fonts import text_width

    return math.ceil(max((text_width(line, size, bold) for line in lines), default=0) * BADGE_SLACK) + 2


def question_badge(count: int) -> str:
    """The text of the badge of an inference with ``count`` open critical questions: ``?3``."""
    return f"?{count}"


def raises_tag(key: str) -> str:
    """The tag of an inference that raises the critical question ``key``, as the language writes it."""
    return f"raises: {key}"


def _fitted(label: str, lines: Iterable[str], size: float, bold: bool = False) -> str:
    """An HTML-like label's content in a one-cell table of the width its lines need (see :func:`_fit`)."""
    width = _fit(lines, size, bold)
    if not width:
        return label
    return f"{_BADGE_TABLE}<TR><TD{width}>{label}</TD></TR></TABLE>"


# -- Writing ---------------------------------------------------------------------


class _Writer:
    def __init__(self, graph: MapGraph, theme: Theme, rankdir: str, legend: bool, fast: bool) -> None:
        self.graph = graph
        self.theme = theme
        self.rankdir = rankdir
        self.legend = legend
        self.fast = fast
        self.names = {node.id: node_id(node) for node in graph.nodes}  # map graph id -> DOT name
        self.plan = GridPlan()

    def source(self) -> str:
        t = self.theme
        g = graphviz.Digraph("argmap")
        graph_attr = {
            "id": GRAPH_ID,
            "class": "argmap",
            "rankdir": self.rankdir,
            "bgcolor": t.background,
            "fontname": FONT,
            "fontcolor": t.text,
            "newrank": "true",
            "nodesep": "0.22",
            "ranksep": "0.34",
            "pad": "0.3",
            "outputorder": "edgesfirst",
            "tooltip": esc_text(self.graph.title or "Argument map"),
        }
        if self.fast:
            graph_attr.update(FAST_SETTINGS)
        home = drawn_clusters(self.graph)
        merged = sum(1 for cid, drawn in home.items() if cid != drawn)
        if merged:
            graph_attr["comment"] = flattened_note(merged)
        title = self._title()
        if title:
            graph_attr.update({"label": title, "labelloc": "t", "labeljust": "c"})
        g.attr("graph", **graph_attr)
        g.attr(
            "node",
            fontname=FONT,
            fontsize=str(TEXT_SIZE),
            fontcolor=t.text,
            shape="box",
            style="rounded,filled",
            margin="0.1,0.06",
        )
        g.attr("edge", fontname=FONT, fontsize="8", fontcolor=t.muted, penwidth="1.3", arrowsize="0.8")
        by_cluster: dict[str | None, list[Node]] = defaultdict(list)
        for node in self.graph.nodes:
            by_cluster[home.get(node.cluster, node.cluster) if node.cluster is not None else None].append(node)
        children: dict[str | None, list[Cluster]] = defaultdict(list)
        for cluster in self.graph.clusters:
            if home.get(cluster.id) == cluster.id:
                children[cluster.parent].append(cluster)
        plan = self.plan = plan_grid(self.graph, label_rows=not self.fast)
        self.stubs = self._stubs(plan, home)
        self._fill(g, None, by_cluster, children)
        minlen = {} if plan.shaped else stagger(self.graph)
        for edge in self.graph.edges:
            if edge.id in plan.far:
                self._stub_edges(g, edge)
            else:
                self._edge(g, edge, minlen.get(edge.id), edge.id in plan.loose)
        for lower, upper in plan.folds:  # wrap wide rows
            g.edge(_name(self.names[lower]), _name(self.names[upper]), style="invis", weight="0")
        if plan.active:
            self._grid(g, plan)
        return str(g.source)

    def _fill(
        self,
        g: graphviz.Digraph,
        cluster: str | None,
        by_cluster: dict[str | None, list[Node]],
        children: dict[str | None, list[Cluster]],
    ) -> None:
        for node in by_cluster.get(cluster, ()):
            self._node(g, node)
        for name, text, tooltip, _ in self.stubs.get(cluster, ()):
            g.node(
                name,
                id=name,
                label=f"<{_font(html_text(text), FOOTER_SIZE, self.theme.muted)}>",
                tooltip=esc_text(tooltip),
                shape="plain",
                style="",
                **{"class": "stub"},
            )
        for child in children.get(cluster, ()):
            with g.subgraph(name=f"cluster_{section_id(child)}") as sub:
                t = self.theme
                title = _font(_b(html_text(child.title)), 10, t.cluster_text)
                sub.attr(
                    id=_name(section_id(child)),
                    **{"class": "section"},
                    label=f"<{_fitted(title, [child.title], 10, bold=True)}>",
                    tooltip=esc_text(child.title),
                    labeljust="l",
                    labelloc="b" if self.rankdir == "BT" else "t",  # BT draws clusters upside down
                    style="rounded,filled",
                    fillcolor=t.cluster_fill,
                    color=t.cluster_border,
                    penwidth="1",
                    margin="10",
                )
                self._fill(sub, child.id, by_cluster, children)

    def _title(self) -> str | None:
        g, t = self.graph, self.theme
        if not g.title and not g.subtitle and not g.caption:
            return None
        rows = []
        if g.title:
            rows.append(f"<TR><TD{_fit([g.title], 18, True)}>{_font(_b(html_text(g.title)), 18, t.text)}</TD></TR>")
        if g.subtitle:
            href = f' HREF="{html_url(g.url)}" TOOLTIP="{html.escape(g.url)}"' if g.url else ""
            rows.append(f"<TR><TD{href}{_fit([g.subtitle], 10)}>{_font(html_text(g.subtitle), 10, t.muted)}</TD></TR>")
        if g.caption:
            caption = _font(_i(html_text(g.caption)), 10, t.text)
            rows.append(
                f'<TR><TD ID="{CAPTION_ID}" TOOLTIP="{html_text(g.caption)}"{_fit([g.caption], 10)}>{caption}</TD></TR>'
            )
        if g.statuses:
            rows.append(f"<TR><TD>{self._status_key()}</TD></TR>")
        return f'<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="0">{"".join(rows)}</TABLE>>'

    def _status_key(self) -> str:
        """What the statuses mean, under the title with the caption that says what they rest on:
        outside the layout, so that an evaluated picture has the layout of the plain one."""
        t = self.theme
        keys = [(STATUS_WORDS[s], STATUS_MEANING[s], t.statuses[s][0], s.value) for s in Status]
        if any(n.aside for n in self.graph.nodes):
            keys.append((ASIDE_WORD, ASIDE_MEANING, t.ghost.border, "aside"))
        cells = []
        for word, meaning, colour, name in keys:
            badge = _font(_b(word), SMALL_SIZE, t.badge_text)
            text = _font(html_text(meaning), 8, t.text)
            cells.append(
                f'<TD ID="{STATUS_KEY_ID}-{name}" TOOLTIP="{word}" BGCOLOR="{colour}">{badge}</TD><TD>{text}</TD>'
            )
        return f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="1"><TR>{"".join(cells)}</TR></TABLE>'

    # Nodes

    def _node(self, g: graphviz.Digraph, node: Node) -> None:
        match node.kind:
            case NodeKind.JUNCTION:
                self._junction(g, node)
            case NodeKind.STATEMENT:
                self._statement(g, node)
            case NodeKind.SECTION:
                self._section(g, node)
            case _:
                assert_never(node.kind)

    def _classes(self, node: Node, glyph: str | None = None) -> str:
        classes = [node.kind.value, node.style, *([glyph] if glyph else [])]
        if node.status is not None:
            classes.append(f"status-{node.status.value}")
        flags = (("focus", node.focus), ("ghost", node.ghost), ("partial", node.hidden), ("aside", node.aside))
        classes += [c for c, on in flags if on]
        return " ".join(dict.fromkeys(classes))  # a section's kind and style are both ``section``

    def _link(self, node: Node) -> dict[str, object]:
        return {"URL": esc_url(node.url)} if node.url else {}

    def _statement(self, g: graphviz.Digraph, node: Node) -> None:
        t = self.theme
        box = _box(t, node)
        text_color = t.muted if node.ghost else t.text
        fill = box.fill
        if node.aside and not node.ghost:
            fill = t.ghost.fill
        elif node.status is not None and not node.ghost:
            fill = t.statuses[node.status][1]
        header = [
            f'<TD ALIGN="LEFT">{_font(_b(node.style.upper()), SMALL_SIZE, box.tag)}</TD>',
            f'<TD ALIGN="RIGHT">{_font(html_text(node.ref), SMALL_SIZE, t.muted)}</TD>',
        ]
        header.append(self._badge(node))  # in every picture: the same boxes with or without statuses
        span = len(header)
        body = _lines(node.text)
        if node.style == StatementKind.THESIS.value:
            body = _b(body)
        fit = _fit(node.text, TEXT_SIZE, bold=node.style == StatementKind.THESIS.value, padding=1)
        # Right-to-left lines are aligned left too: the engine places a right-aligned line
        # by its own estimate of the line's width, which is wrong beyond ASCII.
        cell = f'<TR><TD COLSPAN="{span}" ALIGN="LEFT" BALIGN="LEFT"'
        rows = [
            f"<TR>{''.join(header)}</TR>",
            f"{cell}{fit}>{_font(body, None, text_color if node.ghost else None)}</TD></TR>",
        ]
        if node.footer:
            footer = _font(_lines(node.footer), FOOTER_SIZE, t.muted)
            rows.append(f"{cell}{_fit(node.footer, FOOTER_SIZE, padding=1)}>{footer}</TD></TR>")
        if node.hidden:
            more = f"+{node.hidden} relation{'' if node.hidden == 1 else 's'} not shown"
            rows.append(f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{_font(_i(more), FOOTER_SIZE, t.muted)}</TD></TR>')
        label = f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">{"".join(rows)}</TABLE>>'
        look = dict(SHAPES[StatementKind(node.style)])
        if node.ghost:
            look["style"] = look["style"].replace("dashed", "") + ",dotted"
        elif node.aside:  # set aside by the what-if: grey and dashed, and the badge says so
            look["style"] = look["style"].replace("dashed", "") + ",dashed"
        penwidth = box.penwidth + (1.6 if node.focus else 0)
        g.node(
            _name(node_id(node)),
            label=label,
            id=_name(node_id(node)),
            tooltip=esc_text(node.tooltip),
            fillcolor=fill,
            color=t.ghost.border if node.aside and not node.ghost else box.border,
            penwidth=f"{penwidth:g}",
            **{"class": self._classes(node, f"glyph-{CONTEXT_GLYPH}" if node.ghost else None)},
            **look,
            **self._link(node),
        )

    def _section(self, g: graphviz.Digraph, node: Node) -> None:
        """A whole section as one box (an atlas's overview): its title, then what it holds."""
        t = self.theme
        box = _box(t, node)
        title = _font(_b(_lines(node.text)), TEXT_SIZE, box.tag)
        rows = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{_fit(node.text, TEXT_SIZE, True, 1)}>{title}</TD></TR>']
        if node.footer:
            counts = _font(_lines(node.footer), FOOTER_SIZE, t.muted)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{_fit(node.footer, FOOTER_SIZE, padding=1)}>{counts}</TD></TR>'
            )
        label = f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">{"".join(rows)}</TABLE>>'
        g.node(
            _name(node_id(node)),
            label=label,
            id=_name(node_id(node)),
            tooltip=esc_text(node.tooltip),
            fillcolor=box.fill,
            color=box.border,
            penwidth=f"{box.penwidth:g}",
            style="rounded,filled",
            **{"class": self._classes(node)},
            **self._link(node),
        )

    def _badge(self, node: Node) -> str:
        """The header cell of a statement's status badge, the same size with or without a status.

        Every statement has this cell, empty without a status, so that statuses are an
        overlay: the boxes of an evaluated picture, and so its layout, are those of the plain one.
        """
        t = self.theme
        cell = f'<TD ALIGN="RIGHT" WIDTH="{BADGE_WIDTH}" HEIGHT="{BADGE_HEIGHT}" FIXEDSIZE="TRUE"'
        if node.status is None:
            return f"{cell}></TD>"
        colour = t.ghost.border if node.aside else t.statuses[node.status][0]
        word = _font(_b(ASIDE_WORD if node.aside else STATUS_WORDS[node.status]), SMALL_SIZE, t.badge_text)
        return f'{cell} BGCOLOR="{colour}">{word}</TD>'

    def _junction(self, g: graphviz.Digraph, node: Node) -> None:
        label, look = self._junction_look(node)
        g.node(_name(node_id(node)), label=label, **look)

    def _junction_look(self, node: Node) -> tuple[str, dict[str, object]]:
        """A junction's label and attributes: a dot (support) or small square (attack, undercut)
        without words, else a box (rounded for a support) with its name, label, scheme and status.
        """
        t = self.theme
        box = _box(t, node)
        fill = t.statuses[node.status][1] if node.status is not None and not node.ghost else box.fill
        parts = []
        if node.name and node.name not in node.text:
            parts.append(_font(html_text(node.name), SMALL_SIZE, t.muted))
        if node.text:
            parts.append(_font(_b(_lines(node.text)), 9, t.muted if node.ghost else t.text))
        if node.scheme:
            parts.append(_font(_i(html_text(node.scheme)), 8.5, t.muted))
        if node.hidden:
            parts.append(_font(_i(f"+{node.hidden} not shown"), SMALL_SIZE, t.muted))
        if node.raises:
            parts.append(_font(_i(html_text(raises_tag(node.raises))), SMALL_SIZE, t.muted))
        common: dict[str, object] = {
            "id": _name(node_id(node)),
            "class": self._classes(node, f"glyph-{junction_glyph(node)}"),
            "tooltip": esc_text(node.tooltip),
            "fillcolor": fill,
            "color": box.border,
            "penwidth": f"{box.penwidth + (1.6 if node.focus else 0):g}",
        }
        if node.status is not None:  # beside the junction: an external label leaves the layout as it is
            word = _font(_b(STATUS_WORDS[node.status]), SMALL_SIZE, t.statuses[node.status][0])
            common["xlabel"] = f"<{word}>"
        if not parts and not node.questions:
            return "", {
                **common,
                "shape": "circle" if node.style == InferenceKind.SUPPORT.value else "square",
                "width": "0.14",
                "height": "0.14",
                "fixedsize": "true",
                "style": "filled",
                "fillcolor": box.border,
            }
        texts = [*node.text, node.scheme or "", node.name or ""]
        inner = _fitted("<BR/>".join(parts), texts, 9, True)
        label = "<" + self._badged(inner, node.questions, _roomy_width(texts, 9, bold=True)) + ">"
        style = "rounded,filled" if node.style == InferenceKind.SUPPORT.value else "filled"
        if node.ghost:
            style += ",dotted"
        return label, {**common, "shape": "box", "style": style, "margin": "0.1,0.06", "height": "0.2"}

    # Edges

    def _stubs(self, plan: GridPlan, home: dict[str, str]) -> dict[str | None, list[tuple[str, str, str, str]]]:
        """The labelled stubs of the edges between distant sections, by the cluster each is drawn in."""
        titles = {c.id: c.title for c in self.graph.clusters}
        nodes = {n.id: n for n in self.graph.nodes}
        out: dict[str | None, list[tuple[str, str, str, str]]] = defaultdict(list)
        for edge in self.graph.edges:
            if edge.id not in plan.far:
                continue
            tail, head = nodes[edge.tail], nodes[edge.head]
            to_section = titles.get(plan.block.get(head.id, ""), "the theses, at the top")
            from_section = titles.get(plan.block.get(tail.id, ""), "the theses, at the top")
            out[home.get(tail.cluster or "", tail.cluster)].append(
                (f"{STUB_ID}-{edge.id}-to", f"→ {head.ref}", f"{edge.tooltip}\n(continues in: {to_section})", tail.id)
            )
            out[home.get(head.cluster or "", head.cluster)].append(
                (f"{STUB_ID}-{edge.id}-from", f"{tail.ref} →", f"{edge.tooltip}\n(comes from: {from_section})", head.id)
            )
        return out

    def _stub_edges(self, g: graphviz.Digraph, edge: Edge) -> None:
        """An edge between distant sections as two short lines: premise to a stub, a stub to its target."""
        # Words along the line (scheme, question badge, ``raises:`` tag) go once, by the target:
        # on both halves they would say it twice, and on the premise's half, a line within one
        # rank, the engine cannot rank a label and fails.
        to_stub = attrs.evolve(edge, head=f"{STUB_ID}-{edge.id}-to", label=None, questions=(), raises=None)
        from_stub = attrs.evolve(edge, id=f"{edge.id}.in", tail=f"{STUB_ID}-{edge.id}-from")
        # The premise's stub stands beside it, on its row (``minlen=0``): above it, it would
        # reach into the section above and push the two apart. (The other stub stays under
        # its target: beside it too, the engine's ranking can fail.)
        self._edge(g, to_stub, 0)
        self._edge(g, from_stub, None)

    def _grid(self, g: graphviz.Digraph, plan: GridPlan) -> None:
        """Invisible scaffolding that stacks the sections of each column and keeps columns in order."""
        ups: dict[str, set[str]] = defaultdict(set)  # node -> nodes it points at, inside its block
        downs: dict[str, set[str]] = defaultdict(set)
        for edge in self.graph.edges:
            if edge.kind is EdgeKind.CONTRADICTION or edge.id in plan.loose:
                continue
            if plan.block.get(edge.tail) is not None and plan.block.get(edge.tail) == plan.block.get(edge.head):
                ups[edge.tail].add(edge.head)
                downs[edge.head].add(edge.tail)
        members: dict[str, list[str]] = defaultdict(list)
        for node_id, block in plan.block.items():
            members[block].append(node_id)
        tops = {b: [n for n in nodes if not ups[n]] for b, nodes in members.items()}
        held = self._held(members, ups, downs)
        invisible = {"label": "", "shape": "point", "style": "invis", "width": "0", "height": "0"}
        heads = [f"{GRID_ID}-column-{n}" for n in range(len(plan.columns))]
        for name in heads:
            g.node(name, id=name, **invisible)
        # Fast: the first section's tops are pulled up under the head, as the others' under their
        # separator, so that nothing in it floats down once only its lowest row is held.
        pull = "1" if self.fast else "0"
        for n, column in enumerate(plan.stacks):
            for node in tops[column[0]]:
                g.edge(_name(self.names[node]), heads[n], style="invis", weight=pull)
            # With several columns, the separators of each hang in a line under its head, which
            # keeps the columns apart (the line passes beside the sections: one column needs none).
            spine = heads[n] if len(plan.stacks) > 1 else None
            for k, (upper, lower) in enumerate(itertools.pairwise(column)):
                sep = f"{GRID_ID}-{n}-{k}"
                g.node(sep, id=sep, **invisible)
                for node in tops[lower]:
                    g.edge(_name(self.names[node]), sep, style="invis", weight="1")
                for node in held[upper]:  # no weight: it would pull every leaf down to the last row
                    g.edge(sep, _name(self.names[node]), style="invis", weight="0")
                if spine is not None:
                    g.edge(sep, spine, style="invis", weight="50")
                    spine = sep
        theses = [n for n in self.graph.nodes if n.cluster is None and n.style == StatementKind.THESIS.value]
        with g.subgraph() as same:
            same.attr(rank="same")
            for name in heads:
                same.node(name)
            for thesis in theses:
                same.node(_name(self.names[thesis.id]))
        for left, right in itertools.pairwise(heads):
            g.edge(left, right, style="invis", weight="10")

    def _held(
        self, members: dict[str, list[str]], ups: dict[str, set[str]], downs: dict[str, set[str]]
    ) -> dict[str, list[str]]:
        """The nodes of each block that the separator under it holds, by block.

        Every node at the bottom of the block (nothing in it points at it); with the
        fast settings only those on the block's lowest natural row. An invisible edge
        to a bottom node higher up crosses every row down to the separator, and the
        engine pays for each row crossed in every later phase (at 5,000 statements such
        edges were four in five of its nodes and most of its time). The block's tops
        are pulled up under the separator above (or the column's head), so every
        other node hangs above the lowest row.
        """
        bottoms = {b: [n for n in nodes if not downs[n]] for b, nodes in members.items()}
        if not self.fast:
            return bottoms
        return {b: lowest(nodes, ups) for b, nodes in bottoms.items()}

    def _edge(self, g: graphviz.Digraph, edge: Edge, minlen: int | None, loose: bool = False) -> None:
        t = self.theme
        color = t.lines[edge.kind.value]
        look = dict(EDGE_LOOK[edge.kind])
        attrs: dict[str, object] = {
            "id": _name(edge_id(edge)),
            "class": f"{edge.kind.value}{'' if edge.arrow else ' premise'}"
            + (f" status-{edge.status.value}" if edge.status is not None else ""),
            "tooltip": esc_text(edge.tooltip + (f"\nStatus: {STATUS_WORDS[edge.status]}" if edge.status else "")),
            "color": color,
        }
        if edge.kind is EdgeKind.CONTRADICTION:
            attrs["color"] = f"{color}:{t.background}:{color}"
        elif not edge.arrow:
            look["arrowhead"] = "none"
        if minlen is not None:
            attrs["minlen"] = str(minlen)
        if loose:
            attrs["constraint"] = "false"
            attrs["weight"] = "0"
        parts = [_font(_i(html_text(edge.label)), 8)] if edge.label else []
        if edge.raises:
            parts.append(_font(_i(html_text(raises_tag(edge.raises))), 8, t.muted))
        if parts or edge.questions:
            texts = [edge.label or "", raises_tag(edge.raises) if edge.raises else ""]
            label = _fitted("<BR/>".join(parts), texts, 8)
            # Fast: beside the line, placed after the layout; a label on the line takes a rank
            # of its own, and every line of the picture then crosses twice as many ranks.
            where = "xlabel" if self.fast else "label"
            attrs[where] = f"<{self._badged(label, edge.questions, _roomy_width(texts, 8))}>"
        tail, head = self.names.get(edge.tail, edge.tail), self.names.get(edge.head, edge.head)
        g.edge(_name(tail), _name(head), **look, **attrs)

    def _badged(self, label: str, questions: tuple[str, ...], width: int | None = None) -> str:
        """A label with the count badge of its open critical questions on its left (none without any).

        On the left, the badge cannot cover text that a browser draws wider than the engine measured
        it (another font); ``width`` gives the label's cell room to spare all the same.
        """
        if not questions:
            return label
        cell = f'<TD WIDTH="{width}">' if width else "<TD>"
        text = f"{cell}{label}</TD>" if label else ""
        return f"{_BADGED_TABLE}<TR>{self._question_badge(len(questions))}{text}</TR></TABLE>"

    def _question_badge(self, count: int) -> str:
        """A cell holding the badge: a box of a fixed size (the engine would stretch it to its row's height)."""
        from argmap.rendering.fonts import text_width

        t = self.theme
        text = question_badge(count)
        word = _font(_b(text), SMALL_SIZE, t.badge_text)
        width, height = math.ceil(text_width(text, SMALL_SIZE, True)) + 4, math.ceil(SMALL_SIZE * 1.6)
        box = f'<TD BGCOLOR="{t.muted}" FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}">{word}</TD>'
        return f"<TD>{_BADGE_TABLE}<TR>{box}</TR></TABLE></TD>"

    # Legend and references: graphs of their own, put under the map (see :mod:`argmap.rendering.compose`)

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
        words = _font(_b("Legend"), 9, self.theme.cluster_text)

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
                label=f"<{_font(_b(style.upper()), SMALL_SIZE, box.tag)}>",
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
        words = _font(html_text(text), LEGEND_SIZE, self.theme.text)
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
            label, look = self._junction_look(sample)
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
                label=f"<{_font(_b('CONTEXT'), SMALL_SIZE, t.muted)}>",
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
            label = f"<{_BADGE_TABLE}<TR>{self._question_badge(2)}</TR></TABLE>>"
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
        rows = [f'<TR><TD ALIGN="LEFT" COLSPAN="2">{_font(_b("References"), 9, t.cluster_text)}</TD></TR>']
        for ref in self.graph.references:
            lines = wrap(reference_text(ref), REFERENCE_WIDTH)
            text = _font(_lines(lines), FOOTER_SIZE, t.text)
            link = f' HREF="{html_url(ref.url)}" TOOLTIP="{html.escape(ref.url)}"' if ref.url else ""
            rows.append(
                f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">{_font(f"[{ref.number}]", FOOTER_SIZE, t.muted)}</TD>'
                f'<TD ALIGN="LEFT" BALIGN="LEFT"{link}{_fit(lines, FOOTER_SIZE, padding=1)}>{text}</TD></TR>'
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
    return f'<{_BADGE_TABLE}<TR><TD>{words}</TD><TD WIDTH="{LEGEND_ITEM_GAP}"></TD></TR></TABLE>>'


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


def drawn_clusters(graph: MapGraph) -> dict[str, str]:
    """Where each cluster is drawn: itself, or its ancestor at :data:`MAX_CLUSTER_DEPTH`.

    Sections nested deeper than that are not drawn as boxes of their own; their
    nodes go into the deepest box drawn around them.

    Example:
        >>> from argmap.rendering.mapgraph import Cluster, MapGraph
        >>> chain = [Cluster(f"s{i}", "S", f"s{i - 1}" if i else None) for i in range(30)]
        >>> home = drawn_clusters(MapGraph(clusters=tuple(chain)))
        >>> home["s3"], home["s23"], home["s24"], home["s29"]
        ('s3', 's23', 's23', 's23')
    """
    home: dict[str, str] = {}
    depth: dict[str, int] = {}
    for cluster in graph.clusters:  # parents come before their children
        level = depth.get(cluster.parent, 0) + 1 if cluster.parent is not None else 1
        depth[cluster.id] = level
        if level <= MAX_CLUSTER_DEPTH or cluster.parent is None:
            home[cluster.id] = cluster.id
        else:
            home[cluster.id] = home.get(cluster.parent, cluster.parent)
    return home


def flattened_note(count: int) -> str:
    """What to tell about ``count`` sections drawn inside an ancestor (see :func:`drawn_clusters`)."""
    one = count == 1
    return (
        f"{count:,} section{'' if one else 's'} nested more than {MAX_CLUSTER_DEPTH} levels deep "
        f"{'is' if one else 'are'} drawn in {'its' if one else 'their'} enclosing section at level "
        f"{MAX_CLUSTER_DEPTH}, without a box of {'its' if one else 'their'} own"
    )


def stagger(graph: MapGraph, rows: int = 3, fan: int = 3) -> dict[str, int]:
    """Edge lengths that spread wide fans of leaves over several rows.

    A node that many leaves (statements nothing supports or attacks) point at
    would put them all side by side on one row, which makes maps very wide.
    When ``fan`` or more leaves point at one node, the first stays one row
    away, the second two rows, and so on up to ``rows`` (as Graphviz's
    ``unflatten`` does). Returns ``{edge id: minlen}`` for the edges to lengthen.
    """
    into: dict[str, list[Edge]] = defaultdict(list)
    for edge in graph.edges:
        if edge.kind is not EdgeKind.CONTRADICTION:
            into[edge.head].append(edge)
    out: dict[str, int] = {}
    for edges in into.values():
        leaves = [e for e in edges if e.tail not in into]
        if len(leaves) >= fan:
            for i, edge in enumerate(leaves):
                if i % rows:
                    out[edge.id] = 1 + i % rows
    return out


def _writer(graph: MapGraph, theme: str | Theme, direction: str, legend: bool, fast: bool) -> _Writer:
    """The writer of a map graph's DOT.

    Raises:
        ValueError: an unknown theme or direction.
    """
    chosen = get(theme) if isinstance(theme, str) else theme
    rankdir = DIRECTIONS.get(direction, direction.upper())
    if rankdir not in DIRECTIONS.values():
        raise ValueError(f"unknown direction `{direction}`; choose one of {', '.join(DIRECTIONS)}")
    return _Writer(graph, chosen, rankdir, legend, fast)


def map_dot(graph: MapGraph, *, theme: str | Theme = "default", direction: str = "up", fast: bool = False) -> str:
    """The DOT source of the map itself: one graph, without the legend and references.

    Raises:
        ValueError: an unknown theme or direction.
    """
    return _writer(graph, theme, direction, False, fast).source()


def key_dot(
    graph: MapGraph,
    *,
    theme: str | Theme = "default",
    direction: str = "up",
    legend: bool = True,
    width: float | None = None,
) -> str:
    """The DOT source of what goes under the map: the legend's graph and the references' graph.

    Each is a graph of its own, laid out by its own engine run and put under the
    map's picture (see :mod:`argmap.rendering.compose`), so the map's layout is the
    same with or without them. Empty when there is neither (``legend=False`` and no sources).

    Args:
        graph: the map graph.
        theme: as for :func:`to_dot`.
        direction: the map's direction: the legend's lines run as the map's do.
        legend: draw the legend (else only the references, if any).
        width: the map's width in points, to wrap the legend's rows to
            (:data:`KEY_WIDTH` when not known).

    Raises:
        ValueError: an unknown theme or direction.
    """
    return _writer(graph, theme, direction, legend, False).key(width)


def to_dot(
    graph: MapGraph,
    *,
    theme: str | Theme = "default",
    direction: str = "up",
    legend: bool = True,
    fast: bool = False,
) -> str:
    """The DOT source of a map graph: the map's graph, then those of the legend and references.

    Graphviz draws each graph of the file as a picture of its own; argmap draws
    the map and puts the others under it (see :func:`key_dot`).

    Args:
        graph: the map graph (see :func:`argmap.rendering.build.build_graph`).
        theme: a theme name (``default``, ``print``, ``dark``) or a :class:`~argmap.rendering.themes.Theme`.
        direction: where conclusions go: ``up`` (the default), ``down``, ``left``,
            ``right``, or a Graphviz ``rankdir`` (``BT``, ``TB``, ``RL``, ``LR``).
        legend: draw a legend of the kinds the picture uses.
        fast: use the engine settings for big maps (straight edges, fewer passes).

    Raises:
        ValueError: an unknown theme or direction.
    """
    map_source = map_dot(graph, theme=theme, direction=direction, fast=fast)
    return map_source + key_dot(graph, theme=theme, direction=direction, legend=legend)
