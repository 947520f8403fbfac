"""Grounded labelling of a compiled theory as a least fixpoint.

The labelling starts with every node UNDECIDED and settles a node as soon
as its inputs decide it (see :mod:`.theory` for the three kinds of node).
Each node is settled once and each edge is looked at a bounded number of
times, so a pass is linear in the size of the graph.

That propagation alone is Fitting's three-valued fixpoint. Grounded
semantics (the well-founded model of the framework) also rejects conclusions
whose only support runs in a circle: after each pass, the undecided literals
that cannot be derived from assumptions that are not OUT are set OUT, and
propagation resumes. The check only visits undecided nodes and finds nothing
when no support is circular (a map that ``argmap check`` accepts).

Example:
    >>> from argmap.evaluation.theory import Graph, ASM, OR
    >>> g = Graph()
    >>> a, b = g.add(ASM), g.add(ASM)   # two assumptions that defeat each other
    >>> g.edge(a, b); g.edge(b, a)
    >>> c = g.add(OR); g.edge(c, c)     # a literal that only supports itself
    >>> label = grounded(g)
    >>> label[a], label[b], label[c]    # 0 UNDECIDED, 1 IN, 2 OUT
    (0, 0, 2)
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.evaluation.theory import AND, ASM, IN, OR, OUT, UNDEC, Graph


def grounded(g: Graph) -> list[int]:
    """The grounded label (UNDEC, IN or OUT) of every node."""
    label = [UNDEC] * len(g)
    Solver(g).solve(label, range(len(g)))
    return label


class Solver:
    """Labels a set of nodes while every other node keeps its label.

    Working arrays are allocated once, so that many small regions (what-if
    questions, search steps) can be solved cheaply on one graph.
    """

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.degree = [len(inputs) for inputs in g.inputs]
        self.count_in = [0] * len(g)
        self.count_out = [0] * len(g)
        self.mark = bytearray(len(g))

    def solve(self, label: list[int], todo: Iterable[int]) -> None:
        """Label the nodes in ``todo`` (all UNDEC on entry) as a least fixpoint.

        Nodes outside ``todo`` are taken as fixed; the result is exact when
        no node outside ``todo`` depends on a node inside it, or when the
        outside nodes already hold their final labels.
        """
        nodes = list(todo)
        mark = self.mark
        for v in nodes:
            mark[v] = 1
        try:
            queue = self._start(label, nodes)
            self._propagate(label, queue)
            while True:
                unfounded = self._unfounded(label, nodes)
                if not unfounded:
                    break
                for v in unfounded:
                    label[v] = OUT
                self._propagate(label, unfounded)
        finally:
            for v in nodes:
                mark[v] = 0

    def _start(self, label: list[int], nodes: list[int]) -> list[int]:
        """Count the settled inputs of each node, then settle what that decides."""
        if len(nodes) == len(label):  # the whole graph, all UNDEC: no input is settled yet
            return self._start_all(label)
        inputs, count_in, count_out = self.g.inputs, self.count_in, self.count_out
        for v in nodes:
            ins = outs = 0
            for u in inputs[v]:
                lu = label[u]
                if lu == IN:
                    ins += 1
                elif lu == OUT:
                    outs += 1
            count_in[v] = ins
            count_out[v] = outs
        kind, degree = self.g.kind, self.degree
        queue = []
        for v in nodes:
            new = _decide(kind[v], count_in[v], count_out[v], degree[v])
            if new:
                label[v] = new
                queue.append(v)
        return queue

    def _start_all(self, label: list[int]) -> list[int]:
        """Settle the nodes without inputs: rules and assumptions IN, literals OUT."""
        kind = self.g.kind
        self.count_in = [0] * len(label)
        self.count_out = [0] * len(label)
        queue = [v for v, d in enumerate(self.degree) if not d]
        for v in queue:
            label[v] = OUT if kind[v] == OR else IN
        return queue

    def _propagate(self, label: list[int], queue: list[int]) -> None:
        """Settle nodes whose inputs became decisive, until nothing changes."""
        kind, outputs, degree, mark = self.g.kind, self.g.outputs, self.degree, self.mark
        count_in, count_out = self.count_in, self.count_out
        while queue:
            u = queue.pop()
            if label[u] == IN:
                for v in outputs[u]:
                    if label[v] or not mark[v]:
                        continue
                    k = kind[v]
                    count_in[v] += 1
                    if k == OR or (k == AND and count_in[v] == degree[v]):
                        label[v] = IN
                        queue.append(v)
                    elif k == ASM:
                        label[v] = OUT
                        queue.append(v)
            else:
                for v in outputs[u]:
                    if label[v] or not mark[v]:
                        continue
                    k = kind[v]
                    count_out[v] += 1
                    if k == AND or (k == OR and count_out[v] == degree[v]):
                        label[v] = OUT
                        queue.append(v)
                    elif k == ASM and count_out[v] == degree[v]:
                        label[v] = IN
                        queue.append(v)

    def _unfounded(self, label: list[int], nodes: list[int]) -> list[int]:
        """Undecided literals that no assumption left standing can derive."""
        kind, inputs, outputs, degree, mark = self.g.kind, self.g.inputs, self.g.outputs, self.degree, self.mark
        undecided = [v for v in nodes if label[v] == UNDEC]
        if not any(kind[v] == OR for v in undecided):
            return []
        possible: set[int] = set()
        support: dict[int, int] = {}
        queue = []
        for v in undecided:
            k = kind[v]
            if k == ASM:
                possible.add(v)
                queue.append(v)
                continue
            # Inputs outside the region that are not OUT stay derivable; IN inputs are derived.
            n = sum(1 for u in inputs[v] if label[u] == IN or (label[u] == UNDEC and not mark[u]))
            support[v] = n
            if (k == OR and n) or (k == AND and n == degree[v]):
                possible.add(v)
                queue.append(v)
        while queue:
            u = queue.pop()
            for v in outputs[u]:
                if v in possible or v not in support:
                    continue
                support[v] += 1
                if kind[v] == OR or support[v] == degree[v]:
                    possible.add(v)
                    queue.append(v)
        return [v for v in undecided if kind[v] == OR and v not in possible]


def _decide(kind: int, ins: int, outs: int, degree: int) -> int:
    """The label that these counts of IN and OUT inputs force, or UNDEC."""
    if kind == AND:
        return OUT if outs else (IN if ins == degree else UNDEC)
    if kind == OR:
        return IN if ins else (OUT if outs == degree else UNDEC)
    return OUT if ins else (IN if outs == degree else UNDEC)
