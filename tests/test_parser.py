"""The Lark parser: the one reader of the grammar, with and without lark-cython.

Pure Lark and lark-cython must build the same model, spans and part spans
included, and report the same syntax errors; every map in the repository
must parse and survive a round trip; the parse-table cache must only ever
load a file that nobody else can have written.
"""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.cli import exit_codes
from argmap.errors import ArgmapSyntaxError
from argmap.language import RELATION_VERBS
from argmap.model import walk
from argmap.syntax import parser as parser_module
from argmap.syntax.parsed import Parsed
from argmap.syntax.parser import Parser, cache_file

from .conftest import CASES, MAPS, ROOT, argmap_process

FILES = sorted([*MAPS.glob("*.argmap"), *CASES.rglob("*.argmap"), *(ROOT / "docs").rglob("*.argmap")])
HAVE_CYTHON = importlib.util.find_spec("lark_cython") is not None
GRAMMAR = parser_module.grammar_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsers() -> dict[str, Parser]:
    """Pure Lark, and lark-cython when it is installed; no cache."""
    made = {"pure": Parser(cython=False, cache_dir=None)}
    if HAVE_CYTHON:
        made["cython"] = Parser(cython=True, cache_dir=None)
    return made


def _flat(parsed: Parsed) -> tuple[object, ...]:
    """Everything a parse produced, spans and part spans included."""
    rows = []
    for item, _ in walk(parsed.items):
        children = getattr(item, "items", None)
        shallow = (type(item).__name__, getattr(item, "title", None), len(children)) if children is not None else item
        rows.append((shallow, item.span, tuple(item.parts), getattr(item, "shorthand", None)))
    return tuple(rows), tuple(parsed.header), parsed.comments, parsed.includes


def _outcome(p: Parser, text: str) -> object:
    try:
        return _flat(p.parse(text, "m.argmap"))
    except ArgmapSyntaxError as exc:
        return (str(exc), exc.end_column, exc.hint)


