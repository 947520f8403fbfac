"""What if every unasked critical question were asked? ``--doubt-open-questions``.

An exception or assumption question that nobody raised or answered is taken
as raised and left unanswered, so the inference it belongs to does not hold
(premise questions are left alone: the premises are in the map, and their own
attacks already count). Comparing with the map as written shows which
statements stand only because nobody asked.

This is the doubter's reading. In Carneades an unanswered *assumption*
question defeats the argument, while an *exception* counts only once backed;
here both count, so the list is the widest set of conclusions that depend on
questions not yet asked, not a verdict that they fail.

Example:
    >>> import argmap
    >>> m = argmap.loads('''thesis t "T"  claim c "C" { tags: [expertise] }
    ... argument a: c => t { scheme: sign }''')
    >>> stand_only_unasked(m)
    ['t']
"""

from __future__ import annotations

from attrs import evolve

from argmap.evaluation.evaluator import evaluate_scenario
from argmap.evaluation.status import Status
from argmap.evaluation.whatif import Scenario, resolve
from argmap.model import ArgumentMap
from argmap.model.index import index
from argmap.model.questions import questions

#: The question types that doubting open questions takes as raised.
DOUBTED = ("exception", "assumption")


def doubted(m: ArgumentMap, scenario: Scenario) -> Scenario:
    """``scenario`` with every inference that has an open exception or assumption question rejected.

    An inference the scenario assumes stays assumed.
    """
    positions = {id(inf): n for n, inf in enumerate(index(m).inferences)}
    rejected = set(scenario.rejected_rules)
    why = dict(scenario.why)
    for iq in questions(m):
        open_keys = [q.question.key for q in iq.open() if q.question.type in DOUBTED]
        position = positions[id(iq.inference)]
        if open_keys and position not in scenario.assumed_rules:
            rejected.add(position)
            why.setdefault(iq.inference.key, f"doubted: nobody asked {', '.join(open_keys)} ({iq.scheme.key})")
    return evolve(scenario, rejected_rules=frozenset(rejected), why=why)


def stand_only_unasked(
    m: ArgumentMap,
    semantics: str = "grounded",
    scenario: Scenario | None = None,
    ordering: str = "last-link",
    comparison: str = "elitist",
) -> list[str]:
    """Statements IN as the map is written (under ``scenario``) but not IN once open questions are doubted.

    Both evaluations weigh the map's preferences, and the scenario's
    ``prefer`` pairs, by ``ordering`` and ``comparison``.
    """
    base = scenario or resolve(m)
    before = evaluate_scenario(m, semantics, base, ordering, comparison)
    after = evaluate_scenario(m, semantics, doubted(m, base), ordering, comparison)
    return [
        sid
        for sid, status in before.statement_status.items()
        if status is Status.IN and after.statement_status[sid] is not Status.IN
    ]
