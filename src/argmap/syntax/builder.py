"""The builder: grammar rules to model objects, run inline by the parser.

Each method is named after a rule in ``grammar/argmap.lark`` and receives
that rule's children: tokens, and the results of inner rules. The grammar is
flat for speed (see its header): an item rule receives the tokens of its
attribute block, premises and arrow itself, and the repetitions ``items``,
``body``, ``pairs`` and ``premises`` are built by the built-in ``tuple``, as
nested tuples ``(earlier, *tokens)`` that the item methods unroll.

The builder works with the tokens of pure Lark (``lark.Token``, a ``str``)
and of lark-cython (not a ``str``): it only reads ``.type``, ``.value``,
``.line``, ``.column``, ``.end_line`` and ``.end_column``.

It never raises for structural problems: values it cannot place in a typed
field are kept in ``extra`` for the checker to report, so the formatter loses
nothing. Where each part of an element (id, premise, attribute value) is
written is recorded as plain numbers while parsing, in a
:class:`~argmap.model.PartSpans`, so a diagnostic can always place it.
"""

from __future__ import annotations

from typing import Any

from lark import Transformer

from argmap.errors import ArgmapSyntaxError
from argmap.language import INFERENCE_TERMINALS
from argmap.model import (
    Actor,
    Contradiction,
    Extra,
    Include,
    Inference,
    Item,
    PartSpans,
    Preference,
    SchemeDefinition,
    SchemePremise,
    SchemeQuestion,
    Section,
    Source,
    Span,
    Statement,
    StatementKind,
    Value,
)
from argmap.model.elements import RawPart
from argmap.syntax.parsed import Parsed
from argmap.syntax.values import Position, split_attributes, unescape

_KINDS = {kind.value: kind for kind in StatementKind}
_PREMISE = [f"premise:{i}" for i in range(64)]
#: The fields of an element without an attribute block (never changed).
_NO_FIELDS: dict[str, Value] = {}


class _List:
    """A list value as written: its flattened values and where it is."""

    __slots__ = ("at", "value")

    def __init__(self, value: tuple[str, ...], at: Position) -> None:
        self.value = value
        self.at = at


