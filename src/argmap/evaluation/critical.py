"""Critical points: what a status rests on.

A *critical point* of a statement ``t`` is a statement, an inference, an
actor or a source whose rejection alone changes the status of ``t``: a
load-bearing premise or inference, an objection that alone brings ``t``
down, or a party on whose word ``t`` depends; or a preference whose
reversal alone changes it (``t`` stands only because ``a`` outweighs ``b``),
written as an ``outweighs`` line, added with ``--prefer``, or a comparison
of two ranks that decided an attack (see :mod:`.rank_reversals`).
Rejecting an actor rejects every statement and inference ``by`` it;
rejecting a source rejects every statement it reports. ``t`` itself is
never counted among what a party's rejection sets aside.

**Grounded semantics (the fast path).** Only what ``t`` depends on can
change it, so candidates are the statements in the backward cone of ``t``
(everything with a path of support, attack, undercut or contradiction to it)
that are not already OUT: rejecting a statement that is OUT changes no
status. Grounded labels are directional: rejecting ``s`` changes only nodes
that depend on ``s``. So each candidate is solved on the region that lies
both downstream of ``s`` and upstream of ``t``, with the rest of the graph
kept at its labels; nothing else is recomputed. The cost is the sum, over
candidates, of those regions: for maps of the shape of real reconstructions
(trees of reasons with local objections) about the size of the cone times its
depth; at worst the size of the cone times the size of the graph.

**With preferences** the nodes are arguments: rejecting a statement or an
inference sets OUT the own assumption of every argument for it, and the same
region solving applies. A change is followed from node to node wherever a
node has a single output in the cone and that output lies on no circle, each
step remembered, so along a chain of undercuts every candidate costs a step,
not the chain. A preference matters only if its reversal changes whether
an attack on an argument in the cone of ``t`` defeats (attacks that a
preference stops included); that is worked out once per evaluation for
every preference, and only those are tried by evaluating the map again.
Rank comparisons are reversed at most once per pair of rank classes, and the
evaluations of reversals are shared by every thesis.

**Preferred and stable.** Stable semantics is not directional (a conflict
anywhere can remove every stable extension), so every statement and party
is tried, and each try re-evaluates the map: one full evaluation per
candidate. Use these only on maps small enough for those semantics anyway.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... actor ann "Ann"
    ... thesis t "T"  evidence e "E" { by: ann }  evidence f "F" { by: ann }
    ... argument: e + f => t
    ... ''')
    >>> for point in argmap.evaluate(m).critical("t"):
    ...     print(point)
    rejecting statement `e` alone makes `t` OUT (now IN)
    rejecting statement `f` alone makes `t` OUT (now IN)
    rejecting inference `e + f supports t` alone makes `t` OUT (now IN)
    rejecting actor `ann` alone (2 statements) makes `t` OUT (now IN)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from argmap.evaluation.arguments import Arguments
from argmap.evaluation.errors import EvaluationTooLarge
from argmap.evaluation.grounded import Solver, _decide
from argmap.evaluation.preferences import Preferences, RankOrigin
from argmap.evaluation.rank_reversals import reversals, weighed_cone
from argmap.evaluation.status import Status
from argmap.evaluation.theory import IN, OUT, UNDEC, Graph
from argmap.language import OUTWEIGHS
from argmap.model.index import index

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation

_VALUE = {Status.IN: 2, Status.UNDECIDED: 1, Status.OUT: 0}
_KIND_ORDER = {"statement": 0, "inference": 1, "actor": 2, "source": 3, "preference": 4, "rank": 5}
_STATUS = (Status.UNDECIDED, Status.IN, Status.OUT)


@frozen
class CriticalPoint:
    """One statement, inference, actor, source, preference or rank comparison whose rejection (or reversal) alone
    changes a status.

    Attributes:
        subject: the statement whose status changes.
        kind: ``"statement"``, ``"inference"``, ``"actor"``, ``"source"``, ``"preference"`` or ``"rank"``.
        id: the id of the statement, actor or source; an inference's key (the
            spelling ``--explain``, ``--reject`` and ``--assume`` take); for a
            preference or a rank comparison, how it reads (``a outweighs b``).
        before: the subject's status as evaluated.
        after: its status once this point is rejected (a preference or rank comparison: reversed).
        rejected: the statement ids that the rejection sets aside.
        inferences: the keys of inferences it sets aside (the inference itself, or those drawn ``by`` an actor).
        written: for a preference, where it is written (``path:line:col``), or None for a ``--prefer`` what-if.
        ranks: for a rank comparison, where the ranks of the stronger and of the weaker element come from.
    """

    subject: str
    kind: str
    id: str
    before: Status
    after: Status
    rejected: tuple[str, ...]
    inferences: tuple[str, ...] = ()
    written: str | None = None
    ranks: tuple[RankOrigin, RankOrigin] | None = None

    def __str__(self) -> str:
        change = f"makes `{self.subject}` {self.after.name} (now {self.before.name})"
        if self.kind in ("preference", "rank"):
            stronger, _, weaker = self.id.partition(f" {OUTWEIGHS} ")
            if self.ranks is not None:
                where = f"by rank: `{stronger}` {self.ranks[0]}; `{weaker}` {self.ranks[1]}"
            else:
                where = f"written at {self.written}" if self.written else "a what-if"
            because = "stands" if self.before is Status.IN else f"is {self.before.name}"
            return (
                f"reversing `{self.id}` ({where}) alone {change}: `{self.subject}` {because} "
                f"only because `{stronger}` outweighs `{weaker}`"
            )
        if self.kind in ("statement", "inference"):
            return f"rejecting {self.kind} `{self.id}` alone {change}"
        n = len(self.rejected)
        size = f" ({n} statement{'s' if n != 1 else ''})"
        return f"rejecting {self.kind} `{self.id}` alone{size} {change}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "id": self.id,
            "before": self.before.value,
            "after": self.after.value,
            "rejected": list(self.rejected),
            "inferences": list(self.inferences),
        }
        if self.kind in ("preference", "rank"):
            stronger, _, weaker = self.id.partition(f" {OUTWEIGHS} ")
            out.update(stronger=stronger, weaker=weaker, written=self.written)
        if self.ranks is not None:
            out["ranks"] = {"stronger": self.ranks[0].to_dict(), "weaker": self.ranks[1].to_dict()}
        return out


#: Preferred and stable critical points evaluate the whole map once per
#: candidate; above this many candidates they are refused with a clear message.
MAX_FULL_CANDIDATES = 400

Candidate = tuple[str, str, tuple[str, ...], tuple[int, ...]]  # kind, id, statement ids, inference positions
#: Preferred and stable critical points, and preference reversals, evaluate the map once per try; above
#: this many preferences worth reversing for one statement they are refused with a clear message.
MAX_REVERSALS = 400


def critical(ev: Evaluation, subject: str) -> tuple[CriticalPoint, ...]:
    """The critical points of one statement, ranked (see :meth:`Evaluation.critical`)."""
    before = ev.statement_status[subject]
    found: list[CriticalPoint] = []
    tries = _grounded_tries(ev, subject) if ev.semantics == "grounded" else _full_tries(ev, subject)
    for (kind, ident, statements, positions), after in tries:
        if after is not before:
            keys = tuple(index(ev.map).inferences[p].key for p in positions)
            found.append(CriticalPoint(subject, kind, ident, before, after, statements, keys))
    found += _reversals(ev, subject, before)
    found += _rank_reversals(ev, subject, before)
    found.sort(key=_rank)
    return tuple(found)


def _rank(point: CriticalPoint) -> tuple[int, int, int, str]:
    impact = abs(_VALUE[point.after] - _VALUE[point.before])
    size = len(point.rejected) + len(point.inferences) or 1  # a preference reversed counts as one element
    return (-impact, size, _KIND_ORDER[point.kind], point.id)


def _candidates(
    ev: Evaluation, subject: str, keep: set[str] | None, keep_rules: set[int] | None = None
) -> list[Candidate]:
    """Statements, inferences, then actors and sources, with what rejecting each sets aside.

    ``keep`` and ``keep_rules`` limit the single statements and inferences
    tried (None: all). Statements and inferences that are assumed or already
    rejected in the what-if, and the subject itself, are never set aside. An
    inference is named by its key, the one spelling ``--reject`` also takes.
    """
    ix = index(ev.map)
    scenario = ev.scenario
    fixed = scenario.assumed | scenario.rejected | {subject}
    usable = [s for s in ix.statements if s not in fixed]
    out: list[Candidate] = [("statement", s, (s,), ()) for s in usable if keep is None or s in keep]
    forced_rules = scenario.assumed_rules | scenario.rejected_rules
    first: dict[str, int] = {}
    for position, inf in enumerate(ix.inferences):
        first.setdefault(inf.key, position)
    for key, position in first.items():
        if position not in forced_rules and (keep_rules is None or position in keep_rules):
            out.append(("inference", key, (), (position,)))
    parties: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sid in usable:
        st = ix.statements[sid]
        if st.by is not None and st.by in ix.actors:
            parties["actor", st.by].append(sid)
        if st.source is not None and st.source in ix.sources:
            parties["source", st.source].append(sid)
    rules: dict[str, list[int]] = defaultdict(list)
    for position, inf in enumerate(ix.inferences):
        if inf.by in ix.actors and position not in scenario.assumed_rules | scenario.rejected_rules:
            rules[inf.by].append(position)
    for (kind, ident), statements in sorted(parties.items()):
        out.append((kind, ident, tuple(statements), tuple(rules.pop(ident, ())) if kind == "actor" else ()))
    for ident, positions in sorted(rules.items()):
        out.append(("actor", ident, (), tuple(positions)))
    return out


def cached_solver(ev: Evaluation) -> Solver:
    """A grounded solver for the evaluation's graph, made once and kept with the evaluation."""
    solver = ev.cache.get("solver")
    if not isinstance(solver, Solver):
        solver = ev.cache["solver"] = Solver(ev.graph)
    return solver


