"""No input makes the parser or the checker crash: errors come with a place."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapSyntaxError

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
