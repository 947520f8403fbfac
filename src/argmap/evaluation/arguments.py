"""ASPIC+ with preferences: arguments built one by one, their defeats decided by the preference order.

With preferences, whether an attack succeeds depends on the two arguments
involved, not only on the conclusions, so the flat compilation of
:mod:`.theory` does not apply. This module builds the arguments themselves:

- every statement that no support concludes is a premise, read as a
  *defeasible fact* (a rule with no body, named after the statement), so
  that it can be ranked and preferred like an inference;
- every inference is a defeasible rule (an assumed one is strict); an
  argument applies a rule to one argument for each of its premises, and never
  concludes a statement it already uses below;
- an argument concluding ``-t`` (an attack) or a statement that contradicts
  ``t`` attacks every argument whose last step concludes ``t`` by a premise or
  a defeasible rule; the attack *defeats* unless the attacked argument is
  strictly preferred to the attacker; an undercut (``-r``) always defeats.

Arguments are compared by their **last link** (the last defeasible rules or
premises; the default) or their **weakest link** (every defeasible rule and
premise they use), with sets compared **elitist** (default) or
**democratic** (Modgil and Prakken 2013, definitions 19 to 21).

The result is a :class:`~argmap.evaluation.theory.Graph` of the usual three
node kinds, so the grounded solver and the extension search run unchanged:
each argument is an ``AND`` of its own defeat-free assumption (an ``ASM``
whose contraries are its defeaters) and of its sub-arguments; a statement is
the ``OR`` of the arguments for it, an inference the ``OR`` of the arguments
whose last rule it is. Its complete labellings are those of the abstract
framework of arguments and defeats.

The number of arguments can grow exponentially where linked premises have
several arguments each; :data:`MAX_ARGUMENTS` bounds it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import product

from argmap.evaluation import COMPARISONS as COMPARISONS
from argmap.evaluation import ORDERINGS as ORDERINGS
from argmap.evaluation.errors import EvaluationTooLarge
from argmap.evaluation.preferences import Key, Links, Preferences
from argmap.evaluation.theory import AND, ASM, OR, Graph, _contradicting, _support_has_circle
from argmap.evaluation.whatif import Scenario
from argmap.model import ArgumentMap, InferenceKind
from argmap.model.index import index

#: The most arguments built for one map.
MAX_ARGUMENTS = 2_000_000
PREMISE, AXIOM = -1, -2


class Arguments:
    """The arguments of a map: per argument its conclusion, last step, sub-arguments and links."""

    def __init__(self) -> None:
        self.conclusion: list[int] = []
        self.top: list[int] = []  # a rule position, PREMISE or AXIOM
        self.subs: list[tuple[int, ...]] = []
        self.attackable: list[bool] = []
        self.links: list[int] = []  # last link, or every link (weakest link): numbers of sets in ``Links``
        self.uses: list[frozenset[int]] = []  # statements concluded below (only with circles)

        #: Filled in by :func:`compile_arguments`: the node of argument 0 (argument ``a`` is node
        #: ``node + a``), the links and order compared, the statement ids by number, the ordering.
        self.node = 0
        self.compared: Links | None = None
        self.sids: list[str] = []
        self.weakest = False
        self.own: list[int] = []  # each argument's assumption node, -1 when nothing can attack it
        #: Every rebuttal, undermining or contradiction as ``(attacker, attacked)``, whether it defeats or not.
        self.attacks: list[tuple[int, int]] = []
        self._by_conclusion: dict[int, list[int]] | None = None
        self._number: dict[str, int] | None = None
        self._rejecting: tuple[dict[str, list[int]], dict[int, list[int]]] | None = None

    def __len__(self) -> int:
        return len(self.conclusion)

    def elements(self, a: int) -> list[Key]:
        """The links of argument ``a`` themselves (premise ids and inference positions), in a fixed order."""
        found: dict[Key, None] = {}
        todo = [a]
        while todo:
            b = todo.pop()
            top = self.top[b]
            if top == PREMISE:
                found[self.sids[self.conclusion[b]]] = None
                continue
            if top == AXIOM:
                continue
            if self.attackable[b]:
                found[top] = None
                if not self.weakest:
                    continue
            todo.extend(reversed(self.subs[b]))
        return list(found)

    def concluding(self, literal: int) -> list[int]:
        """The arguments for a literal: statement ``i``, ``n + i`` for its contrary, ``2n + p`` for an undercut."""
        if self._by_conclusion is None:
            self._by_conclusion = defaultdict(list)
            for a, c in enumerate(self.conclusion):
                self._by_conclusion[c].append(a)
        return self._by_conclusion.get(literal, [])

    def rejecting(self) -> tuple[dict[str, list[int]], dict[int, list[int]]]:
        """The nodes that rejecting a statement (by id) or an inference (by position) sets OUT.

        Those are the own assumptions of the attackable arguments for it (or,
        for an argument that nothing attacks, the argument itself).
        """
        if self._rejecting is None:
            statements: dict[str, list[int]] = defaultdict(list)
            rules: dict[int, list[int]] = defaultdict(list)
            n = len(self.sids)
            for a in range(len(self)):
                if self.attackable[a]:
                    c, top = self.conclusion[a], self.top[a]
                    v = self.own[a] if self.own[a] >= 0 else self.node + a
                    if c < n:
                        statements[self.sids[c]].append(v)
                    if top >= 0:
                        rules[top].append(v)
            self._rejecting = (dict(statements), dict(rules))
        return self._rejecting

    def defeats_changed(self, order: Preferences) -> set[int]:
        """The attacked arguments (their assumption nodes) whose defeat would change under another order.

        Every attack is compared again by the same ordering and comparison
        (the arguments do not depend on the order); an attack that ``order``
        would stop and one it would let through both count.
        """
        old = self.compared
        assert old is not None
        new = Links(order, old.elitist)
        number: dict[int, int] = {}

        def links(a: int) -> int:
            got = number.get(a)
            if got is None:
                got = number[a] = new.of(self.elements(a))
            return got

        weighed_before, weighed_after = bool(old.order), bool(order)
        return {
            self.own[b]
            for a, b in self.attacks
            if (weighed_before and old.weaker(self.links[a], self.links[b]))
            != (weighed_after and new.weaker(links(a), links(b)))
        }

    def number(self, sid: str) -> int:
        """A statement's number among the literals."""
        if self._number is None:
            self._number = {s: i for i, s in enumerate(self.sids)}
        return self._number[sid]