def _grounded_tries(ev: Evaluation, subject: str) -> list[tuple[Candidate, Status]]:
    """Each candidate's effect, solved only where it can matter."""
    g = ev.graph
    solver = cached_solver(ev)
    label = list(ev.labels)
    target = g.statement[subject]
    cone = _reach([target], g.inputs, None)
    keep = {s for s in g.statement if any(label[v] != OUT for v in _forced(ev, (s,), ()) if v in cone)}
    keep_rules = {p for p in range(len(g.rule)) if any(label[v] != OUT for v in _forced(ev, (), (p,)) if v in cone)}
    effects = _Effects(solver, label, cone, target)
    results = []
    for candidate in _candidates(ev, subject, keep, keep_rules):
        _, _, statements, positions = candidate
        forced = [v for v in _forced(ev, statements, positions) if v in cone and label[v] != OUT]
        if not forced:
            continue
        if len(forced) == 1:
            after = effects.of(forced[0], OUT)
        else:
            after = _solve_with(solver, label, forced, OUT, cone, target)
        results.append((candidate, _STATUS[after]))
    return results


def _forced(ev: Evaluation, statements: tuple[str, ...], positions: tuple[int, ...]) -> list[int]:
    """The nodes that rejecting these statements and inferences sets OUT."""
    g = ev.graph
    args = ev.arguments
    if args is not None:  # the own assumption of each argument for them
        by_statement, by_rule = args.rejecting()
        out = [v for s in statements for v in by_statement.get(s, ())]
        return out + [v for p in positions for v in by_rule.get(p, ())]
    return [g.statement[s] for s in statements] + [g.rule[p] for p in positions]


