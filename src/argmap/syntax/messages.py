"""Syntax errors in plain words: what was expected, what was found, and a hint.

Lark reports terminals by their grammar names (``RBRACE``, ``$END``); this
module says ``}`` and ``end of file`` instead, points at the right place, and
recognises the commonest slips (a misspelt keyword, a missing quote, brace or
colon).
"""

from __future__ import annotations

import difflib
import re

from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from argmap.errors import ArgmapSyntaxError
from argmap.language import (
    CONTRADICTS,
    HEADER_WORDS,
    INFERENCE_WORDS,
    KEYWORDS,
    RELATION_VERBS,
    RESERVED,
    TERMINALS,
    is_id,
    shorthand,
)

_WORDS = {t.name: t.description for t in TERMINALS}
_KEYWORDS = {k.terminal: k.word for k in KEYWORDS}
_ITEM_STARTERS = {k.terminal for k in KEYWORDS if k.reserved and k.role != "header"}
_RELATION_WORDS = {k.terminal for k in KEYWORDS if not k.starts_item}
_RELATIONS_IN_WORDS = ", ".join(f"`{v}`" for v in RELATION_VERBS[:-1]) + f" or `{RELATION_VERBS[-1]}`"
_RELATION_EXAMPLES = [
    f"`{shorthand(kind, 'a', 'x' if words.aims_at == 'inference' else 'b')}`" for kind, words in INFERENCE_WORDS.items()
]
_RELATION_HINT = "relate two statements with " + ", ".join(_RELATION_EXAMPLES) + f" or `a {CONTRADICTS} b`"
_LAST_WORD = re.compile(r"([^\W\d][\w-]*)[ \t]*\Z")


def plain(exc: UnexpectedInput, text: str, path: str | None) -> ArgmapSyntaxError:
    """Turn a Lark error into an :class:`ArgmapSyntaxError` without grammar jargon."""
    if isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        return _unexpected_token(exc, text, path)
    if isinstance(exc, UnexpectedCharacters):
        return _unexpected_character(exc, text, path)
    line, column = _end_of_content(text)
    expected = set(getattr(exc, "expected", ()) or ())
    hint = "is a `]` missing?" if "RSQB" in expected else "is a `}` missing?" if "RBRACE" in expected else None
    return ArgmapSyntaxError(
        f"expected {describe_expected(expected)}, found end of file", path, line, column, None, hint
    )


def _unexpected_token(exc: UnexpectedToken, text: str, path: str | None) -> ArgmapSyntaxError:
    token = exc.token
    expected = set(exc.expected)
    value = str(token.value)  # lark-cython's tokens are not strings
    before = _LAST_WORD.search(text, 0, token.start_pos or 0)
    previous = before.group(1) if before else None
    message = f"expected {describe_expected(expected)}, found {describe_found(token.type, value)}"
    hint = _hint(expected, token.type, value, previous)
    if previous in HEADER_WORDS and expected >= _RELATION_WORDS:
        message = f"`{previous}` is a header line: it belongs at the top level of the map, not inside a section"
        hint = "move it out of the section"
    end = token.end_column if token.end_line == token.line else None
    return ArgmapSyntaxError(message, path, token.line or 1, token.column or 1, end, hint)


def _unexpected_character(exc: UnexpectedCharacters, text: str, path: str | None) -> ArgmapSyntaxError:
    line, column = exc.line, exc.column
    pos = exc.pos_in_stream or 0
    char = text[pos] if pos < len(text) else ""
    if char == '"':
        rest = text[pos:].split("\n", 1)[0]
        return ArgmapSyntaxError(
            'unterminated text: the closing `"` is missing on this line',
            path,
            line,
            column,
            column + len(rest.rstrip("\r")),
            "a text ends on the line it starts on",
        )
    found = f"`{char}`" if char.isprintable() else f"U+{ord(char):04X}"
    if text.startswith(("->", "=>"), pos) or text.startswith(">", pos + 1):
        hint = "premises lead to their target with `=>`, as in `argument a1: p1 + p2 => c`"
        return ArgmapSyntaxError(f"unexpected {found}", path, line, column, column + 1, hint)
    return ArgmapSyntaxError(
        f"unexpected {found}",
        path,
        line,
        column,
        column + 1,
        "texts go in double quotes; ids are letters, digits, `_` and `-`; comments start with `#`",
    )


def _end_of_content(text: str) -> tuple[int, int]:
    """Line and column just after the last character that is not blank."""
    body = text.rstrip()
    lines = body.split("\n")
    return len(lines), len(lines[-1]) + 1


def describe_expected(expected: set[str]) -> str:
    """Say in words what could have come.

    Example:
        >>> describe_expected({"COLON", "STRING"})
        '`:` or a text in double quotes'
    """
    words: list[str] = []
    rest = set(expected)
    if rest >= _ITEM_STARTERS:
        words.append("an item (a statement, declaration or relation)")
        rest -= {*_KEYWORDS, "ID"}
    if rest >= _RELATION_WORDS:
        words.append(_RELATIONS_IN_WORDS)
        rest -= _RELATION_WORDS
    for name in sorted(rest, key=_order):
        if name in _WORDS:
            words.append(_WORDS[name])
    if not words:
        return "something else"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _order(name: str) -> tuple[int, str]:
    # Closing brackets and the end of file come last: they are the least likely intent.
    return {"$END": 3, "RBRACE": 2, "RSQB": 2}.get(name, 1), name


def describe_found(kind: str, value: str) -> str:
    """Say in words what came instead."""
    if kind in _KEYWORDS:
        return f"the keyword `{value}`"
    if kind == "ID":
        return f"the id `{value}`"
    if kind == "STRING":
        return f"the text {value if len(value) <= 40 else value[:37] + '...'}"
    return f"`{value}`"


def _hint(expected: set[str], kind: str, value: str, previous: str | None) -> str | None:
    """A suggestion for the commonest slips, or None."""
    if expected >= _RELATION_WORDS and kind == "ID":
        for verb in RELATION_VERBS:
            if value.startswith(verb) and is_id(value[len(verb) :]):
                return f"put a space between `{verb}` and `{value[len(verb) :]}`"
        close = difflib.get_close_matches(value, RELATION_VERBS, 1)
        if close:
            return f"did you mean `{close[0]}`?"
    if expected >= _RELATION_WORDS and previous in _KEYWORDS.values():
        return f"`{previous}` goes between two ids, as in `a {previous} b`"
    if expected >= _RELATION_WORDS and previous is not None:
        close = difflib.get_close_matches(previous, [*sorted(RESERVED), *RELATION_VERBS], 1)
        if close and kind in ("ID", "STRING"):
            return f"did you mean `{close[0]}`?"
        return _RELATION_HINT
    if expected == {"STRING"} and kind == "ID":
        return 'put the text in double quotes, e.g. claim c1 "The text."'
    if expected == {"COLON"} and previous in RESERVED:
        return "is a `}` missing at the end of the line before?"
    if kind == "RBRACE" and "RSQB" in expected:
        return "is a `]` missing?"
    if kind == "RBRACE":
        return "is there a `}` too many?"
    if "COLON" in expected and kind == "ARROW":
        return 'write a colon before the premises, e.g. argument a1 "Label": p1 + p2 => c'
    if "COLON" in expected and kind == "ID" and previous and "STRING" in expected:
        return 'write a colon before the premises, e.g. argument a1 "Label": p1 + p2 => c'
    return None
