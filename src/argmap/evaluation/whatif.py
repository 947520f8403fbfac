"""What-if questions resolved against a map: what is assumed, what is rejected.

``assume`` forces an element IN, ``reject`` forces it OUT, and ``distrust``
rejects every statement (and inference) asserted ``by`` an actor, or every
statement whose ``source`` is a source. An explicit ``assume`` wins over a
``distrust`` that covers the same statement.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... actor ann "Ann"
    ... thesis t "T"  evidence e "E" { by: ann }  objection o "O"
    ... argument r: e => t
    ... o undercuts r
    ... ''')
    >>> s = resolve(m, assume=["t"], reject=["r"], distrust=["ann"])
    >>> sorted(s.assumed), sorted(s.rejected), sorted(s.rejected_rules)
    (['t'], ['e'], [0])
    >>> s.why["e"]
    'rejected: asserted by `ann`, who is distrusted'
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

from argmap.evaluation.errors import EvaluationError
from argmap.model import Actor, ArgumentMap, Inference, Section, Source, Statement
from argmap.model.index import MapIndex, index
from argmap.suggest import did_you_mean


@frozen
class Scenario:
    """A resolved what-if: statements and inferences forced IN or OUT.

    Attributes:
        assume: the ids asked to be assumed, as given.
        reject: the ids asked to be rejected, as given.
        distrust: the actors and sources asked to be distrusted, as given.
        assumed: statement ids forced IN.
        rejected: statement ids forced OUT.
        assumed_rules: positions (in ``index(m).inferences``) of inferences that hold.
        rejected_rules: positions of inferences that do not hold.
        why: for each forced statement id or inference key, why it is forced.
    """

    assume: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    distrust: tuple[str, ...] = ()
    assumed: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()
    assumed_rules: frozenset[int] = frozenset()
    rejected_rules: frozenset[int] = frozenset()
    why: dict[str, str] = field(factory=dict, eq=False)
    #: Preferences added by the what-if, as ``(stronger, weaker)`` ids.
    prefer: tuple[tuple[str, str], ...] = ()
    #: Preferences read the other way round, by position among the map's ``outweighs`` lines
    #: followed by ``prefer`` (critical points try each reversal).
    reversed: frozenset[int] = frozenset()


def resolve(
    m: ArgumentMap,
    assume: Iterable[str] = (),
    reject: Iterable[str] = (),
    distrust: Iterable[str] = (),
    prefer: Iterable[tuple[str, str]] = (),
) -> Scenario:
    """Check what-if ids against the map and say what each forces.

    Raises:
        EvaluationError: an id is unknown, of the wrong kind, or both assumed and rejected.
    """
    ix = index(m)
    for ident in (*assume, *reject):
        _check_element(ix, ident, "assume" if ident in assume else "reject")
    assume, reject = _unique(_canonical(ix, i) for i in assume), _unique(_canonical(ix, i) for i in reject)
    distrust = _unique(distrust)
    both = set(assume) & set(reject)
    if both:
        first = sorted(both)[0]
        raise EvaluationError(f"`{first}` cannot be both assumed and rejected")
    positions = _positions(ix)
    for name in distrust:
        _check_party(ix, name)
    prefer = tuple(dict.fromkeys((a, b) for a, b in prefer))
    for pair in prefer:
        for ident in pair:
            _check_element(ix, ident, "prefer")
    why: dict[str, str] = {}
    rejected, rejected_rules = _distrusted(ix, distrust, why)
    for ident in reject:
        if ident in ix.statements:
            rejected.add(ident)
        else:
            rejected_rules.add(positions[ident])
        why[ident] = "rejected"
    assumed = {i for i in assume if i in ix.statements}
    assumed_rules = {positions[i] for i in assume if i not in ix.statements}
    rejected -= assumed
    rejected_rules -= assumed_rules
    why.update((ident, "assumed") for ident in assume)
    return Scenario(
        assume,
        reject,
        distrust,
        frozenset(assumed),
        frozenset(rejected),
        frozenset(assumed_rules),
        frozenset(rejected_rules),
        why,
        prefer,
    )


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _positions(ix: MapIndex) -> dict[str, int]:
    """The position of the first inference declared under each key (its id, or how it reads)."""
    positions: dict[str, int] = {}
    for i, inf in enumerate(ix.inferences):
        positions.setdefault(inf.key, i)
    return positions


def _canonical(ix: MapIndex, ident: str) -> str:
    """A statement id as it is; an inference's id, key or alias as its key."""
    if ident in ix.statements:
        return ident
    found = ix.inference(ident)
    return found.key if found is not None else ident


def _check_element(ix: MapIndex, ident: str, verb: str) -> None:
    found = ix.by_id.get(ident)
    if isinstance(found, (Statement, Inference)) or (found is None and ix.inference(ident) is not None):
        return
    if isinstance(found, (Actor, Source)):
        kind = "an actor" if isinstance(found, Actor) else "a source"
        raise EvaluationError(
            f"cannot {verb} `{ident}`: it is {kind}", f"to set its statements aside, distrust `{ident}`"
        )
    if isinstance(found, Section):
        raise EvaluationError(f"cannot {verb} `{ident}`: it is a section, not a statement or an inference")
    hint = did_you_mean(ident, [*ix.statements, *ix.named])
    raise EvaluationError(f"cannot {verb} `{ident}`: no statement or inference has that id", hint)


def _check_party(ix: MapIndex, name: str) -> None:
    found = ix.by_id.get(name)
    if isinstance(found, (Actor, Source)):
        return
    if isinstance(found, (Statement, Inference)):
        raise EvaluationError(
            f"cannot distrust `{name}`: it is {'a statement' if isinstance(found, Statement) else 'an inference'}",
            f"to set it aside, reject `{name}`",
        )
    hint = did_you_mean(name, [*ix.actors, *ix.sources])
    raise EvaluationError(f"cannot distrust `{name}`: no actor or source has that id", hint)


def _distrusted(ix: MapIndex, distrust: tuple[str, ...], why: dict[str, str]) -> tuple[set[str], set[int]]:
    """Statements and inference positions that distrusting these parties rejects."""
    parties = set(distrust)
    statements: set[str] = set()
    rules: set[int] = set()
    for sid, st in ix.statements.items():
        if st.by in parties and st.by in ix.actors:
            statements.add(sid)
            why[sid] = f"rejected: asserted by `{st.by}`, who is distrusted"
        elif st.source in parties and st.source in ix.sources:
            statements.add(sid)
            why[sid] = f"rejected: reported by `{st.source}`, which is distrusted"
    for i, inf in enumerate(ix.inferences):
        if inf.by in parties and inf.by in ix.actors:
            rules.add(i)
            why[inf.key] = f"rejected: drawn by `{inf.by}`, who is distrusted"
    return statements, rules
