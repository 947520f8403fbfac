"""The shape of a big picture: wide rows wrapped, sections stacked in columns, in written order.

Left alone, the layout engine puts every section side by side and every
statement of a rank on one row, so a map of a hundred statements comes out many
times wider than high, in an order of its own. This module plans the shape
instead, within what the engine's ``dot`` layout can be told:

* rows are *wrapped*: the nodes of a rank (in a section, or in the whole map
  when it has fewer than two sections) are given out row by row, top down,
  each row filled up to a width; a node that does not fit goes one row lower
  (an invisible edge from it to a node of the row above holds it there);
* the theses (statements outside every section that nothing else concludes)
  share the top row;
* the top-level sections are read in written order, top to bottom, then left
  to right: the first few stacked in the first column, the next in the second,
  and so on; the row width and the number of columns are chosen so that the
  picture comes out a little higher than wide and, where it can, at most
  :data:`PAGE_WIDTH` points wide;
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
    >>> text = ("x" * 30,)
    >>> nodes = tuple(Node(f"n{i}", NodeKind.STATEMENT, "claim", f"n{i}", text, cluster=f"s{i % 9}") for i in range(36))
    >>> plan = plan_grid(MapGraph(nodes=nodes, clusters=tuple(Cluster(f"s{i}", "S") for i in range(9))))
    >>> len(plan.columns), [len(column) for column in plan.columns]
    (2, [5, 4])
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping

from attrs import field, frozen

from argmap.rendering.mapgraph import EdgeKind, MapGraph, Node, NodeKind

#: The width-to-height ratio aimed at: a little higher than wide, like a page.
TARGET_ASPECT = 0.9
#: The widest a picture is made when its shape allows (in points: 25 inches, 2,400 pixels at 96 dpi).
PAGE_WIDTH = 1800.0
#: Pictures are never planned narrower than this, nor taller than wide by more than 2 : 1.
LEAST_ASPECT = 0.7
#: Below this many statements the engine's own layout is kept: a small map reads well as it is.
GRID_FROM = 24
#: Above this many statements rows are not wrapped: the engine's time grows with every row
#: added (2,000 statements: 40 s unwrapped, 105 s wrapped, in one measurement).
WRAP_UP_TO = 1000
#: Gaps the engine leaves, in points: between two nodes of a row, between rows, around a section.
NODE_GAP = 16.0
ROW_GAP = 26.0
#: The gap between rows when some line has a label: the engine then puts a row of labels between any two.
LABELLED_ROW_GAP = 64.0
SECTION_MARGIN = 40.0
#: How much wider a row is drawn than its boxes and lines: labels and the engine's spacing take room.
WIDTH_SLACK = 1.4
#: How much wider than planned a map with no sections comes out: with no section boxes to
#: hold them, the engine spreads a row's nodes apart to straighten the lines between rows
#: (1.1 to 2.1 times the planned width in a sample of generated maps, 1.5 typically).
OPEN_SLACK = 1.5
#: The room a line takes in a row it passes, in points.
PASSING = 22.0
#: The rough length of a stub's text (``→ target``), in characters.
STUB_CHARS = 16
#: The rough size of a character of statement text and of a text line, in points.
CHAR_WIDTH = 5.9
LINE_HEIGHT = 13.5


@frozen
class GridPlan:
    """Where the top-level sections go and how wide rows are wrapped.

    Attributes:
        columns: top-level cluster ids, column by column, each top to bottom (empty
            when the map has fewer than two sections: then only rows are wrapped).
        top: the cluster that holds each node (by node id), for those in a top-level section.
        loose: edge ids that leave their block for another, or for a thesis (drawn without constraint).
        far: of those, the edges between sections that are not next to each other in a
            column: drawn as two short labelled stubs, one in each section, not as a long line.
        folds: ``(lower, upper)`` node ids: ``lower`` is held at least one row below ``upper``
            (the wrapping of wide rows).
        stacks: the blocks of each column, top to bottom: a top-level section's own
            statements, then each of its subsections (see :func:`units`).
        block: the block (a cluster id) that holds each node, for those in a top-level section.
    """

    columns: tuple[tuple[str, ...], ...] = ()
    top: dict[str, str] = field(factory=dict)
    loose: frozenset[str] = frozenset()
    far: frozenset[str] = frozenset()
    folds: tuple[tuple[str, str], ...] = ()
    stacks: tuple[tuple[str, ...], ...] = ()
    block: dict[str, str] = field(factory=dict)

    @property
    def active(self) -> bool:
        """Whether there is a grid of sections to draw (two sections or more)."""
        return sum(len(c) for c in self.columns) > 1

    @property
    def shaped(self) -> bool:
        """Whether the map is big enough to be shaped at all (rows wrapped, perhaps a grid)."""
        return self.active or bool(self.folds)


def top_clusters(graph: MapGraph) -> dict[str, str]:
    """The top-level ancestor of every cluster, by cluster id."""
    out: dict[str, str] = {}
    for cluster in graph.clusters:  # parents come before their children
        out[cluster.id] = out.get(cluster.parent, cluster.id) if cluster.parent is not None else cluster.id
    return out


def node_size(node: Node) -> tuple[float, float]:
    """A rough width and height of a node's box, in points, from its lines of text."""
    if node.kind is NodeKind.JUNCTION:
        texts = [*node.text, node.scheme or ""]
        longest = max((len(t) for t in texts), default=0)
        if not longest:
            return 10.0, 10.0
        return longest * CHAR_WIDTH * 0.85 + 12, LINE_HEIGHT * sum(1 for t in texts if t) + 6
    longest = max((len(t) for t in node.text), default=8)
    footer = max((len(t) for t in node.footer), default=0) * CHAR_WIDTH * 0.8
    width = max(longest * CHAR_WIDTH, footer, 60.0) + 22
    height = LINE_HEIGHT * (1 + len(node.text)) + 11 * len(node.footer) + 12
    return width, height


