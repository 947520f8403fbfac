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

from argmap.evaluation.whatif import Scenario
from argmap.language import assert_never
from argmap.model import ArgumentMap, InferenceKind
from argmap.model.index import MapIndex, index

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
        #: True when the nodes are ASPIC+ arguments weighed by preferences (see :mod:`.arguments`).
        self.weighed = False
        #: With preferences, the attacks that fail because the attacked argument is strictly
        #: preferred: for each argument's own assumption, the attacking argument nodes.
        self.blocked: dict[int, list[int]] = {}
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

    def add_nodes(self, kinds: list[int]) -> int:
        """New nodes of these kinds, without edges; returns the first one."""
        first = len(self.kind)
        self.kind.extend(kinds)
        self.inputs.extend([] for _ in kinds)
        self.outputs.extend([] for _ in kinds)
        return first

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

    def negated(self) -> list[str]:
        """The statements whose contrary ``-s`` something concludes."""
        return list(self._negation)

    def has_negation(self, statement: str) -> int | None:
        """The node of ``-s`` if anything concludes it."""
        return self._negation.get(statement)

    def undercut(self, position: int) -> int:
        """The literal ``-r`` (rule ``r`` does not apply), made on first use."""
        node = self._undercut.get(position)
        if node is None:
            node = self._undercut[position] = self.add(OR)
        return node

    def undercuts(self) -> list[tuple[int, int]]:
        """``(position, node of -r)`` for each rule that something undercuts."""
        return list(self._undercut.items())


def compile_theory(m: ArgumentMap, scenario: Scenario) -> Graph:
    """Compile a map and a what-if scenario to a labelling graph.

    References that resolve to nothing (only in maps with errors) are read
    conservatively: an unknown premise, or a missing list of premises, means
    the inference never applies; an unknown target means it has no effect.
    """
    ix = index(m)
    g = Graph()
    inferences = ix.inferences
    concluded = {inf.target for inf in inferences if inf.kind is InferenceKind.SUPPORT}
    assumed = scenario.assumed
    first = g.add_nodes([OR if sid in concluded or sid in assumed else ASM for sid in ix.statements])
    g.statement = dict(zip(ix.statements, range(first, len(g)), strict=True))
    for sid in sorted(assumed):
        g.edge(g.true, g.statement[sid])
    first = g.add_nodes([AND] * len(inferences))
    g.rule = list(range(first, len(g)))
    _rules(g, ix)
    for sid in sorted(scenario.rejected):
        g.edge(g.true, g.negation(sid))
    for position in sorted(scenario.rejected_rules):
        g.edge(g.true, g.undercut(position))
    contradicting = _contradicting(ix)
    for sid in dict.fromkeys([*g.negated(), *contradicting]):  # in a fixed order: node numbers must not vary
        node = g.statement[sid]
        if g.kind[node] == ASM:
            _contraries(g, node, sid, contradicting)
    _applicabilities(g, ix, scenario.assumed_rules, contradicting)
    if _support_has_circle(ix, concluded):
        _break_circles(g, [g.rule[p] for p, inf in enumerate(inferences) if inf.kind is InferenceKind.SUPPORT])
    return g


def _rules(g: Graph, ix: MapIndex) -> None:
    """Wire each rule node to its premises (its body) and to what it concludes."""
    named: dict[str, int] = {}
    for position, inf in enumerate(ix.inferences):
        if inf.id is not None:
            named.setdefault(inf.id, position)
    statement, inputs, outputs, false = g.statement, g.inputs, g.outputs, g.false
    head: int | None
    for rule, inf in zip(g.rule, ix.inferences, strict=True):
        premises = inf.premises  # a premise written twice counts twice on both ends: harmless
        if not premises:
            g.edge(false, rule)
        body = inputs[rule]
        for premise in premises:
            node = statement.get(premise, false)
            body.append(node)
            outputs[node].append(rule)
        target = inf.target
        if target is None:
            continue
        match inf.kind:
            case InferenceKind.SUPPORT:
                head = statement.get(target)
            case InferenceKind.ATTACK:
                head = g.negation(target) if target in statement else None
            case InferenceKind.UNDERCUT:
                undercut = named.get(target)
                head = None if undercut is None else g.undercut(undercut)
            case _:
                assert_never(inf.kind)
        if head is not None:
            outputs[rule].append(head)
            inputs[head].append(rule)


