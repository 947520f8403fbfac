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
import re
from collections.abc import Iterator
from typing import Any, ClassVar

import attrs
from attrs import Attribute, field, fields, frozen

from argmap.language import Form, inference_key, key_aliases, key_slug
from argmap.language import InferenceKind as InferenceKind  # re-exported: the model's kinds are the language's
from argmap.language import StatementKind as StatementKind
from argmap.model.diagnostics import Diagnostic
from argmap.model.span import Span as Span


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


def _writable_text(obj: object) -> None:
    """Refuse text with a lone surrogate: no UTF-8 file can hold it, so the map could not be saved.

    Every field that holds text and takes part in equality is looked at; paths
    and spans (left out of equality) may hold what the file system gave.

    Raises:
        ValueError: naming the class, the field and the text.
    """
    cls = type(obj)
    names = _TEXT_FIELDS.get(cls)
    if names is None:
        names = _TEXT_FIELDS[cls] = tuple(
            f.name
            for f in fields(cls)  # type: ignore[arg-type]
            if f.eq and any(word in str(f.type) for word in ("str", "Extra"))
        )
    for name in names:
        value = getattr(obj, name)
        if not value or (value.__class__ is str and value.isascii()):
            continue
        bad = _surrogate_in(value)
        if bad is not None:
            shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
            raise ValueError(
                f"{cls.__name__}.{name}: {shown} holds a lone surrogate (U+{ord(bad):04X}), "
                "which cannot be written as UTF-8; give text that is valid Unicode"
            )


_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}


def _repeats_of_header(instance: ArgumentMap, attribute: Attribute, value: tuple[tuple[str, str], ...]) -> None:  # type: ignore[type-arg]
    """A repeated header line repeats one that is there: ``title``, ``author``, ``date`` or ``about``, once set.

    Raises:
        ValueError: for another key, or a key whose first line is missing.
    """
    for key, _ in value:
        if key not in ("title", "author", "date", "about") or getattr(instance, key) is None:
            raise ValueError(
                f"ArgumentMap.header_extra: {key!r} repeats no header line; "
                "give header lines as title, author, date and about first"
            )


def _some_id(instance: object, attribute: Attribute, value: str | None) -> None:  # type: ignore[type-arg]
    """An optional id is ``None`` or a name: the empty string would be read back as no id at all.

    Raises:
        ValueError: for ``""``.
    """
    if value == "":
        raise ValueError(f"{type(instance).__name__}.{attribute.name}: give None for no id, not an empty string")


def _surrogate_in(value: object) -> str | None:
    """The first lone surrogate in a string or in nested tuples of strings, or ``None``."""
    if isinstance(value, str):
        found = None if value.isascii() else _SURROGATE.search(value)
        return found.group() if found else None
    if isinstance(value, tuple):
        for part in value:
            bad = _surrogate_in(part)
            if bad is not None:
                return bad
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


#: Extra attributes that the language does not know, kept so that nothing
#: written is lost; the checker reports each of them as an error.
Value = str | tuple[str, ...]
Extra = tuple[tuple[str, Value], ...]


#: The key of the field metadata that makes a field an attribute, and gives its form.
ATTRIBUTE = "attribute"
#: The key of the field metadata that says what kind of element a ``ref`` names.
REFERS_TO = "refers_to"


def attribute(form: Form, *, refers_to: str | None = None) -> Any:
    """A field written in the element's attribute block as ``name: value``.

    The order of the attribute fields in a class is the order they are printed
    in. ``refers_to`` says what a ``ref`` names (``actor``, ``source``).
    """
    metadata: dict[str, object] = {ATTRIBUTE: form}
    if refers_to is not None:
        metadata[REFERS_TO] = refers_to
    return field(default=() if form == "list" else None, metadata=metadata)


@frozen
class AttributeField:
    """One attribute of an element class: its key, its form, and what a ``ref`` names."""

    name: str
    form: Form
    refers_to: str | None = None


