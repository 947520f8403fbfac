"""Exceptions raised by argmap."""

from __future__ import annotations


class ArgmapSyntaxError(ValueError):
    """The text is not valid .argmap: carries the place and a plain message.

    Attributes:
        path: the file, or ``None`` for text that came from a string.
        line: 1-based line of the problem.
        column: 1-based column of the problem.
        end_column: 1-based column just after the offending text.
        message: what was expected and what was found, in plain words.
        hint: an optional suggestion.
    """

    def __init__(
        self,
        message: str,
        path: str | None,
        line: int,
        column: int,
        end_column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.end_column = end_column if end_column is not None else column + 1
        self.hint = hint
        super().__init__(f"{path or '<text>'}:{line}:{column}: {message}")


class ArgmapFileError(OSError):
    """A file cannot be read: missing, a directory, not UTF-8."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")
