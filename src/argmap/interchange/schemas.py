"""The published JSON Schemas: argmap's JSON form of a map, and the map graph JSON.

Both schemas are worked out from the attrs classes they describe, so they
cannot drift from the code: :func:`generate` builds one, the package ships
the result as ``argmap/schemas/NAME.schema.json`` (read by :func:`schema`),
and a test checks that the two agree. After changing a model or map-graph
class, write the files again with ``python -m argmap.interchange.schemas``.

Example:
    >>> s = schema("model")
    >>> s["$id"], s["additionalProperties"]
    ('https://argmap.github.io/schemas/model/v1.json', False)
    >>> schema("mapgraph")["$defs"]["edge"]["properties"]["kind"]["enum"]
    ['support', 'rebut', 'undermine', 'undercut', 'contradiction']
"""

from __future__ import annotations

import enum
import json
import sys
import typing
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from argmap.interchange import json_form
from argmap.model import ArgumentMap, SchemePremise, SchemeQuestion, Span
from argmap.rendering import mapgraph

#: The schemas, by the name ``argmap schema`` takes.
NAMES = ("model", "mapgraph")
DRAFT = "https://json-schema.org/draft/2020-12/schema"
MAPGRAPH_ID = f"https://argmap.github.io/schemas/mapgraph/v{mapgraph.JSON_VERSION}.json"


def schema(name: str) -> dict[str, Any]:
    """The shipped schema ``name`` (``model`` or ``mapgraph``).

    Raises:
        KeyError: no schema has this name.
    """
    if name not in NAMES:
        raise KeyError(name)
    return json.loads(schema_text(name))  # type: ignore[no-any-return]


def schema_text(name: str) -> str:
    """The shipped schema ``name`` as the JSON text in the package."""
    return resources.files("argmap").joinpath("schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


def generate(name: str) -> dict[str, Any]:
    """The schema ``name`` worked out from the classes it describes."""
    return _model() if name == "model" else _mapgraph()


def dumps_schema(value: dict[str, Any]) -> str:
    """A schema as the text the package ships."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


# --- argmap's JSON form ------------------------------------------------------


def _model() -> dict[str, Any]:
    defs: dict[str, Any] = {name: _element(cls, name) for name, cls in json_form.ITEM_TYPES.items()}
    defs["item"] = {"oneOf": [{"$ref": f"#/$defs/{name}"} for name in json_form.ITEM_TYPES]}
    for part in (SchemePremise, SchemeQuestion):
        defs[_part_name(part)] = _object(part)
    defs["span"] = _span()
    top = _object(ArgumentMap)
    top["properties"] = {
        "$schema": {"const": json_form.SCHEMA_ID},
        "format": {"const": "argmap"},
        "version": {"const": json_form.VERSION},
        **top["properties"],
    }
    top["required"] = ["format", "version", *top["required"]]
    return {
        "$schema": DRAFT,
        "$id": json_form.SCHEMA_ID,
        "title": "argmap map",
        "description": "An argument map in argmap's lossless JSON form (argmap convert, argmap.interchange.to_json).",
        **top,
        "$defs": defs,
    }


def _element(cls: type[Any], name: str) -> dict[str, Any]:
    out = _object(cls)
    out["properties"] = {"type": {"const": name}, **out["properties"], "span": {"$ref": "#/$defs/span"}}
    out["required"] = ["type", *out["required"]]
    return out


def _object(cls: type[Any]) -> dict[str, Any]:
    properties = {f.name: _type(hint) for f, hint in json_form.fields(cls)}
    required = [f.name for f, _ in json_form.fields(cls) if not json_form.is_optional(f)]
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def _part_name(cls: type[Any]) -> str:
    """The name in ``$defs`` of a part of an element: ``SchemeQuestion`` is ``scheme-question``."""
    return "scheme-" + cls.__name__.removeprefix("Scheme").lower()


def _span() -> dict[str, Any]:
    hints = typing.get_type_hints(Span)
    properties = {f.name: _type(hints[f.name]) for f in attrs.fields(Span)}
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def _type(hint: Any) -> dict[str, Any]:
    """The schema of a value of type ``hint``."""
    if json_form.is_item(hint):
        return {"$ref": "#/$defs/item"}
    if json_form.is_part(hint):
        return {"$ref": f"#/$defs/{_part_name(hint)}"}
    members = json_form.union_members(hint)
    if members is not None:
        return {"anyOf": [_type(m) for m in members]}
    if typing.get_origin(hint) is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type(args[0])}
        n = len(args)
        return {"type": "array", "prefixItems": [_type(a) for a in args], "items": False, "minItems": n}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [e.value for e in hint]}
    simple = {str: "string", bool: "boolean", int: "integer", type(None): "null"}
    if hint in simple:
        return {"type": simple[hint]}
    raise TypeError(f"no JSON Schema for {hint!r}")


# --- the map graph -----------------------------------------------------------


def _mapgraph() -> dict[str, Any]:
    parts = {
        "node": mapgraph.Node,
        "edge": mapgraph.Edge,
        "cluster": mapgraph.Cluster,
        "reference": mapgraph.Reference,
    }
    defs = {name: _all_fields(cls) for name, cls in parts.items()}
    refs = {"nodes": "node", "edges": "edge", "clusters": "cluster", "references": "reference"}
    top = _all_fields(mapgraph.MapGraph, refs=refs)
    top["properties"] = {"version": {"const": mapgraph.JSON_VERSION}, **top["properties"]}
    top["required"] = ["version", *top["required"]]
    return {
        "$schema": DRAFT,
        "$id": MAPGRAPH_ID,
        "title": "argmap map graph",
        "description": "What a picture of a map shows, as written by argmap render --format json.",
        **top,
        "$defs": defs,
    }


def _all_fields(cls: type[Any], refs: dict[str, str] | None = None) -> dict[str, Any]:
    """An object with every field of ``cls``, all required (the map graph JSON writes each)."""
    hints = typing.get_type_hints(cls)
    properties = {
        f.name: {"type": "array", "items": {"$ref": f"#/$defs/{refs[f.name]}"}}
        if refs and f.name in refs
        else _type(hints[f.name])
        for f in attrs.fields(cls)
    }
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def main() -> None:
    """Write the schemas into the package folder (for developers, after a class changed)."""
    folder = Path(__file__).resolve().parents[1] / "schemas"
    for name in NAMES:
        path = folder / f"{name}.schema.json"
        path.write_text(dumps_schema(generate(name)), encoding="utf-8")
        print(f"wrote {path}", file=sys.stdout)


if __name__ == "__main__":
    main()
