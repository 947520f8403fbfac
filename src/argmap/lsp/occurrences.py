"""Where every id is written: definitions and references, taken from the model's part spans.

Each element records where its parts are (``id``, ``premise:0``, ``target``,
``attr:by``...); this module turns them into one table of occurrences, so that
go to definition, find references and rename never scan the text again.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from attrs import frozen

from argmap.model import ArgumentMap, Include, Inference, SchemeDefinition, Section, Span
from argmap.model.elements import Contradiction, Item, attribute_fields, walk

#: Scheme keys have a namespace of their own: their occurrences are named ``scheme:KEY``.
SCHEME_PREFIX = "scheme:"


def scheme_key(ident: str) -> str | None:
    """The scheme key an occurrence's ``ident`` names (``scheme:KEY``), or None for an element's id."""
    return ident.removeprefix(SCHEME_PREFIX) if ident.startswith(SCHEME_PREFIX) else None


@frozen
class Occurrence:
    """One place an id is written.

    Attributes:
        ident: the id; a scheme key is ``scheme:KEY`` (see :data:`SCHEME_PREFIX`).
        span: where it is written (a text value such as ``by: "ann"`` includes its quotes).
        definition: True where the element is declared, False where it is referred to.
    """

    ident: str
    span: Span
    definition: bool

    def holds(self, line: int, column: int) -> bool:
        """True when the 1-based ``line``:``column`` is on this occurrence (or just after it)."""
        s = self.span
        return (s.line, s.column) <= (line, column) <= (s.end_line, s.end_column)


@lru_cache(maxsize=1024)
def real(path: str | None) -> str | None:
    """The real path of a file, the key that files are known by (``None`` for text without a file)."""
    return os.path.realpath(path) if path else None


class Occurrences:
    """Every occurrence of every id in a map, by id and by file."""

    def __init__(self, found: list[Occurrence]) -> None:
        self.by_ident: dict[str, list[Occurrence]] = defaultdict(list)
        self.by_path: dict[str | None, list[Occurrence]] = defaultdict(list)
        for o in found:
            self.by_ident[o.ident].append(o)
            self.by_path[real(o.span.path)].append(o)

    def at(self, path: str | None, line: int, column: int) -> Occurrence | None:
        """The occurrence at a 1-based position of a file, if any."""
        return next((o for o in self.by_path.get(real(path), ()) if o.holds(line, column)), None)

    def of(self, ident: str) -> list[Occurrence]:
        """Every occurrence of ``ident``, definitions first, each in written order."""
        found = self.by_ident.get(ident, [])
        return [o for o in found if o.definition] + [o for o in found if not o.definition]


def occurrences(m: ArgumentMap | None) -> Occurrences:
    """The occurrences of every id in ``m`` (none for no map)."""
    if m is None:
        return Occurrences([])
    return Occurrences([o for item, _ in walk(m.items) for o in _of_item(item)])


def _of_item(item: Item) -> Iterator[Occurrence]:
    if isinstance(item, Include):
        return
    refs = _refs(type(item))
    for name, span in item.parts:
        ident = _named_by(item, name, refs)
        if ident is not None and span.line:
            yield Occurrence(ident, span, name == "id")


def _refs(cls: type) -> dict[str, str]:
    """The parts of a class's attributes that name another element, e.g. ``attr:by`` -> ``by``."""
    found = _REFS.get(cls)
    if found is None:
        found = _REFS[cls] = {f"attr:{a.name}": a.name for a in attribute_fields(cls) if a.form == "ref"}
    return found


_REFS: dict[type, dict[str, str]] = {}


def _named_by(item: Item, part: str, refs: dict[str, str]) -> str | None:
    """The id that the part ``part`` of ``item`` names, or None for a part that names none."""
    if isinstance(item, SchemeDefinition):
        return SCHEME_PREFIX + item.key if part == "id" else None
    if part == "id":
        return getattr(item, "id", None)
    if isinstance(item, Inference):
        if part.startswith("premise:"):
            return item.premises[int(part[8:])]
        if part == "target":
            return item.target
        if part == "attr:scheme" and item.scheme is not None:
            return SCHEME_PREFIX + item.scheme
    if isinstance(item, Contradiction) and part in ("left", "right"):
        return str(getattr(item, part))
    if part in refs and not isinstance(item, Section):
        value = getattr(item, refs[part])
        return value if isinstance(value, str) else None
    return None