def _applicabilities(g: Graph, ix: MapIndex, strict: frozenset[int], contradicting: dict[str, list[str]]) -> None:
    """Give every defeasible rule its applicability assumption ``n_r``, with its contraries."""
    inferences = ix.inferences
    first = g.add_nodes([ASM] * len(inferences))
    g.applicability = [-1 if p in strict else first + p for p in range(len(inferences))]
    inputs, outputs = g.inputs, g.outputs
    for node, rule in zip(g.applicability, g.rule, strict=True):
        if node >= 0:
            outputs[node].append(rule)
            inputs[rule].append(node)
    for position, undercut in g.undercuts():
        node = g.applicability[position]
        if node >= 0:
            g.edge(undercut, node)
    rebuttable = {*g.negated(), *contradicting}
    for position, inf in enumerate(inferences):
        node = g.applicability[position]
        if node >= 0 and inf.kind is InferenceKind.SUPPORT and inf.target in rebuttable:
            _contraries(g, node, inf.target, contradicting)


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


def _support_has_circle(ix: MapIndex, concluded: set[str | None]) -> bool:
    """Whether support runs in a circle among statements (Kahn's algorithm, on ids)."""
    successors: dict[str, list[str]] = defaultdict(list)
    indegree: dict[str, int] = defaultdict(int)
    support = InferenceKind.SUPPORT
    for inf in ix.inferences:
        if inf.kind is support:
            target = inf.target
            for premise in inf.premises:
                if premise in concluded:
                    successors[premise].append(target)  # type: ignore[arg-type]
                    indegree[target] += 1  # type: ignore[index]
    queue = [v for v in successors if not indegree[v]]
    left = len(set(successors) | set(indegree))
    while queue:
        left -= 1
        for w in successors.get(queue.pop(), ()):
            indegree[w] -= 1
            if not indegree[w]:
                queue.append(w)
    return left > 0


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
    # Plan every copy on the graph as it is, then build: a rewired rule must
    # not hide the circles that other copies need to see.
    plans = [(c, rules, _to_copy(g, positive, c, rules)) for c, rules in by_conclusion.items()]
    original = {v: list(g.inputs[v]) for _, rules, copied in plans for v in (*rules, *copied)}
    for conclusion, rules, copied in plans:
        _shadow(g, conclusion, rules, copied, original)


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


def _to_copy(g: Graph, positive: set[int], conclusion: int, rules: list[int]) -> set[int]:
    """The nodes that lie both after ``conclusion`` and before the premises of ``rules``."""
    after = _reach(conclusion, lambda v: _positive_outputs(g, positive, v))
    premises = [u for rule in rules for u in g.inputs[rule]]
    before = _reach_all(premises, lambda v: [u for u in g.inputs[v] if u in positive])
    return (after & before) - {conclusion}


def _shadow(g: Graph, conclusion: int, rules: list[int], copied: set[int], original: dict[int, list[int]]) -> None:
    """Give ``rules`` (all concluding ``conclusion``) premises derived without it."""
    copy = {v: g.add(g.kind[v]) for v in sorted(copied)}
    copy[conclusion] = g.false
    for v in sorted(copied):
        for u in original[v]:
            g.edge(copy.get(u, u), copy[v])
    for rule in rules:
        for u in set(original[rule]):
            g.outputs[u] = [w for w in g.outputs[u] if w != rule]
        g.inputs[rule] = []
        for u in original[rule]:
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
