"""One document read and checked: its map, its diagnostics, and where every id is written.

The analysis never raises for a problem in the text: a syntax error becomes an
``E001`` diagnostic and leaves the map as ``None``. Given the analysis of an
earlier version of the text, only the top-level items that changed are parsed
again (:mod:`argmap.lsp.reparse`); the result is the same as reading it all.
"""

from __future__ import annotations

import os
from functools import cached_property

from argmap.checks.validate import validate
from argmap.errors import ArgmapSyntaxError
from argmap.gcpause import gc_paused
from argmap.lsp.occurrences import Occurrences, occurrences
from argmap.lsp.reparse import Parse, reparse
from argmap.model import ArgumentMap, Span
from argmap.model.diagnostics import Diagnostic
from argmap.syntax.loader import ParseText, Reader, from_parsed, refuse_surrogates


class Analysis:
    """What is known about one document after reading it.

    Attributes:
        path: the file the document is (``None`` for an unsaved, untitled one).
        map: the map, or ``None`` when the text has a syntax error.
        diagnostics: every diagnostic, in this file and in the files it includes.
        occurrences: where each id is defined and referred to (empty without a map),
            worked out when first asked for: a keystroke needs only the diagnostics.
        parse: the text and its parse (``None`` when it has a syntax error), for the next edit.
    """

    def __init__(
        self,
        path: str | None,
        m: ArgumentMap | None,
        diagnostics: tuple[Diagnostic, ...],
        parse: Parse | None = None,
    ) -> None:
        self.path = path
        self.map = m
        self.diagnostics = diagnostics
        self.parse = parse

    @cached_property
    def occurrences(self) -> Occurrences:
        """Where each id is defined and referred to."""
        return occurrences(self.map)

    def files(self) -> list[str]:
        """The real paths of the files this analysis covers: the document and its includes."""
        own = [os.path.realpath(self.path)] if self.path else []
        return own + (self.map.included_files() if self.map is not None else [])


def analyse(
    text: str,
    path: str | None,
    read: Reader | None = None,
    previous: Parse | None = None,
    parse_included: ParseText | None = None,
) -> Analysis:
    """Read and check ``text`` (the document at ``path``), its includes read with ``read``.

    ``previous`` is the parse of an earlier version of the same document, if one
    parsed; ``parse_included`` parses included files (it may keep their parses).
    """
    with gc_paused():  # the model is acyclic: nothing for the collector to find while it is built
        return _analyse(text, path, read, previous, parse_included)


def _analyse(
    text: str, path: str | None, read: Reader | None, previous: Parse | None, parse_included: ParseText | None
) -> Analysis:
    try:
        refuse_surrogates(text, path)
        parse = reparse(previous, text, path)
        m = from_parsed(parse.parsed, path, read, parse_included)
    except ArgmapSyntaxError as exc:
        span = Span(exc.path, exc.line, exc.column, exc.line, exc.end_column)
        diagnostic = Diagnostic.make("E001", exc.message, span, exc.hint)
        return Analysis(path, None, (diagnostic,))
    return Analysis(path, m, tuple(validate(m)), parse)
