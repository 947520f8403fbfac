"""The map graph: what a picture of a map shows, as plain data.

:func:`argmap.rendering.build.build_graph` turns a model into a :class:`MapGraph`; the DOT
writer (:mod:`argmap.rendering.dot`) turns that into Graphviz input. The map graph knows
nothing about Graphviz, so other exporters (Mermaid, Cytoscape, a web viewer)
can start from it, or from its JSON form (``argmap render --format json``).

Everything is a frozen attrs class of strings, tuples and enums. Texts are
clean (no characters that XML forbids) and already wrapped into lines; ids
are unique, stable from run to run, and made of letters, digits, ``_``, ``-``
and ``.`` only. In the SVG each gets a prefix that says what it is
(``statement-t``; see :mod:`argmap.rendering.dot`).

Example:
    >>> import argmap
    >>> from argmap.rendering.build import build_graph
    >>> g = build_graph(argmap.loads('thesis t "Tea is good."  claim c "Tea is tasty."  c supports t'))
    >>> [(n.id, n.style) for n in g.nodes]
    [('t', 'thesis'), ('c', 'claim')]
    >>> [(e.tail, e.head, e.kind.value) for e in g.edges]
    [('c', 't', 'support')]
"""

from __future__ import annotations

import enum
import json
from typing import Any

import attrs
from attrs import frozen

from argmap.evaluation.status import Status

#: The version of the JSON form; it changes when a field changes meaning.
JSON_VERSION = 2


class NodeKind(enum.Enum):
    """What a node stands for."""

    STATEMENT = "statement"  #: a statement box
    JUNCTION = "junction"  #: the small node where an inference's premises join
    SECTION = "section"  #: a whole top-level section, summed up (the overview of an atlas)


class EdgeKind(enum.Enum):
    """What an edge means; each kind is drawn in its own line style and arrowhead."""

    SUPPORT = "support"  #: premises support a conclusion
    REBUT = "rebut"  #: an attack on a statement that some inference concludes
    UNDERMINE = "undermine"  #: an attack on a premise that nothing concludes
    UNDERCUT = "undercut"  #: an attack on an inference (aimed at its junction)
    CONTRADICTION = "contradiction"  #: two statements that cannot both be true (symmetric)


@frozen
class Node:
    """A statement box or an inference junction.

    Attributes:
        id: unique and stable. A statement's id is its id in the map; a
            junction's is the inference's id, or how it reads with dots
            (``a.b.supports.c``: its key, :attr:`argmap.model.Inference.key`, as an id).
            The SVG ``id`` is ``statement-`` or ``inference-`` and this.
        kind: statement, junction, or section (a summed-up section, in an atlas's overview).
        style: the style key: a statement kind (``thesis``, ``claim``,
            ``evidence``, ``assumption``, ``objection``), an inference kind
            (``support``, ``attack``, ``undercut``) or ``section``.
        ref: the model element drawn: a statement id, an inference key
            (:attr:`argmap.model.Inference.key`) or a section's id (or title).
        text: the statement's text, the inference's label or the section's title, wrapped into lines
            (a junction without a label has no lines).
        scheme: a junction's argument scheme, if given.
        name: the name written on a junction: the inference's id, or in a picture
            with statuses its key (how it reads), as ``--explain`` takes it.
        footer: a statement's provenance, wrapped: actor, its own date when its
            source has another, and the number of its source (``[2]``, see :attr:`reference`);
            a section's counts of what it holds.
        reference: the number of the statement's source in :attr:`MapGraph.references`.
        tooltip: the full text and details, shown on hover.
        url: a link (http, https or mailto only): the statement's ``url``, else its source's;
            in an atlas, a relative link to another picture of the atlas (:mod:`argmap.rendering.atlas`).
        cluster: the id of the innermost cluster the node is drawn in.
        status: the evaluation status, when statuses were given.
        focus: the element a focused view is centred on.
        ghost: outside the part of the map shown, drawn for context only.
        hidden: how many relations of the node a partial view leaves out.
        questions: a junction's open critical questions: the keys of the questions of its
            scheme that nothing raises or answers (drawn as a count badge, ``?2``).
        raises: the key of the critical question a junction's inference raises (``raises:``).
        aside: set aside by the what-if of an evaluation (rejected, or said by a distrusted
            actor or source): out by assumption, not defeated by the map's arguments.
    """

    id: str
    kind: NodeKind
    style: str
    ref: str
    text: tuple[str, ...] = ()
    scheme: str | None = None
    name: str | None = None
    footer: tuple[str, ...] = ()
    reference: int | None = None
    tooltip: str = ""
    url: str | None = None
    cluster: str | None = None
    status: Status | None = None
    focus: bool = False
    ghost: bool = False
    hidden: int = 0
    questions: tuple[str, ...] = ()
    raises: str | None = None
    aside: bool = False


