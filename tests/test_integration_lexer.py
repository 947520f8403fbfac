"""The Pygments lexer reads every valid map without an error token, and marks what the grammar refuses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Error, Keyword, Name, Operator, _TokenType

import argmap
from argmap.errors import ArgmapSyntaxError
from argmap.integrations.lexer import ROLE_TOKENS, ArgmapLexer
from argmap.language import KEYWORDS

from .conftest import CASES, MAPS, ROOT, scaled
from .strategies import maps, token_soup

CASE_FILES = sorted(CASES.rglob("*.argmap"))


def tokens(text: str) -> list[tuple[_TokenType, str]]:
    return list(ArgmapLexer().get_tokens(text))


def errors(text: str) -> list[str]:
    return [value for kind, value in tokens(text) if kind in Error]


def parses(path: Path) -> bool:
    try:
        argmap.load(path)
    except (ArgmapSyntaxError, OSError):
        return False
    return True


def test_registered_by_name_and_file_name() -> None:
    # Through the `pygments.lexers` entry point, as Sphinx and MkDocs look lexers up.
    assert isinstance(get_lexer_by_name("argmap"), ArgmapLexer)
    assert isinstance(get_lexer_for_filename("debate.argmap"), ArgmapLexer)


@pytest.mark.parametrize("path", sorted(MAPS.glob("*.argmap")), ids=lambda p: p.name)
def test_no_error_token_in_the_example_maps(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert errors(text) == []
    assert "".join(value for _, value in tokens(text)) == (text if text.endswith("\n") else text + "\n")


@pytest.mark.parametrize("path", [p for p in CASE_FILES if parses(p)], ids=lambda p: str(p.relative_to(CASES)))
def test_no_error_token_in_the_test_maps_that_parse(path: Path) -> None:
    assert errors(path.read_text(encoding="utf-8")) == []


def test_the_cases_include_valid_and_invalid_maps() -> None:
    valid = [p for p in CASE_FILES if parses(p)]
    assert 10 < len(valid) < len(CASE_FILES)


@settings(max_examples=scaled(150))
@given(maps)
def test_no_error_token_in_generated_maps(m: argmap.ArgumentMap) -> None:
    assert errors(argmap.dumps(m)) == []


@settings(max_examples=scaled(300))
@given(token_soup)
def test_text_the_parser_accepts_has_no_error_token(text: str) -> None:
    try:
        argmap.loads(text)
    except ArgmapSyntaxError:
        return
    assert errors(text) == []


def test_no_error_token_in_a_benchmark_map() -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = generate
    spec.loader.exec_module(generate)
    text = "\n".join(generate.Generator(300, 7).lines()) + "\n"
    argmap.loads(text)
    assert errors(text) == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ('claim c "Tea is good.\nc supports t\n', '"'),  # a text without its closing quote
        ('claim c "Tea"; claim d "Milk"\n', ";"),  # a stray character
        ('thesis t "Tea"\n}\n', "}"),  # a brace that closes nothing
        ('claim c "Tea" { by: ann { } }\n', "{"),  # braces inside attributes
    ],
)
def test_error_tokens_where_the_grammar_refuses(text: str, bad: str) -> None:
    with pytest.raises(ArgmapSyntaxError):
        argmap.loads(text)
    assert bad in errors(text)


@pytest.mark.parametrize("keyword", KEYWORDS, ids=lambda k: k.word)
def test_each_keyword_is_shown_by_its_role_and_is_a_name_as_a_key(keyword: object) -> None:
    word = keyword.word  # type: ignore[attr-defined]
    role = keyword.role  # type: ignore[attr-defined]
    first = {"verb": f"a {word} b", "relation": f"a {word} b"}.get(role, word)
    kinds = {value: kind for kind, value in tokens(first)}
    assert kinds[word] is ROLE_TOKENS[role]
    assert kinds[word] in (Keyword if role not in ("verb", "relation") else Operator)
    in_attributes = dict((value, kind) for kind, value in tokens(f'claim c "x" {{ {word}: y }}'))
    assert in_attributes[word] is Name.Attribute
