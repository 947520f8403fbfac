"""The Python API: load, loads, dump, dumps, validate, and the model's views."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

import attrs
import pytest

import argmap
from argmap import AttackKind, RelationKind
from argmap.model import ArgumentMap, Include, Section, walk

from .conftest import MAPS

MAP_FILES = sorted(MAPS.glob("*.argmap"))


def model_dict(value: Any) -> Any:
    """A plain, snapshot-friendly form of a model: no spans, enums as values."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [model_dict(v) for v in value]
    if attrs.has(type(value)):
        out = {"type": type(value).__name__}
        for field in attrs.fields(type(value)):
            if field.name in ("span", "parts", "diagnostics", "comments", "cache", "header_spans", "path"):
                continue
            item = getattr(value, field.name)
            if item not in (None, (), False) or field.name in ("premises",):
                out[field.name] = model_dict(item)
        return out
    return value


@pytest.mark.parametrize("path", MAP_FILES, ids=[p.stem for p in MAP_FILES])
def test_model_of_each_example_map(path: Path, data_regression: Any) -> None:
    m = argmap.load(path)
    data_regression.check(model_dict(m), basename=f"model-{path.stem}")


def test_the_article_map_is_large_enough() -> None:
    m = argmap.load(MAPS / "peace-talks.argmap")
    assert len(list(m.statements())) >= 60
    assert len(list(m.inferences())) >= 15
    assert argmap.validate(m) == []


def test_load_dump_round_trip(tmp_path: Path) -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    out = tmp_path / "copy.argmap"
    argmap.dump(m, out)
    assert argmap.load(out) == m
    written = out.read_text(encoding="utf-8").splitlines()
    original = [line for line in (MAPS / "drug-trial.argmap").read_text(encoding="utf-8").splitlines()
                if not line.lstrip().startswith("#")]  # fmt: skip
    assert [line for line in written if line] == [line.split("  #")[0] for line in original if line]


def test_syntax_error_is_a_value_error_with_a_place() -> None:
    with pytest.raises(ValueError) as caught:
        argmap.loads('thesis t "T"\nclaim c Tea\n', "m.argmap")
    exc = caught.value
    assert isinstance(exc, argmap.ArgmapSyntaxError)
    assert (exc.path, exc.line, exc.column, exc.end_column) == ("m.argmap", 2, 9, 12)
    assert exc.message == "expected a text in double quotes, found the id `Tea`"
    assert str(exc) == "m.argmap:2:9: expected a text in double quotes, found the id `Tea`"


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(argmap.ArgmapFileError, match="no such file"):
        argmap.load(tmp_path / "none.argmap")
    with pytest.raises(argmap.ArgmapFileError, match="is a directory"):
        argmap.load(tmp_path)


def test_structural_problems_never_raise() -> None:
    m = argmap.loads("c supports d\nx undercuts c\nargument: => \n")
    codes = [d.code for d in argmap.validate(m)]
    assert codes.count("E101") == 3 and "E123" not in codes and "E120" in codes


def test_relations_know_rebut_from_undermine() -> None:
    m = argmap.loads(
        'thesis t "T"  claim p "P"  claim q "Q"  objection o1 "O1"  objection o2 "O2"\n'
        "argument a1: p + q => t\n"
        "attack joint: o1 + o2 => t\n"
        "o2 attacks p\n"
        "o1 undercuts a1\n"
        "p contradicts o2\n"
    )
    rows = [(r.kind, r.premises, r.target, r.attack) for r in argmap.relations(m)]
    assert rows == [
        (RelationKind.SUPPORT, ("p", "q"), "t", None),
        (RelationKind.ATTACK, ("o1", "o2"), "t", AttackKind.REBUT),
        (RelationKind.ATTACK, ("o2",), "p", AttackKind.UNDERMINE),
        (RelationKind.UNDERCUT, ("o1",), "a1", None),
        (RelationKind.CONTRADICTION, ("p",), "o2", None),
    ]


def test_includes_are_read_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "main.argmap").write_text('thesis t "T"\ninclude "parts/p.argmap"\n', encoding="utf-8")
    (tmp_path / "parts" / "p.argmap").write_text('claim c "C"\nc supports t\n', encoding="utf-8")
    m = argmap.load(tmp_path / "main.argmap")
    assert [s.id for s in m.statements()] == ["t", "c"]
    assert argmap.validate(m) == []
    include = next(i for i, _ in walk(m.items) if isinstance(i, Include))
    assert include.resolved == str((tmp_path / "parts" / "p.argmap").resolve())
    assert argmap.dumps(m) == 'thesis t "T"\ninclude "parts/p.argmap"\n', "dumps writes the include, not its content"


def test_includes_outside_the_folder_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.argmap"
    secret.write_text('claim s "secret"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    link = tmp_path / "sub" / "link.argmap"
    link.symlink_to(secret)
    (tmp_path / "sub" / "main.argmap").write_text(
        'thesis t "T"\ninclude "../secret.argmap"\ninclude "link.argmap"\n', encoding="utf-8"
    )
    m = argmap.load(tmp_path / "sub" / "main.argmap")
    assert [s.id for s in m.statements()] == ["t"]
    assert [d.code for d in argmap.validate(m)].count("E106") == 2


def test_text_without_a_path_cannot_include() -> None:
    m = argmap.loads('include "other.argmap"\n')
    assert [d.code for d in argmap.validate(m)] == ["E105"]


def test_dumps_refuses_what_it_cannot_write() -> None:
    bad = ArgumentMap(items=(argmap.Statement(argmap.StatementKind.CLAIM, "two words", "x"),))
    with pytest.raises(ValueError, match="cannot write 'two words' as an id"):
        argmap.dumps(bad)


def test_sections_nest_and_walk_in_order() -> None:
    m = argmap.loads('section a "A" { claim x "X" section b "B" { claim y "Y" } } claim z "Z"')
    order = [(type(i).__name__, getattr(i, "id", None), s.id if s else None) for i, s in walk(m.items)]
    assert order == [
        ("Section", "a", None), ("Statement", "x", "a"), ("Section", "b", "a"),
        ("Statement", "y", "b"), ("Statement", "z", None),
    ]  # fmt: skip
    assert isinstance(m.items[0], Section)
