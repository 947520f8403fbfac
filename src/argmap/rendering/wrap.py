"""Text made safe and short enough to draw: cleaning, wrapping, one-line forms.

Texts come from untrusted files. Characters that XML forbids (C0 control
characters, lone surrogates, U+FFFE and U+FFFF) are dropped here, before any
text reaches the map graph, so every later stage works on clean text; the
layout engine copies control characters into its SVG, which would then not
be well-formed XML.

Example:
    >>> wrap("Tea contains antioxidants, which protect cells.", 20)
    ('Tea contains', 'antioxidants, which', 'protect cells.')
    >>> clean("bell\\x07 and tab\\t")
    'bell and tab '
"""

from __future__ import annotations

import re
import textwrap

#: Characters that are not allowed in XML 1.0 (tab, line feed and carriage return are).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Drop characters XML forbids; tabs become spaces, line ends become ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _FORBIDDEN.sub("", text)


def one_line(text: str) -> str:
    """Clean text with every run of white space (line breaks too) made one space.

    Example:
        >>> one_line("  two\\n lines ")
        'two lines'
    """
    return _SPACES.sub(" ", clean(text)).strip()


def wrap(text: str, width: int) -> tuple[str, ...]:
    """Clean text broken into lines of at most ``width`` characters.

    Line breaks written in the text are kept; words longer than a line are
    split. Empty text gives one empty line.

    Args:
        text: the text to wrap.
        width: the longest line, in characters (at least 1).
    """
    width = max(1, width)
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        paragraph = _SPACES.sub(" ", paragraph).strip()
        if not paragraph:
            if lines:
                lines.append("")
            continue
        lines.extend(textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [paragraph])
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines) or ("",)


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis if longer.

    Example:
        >>> shorten("Interview with Naftali Bennett, 2 February 2023", 24)
        'Interview with Naftali…'
    """
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line[: max(1, limit - 1)]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
