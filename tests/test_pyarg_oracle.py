"""argmap's evaluation checked against an independent implementation: PyArg.

Each map is translated, as ``docs/evaluation.md`` describes, into an ASPIC+
argumentation theory in PyArg (``python-argumentation``): statements that
no support concludes are ordinary premises; every inference is a defeasible
rule; an attack concludes ``-t``, a contrary of its target; an undercut
concludes ``-r``, the contrary of the rule's name; contradictions are
contradictories. What-ifs become axioms (``s`` for an assumed statement,
``-s`` and ``-r`` for a rejected statement or inference) and strict rules
(an assumed inference). PyArg builds every argument and every attack, and
computes the extensions of the abstract framework.

The number of extensions must be the same too. From the extensions, labels
are derived as argmap defines them: a statement
is IN in an extension when an argument for it is in the extension, OUT when
every argument for it is attacked by one in the extension, UNDECIDED
otherwise; an inference likewise by the arguments whose last rule it is.
Over several extensions a status is sceptical (IN or OUT in all of them) and
acceptance credulous (IN in one). These labels must equal argmap's, element
by element, for grounded, preferred and stable semantics.

Hypothesis draws random maps with every relation kind, linked premises,
cycles of attacks and of support, self-attacks, undercuts of attacks and of
undercuts, and random what-ifs. Preferred and stable are compared only where
PyArg's exhaustive search stays fast (few arguments).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st
from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.defeat import Defeat
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions
from py_arg.aspic_classes.argumentation_system import ArgumentationSystem
from py_arg.aspic_classes.argumentation_theory import ArgumentationTheory
from py_arg.aspic_classes.defeasible_rule import DefeasibleRule
from py_arg.aspic_classes.literal import Literal
from py_arg.aspic_classes.orderings.preference_preorder import PreferencePreorder
from py_arg.aspic_classes.strict_rule import StrictRule

import argmap
from argmap.evaluation.status import Status
from argmap.language import INFERENCE_WORDS, assert_never
from argmap.model import ArgumentMap, Contradiction, Inference, InferenceKind, Statement, StatementKind
from argmap.model.index import index

from .conftest import scaled

#: Preferred and stable extensions are compared up to this many arguments
#: (PyArg's labelling search has no pruning and doubles with each argument).
MAX_ARGUMENTS_SEARCH = 12
#: Grounded extensions are compared up to this many arguments.
MAX_ARGUMENTS_GROUNDED = 150

Labels = dict[str, tuple[Status, bool]]


# -- The oracle ---------------------------------------------------------------


class Oracle:
    """A map and a what-if as a PyArg argumentation theory, with its arguments and attacks."""

    def __init__(self, m: ArgumentMap, assume: Sequence[str] = (), reject: Sequence[str] = ()) -> None:
        ix = index(m)
        self.statements = list(ix.statements)
        self.inferences = list(ix.inferences)
        rule_of = {inf.id: f"R{i}" for i, inf in reversed(list(enumerate(self.inferences))) if inf.id}
        self.rule_names = [f"R{i}" for i in range(len(self.inferences))]
        lang, contraries = language(self.statements, self.rule_names, ix.contradictions)
        assumed_rules = {rule_of[i] for i in assume if i in rule_of}
        strict, defeasible = [], []
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
            rule_class = StrictRule if name in assumed_rules else DefeasibleRule
            (strict if name in assumed_rules else defeasible).append(rule_class(name, body, lang[head]))
        concluded = {inf.target for inf in self.inferences if inf.kind is InferenceKind.SUPPORT}
        assumed = {s for s in assume if s in ix.statements}
        axioms = [f"S_{s}" for s in assumed]
        axioms += [f"-S_{s}" if s in ix.statements else f"-{rule_of[s]}" for s in reject]
        ordinary = [f"S_{s}" for s in self.statements if s not in concluded and s not in assumed]
        system = ArgumentationSystem(
            lang,
            contraries,
            strict,
            defeasible,
            PreferencePreorder([(r, r) for r in defeasible]),
            add_defeasible_rule_literals=False,
        )
        self.theory = ArgumentationTheory(
            system,
            [lang[a] for a in axioms],
            [lang[o] for o in ordinary],
            PreferencePreorder([(lang[o], lang[o]) for o in ordinary]),
        )
        self.lang = lang
        self.arguments = self.theory.all_arguments

    def labels(self, semantics: str) -> Labels:
        """Statuses and credulous acceptance derived from PyArg's extensions."""
        return pyarg_labels(self, self.theory.all_attacks, semantics)  # no preferences: every attack is a defeat


