"""``argmap-pandoc``: a Pandoc filter that turns ```` ```argmap ```` code blocks into pictures.

::

    pandoc notes.md --filter argmap-pandoc -o notes.html
    pandoc notes.md --filter argmap-pandoc -o notes.docx

HTML output (``html``, ``html5``, ``epub``...) gets the SVG inside the page, so
its links work; every other output gets a PNG file (the bundled layout engine
draws no PDF), written to the folder ``argmap-images`` (``-M
argmap-images=DIR`` chooses another) under a hash of the map and its settings.
Settings are the block's attributes: ```` ```{.argmap theme=dark evaluate=yes} ````,
and ``file=maps/tea.argmap`` draws a file (relative to where pandoc runs)
instead of the block's text. A map that cannot be drawn stays a code block and
its problems go to standard error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pandocfilters as pf

from argmap.integrations import pictures

#: Output formats that get SVG inside the page.
HTML_FORMATS = ("html", "html4", "html5", "epub", "epub2", "epub3", "revealjs", "slidy", "s5", "dzslides", "slideous")
DEFAULT_FOLDER = "argmap-images"


def _folder(meta: dict[str, Any]) -> Path:
    value = meta.get("argmap-images")
    return Path(pf.stringify(value) if value else DEFAULT_FOLDER)


def _text(settings: dict[str, str], code: str) -> tuple[str, str | None]:
    """The map's text and its file (None for the block's own text).

    Raises:
        MapProblems: the file cannot be read.
    """
    name = settings.pop("file", None)
    if name is None:
        return code, None
    try:
        return Path(name).read_text(encoding="utf-8"), name
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise pictures.MapProblems((pictures.Problem(None, 0, 0, f"cannot read {name}: {reason}"),)) from None


def _picture(ident: str, settings: dict[str, str], code: str, format: str, meta: dict[str, Any]) -> Any:
    """The block that replaces an argmap code block.

    Raises:
        MapProblems: the map cannot be drawn.
        ValueError: a setting is not known or not one of its choices.
    """
    text, path = _text(settings, code)
    html = format in HTML_FORMATS
    options = pictures.render_options(settings, "svg" if html else "png")
    m = pictures.read(text, path)
    if html:
        svg = pictures.draw(m, options)
        return pf.RawBlock("html", pictures.inline_svg(svg, settings.get("alt"), settings.get("width")))
    picture = pictures.cached(m, options, _folder(meta))
    alt = [pf.Str(settings["alt"])] if settings.get("alt") else []
    size = [["width", settings["width"]]] if settings.get("width") else []
    return pf.Para([pf.Image([ident, ["argmap"], size], alt, [picture.as_posix(), ""])])


def action(key: str, value: Any, format: str, meta: dict[str, Any]) -> Any:
    """Replace a code block of class ``argmap`` with its picture; leave everything else (pandocfilters' action)."""
    if key != "CodeBlock":
        return None
    (ident, classes, keyvals), code = value
    if "argmap" not in classes:
        return None
    try:
        return _picture(ident, dict(keyvals), code, format, meta)
    except ValueError as exc:  # MapProblems is a ValueError
        where = f"the argmap block {ident!r}" if ident else "an argmap block"
        print(f"argmap-pandoc: {where}:\n{exc}", file=sys.stderr)
        return None


def filter_document(document: str, format: str) -> str:
    """Run the filter on a document in Pandoc's JSON form (what ``pandoc -t json`` writes)."""
    return str(pf.applyJSONFilters([action], document, format))


def main() -> None:
    """The console script: Pandoc runs it with the output format as its argument, the document on stdin."""
    pf.toJSONFilter(action)
