"""Attribute values as written, and how they fill an element's typed fields.

The builder reads values with these functions, so that what a value means
is decided here, next to the attributes each element has.
"""

from __future__ import annotations

from typing import get_args

from argmap.errors import ArgmapSyntaxError
from argmap.language import Form
from argmap.model import Element, Extra, Value, attribute_fields, element_name
from argmap.model.elements import RawPart

#: Where something is written: line, column, end line, end column.
Position = tuple[int, int, int, int]
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_HEX = frozenset("0123456789abcdefABCDEF")

#: The attributes each kind of element has, and the form of each value (see
#: :data:`argmap.language.Form`), from the ``attribute`` metadata of the model's
#: fields: ``{"statement": {"by": "ref", ...}, ...}``.
SCHEMAS: dict[str, dict[str, Form]] = {
    element_name(cls): {a.name: a.form for a in attribute_fields(cls)} for cls in get_args(Element)
}


def split_attributes(
    schema: str,
    pairs: list[tuple[str, Position, Value, Position]],
    parts: list[RawPart],
) -> tuple[dict[str, Value], Extra]:
    """Split ``(key, where the key is, value, where the value is)`` into typed fields and kept extras.

    A value is a ``str``, or a ``tuple`` when it was written as a list. A key
    the element does not have, a list where one value belongs, or a key given
    a second time goes to the extras (for the checker to report, and the
    formatter to keep). Where each field's value (``attr:KEY``) and each
    extra's key (``extra:N``) is written is appended to ``parts``.
    """
    known = SCHEMAS[schema]
    fields: dict[str, Value] = {}
    extra: list[tuple[str, Value]] = []
    for key, key_at, value, value_at in pairs:
        form = known.get(key)
        if form is None or key in fields or (form != "list" and type(value) is tuple):
            parts.append((f"extra:{len(extra)}", *key_at))
            extra.append((key, value))
        else:
            parts.append((f"attr:{key}", *value_at))
            fields[key] = (value,) if form == "list" and type(value) is str else value
    return fields, tuple(extra)


def unescape(raw: str, path: str | None, line: int, column: int) -> str:
    """Decode the escapes of a text whose first character is at ``line``:``column``.

    Raises:
        ArgmapSyntaxError: an unknown escape or an invalid character code.
    """
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = raw[i + 1]
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
            continue
        if nxt == "u" and raw[i + 2 : i + 3] == "{":
            close = raw.find("}", i + 3)
            digits = raw[i + 3 : close] if close > 0 else ""
            if digits and len(digits) <= 6 and set(digits) <= _HEX:
                code = int(digits, 16)
                if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
                    out.append(chr(code))
                    i = close + 1
                    continue
        raise _bad_escape(nxt, path, line, column + i)
    return "".join(out)


def _bad_escape(nxt: str, path: str | None, line: int, column: int) -> ArgmapSyntaxError:
    if nxt == "u":
        return ArgmapSyntaxError(
            "a character escape is written `\\u{...}` with 1 to 6 hexadecimal digits up to 10FFFF",
            path, line, column, column + 2, "for example `\\u{2014}` for an em dash",
        )  # fmt: skip
    return ArgmapSyntaxError(
        f"unknown escape `\\{nxt}` in text", path, line, column, column + 2,
        'write `\\\\` for a backslash, `\\"` for a quote, `\\n` for a line break',
    )  # fmt: skip
