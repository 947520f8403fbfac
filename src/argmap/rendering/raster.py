"""PNG and PDF pictures: the engine's SVG drawn with argmap's own fonts.

graphviz-pure draws PNG with the three fonts compiled into it (Tinos, Arimo
and Cousine), which have no Arabic, Chinese, Japanese or Korean, and it reads
no font files. So argmap asks it for SVG and draws that with `resvg
<https://github.com/linebender/resvg>`_ (the renderer graphviz-pure uses
inside, from PyPI as ``resvg-py``) and the fonts of :mod:`argmap.rendering.fonts`,
never the system's: the same map gives the same bytes everywhere. resvg shapes
text (Arabic letters join) and lays out right-to-left runs itself.

A character no installed font has is drawn as :data:`~argmap.rendering.fonts.STAND_IN`
(an emoji with its variation selector or joined sequence as one), and
:func:`png` says which characters those were.

PDF is made the same way by :func:`pdf`, with `svg2pdf <https://github.com/typst/svg2pdf>`_
(from PyPI as ``svg2pdf-py``, which reads SVG with the same library as resvg): each run
of characters is given the font that has them, so no script comes out as empty boxes, and
text is drawn as outlines of those fonts, so the bytes are the same on every run.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
import warnings
from pathlib import Path
from typing import Any

from argmap.rendering import fonts
from argmap.rendering.options import DEFAULT_DPI

#: The family the engine writes in SVG, and the one PNG text is drawn in.
DRAWN_FAMILY = "Arimo"

_FAMILY = re.compile(r'font-family="[^"]*"')
_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')
_SKIN_TONE = re.compile("[\U0001f3fb-\U0001f3ff]")
#: A stand-in with the variation selector after it, and others joined to it by U+200D.
_SEQUENCE = re.compile(f"{fonts.STAND_IN}[\ufe0e\ufe0f]?(?:\u200d{fonts.STAND_IN}[\ufe0e\ufe0f]?)*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: An SVG ``<text>`` element of the engine's (plain text, no child elements).
_TEXT = re.compile(r"(<text\b[^>]*>)((?:[^<]|<tspan [^>]*>|</tspan>)*)(</text>)")
#: An XML entity or one character.
_TOKEN = re.compile(r"&[^;]+;|.", re.DOTALL)


class MissingGlyphs(UserWarning):
    """Some characters have no glyph in the installed fonts and were drawn as a stand-in."""


def png(svg: bytes, dpi: float = DEFAULT_DPI, max_pixels: int | None = None) -> bytes:
    """Draw an SVG picture of the engine's as PNG.

    Args:
        svg: the engine's SVG (its size in points).
        dpi: dots per inch.
        max_pixels: the picture is scaled down so no side is longer.

    Raises:
        ValueError: resvg could not draw it.
    """
    import resvg_py

    text, missing = _stand_ins(svg.decode("utf-8"))
    if missing:
        warnings.warn(missing_message(missing), MissingGlyphs, stacklevel=2)
    size = _SIZE.search(svg)
    if size and max_pixels:
        longest = max(float(size.group(1)), float(size.group(2))) * dpi / 72
        if longest > max_pixels:
            dpi *= max_pixels / longest
    data = resvg_py.svg_to_bytes(
        svg_string=_FAMILY.sub(f'font-family="{DRAWN_FAMILY}"', text),
        skip_system_fonts=True,
        font_files=[str(face.path) for face in fonts.faces()],
        font_family=DRAWN_FAMILY,
        dpi=dpi,
    )
    return bytes(data)


def pdf(svg: bytes) -> bytes:
    """Draw an SVG picture of the engine's as PDF, with the fonts PNG is drawn with.

    Raises:
        ValueError: svg2pdf could not draw it.
    """
    import svg2pdf_py

    text = pdf_source(svg)
    database = svg2pdf_py.FontDatabase()
    for face in fonts.faces():
        database.load_font_file(str(face.path))
    with tempfile.TemporaryDirectory(prefix="argmap-fonts-") as folder:
        for n, data in enumerate(fonts.bold_instances(_bold_families(text))):
            path = Path(folder) / f"bold-{n}.ttf"
            path.write_bytes(data)
            database.load_font_file(str(path))
        return _convert(svg2pdf_py, text, database)


def _convert(svg2pdf_py: Any, text: str, database: Any) -> bytes:
    """svg2pdf's PDF of the prepared SVG.

    Raises:
        ValueError: svg2pdf could not draw it.
    """
    try:
        # Text as outlines: with embedded fonts the order of the font objects changes from run to run.
        return bytes(svg2pdf_py.svg_to_pdf(text, database, svg2pdf_py.ConversionOptions(embed_text=False)))
    except Exception as exc:  # the binding raises its own error types
        raise ValueError(f"svg2pdf could not draw the picture: {exc}") from exc


def pdf_source(svg: bytes) -> str:
    """The SVG as svg2pdf is given it: stand-ins for missing characters (with a
    :class:`MissingGlyphs` warning) and each run of text in the font that has it (:func:`_runs`).
    """
    text, missing = _stand_ins(svg.decode("utf-8"))
    if missing:
        warnings.warn(missing_message(missing), MissingGlyphs, stacklevel=3)
    text = _FAMILY.sub(f'font-family="{DRAWN_FAMILY}"', text)
    return _TEXT.sub(_element, text)


def _element(match: re.Match[str]) -> str:
    """One ``<text>`` element with its fonts named: on the element when one font has all its
    letters (a whole Arabic line keeps its shaping in one run), else on each run (:func:`_runs`).
    """
    start, content, end = match.groups()
    families = {_family(t) for t in _TOKEN.findall(content) if len(t) == 1} - {""}
    if len(families) == 1 and DRAWN_FAMILY not in families:
        return start.replace(f'font-family="{DRAWN_FAMILY}"', f'font-family="{families.pop()}"') + content + end
    return start + _runs(content) + end


def _bold_families(svg: str) -> frozenset[str]:
    """The families that bold text in the prepared SVG is drawn in."""
    found: set[str] = set()
    for start, content, _ in _TEXT.findall(svg):
        if 'font-weight="bold"' in start:
            family = re.search(r'font-family="([^"]*)"', start)
            found.add(family.group(1) if family else DRAWN_FAMILY)
            found.update(re.findall(r'<tspan font-family="([^"]*)"', content))
    return frozenset(found)


def _runs(content: str) -> str:
    """The content of an SVG ``<text>`` with each run of characters the main font lacks in a
    ``<tspan>`` naming the font that has them.

    svg2pdf's own fallback loses some runs when scripts mix (Cyrillic, then Chinese and Arabic),
    so the fonts are named here.

    Example:
        >>> print(_runs("Мир &amp; سلام و peace"))
        Мир &amp; <tspan font-family="Noto Sans Arabic">سلام و </tspan>peace
    """
    out: list[str] = []
    family: str | None = None  # the font of the open run; None for the main font
    for token in _TOKEN.findall(content):
        wanted = _family(token) if len(token) == 1 else DRAWN_FAMILY
        if wanted == "" or wanted == family or (wanted == DRAWN_FAMILY and family is None):
            out.append(token)  # spaces and punctuation stay in the run they are in
            continue
        if family is not None:
            out.append("</tspan>")
        family = None if wanted == DRAWN_FAMILY else wanted
        out.append(f'<tspan font-family="{family}">' if family else "")
        out.append(token)
    if family is not None:
        out.append("</tspan>")
    return "".join(out)


def _family(char: str) -> str:
    """The family of the first font that has ``char``; "" for characters any run can hold."""
    if (char.isascii() and not char.isalnum()) or unicodedata.category(char)[0] in "ZPC":
        return ""
    return next((face.family for face in fonts.faces() if fonts.has_char(face, char)), DRAWN_FAMILY)


def _stand_ins(text: str) -> tuple[str, list[str]]:
    """Text with every character no font has replaced by the stand-in, and those characters.

    An emoji sequence (a skin tone, a variation selector, emoji joined by U+200D) becomes one stand-in.

    Example:
        >>> _stand_ins("Peace 🕊️, 👍🏽 and 👨\u200d👩\u200d👧 in Ж")
        ('Peace �, � and � in Ж', ['🕊', '👍', '👨', '👩', '👧'])
    """
    missing: dict[str, None] = {}

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if fonts.covered(char):
            return char
        if _SKIN_TONE.fullmatch(char):
            return ""
        missing[char] = None
        return fonts.STAND_IN

    text = _NON_ASCII.sub(replace, text)
    if missing:
        text = _SEQUENCE.sub(fonts.STAND_IN, text)
    return text, list(missing)


def missing_message(chars: list[str]) -> str:
    """What to tell people about characters drawn as stand-ins.

    Example:
        >>> print(missing_message(["😞"]))
        1 character has no glyph in argmap's fonts and is drawn as �: 😞 (U+1F61E)
    """
    shown = ", ".join(f"{c} (U+{ord(c):04X})" for c in chars[:5]) + (", …" if len(chars) > 5 else "")
    count = f"{len(chars)} character{'s have' if len(chars) > 1 else ' has'}"
    hint = ""
    if not fonts.has_cjk() and any(fonts.wide(c) and not _emoji(c) for c in chars):
        hint = f"; for Chinese, Japanese and Korean: {fonts.CJK_HINT}"
    verb = "are" if len(chars) > 1 else "is"
    return f"{count} no glyph in argmap's fonts and {verb} drawn as {fonts.STAND_IN}: {shown}{hint}"


def _emoji(char: str) -> bool:
    return ord(char) >= 0x1F000 or 0x2600 <= ord(char) < 0x2800
