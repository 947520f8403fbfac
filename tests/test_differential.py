"""Parsing, checking, printing and formatting agree on mutated real maps.

The inputs are the example maps, the case files, generated realistic maps and
random models written out, each broken by a few random edits: spans of lines,
tokens or characters deleted, duplicated, swapped, cut off, or words of the
language inserted. Whatever comes out, a user gets a map or a syntax error
with a place, the checker points at places, writing a map and reading it back
gives the same map, and the formatter is stable, keeps the meaning and drops
no comment and no text.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import main
from argmap.errors import ArgmapSyntaxError
from argmap.model import ArgumentMap, Span
from argmap.syntax.formatter import format_text
from argmap.syntax.values import unescape

from .conftest import CASES, MAPS, ROOT, scaled
from .strategies import maps

# -- Where the inputs come from --------------------------------------------------

FILES = [p.read_text(encoding="utf-8") for p in sorted([*MAPS.glob("*.argmap"), *CASES.rglob("*.argmap")])]


def _load_generator() -> type:
    spec = importlib.util.spec_from_file_location("argmap_bench_generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Generator  # type: ignore[no-any-return]


Generator = _load_generator()


def _generated(statements: int, seed: int) -> str:
    return "\n".join(Generator(statements, seed).lines()) + "\n"


def _written(m: ArgumentMap) -> str:
    return argmap.dumps(m)


seeds = st.sampled_from(FILES) | st.builds(_generated, st.integers(1, 60), st.integers(0, 2**16)) | maps.map(_written)

# -- How they are broken ------------------------------------------------------------

KEYWORDS = [
    "title", "author", "date", "about", "source", "actor", "thesis", "claim", "evidence", "assumption",
    "objection", "argument", "attack", "undercut", "supports", "attacks", "undercuts", "contradicts",
    "section", "include", "by", "note", "tags", "scheme", "url", "quote", "warrant", "role",
    "premise", "conclusion", "question", "exception", "raises", "answers",
]  # fmt: skip
WORDS = [
    *KEYWORDS, "{", "}", "[", "]", ":", ",", "+", "=>", "=", '"', "#", "# a comment", "#}", "t", "c1", "x-y",
    "é", "Ω", "_q", '"text"', '""', '"a \\" b"', '"\\u{2014}"', '"bad \\q"', '"open', '"# not a comment"',
    "2024", "2024-02-30", "7", "0.5", "\u2014", "\u00a0", "\ufeff", "\x00", "\r", "\r\n", "\n", " ", "\t", "\\",
]  # fmt: skip
LINES = [
    'thesis t "T"\n', 'claim c "C" { note: "n" }\n', "c supports t\n", "# a comment\n", "\n", "}\n",
    'section "S" {\n', 'argument a: c + d => t { scheme: s }\n', 'include "part.argmap"\n', 'title "T"\n',
    'scheme s "S" {\n', 'premise tag "P"\n', 'conclusion "C"\n', 'question q exception "Q?"\n',
]  # fmt: skip

# Tokens roughly as the grammar sees them: texts, comments, words, arrows, spaces, anything else.
_TOKEN = re.compile(r'"(?:[^"\\\r\n]|\\.)*"?|#[^\r\n]*|[^\W\d][\w-]*|\d[\w.:+-]*|=>|\s+|.', re.DOTALL)


def _split(text: str, unit: str) -> list[str]:
    if unit == "line":
        return text.splitlines(keepends=True)
    if unit == "token":
        return _TOKEN.findall(text)
    return list(text)


@st.composite
def _span(draw: st.DrawFn, n: int, longest: int) -> tuple[int, int]:
    start = draw(st.integers(0, n))
    return start, min(n, start + draw(st.integers(1, longest)))


@st.composite
def _mutate(draw: st.DrawFn, text: str) -> str:
    unit = draw(st.sampled_from(["line", "token", "char"]))
    parts = _split(text, unit)
    longest = 8 if unit == "line" else 4
    op = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "truncate"]))
    a, b = draw(_span(len(parts), longest))
    if op == "delete":
        del parts[a:b]
    elif op == "insert":
        pool = LINES if unit == "line" else WORDS
        parts[a:a] = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3))
    elif op == "duplicate":
        at = draw(st.integers(0, len(parts)))
        parts[at:at] = parts[a:b]
    elif op == "swap":
        c, d = draw(_span(len(parts), longest))
        if b <= c:
            parts = parts[:a] + parts[c:d] + parts[b:c] + parts[a:b] + parts[d:]
        elif d <= a:
            parts = parts[:c] + parts[a:b] + parts[d:a] + parts[c:d] + parts[b:]
    else:
        del parts[a:]
    return "".join(parts)


@st.composite
def mutants(draw: st.DrawFn) -> str:
    """A seed text with one to four random edits."""
    text = draw(seeds)
    if draw(st.booleans()):  # a window of a long map keeps each example quick
        lines = text.splitlines(keepends=True)
        start = draw(st.integers(0, max(0, len(lines) - 1)))
        text = "".join(lines[start : start + draw(st.integers(1, 60))])
    for _ in range(draw(st.integers(1, 4))):
        text = draw(_mutate(text))
    return text


# -- What must hold -----------------------------------------------------------------

# Includes are resolved from an empty folder, so that a mutant never reads a real file.
_FOLDER = tempfile.TemporaryDirectory(prefix="argmap-mutants-")
PATH = os.path.join(_FOLDER.name, "mutant.argmap")

#: Diagnostics that may have no place: none. A map read from text gives every
#: element, header line and include a span, so every diagnostic has one.
PLACELESS: frozenset[str] = frozenset()


def _lines(text: str) -> int:
    return text.count("\n") + 1


def read(text: str) -> ArgumentMap | None:
    """(a) A map, or a syntax error with a place in the text; nothing else."""
    try:
        return argmap.loads(text, PATH)
    except ArgmapSyntaxError as exc:
        assert exc.path == PATH
        assert 1 <= exc.line <= _lines(text) and exc.column >= 1, (exc.line, exc.column)
        assert exc.message and "Token(" not in exc.message and "$END" not in exc.message
        return None


def _assert_placed(span: Span | None, text: str, code: str) -> None:
    if span is None:
        assert code in PLACELESS, f"{code} has no place"
        return
    assert span.path == PATH, (code, span)
    assert 1 <= span.line <= span.end_line <= _lines(text), (code, span)
    assert span.column >= 1 and span.end_column >= 1, (code, span)


def check(m: ArgumentMap, text: str) -> None:
    """(b) validate never raises, and every diagnostic says where."""
    for d in argmap.validate(m):
        assert d.message
        _assert_placed(d.span, text, d.code)
        for rel in d.related:
            _assert_placed(rel.span, text, d.code)


def round_trip(m: ArgumentMap) -> None:
    """(c) Writing the map and reading it back gives the same map."""
    assert argmap.loads(argmap.dumps(m)) == m


def words(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """The comments, the contents of the texts in quotes, and the bare words of well-formed ``text``."""
    comments: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    bare: Counter[str] = Counter()
    for token in _TOKEN.findall(text):
        if token.startswith("#"):
            comments[token.rstrip()] += 1
        elif token.startswith('"'):
            quoted[unescape(token[1:-1], None, 1, 1)] += 1
        elif token[0].isalnum() or token[0] == "_":
            bare[token] += 1
    return comments, quoted, bare


def formatting(m: ArgumentMap, text: str) -> None:
    """(d) fmt is idempotent, keeps the map, and keeps every comment and text."""
    once = format_text(text, PATH)
    assert format_text(once, PATH) == once
    assert argmap.loads(once, PATH) == m
    comments, quoted, bare = words(text)
    out_comments, out_quoted, out_bare = words(once)
    assert not comments - out_comments, "comments lost"
    # The printer may write a text that is a valid id or date without quotes, and the other way round.
    assert not quoted - (out_quoted + out_bare), "texts lost"
    # A word is kept whole: the parser once split a relation word glued to an id (GLUED_RELATION_WORD below).
    assert not bare - (out_bare + out_quoted), "ids or dates lost"


SECOND_COLON = 'thesis t "T" { note: ab: "lost" }\n'
GLUED_RELATION_WORD = "c supportst\n"


@given(mutants())
@settings(max_examples=scaled(1000))
@example(SECOND_COLON)
@example(GLUED_RELATION_WORD)
@example('claim e "E"\nargument a: e + source => e2\n')  # the printer refused a reserved word after `+`
def test_mutated_maps_parse_check_print_and_format_consistently(text: str) -> None:
    m = read(text)
    if m is None:
        return
    check(m, text)
    round_trip(m)
    formatting(m, text)


def test_a_second_colon_in_an_attribute_is_a_syntax_error_not_a_loss() -> None:
    # A regular-expression scanner once read `note: ab: "lost"` as `note: ab` and dropped the rest.
    with pytest.raises(ArgmapSyntaxError) as caught:
        argmap.loads(SECOND_COLON)
    assert (caught.value.line, caught.value.column) == (1, 24)


def test_a_relation_word_glued_to_an_id_is_a_syntax_error() -> None:
    # The verb was matched as a prefix: `c supportst` read as `c supports t`.
    with pytest.raises(ArgmapSyntaxError, match="found the id `supportst`") as caught:
        argmap.loads(GLUED_RELATION_WORD)
    assert (caught.value.line, caught.value.column) == (1, 3)


@given(mutants())
@settings(max_examples=scaled(100))
def test_check_command_never_fails_inside(text: str) -> None:
    """(e) `argmap check` on a mutant reports problems, never an internal error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutant.argmap"
        path.write_text(text, encoding="utf-8", newline="")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", str(path)])
    assert "internal error" not in err.getvalue() + out.getvalue()
    assert "Traceback" not in err.getvalue()
    assert code in (0, 1), err.getvalue()
    if code == 1:
        assert f"{path}:" in out.getvalue() + err.getvalue()
