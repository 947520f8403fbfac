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
rebut                     solid line, bar (tee) arrowhead
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
from collections import defaultdict
from collections.abc import Iterable

import attrs
import graphviz  # type: ignore[import-untyped]  # the package ships no type information

from argmap.evaluation.status import Status
from argmap.language import InferenceKind, StatementKind, assert_never
from argmap.rendering.layout import GridPlan, plan_grid
from argmap.rendering.mapgraph import Cluster, Edge, EdgeKind, MapGraph, Node, NodeKind
from argmap.rendering.options import DIRECTIONS
from argmap.rendering.themes import SHAPES, BoxStyle, Theme, get
from argmap.rendering.wrap import in_order, right_to_left

#: Engine settings that keep big layouts affordable (see docs/performance.md):
#: straight edges, limited network-simplex and crossing-minimisation passes.
FAST_SETTINGS = {
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
#: What comes before a map element's map graph id in its SVG id and DOT name, by what it is.
NODE_PREFIX = {NodeKind.STATEMENT: "statement-", NodeKind.JUNCTION: "inference-"}
EDGE_PREFIX = "edge-"
SECTION_PREFIX = "section-"

#: Sections nested deeper than this are drawn inside their ancestor at this depth: the
#: engine and the DOT writer would otherwise recurse once per level (see docs/rendering.md).
MAX_CLUSTER_DEPTH = 24

FONT = "Helvetica"  # built-in metrics in the engine: the same layout on every machine
#: Room added to measured text for shaping (Arabic joins its letters) and rounding.
TEXT_SLACK = 1.03
TEXT_SIZE = 11
SMALL_SIZE = 7.5
FOOTER_SIZE = 8.5

#: Line style and arrowhead of each edge kind: these, not colour, tell the kinds apart.
EDGE_LOOK: dict[EdgeKind, dict[str, str]] = {
    EdgeKind.SUPPORT: {"style": "solid", "arrowhead": "normal"},
    EdgeKind.REBUT: {"style": "solid", "arrowhead": "tee"},
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
    """The SVG id and DOT name of a node: ``statement-`` or ``inference-`` and its map graph id."""
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
    """The theme's style for a statement box or a junction."""
    if node.ghost:
        return theme.ghost
    match node.kind:
        case NodeKind.STATEMENT:
            return theme.statements[StatementKind(node.style)]
        case NodeKind.JUNCTION:
            return theme.junction(InferenceKind(node.style))
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


def _fitted(label: str, lines: Iterable[str], size: float, bold: bool = False) -> str:
    """An HTML-like label's content in a one-cell table of the width its lines need (see :func:`_fit`)."""
    width = _fit(lines, size, bold)
    if not width:
        return label
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD{width}>{label}</TD></TR></TABLE>'


# -- Writing ---------------------------------------------------------------------


class _Writer:
    def __init__(self, graph: MapGraph, theme: Theme, rankdir: str, legend: bool, fast: bool) -> None:
        self.graph = graph
        self.theme = theme
        self.rankdir = rankdir
        self.legend = legend
        self.fast = fast
        self.names = {node.id: node_id(node) for node in graph.nodes}  # map graph id -> DOT name

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
        plan = plan_grid(self.graph)
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
        if self.legend and self.graph.nodes:
            self._legend(g)
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
        """What the statuses mean, under the title: outside the layout, so that an evaluated
        picture has the layout of the plain one (a row in the legend would move its boxes)."""
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
        if node.kind is NodeKind.JUNCTION:
            self._junction(g, node)
        else:
            self._statement(g, node)

    def _classes(self, node: Node) -> str:
        classes = [node.kind.value, node.style]
        if node.status is not None:
            classes.append(f"status-{node.status.value}")
        flags = (("focus", node.focus), ("ghost", node.ghost), ("partial", node.hidden), ("aside", node.aside))
        classes += [c for c, on in flags if on]
        return " ".join(classes)

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
            **{"class": self._classes(node)},
            **look,
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
        t = self.theme
        box = _box(t, node)
        fill = t.statuses[node.status][1] if node.status is not None and not node.ghost else box.fill
        parts = []
        if node.text:
            parts.append(_font(_b(_lines(node.text)), 9, t.muted if node.ghost else t.text))
        if node.scheme:
            parts.append(_font(_i(html_text(node.scheme)), 8.5, t.muted))
        if node.hidden:
            parts.append(_font(_i(f"+{node.hidden} not shown"), SMALL_SIZE, t.muted))
        common: dict[str, object] = {
            "id": _name(node_id(node)),
            "class": self._classes(node),
            "tooltip": esc_text(node.tooltip),
            "fillcolor": fill,
            "color": box.border,
            "penwidth": f"{box.penwidth + (1.6 if node.focus else 0):g}",
        }
        if node.status is not None:  # beside the junction: an external label leaves the layout as it is
            word = _font(_b(STATUS_WORDS[node.status]), SMALL_SIZE, t.statuses[node.status][0])
            common["xlabel"] = f"<{word}>"
        if not parts:
            g.node(
                _name(node_id(node)),
                label="",
                shape="circle" if node.style == InferenceKind.SUPPORT.value else "square",
                width="0.14",
                height="0.14",
                fixedsize="true",
                style="filled",
                **{**common, "fillcolor": box.border},
            )
            return
        texts = [*node.text, node.scheme or ""]
        label = "<" + _fitted("<BR/>".join(parts), texts, 9, True) + ">"
        style = "rounded,filled" if node.style == InferenceKind.SUPPORT.value else "filled"
        if node.ghost:
            style += ",dotted"
        g.node(_name(node_id(node)), label=label, shape="box", style=style, margin="0.06,0.02", height="0.2", **common)

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
        to_stub = attrs.evolve(edge, head=f"{STUB_ID}-{edge.id}-to")
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
        bottoms = {b: [n for n in nodes if not downs[n]] for b, nodes in members.items()}
        invisible = {"label": "", "shape": "point", "style": "invis", "width": "0", "height": "0"}
        heads = [f"{GRID_ID}-column-{n}" for n in range(len(plan.columns))]
        for name in heads:
            g.node(name, id=name, **invisible)
        for n, column in enumerate(plan.stacks):
            for node in tops[column[0]]:
                g.edge(_name(self.names[node]), heads[n], style="invis", weight="0")
            # With several columns, the separators of each hang in a line under its head, which
            # keeps the columns apart (the line passes beside the sections: one column needs none).
            spine = heads[n] if len(plan.stacks) > 1 else None
            for k, (upper, lower) in enumerate(itertools.pairwise(column)):
                sep = f"{GRID_ID}-{n}-{k}"
                g.node(sep, id=sep, **invisible)
                for node in tops[lower]:
                    g.edge(_name(self.names[node]), sep, style="invis", weight="1")
                for node in bottoms[upper]:  # no weight: it would pull every leaf down to the last row
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
        if edge.label:
            attrs["label"] = f"<{_fitted(_font(_i(html_text(edge.label)), 8), [edge.label], 8)}>"
        tail, head = self.names.get(edge.tail, edge.tail), self.names.get(edge.head, edge.head)
        g.edge(_name(tail), _name(head), **look, **attrs)

    # Legend

    def _legend(self, g: graphviz.Digraph) -> None:
        """A compact legend of the kinds the picture uses, one row per line."""
        t = self.theme
        styles = {n.style for n in self.graph.nodes if n.kind is NodeKind.STATEMENT}
        kinds = [k for k in EdgeKind if any(e.kind is k for e in self.graph.edges)]
        rows: list[list[str]] = []
        with g.subgraph(name=f"cluster_{LEGEND_ID}") as lg:
            lg.attr(
                id=LEGEND_ID,
                **{"class": "legend"},
                label=f"<{_font(_b('Legend'), 10, t.cluster_text)}>",
                tooltip="Legend",
                labeljust="l",
                labelloc="b" if self.rankdir == "BT" else "t",
                style="rounded",
                color=t.cluster_border,
                margin="8",
            )
            boxes = [self._legend_box(lg, kind) for kind in StatementKind if kind.value in styles]
            rows = [boxes] if boxes else []
            items = [self._legend_edge(lg, kind) for kind in kinds]
            if any(n.kind is NodeKind.JUNCTION for n in self.graph.nodes):
                items.append(self._legend_junction(lg))
            rows += [[n for item in items[i : i + 3] for n in item] for i in range(0, len(items), 3)]
            flip = self.rankdir in ("BT", "RL")  # keep the first row on top (or left)
            for row in rows:
                with lg.subgraph() as same:
                    same.attr(rank="same")
                    for name in row:
                        same.node(name)
                for left, right in itertools.pairwise(row):
                    lg.edge(left, right, style="invis")
            for upper, lower in itertools.pairwise(rows):
                lg.edge(*((lower[0], upper[0]) if flip else (upper[0], lower[0])), style="invis")
        top = self._top()
        if rows and top is not None:
            # The legend's first row shares the rank of the main conclusion, where there is room.
            with g.subgraph() as same:
                same.attr(rank="same")
                same.node(_name(self.names[top]))
                same.node(rows[0][0])

    def _top(self) -> str | None:
        """The first thesis that concludes nothing (else the first such statement): the top of the map."""
        tails = {e.tail for e in self.graph.edges if e.kind is not EdgeKind.CONTRADICTION}
        sinks = [n for n in self.graph.nodes if n.kind is NodeKind.STATEMENT and n.id not in tails]
        theses = [n for n in sinks if n.style == StatementKind.THESIS.value]
        chosen = theses or sinks
        return chosen[0].id if chosen else None

    def _legend_box(self, lg: graphviz.Digraph, kind: StatementKind) -> str:
        box = self.theme.statements[kind]
        style = kind.value
        name = f"{LEGEND_ID}-{style}"
        lg.node(
            name,
            label=f"<{_font(_b(style.upper()), SMALL_SIZE, box.tag)}>",
            id=name,
            tooltip=style,
            fillcolor=box.fill,
            color=box.border,
            penwidth=f"{box.penwidth:g}",
            width="0.95",
            height="0.28",
            fixedsize="true",
            **{"class": f"legend statement {style}"},
            **SHAPES[kind],
        )
        return name

    def _legend_text(self, lg: graphviz.Digraph, name: str, text: str) -> str:
        label = f"<{_font(html_text(text), 8, self.theme.text)}>"
        lg.node(name, label=label, id=name, shape="plain", style="", tooltip=text, **{"class": "legend"})
        return name

    def _legend_edge(self, lg: graphviz.Digraph, kind: EdgeKind) -> list[str]:
        t = self.theme
        base = f"{LEGEND_ID}-{kind.value}"
        for end in ("tail", "head"):
            lg.node(f"{base}-{end}", label="", shape="point", style="invis", width="0.01", id=f"{base}-{end}")
        look = {k: v for k, v in EDGE_LOOK[kind].items() if k != "constraint"}
        color = t.lines[kind.value]
        if kind is EdgeKind.CONTRADICTION:
            color = f"{color}:{t.background}:{color}"
        lg.edge(
            f"{base}-tail",
            f"{base}-head",
            id=base,
            color=color,
            tooltip=EDGE_WORDS[kind],
            **{"class": f"legend {kind.value}"},
            **look,
        )
        return [f"{base}-tail", f"{base}-head", self._legend_text(lg, f"{base}-text", EDGE_WORDS[kind])]

    def _legend_junction(self, lg: graphviz.Digraph) -> list[str]:
        t = self.theme
        name = f"{LEGEND_ID}-junction"
        color = t.junction(InferenceKind.SUPPORT).border
        lg.node(
            name,
            label="",
            id=name,
            shape="circle",
            width="0.14",
            fixedsize="true",
            style="filled",
            color=color,
            fillcolor=color,
            tooltip="junction",
            **{"class": "legend junction"},
        )
        text = "junction of linked premises (label, scheme)"
        return [name, self._legend_text(lg, f"{LEGEND_ID}-junction-text", text)]


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


def to_dot(
    graph: MapGraph,
    *,
    theme: str | Theme = "default",
    direction: str = "up",
    legend: bool = True,
    fast: bool = False,
) -> str:
    """The DOT source of a map graph.

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
    chosen = get(theme) if isinstance(theme, str) else theme
    rankdir = DIRECTIONS.get(direction, direction.upper())
    if rankdir not in DIRECTIONS.values():
        raise ValueError(f"unknown direction `{direction}`; choose one of {', '.join(DIRECTIONS)}")
    return _Writer(graph, chosen, rankdir, legend, fast).source()
