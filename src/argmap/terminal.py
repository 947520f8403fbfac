"""Colour and width on a terminal: whether to colour, how wide to be, and wrapping between words.

Colour follows the common conventions: ``--color always`` or ``never`` decide;
with ``auto`` (the default) a non-empty ``NO_COLOR`` turns colour off, a
non-empty ``FORCE_COLOR`` turns it on, and otherwise only a terminal (not a
pipe or a file, and not ``TERM=dumb``) gets colour. Output to a terminal is
sized to its width (``COLUMNS`` overrides it, as :func:`shutil.get_terminal_size`
reads it); output to a pipe or a file keeps its lines whole, so that tools
reading it see one line per item.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from typing import IO

from attrs import frozen

CHOICES = ("auto", "always", "never")
#: The narrowest width output is fitted to; below it lines are left as they are.
NARROWEST = 40

_RESET = "\x1b[0m"
_SGR = {"bold": "1", "red": "31", "green": "32", "yellow": "33", "blue": "34", "cyan": "36", "dim": "2"}


def wants_colour(stream: IO[str], choice: str = "auto", environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what is written to ``stream``.

    Example:
        >>> import io
        >>> wants_colour(io.StringIO(), "auto", {"FORCE_COLOR": "1"}), wants_colour(io.StringIO(), "always", {})
        (True, True)
        >>> wants_colour(io.StringIO(), "auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"})
        False
    """
    env = os.environ if environ is None else environ
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream) and env.get("TERM") != "dumb"


def width_of(stream: IO[str]) -> int | None:
    """The width to fit output to on a terminal (``COLUMNS`` when set, else the terminal's own); None elsewhere.

    Output to a pipe or a file is never fitted, whatever ``COLUMNS`` says: tools
    reading it expect one line per item.
    """
    if not _is_terminal(stream):
        return None
    return max(NARROWEST, shutil.get_terminal_size().columns)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@frozen
class Style:
    """How to mark up text: with ANSI colours when ``colour`` is true, as it is otherwise."""

    colour: bool = False

    def paint(self, text: str, *names: str) -> str:
        """``text`` in the named colours and weights (``red``, ``bold``...).

        Example:
            >>> Style(True).paint("E101", "bold", "red"), Style(False).paint("E101", "red")
            ('\\x1b[1;31mE101\\x1b[0m', 'E101')
        """
        if not self.colour or not text:
            return text
        return f"\x1b[{';'.join(_SGR[n] for n in names)}m{text}{_RESET}"

    def severity(self, text: str, error: bool) -> str:
        """A diagnostic code or severity: bold red for errors, bold yellow for warnings."""
        return self.paint(text, "bold", "red" if error else "yellow")

    def status(self, text: str, name: str) -> str:
        """An evaluation status: IN green, OUT red, UNDECIDED yellow."""
        colours = {"IN": "green", "OUT": "red", "UNDECIDED": "yellow"}
        return self.paint(text, colours.get(name, "bold"))


PLAIN = Style()


def cut(text: str, width: int | None) -> str:
    """``text`` on one line, cut with ``…`` to ``width`` columns (None: kept whole; never below 12).

    Example:
        >>> cut("Is the expert personally reliable as a source?", 20), cut("kept  whole", None)
        ('Is the expert perso…', 'kept whole')
    """
    text = " ".join(text.split())
    if width is None or len(text) <= max(12, width):
        return text
    return text[: max(12, width) - 1].rstrip() + "…"


def wrap(text: str, width: int | None, indent: str = "", first: str = "") -> list[str]:
    """``first + text`` broken between words to ``width`` columns, later lines starting with ``indent``.

    A word longer than a line (a path, a URL) is kept whole rather than cut.

    Example:
        >>> wrap("a hint that is too long for the line", 20, "    ", "  = hint: ")
        ['  = hint: a hint', '    that is too long', '    for the line']
        >>> wrap("kept as it is", None, "", "> ")
        ['> kept as it is']
    """
    import textwrap

    if width is None or len(first) + len(text) <= width:
        return [first + text]
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first]
