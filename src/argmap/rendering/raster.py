"""PNG pictures: the engine's SVG drawn with argmap's own fonts.

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
"""

from __future__ import annotations

import re
import warnings

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
