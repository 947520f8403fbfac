"""argmap's own JSON form of a map: every element with every attribute, nothing lost.

``from_json(to_json(m)) == m`` for every map. The fields written are those of
the model's attrs classes (:func:`attrs.fields`), so an attribute added to the
model is carried without a change here; what is left out is only what the
model itself keeps out of equality and ``repr`` (part spans, comments,
diagnostics, caches). Element spans are written when asked for (``spans=True``).
The form is described by a JSON Schema (:mod:`argmap.interchange.schemas`).

Example:
    >>> import argmap
    >>> from argmap.interchange import from_json, to_json
    >>> m = argmap.loads('thesis t "Tea is good."  claim c "Tea is tasty." { tags: [taste] }  c supports t')
    >>> text = to_json(m)
    >>> import json
    >>> data = json.loads(text)
    >>> data["$schema"]
    'https://argmap.github.io/schemas/model/v1.json'
    >>> data["items"][1]
    {'type': 'statement', 'kind': 'claim', 'id': 'c', 'text': 'Tea is tasty.', 'tags': ['taste']}
    >>> from_json(text) == m
    True
"""

from __future__ import annotations

import enum
import json
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from argmap.errors import ArgmapSyntaxError
from argmap.fileio import read_text
from argmap.interchange.jsontext import parse, where
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Include,
    Inference,
    Item,
    Preference,
    SchemeDefinition,
    Section,
    Source,
    Span,
    Statement,
)
from argmap.model.diagnostics import Diagnostic

#: The version of the JSON form; it changes when a field changes meaning.
VERSION = 1
#: The ``$id`` of the schema of this version.
SCHEMA_ID = f"https://argmap.github.io/schemas/model/v{VERSION}.json"
#: The ``type`` of each kind of item.
ITEM_TYPES: dict[str, type[Any]] = {
    "statement": Statement,
    "source": Source,
    "actor": Actor,
    "inference": Inference,
    "contradiction": Contradiction,
    "preference": Preference,
    "scheme": SchemeDefinition,
    "section": Section,
    "include": Include,
}
_TYPE_OF = {cls: name for name, cls in ITEM_TYPES.items()}


def fields(cls: type[Any]) -> Iterator[tuple[attrs.Attribute[Any], Any]]:
    """The fields of a model class that the JSON form carries, with their resolved types.

    Left out: ``span`` (written separately, when asked for), fields that are
    neither compared nor shown (part spans, comments, diagnostics, caches,
    resolved include paths), fields not set through ``__init__``, and a map's
    ``path`` (where it was read from, not what it says).
    """
    hints = typing.get_type_hints(cls, localns={"Diagnostic": Diagnostic, "Item": Item})
    for f in attrs.fields(cls):
        if f.name == "span" or not f.init or (not f.eq and not f.repr):
            continue
        if cls is ArgumentMap and f.name == "path":
            continue
        yield f, hints[f.name]


def is_optional(f: attrs.Attribute[Any]) -> bool:
    """True when the field has a default, so the JSON form may leave it out."""
    return f.default is not attrs.NOTHING


def default_of(f: attrs.Attribute[Any]) -> Any:
    """The field's default value."""
    d: Any = f.default
    return d.factory() if isinstance(d, attrs.Factory) else d  # type: ignore[arg-type]


def is_item(hint: Any) -> bool:
    """True for the type of a map's or section's items (any :data:`argmap.model.Item`)."""
    return bool(hint == Item)


def is_part(hint: Any) -> bool:
    """True for the type of a part of an element written as an object of its own (a scheme's question)."""
    return isinstance(hint, type) and attrs.has(hint) and hint not in _TYPE_OF