def _agree(parsers: dict[str, Parser], text: str) -> object:
    outcomes = {name: _outcome(p, text) for name, p in parsers.items()}
    assert len({repr(o) for o in outcomes.values()}) == 1, outcomes
    return outcomes["pure"]


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_every_file_reads_the_same_with_both(path: Path, parsers: dict[str, Parser]) -> None:
    _agree(parsers, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.argmap")), ids=lambda p: p.name)
def test_every_repository_map_parses_and_round_trips(path: Path) -> None:
    m = argmap.load(path)
    assert argmap.loads(argmap.dumps(m)) == m


TRICKY = [
    'claim a "A"\nargument: a => claim\nclaim b "B"\n',
    'claim a "A"\nargument: date + a => a\n',
    'claim a "A"\nattack x: a => section\n',
    'claim a "A" claim b "B"\n',
    "a supports b c supports d\n",
    'a supports b\n{ note: "x" }\n',
    'a supports b # why\n{ note: "x" }\n',
    'section s "S" { }\n',
    'section date "S" {}\n',
    'section "S" { section "T" { claim a "A" } }\n',
    'thesis t "x" { tags: [] }\n',
    'thesis t "x" { tags: [a, [b]] }\n',
    'thesis t "x" { by: a, }\n',
    'thesis t "x" {by:a note:"n"}\n',
    'thesis t "x" {\n  by: a # who\n}\n',
    "about tac\n",
    'date "2023"\n',
    "date 2023-02\n",
    "title x\n",
    'title "T" title "U"\n',
    'include "x.argmap"\n',
    'thesis t "\\u{41}\\n\\"q\\""\n',
    'thesis t "bad \\q"\n',
    'thesis t "x"\r\nclaim c "y"\r\n',
    'argument "L": p => t { scheme: "cause to effect", tags: [x, "y z"] }\n',
    "argument a:p+q=>t\n",
    "argument a: p +\n q => t\n",
    "argument a: =>\n",
    "argument:\n",
    "a contradicts b { note: x }\n",
    "a undercuts b { by: c, by: d }\n",
    'claim x "X" { note: ["a"] }\n',
    "}\n",
    'section "S" {\n',
    'thesis t "T" { tags: [a, b\n',
    "supports a b\n",
    "a supports\n",
    'thesis t "T" { note: ab: "lost" }\n',
    'thesis t "T" { date: 2023-x: "lost" }\n',
    "claim c ☕\n",
    '\ufeffclaim c "C"\n',
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_read_the_same_with_both(text: str, parsers: dict[str, Parser]) -> None:
    _agree(parsers, text)


def test_part_spans_point_at_what_was_written(parsers: dict[str, Parser]) -> None:
    text = 'claim c "C" { note: "n", tags: [x, y], colour: red }\nargument a: c + d => t\n'
    for p in parsers.values():
        claim, inference = p.parse(text, "m.argmap").items
        assert claim.span_of("attr:note") == argmap.Span("m.argmap", 1, 21, 1, 24)
        assert claim.span_of("attr:tags") == argmap.Span("m.argmap", 1, 32, 1, 38)
        assert claim.span_of("extra:0") == argmap.Span("m.argmap", 1, 40, 1, 46)
        assert inference.span_of("premise:1") == argmap.Span("m.argmap", 2, 17, 2, 18)
        assert inference.span_of("target") == argmap.Span("m.argmap", 2, 22, 2, 23)


def test_unclosed_list_asks_for_the_bracket(parsers: dict[str, Parser]) -> None:
    with pytest.raises(ArgmapSyntaxError) as caught:
        parsers["pure"].parse('thesis t "T" { tags: [a, b\n', "m.argmap")
    assert caught.value.hint == "is a `]` missing?"


@pytest.mark.parametrize("verb", RELATION_VERBS)
def test_a_verb_glued_to_the_next_id_is_a_syntax_error(verb: str, parsers: dict[str, Parser]) -> None:
    text = f'claim c "C"\nclaim t "T"\nc {verb}t\n'
    for p in parsers.values():
        with pytest.raises(ArgmapSyntaxError) as caught:
            p.parse(text, "m.argmap")
        exc = caught.value
        assert (exc.line, exc.column, exc.end_column) == (3, 3, 3 + len(f"{verb}t"))
        verbs = ", ".join(f"`{v}`" for v in RELATION_VERBS[:-1]) + f" or `{RELATION_VERBS[-1]}`"
        assert exc.message == f"expected {verbs}, found the id `{verb}t`"
        assert exc.hint == f"put a space between `{verb}` and `t`"


@pytest.mark.parametrize("text", ["c supports-t\n", "c attacks_t\n", "c undercuts2\n", "c contradictsé\n"])
def test_a_verb_is_read_only_as_a_whole_word(text: str, parsers: dict[str, Parser]) -> None:
    for p in parsers.values():
        with pytest.raises(ArgmapSyntaxError, match="found the id `") as caught:
            p.parse(text, "m.argmap")
        assert (caught.value.line, caught.value.column) == (1, 3)


# -- words lost by an earlier reader: every one must be a syntax error ------

LOST = [
    ('thesis t "T" { note: ab: "lost" }\nclaim c "C"\nc supports t\n', 1, 24),
    ('thesis t "T" { date: 2023-x: "lost" }\nclaim c "C"\nc supports t\n', 1, 30),  # a date may hold `:`
]


@pytest.mark.parametrize(("text", "line", "column"), LOST)
def test_check_reports_a_stray_colon_with_its_place(tmp_path: Path, text: str, line: int, column: int) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(text, encoding="utf-8")
    code, out, err = argmap_process("check", str(path))
    assert code == exit_codes.FOUND
    assert f"{path}:{line}:{column}: E001 [error] expected `,`, an id or `}}`, found " in out
    assert "internal error" not in out + err


@pytest.mark.parametrize(("text", "line", "column"), LOST)
def test_fmt_refuses_and_keeps_the_file(tmp_path: Path, text: str, line: int, column: int) -> None:
    path = tmp_path / "m.argmap"
    path.write_bytes(text.encode("utf-8"))
    code, _, err = argmap_process("fmt", str(path))
    assert code == exit_codes.FOUND
    assert f"{path}:{line}:{column}: E001" in err
    assert path.read_bytes() == text.encode("utf-8")


@pytest.mark.parametrize(("text", "line", "column"), LOST)
def test_loads_raises_a_syntax_error_not_something_else(text: str, line: int, column: int) -> None:
    with pytest.raises(ArgmapSyntaxError) as caught:
        argmap.loads(text, "m.argmap")
    assert (caught.value.line, caught.value.column) == (line, column)


def test_validate_places_every_diagnostic_of_a_map_with_extras() -> None:
    text = 'thesis t "T" { note: "a", colour: red, note: "b" }\nclaim c "C" { by: nobody }\nc supports t\n'
    diagnostics = argmap.validate(argmap.loads(text, "m.argmap"))
    assert diagnostics
    assert all(d.span is not None and d.span.line >= 1 for d in diagnostics)


# -- pure Lark and lark-cython ------------------------------------------------


def _in_subprocess(script: str, **env: str) -> str:
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, **env}, check=False
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.skipif(not HAVE_CYTHON, reason="lark-cython is not installed")
def test_lark_cython_is_used_when_installed_and_the_variable_turns_it_off() -> None:
    script = "from argmap.syntax.parser import parser; print(parser().cython)"
    assert _in_subprocess(script, ARGMAP_PURE_LARK="").strip() == "True"
    assert _in_subprocess(script, ARGMAP_PURE_LARK="1").strip() == "False"


def test_pure_lark_command_reports_like_the_default(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(LOST[0][0], encoding="utf-8")
    script = f"import sys; from argmap.cli import main; sys.exit(main(['check', {str(path)!r}]))"
    default = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    env = {**os.environ, "ARGMAP_PURE_LARK": "1"}
    pure = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert (pure.returncode, pure.stdout) == (default.returncode, default.stdout)
    assert pure.returncode == exit_codes.FOUND


# -- the cache of parse tables ----------------------------------------------


def test_cache_is_written_privately_and_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "cache" / "argmap"
    first = Parser(cython=False, cache_dir=folder)
    (written,) = folder.iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    before = written.stat().st_mtime_ns
    second = Parser(cython=HAVE_CYTHON, cache_dir=folder)
    assert written.stat().st_mtime_ns == before, "the cached tables were used, not written again"
    text = (MAPS / "drug-trial.argmap").read_text(encoding="utf-8")
    assert _flat(first.parse(text, "m")) == _flat(second.parse(text, "m"))


def test_cache_folder_open_to_others_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "argmap"
    folder.mkdir(mode=0o700)
    folder.chmod(0o770)
    assert cache_file(folder, GRAMMAR) is None
    Parser(cython=False, cache_dir=folder)
    assert list(folder.iterdir()) == []


def test_cache_file_others_can_write_is_not_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "argmap"
    path = cache_file(folder, GRAMMAR)
    assert path is not None
    path.write_bytes(b"planted")
    path.chmod(0o666)
    assert cache_file(folder, GRAMMAR) is None
    Parser(cython=False, cache_dir=folder).parse('thesis t "T"\n')  # still parses, without the cache
    assert path.read_bytes() == b"planted"


def test_cache_file_that_is_a_link_is_not_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "argmap"
    path = cache_file(folder, GRAMMAR)
    assert path is not None
    (tmp_path / "elsewhere").write_bytes(b"planted")
    path.symlink_to(tmp_path / "elsewhere")
    assert cache_file(folder, GRAMMAR) is None


def test_unusable_cache_place_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert cache_file(blocker / "argmap", GRAMMAR) is None
    assert Parser(cython=False, cache_dir=blocker / "argmap").parse('thesis t "T"\n').items[0].id == "t"


def test_corrupt_cache_file_is_rebuilt_and_parsing_works(tmp_path: Path) -> None:
    folder = tmp_path / "argmap"
    path = cache_file(folder, GRAMMAR)
    assert path is not None
    path.write_bytes(b"garbage\n")
    path.chmod(0o600)
    assert Parser(cython=False, cache_dir=folder).parse('thesis t "T"\n').items[0].id == "t"


def test_cache_lives_in_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert parser_module.user_cache_dir() == tmp_path / "argmap"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert parser_module.user_cache_dir() == Path.home() / ".cache" / "argmap"
