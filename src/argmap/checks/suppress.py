"""Inline suppression: ``# argmap: ignore[W202]`` silences a diagnostic on its own line.

A comment ``# argmap: ignore[CODE, ...]`` names codes (``W202``), prefixes
(``W2``) or names (``disconnected-statement``). It silences the diagnostics
that start on the comment's line and match one of them. A name in it that
silences nothing is itself reported (W217), so that suppressions do not
outlive the problems they were written for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from attrs import frozen

from argmap.model import ArgumentMap, Include, Span, walk
from argmap.model.diagnostics import CODES, Diagnostic

_IGNORE = re.compile(r"#\s*argmap:\s*ignore\[([^\]]*)\]")
_UNSUPPRESSIBLE = ("W217",)  # a stale suppression is reported where the suppression is written


@frozen
class Suppression:
    """One name in an ``ignore[...]`` comment, and where the comment is."""

    span: Span
    name: str

    def matches(self, d: Diagnostic) -> bool:
        """True when this name covers the diagnostic (same file and line, code, prefix or name)."""
        s = d.span
        if s is None or s.path != self.span.path or s.line != self.span.line or d.code in _UNSUPPRESSIBLE:
            return False
        return d.code.startswith(self.name) or d.name == self.name


def suppressions(m: ArgumentMap) -> list[Suppression]:
    """Every name in every ``# argmap: ignore[...]`` comment of a map and its included parts."""
    found: list[Suppression] = []
    for span, text in _comments(m):
        for match in _IGNORE.finditer(text):
            names = (name.strip() for name in match.group(1).split(","))
            found.extend(Suppression(span, name) for name in names if name)
    return found


def _comments(m: ArgumentMap) -> Iterator[tuple[Span, str]]:
    yield from m.comments
    for item, _ in walk(m.items):
        if isinstance(item, Include):
            yield from item.comments


def apply(diagnostics: Iterable[Diagnostic], m: ArgumentMap) -> list[Diagnostic]:
    """The diagnostics that no suppression of ``m`` silences, and a W217 for each that silences nothing."""
    wanted = suppressions(m)
    if not wanted:
        return list(diagnostics)
    used: set[Suppression] = set()
    kept: list[Diagnostic] = []
    for d in diagnostics:
        hits = [s for s in wanted if s.matches(d)]
        used.update(hits)
        if not hits:
            kept.append(d)
    kept.extend(_unused(s) for s in wanted if s not in used)
    return kept


def _unused(s: Suppression) -> Diagnostic:
    if not any(c.code.startswith(s.name) or c.name == s.name for c in CODES.values()):
        return Diagnostic.make(
            "W217",
            f"`ignore[{s.name}]` names no diagnostic code",
            s.span,
            "name a code such as W202, a prefix such as W2, or a name such as disconnected-statement",
        )
    return Diagnostic.make(
        "W217",
        f"`ignore[{s.name}]` suppresses nothing on this line",
        s.span,
        "remove it: the problem it was written for is gone",
    )
