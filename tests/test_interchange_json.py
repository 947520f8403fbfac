"""argmap's JSON form: lossless both ways, and every output valid against the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings

import argmap
from argmap.errors import ArgmapSyntaxError
from argmap.interchange import from_json, to_json
from argmap.interchange.json_form import from_data, to_data
from argmap.interchange.schemas import NAMES, dumps_schema, generate, schema
from argmap.model import ArgumentMap, Include, Section, Statement, StatementKind
from argmap.rendering.build import build_graph
from argmap.rendering.options import RenderOptions
from tests.strategies import maps

from .conftest import scaled

ROOT = Path(__file__).resolve().parents[1]
MAPS = sorted((ROOT / "maps").glob("*.argmap"))
MODEL = jsonschema.Draft202012Validator(schema("model"))
MAPGRAPH = jsonschema.Draft202012Validator(schema("mapgraph"))


@given(maps)
@settings(max_examples=scaled(150))
def test_json_round_trip_of_any_map(m: ArgumentMap) -> None:
    text = to_json(m)
    assert from_json(text) == m
    MODEL.validate(json.loads(text))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_json_round_trip_of_repo_maps_with_spans(path: Path) -> None:
    m = argmap.load(path)
    text = to_json(m, spans=True)
    back = from_json(text)
    assert back == m
    MODEL.validate(json.loads(text))
    # Spans come back too: a diagnostic about the read-back map points into the original file.
    assert [s.span for s in back.statements()] == [s.span for s in m.statements()]


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_map_graph_json_follows_its_schema(path: Path) -> None:
    m = argmap.load(path)
    MAPGRAPH.validate(json.loads(build_graph(m).to_json()))
    evaluated = json.loads(build_graph(m, RenderOptions(evaluate=True)).to_json())
    MAPGRAPH.validate(evaluated)
    assert {n["status"] for n in evaluated["nodes"]} <= {"in", "out", "undecided"}


def test_include_is_carried_with_its_items() -> None:
    inner = Statement(StatementKind.CLAIM, "c", "Included.")
    m = ArgumentMap(items=(Section("S", (Include("part.argmap", (inner,)),)),), title="T")
    back = from_json(to_json(m))
    assert back == m
    (include,) = back.items[0].items  # type: ignore[union-attr]
    assert isinstance(include, Include) and include.items == (inner,)


def test_a_new_model_field_is_carried_and_described(monkeypatch: pytest.MonkeyPatch) -> None:
    # The field lists come from attrs.fields(): nothing here names Statement's attributes.
    data = to_data(argmap.loads('claim c "C" { note: "n", tags: [a, b] }'))
    assert data["items"][0] == {
        "type": "statement",
        "kind": "claim",
        "id": "c",
        "text": "C",
        "tags": ["a", "b"],
        "note": "n",
    }
    props = schema("model")["$defs"]["statement"]["properties"]
    import attrs

    assert set(props) == {f.name for f in attrs.fields(Statement) if f.name != "parts"} | {"type"}


@pytest.mark.parametrize("name", NAMES)
def test_shipped_schemas_match_the_classes(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))
    assert dumps_schema(generate(name)) == dumps_schema(schema(name)), (
        "the shipped schema is stale: run `python -m argmap.interchange.schemas`"
    )
    assert schema(name)["$id"].endswith("/v2.json" if name == "mapgraph" else "/v1.json")


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('{"format": "argmap", "version": 1, "items": [\n {"type": "statement", "id": "x"}]}', "lacks `kind`", 2),
        ('{"format": "argmap", "version": 1, "items": [\n {"type": "dog"}]}', "type 'dog'", 2),
        (
            '{"format": "argmap", "version": 1, "items": [\n {"type": "statement", "kind": "fact", "id": "x", "text": ""}]}',  # noqa: E501
            "not one of thesis",
            2,
        ),
        ('{"format": "argmap", "version": 2}', "version 2", 1),
        ('{"format": "argmap", "version": 1, "colour": "red"}', "no field `colour`", 1),
        ('{"format": "argmap", "version": 1, "items": {}}', "should be a list", 1),
        ('{"format": "argmap",\n "version": 1, "items": [}', "not valid JSON", 2),
        ("[1, 2]", "expected a JSON object", 1),
        ('{"format": "argmap", "version": 1, "title": 5}', "should be", 1),
    ],
)
def test_bad_json_form_gives_a_located_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ArgmapSyntaxError) as err:
        from_json(text, "in.json")
    assert message in err.value.message
    assert (err.value.path, err.value.line) == ("in.json", line)


def test_deep_nesting_is_refused_cleanly() -> None:
    deep = '{"format": "argmap", "version": 1, "items": [' + '{"type": "section", "title": "s", "items": [' * 300
    with pytest.raises(ArgmapSyntaxError, match="nested more than"):
        from_json(deep + "]}" * 300 + "]}")


def test_from_data_accepts_what_to_data_gives() -> None:
    m = argmap.load(MAPS[0])
    assert from_data(json.loads(json.dumps(to_data(m)))) == m