@frozen
class Edge:
    """A line between two nodes.

    Attributes:
        id: unique and stable; the SVG ``id`` is ``edge-`` and this.
        tail: the node the edge starts from (a premise, a junction, a contradiction's left side).
        head: the node it points at (a conclusion, an attacked statement or junction, a junction).
        kind: what it means: support, rebut, undermine, undercut, contradiction.
        arrow: whether it ends in an arrowhead. A premise's line into its
            junction has none: the arrow leaves the junction. Contradictions have none.
        ref: the inference key it belongs to (None for contradictions).
        label: a short label along the edge (the scheme of a one-premise inference).
        tooltip: a description shown on hover.
        questions: like a junction's, for an inference drawn as one edge (no junction): the keys
            of its open critical questions, drawn as a count badge by its label.
        raises: like a junction's, for an inference drawn as one edge: the question it raises.
        status: the evaluation status of the inference it draws, when statuses were given.
    """

    id: str
    tail: str
    head: str
    kind: EdgeKind
    arrow: bool = True
    ref: str | None = None
    label: str | None = None
    tooltip: str = ""
    questions: tuple[str, ...] = ()
    raises: str | None = None
    status: Status | None = None


@frozen
class Cluster:
    """A section, drawn as a box around its nodes; clusters nest through ``parent``.

    Attributes:
        id: unique and stable: the section's id, or ``section.N`` for the Nth section without one;
            the SVG ``id`` is ``section-`` and this.
        title: the section's title (one line).
        parent: the enclosing cluster's id, or None at the top.
    """

    id: str
    title: str
    parent: str | None = None


@frozen
class Reference:
    """A source the picture cites, listed once and numbered; statements show its number.

    Attributes:
        number: its number on the picture (``[1]``), in the order statements first cite it.
        id: the source's id in the map.
        title: the source's title, in full (one line).
        author: its author, if given.
        date: its date, if given.
        url: a link (http, https or mailto only).
    """

    number: int
    id: str
    title: str
    author: str | None = None
    date: str | None = None
    url: str | None = None


@frozen
class MapGraph:
    """The whole picture: title, nodes, edges and clusters, in a stable order.

    Attributes:
        title: the map's title.
        subtitle: a second line: author, date, the source reconstructed, or the part shown.
        url: a link for the line under the title: the reconstructed source's URL, or in a
            section's picture of an atlas, the relative link to its overview.
        nodes: statements first in written order, then junctions in written order.
        edges: in written order of the relations they draw.
        clusters: parents before children, in written order.
        statuses: whether statuses were given (the picture then shows them and their legend).
        references: the sources the drawn statements cite, numbered, listed once on the picture.
        caption: what the statuses rest on: the semantics and every what-if (under the title).
    """

    title: str | None = None
    subtitle: str | None = None
    url: str | None = None
    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    statuses: bool = False
    references: tuple[Reference, ...] = ()
    caption: str | None = None

    def node(self, node_id: str) -> Node:
        """The node with this id.

        Raises:
            KeyError: no node has this id.
        """
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def as_dict(self) -> dict[str, Any]:
        """The map graph as JSON-ready data (enums as their values)."""
        return {
            "version": JSON_VERSION,
            "title": self.title,
            "subtitle": self.subtitle,
            "url": self.url,
            "statuses": self.statuses,
            "caption": self.caption,
            "clusters": [_fields(c) for c in self.clusters],
            "nodes": [_fields(n) for n in self.nodes],
            "edges": [_fields(e) for e in self.edges],
            "references": [_fields(r) for r in self.references],
        }

    def to_json(self) -> str:
        """The map graph as indented JSON text, the same bytes on every run."""
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"


def _fields(obj: Node | Edge | Cluster | Reference) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in attrs.fields(type(obj)):
        value = getattr(obj, name.name)
        if isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = list(value)
        out[name.name] = value
    return out
