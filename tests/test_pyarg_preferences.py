"""argmap's evaluation with preferences checked against PyArg's ASPIC+ orderings.

The map is translated as in ``test_pyarg_oracle``, except that a statement
taken as a premise becomes a defeasible rule with an empty body (``=> s``), as
``docs/evaluation.md`` describes, so that premises can be preferred like
inferences. The preference order is computed here, independently of argmap:
the transitive closure of the written ``outweighs`` pairs and of the ranks.
PyArg builds the arguments and compares them with its own last-link and
weakest-link orderings, elitist or democratic; an attack or a contradiction
defeats unless the attacked sub-argument is strictly preferred (PyArg's
``argument_is_strictly_weaker_than``), an undercut always defeats.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import event, given
from hypothesis import strategies as st
from py_arg.aspic_classes.argumentation_system import ArgumentationSystem
from py_arg.aspic_classes.argumentation_theory import ArgumentationTheory
from py_arg.aspic_classes.defeasible_rule import DefeasibleRule
from py_arg.aspic_classes.orderings.argument_orderings.last_link_ordering import (
    LastLinkDemocraticOrdering,
    LastLinkElitistOrdering,
)
from py_arg.aspic_classes.orderings.argument_orderings.weakest_link_ordering import (
    WeakestLinkDemocraticOrdering,
    WeakestLinkElitistOrdering,
)
from py_arg.aspic_classes.orderings.preference_preorder import PreferencePreorder
from py_arg.aspic_classes.strict_rule import StrictRule

import argmap
from argmap.language import assert_never
from argmap.model import ArgumentMap, Inference, InferenceKind, Preference, Statement
from argmap.model.index import index

from .test_pyarg_oracle import Labels, argmap_labels, fixed, language, maps, pyarg_labels, what_ifs

ORDERINGS = {
    ("last-link", "elitist"): LastLinkElitistOrdering,
    ("last-link", "democratic"): LastLinkDemocraticOrdering,
    ("weakest-link", "elitist"): WeakestLinkElitistOrdering,
    ("weakest-link", "democratic"): WeakestLinkDemocraticOrdering,
}
MAX_ARGUMENTS = {"grounded": 120, "preferred": 12, "stable": 12}


def order_pairs(m: ArgumentMap, elements: list[str]) -> set[tuple[str, str]]:
    """``(x, y)`` for ``x <= y``: the closure of ranks and ``outweighs`` lines (statement or inference ids)."""
    ix = index(m)
    rank: dict[str, int] = {}
    for e in [*ix.statements.values(), *ix.named.values()]:
        if e.rank is not None and e.id is not None:
            rank[e.id] = int(e.rank)
    leq = {(x, x) for x in elements}
    leq |= {(x, y) for x in rank for y in rank if rank[x] <= rank[y]}
    leq |= {(p.weaker, p.stronger) for p in ix.preferences}
    changed = True
    while changed:
        new = {(x, z) for x, y in leq for y2, z in leq if y == y2} - leq
        leq |= new
        changed = bool(new)
    return leq


class PreferenceOracle:
    """A map with preferences as a PyArg theory whose premises are defeasible facts."""

    def __init__(self, m: ArgumentMap, ordering: str, comparison: str, assume: Sequence[str], reject: Sequence[str]):
        ix = index(m)
        self.statements = list(ix.statements)
        self.inferences = list(ix.inferences)
        rule_of = {inf.id: f"R{i}" for i, inf in reversed(list(enumerate(self.inferences))) if inf.id}
        self.rule_names = [f"R{i}" for i in range(len(self.inferences))]
        concluded = {inf.target for inf in self.inferences if inf.kind is InferenceKind.SUPPORT}
        assumed = {s for s in assume if s in ix.statements}
        premises = [s for s in self.statements if s not in concluded and s not in assumed]
        premise_rules = [f"P_{s}" for s in premises]
        lang, contraries = language(self.statements, self.rule_names, ix.contradictions, premise_rules)
        assumed_rules = {rule_of[i] for i in assume if i in rule_of}
        strict, defeasible = [], []
        element_of: dict[str, str] = {}  # rule name -> the id the preferences speak of
        for name, inf in zip(self.rule_names, self.inferences, strict=True):
            body = {lang[f"S_{p}"] for p in inf.premises}
            match inf.kind:
                case InferenceKind.SUPPORT:
                    head = f"S_{inf.target}"
                case InferenceKind.ATTACK:
                    head = f"-S_{inf.target}"
                case InferenceKind.UNDERCUT:
                    head = f"-{rule_of[inf.target]}"
                case _:
                    assert_never(inf.kind)
            if name in assumed_rules:
                strict.append(StrictRule(name, body, lang[head]))
            else:
                defeasible.append(DefeasibleRule(name, body, lang[head]))
                if inf.id is not None and rule_of[inf.id] == name:
                    element_of[name] = inf.id
        for s in premises:
            defeasible.append(DefeasibleRule(f"P_{s}", set(), lang[f"S_{s}"]))
            element_of[f"P_{s}"] = s
        leq = order_pairs(m, list(element_of.values()))
        pairs = [
            (a, b)
            for a in defeasible
            for b in defeasible
            if a is b or (element_of.get(a.id), element_of.get(b.id)) in leq
        ]
        preorder = PreferencePreorder(pairs)
        system = ArgumentationSystem(lang, contraries, strict, defeasible, preorder, add_defeasible_rule_literals=False)
        axioms = [f"S_{s}" for s in assumed]
        axioms += [f"-S_{s}" if s in ix.statements else f"-{rule_of[s]}" for s in reject]
        self.theory = ArgumentationTheory(system, [lang[a] for a in axioms], [], PreferencePreorder([]))
        self.ordering = ORDERINGS[ordering, comparison](preorder, PreferencePreorder([]))
        self.lang = lang
        self.arguments = self.theory.all_arguments

    def defeats(self, a: object, b: object) -> bool:
        """An undercut always; an attack or contradiction unless the attacked sub-argument is strictly preferred."""
        if self.theory.undercuts(a, b):  # type: ignore[arg-type]
            return True
        return any(
            isinstance(sub.top_rule, DefeasibleRule)
            and a.conclusion.is_contrary_or_contradictory_of(sub.conclusion)  # type: ignore[attr-defined]
            and not self.ordering.argument_is_strictly_weaker_than(a, sub)
            for sub in b.sub_arguments  # type: ignore[attr-defined]
        )

    def labels(self, semantics: str) -> Labels:
        attacks = self.theory.all_attacks
        defeats = [(a, b) for a, b in attacks if self.defeats(a, b)]
        self.blocked = len(attacks) - len(defeats)
        return pyarg_labels(self, defeats, semantics)


@st.composite
def preferring_maps(draw: st.DrawFn, size: int) -> ArgumentMap:
    """A random map (as in ``test_pyarg_oracle``) with random ranks and ``outweighs`` lines."""
    base = draw(maps(max_statements=size, max_inferences=size))
    ix = index(base)
    ids = [*ix.statements, *ix.named]
    ranked = set(draw(st.lists(st.sampled_from(ids), max_size=8, unique=True)))
    items: list[object] = []
    for item in base.items:
        if isinstance(item, (Statement, Inference)) and item.id in ranked:
            item = type(item)(**{**_fields(item), "rank": str(draw(st.integers(0, 3)))})
        items.append(item)
    for stronger, weaker in draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=6)):
        items.append(Preference(stronger, weaker))
    return ArgumentMap(items=tuple(items))  # type: ignore[arg-type]


def _fields(item: Statement | Inference) -> dict[str, object]:
    import attrs

    return {f.name: getattr(item, f.name) for f in attrs.fields(type(item)) if f.init}


def compare(m: ArgumentMap, semantics: str, ordering: str, comparison: str, assume=(), reject=()) -> str | None:  # type: ignore[no-untyped-def]
    oracle = PreferenceOracle(m, ordering, comparison, assume, reject)
    if len(oracle.arguments) > MAX_ARGUMENTS[semantics]:
        return None
    expected = oracle.labels(semantics)
    ev = argmap.evaluate(m, semantics, assume, reject, ordering=ordering, comparison=comparison)
    got = {ident: (status, ev.credulous(ident)) for ident, status in ev.statuses().items()}
    wrong = {k: (got.get(k), expected.get(k)) for k in expected.keys() | got.keys() if got.get(k) != expected.get(k)}
    assert not wrong, f"{semantics} {ordering} {comparison} differs (argmap, PyArg): {wrong}\n{argmap.dumps(m)}"
    assert ev.extensions == oracle.count
    blocked = "some attacks fail by preference" if oracle.blocked else "every attack defeats"
    return f"compared; {blocked}; statuses {'/'.join(sorted({s.value for s, _ in expected.values()}))}"


SETTINGS = st.sampled_from(sorted(ORDERINGS))


@fixed(300)
@given(preferring_maps(10), SETTINGS)
def test_grounded_with_preferences_matches_pyarg(m: ArgumentMap, setting: tuple[str, str]) -> None:
    event(compare(m, "grounded", *setting) or "too many arguments: not compared")


@fixed(200)
@given(preferring_maps(6), SETTINGS, st.sampled_from(["preferred", "stable"]))
def test_extensions_with_preferences_match_pyarg(m: ArgumentMap, setting: tuple[str, str], semantics: str) -> None:
    event(compare(m, semantics, *setting) or "too many arguments: not compared")


@fixed(200)
@given(st.data(), SETTINGS)
def test_what_ifs_with_preferences_match_pyarg(data: st.DataObject, setting: tuple[str, str]) -> None:
    m = data.draw(preferring_maps(6))
    assume, reject = data.draw(what_ifs(m))
    event(compare(m, "grounded", *setting, assume, reject) or "too many arguments: not compared")


@fixed(200)
@given(maps(max_statements=8, max_inferences=8), st.data())
def test_without_preferences_the_argument_construction_agrees_with_the_flat_compilation(
    m: ArgumentMap, data: st.DataObject
) -> None:
    """A preference between two elements that do not exist changes nothing, through the argument path."""
    from argmap.evaluation.arguments import compile_arguments
    from argmap.evaluation.grounded import grounded
    from argmap.evaluation.preferences import Preferences
    from argmap.evaluation.whatif import resolve

    assume, reject = data.draw(what_ifs(m))
    scenario = resolve(m, assume, reject)
    graph, _ = compile_arguments(m, scenario, Preferences(index(m), ()), "last-link", "elitist")
    labels = grounded(graph)
    flat = argmap_labels(m, "grounded", assume, reject)
    from argmap.evaluation.status import Status

    status = (Status.UNDECIDED, Status.IN, Status.OUT)
    got = {sid: status[labels[v]] for sid, v in graph.statement.items()}
    assert got == {k: v[0] for k, v in flat.items() if k in got}
