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
from argmap.language import RESERVED

_WORDS = {
    "ID": "an id",
    "STRING": "a text in double quotes",
    "BARE": "a date",
    "ARROW": "`=>`",
    "PLUS": "`+`",
    "COLON": "`:`",
    "COMMA": "`,`",
    "LBRACE": "`{`",
    "RBRACE": "`}`",
    "LSQB": "`[`",
    "RSQB": "`]`",
    "$END": "end of file",
}
_KEYWORDS = {
    "TITLE": "title", "AUTHOR": "author", "DATE_KW": "date", "ABOUT": "about", "SOURCE": "source",
    "ACTOR": "actor", "THESIS": "thesis", "CLAIM": "claim", "EVIDENCE": "evidence",
    "ASSUMPTION": "assumption", "OBJECTION": "objection", "ARGUMENT": "argument", "ATTACK": "attack",
    "UNDERCUT": "undercut", "SUPPORTS": "supports", "ATTACKS": "attacks", "UNDERCUTS": "undercuts",
    "CONTRADICTS": "contradicts", "SECTION": "section", "INCLUDE": "include",
}  # fmt: skip
_ITEM_STARTERS = {"SOURCE", "ACTOR", "THESIS", "CLAIM", "SECTION", "ARGUMENT"}
_RELATION_WORDS = {"SUPPORTS", "ATTACKS", "UNDERCUTS", "CONTRADICTS"}
_HEADER = ("title", "author", "date", "about")
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
    if previous in _HEADER and expected >= _RELATION_WORDS:
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
        words.append("`supports`, `attacks`, `undercuts` or `contradicts`")
        rest -= _RELATION_WORDS
    for name in sorted(rest, key=_order):
        if name in _KEYWORDS:
            words.append(f"`{_KEYWORDS[name]}`")
        elif name in _WORDS:
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
        close = difflib.get_close_matches(value, ["supports", "attacks", "undercuts", "contradicts"], 1)
        if close:
            return f"did you mean `{close[0]}`?"
    if expected >= _RELATION_WORDS and previous in _KEYWORDS.values():
        return f"`{previous}` goes between two ids, as in `a {previous} b`"
    if expected >= _RELATION_WORDS and previous is not None:
        close = difflib.get_close_matches(previous, [*RESERVED, "supports", "attacks", "undercuts", "contradicts"], 1)
        if close and kind in ("ID", "STRING"):
            return f"did you mean `{close[0]}`?"
        return "relate two statements with `a supports b`, `a attacks b`, `a undercuts x` or `a contradicts b`"
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
