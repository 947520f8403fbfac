"""An atlas of a big map: an overview picture and one picture per top-level section, linked.

The overview is a small map graph of its own: the theses, one node per
top-level section (its title, how many statements and inferences it holds and,
with statuses, how many are IN, OUT or UNDECIDED), and one line per kind of
relation between two of them, labelled with how many relations it sums up.
Each section node links to that section's picture; a section's picture is its
``section`` view (:func:`argmap.rendering.build.build_graph`) with the line
under the title linking back to the overview, and each faded context node
linking to the picture of the section that holds it.

Only map graphs are made here; :func:`argmap.rendering.render.atlas` draws them.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... thesis t "Tea is good."
    ... section a "Taste" { claim c "Tea is tasty."  c supports t }
    ... section b "Health" { claim d "Tea has caffeine."  d attacks c }
    ... ''')
    >>> [page.name for page in pages(m, "tea", "svg")]
    ['tea.svg', 'tea.a.svg', 'tea.b.svg']
    >>> g = overview_graph(m, pages(m, "tea", "svg"))
    >>> [(n.id, n.text[0], n.url) for n in g.nodes]
    [('t', 'Tea is good.', None), ('a', 'Taste', 'tea.a.svg'), ('b', 'Health', 'tea.b.svg')]
    >>> [(e.tail, e.head, e.label) for e in g.edges]
    [('a', 't', '1 support'), ('b', 'a', '1 undermining')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from urllib.parse import quote

import attrs
from attrs import frozen

from argmap.evaluation.status import Status
from argmap.model import ArgumentMap, Inference, Section, Statement, StatementKind, walk
from argmap.model.index import MapIndex, index
from argmap.rendering.build import build_graph, edge_kind
from argmap.rendering.mapgraph import Edge, EdgeKind, MapGraph, Node, NodeKind
from argmap.rendering.options import DEFAULTS, SPLITS, RenderOptions
from argmap.rendering.wrap import clean, one_line, wrap

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]")

_WORDS = {
    EdgeKind.SUPPORT: ("support", "supports"),
    EdgeKind.REBUT: ("rebut", "rebuts"),
    EdgeKind.UNDERMINE: ("undermining", "underminings"),
    EdgeKind.UNDERCUT: ("undercut", "undercuts"),
    EdgeKind.CONTRADICTION: ("contradiction", "contradictions"),
}


__all__ = ["SPLITS", "NoSectionsError", "Page", "overview_graph", "pages", "safe_name", "section_graph", "top_sections"]


class NoSectionsError(ValueError):
    """The map has no sections to split it by."""


@frozen
class Page:
    """One picture of an atlas.

    Attributes:
        name: its file name: ``STEM.FORMAT`` for the overview, ``STEM.SECTION.FORMAT`` for a section.
        section: the top-level section it draws (its id, or its title when it has none); None for the overview.
        key: the section's node id in the overview (None for the overview).
    """

    name: str
    section: str | None = None
    key: str | None = None

    @property
    def href(self) -> str:
        """The relative link to the page, percent-encoded."""
        return quote(self.name)


def safe_name(text: str) -> str:
    """A file name part made of ASCII letters, digits, ``_`` and ``-`` only.

    Example:
        >>> safe_name("Putin’s account"), safe_name("../x")
        ('Putin_s_account', '___x')
    """
    return _UNSAFE_NAME.sub("_", clean(text)) or "_"


def top_sections(m: ArgumentMap) -> list[Section]:
    """The map's top-level sections (included files' too), in written order."""
    return [item for item, parent in walk(m.items) if isinstance(item, Section) and parent is None]


def pages(m: ArgumentMap, stem: str, fmt: str) -> list[Page]:
    """The pictures of the map's atlas: the overview first, then each top-level section.

    Names are unique: a section whose name is taken gets ``-2``, ``-3``... Its key, the id
    of its node in the overview, is its id (``section.N`` for the Nth top-level section
    without one), made unique among the map's statement ids.

    Raises:
        NoSectionsError: the map has no sections.
    """
    sections = top_sections(m)
    if not sections:
        raise NoSectionsError("the map has no sections to split it by; draw it whole, without --split")
    base = safe_name(stem)
    out = [Page(f"{base}.{fmt}")]
    used = {out[0].name}
    keys = {item.id for item, _ in walk(m.items) if isinstance(item, Statement)}  # a map with errors may reuse one
    for n, s in enumerate(sections, 1):
        part = safe_name(s.id or one_line(s.title))
        name, k = f"{base}.{part}.{fmt}", 1
        while name in used:
            k += 1
            name = f"{base}.{part}-{k}.{fmt}"
        used.add(name)
        key = wanted = f"section.{n}" if s.id is None else s.id
        while key in keys:
            k += 1
            key = f"{wanted}.{k}"
        keys.add(key)
        out.append(Page(name, s.id or one_line(s.title), key))
    return out


def _held_by(sections: Sequence[Section], values: Sequence[str]) -> dict[str, str]:
    """Each statement id and inference key of the sections, with the value of the first section that holds it."""
    held: dict[str, str] = {}
    for s, value in zip(sections, values, strict=True):
        for item, _ in walk(s.items):
            if isinstance(item, Statement):
                held.setdefault(item.id, value)
            elif isinstance(item, Inference):
                held.setdefault(item.key, value)
    return held


def _homes(m: ArgumentMap, sections: Sequence[Section], keys: Sequence[str]) -> dict[str, str]:
    """The overview node of each statement and inference: a thesis's own, else its top-level section's."""
    homes = _held_by(sections, keys)
    for item, _ in walk(m.items):
        if isinstance(item, Statement) and item.kind is StatementKind.THESIS:
            homes[item.id] = item.id
    return homes


def overview_graph(m: ArgumentMap, atlas: Sequence[Page], options: RenderOptions = DEFAULTS) -> MapGraph:
    """The overview of an atlas: theses, top-level sections and the relations between them, summed up.

    Raises:
        argmap.evaluation.errors.EvaluationError: as for :func:`~argmap.rendering.build.build_graph`.
    """
    ix = index(m)
    sections = top_sections(m)
    links = [p for p in atlas if p.section is not None]
    keys = [p.key or "" for p in links]
    homes = _homes(m, sections, keys)
    statuses = options.statuses_for(m)
    width = max(8, options.width)
    nodes = [_thesis(st, width, statuses) for st in ix.statements.values() if homes.get(st.id) == st.id]
    for s, page in zip(sections, links, strict=True):
        nodes.append(_section_node(s, page, width, statuses))
    return MapGraph(
        title=one_line(m.title) if m.title else None,
        subtitle="overview: the sections and the relations between them",
        nodes=tuple(nodes),
        edges=tuple(_summary_edges(m, ix, homes)),
        statuses=statuses is not None,
        caption=options.caption(),
    )


def _thesis(st: Statement, width: int, statuses: Mapping[str, Status] | None) -> Node:
    return Node(
        id=st.id,
        kind=NodeKind.STATEMENT,
        style=st.kind.value,
        ref=st.id,
        text=wrap(st.text, width),
        tooltip=f"{clean(st.text)}\n[{st.kind.value} {st.id}]",
        status=statuses.get(st.id) if statuses is not None else None,
    )


def _section_node(s: Section, page: Page, width: int, statuses: Mapping[str, Status] | None) -> Node:
    """A top-level section as one node: title, counts and, with statuses, how many of its statements are in each."""
    held = [item for item, _ in walk(s.items)]
    statements = [x.id for x in held if isinstance(x, Statement)]
    inferences = sum(1 for x in held if isinstance(x, Inference))
    counts = [_count(len(statements), "statement", "statements"), _count(inferences, "inference", "inferences")]
    lines = [", ".join(counts)]
    if statuses is not None:
        tally = Counter(statuses[x] for x in statements if x in statuses)
        lines.append(" · ".join(f"{s.value.upper()} {tally[s]}" for s in Status))
    title = one_line(s.title)
    return Node(
        id=page.key or "",
        kind=NodeKind.SECTION,
        style="section",
        ref=page.section or "",
        text=wrap(title, width),
        footer=tuple(lines),
        tooltip=f"{title}\n{lines[0]}\nOpen: {page.name}",
        url=page.href,
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary_edges(m: ArgumentMap, ix: MapIndex, homes: Mapping[str, str]) -> list[Edge]:
    """One edge per (from, to, kind) between two overview nodes, labelled with how many relations it sums up."""
    tally: Counter[tuple[str, str, EdgeKind]] = Counter()
    for inf in ix.inferences:
        head = homes.get(inf.target or "")
        if head is None:
            continue
        kind = edge_kind(m, inf)
        for tail in dict.fromkeys(homes[p] for p in inf.premises if p in homes):
            if tail != head:
                tally[tail, head, kind] += 1
    for c in ix.contradictions:
        left, right = homes.get(c.left), homes.get(c.right)
        if left is not None and right is not None and left != right:
            tally[left, right, EdgeKind.CONTRADICTION] += 1
    edges = []
    for (tail, head, kind), n in tally.items():
        word = _WORDS[kind][n != 1]
        edges.append(
            Edge(
                id=f"{tail}.{kind.value}.{head}",
                tail=tail,
                head=head,
                kind=kind,
                arrow=kind is not EdgeKind.CONTRADICTION,
                label=f"{n} {word}",
                tooltip=f"{n} {word} from {tail} to {head}",
            )
        )
    return edges


def section_graph(m: ArgumentMap, atlas: Sequence[Page], page: Page, options: RenderOptions = DEFAULTS) -> MapGraph:
    """A section's picture: its ``section`` view, linked back to the overview and on to the other sections.

    Raises:
        argmap.evaluation.errors.EvaluationError: as for :func:`~argmap.rendering.build.build_graph`.
    """
    assert page.section is not None
    graph = build_graph(m, attrs.evolve(options, section=page.section))
    where = _held_by(top_sections(m), [p.href for p in atlas if p.section is not None])
    nodes = tuple(attrs.evolve(n, url=where.get(n.ref, atlas[0].href)) if n.ghost else n for n in graph.nodes)
    return attrs.evolve(graph, nodes=nodes, url=atlas[0].href)
