"""From a model to a map graph: which boxes, junctions, lines and clusters to draw.

The conventions of argument mapping decide the shape of the graph:

* every statement is a box; its text is wrapped, its provenance (actor,
  source, date) becomes a footer;
* linked premises join in a small *junction* node that points at the
  conclusion, so they read as one reason; a one-premise reason is a single
  arrow, and convergent reasons stay separate arrows;
* an inference that is undercut, or has a label, also gets a junction, so that
  the undercut has a visible point to aim at and the label a place to go;
* contradictions are symmetric lines between two statements.

The layout works on maps with errors too (``argmap render --force``): what
cannot be resolved is left out rather than raising.

It does not import Graphviz: see :mod:`argmap.rendering.dot` for that step.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... thesis t "Tea is good for you."
    ... evidence e "Tea contains antioxidants." { source: lab }
    ... claim d "Antioxidants protect cells."
    ... source lab "A lab report" { date: 2021 }
    ... argument: e + d => t { scheme: "cause to effect" }
    ... ''')
    >>> g = build_graph(m)
    >>> [(n.id, n.kind.value) for n in g.nodes]
    [('t', 'statement'), ('e', 'statement'), ('d', 'statement'), ('e.d.supports.t', 'junction')]
    >>> g.node("e").footer
    ('[1]',)
    >>> [(e.tail, e.head, e.arrow) for e in g.edges]
    [('e', 'e.d.supports.t', False), ('d', 'e.d.supports.t', False), ('e.d.supports.t', 't', True)]
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping

import attrs
from attrs import frozen

from argmap.evaluation.status import Status
from argmap.language import INFERENCE_WORDS, assert_never, inference_key, key_slug
from argmap.links import safe_url
from argmap.model import (
    ArgumentMap,
    AttackKind,
    Contradiction,
    Inference,
    RelationKind,
    Section,
    Statement,
    walk,
)
from argmap.model.index import MapIndex, index
from argmap.model.questions import InferenceQuestions, questions, raised_on, scheme_of
from argmap.model.relations import attack_kind, relation_kind
from argmap.rendering.mapgraph import Cluster, Edge, EdgeKind, MapGraph, Node, NodeKind, Reference
from argmap.rendering.options import DEFAULTS, RenderOptions
from argmap.rendering.wrap import clean, one_line, shorten, wrap
from argmap.suggest import did_you_mean

_UNSAFE_ID = re.compile(r"[^\w.-]")


class LayoutError(ValueError):
    """The view asked for cannot be made: an unknown focus element or section."""


@frozen
class _View:
    """The part of a map to draw: elements, ghosts (context) and left-out relation counts."""

    statements: frozenset[str]
    inferences: frozenset[str]
    contradictions: frozenset[int]
    ghosts: frozenset[str]
    hidden: Mapping[str, int]
    focus: str | None = None
    description: str | None = None


def build_graph(m: ArgumentMap, options: RenderOptions = DEFAULTS) -> MapGraph:
    """The map graph of a map, or of the part of it that ``options`` ask for.

    Only these settings matter here: ``width`` (text is never wrapped narrower
    than 8), ``focus`` and ``depth``, ``section`` (its subsections too; statements
    outside it that its relations reach are drawn faded, for context) and the
    statuses (``statuses``, or ``evaluate`` and the what-if).

    Raises:
        LayoutError: ``focus`` or ``section`` names nothing in the map.
        argmap.evaluation.errors.EvaluationError: the what-if names an unknown id, or the
            map is too large for the semantics.
    """
    evaluation = options.evaluation_for(m)
    statuses = evaluation.statuses() if evaluation is not None else options.statuses
    aside = evaluation.scenario.rejected if evaluation is not None else frozenset()
    ix = index(m)
    view = _select(m, ix, options.focus, options.depth, options.section)
    graph = _Builder(m, ix, view, max(8, options.width), statuses, aside).build()
    return attrs.evolve(graph, caption=options.caption())


# -- Choosing what to show ------------------------------------------------------


def _aims_at_inference(inf: Inference) -> bool:
    """An undercut: drawn as a line into the junction of the inference it aims at."""
    return INFERENCE_WORDS[inf.kind].aims_at == "inference"


def _members(inf: Inference) -> list[str]:
    return [*inf.premises, *([inf.target] if inf.target else [])]


def _select(m: ArgumentMap, ix: MapIndex, focus: str | None, depth: int, section: str | None) -> _View:
    """Which statements, inferences and contradictions to draw."""
    everything = _View(
        frozenset(ix.statements),
        frozenset(i.key for i in ix.inferences),
        frozenset(range(len(ix.contradictions))),
        frozenset(),
        {},
    )
    if focus is None and section is None:
        return everything
    graph = _Hypergraph(ix)
    if section is not None:
        view = _section_view(m, ix, graph, section)
        if focus is None:
            return view
        graph = graph.restricted(view)
    assert focus is not None
    return _focus_view(ix, graph, focus, depth)


class _Hypergraph:
    """Relations as hyperedges over elements (statement ids and inference keys).

    An inference's hyperedge holds its premises, its target and itself; a
    contradiction's holds its two sides. Hyperedges are numbered: inferences
    first in written order, then contradictions.
    """

    def __init__(self, ix: MapIndex, keep: _View | None = None) -> None:
        self.ix = ix
        self.inferences = {i.key: i for i in ix.inferences}
        self.edges: list[tuple[str, tuple[str, ...]]] = []  # (inference key or "#n", members)
        for inf in ix.inferences:
            if keep is None or inf.key in keep.inferences:
                self.edges.append((inf.key, (*_members(inf), inf.key)))
        for n, c in enumerate(ix.contradictions):
            if keep is None or n in keep.contradictions:
                self.edges.append((f"#{n}", (c.left, c.right)))
        self.incident: dict[str, list[int]] = defaultdict(list)
        for n, (_, members) in enumerate(self.edges):
            for x in dict.fromkeys(members):
                self.incident[x].append(n)

    def restricted(self, view: _View) -> _Hypergraph:
        return _Hypergraph(self.ix, view)

    def closure(self, shown: set[int], reached: set[str]) -> None:
        """Add the hyperedge of every reached inference, so each inference is drawn whole."""
        by_key = {key: n for n, (key, _) in enumerate(self.edges)}
        todo = [x for x in reached if x in by_key]
        while todo:
            n = by_key[todo.pop()]
            if n in shown:
                continue
            shown.add(n)
            for y in self.edges[n][1]:
                if y not in reached:
                    reached.add(y)
                    if y in by_key:
                        todo.append(y)

    def view(self, shown: set[int], reached: set[str], ghosts: set[str], focus: str | None, what: str) -> _View:
        statements = {x for x in reached if x in self.ix.statements}
        inferences = {self.edges[n][0] for n in shown if not self.edges[n][0].startswith("#")}
        contradictions = {int(self.edges[n][0][1:]) for n in shown if self.edges[n][0].startswith("#")}
        hidden = {
            x: sum(1 for n in self.incident.get(x, ()) if n not in shown)
            for x in statements | inferences
            if x not in ghosts
        }
        return _View(
            frozenset(statements),
            frozenset(inferences),
            frozenset(contradictions),
            frozenset(ghosts & (statements | inferences)),
            {x: k for x, k in hidden.items() if k},
            focus,
            what,
        )


def _focus_view(ix: MapIndex, graph: _Hypergraph, focus: str, depth: int) -> _View:
    if focus not in ix.statements and focus not in graph.inferences:
        known = [*ix.statements, *(i.id for i in ix.inferences if i.id)]
        raise LayoutError(_unknown("statement or inference", focus, known))
    distance = {focus: 0}
    shown: set[int] = set()
    queue = deque([focus])
    while queue:
        x = queue.popleft()
        if distance[x] >= depth:
            continue
        for n in graph.incident.get(x, ()):
            shown.add(n)
            for y in graph.edges[n][1]:
                if y not in distance:
                    distance[y] = distance[x] + 1
                    queue.append(y)
    reached = set(distance)
    graph.closure(shown, reached)
    steps = f"{depth} step{'' if depth == 1 else 's'}"
    return graph.view(shown, reached, set(), focus, f"around {focus}, {steps}")


def _section_view(m: ArgumentMap, ix: MapIndex, graph: _Hypergraph, name: str) -> _View:
    chosen = _find_section(ix, name)
    inside: set[str] = set()
    written: set[str] = set()
    written_contradictions: set[int] = set()
    contradiction_number = {id(c): n for n, c in enumerate(ix.contradictions)}
    for item, _ in walk(chosen.items):
        if isinstance(item, Statement):
            inside.add(item.id)
        elif isinstance(item, Inference):
            written.add(item.key)
            inside.add(item.key)
        elif isinstance(item, Contradiction) and id(item) in contradiction_number:
            written_contradictions.add(contradiction_number[id(item)])
    # An inference written elsewhere between the section's own statements is the section's too.
    inside |= {
        key for key, members in graph.edges if not key.startswith("#") and all(x in inside for x in members if x != key)
    }
    shown: set[int] = set()
    for n, (key, members) in enumerate(graph.edges):
        if key.startswith("#"):  # a contradiction: written here, or with a side here
            if int(key[1:]) in written_contradictions or any(x in inside for x in members):
                shown.add(n)
        elif key in written or key in inside or graph.inferences[key].target in inside:  # what bears on it
            shown.add(n)
    reached = set(inside) | {y for n in shown for y in graph.edges[n][1]}
    graph.closure(shown, reached)
    ghosts = reached - inside
    return graph.view(shown, reached, ghosts, None, f"section: {one_line(chosen.title)}")


#: An unknown ``section`` error lists at most this many sections.
SECTIONS_LISTED = 20


def _find_section(ix: MapIndex, name: str) -> Section:
    for s in ix.sections:
        if s.id == name:
            return s
    for s in ix.sections:
        if one_line(s.title) == one_line(name):
            return s
    known = [s.id for s in ix.sections if s.id] + [one_line(s.title) for s in ix.sections]
    names = [f"`{s.id or one_line(s.title)}`" for s in ix.sections]
    if not names:
        listing = "the map has no sections"
    elif len(names) > SECTIONS_LISTED:
        listing = f"its sections: {', '.join(names[:SECTIONS_LISTED])} and {len(names) - SECTIONS_LISTED:,} more"
    else:
        listing = f"its sections: {', '.join(names)}"
    unknown = _unknown("section", name, known)
    raise LayoutError(
        f"{unknown} {listing[0].upper()}{listing[1:]}" if unknown.endswith("?") else f"{unknown}; {listing}"
    )


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    hint = did_you_mean(name, known)
    return f"no {what} `{name}` in the map" + (f"; {hint}" if hint else "")


# -- Building the graph -----------------------------------------------------------


def _references(m: ArgumentMap, ix: MapIndex, view: _View) -> dict[str, Reference]:
    """The sources the drawn statements cite, numbered in the order they are first cited.

    The source the map reconstructs (``about``) is not among them: the subtitle names it.

    Example:
        >>> import argmap
        >>> m = argmap.loads('''
        ... source b "Second" { url: "javascript:x" }
        ... source a "First" { author: "Ann", url: "https://example.org" }
        ... claim x "X" { source: a }
        ... claim y "Y" { source: b }
        ... claim z "Z" { source: a }
        ... ''')
        >>> [(r.number, r.id, r.author, r.url) for r in build_graph(m).references]
        [(1, 'a', 'Ann', 'https://example.org'), (2, 'b', None, None)]
    """
    out: dict[str, Reference] = {}
    for sid, st in ix.statements.items():
        if sid not in view.statements or not st.source or st.source == m.about or st.source in out:
            continue
        source = ix.sources.get(st.source)
        if source is None:
            continue
        out[st.source] = Reference(
            number=len(out) + 1,
            id=source.id,
            title=one_line(source.title),
            author=one_line(source.author) if source.author else None,
            date=one_line(source.date) if source.date else None,
            url=safe_url(source.url),
        )
    return out


def inference_slug(inf: Inference) -> str:
    """An inference's map graph id: its one name (:attr:`Inference.key`) as an id.

    That is its id, or for an unnamed inference how it reads with dots
    (``a.b.supports.c``), a spelling ``--explain``, ``--reject``, ``--assume``
    and the API accept too.

    Example:
        >>> from argmap.model import Inference
        >>> inference_slug(Inference.support(("a", "b"), "c")), inference_slug(Inference.support(("a",), "c", id="r1"))
        ('a.b.supports.c', 'r1')
    """
    return key_slug(inf.key)


def inference_title(inf: Inference) -> str:
    """The first line of an inference's tooltip: its label, then its one name and how it reads.

    Example:
        >>> from argmap.model import Inference
        >>> inference_title(Inference.support(("a", "b"), "c"))
        'a + b supports c'
        >>> inference_title(Inference.attack(("o",), "t", id="r1", label="Too costly"))
        'Too costly: r1 (o attacks t)'
    """
    reading = inference_key(inf.kind, inf.premises, inf.target)
    head = f"{inf.id} ({reading})" if inf.id else reading
    return f"{one_line(inf.label)}: {head}" if inf.label else head


class _Ids:
    """Unique, stable node, edge and cluster ids: the wanted name, or that name with ``.2``, ``.3``...

    The DOT writer puts a prefix before each in the SVG (``statement-t``), so
    they cannot clash with its own ids or the engine's (see :mod:`argmap.rendering.dot`).
    """

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        base = _UNSAFE_ID.sub("_", clean(wanted)) or "_"
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}.{n}"
        self.used.add(name)
        return name


_KIND_WORD = {
    EdgeKind.SUPPORT: "supports",
    EdgeKind.REBUT: "rebuts",
    EdgeKind.UNDERMINE: "undermines",
    EdgeKind.UNDERCUT: "undercuts",
}


def edge_kind(m: ArgumentMap, inf: Inference) -> EdgeKind:
    """The line an inference is drawn with: the relation it makes (see :func:`relation_kind`)."""
    match relation_kind(inf.kind):
        case RelationKind.SUPPORT:
            return EdgeKind.SUPPORT
        case RelationKind.ATTACK:
            return EdgeKind.UNDERMINE if attack_kind(m, inf) is AttackKind.UNDERMINE else EdgeKind.REBUT
        case RelationKind.UNDERCUT:
            return EdgeKind.UNDERCUT
        case RelationKind.CONTRADICTION:
            return EdgeKind.CONTRADICTION
        case relation:
            assert_never(relation)


class _Builder:
    def __init__(
        self,
        m: ArgumentMap,
        ix: MapIndex,
        view: _View,
        width: int,
        statuses: Mapping[str, Status] | None,
        aside: frozenset[str] = frozenset(),
    ) -> None:
        self.m = m
        self.ix = ix
        self.view = view
        self.width = width
        self.statuses = statuses
        self.aside = aside
        self.ids = _Ids()
        self.node_of: dict[str, str] = {}  # statement id or inference key -> node id
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self.cluster_of: dict[int, str] = {}  # id(section) -> cluster id
        self.references = _references(m, ix, view)
        self.asked: dict[str, InferenceQuestions] = {iq.inference.key: iq for iq in questions(m)}

    def build(self) -> MapGraph:
        clusters = self._clusters()
        for sid, st in self.ix.statements.items():
            if sid in self.view.statements:
                self._statement(st)
        inferences = self._drawable([i for i in self.ix.inferences if i.key in self.view.inferences])
        undercut = {i.target for i in inferences if _aims_at_inference(i) and i.target}
        junctions = {i.key for i in inferences if self._needs_junction(i, undercut)}
        for inf in inferences:
            if inf.key in junctions:
                self._junction(inf)
        for inf in inferences:
            self._inference_edges(inf, inf.key in junctions)
        for n, c in enumerate(self.ix.contradictions):
            if n in self.view.contradictions:
                self._contradiction(c)
        with_nodes = self._with_nodes(clusters, {n.cluster for n in self.nodes})
        return MapGraph(
            title=one_line(self.m.title) if self.m.title else None,
            subtitle=self._subtitle(),
            url=self._about_url(),
            nodes=tuple(self.nodes),
            edges=tuple(self.edges),
            clusters=tuple(c for c in clusters if c.id in with_nodes),
            statuses=self.statuses is not None,
            references=tuple(self.references.values()),
        )

    # Clusters

    def _clusters(self) -> list[Cluster]:
        out: list[Cluster] = []
        unnamed = 0
        for item, parent in walk(self.m.items):
            if isinstance(item, Section):
                unnamed += item.id is None
                cid = self.ids.take(item.id or f"section.{unnamed}")
                self.cluster_of[id(item)] = cid
                out.append(Cluster(cid, one_line(item.title), self.cluster_of.get(id(parent)) if parent else None))
        return out

    @staticmethod
    def _with_nodes(clusters: list[Cluster], used: set[str | None]) -> set[str]:
        """The clusters that hold a node, themselves or in a nested cluster.

        Each cluster is visited once: the walk up from a used cluster stops at
        the first ancestor already marked, so deep nesting stays linear.
        """
        parent = {c.id: c.parent for c in clusters}
        marked: set[str] = set()
        for cid in used:
            while cid is not None and cid not in marked and cid in parent:
                marked.add(cid)
                cid = parent[cid]
        return marked

    def _cluster(self, key: str) -> str | None:
        if key in self.view.ghosts:
            return None
        section = self.ix.section_of.get(key)
        return self.cluster_of.get(id(section)) if section is not None else None

    # Statements

    def _statement(self, st: Statement) -> None:
        nid = self.ids.take(st.id)
        self.node_of[st.id] = nid
        footer = self._provenance(st)
        reference = self.references.get(st.source or "")
        self.nodes.append(
            Node(
                id=nid,
                kind=NodeKind.STATEMENT,
                style=st.kind.value,
                ref=st.id,
                text=wrap(st.text, self.width),
                footer=wrap(footer, round(self.width * 1.3)) if footer else (),
                reference=reference.number if reference else None,
                tooltip=self._statement_tooltip(st),
                url=safe_url(st.url) or safe_url(self._source_url(st)),
                cluster=self._cluster(st.id),
                status=self._status(st.id),
                focus=st.id == self.view.focus,
                ghost=st.id in self.view.ghosts,
                hidden=self.view.hidden.get(st.id, 0),
                aside=st.id in self.aside,
            )
        )

    def _provenance(self, st: Statement) -> str:
        """``Actor · date · [n]``: who said it, when, and the number of its source.

        Each thing is said once: the source's title, author and date are in the
        list of references (:func:`_references`), so a statement names only its
        own date, when its source has another. The source the whole map
        reconstructs (``about``) is named in the subtitle instead.
        """
        parts: list[str] = []
        if st.by:
            actor = self.ix.actors.get(st.by)
            parts.append(one_line(actor.name) if actor else st.by)
        source = self.ix.sources.get(st.source) if st.source else None
        if st.date and (source is None or one_line(st.date) != one_line(source.date or "")):
            parts.append(one_line(st.date))
        reference = self.references.get(st.source or "")
        if reference is not None:
            parts.append(f"[{reference.number}]")
        elif st.source and source is None:
            parts.append(st.source)  # a source that is not declared (a map with errors)
        return " · ".join(p for p in parts if p)

    def _source_url(self, st: Statement) -> str | None:
        source = self.ix.sources.get(st.source) if st.source else None
        return source.url if source else None

    def _statement_tooltip(self, st: Statement) -> str:
        lines = [clean(st.text)]
        if st.by:
            actor = self.ix.actors.get(st.by)
            who = one_line(actor.name) if actor else st.by
            if actor and actor.role:
                who += f" ({one_line(actor.role)})"
            lines.append(f"By: {who}")
        if st.source:
            source = self.ix.sources.get(st.source)
            lines.append(f"Source: {one_line(source.title) if source else st.source}")
        if st.date:
            lines.append(f"Date: {one_line(st.date)}")
        if st.quote:
            lines.append(f"Quote: “{one_line(st.quote)}”")
        if st.note:
            lines.append(f"Note: {one_line(st.note)}")
        if st.tags:
            lines.append("Tags: " + ", ".join(one_line(t) for t in st.tags))
        url = safe_url(st.url) or safe_url(self._source_url(st))
        if url:
            lines.append(url)
        lines.append(f"[{st.kind.value} {st.id}]")
        return "\n".join(lines)

    def _status(self, key: str) -> Status | None:
        return self.statuses.get(key) if self.statuses is not None else None

    # Inferences

    def _drawable(self, inferences: list[Inference]) -> list[Inference]:
        """The inferences whose target and at least one premise are drawn, in written order.

        An undercut is drawn when the inference it aims at is drawn (that may
        be another undercut, so this repeats until nothing changes).
        """
        ok = {
            i.key
            for i in inferences
            if not _aims_at_inference(i) and i.target in self.node_of and any(p in self.node_of for p in i.premises)
        }
        undercuts = [i for i in inferences if _aims_at_inference(i) and any(p in self.node_of for p in i.premises)]
        changed = True
        while changed:
            changed = False
            for u in undercuts:
                if u.key not in ok and u.target in ok and u.target != u.key:
                    ok.add(u.key)
                    changed = True
        return [i for i in inferences if i.key in ok]

    def _needs_junction(self, inf: Inference, undercut: set[str]) -> bool:
        premises = [p for p in inf.premises if p in self.node_of]
        # Not statuses: an evaluated picture has the layout of the plain one (statuses are an overlay).
        return len(premises) > 1 or inf.key in undercut or bool(inf.label)

    def _shown_name(self, inf: Inference) -> str | None:
        """The name written on an inference's junction: its id; in a picture with statuses, every key.

        A one-premise inference without a junction has its id written along its line instead.

        Explanations (``argmap evaluate --explain``) name inferences so, and
        ``--explain``, ``--reject`` and ``--assume`` take the name as written.
        """
        if inf.id:
            return inf.id
        return inf.key if self.statuses is not None else None

    def _junction(self, inf: Inference) -> None:
        nid = self.ids.take(inference_slug(inf))
        self.node_of[inf.key] = nid
        scheme = one_line(inf.scheme) if inf.scheme else None
        self.nodes.append(
            Node(
                id=nid,
                kind=NodeKind.JUNCTION,
                style=inf.kind.value,
                ref=inf.key,
                text=wrap(inf.label, self.width) if inf.label else (),
                scheme=shorten(scheme, self.width) if scheme else None,
                name=self._shown_name(inf),
                tooltip=self._inference_tooltip(inf),
                cluster=self._cluster(inf.key),
                status=self._status(inf.key),
                focus=inf.key == self.view.focus,
                ghost=inf.key in self.view.ghosts,
                hidden=self.view.hidden.get(inf.key, 0),
                questions=self._open(inf),
                raises=self._raises(inf),
            )
        )

    def _open(self, inf: Inference) -> tuple[str, ...]:
        """The keys of the critical questions of the inference's scheme that nothing raises or answers."""
        iq = self.asked.get(inf.key)
        return tuple(q.question.key for q in iq.open()) if iq is not None and iq.inference is inf else ()

    def _raises(self, inf: Inference) -> str | None:
        """The question the inference raises, when it raises one of an inference's scheme."""
        return inf.raises if inf.raises is not None and raised_on(inf, self.ix) else None

    def _question_lines(self, inf: Inference) -> list[str]:
        """Tooltip lines: the open questions with their texts, and the question the inference raises."""
        lines = []
        iq = self.asked.get(inf.key)
        unasked = iq.open() if iq is not None and iq.inference is inf else ()
        if unasked:
            lines.append(f"Open critical questions ({len(unasked)}):")
            lines += [f"? {q.question.key} ({q.question.type}): {one_line(q.question.text)}" for q in unasked]
        raised = self._raises(inf)
        if raised is not None:
            owner = raised_on(inf, self.ix)[0]
            scheme = scheme_of(owner, self.ix)
            asked = scheme.question(raised) if scheme is not None else None
            lines.append(f"Raises the question {raised}" + (f": {one_line(asked.text)}" if asked else ""))
        return lines

    def _inference_tooltip(self, inf: Inference) -> str:
        """What hovering an inference shows: its one name first (see :func:`inference_title`)."""
        lines = [inference_title(inf)]
        if inf.scheme:
            lines.append(f"Scheme: {one_line(inf.scheme)}")
        lines += self._question_lines(inf)
        if inf.warrant:
            lines.append(f"Warrant: {one_line(inf.warrant)}")
        if inf.by:
            actor = self.ix.actors.get(inf.by)
            lines.append(f"By: {one_line(actor.name) if actor else inf.by}")
        if inf.note:
            lines.append(f"Note: {one_line(inf.note)}")
        if inf.tags:
            lines.append("Tags: " + ", ".join(one_line(t) for t in inf.tags))
        lines.append(f"[{_KIND_WORD[edge_kind(self.m, inf)]}; {inf.kind.value} {inf.key}]")
        return "\n".join(lines)

    def _inference_edges(self, inf: Inference, junction: bool) -> None:
        kind = edge_kind(self.m, inf)
        target = self.node_of.get(inf.target or "")
        if target is None:
            return
        premises = list(dict.fromkeys(p for p in inf.premises if p in self.node_of))
        tooltip = self._inference_tooltip(inf)
        status = self._status(inf.key)
        if junction:
            nid = self.node_of[inf.key]
            for p in premises:
                self.edges.append(
                    Edge(
                        self.ids.take(f"{nid}.from.{p}"),
                        self.node_of[p],
                        nid,
                        kind,
                        False,
                        inf.key,
                        None,
                        tooltip,
                        status=status,
                    )
                )
            self.edges.append(
                Edge(
                    self.ids.take(f"{nid}.to.{inf.target}"),
                    nid,
                    target,
                    kind,
                    True,
                    inf.key,
                    None,
                    tooltip,
                    status=status,
                )
            )
            return
        label = " · ".join(x for x in (inf.id, shorten(inf.scheme, 24) if inf.scheme else None) if x) or None
        name = inference_slug(inf)
        asked, raised = self._open(inf), self._raises(inf)
        for p in premises:
            self.edges.append(
                Edge(
                    self.ids.take(name),
                    self.node_of[p],
                    target,
                    kind,
                    True,
                    inf.key,
                    label,
                    tooltip,
                    asked,
                    raised,
                    status,
                )
            )

    def _contradiction(self, c: Contradiction) -> None:
        left, right = self.node_of.get(c.left), self.node_of.get(c.right)
        if left is None or right is None or left == right:
            return
        tooltip = f"{c.left} contradicts {c.right}" + (f"\nNote: {one_line(c.note)}" if c.note else "")
        self.edges.append(
            Edge(
                self.ids.take(f"contradiction.{c.left}.{c.right}"),
                left,
                right,
                EdgeKind.CONTRADICTION,
                False,
                None,
                None,
                tooltip,
            )
        )

    # Title

    def _subtitle(self) -> str | None:
        parts: list[str] = []
        if self.view.description:
            parts.append(self.view.description)
        about = self.ix.sources.get(self.m.about) if self.m.about else None
        if about is not None:
            parts.append(shorten(about.title, 90) + (f", {one_line(about.date)}" if about.date else ""))
        elif not self.view.description:
            parts.extend(one_line(x) for x in (self.m.author, self.m.date) if x)
        return " · ".join(p for p in parts if p) or None

    def _about_url(self) -> str | None:
        about = self.ix.sources.get(self.m.about) if self.m.about else None
        return safe_url(about.url) if about else None
