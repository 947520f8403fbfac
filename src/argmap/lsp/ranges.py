"""Spans (1-based, end exclusive) as LSP ranges (0-based, end exclusive), in characters."""

from __future__ import annotations

from lsprotocol import types

from argmap.model import Span


def to_range(span: Span) -> types.Range:
    """The LSP range of a span, counted in characters (the server converts to the client's units)."""
    return types.Range(
        start=types.Position(line=span.line - 1, character=span.column - 1),
        end=types.Position(line=span.end_line - 1, character=max(span.end_column - 1, 0)),
    )


def whole(text: str) -> types.Range:
    """The range of a whole text."""
    lines = text.split("\n")
    return types.Range(
        start=types.Position(line=0, character=0),
        end=types.Position(line=len(lines) - 1, character=len(lines[-1])),
    )