@frozen
class _Rows:
    """The rows of one group of nodes (a top-level section, or the whole map), wrapped at a width."""

    width: float
    height: float
    folds: tuple[tuple[str, str], ...]


def _wrap(
    members: list[str],
    ups: dict[str, list[str]],
    level: dict[str, int],
    sizes: dict[str, tuple[float, float]],
    cap: float,
    gap: float = ROW_GAP,
) -> _Rows:
    """Give ``members`` out row by row, top down: each below what it points at, rows at most ``cap`` wide.

    Members are taken in order of their natural row (``level``: the longest path
    up to the top of the group), then in written order. One wider than ``cap`` gets a row of its own.
    """
    order = sorted(members, key=lambda n: level[n])  # stable: written order within a row
    row: dict[str, int] = {}
    load: dict[int, float] = defaultdict(float)
    heights: dict[int, float] = defaultdict(float)
    first: dict[int, str] = {}
    folds: list[tuple[str, str]] = []
    for node_id in order:
        w, h = sizes[node_id]
        wanted = max((row[u] + 1 for u in ups.get(node_id, ()) if u in row), default=0)
        r = wanted
        while load[r] and load[r] + NODE_GAP + w > cap:
            r += 1
        if r > wanted and r - 1 in first:
            folds.append((node_id, first[r - 1]))
        row[node_id] = r
        load[r] += w + (NODE_GAP if load[r] else 0)
        heights[r] = max(heights[r], h)
        first.setdefault(r, node_id)
    for node_id in order:  # a line that passes a row takes room in it too
        for r in (r for u in ups.get(node_id, ()) if u in row for r in range(row[u] + 1, row[node_id])):
            load[r] += PASSING
    height = sum(heights.values()) + gap * max(0, len(heights) - 1)
    # The first node of each row is held under the first of the row above, so that rows
    # keep apart: the engine would otherwise pull a row up into the one above where it can.
    folds += [(first[r], first[r - 1]) for r in sorted(first) if r - 1 in first]
    return _Rows(max(load.values(), default=0.0) * WIDTH_SLACK, height, tuple(folds))


def units(graph: MapGraph) -> dict[str, str]:
    """The block each cluster is stacked in: itself at the first two levels, else its ancestor at the second.

    A top-level section's own statements form one block and each of its
    subsections another, stacked one under the other: the engine would put them side by side.
    """
    out: dict[str, str] = {}
    depth: dict[str, int] = {}
    for cluster in graph.clusters:  # parents come before their children
        level = depth[cluster.parent] + 1 if cluster.parent in depth else 1
        depth[cluster.id] = level
        out[cluster.id] = cluster.id if level <= 2 or cluster.parent is None else out[cluster.parent]
    return out


