"""Reading a map for a command, and the source lines that its diagnostics quote."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.checks import report
from argmap.cli import files
from argmap.errors import ArgmapFileError, ArgmapSyntaxError
from argmap.fileio import read_text
from argmap.model import ArgumentMap, Span
from argmap.model.diagnostics import Diagnostic
from argmap.syntax.loader import loads
from argmap.terminal import PLAIN, Style

#: The path that diagnostics give for standard input.
STDIN_PATH = "<stdin>"


def shown(name: str) -> str:
    """How a file named on the command line appears in messages: ``<stdin>`` for ``-``."""
    return STDIN_PATH if name == files.STDIN else name


def syntax_diagnostic(exc: ArgmapSyntaxError) -> Diagnostic:
    """A syntax error as an E001 diagnostic."""
    span = Span(exc.path, exc.line, exc.column, exc.line, exc.end_column)
    return Diagnostic.make("E001", exc.message, span, exc.hint)


def read_map(name: str, text: str | None = None) -> tuple[ArgumentMap | Diagnostic, str]:
    """One file read as a map (or its syntax error), and its text.

    Args:
        name: the file, or ``-`` for standard input.
        text: its text, when it has been read already (standard input can be read only once).

    Raises:
        ArgmapFileError: the file cannot be read.
    """
    if text is None:
        text = files.read(name)
    path = shown(name)
    try:
        return loads(text, path), text
    except ArgmapSyntaxError as exc:
        exc.path = path
        return syntax_diagnostic(exc), text


class SourceLines:
    """The lines of the files that diagnostics point into, for :func:`argmap.checks.report.full`.

    Texts already read are used as they are (standard input has no file to read
    again); other files are read once, when a diagnostic first needs them. A file
    that cannot be read has no lines: its diagnostics are shown without an excerpt.
    """

    def __init__(self, texts: Mapping[str, str] | None = None) -> None:
        self._lines: dict[str, list[str]] = {}
        for path, text in (texts or {}).items():
            self.add(path, text)

    def add(self, path: str, text: str) -> None:
        """Remember the text of ``path`` (as the diagnostics name it)."""
        self._lines[path] = text.split("\n")

    def __call__(self, path: str | None) -> list[str]:
        if path is None or (path == STDIN_PATH and path not in self._lines):
            return []
        if path not in self._lines:
            try:
                self._lines[path] = read_text(path).split("\n")
            except ArgmapFileError:
                self._lines[path] = []
        return self._lines[path]


def full_reports(
    diagnostics: Iterable[Diagnostic], lines: SourceLines, style: Style = PLAIN, width: int | None = None
) -> list[str]:
    """Each diagnostic as ``argmap check`` shows it, with its source line, and a blank line after it."""
    return [report.full(d, lines, style, width) + "\n" for d in diagnostics]
