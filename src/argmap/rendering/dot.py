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
from collections import defaultdict

import attrs
import graphviz  # type: ignore[import-untyped]  # the package ships no type information

from argmap.evaluation.status import Status
from argmap.language import InferenceKind, StatementKind, assert_never
from argmap.rendering.key import CONTEXT_GLYPH, KeyWriter, junction_glyph
from argmap.rendering.layout import GridPlan, lowest, plan_grid
from argmap.rendering.looks import (
    EDGE_LOOK,
    FONT,
    FOOTER_SIZE,
    PLAIN_TABLE,
    SMALL_SIZE,
    TEXT_SIZE,
    fit_width,
    fitted,
    html_lines,
    html_text,
    html_url,
    in_bold,
    in_font,
    in_italic,
    roomy_width,
)
from argmap.rendering.mapgraph import Cluster, Edge, EdgeKind, MapGraph, Node, NodeKind
from argmap.rendering.options import DIRECTIONS
from argmap.rendering.themes import SHAPES, BoxStyle, Theme, get

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
#: What comes before a map element's map graph id in its SVG id and DOT name, by what it is.
NODE_PREFIX = {NodeKind.STATEMENT: "statement-", NodeKind.JUNCTION: "inference-", NodeKind.SECTION: "part-"}
EDGE_PREFIX = "edge-"
SECTION_PREFIX = "section-"

#: Sections nested deeper than this are drawn inside their ancestor at this depth: the
#: engine and the DOT writer would otherwise recurse once per level (see docs/rendering.md).
MAX_CLUSTER_DEPTH = 24


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


# -- Escaping ---------------------------------------------------------------------


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


def question_badge(count: int) -> str:
    """The text of the badge of an inference with ``count`` open critical questions: ``?3``."""
    return f"?{count}"


