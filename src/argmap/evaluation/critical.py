"""Critical points: what a status rests on.

A *critical point* of a statement ``t`` is a statement, an actor or a source
whose rejection alone changes the status of ``t``: a load-bearing premise,
an objection that alone brings ``t`` down, or a party on whose word ``t``
depends. Rejecting an actor rejects every statement and inference ``by``
it; rejecting a source rejects every statement it reports. ``t`` itself is
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
    rejecting actor `ann` alone (2 statements) makes `t` OUT (now IN)
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from argmap.evaluation.errors import EvaluationTooLarge
from argmap.evaluation.grounded import Solver
from argmap.evaluation.status import Status
from argmap.evaluation.theory import OUT, UNDEC
from argmap.model.index import index

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation

_VALUE = {Status.IN: 2, Status.UNDECIDED: 1, Status.OUT: 0}
_KIND_ORDER = {"statement": 0, "actor": 1, "source": 2}
_STATUS = (Status.UNDECIDED, Status.IN, Status.OUT)


@frozen
class CriticalPoint:
    """One statement, actor or source whose rejection alone changes a status.

    Attributes:
        subject: the statement whose status changes.
        kind: ``"statement"``, ``"actor"`` or ``"source"``.
        id: the id of the statement, actor or source.
        before: the subject's status as evaluated.
        after: its status once this point is rejected.
        rejected: the statement ids that the rejection sets aside.
        inferences: the keys of inferences it sets aside (those drawn ``by`` an actor).
    """

    subject: str
    kind: str
    id: str
    before: Status
    after: Status
    rejected: tuple[str, ...]
    inferences: tuple[str, ...] = ()

    def __str__(self) -> str:
        n = len(self.rejected)
        size = "" if self.kind == "statement" else f" ({n} statement{'s' if n != 1 else ''})"
        change = f"makes `{self.subject}` {self.after.name} (now {self.before.name})"
        return f"rejecting {self.kind} `{self.id}` alone{size} {change}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "kind": self.kind,
            "id": self.id,
            "before": self.before.value,
            "after": self.after.value,
            "rejected": list(self.rejected),
            "inferences": list(self.inferences),
        }


#: Preferred and stable critical points evaluate the whole map once per
#: candidate; above this many candidates they are refused with a clear message.
MAX_FULL_CANDIDATES = 400

Candidate = tuple[str, str, tuple[str, ...], tuple[int, ...]]  # kind, id, statement ids, inference positions


def critical(ev: Evaluation, subject: str) -> tuple[CriticalPoint, ...]:
    """The critical points of one statement, ranked (see :meth:`Evaluation.critical`)."""
    before = ev.statement_status[subject]
    found: list[CriticalPoint] = []
    fast = ev.semantics == "grounded" and not ev.graph.weighed  # statements and rules are nodes others rest on
    tries = _grounded_tries(ev, subject) if fast else _full_tries(ev, subject)
    for (kind, ident, statements, positions), after in tries:
        if after is not before:
            keys = tuple(index(ev.map).inferences[p].key for p in positions)
            found.append(CriticalPoint(subject, kind, ident, before, after, statements, keys))
    found.sort(key=_rank)
    return tuple(found)


def _rank(point: CriticalPoint) -> tuple[int, int, int, str]:
    impact = abs(_VALUE[point.after] - _VALUE[point.before])
    return (-impact, len(point.rejected) + len(point.inferences), _KIND_ORDER[point.kind], point.id)


def _candidates(ev: Evaluation, subject: str, keep: set[str] | None) -> list[Candidate]:
    """Statements, then actors and sources, with what rejecting each sets aside.

    ``keep`` limits the single statements tried (None: all). Statements that
    are assumed or already rejected in the what-if, and the subject itself,
    are never set aside.
    """
    ix = index(ev.map)
    scenario = ev.scenario
    fixed = scenario.assumed | scenario.rejected | {subject}
    usable = [s for s in ix.statements if s not in fixed]
    out: list[Candidate] = [("statement", s, (s,), ()) for s in usable if keep is None or s in keep]
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


def _grounded_tries(ev: Evaluation, subject: str) -> list[tuple[Candidate, Status]]:
    """Each candidate's effect, solved only where it can matter."""
    g = ev.graph
    solver = ev.cache.get("solver")
    if not isinstance(solver, Solver):
        solver = ev.cache["solver"] = Solver(g)
    label = list(ev.labels)
    target = g.statement[subject]
    cone = _reach([target], g.inputs, None)
    keep = {s for s, node in g.statement.items() if node in cone and label[node] != OUT}
    results = []
    for candidate in _candidates(ev, subject, keep):
        _, _, statements, positions = candidate
        forced = [g.statement[s] for s in statements] + [g.rule[p] for p in positions]
        forced = [v for v in forced if v in cone and label[v] != OUT]
        if not forced:
            continue
        results.append((candidate, _STATUS[_solve_without(solver, label, forced, cone, target)]))
    return results


def _solve_without(solver: Solver, label: list[int], forced: list[int], cone: set[int], target: int) -> int:
    """The target's label once ``forced`` nodes are OUT; ``label`` is left as it was."""
    region = _reach(forced, solver.g.outputs, cone)
    saved = [(v, label[v]) for v in region]
    for v in region:
        label[v] = UNDEC
    fixed = set(forced)
    for v in fixed:
        label[v] = OUT
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
