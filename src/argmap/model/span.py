"""Where something was written in a map's text."""

from __future__ import annotations

from attrs import frozen


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
