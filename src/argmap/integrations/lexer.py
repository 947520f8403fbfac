"""A Pygments lexer for .argmap, built from the language table.

Every word and pattern comes from :mod:`argmap.language`: the keywords by
their role, and the patterns of ids, texts, dates and comments. A terminal
added to the table without a token type here fails at import, so the lexer
cannot drift from the grammar. The lexer is registered through the
``pygments.lexers`` entry point, so ``pygmentize -l argmap``, Sphinx and
MkDocs highlight ```` ```argmap ```` blocks once argmap is installed.

Like the grammar, it reads ``{`` after ``section ... "title"`` as the start of
a section and any other ``{`` as the start of attributes, whose keys are
shown as attribute names. What the grammar cannot read (a text without its
closing quote, a stray ``;``) comes out as ``Error`` tokens.

Example:
    >>> from pygments.token import Error
    >>> tokens = list(ArgmapLexer().get_tokens('claim c "Tea is good." { by: ann }'))
    >>> [(str(t), v) for t, v in tokens if v.strip()]  # doctest: +NORMALIZE_WHITESPACE
    [('Token.Keyword.Type', 'claim'), ('Token.Name.Label', 'c'), ('Token.Literal.String.Double', '"Tea is good."'),
     ('Token.Punctuation', '{'), ('Token.Name.Attribute', 'by'), ('Token.Punctuation', ':'),
     ('Token.Name', 'ann'), ('Token.Punctuation', '}')]
    >>> any(t is Error for t, _ in ArgmapLexer().get_tokens('claim c "open'))
    True
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from pygments.lexer import RegexLexer, bygroups
from pygments.token import (
    Comment,
    Keyword,
    Literal,
    Name,
    Operator,
    Punctuation,
    String,
    Whitespace,
    _TokenType,
)

from argmap.language import KEYWORDS, SCHEME, SECTION, TERMINALS, Role

__all__ = ["ArgmapLexer"]

#: What the grammar skips between tokens (its ``%ignore``).
WHITESPACE = r"[ \t\f\r\n\ufeff]+"
#: How each role of keyword is shown.
ROLE_TOKENS: dict[Role, _TokenType] = {
    "header": Keyword.Reserved,
    "declaration": Keyword.Declaration,
    "statement": Keyword.Type,
    "inference": Keyword.Declaration,
    "verb": Operator.Word,
    "relation": Operator.Word,
    "section": Keyword.Namespace,
    "include": Keyword.Namespace,
    "scheme": Keyword.Declaration,
    "scheme-part": Keyword,
}
#: How every other terminal is shown, by name.
TERMINAL_TOKENS: dict[str, _TokenType] = {
    "ID": Name,
    "STRING": String.Double,
    "BARE": Literal.Date,
    "ARROW": Operator,
    "PLUS": Operator,
    "COLON": Punctuation,
    "COMMA": Punctuation,
    "LBRACE": Punctuation,
    "RBRACE": Punctuation,
    "LSQB": Punctuation,
    "RSQB": Punctuation,
    "COMMENT": Comment.Single,
}
_KEYWORD_TERMINALS = {k.terminal for k in KEYWORDS}
_END = "(?![\\w-])"  # a word ends where an id could not go on


def _pattern(name: str) -> str:
    """The regular expression of a terminal, literal or pattern, from the table."""
    (terminal,) = (t for t in TERMINALS if t.name == name)
    return terminal.pattern if terminal.pattern is not None else re.escape(terminal.literal or "")


def _words(roles: tuple[Role, ...]) -> str:
    """One alternation of the keywords of these roles, longest first, whole words only."""
    words = sorted((k.word for k in KEYWORDS if k.role in roles), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in words) + ")" + _END


def _check_covered() -> None:
    """Every terminal of the table has a token type (``$END`` has no text)."""
    missing = [
        t.name
        for t in TERMINALS
        if t.name != "$END" and t.name not in _KEYWORD_TERMINALS and t.name not in TERMINAL_TOKENS
    ]
    if missing:
        raise AssertionError(f"the lexer has no token type for {', '.join(missing)}")


_check_covered()


def _common() -> list[tuple[Any, ...]]:
    return [(WHITESPACE, Whitespace), (_pattern("COMMENT"), Comment.Single), (_pattern("STRING"), String.Double)]


def _item_rules() -> list[tuple[Any, ...]]:
    """The rules of the top level and of a section's body."""
    ws = WHITESPACE
    rules: list[tuple[Any, ...]] = [
        (f"({re.escape(SECTION)}{_END})", Keyword.Namespace, "section-head"),
        (f"({re.escape(SCHEME)}{_END})", ROLE_TOKENS["scheme"], "scheme-head"),
    ]
    # A statement or declaration names what it defines, an inference may name itself (`argument a1: p => c`).
    for role in ("statement", "declaration", "inference"):
        named = f"({_words((role,))})({ws})({_pattern('ID')})"
        rules.append((named, bygroups(ROLE_TOKENS[role], Whitespace, Name.Label)))
    for role in ROLE_TOKENS:
        if role not in ("section", "scheme"):
            rules.append((_words((role,)), ROLE_TOKENS[role]))
    rules += [(_pattern("LBRACE"), Punctuation, "attributes"), *_plain(("ID", "BARE", "ARROW", "PLUS", "COLON"))]
    return rules


def _plain(names: tuple[str, ...]) -> list[tuple[Any, ...]]:
    return [(_pattern(n), TERMINAL_TOKENS[n]) for n in names]


_ATTRIBUTE = f"({_pattern('ID')})({WHITESPACE})?({_pattern('COLON')})"


class ArgmapLexer(RegexLexer):
    """Pygments lexer for argmap's language of argument maps."""

    name = "argmap"
    aliases: ClassVar[list[str]] = ["argmap"]
    filenames: ClassVar[list[str]] = ["*.argmap"]
    mimetypes: ClassVar[list[str]] = ["text/x-argmap"]
    url = "https://github.com/argmap/argmap/blob/main/docs/language.md"

    tokens: ClassVar[dict[str, list[Any]]] = {
        "root": [*_common(), *_item_rules()],
        "section-head": [
            *_common(),
            (_pattern("ID"), Name.Namespace),
            (_pattern("LBRACE"), Punctuation, ("#pop", "section-body")),
        ],
        "section-body": [(_pattern("RBRACE"), Punctuation, "#pop"), *_common(), *_item_rules()],
        "scheme-head": [
            *_common(),
            (_pattern("ID"), Name.Label),
            (_pattern("LBRACE"), Punctuation, ("#pop", "scheme-body")),
        ],
        # `premise tag? "text"`, `conclusion "text"`, `question key type "text"` and attributes.
        "scheme-body": [
            *_common(),
            (_pattern("RBRACE"), Punctuation, "#pop"),
            (_ATTRIBUTE, bygroups(Name.Attribute, Whitespace, Punctuation)),
            (_words(("scheme-part",)), ROLE_TOKENS["scheme-part"]),
            *_plain(("ID", "BARE", "COMMA", "LSQB", "RSQB")),
        ],
        "attributes": [
            *_common(),
            (_pattern("RBRACE"), Punctuation, "#pop"),
            (_ATTRIBUTE, bygroups(Name.Attribute, Whitespace, Punctuation)),
            *_plain(("ID", "BARE", "COMMA", "LSQB", "RSQB")),
        ],
    }