def language(
    statements: Sequence[str], rule_names: Sequence[str], contradictions: Iterable[Any], extra: Sequence[str] = ()
) -> tuple[dict[str, Literal], dict[str, set[Literal]]]:
    """The literals of a map's theory (statements, their negations, rules and their negations, ``extra``)
    and the contraries among them: ``-s`` attacks ``s`` (not the reverse), contradictions both ways, and a
    rule and its negation each other."""
    names = [f"S_{s}" for s in statements] + [f"-S_{s}" for s in statements]
    names += [n for r in rule_names for n in (r, f"-{r}")] + list(extra)
    lang = {n: Literal(n) for n in names}  # always these objects: contraries live on them
    contraries: dict[str, set[Literal]] = {n: set() for n in names}
    for s in statements:
        contraries[f"S_{s}"].add(lang[f"-S_{s}"])
    for con in contradictions:
        contraries[f"S_{con.left}"].add(lang[f"S_{con.right}"])
        contraries[f"S_{con.right}"].add(lang[f"S_{con.left}"])
    for r in rule_names:
        contraries[r].add(lang[f"-{r}"])
        contraries[f"-{r}"].add(lang[r])
    return lang, contraries


def pyarg_labels(oracle: Any, defeats: Sequence[tuple[Any, Any]], semantics: str) -> Labels:
    """The labels of the framework of an oracle's arguments with these ``defeats``, under ``semantics``.

    Sets ``oracle.count`` to the number of extensions.
    """
    af = AbstractArgumentationFramework("af", oracle.arguments, [Defeat(a, b) for a, b in defeats])
    if semantics == "grounded":
        extensions = [frozenset(get_grounded_extension(af))]
    elif semantics == "preferred":
        extensions = list(get_preferred_extensions(af))
    else:
        extensions = list(get_stable_extensions(af))
    oracle.count = len(extensions)
    defeaters: dict[str, set[str]] = {a.name: set() for a in oracle.arguments}
    for a, b in defeats:
        defeaters[b.name].add(a.name)
    out: Labels = {}
    for s in oracle.statements:
        args = [a for a in oracle.arguments if a.conclusion == oracle.lang[f"S_{s}"]]
        out[s] = _combine([_label(args, ext, defeaters) for ext in extensions])
    for name, inf in zip(oracle.rule_names, oracle.inferences, strict=True):
        args = [a for a in oracle.arguments if a.top_rule is not None and a.top_rule.id == name]
        out.setdefault(inf.key, _combine([_label(args, ext, defeaters) for ext in extensions]))
    return out


def _label(args: Iterable[object], extension: frozenset[object], attackers: dict[str, set[str]]) -> Status:
    names = {a.name for a in extension}  # type: ignore[attr-defined]
    args = list(args)
    if any(a.name in names for a in args):  # type: ignore[attr-defined]
        return Status.IN
    if all(attackers[a.name] & names for a in args):  # type: ignore[attr-defined]
        return Status.OUT
    return Status.UNDECIDED


def _combine(labels: list[Status]) -> tuple[Status, bool]:
    """Sceptical status and credulous acceptance over the extensions (none: UNDECIDED)."""
    if not labels:
        return Status.UNDECIDED, False
    first = labels[0]
    status = first if all(lab is first for lab in labels) else Status.UNDECIDED
    return status, Status.IN in labels


def argmap_labels(m: ArgumentMap, semantics: str, assume: Sequence[str] = (), reject: Sequence[str] = ()) -> Labels:
    """argmap's statuses and credulous acceptance, in the oracle's form."""
    ev = argmap.evaluate(m, semantics, assume=assume, reject=reject)
    return {ident: (status, ev.credulous(ident)) for ident, status in ev.statuses().items()}


# -- Random maps ----------------------------------------------------------------


@st.composite
def maps(draw: st.DrawFn, max_statements: int = 7, max_inferences: int = 7) -> ArgumentMap:
    """A random map: every relation kind, linked premises, cycles and self-reference allowed."""
    n = draw(st.integers(1, max_statements))
    ids = [f"s{i}" for i in range(n)]
    items: list[Statement | Inference | Contradiction] = [
        Statement(StatementKind.THESIS if i == 0 else StatementKind.CLAIM, sid, sid) for i, sid in enumerate(ids)
    ]
    premises = st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True).map(tuple)
    seen: set[tuple[object, ...]] = set()
    inferences: list[Inference] = []
    for i in range(draw(st.integers(0, max_inferences))):
        kind = draw(st.sampled_from(list(InferenceKind)))
        words = INFERENCE_WORDS[kind]
        if words.aims_at == "inference":
            if not inferences:
                continue
            target = draw(st.sampled_from([inf.id for inf in inferences if inf.id] + [f"r{i}"]))
        else:
            target = draw(st.sampled_from(ids))
        body = draw(premises)
        # PyArg identifies rules by their body and head: keep them distinct (kinds alike in
        # polarity and target may well share a head).
        key = (words.polarity, words.aims_at, frozenset(body), target)
        if key in seen:
            continue
        seen.add(key)
        named = words.aims_at == "inference" or draw(st.booleans())
        inferences.append(Inference(kind, body, target, id=f"r{i}" if named else None))
    items.extend(inferences)
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
    for left, right in draw(st.lists(pairs, max_size=3, unique_by=lambda p: frozenset(p))):
        items.append(Contradiction(left, right))
    return ArgumentMap(items=tuple(items))


