"""Attribute values as written, and how they fill an element's typed fields.

Shared by the Lark builder and the fast scanner, so that both read a value
in exactly the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, get_args

from attrs import define

from argmap.errors import ArgmapSyntaxError
from argmap.language import Form
from argmap.model import Element, Span, Value, attribute_fields, element_name

K = TypeVar("K")
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_HEX = frozenset("0123456789abcdefABCDEF")

#: The attributes each kind of element has, and the form of each value (see
#: :data:`argmap.language.Form`), from the ``attribute`` metadata of the model's
#: fields: ``{"statement": {"by": "ref", ...}, ...}``.
SCHEMAS: dict[str, dict[str, Form]] = {
    element_name(cls): {a.name: a.form for a in attribute_fields(cls)} for cls in get_args(Element)
}


@define
class Val:
    """An attribute value as written: its form, its value and where it is."""

    form: str  # "string", "id", "bare" or "list"
    value: Value
    span: Span | None


def split_attributes(
    schema: str,
    pairs: list[tuple[str, K, Val]],
    parts: list[tuple[str, Span]] | None,
    key_span: Callable[[K], Span],
) -> tuple[dict[str, Value], tuple[tuple[str, Value], ...]]:
    """Split ``(key, where the key is, value)`` pairs into typed fields and kept extras.

    A key the element does not have, a list where one value belongs, or a key
    given a second time goes to the extras (for the checker to report, and the
    formatter to keep). The spans of both are appended to ``parts``; the span
    of a key is only worked out (by ``key_span``) for an extra.
    """
    known = SCHEMAS[schema]
    fields: dict[str, Value] = {}
    extra: list[tuple[str, Value]] = []
    for key, where, val in pairs:
        value = _coerce(known.get(key), val)
        if value is None or key in fields:
            if parts is not None:
                parts.append((f"extra:{len(extra)}", key_span(where)))
            extra.append((key, val.value))
        else:
            if parts is not None and val.span is not None:
                parts.append((f"attr:{key}", val.span))
            fields[key] = value
    return fields, tuple(extra)


def _coerce(form: Form | None, val: Val) -> Value | None:
    """The value for a typed field, or None when it does not fit there."""
    if form is None:
        return None
    if form == "list":
        return val.value if isinstance(val.value, tuple) else (val.value,)
    if val.form == "list":
        return None
    return val.value


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
