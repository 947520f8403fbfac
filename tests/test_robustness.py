"""No input makes the parser or the checker crash: errors come with a place."""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import exit_codes, main
from argmap.errors import ArgmapSyntaxError
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Include,
    Inference,
    InferenceKind,
    Item,
    Section,
    Source,
    Statement,
    StatementKind,
)

from .conftest import argmap_process, scaled
from .strategies import token_soup

SETTINGS = settings(max_examples=scaled(400))


def _read_and_check(text: str) -> None:
    try:
        m = argmap.loads(text, "m.argmap")
    except ArgmapSyntaxError as exc:
        assert exc.line >= 1 and exc.column >= 1
        assert exc.message and "Token(" not in exc.message and "$END" not in exc.message
        return
    for d in argmap.validate(m):
        assert d.message


@SETTINGS
@given(st.text(max_size=200))
def test_random_text(text: str) -> None:
    _read_and_check(text)


@SETTINGS
@given(token_soup)
def test_random_tokens(text: str) -> None:
    _read_and_check(text)


def test_thousand_nested_sections_check_and_format(tmp_path: Path) -> None:
    depth = 1000
    text = "".join(f'section "S{i}" {{\n' for i in range(depth))
    text += 'thesis t "Deep."\nclaim c "Deeper."\nc supports t\n' + "}\n" * depth
    path = tmp_path / "deep.argmap"
    path.write_text(text, encoding="utf-8")
    m = argmap.load(path)
    assert [s.id for s in m.statements()] == ["t", "c"]
    assert argmap.validate(m) == []
    from argmap.syntax.formatter import format_text

    formatted = format_text(text)
    assert formatted.count("section") == depth
    assert format_text(formatted) == formatted


@pytest.mark.parametrize(
    ("data", "expected_exit"),
    [
        (b"", 0),
        (b'\xef\xbb\xbfthesis t "With a byte-order mark."\n', 0),
        (b'thesis t "CRLF line ends."\r\nclaim c "C"\r\nc supports t\r\n', 0),
        (b'thesis t "Latin-1 \xe9"\n', 2),
        (b"\x00\x01\x02", 1),
        (b'thesis t "no end\n', 1),
    ],
    ids=["empty", "bom", "crlf", "not-utf8", "control-bytes", "unterminated"],
)
def test_cli_never_shows_a_traceback(tmp_path: Path, data: bytes, expected_exit: int) -> None:
    path = tmp_path / "m.argmap"
    path.write_bytes(data)
    code, out, err = argmap_process("check", str(path))
    assert code == expected_exit, out + err
    assert "Traceback" not in err + out


def test_crlf_columns_match_lf(tmp_path: Path) -> None:
    lf = 'thesis t "T"\nclaim c "C" { by: nobody }\nc supports t\n'
    a = argmap.validate(argmap.loads(lf, "m"))
    b = argmap.validate(argmap.loads(lf.replace("\n", "\r\n"), "m"))
    assert [(d.code, d.span) for d in a] == [(d.code, d.span) for d in b]


def _bounded(*args: str, cwd: Path | None = None, limit: int | None = None) -> tuple[int, str, str]:
    """``python -m argmap`` with a time-out, so that a hang fails the test instead of the suite.

    ``limit`` sets the largest file the process may write, in bytes.
    """

    def preexec() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        preexec_fn=preexec,
        stdin=subprocess.DEVNULL,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_include_of_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.argmap")
    _write(tmp_path / "m.argmap", 'thesis t "T"\n  include "pipe.argmap"\n')
    code, out, err = _bounded("check", "--format", "concise", "m.argmap", cwd=tmp_path)
    assert code == exit_codes.FOUND, out + err
    assert "m.argmap:2:11: E105 cannot include `pipe.argmap`: not a regular file" in out
    assert "Traceback" not in err


