"""One document read and checked: its map, its diagnostics, and where every id is written.

The analysis never raises for a problem in the text: a syntax error becomes an
``E001`` diagnostic and leaves the map as ``None``.
"""

from __future__ import annotations

import os

from attrs import frozen

from argmap.checks.validate import validate
from argmap.errors import ArgmapSyntaxError
from argmap.lsp.occurrences import Occurrences, occurrences
from argmap.model import ArgumentMap, Span
from argmap.model.diagnostics import Diagnostic
from argmap.syntax.loader import Reader, loads


@frozen
class Analysis:
    """What is known about one document after reading it.

    Attributes:
        path: the file the document is (``None`` for an unsaved, untitled one).
        map: the map, or ``None`` when the text has a syntax error.
        diagnostics: every diagnostic, in this file and in the files it includes.
        occurrences: where each id is defined and referred to (empty without a map).
    """

    path: str | None
    map: ArgumentMap | None
    diagnostics: tuple[Diagnostic, ...]
    occurrences: Occurrences

    def files(self) -> list[str]:
        """The real paths of the files this analysis covers: the document and its includes."""
        own = [os.path.realpath(self.path)] if self.path else []
        return own + (self.map.included_files() if self.map is not None else [])


def analyse(text: str, path: str | None, read: Reader | None = None) -> Analysis:
    """Read and check ``text`` (the document at ``path``), its includes read with ``read``."""
    try:
        m = loads(text, path, read)
    except ArgmapSyntaxError as exc:
        span = Span(exc.path, exc.line, exc.column, exc.line, exc.end_column)
        diagnostic = Diagnostic.make("E001", exc.message, span, exc.hint)
        return Analysis(path, None, (diagnostic,), occurrences(None))
    return Analysis(path, m, tuple(validate(m)), occurrences(m))
