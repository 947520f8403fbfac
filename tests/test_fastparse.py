"""The fast scanner reads exactly what the Lark parser reads, or leaves the text to it.

The scanner is only an accelerator: whenever it accepts a text, the model,
every span (of elements and of their parts), the header and the comments
must equal what the reference parser builds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapSyntaxError
from argmap.model import ArgumentMap, Inference, walk
from argmap.syntax import fastparse
from argmap.syntax.parsed import Parsed
from argmap.syntax.parser import parse_with_lark

from .conftest import CASES, MAPS, scaled
from .strategies import maps, token_soup

SETTINGS = settings(max_examples=scaled(300))
FILES = sorted([*MAPS.glob("*.argmap"), *CASES.rglob("*.argmap")])


def _flat(parsed: Parsed) -> tuple[object, ...]:
    """Everything the parse produced, spans and part spans included."""
    rows = []
    for item, _ in walk(parsed.items):
        children = getattr(item, "items", None)
        shallow = (
            (type(item).__name__, getattr(item, "title", None), getattr(item, "path", None), len(children))
            if children is not None
            else item
        )
        rows.append((shallow, item.span, tuple(item.parts), getattr(item, "shorthand", None)))
    return tuple(rows), tuple(parsed.header), parsed.comments, parsed.includes


def _same_or_refused(text: str) -> bool:
    """Assert agreement; True when the scanner accepted the text."""
    try:
        detailed = fastparse.scan(text, "m.argmap", detailed=True)
    except fastparse.Unsupported:
        detailed = None
    try:
        quick = fastparse.scan(text, "m.argmap")
    except fastparse.Unsupported:
        quick = None
    assert (detailed is None) == (quick is None), "both modes accept the same texts"
    if quick is None or detailed is None:
        return False
    lark = parse_with_lark(text, "m.argmap")  # must not raise: the scanner accepted it
    assert _flat(detailed) == _flat(lark)
    assert _flat(quick) == _flat(lark)  # part spans are worked out lazily here
    return True


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(p.parents[1]).as_posix() for p in FILES])
def test_every_file_in_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    accepted = _same_or_refused(text)
    try:
        parse_with_lark(text, "m.argmap")
    except ArgmapSyntaxError:
        assert not accepted
    else:
        if path.parent == MAPS:
            assert accepted, "maps in the usual layout must take the fast path"


def test_lazy_part_spans_equal_detailed_ones() -> None:
    text = (MAPS / "peace-talks.argmap").read_text(encoding="utf-8")
    lazy = fastparse.scan(text, "m.argmap")
    detailed = fastparse.scan(text, "m.argmap", detailed=True)
    pairs = zip(walk(lazy.items), walk(detailed.items), strict=True)
    assert all(tuple(a.parts) == tuple(b.parts) for (a, _), (b, _) in pairs)


@SETTINGS
@given(maps, st.lists(st.tuples(st.integers(0, 200), st.booleans(), st.text(max_size=10)), max_size=6))
def test_generated_maps_with_comments(m: ArgumentMap, comments: list[tuple[int, bool, str]]) -> None:
    lines = argmap.dumps(m).split("\n")
    for where, own_line, body in comments:
        i = where % len(lines)
        note = "#" + body.replace("\n", " ").replace("\r", " ")
        if own_line:
            lines.insert(i, note)
        elif not lines[i].rstrip().endswith(("{", ",")):
            lines[i] += "  " + note
    text = "\n".join(lines)
    accepted = _same_or_refused(text)
    complete = all(i.target is not None and i.premises for i in m.inferences() if isinstance(i, Inference))
    if complete and not comments:
        assert accepted, "the canonical layout must take the fast path"


@SETTINGS
@given(token_soup)
def test_token_soup_never_read_differently(text: str) -> None:
    _same_or_refused(text)


def test_fast_path_is_what_load_uses(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text('thesis t "T"\nclaim c "C" { note: "n" }\nc supports t\n', encoding="utf-8")
    m = argmap.load(path)
    claim = next(s for s in m.statements() if s.id == "c")
    assert claim.span_of("attr:note") == argmap.Span(str(path), 2, 21, 2, 24)


TRICKY = [
    'claim a "A"\nargument: a => claim\nclaim b "B"\n',
    'claim a "A"\nargument: date + a => a\n',
    'claim a "A"\nattack x: a => section\n',
    'claim a "A" claim b "B"\n',
    "a supports b c supports d\n",
    'a supports b\n{ note: "x" }\n',
    'a supports b # why\n{ note: "x" }\n',
    'a supports b # why\nclaim c "C"\n',
    'section s "S" { }\n',
    'section date "S" {}\n',
    'section "S" { section "T" { claim a "A" } }\n',
    'thesis t "x" {}\n',
    'thesis t "x" { tags: [] }\n',
    'thesis t "x" { tags: [a, [b]] }\n',
    'thesis t "x" { by: a, }\n',
    'thesis t "x" {by:a note:"n"}\n',
    'thesis t "x" {\n  by: a # who\n}\n',
    'thesis t "x" {\n  by: a\n  note: "n"\n}\n',
    'about "tac"\n',
    "about tac\n",
    'date "2023"\n',
    "date tac\n",
    "date 2023-02\n",
    "title x\n",
    'title "T" title "U"\n',
    'include "x.argmap"\n',
    'thesis t "\\u{41}\\n\\"q\\""\n',
    'thesis t "bad \\q"\n',
    'thesis t "x"\r\nclaim c "y"\r\n',
    'argument a "L": p => t\n',
    'argument "L": p => t { scheme: "cause to effect", tags: [x, "y z"] }\n',
    "argument a:p+q=>t\n",
    "argument a: p +\n q => t\n",
    "a\tsupports\tb\n",
    "a contradicts b { note: x }\n",
    "a undercuts b { by: c, by: d }\n",
    'claim x "X" { note: ["a"] }\n',
    "}\n",
    'section "S" {\n',
    'evidence e "E" { date: 2023-02-30 }\n',
    "supports a b\n",
    "a supports\n",
    'source s "S" { url: "javascript:x" } actor p "P"\n',
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts(text: str) -> None:
    accepted = _same_or_refused(text)
    try:
        parse_with_lark(text, "m.argmap")
    except ArgmapSyntaxError:
        assert not accepted
