"""The builder: grammar rules to model objects, run inline by the parser.

Each method is named after a rule in ``grammar/argmap.lark`` and receives
that rule's children (tokens and the results of inner rules). The builder
never raises for structural problems: values it cannot place in a typed field
are kept in ``extra`` for the checker to report, so the formatter loses
nothing.
"""

from __future__ import annotations

from typing import Any

from attrs import define, field
from lark import Token, Transformer

from argmap.errors import ArgmapSyntaxError
from argmap.model import (
    Actor,
    Contradiction,
    Include,
    Inference,
    InferenceKind,
    Item,
    Section,
    Source,
    Span,
    Statement,
    StatementKind,
    Value,
)
from argmap.syntax.parsed import Parsed
from argmap.syntax.values import Val, split_attributes, unescape


@define
class Attrs:
    """An attribute block: ``(key token, value)`` pairs and the closing brace."""

    pairs: list[tuple[Token, Val]]
    end: Token


@define
class _Arrow:
    token: Token | None
    target: Token | None


@define
class _State:
    path: str | None = None
    header: list[tuple[str, str, Span]] = field(factory=list)
    comments: list[tuple[Span, str]] = field(factory=list)
    includes: bool = False


class Builder(Transformer[Token, Any]):
    """Builds model items from grammar rules (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)
        self.state = _State()

    # -- parse lifecycle -----------------------------------------------------

    def begin(self, path: str | None) -> None:
        """Reset for a new parse of the file at ``path``."""
        self.state = _State(path=path)

    def finish(self) -> Parsed:
        """Hand over what the parse produced."""
        s = self.state
        items = getattr(self, "_items", ())
        self._items: tuple[Item, ...] = ()
        return Parsed(items, s.header, tuple(s.comments), s.includes)

    def comment(self, token: Token) -> Token:
        """Lexer callback: remember a comment with its place."""
        self.state.comments.append((self._span(token), str(token).rstrip()))
        return token

    # -- helpers -------------------------------------------------------------

    def _span(self, first: Token, last: Token | None = None) -> Span:
        last = last or first
        return Span(self.state.path, first.line, first.column, last.end_line, last.end_column)  # type: ignore[arg-type]

    def _text(self, token: Token) -> str:
        raw = str(token)[1:-1]
        if "\\" not in raw:
            return raw
        return unescape(raw, self.state.path, token.line or 1, (token.column or 1) + 1)

    def _error(self, message: str, token: Token, hint: str | None = None) -> ArgmapSyntaxError:
        return ArgmapSyntaxError(message, self.state.path, token.line or 1, token.column or 1, token.end_column, hint)

    def _attributes(
        self, schema: str, block: Attrs | None, parts: list[tuple[str, Span]]
    ) -> tuple[dict[str, Value], tuple[tuple[str, Value], ...]]:
        """Split an attribute block into typed fields and kept extras."""
        if block is None:
            return {}, ()
        pairs = [(str(key), key, val) for key, val in block.pairs]
        return split_attributes(schema, pairs, parts, self._span)

    def _end(self, children: list[Any]) -> Token:
        """The last token of a rule, for the end of its span."""
        for child in reversed(children):
            if isinstance(child, Token):
                return child
            if isinstance(child, Attrs):
                return child.end
            if isinstance(child, _Arrow) and (child.target or child.token):
                return child.target or child.token  # type: ignore[return-value]
            if isinstance(child, list) and child:
                return child[-1]  # type: ignore[no-any-return]
        raise AssertionError("a rule without tokens")

    # -- top level -----------------------------------------------------------

    def start(self, children: list[Any]) -> None:
        self._items = tuple(c for c in children if c is not None)

    def _set_header(self, key: str, keyword: Token, value: str, last: Token) -> None:
        self.state.header.append((key, value, self._span(keyword, last)))

    def title(self, c: list[Token]) -> None:
        self._set_header("title", c[0], self._text(c[1]), c[1])

    def author(self, c: list[Token]) -> None:
        self._set_header("author", c[0], self._text(c[1]), c[1])

    def map_date(self, c: list[Token]) -> None:
        value = self._text(c[1]) if c[1].type == "STRING" else str(c[1])
        self._set_header("date", c[0], value, c[1])

    def about(self, c: list[Token]) -> None:
        self._set_header("about", c[0], str(c[1]), c[1])

    # -- declarations and statements -----------------------------------------

    def source(self, c: list[Any]) -> Source:
        parts = [("id", self._span(c[1]))]
        fields, extra = self._attributes("source", _block(c), parts)
        return Source(
            str(c[1]),
            self._text(c[2]),
            span=self._span(c[0], self._end(c)),
            parts=tuple(parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def actor(self, c: list[Any]) -> Actor:
        parts = [("id", self._span(c[1]))]
        fields, extra = self._attributes("actor", _block(c), parts)
        return Actor(
            str(c[1]),
            self._text(c[2]),
            span=self._span(c[0], self._end(c)),
            parts=tuple(parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def statement(self, c: list[Any]) -> Statement:
        parts = [("id", self._span(c[1])), ("text", self._span(c[2]))]
        fields, extra = self._attributes("statement", _block(c), parts)
        return Statement(
            StatementKind(str(c[0])),
            str(c[1]),
            self._text(c[2]),
            span=self._span(c[0], self._end(c)),
            parts=tuple(parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    # -- inferences ----------------------------------------------------------

    def _inference(self, kind: InferenceKind, c: list[Any]) -> Inference:
        keyword = c[0]
        ident = next((t for t in c[1:3] if isinstance(t, Token) and t.type == "ID"), None)
        label = next((t for t in c[1:3] if isinstance(t, Token) and t.type == "STRING"), None)
        premises: list[Token] = next(x for x in c if isinstance(x, list))
        arrow: _Arrow = next(x for x in c if isinstance(x, _Arrow))
        parts: list[tuple[str, Span]] = [("keyword", self._span(keyword))]
        if ident is not None:
            parts.append(("id", self._span(ident)))
        parts.extend((f"premise:{i}", self._span(t)) for i, t in enumerate(premises))
        if arrow.target is not None:
            parts.append(("target", self._span(arrow.target)))
        elif arrow.token is not None:
            parts.append(("target", self._span(arrow.token)))
        fields, extra = self._attributes("inference", _block(c), parts)
        return Inference(
            kind,
            tuple(str(t) for t in premises),
            str(arrow.target) if arrow.target is not None else None,
            id=str(ident) if ident is not None else None,
            label=self._text(label) if label is not None else None,
            span=self._span(keyword, self._end(c)),
            parts=tuple(parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def argument(self, c: list[Any]) -> Inference:
        return self._inference(InferenceKind.SUPPORT, c)

    def attack(self, c: list[Any]) -> Inference:
        return self._inference(InferenceKind.ATTACK, c)

    def undercut(self, c: list[Any]) -> Inference:
        return self._inference(InferenceKind.UNDERCUT, c)

    def premises(self, c: list[Token]) -> list[Token]:
        return [t for t in c if t.type == "ID"]

    def arrow(self, c: list[Token]) -> _Arrow:
        return _Arrow(c[0] if c else None, c[1] if len(c) > 1 else None)

    def _shorthand(self, kind: InferenceKind, c: list[Any]) -> Inference:
        parts = [("premise:0", self._span(c[0])), ("target", self._span(c[2]))]
        fields, extra = self._attributes("inference", _block(c), parts)
        return Inference(
            kind,
            (str(c[0]),),
            str(c[2]),
            shorthand=True,
            span=self._span(c[0], self._end(c)),
            parts=tuple(parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    def supports(self, c: list[Any]) -> Inference:
        return self._shorthand(InferenceKind.SUPPORT, c)

    def attacks(self, c: list[Any]) -> Inference:
        return self._shorthand(InferenceKind.ATTACK, c)

    def undercuts(self, c: list[Any]) -> Inference:
        return self._shorthand(InferenceKind.UNDERCUT, c)

    def contradicts(self, c: list[Any]) -> Contradiction:
        parts = [("left", self._span(c[0])), ("right", self._span(c[2]))]
        fields, extra = self._attributes("contradiction", _block(c), parts)
        return Contradiction(
            str(c[0]),
            str(c[2]),
            span=self._span(c[0], self._end(c)),
            parts=tuple(parts),
            extra=extra,
            **fields,  # type: ignore[arg-type]
        )

    # -- grouping and files --------------------------------------------------

    def section(self, c: list[Any]) -> Section:
        ident = c[1] if isinstance(c[1], Token) and c[1].type == "ID" else None
        title = c[2] if ident is not None else c[1]
        body = tuple(x for x in c[3 if ident is None else 4 : -1] if x is not None)
        parts = [("title", self._span(title))]
        if ident is not None:
            parts.append(("id", self._span(ident)))
        return Section(
            self._text(title),
            body,
            id=str(ident) if ident is not None else None,
            span=self._span(c[0], c[-1]),
            parts=tuple(parts),
        )

    def include(self, c: list[Token]) -> Include:
        self.state.includes = True
        return Include(self._text(c[1]), span=self._span(c[0], c[1]), parts=(("path", self._span(c[1])),))

    # -- attributes and values -----------------------------------------------

    def attributes(self, c: list[Any]) -> Attrs:
        return Attrs([x for x in c if isinstance(x, tuple)], c[-1])

    def attribute(self, c: list[Any]) -> tuple[Token, Val]:
        return (c[0], c[2])

    def value(self, c: list[Any]) -> Val:
        (child,) = c
        if isinstance(child, Val):
            return child
        span = self._span(child)
        if child.type == "STRING":
            return Val("string", self._text(child), span)
        return Val("id" if child.type == "ID" else "bare", str(child), span)

    def list(self, c: list[Any]) -> Val:
        values = [x for x in c if isinstance(x, Val)]
        flat = tuple(v for x in values for v in ((x.value,) if isinstance(x.value, str) else x.value))
        return Val("list", flat, self._span(c[0], c[-1]))


def _block(children: list[Any]) -> Attrs | None:
    last = children[-1] if children else None
    return last if isinstance(last, Attrs) else None