class _Effects:
    """What setting one node to a label does to the target, remembered along chains.

    A node with a single output in the cone, where that output lies on no
    circle, changes the target only through that output, whose new label
    follows from its inputs alone. So the effect of a change is followed from
    node to node, and every step remembered: along a chain of ``n`` undercuts
    the ``n`` candidates cost ``n`` steps in all, not ``n²``. Anywhere else
    the region between the node and the target is solved again.
    """

    def __init__(self, solver: Solver, label: list[int], cone: set[int], target: int) -> None:
        self.solver, self.label, self.cone, self.target = solver, label, cone, target
        g = solver.g
        cyclic = _on_circles(g, cone)
        self.next: dict[int, int] = {}
        for v in cone:
            outs = {w for w in g.outputs[v] if w in cone}
            if len(outs) == 1:
                (w,) = outs
                if w not in cyclic:
                    self.next[v] = w
        self.memo: dict[tuple[int, int], int] = {}

    def of(self, v: int, value: int) -> int:
        """The target's label once node ``v`` is set to ``value``."""
        label, target, g = self.label, self.target, self.solver.g
        path: list[tuple[int, int]] = []
        while True:
            found = self.memo.get((v, value))
            if found is not None:
                break
            if value == label[v]:
                found = label[target]
                break
            if v == target:
                found = value
                break
            w = self.next.get(v)
            if w is None:
                found = _solve_with(self.solver, label, [v], value, self.cone, target)
                break
            path.append((v, value))
            ins = outs = 0
            for u in g.inputs[w]:
                lu = value if u == v else label[u]
                if lu == IN:
                    ins += 1
                elif lu == OUT:
                    outs += 1
            v, value = w, _decide(g.kind[w], ins, outs, len(g.inputs[w]))
        for key in path:
            self.memo[key] = found
        return found


