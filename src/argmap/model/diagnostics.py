"""Diagnostics: what the checker reports, with stable codes.

Every diagnostic has a code that never changes meaning (``E101``), a short
name (``unknown-statement``), a severity, a message that says what was
expected and what was found, the span it is about, an optional hint and
related places (for example the first definition of a duplicate id).
"""

from __future__ import annotations

import enum

from attrs import frozen

from argmap.model.span import Span


class Severity(enum.Enum):
    """How bad a diagnostic is: errors stop rendering, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@frozen
class Code:
    """A diagnostic code with its name, severity and one-line summary."""

    code: str
    name: str
    severity: Severity
    summary: str


def _codes(*rows: tuple[str, str, str]) -> dict[str, Code]:
    table = {}
    for code, name, summary in rows:
        severity = Severity.ERROR if code.startswith("E") else Severity.WARNING
        table[code] = Code(code, name, severity, summary)
    return table


#: Every code argmap reports, in the order of docs/diagnostics.md.
CODES: dict[str, Code] = _codes(
    ("E001", "syntax-error", "the text does not follow the grammar"),
    ("E101", "unknown-statement", "a reference names no statement"),
    ("E102", "unknown-inference", "an undercut names no inference or relation"),
    ("E103", "unknown-source", "a `source:` names no declared source"),
    ("E104", "unknown-actor", "a `by:` names no declared actor"),
    ("E105", "include-not-found", "an included file cannot be read"),
    ("E106", "include-outside", "an include leaves the including file's folder"),
    ("E107", "include-cycle", "files include each other in a cycle"),
    ("E108", "include-syntax", "an included file has a syntax error"),
    ("E109", "include-repeated", "the same file is included twice"),
    ("E110", "duplicate-id", "two elements share an id"),
    ("E111", "bad-id", "an id is a reserved word or not a valid id"),
    ("E120", "incomplete-inference", "an inference lacks premises or a conclusion"),
    ("E121", "conclusion-in-premises", "an inference concludes one of its own premises"),
    ("E122", "self-attack", "a statement attacks or contradicts itself"),
    ("E123", "undercut-statement", "an undercut aims at a statement"),
    ("E124", "inference-as-statement", "a support or attack aims at an inference"),
    ("E125", "circular-support", "statements support each other in a circle"),
    ("E126", "preference-cycle", "preferences run in a circle"),
    ("E127", "unknown-preferred", "a preference names no inference or statement"),
    ("E128", "preference-kind", "a preference names a source, actor or section"),
    ("E130", "bad-date", "a date is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ("E131", "bad-url", "a URL is not http, https or mailto"),
    ("E132", "unknown-attribute", "an attribute key the element does not have"),
    ("E133", "bad-attribute-value", "an attribute value of the wrong form"),
    ("E134", "duplicate-attribute", "an attribute or header line given twice"),
    ("E135", "unknown-question", "a `raises:` or `answers:` names no critical question of the inference it aims at"),
    ("E136", "duplicate-scheme", "a map defines two schemes with the same key"),
    ("E137", "duplicate-question", "a scheme the map defines asks two questions with the same key"),
    ("E138", "unknown-question-type", "a critical question's type is not premise, exception or assumption"),
    ("W201", "unrelated-statement", "a statement takes part in no relation"),
    ("W202", "disconnected-statement", "a statement is not connected to any thesis"),
    ("W203", "unsourced-evidence", "evidence names neither a source nor an actor"),
    ("W204", "unused-source", "a declared source is never referred to"),
    ("W205", "unused-actor", "a declared actor is never referred to"),
    ("W206", "duplicate-text", "two statements have the same text"),
    ("W207", "duplicate-relation", "the same relation is written twice"),
    ("W208", "support-and-contradiction", "two statements both support and contradict each other"),
    ("W209", "no-thesis", "the map has statements but no thesis"),
    ("W210", "preference-never-matters", "a preference between elements that never conflict"),
    ("W213", "unknown-scheme", "a `scheme:` names no scheme of the map or the catalogue"),
    ("W214", "missing-scheme-premise", "an inference lacks a premise its scheme requires"),
    ("W215", "open-question", "a required critical question was neither raised nor answered (`--require-questions`)"),
    ("W216", "empty-map", "the map has no statements, relations or declarations"),
    ("W217", "unused-suppression", "an `# argmap: ignore[...]` comment suppresses nothing"),
    ("W218", "scheme-shadows-catalogue", "a scheme the map defines has the key of a catalogue scheme"),
)


@frozen
class Related:
    """Another place that a diagnostic refers to."""

    span: Span | None
    message: str


@frozen
class Diagnostic:
    """One problem found in a map.

    Example:
        >>> d = Diagnostic.make("E101", "unknown statement `x`", None)
        >>> d.severity.value, d.name
        ('error', 'unknown-statement')
    """

    code: str
    message: str
    span: Span | None
    hint: str | None = None
    related: tuple[Related, ...] = ()
    #: The text that surely belongs at ``span`` instead (a misspelt id with one close match), for ``--fix``.
    fix: str | None = None

    @classmethod
    def make(
        cls,
        code: str,
        message: str,
        span: Span | None,
        hint: str | None = None,
        related: tuple[Related, ...] = (),
        fix: str | None = None,
    ) -> Diagnostic:
        """Build a diagnostic, checking that its code exists."""
        if code not in CODES:
            raise KeyError(f"unknown diagnostic code {code!r}")
        return cls(code, message, span, hint, related, fix)

    @property
    def severity(self) -> Severity:
        """Error or warning, from the code."""
        return CODES[self.code].severity

    @property
    def name(self) -> str:
        """The code's short name, e.g. ``unknown-statement``."""
        return CODES[self.code].name

    @property
    def is_error(self) -> bool:
        """True for errors."""
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, line, column, code."""
        s = self.span
        return (s.path or "", s.line, s.column, self.code) if s else ("", 0, 0, self.code)