@st.composite
def circular_maps(draw: st.DrawFn) -> ArgumentMap:
    """A random map with at least one circle of support, entered from outside and attacked.

    Circles are where an ASPIC+ argument may not reuse its own conclusion, so
    the status of a rule on a circle depends on how its premises are reached.
    """
    base = draw(maps(max_statements=6, max_inferences=4))
    ids = [s.id for s in base.statements()]
    circle = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))
    seen = {(inf.kind, frozenset(inf.premises), inf.target) for inf in base.inferences()}
    extra: list[Inference] = []
    steps = list(zip(circle, [*circle[1:], circle[0]], strict=True))
    entries = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(circle)), max_size=2))
    for i, (premise, target) in enumerate(steps + entries):
        linked = draw(st.sampled_from([(), *((other,) for other in ids if other != premise)]))
        body = (premise, *linked)
        key = (InferenceKind.SUPPORT, frozenset(body), target)
        if key not in seen:
            seen.add(key)
            extra.append(Inference(InferenceKind.SUPPORT, body, target, id=f"c{i}"))
    return ArgumentMap(items=(*base.items, *extra))


@st.composite
def what_ifs(draw: st.DrawFn, m: ArgumentMap) -> tuple[list[str], list[str]]:
    """Random ``assume`` and ``reject`` lists over the map's statements and named inferences."""
    ix = index(m)
    pool = [*ix.statements, *ix.named]
    chosen = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True))
    split = draw(st.integers(0, len(chosen)))
    return chosen[:split], chosen[split:]


def compare(m: ArgumentMap, semantics: str, assume: Sequence[str] = (), reject: Sequence[str] = ()) -> str | None:
    """Assert that argmap and PyArg agree on one map; say what was compared.

    Returns None when PyArg would take too long (nothing compared).
    """
    oracle = Oracle(m, assume, reject)
    limit = MAX_ARGUMENTS_GROUNDED if semantics == "grounded" else MAX_ARGUMENTS_SEARCH
    if len(oracle.arguments) > limit:
        return None
    expected = oracle.labels(semantics)
    got = argmap_labels(m, semantics, assume, reject)
    assert got == expected, _difference(m, semantics, assume, reject, got, expected)
    count = argmap.evaluate(m, semantics, assume=assume, reject=reject).extensions
    assert count == oracle.count, f"{semantics}: {count} extensions, PyArg {oracle.count}\n{argmap.dumps(m)}"
    if any(credulous and status is not Status.IN for status, credulous in expected.values()):
        return "compared; extensions disagree"
    return f"compared; statuses {'/'.join(sorted({status.value for status, _ in expected.values()}))}"


def _check(m: ArgumentMap, semantics: str, assume: Sequence[str] = (), reject: Sequence[str] = ()) -> None:
    """:func:`compare` inside a Hypothesis test, recording what was compared."""
    event(compare(m, semantics, assume, reject) or "too many arguments for PyArg: not compared")


def _difference(
    m: ArgumentMap, semantics: str, assume: Sequence[str], reject: Sequence[str], got: Labels, expected: Labels
) -> str:
    wrong = {k: (got.get(k), expected.get(k)) for k in expected.keys() | got.keys() if got.get(k) != expected.get(k)}
    return f"{semantics} differs (argmap, PyArg): {wrong}\nassume={assume} reject={reject}\n{argmap.dumps(m)}"


# -- The tests ------------------------------------------------------------------


def fixed(ci_examples: int) -> settings:
    """Reproducible: the same examples on every run; ``ci_examples`` of them in the ``ci`` profile."""
    return settings(max_examples=scaled(ci_examples), derandomize=True)


@fixed(400)
@given(maps(max_statements=12, max_inferences=12))
def test_grounded_matches_pyarg(m: ArgumentMap) -> None:
    _check(m, "grounded")


@fixed(300)
@given(maps(max_statements=6, max_inferences=6))
def test_preferred_matches_pyarg(m: ArgumentMap) -> None:
    _check(m, "preferred")


@fixed(300)
@given(maps(max_statements=6, max_inferences=6))
def test_stable_matches_pyarg(m: ArgumentMap) -> None:
    _check(m, "stable")


@fixed(300)
@given(circular_maps(), st.sampled_from(["grounded", "preferred", "stable"]))
def test_support_circles_match_pyarg(m: ArgumentMap, semantics: str) -> None:
    _check(m, semantics)


@fixed(300)
@given(st.data(), st.sampled_from(["grounded", "preferred", "stable"]))
def test_what_ifs_match_pyarg(data: st.DataObject, semantics: str) -> None:
    m = data.draw(maps(max_statements=6, max_inferences=6))
    assume, reject = data.draw(what_ifs(m))
    _check(m, semantics, assume, reject)