def compile_arguments(
    m: ArgumentMap, scenario: Scenario, order: Preferences, ordering: str, comparison: str
) -> tuple[Graph, Arguments]:
    """Build every argument and defeat, and wire them into a labelling graph."""
    ix = index(m)
    sids = list(ix.statements)
    number = {sid: i for i, sid in enumerate(sids)}
    n = len(sids)
    concluded = ix.concluded()
    weakest = ordering == "weakest-link"
    links = Links(order, comparison == "elitist")
    args = _build(m, scenario, number, concluded, weakest, links)
    args.compared, args.sids, args.weakest = links, sids, weakest
    g = Graph()
    g.weighed = True
    first_statement = g.add_nodes([OR] * n)
    g.statement = dict(zip(sids, range(first_statement, first_statement + n), strict=True))
    first = g.add_nodes([OR] * len(ix.inferences))
    g.rule = list(range(first, len(g)))
    g.applicability = [-1] * len(ix.inferences)
    node = args.node = g.add_nodes([AND] * len(args))
    contradicting = _contradicting(ix)
    own = args.own = _own_assumptions(g, args, n, {number[sid] for sid in contradicting})
    inputs, outputs, statement_node, rule_node = g.inputs, g.outputs, first_statement, g.rule
    for a, (subs, c, top, mine) in enumerate(zip(args.subs, args.conclusion, args.top, own, strict=True)):
        v = node + a
        ins = inputs[v]
        if mine >= 0:
            ins.append(mine)
            outputs[mine].append(v)
        for s in subs:
            ins.append(node + s)
            outputs[node + s].append(v)
        if 0 <= c < n:
            outputs[v].append(statement_node + c)
            inputs[statement_node + c].append(v)
        if top >= 0:
            outputs[v].append(rule_node[top])
            inputs[rule_node[top]].append(v)
    _defeats(g, args, own, node, n, contradicting, number, links)
    return g, args


