"""Reading JSON text so that every object knows where it was written.

Interchange files come from other tools and may be wrong in any way; an error
must say where. :func:`parse` reads JSON like :func:`json.loads`, but every
object it returns is a :class:`Located` dict that remembers its line and
column, so that a later check ("node 7 has no type") can point at the object.
Nesting deeper than :data:`MAX_DEPTH` and texts longer than :data:`MAX_CHARS`
are refused with a clear error instead of exhausting the interpreter.

Example:
    >>> data = parse('{"nodes": [\\n  {"nodeID": 7}]}')
    >>> data["nodes"][0].line, data["nodes"][0].column
    (2, 3)
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from typing import Any

from argmap.errors import ArgmapSyntaxError

#: The deepest nesting of arrays and objects accepted.
MAX_DEPTH = 200
#: The longest text accepted (characters): far beyond any real map.
MAX_CHARS = 200_000_000


class Located(dict[str, Any]):
    """A JSON object with the place it starts at (1-based line and column)."""

    line: int = 1
    column: int = 1


# The pure-Python parts of the json module, which the C decoder does not let one hook into.
_SCANNER: Any = getattr(json.scanner, "py_make_scanner")  # noqa: B009
_OBJECT: Any = getattr(json.decoder, "JSONObject")  # noqa: B009
_ARRAY: Any = getattr(json.decoder, "JSONArray")  # noqa: B009


class _TooDeep(Exception):
    def __init__(self, index: int) -> None:
        self.index = index


def _place(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


class _Decoder(json.JSONDecoder):
    """A pure-Python JSON decoder that records where objects start and limits nesting."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text
        self._depth = 0
        self.parse_object = self._object
        self.parse_array = self._array
        self.scan_once = _SCANNER(self)

    def _enter(self, index: int) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeep(index)

    def _object(self, s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        start = s_and_end[1] - 1
        self._enter(start)
        try:
            value, end = _OBJECT(s_and_end, *args)
        finally:
            self._depth -= 1
        located = Located(value)
        located.line, located.column = _place(self._text, start)
        return located, end

    def _array(self, s_and_end: tuple[str, int], scan_once: Any) -> tuple[Any, int]:
        self._enter(s_and_end[1] - 1)
        try:
            return _ARRAY(s_and_end, scan_once)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


def parse(text: str, path: str | None = None) -> Any:
    """The JSON value in ``text``, its objects :class:`Located`.

    Raises:
        ArgmapSyntaxError: the text is not JSON, is nested too deeply or is too long.
    """
    if len(text) > MAX_CHARS:
        raise ArgmapSyntaxError(f"the file is too large ({len(text)} characters; at most {MAX_CHARS})", path, 1, 1)
    try:
        return _Decoder(text).decode(text)
    except json.JSONDecodeError as exc:
        raise ArgmapSyntaxError(f"not valid JSON: {exc.msg}", path, exc.lineno, exc.colno) from None
    except (_TooDeep, RecursionError) as exc:
        line, column = _place(text, exc.index) if isinstance(exc, _TooDeep) else (1, 1)
        raise ArgmapSyntaxError(f"JSON nested more than {MAX_DEPTH} levels deep", path, line, column) from None


def where(value: object) -> tuple[int, int]:
    """The line and column of a parsed object, or ``(1, 1)`` for anything else."""
    if isinstance(value, Located):
        return value.line, value.column
    return 1, 1
