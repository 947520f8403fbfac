"""The typed model of an argument map.

Every class is a frozen attrs class. Elements keep the order the author wrote
them in, and every element knows where it was written (its :class:`Span`);
spans are left out of equality, so a map built in Python equals the same map
read back from text.

Example:
    >>> from argmap.model import ArgumentMap, Statement, StatementKind, Inference
    >>> m = ArgumentMap(items=(
    ...     Statement(StatementKind.THESIS, "t", "Tea is good."),
    ...     Statement(StatementKind.CLAIM, "c", "Tea has antioxidants."),
    ...     Inference.support(("c",), "t"),
    ... ))
    >>> [s.id for s in m.statements()]
    ['t', 'c']
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import field, frozen

if TYPE_CHECKING:
    from argmap.model.diagnostics import Diagnostic


class StatementKind(enum.Enum):
    """What a statement is in the debate."""

    THESIS = "thesis"
    CLAIM = "claim"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"
    OBJECTION = "objection"


class InferenceKind(enum.Enum):
    """What an inference does to its target."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"


class RelationKind(enum.Enum):
    """The kind of a resolved relation between elements."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTION = "contradiction"


class AttackKind(enum.Enum):
    """How an attack meets its target statement."""

    REBUT = "rebut"  #: the target is the conclusion of an inference
    UNDERMINE = "undermine"  #: the target is a premise nothing concludes


@frozen
class Span:
    """Where an element was written: 1-based line and column, end exclusive."""

    path: str | None
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path or '<text>'}:{self.line}:{self.column}"


#: Extra attributes that the language does not know, kept so that nothing
#: written is lost; the checker reports each of them as an error.
Value = str | tuple[str, ...]
Extra = tuple[tuple[str, Value], ...]


#: Where one part of an element is: its name, line, column, end line, end column.
RawPart = tuple[str, int, int, int, int]


class PartSpans:
    """Spans of an element's parts, kept as plain positions until first asked for.

    Reading a large map does not need a :class:`Span` object for each premise,
    id and attribute value; only a diagnostic does. The parser records where
    each part is as it reads it, and iterating yields ``(name, Span)`` pairs,
    made on first use and kept. Nothing is read again, so this cannot fail.
    """

    __slots__ = ("_parts", "_path", "_raw")

    def __init__(self, path: str | None, raw: list[RawPart]) -> None:
        self._path = path
        self._raw: list[RawPart] | None = raw
        self._parts: tuple[tuple[str, Span], ...] = ()

    def __iter__(self) -> Iterator[tuple[str, Span]]:
        if self._raw is not None:
            path = self._path
            self._parts = tuple((name, Span(path, a, b, c, d)) for name, a, b, c, d in self._raw)
            self._raw = None
        return iter(self._parts)

    def __repr__(self) -> str:
        return f"PartSpans({list(self)!r})"


Parts = tuple[tuple[str, Span], ...] | PartSpans


@frozen
class _Element:
    """Fields every element shares: where it is, where its parts are."""

    span: Span | None = field(default=None, eq=False, repr=False, kw_only=True)
    #: Spans of parts of the element, e.g. ``("premise:1", span)``.
    parts: Parts = field(default=(), eq=False, repr=False, kw_only=True)

    def span_of(self, part: str) -> Span | None:
        """The span of one part (``id``, ``target``, ``attr:by``...), else the element's."""
        for name, span in self.parts:
            if name == part:
                return span
        return self.span


@frozen
class Statement(_Element):
    """A claim in the debate: a thesis, claim, evidence, assumption or objection."""

    kind: StatementKind
    id: str
    text: str
    by: str | None = None
    source: str | None = None
    date: str | None = None
    quote: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Source(_Element):
    """Where statements are reported: an article, an interview, a report."""

    id: str
    title: str
    url: str | None = None
    date: str | None = None
    author: str | None = None
    note: str | None = None
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Actor(_Element):
    """Someone who asserts statements."""

    id: str
    name: str
    role: str | None = None
    url: str | None = None
    note: str | None = None
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Inference(_Element):
    """Premises that together support, attack or undercut a target.

    A support or attack targets a statement; an undercut targets another
    inference (a support, an attack or an undercut) by its id. ``shorthand``
    records that the author wrote ``a supports b`` rather than the full
    ``argument: a => b`` form, so the text comes back as it was written.
    """

    kind: InferenceKind
    premises: tuple[str, ...]
    target: str | None
    id: str | None = None
    label: str | None = None
    by: str | None = None
    scheme: str | None = None
    warrant: str | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()
    #: Written as ``a supports b`` rather than ``argument: a => b``: a matter of
    #: layout, so it does not take part in equality.
    shorthand: bool = field(default=False, eq=False)
    extra: Extra = field(default=(), kw_only=True)

    @classmethod
    def support(cls, premises: tuple[str, ...], target: str, **kw: object) -> Inference:
        """Build a support inference."""
        return cls(kind=InferenceKind.SUPPORT, premises=premises, target=target, **kw)  # type: ignore[arg-type]

    @classmethod
    def attack(cls, premises: tuple[str, ...], target: str, **kw: object) -> Inference:
        """Build an attack."""
        return cls(kind=InferenceKind.ATTACK, premises=premises, target=target, **kw)  # type: ignore[arg-type]

    @classmethod
    def undercut(cls, premises: tuple[str, ...], target: str, **kw: object) -> Inference:
        """Build an undercut of the inference named ``target``."""
        return cls(kind=InferenceKind.UNDERCUT, premises=premises, target=target, **kw)  # type: ignore[arg-type]

    @property
    def key(self) -> str:
        """A stable name: the id, or one derived from kind, premises and target."""
        if self.id:
            return self.id
        return f"{self.kind.value}:{'+'.join(self.premises)}=>{self.target or ''}"