def _own_assumptions(g: Graph, args: Arguments, n: int, contradicted: set[int]) -> list[int]:
    """An assumption node for each argument that something can defeat (-1 for the others).

    An argument is defeasible when its last step is a premise or a defeasible
    rule, but only needs an assumption when some argument concludes the
    contrary of its conclusion, contradicts it, or undercuts its last rule:
    most premises and inferences of a map are never attacked, and leaving
    their assumptions out keeps the graph near the size of the flat one.
    """
    attacked = set(contradicted)
    undercut: set[int] = set()
    for c in set(args.conclusion):
        if n <= c < 2 * n:
            attacked.add(c - n)
        elif c >= 2 * n:
            undercut.add(c - 2 * n)
    own = [-1] * len(args)
    for a in range(len(args)):
        if args.attackable[a] and (args.conclusion[a] in attacked or args.top[a] in undercut):
            own[a] = g.add(ASM)
    return own


def _build(
    m: ArgumentMap, scenario: Scenario, number: dict[str, int], concluded: set[str], weakest: bool, links: Links
) -> Arguments:
    ix = index(m)
    n = len(number)
    args = Arguments()
    by_conclusion: dict[int, list[int]] = defaultdict(list)
    circles = _support_has_circle(ix, concluded)  # type: ignore[arg-type]
    named: dict[str, int] = {}
    for p, inf in enumerate(ix.inferences):
        if inf.id is not None:
            named.setdefault(inf.id, p)
    rules: list[tuple[int, list[int], int]] = []  # position, premise literals, head literal (-1: none)
    used_by: dict[int, list[int]] = defaultdict(list)
    for p, inf in enumerate(ix.inferences):
        if not inf.premises or any(x not in number for x in inf.premises):
            continue  # never applies
        head = -1
        if inf.target is not None:
            if inf.kind is InferenceKind.SUPPORT and inf.target in number:
                head = number[inf.target]
            elif inf.kind is InferenceKind.ATTACK and inf.target in number:
                head = n + number[inf.target]
            elif inf.kind is InferenceKind.UNDERCUT and inf.target in named:
                head = 2 * n + named[inf.target]
        body = [number[x] for x in inf.premises]
        rules.append((p, body, head))
        for lit in dict.fromkeys(body):
            used_by[lit].append(len(rules) - 1)
    seen: set[tuple[int, tuple[int, ...]]] = set()
    todo: list[int] = []

    def add(conclusion: int, top: int, subs: tuple[int, ...], attackable: bool, linked: int) -> None:
        if len(args) >= MAX_ARGUMENTS:
            raise EvaluationTooLarge(
                f"more than {MAX_ARGUMENTS} arguments to weigh with preferences",
                "evaluate without preferences, or settle some conflicts with --assume or --reject",
            )
        a = len(args)
        args.conclusion.append(conclusion)
        args.top.append(top)
        args.subs.append(subs)
        args.attackable.append(attackable)
        args.links.append(linked)
        if circles:
            args.uses.append(_below(args, subs))
        by_conclusion[conclusion].append(a)
        todo.append(a)

    for sid, i in number.items():
        if sid in scenario.assumed:
            add(i, AXIOM, (), False, Links.EMPTY)
        elif sid not in concluded:
            args.conclusion.append(i)  # a premise: as add() does, without its checks
            args.top.append(PREMISE)
            args.subs.append(())
            args.attackable.append(True)
            args.links.append(links.of((sid,)))
            if circles:
                args.uses.append(frozenset())
            by_conclusion[i].append(len(args) - 1)
            todo.append(len(args) - 1)
    for sid in sorted(scenario.rejected):
        add(n + number[sid], AXIOM, (), False, Links.EMPTY)
    for p in sorted(scenario.rejected_rules):
        add(2 * n + p, AXIOM, (), False, Links.EMPTY)
    own_link = [links.of((p,)) for p in range(len(ix.inferences))]
    strict = scenario.assumed_rules
    conclusion, top, subs_of, attackable, linked = args.conclusion, args.top, args.subs, args.attackable, args.links
    while todo:
        new = todo.pop()
        literal = conclusion[new]
        for r in used_by.get(literal, ()):
            p, body, head = rules[r]
            single = len(body) == 1
            for subs in ((new,),) if single else _combinations(body, literal, new, by_conclusion):
                if not single:
                    if (r, subs) in seen:
                        continue
                    seen.add((r, subs))
                if circles and 0 <= head < n and any(head in args.uses[s] or head == conclusion[s] for s in subs):
                    continue
                defeasible = p not in strict
                if defeasible and not weakest:  # the usual case, inlined: add() with the rule as its last link
                    if len(conclusion) >= MAX_ARGUMENTS:
                        add(head, p, subs, True, own_link[p])  # raises
                    conclusion.append(head)
                    top.append(p)
                    subs_of.append(subs)
                    attackable.append(True)
                    linked.append(own_link[p])
                    if circles:
                        args.uses.append(_below(args, subs))
                    a = len(conclusion) - 1
                    by_conclusion[head].append(a)
                    todo.append(a)
                else:
                    rule = own_link[p] if defeasible else None
                    add(head, p, subs, defeasible, _links(args, links, subs, rule, weakest))
    return args