def raises_tag(key: str) -> str:
    """The tag of an inference that raises the critical question ``key``, as the language writes it."""
    return f"raises: {key}"


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
                label=f"<{in_font(html_text(text), FOOTER_SIZE, self.theme.muted)}>",
                tooltip=esc_text(tooltip),
                shape="plain",
                style="",
                **{"class": "stub"},
            )
        for child in children.get(cluster, ()):
            with g.subgraph(name=f"cluster_{section_id(child)}") as sub:
                t = self.theme
                title = in_font(in_bold(html_text(child.title)), 10, t.cluster_text)
                sub.attr(
                    id=_name(section_id(child)),
                    **{"class": "section"},
                    label=f"<{fitted(title, [child.title], 10, bold=True)}>",
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
            rows.append(
                f"<TR><TD{fit_width([g.title], 18, True)}>{in_font(in_bold(html_text(g.title)), 18, t.text)}</TD></TR>"
            )
        if g.subtitle:
            href = f' HREF="{html_url(g.url)}" TOOLTIP="{html.escape(g.url)}"' if g.url else ""
            rows.append(
                f"<TR><TD{href}{fit_width([g.subtitle], 10)}>{in_font(html_text(g.subtitle), 10, t.muted)}</TD></TR>"
            )
        if g.caption:
            caption = in_font(in_italic(html_text(g.caption)), 10, t.text)
            rows.append(
                f'<TR><TD ID="{CAPTION_ID}" TOOLTIP="{html_text(g.caption)}"'
                f"{fit_width([g.caption], 10)}>{caption}</TD></TR>"
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
            badge = in_font(in_bold(word), SMALL_SIZE, t.badge_text)
            text = in_font(html_text(meaning), 8, t.text)
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
            f'<TD ALIGN="LEFT">{in_font(in_bold(node.style.upper()), SMALL_SIZE, box.tag)}</TD>',
            f'<TD ALIGN="RIGHT">{in_font(html_text(node.ref), SMALL_SIZE, t.muted)}</TD>',
        ]
        header.append(self._badge(node))  # in every picture: the same boxes with or without statuses
        span = len(header)
        body = html_lines(node.text)
        if node.style == StatementKind.THESIS.value:
            body = in_bold(body)
        fit = fit_width(node.text, TEXT_SIZE, bold=node.style == StatementKind.THESIS.value, padding=1)
        # Right-to-left lines are aligned left too: the engine places a right-aligned line
        # by its own estimate of the line's width, which is wrong beyond ASCII.
        cell = f'<TR><TD COLSPAN="{span}" ALIGN="LEFT" BALIGN="LEFT"'
        rows = [
            f"<TR>{''.join(header)}</TR>",
            f"{cell}{fit}>{in_font(body, None, text_color if node.ghost else None)}</TD></TR>",
        ]
        if node.footer:
            footer = in_font(html_lines(node.footer), FOOTER_SIZE, t.muted)
            rows.append(f"{cell}{fit_width(node.footer, FOOTER_SIZE, padding=1)}>{footer}</TD></TR>")
        if node.hidden:
            more = f"+{node.hidden} relation{'' if node.hidden == 1 else 's'} not shown"
            rows.append(
                f'<TR><TD COLSPAN="{span}" ALIGN="LEFT">{in_font(in_italic(more), FOOTER_SIZE, t.muted)}</TD></TR>'
            )
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
        title = in_font(in_bold(html_lines(node.text)), TEXT_SIZE, box.tag)
        rows = [f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{fit_width(node.text, TEXT_SIZE, True, 1)}>{title}</TD></TR>']
        if node.footer:
            counts = in_font(html_lines(node.footer), FOOTER_SIZE, t.muted)
            rows.append(
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{fit_width(node.footer, FOOTER_SIZE, padding=1)}>{counts}</TD></TR>'
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
        word = in_font(in_bold(ASIDE_WORD if node.aside else STATUS_WORDS[node.status]), SMALL_SIZE, t.badge_text)
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
            parts.append(in_font(html_text(node.name), SMALL_SIZE, t.muted))
        if node.text:
            parts.append(in_font(in_bold(html_lines(node.text)), 9, t.muted if node.ghost else t.text))
        if node.scheme:
            parts.append(in_font(in_italic(html_text(node.scheme)), 8.5, t.muted))
        if node.hidden:
            parts.append(in_font(in_italic(f"+{node.hidden} not shown"), SMALL_SIZE, t.muted))
        if node.raises:
            parts.append(in_font(in_italic(html_text(raises_tag(node.raises))), SMALL_SIZE, t.muted))
        common: dict[str, object] = {
            "id": _name(node_id(node)),
            "class": self._classes(node, f"glyph-{junction_glyph(node)}"),
            "tooltip": esc_text(node.tooltip),
            "fillcolor": fill,
            "color": box.border,
            "penwidth": f"{box.penwidth + (1.6 if node.focus else 0):g}",
        }
        if node.status is not None:  # beside the junction: an external label leaves the layout as it is
            word = in_font(in_bold(STATUS_WORDS[node.status]), SMALL_SIZE, t.statuses[node.status][0])
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
        inner = fitted("<BR/>".join(parts), texts, 9, True)
        label = "<" + self._badged(inner, node.questions, roomy_width(texts, 9, bold=True)) + ">"
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
        parts = [in_font(in_italic(html_text(edge.label)), 8)] if edge.label else []
        if edge.raises:
            parts.append(in_font(in_italic(html_text(raises_tag(edge.raises))), 8, t.muted))
        if parts or edge.questions:
            texts = [edge.label or "", raises_tag(edge.raises) if edge.raises else ""]
            label = fitted("<BR/>".join(parts), texts, 8)
            # Fast: beside the line, placed after the layout; a label on the line takes a rank
            # of its own, and every line of the picture then crosses twice as many ranks.
            where = "xlabel" if self.fast else "label"
            attrs[where] = f"<{self._badged(label, edge.questions, roomy_width(texts, 8))}>"
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
        word = in_font(in_bold(text), SMALL_SIZE, t.badge_text)
        width, height = math.ceil(text_width(text, SMALL_SIZE, True)) + 4, math.ceil(SMALL_SIZE * 1.6)
        box = f'<TD BGCOLOR="{t.muted}" FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}">{word}</TD>'
        return f"<TD>{PLAIN_TABLE}<TR>{box}</TR></TABLE></TD>"


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
    w = _writer(graph, theme, direction, legend, False)
    return KeyWriter(graph, w.theme, w.rankdir, legend, w._junction_look, w._question_badge).key(width)


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