def attribute_fields(cls: type) -> tuple[AttributeField, ...]:
    """The attributes of an element class, in the order they are printed (worked out once per class).

    Example:
        >>> [a.name for a in attribute_fields(Actor)]
        ['role', 'url', 'note', 'rank']
    """
    found = _ATTRIBUTES.get(cls)
    if found is None:
        found = _ATTRIBUTES[cls] = tuple(
            AttributeField(f.name, f.metadata[ATTRIBUTE], f.metadata.get(REFERS_TO))
            for f in attrs.fields(cls)
            if ATTRIBUTE in f.metadata
        )
    return found


_ATTRIBUTES: dict[type, tuple[AttributeField, ...]] = {}


def element_name(cls: type) -> str:
    """The word for an element class in messages and schemas: ``statement``, ``source``, ``scheme``..."""
    word: str = cls.__dict__.get("WORD") or cls.__name__.lower()
    return word


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

    def moved(self, lines: int) -> PartSpans:
        """The same parts, ``lines`` lines further down (up, when negative): the text above them changed."""
        raw = self._raw
        if raw is None:
            raw = [(n, s.line, s.column, s.end_line, s.end_column) for n, s in self._parts]
        return PartSpans(self._path, [(n, a + lines, b, c + lines, d) for n, a, b, c, d in raw])


Parts = tuple[tuple[str, Span], ...] | PartSpans


