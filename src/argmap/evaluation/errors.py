"""Errors raised when a map cannot be evaluated as asked."""

from __future__ import annotations


class EvaluationError(ValueError):
    """A what-if names an unknown or unsuitable id, or the semantics is unknown.

    Attributes:
        message: what is wrong, in plain words.
        hint: an optional suggestion, e.g. ``did you mean `putin`?``.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)


class EvaluationTooLarge(EvaluationError):
    """Preferred or stable semantics would need too large a search."""
