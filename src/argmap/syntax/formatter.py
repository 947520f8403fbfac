"""The formatter: one canonical layout, every comment and element kept.

Formatting parses the file (without reading its includes), attaches its
comments to elements, prints the model with the canonical printer, and then
checks its own work: the result must parse to the same elements and carry the
same comments, or the file is left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from attrs import evolve

from argmap.model import ArgumentMap, Item, Section
from argmap.syntax.comments import attach
from argmap.syntax.loader import parse_only
from argmap.syntax.printer import dumps


class FormatterError(RuntimeError):
    """The formatter would have changed the meaning or lost a comment (a bug)."""


def format_text(text: str, path: str | None = None) -> str:
    """Return ``text`` in the canonical layout.

    Raises:
        ArgmapSyntaxError: the text does not parse.
        FormatterError: the result would differ in meaning (never expected).

    Example:
        >>> print(format_text('claim   a "A"  # first\\n\\n\\na supports   b{note:"n"}'), end="")
        claim a "A"  # first
        <BLANKLINE>
        a supports b { note: "n" }
    """
    before = parse_only(text, path)
    result = dumps(before, attach(before, text))
    after = parse_only(result, path)
    if list(_flat(before.items)) != list(_flat(after.items)) or _header(before) != _header(after):
        raise FormatterError(f"{path or '<text>'}: formatting would change the map; the file is left as it was")
    if Counter(c for _, c in before.comments) != Counter(c for _, c in after.comments):
        raise FormatterError(f"{path or '<text>'}: formatting would lose a comment; the file is left as it was")
    return result


def _header(m: ArgumentMap) -> tuple[object, ...]:
    return (m.title, m.author, m.date, m.about, m.header_extra)


def _flat(items: tuple[Item, ...]) -> Iterator[tuple[int, Item]]:
    """Items with their depth, sections without their children (no deep recursion)."""
    stack: list[tuple[Iterator[Item], int]] = [(iter(items), 0)]
    while stack:
        iterator, depth = stack[-1]
        item = next(iterator, None)
        if item is None:
            stack.pop()
            continue
        if isinstance(item, Section):
            yield depth, evolve(item, items=())
            stack.append((iter(item.items), depth + 1))
        else:
            yield depth, item
