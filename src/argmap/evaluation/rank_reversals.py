"""Rank comparisons that decide attacks, and what reversing one of them does.

With ranks, whether an attack by argument ``A`` on argument ``B`` defeats
can rest on a comparison of two ranked elements, one link of each (see
:mod:`.arguments`): ``B``'s inference has rank 2 and the premise ``A`` rests
on rank 1, so the attack fails. Such a pair is a *deciding comparison*, written
``stronger outweighs weaker``:

- for an attack that the order stops: a link ``x`` of the attacker strictly
  below a link ``y`` of the attacked argument by their ranks, where ``x`` is a
  link the comparison turns on (elitist: ``x`` is below every link of the
  attacked argument; democratic: any link of the attacker);
- for an attack that defeats although the order weighs it: a link of the
  attacked argument strictly below a link of the attacker by their ranks.

Only these pairs are collected, once per evaluation, from the attacks the
evaluation compared; pairs of ranked elements that decide nothing are never
tried.

**Reversing one** reads the order as ``--prefer weaker stronger`` would. The
order is a preorder in which ranks form a chain, so ``weaker`` outweighing
``stronger`` against their ranks ties the two, and every rank between them:
the reversal stops ``stronger`` from strictly outweighing ``weaker``. An
element with a rank always belongs to its rank's class of equal elements, so
the reversed order depends only on the two classes: every deciding
comparison between the same two classes gives the same evaluation. The map
is therefore evaluated again at most once per pair of classes that some
deciding comparison joins (at most ``L²`` times for ``L`` distinct ranks,
shared by every thesis), and not at all for a pair whose reversal changes
no attack.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... source lab "Lab" { rank: 2 }
    ... thesis t "T"  evidence e "E" { source: lab }  objection o "O"
    ... argument r: e => t
    ... attack x: o => e { rank: 1 }
    ... ''')
    >>> ev = argmap.evaluate(m)
    >>> [(pair, after.name) for pair, after in reversals(ev, "t")]
    [(('e', 1), 'OUT')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

from attrs import evolve

from argmap.evaluation.errors import EvaluationTooLarge
from argmap.evaluation.preferences import Key, Preferences
from argmap.evaluation.status import Status
from argmap.evaluation.theory import _reach_all

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation

#: A deciding comparison: ``(stronger, weaker)``, each an inference's position or a statement's id.
Pair = tuple[Key, Key]


def deciding(ev: Evaluation) -> dict[Pair, set[int]]:
    """Every deciding rank comparison of the evaluation, with the attacked arguments whose attacks it decides.

    The attacked arguments are given by their assumption nodes in the
    evaluation's graph. Worked out once per evaluation, over every attack
    compared, and shared by the theses.
    """
    found = ev.cache.get("rank comparisons")
    if isinstance(found, dict):
        return found
    found = defaultdict(set)
    args = ev.arguments
    if args is not None and args.compared is not None and args.compared.order.rank:
        links = args.compared
        order, rank = links.order, links.order.rank
        ranked: dict[int, list[Key]] = {}

        def ranked_links(a: int) -> list[Key]:
            got = ranked.get(a)
            if got is None:
                got = ranked[a] = [k for k in args.elements(a) if k in rank]
            return got

        for a, b in args.attacks:
            if not ranked_links(a) or not ranked_links(b):
                continue
            if links.weaker(args.links[a], args.links[b]):
                pairs = _stopping(order, ranked_links(a), args.elements(b), rank, links.elitist)
            else:
                pairs = [(x, y) for x in ranked_links(a) for y in ranked_links(b) if order.weaker(y, x)]
            for pair in pairs:
                found[pair].add(args.own[b])
    ev.cache["rank comparisons"] = found = dict(found)
    return found


def _stopping(
    order: Preferences, attacker: list[Key], attacked: list[Key], rank: dict[Key, int], elitist: bool
) -> list[Pair]:
    """The ranked pairs ``(y, x)`` by which a ranked link ``x`` of the attacker is below a link ``y`` of the
    attacked argument, for the links ``x`` the comparison turns on."""
    pairs = []
    for x in attacker:
        above = [y for y in attacked if order.weaker(x, y)]
        if elitist and len(above) < len(attacked):
            continue  # not below every link of the attacked argument: not what makes the attacker weaker
        pairs += [(y, x) for y in above if y in rank]
    return pairs


def candidates(ev: Evaluation, subject: str, cone: set[int] | None) -> list[Pair]:
    """The deciding comparisons worth reversing for ``subject``: under grounded semantics, those deciding an attack
    on an argument in ``cone`` (what the subject depends on); under the others, all. In a fixed order."""
    found = [pair for pair, nodes in deciding(ev).items() if cone is None or not nodes.isdisjoint(cone)]
    return sorted(found, key=lambda pair: (str(type(pair[0])), str(pair[0]), str(type(pair[1])), str(pair[1])))


def reversals(
    ev: Evaluation, subject: str, cone: set[int] | None = None, limit: int = 400
) -> list[tuple[Pair, Status]]:
    """Each deciding comparison whose reversal alone changes ``subject``, with the subject's status once
    reversed (see :func:`reversed_status`).

    Raises:
        EvaluationTooLarge: the comparisons tried join more than ``limit`` pairs of classes (each pair may cost
            an evaluation of the map).
    """
    found = []
    tried = candidates(ev, subject, cone)
    if tried:
        order = _order(ev)
        joined = {(order.cls(stronger), order.cls(weaker)) for stronger, weaker in tried}
        if len(joined) > limit:
            raise EvaluationTooLarge(
                f"critical points of `{subject}` would evaluate the map again for each of {len(joined):,} pairs "
                f"of ranks (at most {limit:,})",
                "leave out --critical, or use fewer distinct ranks",
            )
    for pair in tried:
        after = reversed_status(ev, pair, subject, cone)
        if after is not ev.statement_status[subject]:
            found.append((pair, after))
    return found


def reversed_status(ev: Evaluation, pair: Pair, subject: str, cone: set[int] | None = None) -> Status:
    """The subject's status with one deciding comparison reversed (as ``--prefer weaker stronger``).

    A reversal that changes no attack on an argument in ``cone`` (any
    attack, when ``cone`` is None) leaves the status as it is, without
    evaluating again; otherwise the evaluation of the reversed order is
    made once per pair of classes and shared.
    """
    args = ev.arguments
    assert args is not None
    order = _order(ev)
    stronger, weaker = pair
    classes = (order.cls(stronger), order.cls(weaker))
    changed: dict[tuple[int, int], set[int]] = ev.cache.setdefault("rank reversal changes", {})
    if classes not in changed:
        changed[classes] = args.defeats_changed(order.adding(weaker, stronger))
    if not changed[classes] or (cone is not None and changed[classes].isdisjoint(cone)):
        return ev.statement_status[subject]
    evaluated: dict[tuple[int, int], Mapping[str, Status]] = ev.cache.setdefault("rank reversal evaluations", {})
    if classes not in evaluated:
        what_if = evolve(ev.scenario, prefer=(*ev.scenario.prefer, (order.name(weaker), order.name(stronger))))
        evaluated[classes] = ev.under(what_if).statement_status  # the statuses only, shared by every thesis
    return evaluated[classes][subject]


def _order(ev: Evaluation) -> Preferences:
    """The preference order the evaluation weighed its attacks by."""
    args = ev.arguments
    assert args is not None and args.compared is not None
    return args.compared.order


def weighed_cone(ev: Evaluation, subject: str) -> set[int] | None:
    """Under grounded semantics, the nodes ``subject`` depends on, stopped attacks included; otherwise None."""
    if ev.semantics != "grounded":
        return None
    g = ev.graph
    cones: dict[str, set[int]] = ev.cache.setdefault("weighed cones", {})
    if subject not in cones:
        inputs = ev.cache.get("weighed inputs")
        if not isinstance(inputs, list):
            inputs = ev.cache["weighed inputs"] = [[*ins, *g.blocked.get(v, ())] for v, ins in enumerate(g.inputs)]
        cones[subject] = _reach_all([g.statement[subject]], inputs.__getitem__)
    return cones[subject]


def evaluations(ev: Evaluation) -> int:
    """How many times reversing rank comparisons has evaluated the map again so far."""
    return len(ev.cache.get("rank reversal evaluations", {}))
