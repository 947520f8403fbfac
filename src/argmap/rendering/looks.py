"""How argmap's pictures are drawn, shared by the map's DOT and its key's: fonts and sizes,
HTML-like label text, and the look of each kind of line.

Every text from the map that goes into an HTML-like label passes through
:func:`html_text` (or :func:`html_lines`, :func:`html_url`), so it can never
inject markup or Graphviz's ``\\N``-style escapes.

Example:
    >>> in_font(in_bold(html_text("a < b")), 9, "#000")
    '<FONT POINT-SIZE="9" COLOR="#000"><B>a &lt; b</B></FONT>'
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

from argmap.rendering.mapgraph import EdgeKind
from argmap.rendering.wrap import in_order, right_to_left

FONT = "Helvetica"  # built-in metrics in the engine: the same layout on every machine
#: Room added to measured text for shaping (Arabic joins its letters) and rounding.
TEXT_SLACK = 1.03
BADGE_SLACK = 1.1
TEXT_SIZE = 11
SMALL_SIZE = 7.5
FOOTER_SIZE = 8.5
#: Line style and arrowhead of each edge kind: these, not colour, tell the kinds apart.
EDGE_LOOK: dict[EdgeKind, dict[str, str]] = {
    EdgeKind.SUPPORT: {"style": "solid", "arrowhead": "normal"},
    EdgeKind.REBUT: {"style": "bold", "arrowhead": "tee", "penwidth": "2.4"},
    EdgeKind.UNDERMINE: {"style": "dashed", "arrowhead": "tee"},
    EdgeKind.UNDERCUT: {"style": "dotted", "arrowhead": "tee", "penwidth": "1.8"},
    EdgeKind.CONTRADICTION: {"style": "solid", "dir": "none", "constraint": "false"},
}
#: A table that only places its cells: no borders, no spacing, no padding.
PLAIN_TABLE = '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'


def html_text(text: str) -> str:
    """Text for inside an HTML-like label: markup escaped, backslashes doubled."""
    return html.escape(text, quote=True).replace("\\", "\\\\")


def html_url(url: str) -> str:
    """A URL for an ``HREF`` inside an HTML-like label (entities are decoded twice there)."""
    return html_text(url.replace("&", "&amp;"))


def in_bold(text: str) -> str:
    return f"<B>{text}</B>" if text else ""  # an empty <B></B> is a syntax error for the engine


def in_italic(text: str) -> str:
    return f"<I>{text}</I>" if text else ""


def in_font(text: str, size: float | None = None, color: str | None = None) -> str:
    if not text:
        return ""
    attrs = (f' POINT-SIZE="{size:g}"' if size else "") + (f' COLOR="{color}"' if color else "")
    return f"<FONT{attrs}>{text}</FONT>" if attrs else text


def html_lines(lines: Iterable[str]) -> str:
    lines = tuple(lines)
    rtl = right_to_left(" ".join(lines))
    return "<BR/>".join(html_text(in_order(line, rtl)) for line in lines)


def fit_width(lines: Iterable[str], size: float, bold: bool = False, padding: float = 0) -> str:
    """A ``WIDTH`` for a table cell that holds these lines, when the engine would measure them short.

    The engine's built-in metrics are Helvetica's, which the drawing font Arimo
    shares, for ASCII only; any other character counts as a space. A cell with
    other characters is made as wide as its widest line in the fonts it is drawn in.
    """
    lines = [line for line in lines if not line.isascii()]
    if not lines:
        return ""
    from argmap.rendering.fonts import text_width

    widest = max(text_width(line, size, bold) for line in lines)
    return f' WIDTH="{math.ceil(widest * TEXT_SLACK + 2 * padding)}"'


def roomy_width(lines: Iterable[str], size: float, bold: bool = False) -> int:
    """The width of a cell beside a badge: its widest line with room to spare.

    The engine measures italics as upright, and a browser may draw the text in
    a wider fallback font; the slack keeps the badge off the last letters.
    """
    from argmap.rendering.fonts import text_width

    return math.ceil(max((text_width(line, size, bold) for line in lines), default=0) * BADGE_SLACK) + 2


def fitted(label: str, lines: Iterable[str], size: float, bold: bool = False) -> str:
    """An HTML-like label's content in a one-cell table of the width its lines need (see :func:`fit_width`)."""
    width = fit_width(lines, size, bold)
    if not width:
        return label
    return f"{PLAIN_TABLE}<TR><TD{width}>{label}</TD></TR></TABLE>"