def test_include_of_a_link_to_a_device(tmp_path: Path) -> None:
    (tmp_path / "zero.argmap").symlink_to("/dev/zero")
    _write(tmp_path / "m.argmap", 'include "zero.argmap"\nthesis t "T"\n')
    m = argmap.load(tmp_path / "m.argmap")
    [d] = [d for d in m.diagnostics if d.span is not None and d.span.line == 1]
    assert (d.code, d.span.column) == ("E106", 9)
    assert "leads outside the folder" in d.message
    assert [s.id for s in m.statements()] == ["t"]


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_check_of_a_device_or_fifo_named_on_the_command_line(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        name = str(tmp_path / "pipe.argmap")
        os.mkfifo(name)
    else:
        name = "/dev/zero"
    code, out, err = _bounded("check", name)
    assert code == exit_codes.USAGE
    assert f"argmap: error: {name}: not a regular file" in err
    assert "1 file could not be read" in out


def test_include_path_with_a_nul_character(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.argmap", 'thesis t "T"\ninclude "a\\u{0}.argmap"\n')
    m = argmap.load(path)
    [d] = [d for d in m.diagnostics if d.code == "E105"]
    assert d.span is not None and (d.span.line, d.span.column) == (2, 9)
    assert "cannot contain a NUL character" in d.message
    code, _, err = _bounded("check", str(path))
    assert code == exit_codes.FOUND and "internal error" not in err


def test_include_chain_a_thousand_files_deep(tmp_path: Path) -> None:
    depth = 1000
    for i in range(depth):
        include = f'include "f{i + 1}.argmap"\n' if i < depth - 1 else ""
        link = f"c{i} supports c{i - 1}\n" if i else 'thesis t "T"\nc0 supports t\n'
        _write(tmp_path / f"f{i}.argmap", f'{include}claim c{i} "C{i}"\n{link}')
    m = argmap.load(tmp_path / "f0.argmap")
    assert len(list(m.statements())) == depth + 1
    assert len(m.included_files()) == depth - 1
    assert argmap.validate(m) == []
    # a cycle at the bottom of the chain is still found
    _write(tmp_path / f"f{depth - 1}.argmap", f'include "f0.argmap"\nclaim c{depth - 1} "C"\n')
    codes = [d.code for d in argmap.load(tmp_path / "f0.argmap").diagnostics]
    assert codes == ["E107"]


_UGLY = 'thesis   t "T"\nclaim c "C"\nc supports t\n'


def _no_temp_files(folder: Path) -> None:
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp")) == []


def test_fmt_in_a_read_only_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("the superuser writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    a, b = _write(folder / "a.argmap", _UGLY), _write(folder / "b.argmap", _UGLY)
    folder.chmod(0o555)
    try:
        code, _, err = _bounded("fmt", str(a), str(b))
    finally:
        folder.chmod(0o755)
    assert code == exit_codes.USAGE
    assert f"cannot write {a}: Permission denied" in err and f"cannot write {b}: Permission denied" in err
    assert a.read_text(encoding="utf-8") == _UGLY
    _no_temp_files(folder)


def test_fmt_past_the_file_size_limit(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.argmap", _UGLY + "".join(f'claim   c{i} "C{i}"\nc{i} supports t\n' for i in range(50)))
    small = _write(tmp_path / "small.argmap", _UGLY)
    code, _, err = _bounded("fmt", str(big), str(small), limit=200)
    assert code == exit_codes.USAGE, err
    assert f"cannot write {big}: File too large" in err
    assert f"reformatted {small}" in err  # the next file is still formatted
    assert "1 file reformatted, 1 file could not be written." in err
    assert big.read_text(encoding="utf-8").startswith(_UGLY)
    assert small.read_text(encoding="utf-8") == argmap.dumps(argmap.loads(_UGLY))
    _no_temp_files(tmp_path)


def test_fmt_on_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _write(tmp_path / "a.argmap", _UGLY), _write(tmp_path / "b.argmap", _UGLY)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert main(["fmt", str(a), str(b)]) == exit_codes.USAGE
    err = capsys.readouterr().err
    assert f"cannot write {a}: No space left on device" in err
    assert f"cannot write {b}: No space left on device" in err
    assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8") == _UGLY
    _no_temp_files(tmp_path)


def test_render_past_the_file_size_limit(tmp_path: Path) -> None:
    _write(tmp_path / "m.argmap", _UGLY)
    code, out, err = _bounded("render", "--format", "dot", "-o", "m.dot", "m.argmap", cwd=tmp_path, limit=20)
    assert code == exit_codes.USAGE, out + err
    assert "cannot write m.dot: File too large" in err
    assert "Traceback" not in err
    assert not (tmp_path / "m.dot").exists()
    _no_temp_files(tmp_path)


def test_fmt_of_ten_thousand_nested_sections_grows_linearly() -> None:
    from argmap.syntax.formatter import format_text

    depth = 10_000
    text = "".join(f'section "S{i}" {{  # c{i}\n' for i in range(depth))
    text += 'thesis t "Deep."\nclaim c "Deeper."\nc supports t\n' + "}\n" * depth
    formatted = format_text(text)
    assert len(formatted) < 4 * len(text)
    assert format_text(formatted) == formatted
    back = argmap.loads(formatted)  # format_text itself checks that the items are the same, level by level
    assert [s.id for s in back.statements()] == ["t", "c"] and formatted.count("section") == depth
    lines = formatted.splitlines()
    assert lines[1] == '  section "S1" {  # c1'
    assert max(len(line) - len(line.lstrip()) for line in lines) == 2 * 12


def test_full_report_of_errors_on_a_megabyte_line(tmp_path: Path) -> None:
    errors = 100
    text = f'thesis t "{"x" * 1_000_000}" ' + " ".join(f"u{i} supports t" for i in range(errors))
    path = _write(tmp_path / "long.argmap", text)
    code, out, err = _bounded("check", str(path))
    assert code == exit_codes.FOUND, err
    assert out.count(": E101 ") == errors
    assert len(out.encode("utf-8")) < errors * 600  # each excerpt is cut to a window around its column
    where = text.index("u57 ")
    header = f"{path}:1:{where + 1}: E101"
    block = out[out.index(header) :].split("\n")
    assert block[2].startswith("1 | …") and block[2].endswith("…")
    assert block[3].index("^") == block[2].index("u57 ")  # the caret is under the name


def test_lone_surrogates_are_refused_when_the_model_is_built() -> None:
    with pytest.raises(ValueError, match=r"Statement\.text: 'x\\ud800' holds a lone surrogate \(U\+D800\)"):
        Statement(StatementKind.CLAIM, "c", "x\ud800")
    with pytest.raises(ValueError, match=r"Statement\.id: .* lone surrogate"):
        Statement(StatementKind.CLAIM, "\udfff", "x")
    with pytest.raises(ValueError, match=r"Inference\.premises: .* lone surrogate \(U\+DC00\)"):
        Inference.support(("a", "\udc00"), "t")
    with pytest.raises(ArgmapSyntaxError) as caught:
        argmap.loads('thesis t "T"\nclaim c "\ud800"\n')
    assert (caught.value.line, caught.value.column) == (2, 10)


def test_ids_that_cannot_be_written_are_refused_by_dumps() -> None:
    m = ArgumentMap(items=(Statement(StatementKind.CLAIM, "a\x00", "A NUL in an id"),))
    assert [s.id for s in m.statements()] == ["a\x00"]  # the model holds it, so that the checker can report it
    with pytest.raises(ValueError, match=r"cannot write 'a\\x00' as an id"):
        argmap.dumps(m)


# Any text at all, lone surrogates included: the constructors refuse what cannot be written.
_any = st.text(st.characters(blacklist_categories=()), max_size=6)
_name = _any | st.sampled_from(["a", "b", "claim", "supports", "é-1"])
_maybe = st.none() | _any
_extra = st.lists(st.tuples(_name, _any | st.lists(_any, max_size=2).map(tuple)), max_size=2).map(tuple)
_tags = st.lists(_any, max_size=2).map(tuple)
_ARGS: dict[type, dict[str, st.SearchStrategy[object]]] = {
    Statement: {"kind": st.sampled_from(list(StatementKind)), "id": _name, "text": _any, "by": _maybe,
                "source": _maybe, "date": _maybe, "quote": _maybe, "url": _maybe, "tags": _tags, "note": _maybe,
                "extra": _extra},
    Source: {"id": _name, "title": _any, "url": _maybe, "date": _maybe, "author": _maybe, "note": _maybe,
             "extra": _extra},
    Actor: {"id": _name, "name": _any, "role": _maybe, "url": _maybe, "note": _maybe, "extra": _extra},
    Inference: {"kind": st.sampled_from(list(InferenceKind)), "premises": st.lists(_name, max_size=3).map(tuple),
                "target": st.none() | _name, "id": st.none() | _name, "label": _maybe, "by": _maybe,
                "scheme": _maybe, "warrant": _maybe, "note": _maybe, "tags": _tags, "shorthand": st.booleans(),
                "extra": _extra},
    Contradiction: {"left": _name, "right": _name, "note": _maybe, "extra": _extra},
    Section: {"title": _any, "id": st.none() | _name},
    Include: {"path": _any},
}  # fmt: skip
_HEADER = {"title": _maybe, "author": _maybe, "date": _maybe, "about": _maybe,
           "header_extra": st.lists(st.tuples(st.sampled_from(["title", "author", "date", "about", "x"]), _any),
                                    max_size=2).map(tuple)}  # fmt: skip


def _built(cls: type, data: st.DataObject) -> object:
    args = {name: data.draw(strategy) for name, strategy in _ARGS[cls].items()}
    try:
        return cls(**args)
    except ValueError as exc:
        assert f"{cls.__name__}." in str(exc)  # names the class and the field
        return None


@settings(max_examples=scaled(500))
@given(st.data())
def test_whatever_dumps_accepts_loads_gives_back(data: st.DataObject) -> None:
    kinds = data.draw(st.lists(st.sampled_from(list(_ARGS)), max_size=4))
    items = [_built(cls, data) for cls in kinds]
    header = {name: data.draw(strategy) for name, strategy in _HEADER.items()}
    try:
        m = ArgumentMap(items=tuple(i for i in items if isinstance(i, Item)), **header)  # type: ignore[arg-type]
        text = argmap.dumps(m)
    except ValueError:
        return
    assert argmap.loads(text) == m
