"""The words of the language in one table, and how ids and texts are written.

Everything that names a word of the language derives from this table: the
reserved words, the printer's keywords and verbs, the wording of syntax errors
and every phrase that says how an inference is written. A test holds the table
and ``grammar/argmap.lark`` to each other, terminal by terminal.

A new statement or inference kind is a new member of :class:`StatementKind` or
:class:`InferenceKind` (with its words in :data:`INFERENCE_WORDS`), plus its
terminal in the grammar.
"""

from __future__ import annotations

import enum
import re
import sys
from dataclasses import dataclass
from typing import Literal, NoReturn

if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # Python 3.10

    def assert_never(value: NoReturn, /) -> NoReturn:
        """Mark a branch that an exhaustive ``match`` never reaches."""
        raise AssertionError(f"unhandled value: {value!r}")


__all__ = [
    "DECLARATION_WORDS",
    "HEADER_WORDS",
    "INFERENCE_TERMINALS",
    "INFERENCE_WORDS",
    "KEYWORDS",
    "QUESTION_TYPES",
    "RELATION_VERBS",
    "RESERVED",
    "SCHEME",
    "SCHEME_WORDS",
    "TERMINALS",
    "AimsAt",
    "Form",
    "InferenceKind",
    "InferenceWords",
    "Keyword",
    "Polarity",
    "QuestionType",
    "StatementKind",
    "Terminal",
    "assert_never",
    "is_bare",
    "is_id",
    "quote",
    "shorthand",
    "written",
]


class StatementKind(enum.Enum):
    """What a statement is in the debate; the value is its keyword."""

    THESIS = "thesis"
    CLAIM = "claim"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"
    OBJECTION = "objection"


