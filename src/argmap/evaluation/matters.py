"""Which open critical questions matter: those whose raising alone would change a status.

An open exception or assumption question, raised and left unanswered, sets
its inference aside, as ``--doubt-open-questions`` does for all of them at
once. Here each inference with such questions is set aside alone, under the
same semantics, what-if and preference settings as the evaluation, and the
statuses are compared with the map as written. Every open exception or
assumption question of one inference has the same effect, so they are
reported together. Premise questions are left out, as the doubt leaves them:
a premise is asked about by attacking it, and ``evaluate --critical`` already
names the premises a thesis rests on.

Example:
    >>> import argmap
    >>> m = argmap.loads('''thesis t "T"  evidence e "E"
    ... argument a: e => t { scheme: sign }''')
    >>> (found,) = questions_that_matter(m)
    >>> [q.question.key for q in found.questions], [str(c) for c in found.changes]
    (['strength', 'other_events'], ['IN → OUT: t'])
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import evolve, frozen

from argmap.evaluation.critical import cached_solver
from argmap.evaluation.doubt import DOUBTED, stand_only_unasked
from argmap.evaluation.evaluator import Evaluation, evaluate, evaluate_scenario
from argmap.evaluation.status import Status
from argmap.evaluation.theory import OUT, UNDEC, _reach_all
from argmap.evaluation.whatif import Scenario, resolve
from argmap.model import ArgumentMap, Inference, StatementKind
from argmap.model.index import index
from argmap.model.questions import QuestionState, questions
from argmap.schemes import Scheme


@frozen
class Change:
    """One statement whose status would change: what it is, and what it would be."""

    statement: str
    before: Status
    after: Status
    thesis: bool = False

    def __str__(self) -> str:
        return f"{self.before.name} → {self.after.name}: {self.statement}"


@frozen
class Impact:
    """An inference's open exception and assumption questions, and what raising any one of them changes.

    Attributes:
        inference: the inference the questions are about.
        scheme: its scheme.
        questions: its open exception and assumption questions, in the scheme's order.
        changes: the statements whose status would change: theses first, then in map order.
    """

    inference: Inference
    scheme: Scheme
    questions: tuple[QuestionState, ...]
    changes: tuple[Change, ...]

    def theses(self) -> tuple[Change, ...]:
        """The changes of theses."""
        return tuple(c for c in self.changes if c.thesis)


def questions_that_matter(
    m: ArgumentMap,
    semantics: str = "grounded",
    assume: Iterable[str] = (),
    reject: Iterable[str] = (),
    distrust: Iterable[str] = (),
    *,
    ordering: str = "last-link",
    comparison: str = "elitist",
    prefer: Iterable[tuple[str, str]] = (),
) -> list[Impact]:
    """The open exception and assumption questions whose raising alone would change some statement's status.

    The arguments are those of :func:`argmap.evaluate`. An inference the
    what-if assumes or rejects is left alone (raising a question changes
    nothing there). Sorted by how much changes: most theses first, then most
    statements, then in map order. Under grounded semantics without
    preferences each inference costs the size of what depends on it; under
    the others, or with preferences, one evaluation of the map.

    Raises:
        EvaluationError: as :func:`argmap.evaluate`.
        EvaluationTooLarge: as :func:`argmap.evaluate`.
    """
    ev = evaluate(m, semantics, assume, reject, distrust, ordering=ordering, comparison=comparison, prefer=prefer)
    return impacts(ev)


def impacts(ev: Evaluation) -> list[Impact]:
    """:func:`questions_that_matter` for a map already evaluated (its semantics, what-if and preferences)."""
    scenario = ev.scenario
    positions = {id(inf): n for n, inf in enumerate(index(ev.map).inferences)}
    theses = {s.id for s in ev.map.statements() if s.kind is StatementKind.THESIS}
    found: list[tuple[int, Impact]] = []
    for iq in questions(ev.map):
        position = positions[id(iq.inference)]
        asked = tuple(q for q in iq.open() if q.question.type in DOUBTED)
        if not asked or position in scenario.assumed_rules | scenario.rejected_rules:
            continue
        after = _without(ev, position)
        changes = [Change(sid, ev.statement_status[sid], status, sid in theses) for sid, status in after.items()]
        if changes:
            changes.sort(key=lambda c: not c.thesis)
            found.append((position, Impact(iq.inference, iq.scheme, asked, tuple(changes))))
    found.sort(key=lambda pair: (-len(pair[1].theses()), -len(pair[1].changes), pair[0]))
    return [impact for _, impact in found]


def _without(ev: Evaluation, position: int) -> dict[str, Status]:
    """The statements whose status changes once the inference at ``position`` is set aside, with their new status.

    Under grounded semantics without preferences only what depends on the
    inference can change, so only that region is solved again (as
    :mod:`.critical` does); otherwise the map is evaluated again.
    """
    g = ev.graph
    if ev.semantics != "grounded" or g.weighed:
        what_if = evolve(ev.scenario, rejected_rules=ev.scenario.rejected_rules | {position})
        after = ev.under(what_if).statement_status
        return {sid: after[sid] for sid, status in ev.statement_status.items() if after[sid] is not status}
    solver = cached_solver(ev)
    rule = g.rule[position]
    if ev.labels[rule] == OUT:
        return {}  # already set aside: nothing depends on it holding
    region = _reach_all([rule], g.outputs.__getitem__)  # the rule and everything that depends on it
    label = list(ev.labels)
    for v in region:
        label[v] = UNDEC
    label[rule] = OUT
    solver.solve(label, [v for v in region if v != rule])
    statuses = (Status.UNDECIDED, Status.IN, Status.OUT)
    return {
        sid: statuses[label[node]]
        for sid, node in g.statement.items()
        if node in region and label[node] != ev.labels[node]
    }


def only_together(ev: Evaluation, found: list[Impact]) -> list[str]:
    """Statements that stand only because nobody asked, though no one question alone brings them down.

    ``--doubt-open-questions`` raises every open question at once; a
    statement with two reasons, each with open questions, falls only when
    both are asked. These are the statements it names that ``found`` (the
    :func:`impacts` of ``ev``) does not take from IN, in map order.
    """
    alone = {c.statement for i in found for c in i.changes if c.before is Status.IN}
    unasked = stand_only_unasked(ev.map, ev.semantics, ev.scenario, ev.ordering, ev.comparison)
    return [sid for sid in unasked if sid not in alone]


def critical_questions(
    m: ArgumentMap,
    semantics: str = "grounded",
    scenario: Scenario | None = None,
    ordering: str = "last-link",
    comparison: str = "elitist",
) -> dict[str, list[tuple[str, str]]]:
    """For each thesis, the open exception or assumption questions whose raising alone changes its status.

    The theses' part of :func:`impacts`, for ``evaluate --doubt-open-questions
    --critical``. Returns ``{thesis id: [(inference key, question key), ...]}``
    in map order, with every thesis, even those no question can move.
    Preferences are weighed as in :func:`~argmap.evaluation.doubt.stand_only_unasked`.
    """
    ev = evaluate_scenario(m, semantics, scenario or resolve(m), ordering, comparison)
    out: dict[str, list[tuple[str, str]]] = {s.id: [] for s in m.statements() if s.kind is StatementKind.THESIS}
    positions = {id(inf): n for n, inf in enumerate(index(m).inferences)}
    for impact in sorted(impacts(ev), key=lambda i: positions[id(i.inference)]):
        for change in impact.theses():
            out[change.statement] += [(impact.inference.key, q.question.key) for q in impact.questions]
    return out
