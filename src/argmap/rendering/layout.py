"""The shape of a big picture: sections stacked in columns, in written order.

Left alone, the layout engine puts every section side by side, so a map of a
hundred statements in eight sections comes out many times wider than high, in
an order of its own. This module plans a *grid* instead, within what the
engine's ``dot`` layout can be told:

* the theses (statements outside every section that nothing else concludes)
  share the top row;
* the top-level sections are read in written order, top to bottom, then left
  to right: the first few stacked in the first column, the next in the second,
  and so on; the number of columns is chosen so the picture comes out roughly
  as wide as high;
* a relation between two different top-level sections does not pull their
  rows together (``constraint=false``): each section keeps its own shape, and
  the line is drawn across.

The plan is plain data; :mod:`argmap.rendering.dot` writes it as invisible
nodes and edges. Stacking is done with one invisible *separator* node between
two sections of a column: every top node of the lower section points at it,
and it points at every bottom node of the upper one (a number of edges linear
in the size of the map). A row of invisible *column heads* under the theses,
joined left to right, keeps the columns in order.

Example:
    >>> from argmap.rendering.mapgraph import Cluster, MapGraph, Node, NodeKind
    >>> nodes = tuple(Node(f"n{i}", NodeKind.STATEMENT, "claim", f"n{i}", cluster=f"s{i % 9}") for i in range(36))
    >>> plan = plan_grid(MapGraph(nodes=nodes, clusters=tuple(Cluster(f"s{i}", "S") for i in range(9))))
    >>> plan.columns
    (('s0', 's1', 's2', 's3', 's4'), ('s5', 's6', 's7', 's8'))
"""

from __future__ import annotations

import math
from collections import defaultdict

from attrs import field, frozen

from argmap.rendering.mapgraph import EdgeKind, MapGraph

#: A section's bottom row (statements nothing in it points at) is folded after this many.
ROW_MAX = 8
#: The width-to-height ratio the column count aims at (the estimate runs a little tall).
TARGET_ASPECT = 1.3
#: Below this many statements the engine's own layout is kept: a small map reads well as it is.
GRID_FROM = 24


@frozen
class GridPlan:
    """Where the top-level sections go.

    Attributes:
        columns: top-level cluster ids, column by column, each top to bottom.
        top: the cluster that holds each node (by node id), for those in a top-level section.
        loose: edge ids that join two different top-level sections (drawn without constraint).
        far: of those, the edges between sections that are not next to each other in a
            column: drawn as two short labelled stubs, one in each section, not as a long line.
    """

    columns: tuple[tuple[str, ...], ...] = ()
    top: dict[str, str] = field(factory=dict)
    loose: frozenset[str] = frozenset()
    far: frozenset[str] = frozenset()

    @property
    def active(self) -> bool:
        """Whether there is a grid to draw (two sections or more)."""
        return sum(len(c) for c in self.columns) > 1


def top_clusters(graph: MapGraph) -> dict[str, str]:
    """The top-level ancestor of every cluster, by cluster id."""
    out: dict[str, str] = {}
    for cluster in graph.clusters:  # parents come before their children
        out[cluster.id] = out.get(cluster.parent, cluster.id) if cluster.parent is not None else cluster.id
    return out


def plan_grid(graph: MapGraph) -> GridPlan:
    """The grid of a map graph; an empty plan for a small map or one with fewer than two sections."""
    statements = sum(1 for n in graph.nodes if n.kind.value == "statement")
    ancestor = top_clusters(graph)
    top = {n.id: ancestor[n.cluster] for n in graph.nodes if n.cluster is not None and n.cluster in ancestor}
    sizes: dict[str, int] = defaultdict(int)
    for cid in top.values():
        sizes[cid] += 1
    order = [c.id for c in graph.clusters if c.parent is None and sizes.get(c.id)]
    if statements < GRID_FROM or len(order) < 2:
        return GridPlan()
    edge_ends = {e.id: (e.tail, e.head) for e in graph.edges}
    loose = frozenset(
        e.id
        for e in graph.edges
        if e.kind is not EdgeKind.CONTRADICTION and e.tail in top and e.head in top and top[e.tail] != top[e.head]
    )
    columns = _columns(order, sizes, _column_count(graph, order, top))
    place = {cid: (n, k) for n, column in enumerate(columns) for k, cid in enumerate(column)}
    far = frozenset(e for e in loose if not _neighbours(place[top[edge_ends[e][0]]], place[top[edge_ends[e][1]]]))
    return GridPlan(columns, top, loose, far)


def _neighbours(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] == b[0] and abs(a[1] - b[1]) <= 1


def _column_count(graph: MapGraph, order: list[str], top: dict[str, str]) -> int:
    """How many columns make the picture about as wide as high, from a rough size of each section.

    A section's width is taken as its widest layer of nodes (layers by longest path
    inside the section; wide layers are folded, see :func:`wrap_rows`) and its height
    as its number of layers; a box is about three times as wide as high.
    """
    widths: dict[str, float] = {}
    heights: dict[str, float] = {}
    inside: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.kind is not EdgeKind.CONTRADICTION and e.tail in top and top.get(e.head) == top[e.tail]:
            inside[e.tail].append(e.head)
    level: dict[str, int] = {}
    for node_id in top:
        _level(node_id, inside, level)
    for cid in order:
        layers: dict[int, int] = defaultdict(int)
        for node_id, c in top.items():
            if c == cid:
                layers[level[node_id]] += 1
        widest = max(layers.values())
        widths[cid] = min(widest, ROW_MAX) * 2.2
        heights[cid] = max(layers) + 2.0 + widest // ROW_MAX
    best, best_score = 1, math.inf
    for count in range(1, len(order) + 1):
        columns = _columns(order, {c: max(1, round(heights[c])) for c in order}, count)
        width = sum(max(widths[c] for c in column) for column in columns)
        height = max(sum(heights[c] for c in column) for column in columns)
        score = abs(math.log(width / height / TARGET_ASPECT))
        if score < best_score:
            best, best_score = count, score
    return best


def _level(node_id: str, inside: dict[str, list[str]], level: dict[str, int]) -> int:
    """The length of the longest path from ``node_id`` up to the top of its section (iterative)."""
    stack = [node_id]
    seen: set[str] = set()
    while stack:
        x = stack[-1]
        if x in level:
            stack.pop()
            continue
        pending = [y for y in inside.get(x, ()) if y not in level and y not in seen]
        if pending:
            seen.add(x)
            stack.extend(pending)
            continue
        stack.pop()
        level[x] = max((level[y] + 1 for y in inside.get(x, ()) if y in level), default=0)
    return level[node_id]


def _columns(order: list[str], sizes: dict[str, int], count: int) -> tuple[tuple[str, ...], ...]:
    """Cut the sections, in order, into ``count`` columns of about equal size."""
    total = sum(sizes[c] for c in order)
    columns: list[list[str]] = [[]]
    filled = 0
    for n, cid in enumerate(order):
        left = len(order) - n
        wanted = total * len(columns) / count
        if columns[-1] and filled + sizes[cid] / 2 > wanted and len(columns) < count and left >= 1:
            columns.append([])
        columns[-1].append(cid)
        filled += sizes[cid]
    return tuple(tuple(c) for c in columns)
