"""Evaluation: which statements and inferences stand, fall, or stay open.

A map is read as an ASPIC+ argumentation theory without preferences (see
``docs/evaluation.md``): statements that nothing concludes are premises taken
as given, every inference is a defeasible rule, attacks rebut or undermine,
undercuts deny that an inference applies, contradictions are symmetric, and
every attack succeeds. Each statement and inference gets a
:class:`~argmap.evaluation.status.Status`: IN, OUT or UNDECIDED.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... thesis t "Tea is good for you."
    ... evidence e "Tea contains antioxidants."
    ... objection o "A cup holds too few antioxidants to matter."
    ... objection r "Several cups a day add up."
    ... argument health: e => t
    ... o undercuts health
    ... r attacks o
    ... ''')
    >>> ev = argmap.evaluate(m)
    >>> ev.status("t"), ev.status("o"), ev.status("health")
    (<Status.IN: 'in'>, <Status.OUT: 'out'>, <Status.IN: 'in'>)
    >>> argmap.evaluate(m, reject=["r"]).status("t")
    <Status.OUT: 'out'>
    >>> print(ev.explain("t"))
    `t` is IN: it follows from `health`.
    - `health` is IN: its premise `e` is IN, and every undercut of it fails (`o`).
      - `e` is IN: taken as given, and nothing on the map speaks against it.
      - `o` is OUT: undermined by `r`.
        - `r` is IN: taken as given, and nothing on the map speaks against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from argmap.evaluation import SEMANTICS
from argmap.evaluation.arguments import COMPARISONS, ORDERINGS, Arguments, compile_arguments
from argmap.evaluation.errors import EvaluationError, EvaluationTooLarge
from argmap.evaluation.extensions import search
from argmap.evaluation.grounded import grounded
from argmap.evaluation.preferences import Preferences
from argmap.evaluation.status import Status
from argmap.evaluation.theory import Graph, compile_theory
from argmap.evaluation.whatif import Scenario, resolve
from argmap.gcpause import gc_paused
from argmap.model import ArgumentMap, StatementKind
from argmap.model.index import index
from argmap.suggest import did_you_mean

if TYPE_CHECKING:
    from argmap.evaluation.critical import CriticalPoint
    from argmap.evaluation.explain import Explanation

__all__ = ["SEMANTICS", "Evaluation", "EvaluationError", "EvaluationTooLarge", "evaluate"]


_STATUS = (Status.UNDECIDED, Status.IN, Status.OUT)


def evaluate(
    m: ArgumentMap,
    semantics: str = "grounded",
    assume: Iterable[str] = (),
    reject: Iterable[str] = (),
    distrust: Iterable[str] = (),
    *,
    ordering: str = "last-link",
    comparison: str = "elitist",
    prefer: Iterable[tuple[str, str]] = (),
) -> Evaluation:
    """Work out the status of every statement and inference of a map.

    Args:
        m: the map. A map with errors is evaluated as written; references
            that resolve to nothing are ignored (see ``docs/evaluation.md``).
        semantics: ``"grounded"`` (sceptical, always one answer, fast),
            ``"preferred"`` or ``"stable"`` (statuses are sceptical: IN or OUT
            in every extension; :meth:`Evaluation.credulous` says whether some
            extension accepts an element).
        assume: ids of statements or inferences to take as holding (IN).
        reject: ids of statements or inferences to take as failing (OUT).
        distrust: ids of actors or sources whose statements are rejected.
        ordering: how arguments are compared when the map has preferences:
            ``"last-link"`` (their last inferences or premises) or
            ``"weakest-link"`` (everything they use).
        comparison: how sets are compared: ``"elitist"`` or ``"democratic"``.
        prefer: ``(stronger, weaker)`` pairs of ids, preferences added as a what-if.

    Raises:
        EvaluationError: an unknown semantics, or a what-if id that is unknown
            or of the wrong kind.
        EvaluationTooLarge: preferred or stable semantics on a map whose
            undecided part is too large to search.
    """
    if semantics not in SEMANTICS:
        raise EvaluationError(f"unknown semantics `{semantics}`", f"choose one of {', '.join(SEMANTICS)}")
    if ordering not in ORDERINGS:
        raise EvaluationError(f"unknown ordering `{ordering}`", f"choose one of {', '.join(ORDERINGS)}")
    if comparison not in COMPARISONS:
        raise EvaluationError(f"unknown comparison `{comparison}`", f"choose one of {', '.join(COMPARISONS)}")
    scenario = resolve(m, assume, reject, distrust, prefer)
    return evaluate_scenario(m, semantics, scenario, ordering, comparison)


def evaluate_scenario(
    m: ArgumentMap, semantics: str, scenario: Scenario, ordering: str = "last-link", comparison: str = "elitist"
) -> Evaluation:
    """Evaluate a map under a what-if already resolved by :func:`~argmap.evaluation.whatif.resolve`.

    Raises:
        EvaluationTooLarge: as for :func:`evaluate`.
    """
    order = Preferences(index(m), scenario.prefer, scenario.reversed)
    with gc_paused():
        weighing = None
        if order:
            graph, weighing = compile_arguments(m, scenario, order, ordering, comparison)
        else:
            graph = compile_theory(m, scenario)
        labels = grounded(graph)
        count = 1
        credulous: list[bool] = []
        if semantics != "grounded":
            outcome = search(graph, labels, stable=semantics == "stable")
            labels, credulous, count = outcome.sceptical, outcome.credulous, outcome.count
    ix = index(m)
    statements = {sid: _STATUS[labels[node]] for sid, node in graph.statement.items()}
    inferences: dict[str, Status] = {}
    keys = [inf.key for inf in ix.inferences]
    for key, node in zip(keys, graph.rule, strict=True):
        inferences.setdefault(key, _STATUS[labels[node]])
    accepted = None
    if semantics != "grounded":
        found = [sid for sid, node in graph.statement.items() if credulous[node]]
        found += [key for key, node in zip(keys, graph.rule, strict=True) if credulous[node]]
        accepted = frozenset(found)
    return Evaluation(
        m, semantics, scenario, count, statements, inferences, accepted, graph, labels, ordering, comparison, weighing
    )


@frozen
class Evaluation:
    """The statuses of one map under one semantics and one what-if.

    Attributes:
        map: the map evaluated.
        semantics: ``"grounded"``, ``"preferred"`` or ``"stable"``.
        scenario: the what-if: what was assumed, rejected and distrusted.
        extensions: how many extensions the semantics has (1 for grounded;
            0 when no stable extension exists, and then every status is
            UNDECIDED).
        statement_status: the status of each statement, by id, in map order.
        inference_status: the status of each inference, by ``Inference.key``.
        accepted: ids and keys accepted in at least one extension (credulously);
            None for grounded semantics, where that is exactly what is IN.
        arguments: the arguments the map's preferences were weighed on (which
            preference decided an attack); None when the map has none.
    """

    map: ArgumentMap = field(eq=False, repr=False)
    semantics: str
    scenario: Scenario
    extensions: int
    statement_status: Mapping[str, Status]
    inference_status: Mapping[str, Status]
    accepted: frozenset[str] | None = field(repr=False)
    graph: Graph = field(eq=False, repr=False)
    labels: list[int] = field(eq=False, repr=False)
    ordering: str = "last-link"
    comparison: str = "elitist"
    arguments: Arguments | None = field(default=None, eq=False, repr=False)
    cache: dict[str, Any] = field(factory=dict, init=False, eq=False, repr=False)

    def status(self, ident: str) -> Status:
        """The status of a statement (by id) or an inference (by id or key).

        Raises:
            EvaluationError: no statement or inference has that id.
        """
        found = self.statement_status.get(ident) or self.inference_status.get(self.key(ident))
        if found is None:
            raise self._unknown(ident)
        return found

    def key(self, ident: str) -> str:
        """A statement id as it is; an inference's id, key or alias as its key (:attr:`Inference.key`)."""
        if ident in self.statement_status:
            return ident
        found = index(self.map).inference(ident)
        return found.key if found is not None else ident

    def credulous(self, ident: str) -> bool:
        """Whether some extension accepts the element (for grounded: whether it is IN)."""
        status = self.status(ident)
        return status is Status.IN if self.accepted is None else self.key(ident) in self.accepted

    def statuses(self) -> dict[str, Status]:
        """Every status, keyed by statement id and by ``Inference.key`` (for drawing)."""
        return {**self.statement_status, **self.inference_status}

    def theses(self) -> list[str]:
        """The ids of the map's theses, in order."""
        return [s.id for s in index(self.map).statements.values() if s.kind is StatementKind.THESIS]

    def counts(self) -> dict[Status, int]:
        """How many statements have each status."""
        found = dict.fromkeys(Status, 0)
        for status in self.statement_status.values():
            found[status] += 1
        return found

    def under(self, scenario: Scenario) -> Evaluation:
        """The same map evaluated again, under the same semantics, with another what-if.

        Raises:
            EvaluationTooLarge: as for :func:`evaluate`.
        """
        return evaluate_scenario(self.map, self.semantics, scenario, self.ordering, self.comparison)

    def explain(self, ident: str, depth: int = 4) -> Explanation:
        """Why an element has its status, as a tree of reasons (``str()`` gives text).

        Args:
            ident: a statement id, or an inference id or key.
            depth: how many levels of reasons to follow.

        Raises:
            EvaluationError: no statement or inference has that id.
        """
        from argmap.evaluation.explain import explain

        self.status(ident)
        return explain(self, self.key(ident), depth)

    def critical(self, thesis: str) -> tuple[CriticalPoint, ...]:
        """The statements, inferences, actors and sources whose rejection alone changes a status, and the
        preferences (``outweighs`` lines, ``--prefer`` pairs, rank comparisons that decided an attack) whose
        reversal alone changes it.

        Ranked: the largest change first (IN to OUT before IN to UNDECIDED),
        then the fewest statements rejected, then by kind and id. Works for
        any statement; meant for theses.

        Raises:
            EvaluationError: no statement has that id.
        """
        from argmap.evaluation.critical import critical

        if thesis not in self.statement_status:
            raise self._unknown(thesis, statements_only=True)
        cached: dict[str, tuple[CriticalPoint, ...]] = self.cache.setdefault("critical", {})
        if thesis not in cached:
            cached[thesis] = critical(self, thesis)
        return cached[thesis]

    def to_dict(self, critical: bool = False) -> dict[str, Any]:
        """The JSON form: semantics, what-if, every status, and each thesis explained."""
        from argmap.evaluation.summary import to_dict

        return to_dict(self, critical)

    def to_json(self, critical: bool = False) -> str:
        """:meth:`to_dict` as JSON text, one line per field and per statement or inference."""
        from argmap.evaluation.summary import dumps

        return dumps(self.to_dict(critical))

    def _unknown(self, ident: str, statements_only: bool = False) -> EvaluationError:
        pool = list(self.statement_status) if statements_only else [*self.statement_status, *index(self.map).named]
        what = "statement" if statements_only else "statement or inference"
        return EvaluationError(f"no {what} has the id `{ident}`", did_you_mean(ident, pool))
