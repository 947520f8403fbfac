"""Text made safe and short enough to draw: cleaning, wrapping, one-line forms.

Texts come from untrusted files. Characters that XML forbids (C0 control
characters, lone surrogates, U+FFFE and U+FFFF) are dropped here, before any
text reaches the map graph, so every later stage works on clean text; the
layout engine copies control characters into its SVG, which would then not
be well-formed XML.

Widths are counted in columns: a character is one column, a wide East Asian
character (an ideograph, kana, hangul) two, since it is about twice as wide
as a Latin letter; text in those scripts, written without spaces, may break
between any two wide characters (never before closing punctuation such as 。).

Example:
    >>> wrap("Tea contains antioxidants, which protect cells.", 20)
    ('Tea contains', 'antioxidants, which', 'protect cells.')
    >>> wrap("和平谈判失败了。双方都不信任对方。", 14)
    ('和平谈判失败', '了。双方都不信', '任对方。')
    >>> clean("bell\\x07 and tab\\t")
    'bell and tab '
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

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
        if any(_wide(char) for char in paragraph):
            lines.extend(_wrap_columns(paragraph, width))
        else:
            lines.extend(textwrap.wrap(paragraph, width, break_long_words=True, break_on_hyphens=False) or [paragraph])
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines) or ("",)


#: Punctuation that never starts a line: it stays with the character before it.
_CLOSING = frozenset(")]}»”’、。，．！？：；）」』】〉》〕")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def columns(text: str) -> int:
    """How many columns text takes: wide East Asian characters two, others one.

    Example:
        >>> columns("Tea"), columns("和平")
        (3, 4)
    """
    return sum(2 if _wide(char) else 1 for char in text)


def _units(paragraph: str) -> list[tuple[str, str]]:
    """The pieces a line may not break inside, each with what separates it from the one before.

    A word is a piece; so is each wide character, with any closing punctuation after it.
    """
    units: list[tuple[str, str]] = []
    sep, word, after_wide = "", "", False
    for char in paragraph:
        if char == " ":
            if word:
                units.append((sep, word))
            sep, word, after_wide = " ", "", False
        elif char in _CLOSING or not (after_wide or _wide(char)) or not word:
            word += char
            after_wide = after_wide or _wide(char)
        else:
            units.append((sep, word))
            sep, word, after_wide = "", char, _wide(char)
    if word:
        units.append((sep, word))
    return units


def _wrap_columns(paragraph: str, width: int) -> list[str]:
    """Greedy wrapping, by columns, of a paragraph that holds wide characters."""
    lines: list[str] = []
    line = ""
    for sep, unit in _units(paragraph):
        joined = f"{line}{sep}{unit}" if line else unit
        if columns(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        line = unit
        while columns(line) > width:  # a piece longer than a line is split
            n = 1
            while columns(line[: n + 1]) <= width:
                n += 1
            lines.append(line[:n])
            line = line[n:]
    if line:
        lines.append(line)
    return lines


#: Marks that make a line of right-to-left text keep its order in a left-to-right picture.
RLM = "\u200f"


def right_to_left(text: str) -> bool:
    """Whether text is written right to left: its first letter with a direction is Hebrew, Arabic and the like.

    Example:
        >>> right_to_left("«שלום» עולם"), right_to_left("2024: peace")
        (True, False)
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def in_order(line: str, rtl: bool) -> str:
    """A line of a right-to-left text between right-to-left marks, else the line as it is.

    Pictures lay lines out left to right; the marks make punctuation and
    numbers at either end of a Hebrew or Arabic line fall where a reader of
    that script expects them, in SVG viewers and in PNG alike.

    Example:
        >>> in_order("שלום.", True) == "\u200fשלום.\u200f", in_order("peace.", False)
        (True, 'peace.')
    """
    return f"{RLM}{line}{RLM}" if rtl and line else line


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
