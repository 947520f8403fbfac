"""Preferences: ``a outweighs b`` names two inferences or premises, never in a circle, and can matter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from argmap.checks.references import what
from argmap.language import OUTWEIGHS
from argmap.model import ArgumentMap, Inference, InferenceKind, Preference, Statement
from argmap.model.diagnostics import Diagnostic, Related
from argmap.model.index import MapIndex
from argmap.suggest import did_you_mean


def names(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E127, E128: both sides of a preference name an inference or a statement, and differ."""
    pool = [*ix.statements, *ix.named]
    for pref in ix.preferences:
        for part in ("stronger", "weaker"):
            ident: str = getattr(pref, part)
            element = ix.by_id.get(ident)
            if element is None:
                yield Diagnostic.make(
                    "E127",
                    f"`{_written(pref)}` names `{ident}`, which is no inference or statement",
                    pref.span_of(part),
                    did_you_mean(ident, pool) or "a preference relates two inferences, or two statements as premises",
                )
            elif not isinstance(element, (Inference, Statement)):
                yield Diagnostic.make(
                    "E128",
                    f"`{_written(pref)}`: `{ident}` is {what(element)}, not an inference or a statement",
                    pref.span_of(part),
                    "to weigh everything a source or actor says, give it a `rank:`",
                )


def cycles(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E126: preferences that run in a circle (``a outweighs b``, ``b outweighs a``)."""
    by_stronger: dict[str, list[Preference]] = defaultdict(list)
    for pref in ix.preferences:
        by_stronger[pref.stronger].append(pref)
    reported: set[int] = set()
    for pref in ix.preferences:
        if id(pref) in reported:
            continue
        path = _circle(by_stronger, pref)
        if path is None:
            continue
        reported.update(id(p) for p in path)
        circle = " > ".join([pref.stronger, *(p.weaker for p in path)])
        yield Diagnostic.make(
            "E126",
            f"preferences run in a circle: {circle}",
            pref.span,
            "a preference is strict: drop or reverse one of them",
            tuple(Related(p.span, f"`{_written(p)}`") for p in path[1:]),
        )


def _circle(by_stronger: dict[str, list[Preference]], start: Preference) -> list[Preference] | None:
    """``start`` and the preferences that lead from its weaker side back to its stronger side, or None."""
    goal = start.stronger
    came: dict[str, Preference | None] = {start.weaker: None}
    todo = [start.weaker]
    while todo and goal not in came:
        node = todo.pop()
        for pref in by_stronger.get(node, ()):
            if pref.weaker not in came:
                came[pref.weaker] = pref
                todo.append(pref.weaker)
    if goal not in came:
        return None
    steps: list[Preference] = []
    node = goal
    while (step := came[node]) is not None:
        steps.append(step)
        node = step.stronger
    return [start, *reversed(steps)]


def never_matters(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W210: a preference between two elements that never meet in a conflict.

    A preference is consulted only when an argument that uses one side attacks
    (by an attack or a contradiction, not an undercut) an argument that uses
    the other. An element is used by the arguments for everything it leads to
    through supports; a statement that a support concludes is no premise, so
    it has no weight of its own.
    """
    if not ix.preferences:
        return
    concluded = ix.concluded()
    feeds: dict[str, list[Inference]] = defaultdict(list)
    for inf in ix.inferences:
        for premise in inf.premises:
            feeds[premise].append(inf)
    opposed: dict[str, list[str]] = defaultdict(list)  # statement -> what attacks it
    for inf in ix.inferences:
        if inf.kind is InferenceKind.ATTACK and inf.target is not None:
            opposed[inf.target].append(_key(inf))
    for con in ix.contradictions:
        opposed[con.left].append(con.right)
        opposed[con.right].append(con.left)
    for pref in ix.preferences:
        sides = [ix.by_id.get(pref.stronger), ix.by_id.get(pref.weaker)]
        if not all(isinstance(e, (Inference, Statement)) for e in sides) or pref.stronger == pref.weaker:
            continue  # reported as E127 or E128
        no_premise = next((s for s in sides if isinstance(s, Statement) and s.id in concluded), None)
        if isinstance(no_premise, Statement):
            yield Diagnostic.make(
                "W210",
                f"`{_written(pref)}` never matters: `{no_premise.id}` is concluded by a support, so it is no premise",
                pref.span,
                "weigh the inferences that conclude it instead",
            )
            continue
        a, b = (_reach(ix, feeds, e) for e in sides)  # type: ignore[arg-type]
        if not (_meet(a, b, opposed) or _meet(b, a, opposed)):
            yield Diagnostic.make(
                "W210",
                f"`{_written(pref)}` never matters: no argument using `{pref.stronger}` conflicts with one "
                f"using `{pref.weaker}`",
                pref.span,
                "a preference decides only attacks and contradictions between the two sides",
            )


def _key(inf: Inference) -> str:
    return "\0" + inf.key


def _reach(ix: MapIndex, feeds: dict[str, list[Inference]], element: Inference | Statement) -> set[str]:
    """The statements and inferences (as ``_key``) whose arguments may use ``element``."""
    seen: set[str] = set()
    todo: list[Inference | Statement] = [element]
    while todo:
        e = todo.pop()
        key = e.id if isinstance(e, Statement) else _key(e)
        if key in seen:
            continue
        seen.add(key)
        if isinstance(e, Statement):
            todo.extend(feeds.get(e.id, ()))
        elif e.kind is InferenceKind.SUPPORT and e.target in ix.statements:
            todo.append(ix.statements[e.target])
    return seen


def _meet(attacking: set[str], attacked: set[str], opposed: dict[str, list[str]]) -> bool:
    return any(attacker in attacking for target in attacked for attacker in opposed.get(target, ()))


def _written(pref: Preference) -> str:
    return f"{pref.stronger} {OUTWEIGHS} {pref.weaker}"