def plan_grid(graph: MapGraph, *, label_rows: bool = True) -> GridPlan:
    """The plan of a map graph; an empty plan for a small map.

    ``label_rows``: the words on lines take rows of their own (``label``); False when
    they are set beside the lines (``xlabel``, the fast settings): rows are closer.
    """
    statements = sum(1 for n in graph.nodes if n.kind is NodeKind.STATEMENT)
    if statements < GRID_FROM:
        return GridPlan()
    ancestor = top_clusters(graph)
    top = {n.id: ancestor[n.cluster] for n in graph.nodes if n.cluster is not None and n.cluster in ancestor}
    order = [c.id for c in graph.clusters if c.parent is None and c.id in set(top.values())]
    sizes = {n.id: node_size(n) for n in graph.nodes}
    gap = _row_gap(graph) if label_rows else ROW_GAP
    if len(order) < 2:
        slack = OPEN_SLACK if not order else 1.0
        return _plan_rows(graph, sizes, gap, slack) if statements <= WRAP_UP_TO else GridPlan()
    block_of = units(graph)
    block = {n.id: block_of[n.cluster] for n in graph.nodes if n.id in top and n.cluster is not None}
    edge_ends = {e.id: (e.tail, e.head) for e in graph.edges}
    loose = frozenset(e.id for e in graph.edges if e.tail in block and block.get(e.head) != block[e.tail])
    members: dict[str, list[str]] = defaultdict(list)
    for node_id, b in block.items():
        members[b].append(node_id)
    blocks = {cid: [c.id for c in graph.clusters if ancestor[c.id] == cid and c.id in members] for cid in order}
    for e in graph.edges:  # a line to another section may be drawn as a stub beside its premise
        if e.id in loose:
            w, h = sizes[e.tail]
            sizes[e.tail] = (w + NODE_GAP + STUB_CHARS * CHAR_WIDTH * 0.8, h)
    ups = _ups(graph, lambda tail, head: tail in block and block.get(head) == block[tail])
    # Rows left unwrapped are planned as they will be drawn: one row as wide as it comes.
    caps = _caps(sizes.values()) if statements <= WRAP_UP_TO else [math.inf]
    columns, folds = _choose(order, blocks, members, ups, _levels(list(block), ups), sizes, gap, caps)
    if statements > WRAP_UP_TO:
        folds = ()
    stacks = tuple(tuple(b for cid in column for b in blocks[cid]) for column in columns)
    place = {b: (n, k) for n, stack in enumerate(stacks) for k, b in enumerate(stack)}
    far = frozenset(
        e for e in loose if not _neighbours(place[block[edge_ends[e][0]]], place.get(block.get(edge_ends[e][1], "")))
    )
    return GridPlan(columns, top, loose, far, folds, stacks, block)


def _plan_rows(graph: MapGraph, sizes: dict[str, tuple[float, float]], gap: float, slack: float) -> GridPlan:
    """A map of one section or none: only its rows are wrapped, to the width that shapes it best.

    ``slack``: how much wider than planned the picture is expected to come out.
    """
    members = [n.id for n in graph.nodes]
    ups = _ups(graph, lambda tail, head: True)
    level = _levels(members, ups)
    best: tuple[float, _Rows] | None = None
    for cap in _caps(sizes.values()):
        rows = _wrap(members, ups, level, sizes, cap, gap)
        score = _score(rows.width * slack, rows.height)
        if best is None or score < best[0]:
            best = (score, rows)
    assert best is not None
    return GridPlan(folds=best[1].folds)


def _caps(sizes: Iterable[tuple[float, float]]) -> list[float]:
    """The row widths to try: from the widest box to many boxes wide."""
    widest = max((w for w, _ in sizes), default=100.0)
    return [widest * k + NODE_GAP * (k - 1) for k in (2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 26, 34)]


def _score(width: float, height: float) -> float:
    """How far a planned size is from the shape aimed at (lower is better).

    A picture is wanted :data:`TARGET_ASPECT` wide for its height, and at most
    :data:`PAGE_WIDTH` wide; a map too big for that page keeps the aspect, never
    taller than :data:`LEAST_ASPECT` allows.
    """
    aspect = width / max(height, 1.0)
    score = abs(math.log(aspect / TARGET_ASPECT))
    if width > PAGE_WIDTH and aspect > LEAST_ASPECT:
        score += 1.0 + math.log(width / PAGE_WIDTH)
    if aspect < LEAST_ASPECT:
        score += 2.0 + math.log(LEAST_ASPECT / aspect)
    return score


