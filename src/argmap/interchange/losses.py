"""What a conversion could not carry, and where: nothing is dropped without being listed.

Every importer returns an :class:`Imported` (the map and its losses), every
exporter an :class:`Exported` (the text and its losses). A :class:`Loss` names
the place (a span in the map, or a node of the input) and what was lost there.

Example:
    >>> from argmap.model import Span
    >>> str(Loss("statement `t`", "the source `lab`: plain AIF has no sources", Span("m.argmap", 3, 1, 3, 9)))
    'm.argmap:3:1: statement `t`: the source `lab`: plain AIF has no sources'
    >>> str(Loss("node 7", "an MA node (rephrase): argmap has no rephrase relation"))
    'node 7: an MA node (rephrase): argmap has no rephrase relation'
"""

from __future__ import annotations

from attrs import field, frozen

from argmap.language import assert_never
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Include,
    Inference,
    Item,
    Preference,
    SchemeDefinition,
    Section,
    Source,
    Span,
    Statement,
)


@frozen
class Loss:
    """One thing a conversion could not carry.

    Attributes:
        where: the element or input node it belongs to, e.g. ``statement `t``` or ``node 7``.
        what: what was lost, and why.
        span: where the element was written, when it came from a map file.
    """

    where: str
    what: str
    span: Span | None = field(default=None, eq=False)

    def __str__(self) -> str:
        place = f"{self.span}: " if self.span is not None else ""
        return f"{place}{self.where}: {self.what}"

    @classmethod
    def of(cls, item: Item, what: str) -> Loss:
        """The loss of ``what`` from a map element, named by its kind and id and placed at its span."""
        return cls(_label(item), what, item.span)


@frozen
class Imported:
    """A map read from another format, and what the reading lost."""

    map: ArgumentMap
    losses: tuple[Loss, ...] = ()


@frozen
class Exported:
    """A map written in another format, and what the writing lost.

    ``str(exported)`` is the text.
    """

    text: str
    losses: tuple[Loss, ...] = ()

    def __str__(self) -> str:
        return self.text


def _label(item: Item) -> str:
    """How a loss names the element it belongs to: its kind and its id (or what stands for one)."""
    match item:
        case Inference():
            return f"{item.kind.value} `{item.key}`"
        case Contradiction():
            return f"contradiction `{item.left}` / `{item.right}`"
        case Preference():
            return f"preference `{item.stronger}` over `{item.weaker}`"
        case Section():
            return f"section `{item.title}`"
        case Include():
            return f"include `{item.path}`"
        case SchemeDefinition():
            return f"scheme `{item.key}`"
        case Statement() | Source() | Actor():
            return f"{type(item).__name__.lower()} `{item.id}`"
        case _:
            assert_never(item)