@frozen
class _Element:
    """Fields every element shares: where it is, where its parts are."""

    span: Span | None = field(default=None, eq=False, repr=False, kw_only=True)
    #: Spans of parts of the element, e.g. ``("premise:1", span)``.
    parts: Parts = field(default=(), eq=False, repr=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _writable_text(self)

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
    by: str | None = attribute("ref", refers_to="actor")
    source: str | None = attribute("ref", refers_to="source")
    date: str | None = attribute("date")
    quote: str | None = attribute("text")
    url: str | None = attribute("url")
    tags: tuple[str, ...] = attribute("list")
    note: str | None = attribute("text")
    #: How much the statement weighs as a premise; without it, its source's or speaker's rank.
    rank: str | None = attribute("number")
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Source(_Element):
    """Where statements are reported: an article, an interview, a report."""

    id: str
    title: str
    url: str | None = attribute("url")
    date: str | None = attribute("date")
    author: str | None = attribute("text")
    note: str | None = attribute("text")
    #: The rank of the statements reported here (a higher rank weighs more).
    rank: str | None = attribute("number")
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Actor(_Element):
    """Someone who asserts statements."""

    id: str
    name: str
    role: str | None = attribute("text")
    url: str | None = attribute("url")
    note: str | None = attribute("text")
    #: The rank of what this actor asserts and infers (a higher rank weighs more).
    rank: str | None = attribute("number")
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
    id: str | None = field(default=None, validator=_some_id)
    label: str | None = None
    by: str | None = attribute("ref", refers_to="actor")
    scheme: str | None = attribute("name")
    #: The critical question (of the scheme of the inference this one aims at) that it raises.
    raises: str | None = attribute("name")
    #: The critical question that this inference answers (see :mod:`argmap.model.questions`).
    answers: str | None = attribute("name")
    warrant: str | None = attribute("text")
    note: str | None = attribute("text")
    tags: tuple[str, ...] = attribute("list")
    #: How much the inference weighs; without it, its actor's rank.
    rank: str | None = attribute("number")
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
        """The one name of the inference: its id, or how it reads (``a + b supports c``).

        Older spellings are accepted where a key is looked up (:meth:`aliases`).
        """
        if self.id:
            return self.id
        return inference_key(self.kind, self.premises, self.target)

    def aliases(self) -> tuple[str, ...]:
        """Other spellings that name this inference: older key forms and the SVG id form."""
        found = key_aliases(self.kind, self.premises, self.target)
        return (*found, key_slug(self.id)) if self.id else found


@frozen
class Contradiction(_Element):
    """Two statements that cannot both be true (symmetric)."""

    left: str
    right: str
    note: str | None = attribute("text")
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Preference(_Element):
    """``stronger outweighs weaker``: a preference between two inferences, or two statements taken as premises.

    Either side is an inference id or a statement id; the evaluation reads it
    as the ASPIC+ preference ``weaker < stronger`` (see ``docs/evaluation.md``).
    """

    stronger: str
    weaker: str
    note: str | None = attribute("text")
    extra: Extra = field(default=(), kw_only=True)


@frozen
class SchemePremise:
    """A premise of a scheme a map defines: its text, and the tag that marks it in a map (see W214)."""

    text: str
    tag: str | None = None

    def __attrs_post_init__(self) -> None:
        _writable_text(self)


@frozen
class SchemeQuestion:
    """A critical question of a scheme a map defines: a stable key, its type and its text.

    ``type`` is one of ``premise``, ``exception`` and ``assumption``
    (:data:`argmap.language.QUESTION_TYPES`); another word is kept as written
    for the checker to report (E138).
    """

    key: str
    type: str
    text: str

    def __attrs_post_init__(self) -> None:
        _writable_text(self)


@frozen
class SchemeDefinition(_Element):
    """An argumentation scheme the map defines: ``scheme key "Name" { ... }``.

    ``scheme: key`` on an inference names it as it names a scheme of the
    catalogue (see :mod:`argmap.model.questions`). Scheme keys have a
    namespace of their own: a scheme may share its key with a statement.
    """

    #: How messages, the JSON form and the attribute table name it.
    WORD: ClassVar[str] = "scheme"

    key: str
    name: str
    premises: tuple[SchemePremise, ...] = ()
    conclusion: str | None = None
    questions: tuple[SchemeQuestion, ...] = ()
    #: Where the scheme is described (a book, a paper, a page).
    reference: str | None = attribute("text")
    note: str | None = attribute("text")
    extra: Extra = field(default=(), kw_only=True)


@frozen
class Section(_Element):
    """A named group of items, drawn as a cluster; sections nest."""

    title: str
    items: tuple[Item, ...] = ()
    id: str | None = field(default=None, validator=_some_id)


@frozen
class Include(_Element):
    """An ``include "file.argmap"`` line and the items read from that file."""

    path: str
    items: tuple[Item, ...] = field(default=(), eq=False)
    #: The real path of the file that was read, once the include is resolved.
    resolved: str | None = field(default=None, eq=False, repr=False)
    #: The comments of that file, as ``(span, text)`` pairs (for inline suppressions).
    comments: tuple[tuple[Span, str], ...] = field(default=(), eq=False, repr=False)


Item = Statement | Source | Actor | Inference | Contradiction | Preference | SchemeDefinition | Section | Include
Element = Statement | Source | Actor | Inference | Contradiction | Preference | SchemeDefinition


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
    header_extra: tuple[tuple[str, str], ...] = field(default=(), validator=_repeats_of_header)
    header_spans: tuple[tuple[str, Span], ...] = field(default=(), eq=False, repr=False)
    diagnostics: tuple[Diagnostic, ...] = field(default=(), eq=False, repr=False)
    comments: tuple[tuple[Span, str], ...] = field(default=(), eq=False, repr=False)
    #: Derived data (the index, evaluations) computed once per map.
    cache: dict[str, object] = field(factory=dict, init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _writable_text(self)

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

    def preferences(self) -> Iterator[Preference]:
        """Every preference (``a outweighs b``), in order."""
        return (e for e in self.elements() if isinstance(e, Preference))

    def sources(self) -> Iterator[Source]:
        """Every declared source, in order."""
        return (e for e in self.elements() if isinstance(e, Source))

    def actors(self) -> Iterator[Actor]:
        """Every declared actor, in order."""
        return (e for e in self.elements() if isinstance(e, Actor))

    def schemes(self) -> Iterator[SchemeDefinition]:
        """Every scheme the map defines (``scheme key "Name" { ... }``), in order."""
        return (e for e in self.elements() if isinstance(e, SchemeDefinition))

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