@frozen
class Contradiction(_Element):
    """Two statements that cannot both be true (symmetric)."""

    left: str
    right: str
    note: str | None = None
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Section(_Element):
    """A named group of items, drawn as a cluster; sections nest."""

    title: str
    items: tuple[Item, ...] = ()
    id: str | None = None


@frozen
class Include(_Element):
    """An ``include "file.argmap"`` line and the items read from that file."""

    path: str
    items: tuple[Item, ...] = field(default=(), eq=False)
    #: The real path of the file that was read, once the include is resolved.
    resolved: str | None = field(default=None, eq=False, repr=False)


Item = Statement | Source | Actor | Inference | Contradiction | Section | Include
Element = Statement | Source | Actor | Inference | Contradiction


@frozen
class ArgumentMap:
    """A whole map: header fields and items in the order they were written.

    ``diagnostics`` holds what was found while reading the text (unknown
    attribute keys, include problems); :func:`argmap.validate` adds the
    structural checks. ``comments`` are ``(span, text)`` pairs, kept for the
    formatter.
    """

    items: tuple[Item, ...] = ()
    title: str | None = None
    author: str | None = None
    date: str | None = None
    about: str | None = None
    path: str | None = field(default=None, eq=False)
    #: Header lines given a second time: kept so that nothing is lost, reported as E134.
    header_extra: tuple[tuple[str, str], ...] = ()
    header_spans: tuple[tuple[str, Span], ...] = field(default=(), eq=False, repr=False)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), eq=False, repr=False)
    comments: tuple[tuple[Span, str], ...] = field(default=(), eq=False, repr=False)
    #: Derived data (the index, evaluations) computed once per map.
    cache: dict[str, object] = field(factory=dict, init=False, eq=False, repr=False)

    def elements(self) -> Iterator[Element]:
        """Every element, in order, through sections and includes."""
        for item, _ in walk(self.items):
            if not isinstance(item, (Section, Include)):
                yield item

    def statements(self) -> Iterator[Statement]:
        """Every statement, in order."""
        return (e for e in self.elements() if isinstance(e, Statement))

    def inferences(self) -> Iterator[Inference]:
        """Every inference (support, attack, undercut), in order."""
        return (e for e in self.elements() if isinstance(e, Inference))

    def contradictions(self) -> Iterator[Contradiction]:
        """Every contradiction, in order."""
        return (e for e in self.elements() if isinstance(e, Contradiction))

    def sources(self) -> Iterator[Source]:
        """Every declared source, in order."""
        return (e for e in self.elements() if isinstance(e, Source))

    def actors(self) -> Iterator[Actor]:
        """Every declared actor, in order."""
        return (e for e in self.elements() if isinstance(e, Actor))

    def included_files(self) -> list[str]:
        """The real paths of every file read through ``include``, in order."""
        return [i.resolved for i, _ in walk(self.items) if isinstance(i, Include) and i.resolved]


def walk(items: tuple[Item, ...], section: Section | None = None) -> Iterator[tuple[Item, Section | None]]:
    """Yield ``(item, enclosing section)`` depth-first, in written order."""
    stack: list[tuple[Iterator[Item], Section | None]] = [(iter(items), section)]
    while stack:
        iterator, current = stack[-1]
        item = next(iterator, None)
        if item is None:
            stack.pop()
            continue
        yield item, current
        if isinstance(item, Section):
            stack.append((iter(item.items), item))
        elif isinstance(item, Include):
            stack.append((iter(item.items), current))