def _choose(
    order: list[str],
    blocks: dict[str, list[str]],
    members: dict[str, list[str]],
    ups: dict[str, list[str]],
    level: dict[str, int],
    sizes: dict[str, tuple[float, float]],
    gap: float,
    caps: list[float],
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, str], ...]]:
    """The columns of sections and the row width, of ``caps``, that shape the picture best."""
    best: tuple[float, tuple[tuple[str, ...], ...], tuple[tuple[str, str], ...]] | None = None
    for cap in caps:
        rows = {b: _wrap(members[b], ups, level, sizes, cap, gap) for cid in order for b in blocks[cid]}
        # A block's box adds its title and margins, and the separator under it rows of its own.
        heights = {cid: sum(rows[b].height + 2 * SECTION_MARGIN + 3 * gap for b in blocks[cid]) for cid in order}
        widths = {cid: max(rows[b].width for b in blocks[cid]) + 2 * SECTION_MARGIN for cid in order}
        for count in range(1, len(order) + 1):
            columns = _columns(order, heights, count)
            width = sum(max(widths[c] for c in column) for column in columns) + NODE_GAP * (len(columns) - 1)
            height = max(sum(heights[c] for c in column) for column in columns)
            score = _score(width, height)
            if best is None or score < best[0]:
                best = (score, columns, tuple(f for b in rows.values() for f in b.folds))
    assert best is not None
    return best[1], best[2]


def _row_gap(graph: MapGraph) -> float:
    """The gap between two rows: wider when some line has a label (see :data:`LABELLED_ROW_GAP`)."""
    return LABELLED_ROW_GAP if any(e.label for e in graph.edges) else ROW_GAP


def _ups(graph: MapGraph, keep: object) -> dict[str, list[str]]:
    """What each node points at, by the edges that hold rows (not contradictions), where ``keep`` says."""
    ups: dict[str, list[str]] = defaultdict(list)
    for e in graph.edges:
        if e.kind is not EdgeKind.CONTRADICTION and keep(e.tail, e.head):  # type: ignore[operator]
            ups[e.tail].append(e.head)
    return ups


def lowest(members: Iterable[str], ups: Mapping[str, Collection[str]]) -> list[str]:
    """The members on the lowest natural row of their group, in the order given.

    A member's natural row is the longest path from it up to the top of the group
    (``ups``: what each member points at, inside the group). Every other member
    hangs above one of these, so holding these below a line holds the whole group.

    Example:
        >>> lowest(["a", "b", "c", "d"], {"b": ["a"], "c": ["b"], "d": ["a"]})
        ['c']
    """
    members = list(members)
    level = _levels(members, ups)
    bottom = max((level[n] for n in members), default=0)
    return [n for n in members if level[n] == bottom]


def _levels(members: list[str], ups: Mapping[str, Collection[str]]) -> dict[str, int]:
    """The natural row of every member: the longest path up to the top of its group."""
    level: dict[str, int] = {}
    for node_id in members:
        _level(node_id, ups, level)
    return level


def _neighbours(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    """Whether two blocks are next to each other in a column (None: the top row, next to each first block)."""
    if b is None:
        return a[1] == 0
    return a[0] == b[0] and abs(a[1] - b[1]) <= 1


def _level(node_id: str, inside: Mapping[str, Collection[str]], level: dict[str, int]) -> int:
    """The length of the longest path from ``node_id`` up to the top of its group (iterative)."""
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


def _columns(order: list[str], sizes: dict[str, float], count: int) -> tuple[tuple[str, ...], ...]:
    """Cut the sections, in order, into ``count`` columns of about equal size."""
    total = sum(sizes[c] for c in order)
    columns: list[list[str]] = [[]]
    filled = 0.0
    for cid in order:
        wanted = total * len(columns) / count
        if columns[-1] and filled + sizes[cid] / 2 > wanted and len(columns) < count:
            columns.append([])
        columns[-1].append(cid)
        filled += sizes[cid]
    return tuple(tuple(c) for c in columns)