def _on_circles(g: Graph, cone: set[int]) -> set[int]:
    """The nodes of the cone that lie on a circle within it (Kahn's algorithm leaves them and what follows)."""
    indegree = {v: sum(1 for u in g.inputs[v] if u in cone) for v in cone}
    queue = [v for v, d in indegree.items() if d == 0]
    while queue:
        v = queue.pop()
        for w in g.outputs[v]:
            if w in indegree:
                indegree[w] -= 1
                if indegree[w] == 0:
                    queue.append(w)
    return {v for v, d in indegree.items() if d > 0}


def _solve_with(solver: Solver, label: list[int], forced: list[int], value: int, cone: set[int], target: int) -> int:
    """The target's label once ``forced`` nodes are set to ``value``; ``label`` is left as it was."""
    region = _reach(forced, solver.g.outputs, cone)
    saved = [(v, label[v]) for v in region]
    for v in region:
        label[v] = UNDEC
    fixed = set(forced)
    for v in fixed:
        label[v] = value
    solver.solve(label, [v for v in region if v not in fixed])
    after = label[target]
    for v, lab in saved:
        label[v] = lab
    return after


def _reach(starts: list[int], edges: list[list[int]], within: set[int] | None) -> set[int]:
    """Nodes reachable from ``starts`` along ``edges``, staying ``within`` a set."""
    seen = set(starts)
    todo = list(starts)
    while todo:
        for w in edges[todo.pop()]:
            if w not in seen and (within is None or w in within):
                seen.add(w)
                todo.append(w)
    return seen


def _full_tries(ev: Evaluation, subject: str) -> list[tuple[Candidate, Status]]:
    """Each candidate's effect, by evaluating the map again with it rejected."""
    scenario = ev.scenario
    results = []
    candidates = _candidates(ev, subject, None)
    if len(candidates) > MAX_FULL_CANDIDATES:
        raise EvaluationTooLarge(
            f"critical points under {ev.semantics} semantics{' with preferences' if ev.graph.weighed else ''} "
            "evaluate the map again for each of its "
            f"{len(candidates):,} statements, actors and sources (at most {MAX_FULL_CANDIDATES:,})",
            "use --semantics grounded for the critical points of a map this large",
        )
    for candidate in candidates:
        _, _, statements, positions = candidate
        what_if = evolve(
            scenario,
            rejected=scenario.rejected | set(statements),
            rejected_rules=scenario.rejected_rules | set(positions),
        )
        results.append((candidate, ev.under(what_if).statement_status[subject]))
    return results