class InferenceKind(enum.Enum):
    """What an inference does to its target."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"


#: Whether an inference speaks for its target or against it.
Polarity = Literal["for", "against"]
#: What an inference's target is: a statement, or another inference (or relation).
AimsAt = Literal["statement", "inference"]


@dataclass(frozen=True)
class InferenceWords:
    """How an inference kind is written, and the properties most behaviour follows from.

    Checks, relations, explanations and colours derive what they need from
    ``aims_at`` and ``polarity``; only the ASPIC+ theory (and the reference
    theory it is tested against) decides a kind's meaning by its name.

    Attributes:
        keyword: the word of the full form, as in ``argument a1: p => c``.
        verb: the word of the one-premise shorthand, as in ``p supports c``.
        aims_at: what the target is: a ``statement``, or an ``inference``.
        polarity: ``for`` its target, or ``against`` it. An inference that aims
            at an inference is against it: it denies that the inference applies.
        noun: what messages call one: `a1` is "an inference", "an attack".
        infinitive: the verb in messages such as "a statement cannot support itself".
        participle: the verb in messages such as "only statements can be supported".
    """

    keyword: str
    verb: str
    aims_at: AimsAt
    polarity: Polarity
    noun: str
    infinitive: str
    participle: str

    @property
    def with_article(self) -> str:
        """The noun with its article: "an inference", "an attack"."""
        return ("an " if self.noun[:1] in ("a", "e", "i", "o", "u") else "a ") + self.noun


_W = InferenceWords
#: The words and properties of every inference kind (checked complete when this module loads).
INFERENCE_WORDS: dict[InferenceKind, InferenceWords] = {
    #                          keyword     verb         aims_at      polarity   noun         infinitive  participle
    InferenceKind.SUPPORT:  _W("argument", "supports",  "statement", "for",     "inference", "support",  "supported"),
    InferenceKind.ATTACK:   _W("attack",   "attacks",   "statement", "against", "attack",    "attack",   "attacked"),
    InferenceKind.UNDERCUT: _W("undercut", "undercuts", "inference", "against", "undercut",  "undercut", "undercut"),
}  # fmt: skip
#: The symmetric relation between two statements.
CONTRADICTS = "contradicts"
#: A preference: ``a outweighs b`` (inferences, or statements taken as premises).
OUTWEIGHS = "outweighs"
#: Header lines: one each at the top level of a map.
HEADER_WORDS = ("title", "author", "date", "about")
#: Declarations of the sources and actors that statements are attributed to.
DECLARATION_WORDS = ("source", "actor")
SECTION = "section"
INCLUDE = "include"
#: A scheme the map defines: ``scheme key "Name" { premise ... conclusion ... question ... }``.
SCHEME = "scheme"
#: The words of a scheme's body, each starting one entry: ``premise tag? "text"``,
#: ``conclusion "text"`` and ``question key type "text"``.
SCHEME_WORDS = ("premise", "conclusion", "question")
#: What a critical question questions, in Carneades' sense: a stated premise, an
#: exception (whoever raises it must support it) or an assumption (the proponent
#: must support it once it is asked). The catalogue's questions and a map's own use these.
QuestionType = Literal["premise", "exception", "assumption"]
QUESTION_TYPES: tuple[QuestionType, ...] = ("premise", "exception", "assumption")

#: The form of an attribute value, kept as ``attribute`` metadata on the model's
#: fields: ``ref`` the id of another element (a text is kept for the checker to
#: report), ``name`` a word written bare when it can be (e.g. a scheme),
#: ``text`` a text, ``date`` a date (bare when it can be), ``url`` a URL, and
#: ``list`` a list (a single value is a list of one), ``number`` a whole
#: number such as a rank (bare when it can be). Only ``list`` reads
#: differently; every other form accepts a text, an id or a date.
Form = Literal["ref", "name", "text", "date", "url", "list", "number"]

Role = Literal[
    "header", "declaration", "statement", "inference", "verb", "relation", "section", "include", "scheme", "scheme-part"
]


@dataclass(frozen=True)
class Keyword:
    """A word of the language and the grammar terminal that reads it."""

    word: str
    terminal: str
    role: Role

    @property
    def starts_item(self) -> bool:
        """True when the word starts an item (or an entry of a scheme's body): it is not read after an id."""
        return self.role not in ("verb", "relation")

    @property
    def reserved(self) -> bool:
        """True when the word starts an item of a map or section, so it cannot start a relation.

        The words of a scheme's body start an entry only inside a ``scheme { }``:
        elsewhere they are ids like any other.
        """
        return self.starts_item and self.role != "scheme-part"


@dataclass(frozen=True)
class Terminal:
    """A terminal of the grammar: its name, what it reads and how an error names it.

    ``literal`` is the one text it reads, if it reads one; ``pattern`` is the
    regular expression of a terminal the grammar writes as one. A verb has
    both: its word, and the pattern that reads the word only when no letter,
    digit, ``_`` or ``-`` follows, so that ``c supportst`` is not read as
    ``c supports t``. (Only verbs need that: they are the only keywords read
    where an id cannot come, and elsewhere Lark reads a keyword glued to more
    letters as an id.)
    """

    name: str
    description: str
    literal: str | None = None
    pattern: str | None = None


def _terminal_name(word: str) -> str:
    # The grammar names the terminal of `date` DATE_KW.
    return "DATE_KW" if word == "date" else word.upper()


def _keywords() -> tuple[Keyword, ...]:
    out: list[Keyword] = [Keyword(w, _terminal_name(w), "header") for w in HEADER_WORDS]
    out += [Keyword(w, _terminal_name(w), "declaration") for w in DECLARATION_WORDS]
    out += [Keyword(k.value, _terminal_name(k.value), "statement") for k in StatementKind]
    out += [Keyword(w.keyword, _terminal_name(w.keyword), "inference") for w in INFERENCE_WORDS.values()]
    out += [Keyword(w.verb, _terminal_name(w.verb), "verb") for w in INFERENCE_WORDS.values()]
    out += [Keyword(CONTRADICTS, _terminal_name(CONTRADICTS), "relation")]
    out += [Keyword(OUTWEIGHS, _terminal_name(OUTWEIGHS), "relation")]
    out += [Keyword(SECTION, _terminal_name(SECTION), "section"), Keyword(INCLUDE, _terminal_name(INCLUDE), "include")]
    out += [Keyword(SCHEME, _terminal_name(SCHEME), "scheme")]
    out += [Keyword(w, _terminal_name(w), "scheme-part") for w in SCHEME_WORDS]
    return tuple(out)


#: Every keyword, in the order the grammar lists them.
KEYWORDS = _keywords()
#: Words that start an item, so they cannot be the id that starts a relation.
RESERVED = frozenset(k.word for k in KEYWORDS if k.reserved)
#: The verbs between two ids: the inference shorthands, ``contradicts`` and ``outweighs``.
RELATION_VERBS = tuple(k.word for k in KEYWORDS if not k.starts_item)
#: The inference kind that each keyword and verb terminal reads, as in ``ATTACK`` or ``ATTACKS``.
INFERENCE_TERMINALS: dict[str, InferenceKind] = {
    _terminal_name(word): kind for kind, words in INFERENCE_WORDS.items() for word in (words.keyword, words.verb)
}


def _whole_word(word: str) -> str:
    """The pattern of a word that is not the start of a longer id."""
    return re.escape(word) + r"(?![\w-])"


ID_PATTERN = r"[^\W\d][\w-]*"
BARE_PATTERN = r"\d[\w.:+-]*"
#: Every terminal of the grammar, keywords first; ``$END`` is Lark's end of the text.
#: Patterns are as Lark holds them: a ``\r`` or ``\n`` in the grammar is the character itself.
TERMINALS: tuple[Terminal, ...] = (
    *(
        Terminal(k.terminal, f"`{k.word}`", literal=k.word, pattern=None if k.starts_item else _whole_word(k.word))
        for k in KEYWORDS
    ),
    Terminal("ID", "an id", pattern=ID_PATTERN),
    Terminal("STRING", "a text in double quotes", pattern='"(?:[^"\\\\\r\n]|\\\\.)*"'),
    Terminal("BARE", "a date", pattern=BARE_PATTERN),
    Terminal("ARROW", "`=>`", literal="=>"),
    Terminal("PLUS", "`+`", literal="+"),
    Terminal("COLON", "`:`", literal=":"),
    Terminal("COMMA", "`,`", literal=","),
    Terminal("LBRACE", "`{`", literal="{"),
    Terminal("RBRACE", "`}`", literal="}"),
    Terminal("LSQB", "`[`", literal="["),
    Terminal("RSQB", "`]`", literal="]"),
    Terminal("COMMENT", "a comment", pattern="#[^\r\n]*"),
    Terminal("$END", "end of file"),
)

_ID = re.compile(ID_PATTERN + r"\Z")
_BARE = re.compile(BARE_PATTERN + r"\Z")
_ESCAPE = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _check_complete() -> None:
    missing = [k.name for k in InferenceKind if k not in INFERENCE_WORDS]
    if missing:
        raise AssertionError(f"INFERENCE_WORDS has no words for {', '.join(missing)}")
    for_an_inference = [k.name for k, w in INFERENCE_WORDS.items() if w.aims_at == "inference" and w.polarity == "for"]
    if for_an_inference:
        raise AssertionError(f"{', '.join(for_an_inference)} aims at an inference, so it must be against it")


_check_complete()


def shorthand(kind: InferenceKind, premise: str, target: str) -> str:
    """An inference as its one-premise shorthand, without quotes.

    Example:
        >>> shorthand(InferenceKind.ATTACK, "o", "t")
        'o attacks t'
    """
    return f"{premise} {INFERENCE_WORDS[kind].verb} {target}"


def inference_key(kind: InferenceKind, premises: tuple[str, ...], target: str | None) -> str:
    """The one name of an inference without an id: how it reads, ``a + b supports c``.

    Example:
        >>> inference_key(InferenceKind.SUPPORT, ("a", "b"), "c")
        'a + b supports c'
        >>> inference_key(InferenceKind.UNDERCUT, ("u",), "r1")
        'u undercuts r1'
    """
    return f"{' + '.join(premises)} {INFERENCE_WORDS[kind].verb} {target or ''}".strip()


def key_slug(key: str) -> str:
    """An inference key as an SVG/DOT id: spaces and ``+`` become dots.

    Example:
        >>> key_slug("a + b supports c"), key_slug("r1")
        ('a.b.supports.c', 'r1')
    """
    return re.sub(r"[\s+]+", ".", key.strip())


def key_aliases(kind: InferenceKind, premises: tuple[str, ...], target: str | None) -> tuple[str, ...]:
    """Other spellings accepted for an unnamed inference's key (older forms and the SVG id).

    Example:
        >>> key_aliases(InferenceKind.SUPPORT, ("a", "b"), "c")
        ('support:a+b=>c', 'support.a.b.c', 'a.b.supports.c')
    """
    return (
        f"{kind.value}:{'+'.join(premises)}=>{target or ''}",
        ".".join((kind.value, *premises, target or "")),
        key_slug(inference_key(kind, premises, target)),
    )


def written(
    kind: InferenceKind,
    premises: tuple[str, ...],
    target: str | None,
    ident: str | None = None,
    *,
    short: bool = False,
) -> str:
    """An inference as it is written, in backquotes, for messages.

    ``short`` asks for the shorthand, which is used when the inference can be
    written so (one premise, a target, no id).

    Example:
        >>> written(InferenceKind.SUPPORT, ("a", "b"), "c", "a1")
        '`argument a1: a + b => c`'
        >>> written(InferenceKind.UNDERCUT, ("u",), "a1", short=True)
        '`u undercuts a1`'
    """
    if short and len(premises) == 1 and target is not None and ident is None:
        return f"`{shorthand(kind, premises[0], target)}`"
    words = [INFERENCE_WORDS[kind].keyword + (f" {ident}" if ident else "") + ":"]
    if premises:
        words.append(" + ".join(premises))
    words.append("=>")
    if target is not None:
        words.append(target)
    return f"`{' '.join(words)}`"


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
