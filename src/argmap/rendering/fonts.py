"""The fonts text is drawn in, which characters they have, and how wide text is in them.

SVG output names Helvetica and leaves drawing to the viewer. PNG output is
drawn with fonts that come with argmap from PyPI, never the system's, so the
same map gives the same pixels everywhere:

* Arimo (``fontpkg-arimo``): Latin, Greek, Cyrillic and Hebrew. It has the
  widths of Helvetica and Arial, so the engine's built-in Helvetica metrics
  measure ASCII text exactly as it is drawn.
* Noto Sans Arabic (``fontpkg-noto-sans-arabic``): Arabic.
* Noto Sans CJK (``noto-cjk-sans-otc``, 19 MB, the extra ``argmap[cjk]``):
  Chinese, Japanese and Korean.

A character none of them has (an emoji, say) is drawn as the stand-in
:data:`STAND_IN` rather than an empty box.

The engine knows widths for ASCII only: any other character counts as a
space, so a bold Cyrillic line would overflow its box. :func:`text_width`
measures text in the fonts above, bold where it is drawn bold, and the DOT
writer makes each text cell at least that wide. Its answer never depends on
which extras are installed: wide East Asian characters count one em (as they
are in Noto Sans CJK), so the layout is the same with or without ``argmap[cjk]``.

Example:
    >>> round(text_width("Мир", 10), 2), round(text_width("Мир", 10, bold=True), 2)
    (19.48, 20.59)
    >>> text_width("和平", 11)
    22.0
    >>> covered("Ж"), covered("😞")
    (True, False)
"""

from __future__ import annotations

import functools
import importlib.resources
import io
import unicodedata
from pathlib import Path
from typing import Any

from attrs import frozen

#: What is drawn in PNG output for a character no font has: the Unicode replacement character.
STAND_IN = "\ufffd"
#: The weight of bold text, on the fonts' ``wght`` axis.
BOLD_WEIGHT = 700
#: How to install the fonts for Chinese, Japanese and Korean.
CJK_HINT = "pip install 'argmap[cjk]'"


@frozen
class Face:
    """One font file argmap draws with.

    Attributes:
        family: the family name in the file.
        path: the file (a ``.ttf``, or a ``.ttc`` collection).
        index: the font's number in a collection.
        measure: whether :func:`text_width` measures with it (the CJK collection
            is not needed for that: its characters are one em wide).
    """

    family: str
    path: Path
    index: int = 0
    measure: bool = True


#: The faces, in fallback order: (module, file under it, family, collection index, used to measure).
_FACES = (
    ("fontpkg_arimo", "files/Arimo[wght].ttf", "Arimo", 0, True),
    ("fontpkg_arimo", "files/Arimo-Italic[wght].ttf", "Arimo", 0, False),
    ("fontpkg_noto_sans_arabic", "files/NotoSansArabic[wdth,wght].ttf", "Noto Sans Arabic", 0, True),
    ("noto_cjk_sans_otc", "NotoSansCJK-Regular.ttc", "Noto Sans CJK JP", 0, False),
)


@functools.cache
def faces() -> tuple[Face, ...]:
    """The font files that are installed, in fallback order (the first is the main font)."""
    found = []
    for module, name, family, index, measure in _FACES:
        try:
            path = Path(str(importlib.resources.files(module).joinpath(name)))
        except ModuleNotFoundError:
            continue
        if path.is_file():
            found.append(Face(family, path, index, measure))
    return tuple(found)


def has_cjk() -> bool:
    """Whether the fonts for Chinese, Japanese and Korean are installed."""
    return any(face.family.startswith("Noto Sans CJK") for face in faces())


@functools.cache
def _font(face: Face) -> Any:
    from fontTools.ttLib import TTFont  # measuring needs fontTools; only text beyond ASCII is measured

    return TTFont(face.path, fontNumber=face.index, lazy=True)


@functools.cache
def _cmap(face: Face) -> dict[int, str]:
    return dict(_font(face).getBestCmap())


@functools.cache
def _glyphs(face: Face, bold: bool) -> Any:
    font = _font(face)
    location = {"wght": BOLD_WEIGHT} if bold and "fvar" in font else None
    return font.getGlyphSet(location=location)


def bold_instances(families: frozenset[str] | None = None) -> tuple[bytes, ...]:
    """Bold fonts made from the variable faces, for renderers that do not apply a weight axis (svg2pdf).

    Each is a static instance at :data:`BOLD_WEIGHT`, with the family of its face;
    ``families`` limits them to those families (making one takes a second or two).
    """
    return tuple(
        _bold(face)
        for face in faces()
        if face.measure and "fvar" in _font(face) and (families is None or face.family in families)
    )


@functools.cache
def _bold(face: Face) -> bytes:
    from fontTools.varLib import instancer

    bold = instancer.instantiateVariableFont(_fresh(face), {"wght": BOLD_WEIGHT}, updateFontNames=True)
    data = io.BytesIO()
    bold.save(data)
    return data.getvalue()


def _fresh(face: Face) -> Any:
    """A fresh, fully loaded copy of a face's font (instancing changes the font it is given)."""
    from fontTools.ttLib import TTFont

    return TTFont(face.path, fontNumber=face.index)


def has_char(face: Face, char: str) -> bool:
    """Whether one font has a glyph for the character."""
    return ord(char) in _cmap(face)


def covered(char: str) -> bool:
    """Whether an installed font has a glyph for the character (format characters always count)."""
    return _ignorable(char) or any(ord(char) in _cmap(face) for face in faces())


def _ignorable(char: str) -> bool:
    """Format characters and variation selectors: never drawn, so never missing."""
    return unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF


def wide(char: str) -> bool:
    """Whether an East Asian character takes a full em (ideographs, kana, hangul, most emoji)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


@functools.cache
def advance(char: str, bold: bool = False) -> float:
    """How far the pen moves for one character, in ems."""
    if _ignorable(char) or unicodedata.category(char) in ("Mn", "Me"):
        return 0.0
    if wide(char):
        return 1.0
    face = next((face for face in faces() if face.measure and ord(char) in _cmap(face)), None)
    if face is None:  # drawn as the stand-in
        return advance(STAND_IN, bold) if char != STAND_IN else 1.0
    width = float(_glyphs(face, bold)[_cmap(face)[ord(char)]].width)
    units = float(_font(face)["head"].unitsPerEm)
    return width / units


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of text in points, in the fonts it is drawn in."""
    return float(sum(advance(char, bold) for char in text) * size)
