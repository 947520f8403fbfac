"""The shape of the map: support cycles, connection to a thesis, repeated relations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from argmap.checks.references import describe
from argmap.language import INFERENCE_WORDS
from argmap.model import ArgumentMap, Inference, StatementKind
from argmap.model.diagnostics import Diagnostic, Related
from argmap.model.index import MapIndex
from argmap.suggest import close_matches


def circular_support(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E125: statements that support each other in a circle, with the circle printed."""
    edges: dict[str, list[tuple[str, Inference]]] = defaultdict(list)
    for inf in ix.inferences:
        if INFERENCE_WORDS[inf.kind].polarity == "for" and inf.target in ix.statements:
            for premise in inf.premises:
                if premise in ix.statements and premise != inf.target:
                    edges[premise].append((inf.target, inf))
    for cycle in _cycles(edges):
        names = " -> ".join(f"`{node}`" for node, _ in cycle) + f" -> `{cycle[0][0]}`"
        first = cycle[-1][1]
        yield Diagnostic.make(
            "E125",
            f"circular support: {names}",
            first.span_of("target"),
            "a statement cannot be a reason for itself; remove one of these inferences",
            tuple(Related(inf.span, f"{describe(inf)} is part of the circle") for _, inf in cycle[:-1]),
        )


def _cycles(edges: dict[str, list[tuple[str, Inference]]]) -> Iterator[list[tuple[str, Inference]]]:
    """One cycle per strongly connected component (iterative DFS, any depth)."""
    color: dict[str, int] = {}  # 1 on the stack, 2 done
    reported: set[str] = set()
    for root in list(edges):
        if root in color:
            continue
        path: list[tuple[str, Inference | None]] = [(root, None)]
        stack = [(root, iter(edges.get(root, ())))]
        color[root] = 1
        while stack:
            node, it = stack[-1]
            step = next(it, None)
            if step is None:
                color[node] = 2
                stack.pop()
                path.pop()
                continue
            nxt, inf = step
            state = color.get(nxt)
            if state == 1 and nxt not in reported:
                start = next(i for i, (n, _) in enumerate(path) if n == nxt)
                ring = [(n, e) for (n, _), (_, e) in zip(path[start:], [*path[start + 1 :], (nxt, inf)], strict=True)]
                reported.update(n for n, _ in ring)
                yield ring  # type: ignore[misc]
            elif state is None:
                color[nxt] = 1
                path.append((nxt, inf))
                stack.append((nxt, iter(edges.get(nxt, ()))))


def connection(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W201, W202, W209: statements in no relation, or not linked to any thesis."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for inf in ix.inferences:
        for node in (*inf.premises, inf.target):
            if node is not None:
                neighbours[inf.key].add(node)
                neighbours[node].add(inf.key)
        if inf.id is not None:
            neighbours[inf.id].add(inf.key)
            neighbours[inf.key].add(inf.id)
    for con in ix.contradictions:
        neighbours[con.left].add(con.right)
        neighbours[con.right].add(con.left)
    theses = [s.id for s in ix.statements.values() if s.kind is StatementKind.THESIS]
    if ix.statements and not theses:
        first = next(iter(ix.statements.values()))
        yield Diagnostic.make(
            "W209",
            "the map has statements but no thesis",
            first.span_of("id"),
            'mark the main claim with `thesis`, e.g. `thesis t1 "..."`',
        )
    reached = _reach(theses, neighbours)
    unsure = _near_unknown_references(ix, neighbours)
    for st in ix.statements.values():
        if st.id in unsure:
            continue  # the unknown reference is reported; fixing it may well connect this statement
        if st.id not in neighbours:
            yield Diagnostic.make(
                "W201",
                f"`{st.id}` takes part in no relation",
                st.span_of("id"),
                f"connect it, e.g. `{st.id} supports ...`, or remove it",
            )
        elif theses and st.id not in reached:
            yield Diagnostic.make(
                "W202",
                f"`{st.id}` is not connected to any thesis",
                st.span_of("id"),
                "link its part of the map to a thesis, or mark its conclusion as a thesis",
            )


def _near_unknown_references(ix: MapIndex, neighbours: dict[str, set[str]]) -> set[str]:
    """Statements whose connection a misspelt reference leaves in doubt.

    One typo must not bury its error under follow-on warnings: a statement in
    the same part of the map as a reference to nothing (E101, E102), or whose id
    is what such a reference probably meant, is not reported as unrelated or
    disconnected (W201, W202).
    """
    known = set(ix.statements) | set(ix.named) | {inf.key for inf in ix.inferences}
    unknown = [node for node in neighbours if node not in known]
    if not unknown:
        return set()
    near = _reach(unknown, neighbours)
    for name in unknown:
        near.update(close_matches(name, ix.statements))
    return near


def _reach(starts: list[str], neighbours: dict[str, set[str]]) -> set[str]:
    seen = set(starts)
    todo = list(starts)
    while todo:
        for nxt in neighbours.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def duplicate_relations(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W207: the same relation (kind, premises, target) written twice."""
    seen: dict[tuple[object, ...], object] = {}
    for inf in ix.inferences:
        key: tuple[object, ...] = (inf.kind, frozenset(inf.premises), inf.target)
        if key in seen:
            yield _twice(describe(inf), inf, seen[key])
        else:
            seen[key] = inf
    for con in ix.contradictions:
        key = ("contradiction", frozenset((con.left, con.right)))
        if key in seen:
            yield _twice(f"`{con.left} contradicts {con.right}`", con, seen[key])
        else:
            seen[key] = con


def _twice(name: str, later: object, first: object) -> Diagnostic:
    return Diagnostic.make(
        "W207",
        f"{name} repeats a relation written before",
        later.span,  # type: ignore[attr-defined]
        "remove the repetition",
        (Related(first.span, "first written here"),),  # type: ignore[attr-defined]
    )


def support_and_contradiction(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W208: one statement is a reason for another that it also contradicts."""
    supports: dict[frozenset[str], Inference] = {}
    for inf in ix.inferences:
        if INFERENCE_WORDS[inf.kind].polarity == "for" and inf.target is not None:
            for premise in inf.premises:
                supports.setdefault(frozenset((premise, inf.target)), inf)
    for con in ix.contradictions:
        support = supports.get(frozenset((con.left, con.right)))
        if support is not None and con.left != con.right:
            yield Diagnostic.make(
                "W208",
                f"`{con.left}` and `{con.right}` contradict each other, yet one supports the other",
                con.span,
                "one of the two relations is probably meant the other way",
                (Related(support.span, f"{describe(support)} is the support"),),
            )
