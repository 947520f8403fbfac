"""The words of the language: ids, reserved words, and how text is quoted."""

from __future__ import annotations

import re

#: Words that start an item, so they cannot be the id that starts a relation.
RESERVED = frozenset(
    [
        "title",
        "author",
        "date",
        "about",
        "source",
        "actor",
        "thesis",
        "claim",
        "evidence",
        "assumption",
        "objection",
        "argument",
        "attack",
        "undercut",
        "section",
        "include",
    ]
)
_ID = re.compile(r"[^\W\d][\w-]*\Z")
_BARE = re.compile(r"\d[\w.:+-]*\Z")
_ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def is_id(value: str) -> bool:
    """True when ``value`` can be written as a bare id.

    Example:
        >>> is_id("claim_1"), is_id("2nd"), is_id("a b")
        (True, False, False)
    """
    return bool(_ID.match(value))


def is_bare(value: str) -> bool:
    """True when ``value`` can be written unquoted as a date or number."""
    return bool(_BARE.match(value))


def quote(text: str) -> str:
    """Write text in double quotes with the language's escapes.

    Example:
        >>> print(quote('She said "no".'))
        "She said \\"no\\"."
    """
    out = []
    for ch in text:
        if ch in _ESCAPE:
            out.append(_ESCAPE[ch])
        elif not ch.isprintable() and ch != " ":
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