def union_members(hint: Any) -> tuple[Any, ...] | None:
    """The members of a union type (``X | Y``), or None for any other type."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return None


# --- writing -----------------------------------------------------------------


def to_data(m: ArgumentMap, *, spans: bool = False) -> dict[str, Any]:
    """The map as JSON-ready data (see :func:`to_json`)."""
    out: dict[str, Any] = {"$schema": SCHEMA_ID, "format": "argmap", "version": VERSION}
    out.update(_encode_object(m, spans))
    return out


def to_json(m: ArgumentMap, *, spans: bool = False) -> str:
    """The map as indented JSON text, the same bytes on every run.

    Args:
        m: the map.
        spans: also write where each element was written (``span``).
    """
    return json.dumps(to_data(m, spans=spans), indent=2, ensure_ascii=False) + "\n"


def _encode_object(obj: Any, spans: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f, hint in fields(type(obj)):
        value = getattr(obj, f.name)
        if is_optional(f) and value == default_of(f):
            continue
        out[f.name] = _encode(value, hint, spans)
    if spans and getattr(obj, "span", None) is not None:
        out["span"] = attrs.asdict(obj.span)
    return out


def _encode(value: Any, hint: Any, spans: bool) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if type(value) in _TYPE_OF:
        return {"type": _TYPE_OF[type(value)], **_encode_object(value, spans)}
    if isinstance(value, tuple):
        return [_encode(v, _member_hint(hint, i), spans) for i, v in enumerate(value)]
    if attrs.has(type(value)):  # a part of an element, such as a scheme's question
        return _encode_object(value, spans)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _member_hint(hint: Any, index: int) -> Any:
    """The type of element ``index`` of a tuple type (or of a union containing one)."""
    for h in union_members(hint) or (hint,):
        if typing.get_origin(h) is tuple:
            args = typing.get_args(h)
            return args[0] if len(args) == 2 and args[1] is Ellipsis else args[index]
    return Any


# --- reading -----------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, message: str, at: object) -> None:
        self.message, self.at = message, at


def from_data(data: Any, path: str | None = None) -> ArgumentMap:
    """The map in JSON data made by :func:`to_data`.

    Raises:
        ArgmapSyntaxError: the data is not argmap's JSON form; the message says where.
    """
    try:
        if not isinstance(data, dict):
            raise _Bad('expected a JSON object with `format: "argmap"`', data)
        if data.get("format") != "argmap":
            raise _Bad('not argmap\'s JSON form: `"format": "argmap"` is missing', data)
        if data.get("version") != VERSION:
            known = f"this is version {VERSION}"
            raise _Bad(f"version {data.get('version')!r} of the JSON form is not known ({known})", data)
        body = {k: v for k, v in data.items() if k not in ("$schema", "format", "version")}
        return _decode_object(ArgumentMap, body, "the map")  # type: ignore[no-any-return]
    except _Bad as bad:
        line, column = where(bad.at)
        raise ArgmapSyntaxError(bad.message, path, line, column) from None
    except RecursionError:
        raise ArgmapSyntaxError("sections nested too deeply", path, 1, 1) from None


def from_json(text: str, path: str | None = None) -> ArgumentMap:
    """The map in argmap's JSON form (the text :func:`to_json` writes).

    Raises:
        ArgmapSyntaxError: the text is not JSON or not argmap's JSON form, with its line and column.
    """
    return from_data(parse(text, path), path)


def load_json(path: str) -> ArgumentMap:
    """The map in a JSON file.

    Raises:
        ArgmapFileError: the file cannot be read.
        ArgmapSyntaxError: it does not hold argmap's JSON form.
    """
    return from_json(read_text(path), path)


def _decode_object(cls: type[Any], data: dict[str, Any], name: str) -> Any:
    known = dict((f.name, (f, hint)) for f, hint in fields(cls))
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key == "span":
            kwargs["span"] = _decode_span(value, name)
        elif key in known:
            kwargs[key] = _decode(value, known[key][1], f"`{key}` of {name}", data)
        elif key != "type":
            raise _Bad(f"{name} has no field `{key}`", data)
    missing = [k for k, (f, _) in known.items() if not is_optional(f) and k not in kwargs]
    if missing:
        raise _Bad(f"{name} lacks `{missing[0]}`", data)
    return cls(**kwargs)


def _decode_span(value: Any, name: str) -> Span:
    try:
        return Span(**value)
    except TypeError:
        raise _Bad(f"the span of {name} is not a span", value) from None


def _decode(value: Any, hint: Any, name: str, at: object) -> Any:
    if is_item(hint):
        return _decode_item(value, name, at)
    members = union_members(hint)
    if members is not None:
        for member in members:
            if _accepts(member, value):
                return _decode(value, member, name, at)
        wanted = " or ".join(dict.fromkeys(_describe(m) for m in members))
        raise _Bad(f"{name} should be {wanted}, not {_json_type(value)}", at)
    if not _accepts(hint, value):
        raise _Bad(f"{name} should be {_describe(hint)}, not {_json_type(value)}", at)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            choices = ", ".join(str(e.value) for e in hint)
            raise _Bad(f"{name} is `{value}`, not one of {choices}", at) from None
    if is_part(hint):
        return _decode_object(hint, value, name)
    if typing.get_origin(hint) is tuple:
        if isinstance(value, dict) or (_fixed(hint) and len(value) != len(typing.get_args(hint))):
            raise _Bad(f"{name} should be {_describe(hint)}", at)
        return tuple(_decode(v, _member_hint(hint, i), name, value) for i, v in enumerate(value))
    return value


def _decode_item(value: Any, name: str, at: object) -> Item:
    if not isinstance(value, dict):
        raise _Bad(f"an item of {name} should be an object, not {_json_type(value)}", at)
    kind = value.get("type")
    cls = ITEM_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise _Bad(f"an item has type {kind!r}, not one of {', '.join(ITEM_TYPES)}", value)
    ident = value.get("id")
    label = f"{kind} `{ident}`" if isinstance(ident, str) else f"a {kind}"
    return _decode_object(cls, value, label)  # type: ignore[no-any-return]


def _fixed(hint: Any) -> bool:
    args = typing.get_args(hint)
    return not (len(args) == 2 and args[1] is Ellipsis)


def _accepts(hint: Any, value: Any) -> bool:
    if hint is type(None):
        return value is None
    if is_item(hint) or is_part(hint):
        return isinstance(value, dict)
    if typing.get_origin(hint) is tuple:
        return isinstance(value, list)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return isinstance(value, str)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(hint, type) and isinstance(value, hint)


def _describe(hint: Any) -> str:
    if typing.get_origin(hint) is tuple:
        return "a list"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "a string"
    if is_item(hint):
        return "an item object"
    return {str: "a string", bool: "true or false", int: "a whole number", type(None): "null"}.get(hint, "an object")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true or false", str: "a string", int: "a number", float: "a number", list: "a list"}.get(
        type(value), "an object"
    )
