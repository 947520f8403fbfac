"""Reading again only the items an edit touched gives what reading the whole text gives.

The language server keeps the parse of a document's last version and, after an
edit, parses only the top-level items the edit touched. Whatever the edits (a
character typed into a text, a brace or a quote left open, lines joined or
split, a section opened around items), its diagnostics and map must be the ones
a whole re-read finds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.lsp.analysis import Analysis, analyse
from argmap.lsp.reparse import Included
from argmap.model import ArgumentMap, Statement
from argmap.model.elements import walk
from tests.conftest import scaled

pytest.importorskip("lsprotocol")

MAP = """\
title "Tea"
author "Ann"

# sources and actors
source report "A report on tea" { date: 2020 }
actor ann "Ann" { role: "nutritionist" }

thesis t "Tea is good."
section why "Why" {
  claim c "Tea has antioxidants." {
    by: ann
    source: report
  }
  evidence e "A study found antioxidants in tea." { source: report }
  argument a1: e => c { scheme: "expert opinion" }
  section how "How" {
    claim h "Tea is brewed hot."
    claim k "Hot drinks calm."  # a comment
    h supports k
    k supports c
  }
  e supports t
}
claim d "Tea is tasty."  d supports t
c supports t # argmap: ignore[W201]
argument a2 "taste": d + c
  => t
objection o "Tea stains teeth." o attacks t
undercut u: o => a2
a2 outweighs u
include "part.argmap"
"""
PART = 'claim p "Part." p supports t\n'


#: Pieces an author types: whole items, parts of items, and the characters that open and close things.
TYPED = st.sampled_from(
    [
        "x",
        " ",
        "\n",
        "\n\n",
        '"',
        "{",
        "}",
        "[",
        ":",
        "=>",
        "+ e",
        "#",
        "# note\n",
        'claim z "Z"',
        '\nclaim z "Z"\n',
        "z supports t\n",
        'section s "S" {\n',
        "\n}\n",
        "{ tags: [a, b] }",
        'title "Again"\n',
        'include "nowhere.argmap"\n',
        "tt",
        "ü",
        "\t",
        "\r\n",
        "\ufeff",
    ]
)


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[float, float, str]]:
    """Edits as (where, how much to delete, what to type), where and how much as fractions of the text."""
    return draw(
        st.lists(
            st.tuples(st.floats(0, 1), st.sampled_from([0.0, 0.0, 0.002, 0.01, 0.05]), TYPED | st.just("")),
            min_size=1,
            max_size=8,
        )
    )


def tea(tmp_path: Path) -> str:
    """The path :data:`MAP` is read at, with the file it includes written beside it."""
    (tmp_path / "part.argmap").write_text(PART)
    return str(tmp_path / "tea.argmap")


def apply(text: str, edit: tuple[float, float, str]) -> str:
    where, cut, typed = edit
    start = int(where * len(text))
    end = min(len(text), start + int(cut * len(text)))
    return text[:start] + typed + text[end:]


def summary(a: Analysis) -> tuple[object, ...]:
    """What the user sees of an analysis: the diagnostics with their places, the map, where each item is."""
    where = [(type(i).__name__, i.span, tuple(i.parts)) for i, _ in walk(a.map.items)] if a.map is not None else []
    comments = a.map.comments if a.map is not None else ()
    header = a.map.header_spans if a.map is not None else ()
    return (
        [(d.code, d.message, d.span, d.hint, d.related) for d in a.diagnostics],
        a.map,
        where,
        comments,
        header,
    )


@settings(max_examples=scaled(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=edits())
def test_reading_only_what_changed_finds_what_reading_everything_finds(
    tmp_path: Path, steps: list[tuple[float, float, str]]
) -> None:
    path = tea(tmp_path)
    text = MAP
    included = Included()
    last = analyse(text, path, parse_included=included)
    assert last.parse is not None
    for step in steps:
        text = apply(text, step)
        quick = analyse(text, path, previous=last.parse, parse_included=included)
        assert summary(quick) == summary(analyse(text, path)), text
        if quick.parse is not None:
            last = quick


@settings(max_examples=scaled(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.floats(0, 1), st.sampled_from([0, 0, 1, 3, 12]), TYPED | st.just("")), max_size=6))
def test_edits_inside_sections_read_as_a_whole_re_read_does(
    tmp_path: Path, steps: list[tuple[float, int, str]]
) -> None:
    """Edits inside a section's body, where only the changed items of that section are parsed again."""
    path = tea(tmp_path)
    text = MAP
    last = analyse(text, path)
    assert last.parse is not None
    for where, cut, typed in steps:
        body_start = text.find("\n  claim c ")
        body_end = text.find("\n  e supports t")
        if body_start < 0 or body_end < body_start:
            break
        at = body_start + 1 + int(where * (body_end - body_start - 1))
        text = text[:at] + typed + text[min(at + cut, body_end) :]
        quick = analyse(text, path, previous=last.parse)
        assert summary(quick) == summary(analyse(text, path)), text
        if quick.parse is not None:
            last = quick


def test_an_edit_far_below_keeps_the_items_above_as_they_were(tmp_path: Path) -> None:
    path = tea(tmp_path)
    first = analyse(MAP, path)
    assert first.map is not None and first.parse is not None
    edited = MAP.replace('"Tea stains teeth."', '"Tea stains teeth badly."')
    second = analyse(edited, path, previous=first.parse)
    assert second.map is not None
    assert second.map.items[0] is first.map.items[0]  # the source above the edit was not read again
    assert [s.text for s in second.map.statements() if s.id == "o"] == ["Tea stains teeth badly."]


def test_a_line_added_above_moves_the_items_below(tmp_path: Path) -> None:
    path = tea(tmp_path)
    first = analyse(MAP, path)
    edited = MAP.replace('thesis t "Tea is good."\n', 'thesis t "Tea is good."\nclaim n "New."\n')
    second = analyse(edited, path, previous=first.parse)
    assert summary(second) == summary(analyse(edited, path))
    assert [(d.code, d.span.line if d.span else 0) for d in second.diagnostics if d.code == "W201"] == [("W201", 9)]
    assert second.map is not None
    below = [s for s in second.map.statements() if s.id == "o"]
    assert below[0].span is not None and edited.splitlines()[below[0].span.line - 1].startswith("objection o")


def test_an_included_file_that_did_not_change_is_not_parsed_again(tmp_path: Path) -> None:
    path = tea(tmp_path)
    included = Included()
    first = analyse(MAP, path, parse_included=included)
    edited = MAP.replace('"Tea stains teeth."', '"Tea stains teeth badly."')
    second = analyse(edited, path, previous=first.parse, parse_included=included)
    assert first.map is not None and second.map is not None

    def part(m: ArgumentMap) -> list[Statement]:
        return [s for s in m.statements() if s.id == "p"]

    assert len(part(second.map)) == 1 and part(second.map)[0] is part(first.map)[0]


def test_an_included_file_is_read_again_when_its_text_changes(tmp_path: Path) -> None:
    path = tea(tmp_path)
    part = tmp_path / "part.argmap"
    included = Included()
    first = analyse(MAP, path, parse_included=included)
    assert not [d for d in first.diagnostics if d.span and d.span.path == str(part)]
    part.write_text(PART.replace("supports t", "supports tx"))
    second = analyse(MAP, path, previous=first.parse, parse_included=included)
    assert [(d.code, d.span.line if d.span else 0) for d in second.diagnostics if d.code == "E101"] == [("E101", 1)]