def _reversals(ev: Evaluation, subject: str, before: Status) -> list[CriticalPoint]:
    """The preferences (``outweighs`` lines and ``--prefer`` pairs) whose reversal alone changes ``subject``.

    A reversal changes statuses only by changing which attacks defeat. So
    each preference is first read reversed and the attacks compared again
    (under grounded semantics only those on arguments ``subject`` depends
    on, a stopped attack included); only where some attack changes is the
    map evaluated again.
    """
    g = ev.graph
    args = ev.arguments
    if not g.weighed or args is None or args.compared is None:
        return []
    order = args.compared.order  # the order the evaluation weighed by (any reversal of the what-if applied)
    changed = _changed_defeats(ev, args, order)
    cone = weighed_cone(ev, subject)
    if cone is not None:  # directional: only what the subject depends on can change it
        tries = [w for w in order.written if any(v in cone for v in changed.get(w.side, ()))]
    else:
        tries = [w for w in order.written if changed.get(w.side)]
    if len(tries) > MAX_REVERSALS:
        raise EvaluationTooLarge(
            f"critical points of `{subject}` would evaluate the map again for each of {len(tries):,} preferences "
            f"(at most {MAX_REVERSALS:,})",
            "leave out --critical, or settle some conflicts with --assume or --reject",
        )
    evaluated: dict[int, Mapping[str, Status]] = ev.cache.setdefault("reversed evaluations", {})
    found = []
    for w in tries:
        if w.side not in evaluated:  # the statuses only (not the whole evaluation), shared by every thesis
            evaluated[w.side] = ev.under(evolve(ev.scenario, reversed=ev.scenario.reversed | {w.side})).statement_status
        after = evaluated[w.side][subject]
        if after is not before:
            ident = f"{order.name(w.stronger)} {OUTWEIGHS} {order.name(w.weaker)}"
            where = str(w.line.span) if w.line is not None and w.line.span is not None else None
            found.append(CriticalPoint(subject, "preference", ident, before, after, (), (), where))
    return found


def _rank_reversals(ev: Evaluation, subject: str, before: Status) -> list[CriticalPoint]:
    """The rank comparisons deciding an attack whose reversal alone changes ``subject`` (see :mod:`.rank_reversals`)."""
    args = ev.arguments
    if args is None or args.compared is None or not args.compared.order.rank:
        return []
    order = args.compared.order
    found = []
    for (stronger, weaker), after in reversals(ev, subject, weighed_cone(ev, subject), MAX_REVERSALS):
        ident = f"{order.name(stronger)} {OUTWEIGHS} {order.name(weaker)}"
        ranks = order.origin(stronger), order.origin(weaker)
        assert ranks[0] is not None and ranks[1] is not None
        found.append(CriticalPoint(subject, "rank", ident, before, after, (), (), None, (ranks[0], ranks[1])))
    return found


def _changed_defeats(ev: Evaluation, args: Arguments, order: Preferences) -> dict[int, set[int]]:
    """For each preference, the attacked arguments (their assumption nodes) whose defeat its reversal changes.

    Worked out once per evaluation, over every attack, and shared by the theses.
    """
    found = ev.cache.get("changed defeats")
    if isinstance(found, dict):
        return found
    old = args.compared
    assert old is not None
    found = {
        w.side: args.defeats_changed(old.order.reversing(w.side))
        for w in order.written
        if w.side not in ev.scenario.reversed
    }
    ev.cache["changed defeats"] = found
    return found