def _unroll(node: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """The elements of a left-recursive repetition built by ``tuple``, in order.

    The first element is ``(*first,)``, each next one ``(earlier, *next)``.
    """
    rest = []
    while type(node[0]) is tuple:
        rest.append(node)
        node = node[0]
    rest.append(node)
    rest.reverse()
    return rest


def _at(token: Any) -> Position:
    return (token.line, token.column, token.end_line, token.end_column)


def _part(name: str, token: Any) -> RawPart:
    return (name, token.line, token.column, token.end_line, token.end_column)


class Builder(Transformer[Any, Any]):
    """Builds model items from grammar rules (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        self.begin(None)

    # -- parse lifecycle -----------------------------------------------------

    def begin(self, path: str | None) -> None:
        """Reset for a new parse of the file at ``path``."""
        self.path = path
        self.header: list[tuple[str, str, Span]] = []
        self.comments: list[tuple[Span, str]] = []
        self.includes = False
        self.result: tuple[Item, ...] = ()

    def finish(self) -> Parsed:
        """Hand over what the parse produced, and forget it."""
        parsed = Parsed(self.result, self.header, tuple(self.comments), self.includes)
        self.begin(None)
        return parsed

    def comment(self, token: Any) -> Any:
        """Lexer callback: remember a comment with its place.

        lark-cython gives ignored tokens no end; a comment ends on its line.
        """
        value, line, column = token.value, token.line, token.column
        self.comments.append((Span(self.path, line, column, line, column + len(value)), value.rstrip()))
        return token

    # -- helpers -------------------------------------------------------------

    def _span(self, first: Any, last: Any) -> Span:
        return Span(self.path, first.line, first.column, last.end_line, last.end_column)

    def _text(self, token: Any) -> str:
        raw: str = token.value[1:-1]
        if "\\" not in raw:
            return raw
        return unescape(raw, self.path, token.line, token.column + 1)

    def _value(self, token: Any) -> str:
        """A single attribute or list value: a text unquoted, an id or a date as written."""
        return self._text(token) if token.type == "STRING" else str(token.value)

    def _block(self, schema: str, c: list[Any], i: int, parts: list[RawPart]) -> tuple[dict[str, Value], Extra]:
        """Typed fields and extras of the attribute block ``{ pairs? }`` at ``c[i]``, if any."""
        if i >= len(c) or type(c[i + 1]) is not tuple:  # no block, or `{}`
            return _NO_FIELDS, ()
        pairs: list[tuple[str, Position, Value, Position]] = []
        for pair in _unroll(c[i + 1]):  # (earlier?, ID, COLON, value, COMMA?)
            j = 1 if type(pair[0]) is tuple else 0
            pairs.append(self._pair(pair[j], pair[j + 2]))
        return split_attributes(schema, pairs, parts)

    def _pair(self, key: Any, value: Any) -> tuple[str, Position, Value, Position]:
        """One ``key: value`` of an attribute block: the key and the value, each with where it is."""
        if type(value) is _List:
            return key.value, _at(key), value.value, value.at
        return key.value, _at(key), self._value(value), _at(value)

    # -- top level -----------------------------------------------------------

    # The repetitions: the built-in ``tuple``, called by the parser directly.
    items = body = pairs = premises = scheme_body = tuple

    def start(self, c: list[Any]) -> None:
        if c:
            self.result = tuple(x[-1] for x in _unroll(c[0]) if x[-1] is not None)

    def title(self, c: list[Any]) -> None:
        self.header.append(("title", self._text(c[1]), self._span(c[0], c[1])))

    def author(self, c: list[Any]) -> None:
        self.header.append(("author", self._text(c[1]), self._span(c[0], c[1])))

    def map_date(self, c: list[Any]) -> None:
        self.header.append(("date", self._text(c[1]) if c[1].type == "STRING" else c[1].value, self._span(c[0], c[1])))

    def about(self, c: list[Any]) -> None:
        self.header.append(("about", c[1].value, self._span(c[0], c[1])))

    # -- declarations and statements -----------------------------------------

    def source(self, c: list[Any]) -> Source:
        parts = [_part("id", c[1])]
        fields, extra = self._block("source", c, 3, parts)
        return Source(
            c[1].value,
            self._text(c[2]),
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def actor(self, c: list[Any]) -> Actor:
        parts = [_part("id", c[1])]
        fields, extra = self._block("actor", c, 3, parts)
        return Actor(
            c[1].value,
            self._text(c[2]),
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def statement(self, c: list[Any]) -> Statement:
        parts = [_part("id", c[1]), _part("text", c[2])]
        fields, extra = self._block("statement", c, 3, parts)
        return Statement(
            _KINDS[c[0].value],
            c[1].value,
            self._text(c[2]),
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    # -- inferences ----------------------------------------------------------

    def inference(self, c: list[Any]) -> Inference:
        """``KEYWORD ID? STRING? COLON premises? (ARROW ID?)? (LBRACE pairs? RBRACE)?``; the keyword says the kind."""
        parts = [_part("keyword", c[0])]
        ident = label = target = None
        i = 1
        if c[i].type == "ID":
            ident = c[i].value
            parts.append(_part("id", c[i]))
            i += 1
        if c[i].type == "STRING":
            label = self._text(c[i])
            i += 1
        i += 1  # the colon
        premises: list[str] = []
        if i < len(c) and type(c[i]) is tuple:
            for k, written in enumerate(_unroll(c[i])):  # (ID,) then (earlier, PLUS, ID)
                token = written[-1]
                parts.append(_part(_PREMISE[k] if k < 64 else f"premise:{k}", token))
                premises.append(token.value)
            i += 1
        if i < len(c) and c[i].type == "ARROW":
            arrow = c[i]
            i += 1
            if i < len(c) and c[i].type == "ID":
                target = c[i].value
                arrow = c[i]
                i += 1
            parts.append(_part("target", arrow))
        fields, extra = self._block("inference", c, i, parts)
        last = c[-1][-1] if type(c[-1]) is tuple else c[-1]
        return Inference(
            INFERENCE_TERMINALS[c[0].type],
            tuple(premises),
            target,
            id=ident,
            label=label,
            span=self._span(c[0], last),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def shorthand(self, c: list[Any]) -> Inference:
        """``ID VERB ID (LBRACE pairs? RBRACE)?``; the verb says the kind."""
        parts = [_part("premise:0", c[0]), _part("target", c[2])]
        fields, extra = self._block("inference", c, 3, parts)
        return Inference(
            INFERENCE_TERMINALS[c[1].type],
            (c[0].value,),
            c[2].value,
            shorthand=True,
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def contradicts(self, c: list[Any]) -> Contradiction:
        parts = [_part("left", c[0]), _part("right", c[2])]
        fields, extra = self._block("contradiction", c, 3, parts)
        return Contradiction(
            c[0].value,
            c[2].value,
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def outweighs(self, c: list[Any]) -> Preference:
        """``ID OUTWEIGHS ID (LBRACE pairs? RBRACE)?``."""
        parts = [_part("stronger", c[0]), _part("weaker", c[2])]
        fields, extra = self._block("preference", c, 3, parts)
        return Preference(
            c[0].value,
            c[2].value,
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    # -- schemes the map defines ---------------------------------------------

    def scheme(self, c: list[Any]) -> SchemeDefinition:
        """``SCHEME ID STRING LBRACE scheme_body? RBRACE``; the body's entries are unrolled here.

        Raises:
            ArgmapSyntaxError: a second ``conclusion`` (a scheme has one).
        """
        parts = [_part("id", c[1]), _part("title", c[2])]
        premises: list[SchemePremise] = []
        questions: list[SchemeQuestion] = []
        conclusion: str | None = None
        pairs: list[tuple[str, Position, Value, Position]] = []
        for entry in _unroll(c[4]) if type(c[4]) is tuple else ():
            words = entry[1:] if type(entry[0]) is tuple else entry
            kind = words[0].type
            if kind == "PREMISE":
                tag = words[1].value if len(words) == 3 else None
                if tag is not None:
                    parts.append(_part(f"premise-tag:{len(premises)}", words[1]))
                parts.append(_part(f"premise:{len(premises)}", words[-1]))
                premises.append(SchemePremise(self._text(words[-1]), tag))
            elif kind == "CONCLUSION":
                if conclusion is not None:
                    raise ArgmapSyntaxError(
                        "a scheme has one conclusion; this is a second", self.path, words[0].line,
                        words[0].column, words[0].end_column, "keep one `conclusion` in the scheme",
                    )  # fmt: skip
                parts.append(_part("conclusion", words[1]))
                conclusion = self._text(words[1])
            elif kind == "QUESTION":
                n = len(questions)
                parts += [_part(f"question:{n}", words[1]), _part(f"question-type:{n}", words[2])]
                questions.append(SchemeQuestion(words[1].value, words[2].value, self._text(words[3])))
            else:  # ID COLON value COMMA?
                pairs.append(self._pair(words[0], words[2]))
        fields, extra = split_attributes("scheme", pairs, parts) if pairs else (_NO_FIELDS, ())
        return SchemeDefinition(
            c[1].value,
            self._text(c[2]),
            tuple(premises),
            conclusion,
            tuple(questions),
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    # -- grouping and files --------------------------------------------------

    def section(self, c: list[Any]) -> Section:
        """``SECTION ID? STRING LBRACE body? RBRACE``."""
        ident = c[1] if c[1].type == "ID" else None
        title = c[2] if ident is not None else c[1]
        inner = c[4 if ident is not None else 3]
        body = tuple(x[-1] for x in _unroll(inner)) if type(inner) is tuple else ()
        parts = [_part("title", title)]
        if ident is not None:
            parts.append(_part("id", ident))
        return Section(
            self._text(title),
            body,
            id=ident.value if ident is not None else None,
            span=self._span(c[0], c[-1]),
            parts=PartSpans(self.path, parts),
        )

    def include(self, c: list[Any]) -> Include:
        self.includes = True
        return Include(self._text(c[1]), span=self._span(c[0], c[1]), parts=PartSpans(self.path, [_part("path", c[1])]))

    # -- list values (last: the method's name hides the built-in below it) ---

    def list(self, c: list[Any]) -> _List:
        """``LSQB ((STRING | ID | BARE | list) COMMA?)* RSQB``: nested lists are flattened."""
        values: list[str] = []
        for x in c[1:-1]:
            if type(x) is _List:
                values.extend(x.value)
            elif x.type != "COMMA":
                values.append(self._value(x))
        return _List(tuple(values), (c[0].line, c[0].column, c[-1].end_line, c[-1].end_column))
