"""What parsing one text produces, whichever parser read it."""

from __future__ import annotations

from attrs import define

from argmap.model import Item, Span


@define
class Parsed:
    """What one parse produced."""

    items: tuple[Item, ...]
    header: list[tuple[str, str, Span]]
    comments: tuple[tuple[Span, str], ...]
    includes: bool