def _below(args: Arguments, subs: tuple[int, ...]) -> frozenset[int]:
    """The statements the sub-arguments conclude, at any depth."""
    below: set[int] = set()
    for s in subs:
        below |= args.uses[s]
        below.add(args.conclusion[s])
    return frozenset(below)


def _combinations(
    body: list[int], literal: int, new: int, by_conclusion: dict[int, list[int]]
) -> Iterator[tuple[int, ...]]:
    """Every choice of one argument per premise of ``body`` that uses the argument ``new`` (for ``literal``)."""
    if len(body) == 1:
        yield (new,)
        return
    for i, lit in enumerate(body):
        if lit == literal:
            yield from product(*[[new] if j == i else by_conclusion[b] for j, b in enumerate(body)])


def _uses(args: Arguments, subs: tuple[int, ...], statement: int) -> bool:
    """Whether the sub-arguments already conclude ``statement`` somewhere (an argument never reuses its conclusion)."""
    return any(statement in args.uses[s] or statement == args.conclusion[s] for s in subs)


def _links(args: Arguments, links: Links, subs: tuple[int, ...], rule: int | None, weakest: bool) -> int:
    """The last-link set (a defeasible ``rule``, else the sub-arguments' last links) or the weakest-link set."""
    if rule is not None and not weakest:
        return rule
    found = Links.EMPTY if rule is None else rule
    for s in subs:
        found = links.union(found, args.links[s])
    return found


def _defeats(
    g: Graph,
    args: Arguments,
    own: list[int],
    node: int,
    n: int,
    contradicting: dict[str, list[str]],
    number: dict[str, int],
    links: Links,
) -> None:
    """Wire each successful attack: the attacker's node into the attacked argument's assumption."""
    attackable_for: dict[int, list[int]] = defaultdict(list)  # literal -> attackable arguments concluding it
    by_rule: dict[int, list[int]] = defaultdict(list)
    for a, mine in enumerate(own):
        if mine >= 0:  # the arguments something can attack: exactly those with an assumption of their own
            attackable_for[args.conclusion[a]].append(a)
            if args.top[a] >= 0:
                by_rule[args.top[a]].append(a)
    rivals: dict[int, list[int]] = {number[s]: [number[o] for o in others] for s, others in contradicting.items()}
    weighed = bool(links.order)
    link = args.links

    def weaker(a: int, b: int) -> bool:
        return weighed and links.weaker(link[a], link[b])

    for a in range(len(args)):
        c = args.conclusion[a]
        if c < 0:
            continue
        if c >= 2 * n:
            for b in by_rule.get(c - 2 * n, ()):
                g.edge(node + a, own[b])
            continue
        targets = [c - n] if c >= n else rivals.get(c, [])
        for t in targets:
            for b in attackable_for.get(t, ()):
                args.attacks.append((a, b))
                if not weaker(a, b):
                    g.edge(node + a, own[b])
                else:
                    g.blocked.setdefault(own[b], []).append(node + a)
