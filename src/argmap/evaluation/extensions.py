"""Preferred and stable labellings, searched where grounded semantics is silent.

Every complete labelling agrees with the grounded one on what grounded
semantics decides, so only the undecided part of the graph (the *core*) is
searched. The core falls apart into groups that share no edge; the
labellings of the whole are all combinations of the labellings of the
groups, so each group is searched on its own and the number of extensions
is the product of the groups' counts, without ever listing them.

Within a group, a depth-first search decides one undecided assumption at a
time, lets the grounded solver propagate what that forces, and abandons a
branch as soon as a decision contradicts what follows. For stable semantics
an assumption is fixed IN or OUT, and the leaves are the stable labellings.
For preferred semantics it is fixed IN or merely *kept from being IN*; the
rest is the least fixpoint given the IN decisions, so each leaf is a complete
labelling, every preferred labelling is among the leaves (it is the least
fixpoint of its own IN assumptions), and the preferred labellings are the
leaves whose set of IN assumptions is maximal. Two choices per assumption
instead of three (IN, OUT, UNDECIDED) keep the search small. The cost is
exponential in the size of a group, so groups are limited to
:data:`MAX_GROUP` assumptions and the search in each group to
:data:`MAX_STEPS` steps. Maps with many small groups are fine: the time
grows with the number of groups times the work in each.

Example:
    >>> from argmap.evaluation.theory import Graph, ASM
    >>> from argmap.evaluation.grounded import grounded
    >>> g = Graph()
    >>> a, b = g.add(ASM), g.add(ASM)   # two assumptions that defeat each other
    >>> g.edge(a, b); g.edge(b, a)
    >>> result = search(g, grounded(g), stable=True)
    >>> result.count, result.sceptical[a], result.credulous[a]
    (2, 0, True)
"""

from __future__ import annotations

from attrs import frozen

from argmap.evaluation.errors import EvaluationTooLarge
from argmap.evaluation.grounded import Solver
from argmap.evaluation.theory import ASM, IN, OUT, UNDEC, Graph

#: The most assumptions one group of interlocked undecided points may have.
MAX_GROUP = 40
#: The most search steps (partial labellings tried) for one group.
MAX_STEPS = 20_000

Labelling = dict[int, int]


@frozen
class Outcome:
    """What the extensions say about each node.

    Attributes:
        count: the number of extensions (0: no stable extension exists).
        sceptical: per node, IN (OUT) if IN (OUT) in every extension, else UNDEC.
        credulous: per node, True if IN in at least one extension.
    """

    count: int
    sceptical: list[int]
    credulous: list[bool]


def search(g: Graph, grounded: list[int], stable: bool) -> Outcome:
    """Preferred (``stable=False``) or stable labellings, summarised per node.

    Raises:
        EvaluationTooLarge: a group is larger than :data:`MAX_GROUP`, or its
            search needs more than :data:`MAX_STEPS` steps.
    """
    solver = Solver(g)
    sceptical = list(grounded)
    credulous = [lab == IN for lab in grounded]
    count = 1
    work = list(grounded)  # groups share no node: one working copy serves them all
    for group in _groups(g, grounded):
        found = _labellings(solver, work, group, stable, [0])
        for v in group:
            work[v] = UNDEC
        if not stable:
            found = _maximal(found, [v for v in group if g.kind[v] == ASM])
        if not found:
            undecided = [UNDEC] * len(g)
            return Outcome(0, undecided, [False] * len(g))
        count *= len(found)
        for v in group:
            seen = {lab[v] for lab in found}
            sceptical[v] = seen.pop() if len(seen) == 1 else UNDEC
            credulous[v] = any(lab[v] == IN for lab in found)
    return Outcome(count, sceptical, credulous)


def _groups(g: Graph, label: list[int]) -> list[list[int]]:
    """The undecided nodes, split into groups that share no edge."""
    group_of: dict[int, int] = {}
    groups: list[list[int]] = []
    for start in range(len(g)):
        if label[start] != UNDEC or start in group_of:
            continue
        group_of[start] = len(groups)
        members = [start]
        todo = [start]
        while todo:
            u = todo.pop()
            for v in (*g.inputs[u], *g.outputs[u]):
                if label[v] == UNDEC and v not in group_of:
                    group_of[v] = len(groups)
                    members.append(v)
                    todo.append(v)
        groups.append(members)
        size = sum(1 for v in members if g.kind[v] == ASM)
        if size > MAX_GROUP:
            raise EvaluationTooLarge(
                f"too many interlocked undecided points for this semantics ({size} assumptions in one group,"
                f" at most {MAX_GROUP})",
                "use grounded semantics, or settle some conflicts with --assume or --reject",
            )
    return groups


#: A preferred-search decision: the assumption may be OUT or UNDECIDED, not IN.
NOT_IN = -1


def _labellings(solver: Solver, label: list[int], group: list[int], stable: bool, steps: list[int]) -> list[Labelling]:
    """The leaves of the search in one group (see the module's text), as node -> label."""
    g = solver.g
    assumptions = [v for v in group if g.kind[v] == ASM]
    choices = (IN, OUT) if stable else (IN, NOT_IN)
    found: list[Labelling] = []

    def visit(decided: Labelling) -> None:
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            raise EvaluationTooLarge(
                f"the search for {'stable' if stable else 'preferred'} extensions needs more than {MAX_STEPS} steps"
                " in one group of interlocked undecided points",
                "use grounded semantics, or settle some conflicts with --assume or --reject",
            )
        fixed = {v: lab for v, lab in decided.items() if lab != NOT_IN}
        for v in group:
            label[v] = UNDEC
        for v, lab in fixed.items():
            label[v] = lab
        solver.solve(label, [v for v in group if v not in fixed])
        if any(label[v] == IN for v, lab in decided.items() if lab == NOT_IN):
            return
        if not all(_legal(g, label, v, lab, final=False) for v, lab in fixed.items()):
            return
        free = next((v for v in assumptions if v not in decided and label[v] == UNDEC), None)
        if free is None:
            if all(_legal(g, label, v, lab, final=True) for v, lab in fixed.items()):
                found.append({v: label[v] for v in group})
            return
        for choice in choices:
            visit({**decided, free: choice})

    visit({})
    return found


def _legal(g: Graph, label: list[int], v: int, lab: int, final: bool) -> bool:
    """Whether assumption ``v`` may be fixed IN or OUT given its contraries' labels.

    Before the leaves (``final`` false), only definite contradictions count:
    the propagated labels hold in every completion.
    """
    contraries = [label[u] for u in g.inputs[v]]
    defeated = IN in contraries
    free = all(c == OUT for c in contraries)
    if lab == IN:
        return free if final else not defeated
    return defeated if final else not free


def _maximal(found: list[Labelling], assumptions: list[int]) -> list[Labelling]:
    """The labellings whose set of IN assumptions no other one strictly contains."""
    ins = [frozenset(v for v in assumptions if lab[v] == IN) for lab in found]
    return [lab for lab, mine in zip(found, ins, strict=True) if not any(mine < other for other in ins)]
