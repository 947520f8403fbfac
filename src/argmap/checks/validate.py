"""Structural validation: every diagnostic of a map, in the order of the text."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.checks import RULES, suppress
from argmap.model import ArgumentMap
from argmap.model.diagnostics import Diagnostic
from argmap.model.index import index


def validate(m: ArgumentMap) -> list[Diagnostic]:
    """Check a map's structure; never raises for a problem in the map.

    Returns the problems found while reading (includes) and every structural
    problem, sorted by file, line and column. A ``# argmap: ignore[CODE]``
    comment silences the diagnostics on its line (see :mod:`argmap.checks.suppress`).

    Example:
        >>> import argmap
        >>> m = argmap.loads('thesis t "Tea is good."  claim c "Tea is tasty."  claim d "Tea is hot."  c supports tt')
        >>> for d in argmap.validate(m):
        ...     print(d.code, d.message)
        W201 `d` takes part in no relation
        E101 unknown statement `tt` (the conclusion of `c supports tt`)
    """
    ix = index(m)
    found = list(m.diagnostics)
    for rule in RULES:
        found.extend(rule(m, ix))
    return sorted(suppress.apply(found, m), key=Diagnostic.sort_key)


def select(
    diagnostics: Iterable[Diagnostic], select: Iterable[str] = (), ignore: Iterable[str] = ()
) -> list[Diagnostic]:
    """Keep the diagnostics whose code starts with a selected prefix and no ignored one.

    Example:
        >>> d = [Diagnostic.make("E101", "x", None), Diagnostic.make("W201", "y", None)]
        >>> [x.code for x in select(d, ignore=["W"])]
        ['E101']
    """
    chosen = tuple(select)
    dropped = tuple(ignore)
    return (
        [
            d
            for d in diagnostics
            if (not chosen or d.code.startswith(chosen) or d.name in chosen)
            and not (d.code.startswith(dropped) or d.name in dropped)
        ]
        if (chosen or dropped)
        else list(diagnostics)
    )
