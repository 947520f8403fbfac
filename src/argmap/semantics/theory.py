"""A map read as an argumentation theory, compiled to a labelling graph.

**The theory (ASPIC+ without preferences).** Statements that no support
concludes are ordinary premises. Every inference ``r`` is a defeasible rule
named ``r``: a support ``p1 + p2 => c`` is the rule ``p1, p2 => c``; an
attack on ``t`` is the rule ``p1, p2 => -t``, where ``-t`` is a contrary of
``t`` (asymmetric: ``t`` does not attack back); an undercut of ``x`` is the
rule ``p => -x``, so it denies that rule ``x`` applies. ``a contradicts b``
makes ``a`` and ``b`` contradictories. Every attack succeeds.

**The compilation (flat assumption-based argumentation).** With only
defeasible rules and ordinary premises, that theory has the same extensions
(as sets of conclusions) as a flat ABA framework whose assumptions are the
premises and one applicability assumption ``n_r`` per rule: the rule ``r``
becomes ``p1, p2, n_r -> c``. A premise ``p`` is defeated by ``-p`` and by
every statement that contradicts it (undermining). ``n_r`` is defeated by
``-r`` (undercut) and, for a support of ``c``, by ``-c`` and by every
statement that contradicts ``c`` (rebuttal).

The framework becomes a graph with three kinds of node:

- ``ASM`` (an assumption): IN when all of its contraries (its inputs) are
  OUT, OUT when one of them is IN;
- ``AND`` (a rule): IN when all of its body (its inputs) is IN, OUT when a
  part of it is OUT;
- ``OR`` (a derived literal): IN when one rule for it is IN, OUT when all are OUT.

What-ifs add facts: an assumed statement gets a rule with an empty body, a
rejected statement ``s`` an unattackable ``-s``, a rejected inference ``r``
an unattackable ``-r``; an assumed inference loses its applicability
assumption, which makes it a strict rule.

Example:
    >>> import argmap
    >>> m = argmap.loads('thesis t "T"  claim p "P"  objection o "O"  p supports t  o attacks p')
    >>> g = compile_theory(m, Scenario())
    >>> [KIND_NAMES[g.kind[g.statement[s]]] for s in ("t", "p", "o")]
    ['or', 'asm', 'asm']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ..index import MapIndex, index
from ..model import ArgumentMap, Inference, InferenceKind
from .whatif import Scenario

AND, OR, ASM = 0, 1, 2
KIND_NAMES = ("and", "or", "asm")
UNDEC, IN, OUT = 0, 1, 2


class Graph:
    """The compiled theory: nodes with a kind, inputs and outputs.

    Attributes:
        kind: AND, OR or ASM for each node.
        inputs: the nodes each node depends on.
        outputs: the nodes that depend on each node.
        statement: the node of each statement, by id.
        rule: the rule node of each inference, by position in ``index(m).inferences``.
        applicability: the applicability assumption of each inference, or -1 when it is strict.
        true: a node that is always IN; false: a node that is always OUT.
    """

    def __init__(self) -> None:
        self.kind: list[int] = []
        self.inputs: list[list[int]] = []
        self.outputs: list[list[int]] = []
        self.statement: dict[str, int] = {}
        self.rule: list[int] = []
        self.applicability: list[int] = []
        self._negation: dict[str, int] = {}
        self._undercut: dict[int, int] = {}
        self.false = self.add(OR)
        self.true = self.add(AND)

    def __len__(self) -> int:
        return len(self.kind)

    def add(self, kind: int) -> int:
        """A new node of this kind, without edges."""
        self.kind.append(kind)
        self.inputs.append([])
        self.outputs.append([])
        return len(self.kind) - 1

    def edge(self, source: int, target: int) -> None:
        """Make ``target`` depend on ``source``."""
        self.inputs[target].append(source)
        self.outputs[source].append(target)

    def negation(self, statement: str) -> int:
        """The literal ``-s`` (a contrary of statement ``s``), made on first use."""
        node = self._negation.get(statement)
        if node is None:
            node = self._negation[statement] = self.add(OR)
        return node

    def has_negation(self, statement: str) -> int | None:
        """The node of ``-s`` if anything concludes it."""
        return self._negation.get(statement)

    def undercut(self, position: int) -> int:
        """The literal ``-r`` (rule ``r`` does not apply), made on first use."""
        node = self._undercut.get(position)
        if node is None:
            node = self._undercut[position] = self.add(OR)
        return node

    def has_undercut(self, position: int) -> int | None:
        """The node of ``-r`` if anything concludes it."""
        return self._undercut.get(position)


def compile_theory(m: ArgumentMap, scenario: Scenario) -> Graph:
    """Compile a map and a what-if scenario to a labelling graph.

    References that resolve to nothing (only in maps with errors) are read
    conservatively: an unknown premise, or a missing list of premises, means
    the inference never applies; an unknown target means it has no effect.
    """
    ix = index(m)
    g = Graph()
    concluded = {
        inf.target for inf in ix.inferences if inf.kind is InferenceKind.SUPPORT and inf.target in ix.statements
    }
    for sid in ix.statements:
        premise = sid not in concluded and sid not in scenario.assumed
        g.statement[sid] = g.add(ASM if premise else OR)
    for sid in scenario.assumed:
        g.edge(g.true, g.statement[sid])
    named = _named_positions(ix)
    for position, inf in enumerate(ix.inferences):
        g.rule.append(_rule(g, inf))
        head = _head(g, ix, inf, named)
        if head is not None:
            g.edge(g.rule[position], head)
    for sid in scenario.rejected:
        g.edge(g.true, g.negation(sid))
    for position in scenario.rejected_rules:
        g.edge(g.true, g.undercut(position))
    contradicting = _contradicting(ix)
    for sid, node in g.statement.items():
        if g.kind[node] == ASM:
            _contraries(g, node, sid, contradicting)
    for position, inf in enumerate(ix.inferences):
        strict = position in scenario.assumed_rules
        g.applicability.append(-1 if strict else _applicability(g, position, inf, contradicting))
    supports = [g.rule[p] for p, inf in enumerate(ix.inferences) if inf.kind is InferenceKind.SUPPORT]
    _break_circles(g, supports)
    return g


def _named_positions(ix: MapIndex) -> dict[str, int]:
    positions: dict[str, int] = {}
    for position, inf in enumerate(ix.inferences):
        if inf.id is not None:
            positions.setdefault(inf.id, position)
    return positions


def _rule(g: Graph, inf: Inference) -> int:
    """The rule node of an inference, with its premises as body."""
    node = g.add(AND)
    premises = list(dict.fromkeys(inf.premises))
    if not premises:
        g.edge(g.false, node)
    for premise in premises:
        g.edge(g.statement.get(premise, g.false), node)
    return node


def _head(g: Graph, ix: MapIndex, inf: Inference, named: dict[str, int]) -> int | None:
    """What the inference concludes: ``c``, ``-t`` or ``-r``; None if its target is unknown."""
    target = inf.target
    if target is None:
        return None
    if inf.kind is InferenceKind.UNDERCUT:
        position = named.get(target)
        return None if position is None else g.undercut(position)
    if target not in ix.statements:
        return None
    return g.statement[target] if inf.kind is InferenceKind.SUPPORT else g.negation(target)


def _contradicting(ix: MapIndex) -> dict[str, list[str]]:
    """For each statement, the statements that contradict it (both directions)."""
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for con in ix.contradictions:
        if con.left in ix.statements and con.right in ix.statements:
            found[con.left][con.right] = None
            found[con.right][con.left] = None
    return {sid: list(others) for sid, others in found.items()}


def _contraries(g: Graph, node: int, sid: str, contradicting: dict[str, list[str]]) -> None:
    """Wire what defeats statement ``sid`` into ``node``: ``-sid`` and its contradictories."""
    negation = g.has_negation(sid)
    if negation is not None:
        g.edge(negation, node)
    for other in contradicting.get(sid, ()):
        g.edge(g.statement[other], node)


def _applicability(g: Graph, position: int, inf: Inference, contradicting: dict[str, list[str]]) -> int:
    """The assumption ``n_r`` that rule ``r`` applies, with its contraries."""
    node = g.add(ASM)
    g.edge(node, g.rule[position])
    undercut = g.has_undercut(position)
    if undercut is not None:
        g.edge(undercut, node)
    if inf.kind is InferenceKind.SUPPORT and inf.target in g.statement:
        _contraries(g, node, inf.target, contradicting)
    return node


# -- Circular support ---------------------------------------------------------
#
# An ASPIC+ argument never uses its own conclusion below itself: in
# ``p => a``, ``a => b``, ``b => a`` the rule ``b => a`` has no argument,
# since every argument for its premise ``b`` already concludes ``a``. Such
# rules exist only where support runs in a circle (an error that ``argmap
# check`` reports). Statements keep their labels either way, since a shortest
# derivation never repeats a conclusion; but the status of such a rule must
# come from derivations of its premises that avoid its conclusion. So each
# circular rule concluding ``c`` reads its premises from a copy of the part of
# the graph that depends on ``c``, with ``c`` itself replaced by FALSE.


def _break_circles(g: Graph, supports: list[int]) -> None:
    """Rewire each support rule that lies on a circle of support."""
    positive = _positive_nodes(g, supports)
    cyclic = _on_cycles(g, positive)
    if not cyclic:
        return
    component = _components(g, positive, cyclic)
    by_conclusion: dict[int, list[int]] = defaultdict(list)
    for rule in supports:
        heads = [v for v in g.outputs[rule] if v in positive]
        if heads and rule in component and component.get(heads[0]) == component[rule]:
            by_conclusion[heads[0]].append(rule)
    for conclusion, rules in by_conclusion.items():
        _shadow(g, positive, conclusion, rules)


def _positive_nodes(g: Graph, supports: list[int]) -> set[int]:
    """Support rules and the concluded statements they lead to and from."""
    nodes = set(supports)
    for rule in supports:
        nodes.update(v for v in g.outputs[rule] if g.kind[v] == OR)
    return nodes


def _positive_outputs(g: Graph, positive: set[int], v: int) -> list[int]:
    return [w for w in g.outputs[v] if w in positive]


def _on_cycles(g: Graph, positive: set[int]) -> set[int]:
    """Nodes on or after a circle of support (Kahn's algorithm leaves them over)."""
    indegree = dict.fromkeys(positive, 0)
    for v in positive:
        for w in _positive_outputs(g, positive, v):
            indegree[w] += 1
    queue = [v for v, d in indegree.items() if d == 0]
    while queue:
        v = queue.pop()
        for w in _positive_outputs(g, positive, v):
            indegree[w] -= 1
            if indegree[w] == 0:
                queue.append(w)
    return {v for v, d in indegree.items() if d > 0}


def _components(g: Graph, positive: set[int], nodes: set[int]) -> dict[int, int]:
    """Strongly connected components among ``nodes`` (iterative Tarjan)."""
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    component: dict[int, int] = {}
    stack: list[int] = []
    for root in nodes:
        if root in order:
            continue
        work = [(root, iter(_positive_outputs(g, nodes, root)))]
        order[root] = low[root] = len(order)
        stack.append(root)
        while work:
            v, children = work[-1]
            w = next(children, None)
            if w is not None:
                if w not in order:
                    order[w] = low[w] = len(order)
                    stack.append(w)
                    work.append((w, iter(_positive_outputs(g, nodes, w))))
                elif w not in component:
                    low[v] = min(low[v], order[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == order[v]:
                while True:
                    w = stack.pop()
                    component[w] = v
                    if w == v:
                        break
    return component


def _shadow(g: Graph, positive: set[int], conclusion: int, rules: list[int]) -> None:
    """Give ``rules`` (all concluding ``conclusion``) premises derived without it."""
    after = _reach(conclusion, lambda v: _positive_outputs(g, positive, v))
    premises = [u for rule in rules for u in g.inputs[rule]]
    before = _reach_all(premises, lambda v: [u for u in g.inputs[v] if u in positive])
    copied = (after & before) - {conclusion}
    copy = {v: g.add(g.kind[v]) for v in sorted(copied)}
    copy[conclusion] = g.false
    for v in sorted(copied):
        for u in g.inputs[v]:
            g.edge(copy.get(u, u), copy[v])
    for rule in rules:
        old = g.inputs[rule]
        for u in old:
            g.outputs[u].remove(rule)
        g.inputs[rule] = []
        for u in old:
            g.edge(copy.get(u, u), rule)


def _reach(start: int, step: Callable[[int], list[int]]) -> set[int]:
    return _reach_all([start], step)


def _reach_all(starts: list[int], step: Callable[[int], list[int]]) -> set[int]:
    seen = set(starts)
    todo = list(starts)
    while todo:
        for w in step(todo.pop()):
            if w not in seen:
                seen.add(w)
                todo.append(w)
    return seen
