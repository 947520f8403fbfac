"""A fast scanner for maps in the usual layout; the Lark parser stays the reference.

Lark's LALR parser spends a few microseconds on every token, which is most of
the time of ``argmap check`` on a large map. Real maps are written one item
per line (that is what ``argmap fmt`` produces), so this scanner reads a whole
item with a few regular expressions and builds the same model objects, with
the same spans, that the Lark builder builds. The spans of an element's parts
(its id, each premise, each attribute value) are only needed for diagnostics,
so the scanner works them out when one is first asked for, by reading that
item again.

The scanner only accepts what it fully understands. Anything else (a syntax
error, an item split over lines, a comment inside an attribute block, a
reserved word where the grammar reads it as a keyword) makes it give up, and
the file is parsed by Lark, which also produces every syntax error message.
Tests compare the two on every map in the repository and on generated maps.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import partial
from itertools import accumulate

from attrs import define

from argmap.language import RESERVED
from argmap.model import (
    Actor,
    Contradiction,
    Include,
    Inference,
    InferenceKind,
    Item,
    LazyParts,
    Section,
    Source,
    Span,
    Statement,
    StatementKind,
    Value,
)
from argmap.syntax.parsed import Parsed
from argmap.syntax.values import Val, split_attributes, unescape


class Unsupported(Exception):
    """The text is outside what the scanner reads; Lark must parse it."""


_ID = r"[^\W\d][\w-]*"
_STR = r'"(?:[^"\\\r\n]|\\.)*"'
_BARE = r"\d[\w.:+-]*"
_S = r"[ \t]+"
_O = r"[ \t]*"

_GAP = re.compile(r"[ \t\r\n\f]*")
_COMMENT = re.compile(r"#[^\r\n]*")
_WORD = re.compile(_ID)
# The body of an attribute block: no comment, no nested braces (anything else is Lark's).
_BODY = rf"(?:[^{{}}\"#\[\]]|{_STR}|\[(?:[^\[\]{{}}\"#]|{_STR})*\])*"
# An item head may be followed by its attribute block, also on the next line.
_THEN_BLOCK = rf"(?:[ \t\r\n]*\{{({_BODY})\}})?"
_NAMED = re.compile(rf"(\w+){_S}({_ID}){_S}({_STR}){_THEN_BLOCK}")
_RELATION = re.compile(rf"({_ID}){_S}(supports|attacks|undercuts|contradicts){_S}({_ID}){_THEN_BLOCK}")
_INFERENCE = re.compile(
    rf"(\w+)(?:{_S}({_ID}))?(?:{_S}({_STR}))?{_O}:{_O}({_ID}(?:{_O}\+{_O}{_ID})*){_O}=>{_O}({_ID}){_THEN_BLOCK}"
)
_PREMISE = re.compile(_ID)
_SECTION = re.compile(rf"section(?:{_S}({_ID}))?{_S}({_STR}){_O}\{{")
_INCLUDE = re.compile(rf"include{_S}({_STR})")
_HEADER = re.compile(rf"(title|author|about|date){_S}(?:({_STR})|({_ID})|({_BARE}))")
_PAIR_FORM = rf"[ \t\r\n,]*({_ID}){_O}:[ \t\r\n]*(?:({_STR})|({_ID})|({_BARE})|\[((?:[^\[\]\"]|{_STR})*)\])"
_PAIR = re.compile(_PAIR_FORM)
_ELEMENT_FORM = rf"[ \t\r\n,]*(?:({_STR})|({_ID})|({_BARE}))"
_ELEMENT = re.compile(_ELEMENT_FORM)
_TAIL = re.compile(r"[ \t\r\n,]*")
# A whole attribute block body, or list body, and nothing else (checked before findall).
_PAIRS = re.compile(rf"(?:{re.sub(r'[(](?![?])', '(?:', _PAIR_FORM)})*[ \t\r\n,]*")
_ELEMENTS = re.compile(rf"(?:{re.sub(r'[(](?![?])', '(?:', _ELEMENT_FORM)})*[ \t\r\n,]*")

_HEADER_WORDS = frozenset(("title", "author", "date", "about"))
_KINDS = {k.value: k for k in StatementKind}
_INFERENCE_KINDS = {
    "argument": InferenceKind.SUPPORT,
    "attack": InferenceKind.ATTACK,
    "undercut": InferenceKind.UNDERCUT,
}
_VERBS = {"supports": InferenceKind.SUPPORT, "attacks": InferenceKind.ATTACK, "undercuts": InferenceKind.UNDERCUT}

Parts = list[tuple[str, Span]]


class _Scanner:
    """One pass over one text.

    With ``detailed`` false the scanner leaves out the spans of parts and gives
    each element a :class:`LazyParts` that reads the item again, in detailed
    mode, when a span is asked for.
    """

    def __init__(self, text: str, path: str | None, line_starts: list[int] | None = None) -> None:
        self.text = text
        self.path = path
        self.pos = 0
        self.line_starts = line_starts or list(accumulate((len(line) + 1 for line in text.split("\n")), initial=0))
        self.comments: list[tuple[Span, str]] = []
        self.header: list[tuple[str, str, Span]] = []
        self.includes = False
        self.detailed = False

    # -- positions ---------------------------------------------------------------

    def span(self, start: int, end: int) -> Span:
        """The span from offset ``start`` to ``end``."""
        starts = self.line_starts
        line = bisect_right(starts, start)
        end_line = line if end < starts[line] else bisect_right(starts, end)
        return Span(self.path, line, start - starts[line - 1] + 1, end_line, end - starts[end_line - 1] + 1)

    def lazy(self, start: int, head: str) -> LazyParts:
        """Parts of the item at ``start``, to be read again when first asked for."""
        return LazyParts(partial(_relocate, self.text, self.path, self.line_starts, start, head))

    # -- the scan ----------------------------------------------------------------

    def scan(self) -> Parsed:
        stack: list[tuple[list[Item], _Opened]] = []
        items: list[Item] = []
        text = self.text
        size = len(text)
        while True:
            self.skip_gap()
            if self.pos >= size:
                break
            if text[self.pos] == "}":
                if not stack:
                    raise Unsupported
                items, opened = stack.pop()
                items.append(self.close_section(opened))
                continue
            word = _WORD.match(text, self.pos)
            if word is None:
                raise Unsupported
            head = word.group()
            if head == "section":
                stack.append((items, self.open_section()))
                items = stack[-1][1].body
                continue
            if stack and head in _HEADER_WORDS:
                raise Unsupported  # header lines belong at the top level
            item = _READERS.get(head, _Scanner.read_relation)(self, head)
            if item is not None:
                items.append(item)
        if stack:
            raise Unsupported
        return Parsed(tuple(items), self.header, tuple(self.comments), self.includes)

    def skip_gap(self) -> None:
        """Skip blanks and comments, keeping the comments."""
        text = self.text
        while True:
            self.pos = _GAP.match(text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(text) and text[self.pos] == "#":
                found = _COMMENT.match(text, self.pos)
                assert found is not None
                self.comments.append((self.span(found.start(), found.end()), found.group().rstrip()))
                self.pos = found.end()
                continue
            return

    def string(self, match: re.Match[str], group: int) -> str:
        raw = match.group(group)[1:-1]
        if "\\" not in raw:
            return raw
        start = match.start(group)
        line = bisect_right(self.line_starts, start)
        try:
            return unescape(raw, self.path, line, start - self.line_starts[line - 1] + 2)
        except ValueError:
            raise Unsupported from None

    def attributes(
        self, schema: str, parts: Parts | None, match: re.Match[str], group: int
    ) -> tuple[dict[str, Value], tuple[tuple[str, Value], ...], int]:
        """The item's attribute block (group ``group`` of its match), and where the item ends.

        A block the item regular expression could not take (a comment inside, a
        nested list, a brace too many) is left in place, and the scan gives up
        when it meets the ``{`` where an item should start.
        """
        end = match.end()
        self.pos = end
        if match.start(group) < 0:
            return {}, (), end
        pairs = self.pairs(match.start(group), match.end(group))
        fields, extra = split_attributes(schema, pairs, parts, self._key_span)
        return fields, extra, end

    def _key_span(self, where: tuple[int, int] | None) -> Span:
        assert where is not None, "key places are known in detailed mode"
        return self.span(*where)

    def pairs(self, pos: int, stop: int) -> list[tuple[str, tuple[int, int] | None, Val]]:
        text = self.text
        if not self.detailed:
            return self.quick_pairs(pos, stop)
        out: list[tuple[str, tuple[int, int] | None, Val]] = []
        while True:
            pair = _PAIR.match(text, pos, stop)
            if pair is None:
                break
            out.append((pair.group(1), pair.span(1), self.value(pair)))
            pos = pair.end()
        if _TAIL.match(text, pos, stop).end() != stop:  # type: ignore[union-attr]
            raise Unsupported
        return out

    def quick_pairs(self, pos: int, stop: int) -> list[tuple[str, tuple[int, int] | None, Val]]:
        """The pairs of a block without their places: two regular expression calls in all."""
        text = self.text
        if _PAIRS.fullmatch(text, pos, stop) is None:
            raise Unsupported
        out: list[tuple[str, tuple[int, int] | None, Val]] = []
        for key, string, ident, bare, items in _PAIR.findall(text, pos, stop):
            if string:
                out.append((key, None, Val("string", _quick_text(string), None)))
            elif ident:
                out.append((key, None, Val("id", ident, None)))
            elif bare:
                out.append((key, None, Val("bare", bare, None)))
            else:
                if _ELEMENTS.fullmatch(items) is None:
                    raise Unsupported
                values = tuple(_quick_text(s) if s else i or b for s, i, b in _ELEMENT.findall(items))
                out.append((key, None, Val("list", values, None)))
        return out

    def value(self, pair: re.Match[str]) -> Val:
        detailed = self.detailed
        for group, form in ((2, "string"), (3, "id"), (4, "bare")):
            raw = pair.group(group)
            if raw is not None:
                value = self.string(pair, group) if group == 2 else raw
                return Val(form, value, self.span(*pair.span(group)) if detailed else None)
        start, end = pair.start(5) - 1, pair.end(5) + 1
        return Val("list", self.elements(start + 1, end - 1), self.span(start, end) if detailed else None)

    def elements(self, pos: int, stop: int) -> tuple[str, ...]:
        text = self.text
        out: list[str] = []
        while True:
            element = _ELEMENT.match(text, pos, stop)
            if element is None:
                break
            if element.group(1) is not None:
                out.append(self.string(element, 1))
            else:
                out.append(element.group(element.lastindex or 2))
            pos = element.end()
        if _TAIL.match(text, pos, stop).end() != stop:  # type: ignore[union-attr]
            raise Unsupported
        return tuple(out)

    def finish(self, start: int, end: int) -> Span:
        """The span of an item from ``start`` to ``end``; the scan moves past it."""
        self.pos = max(self.pos, end)
        return self.span(start, end)

    def _parts(self, start: int, head: str, parts: Parts | None) -> tuple[tuple[str, Span], ...] | LazyParts:
        return tuple(parts) if parts is not None else self.lazy(start, head)

    # -- items -------------------------------------------------------------------

    def read_named(self, head: str) -> Item:
        match = _NAMED.match(self.text, self.pos)
        if match is None or match.group(1) != head:
            raise Unsupported
        self.pos = match.end()
        start = match.start()
        parts: Parts | None = None
        if self.detailed:
            parts = [("id", self.span(*match.span(2)))]
            if head != "source" and head != "actor":
                parts.append(("text", self.span(*match.span(3))))
        body = self.string(match, 3)
        schema = head if head == "source" or head == "actor" else "statement"
        fields, extra, end = self.attributes(schema, parts, match, 4)
        span = self.finish(start, end)
        every = self._parts(start, head, parts)
        if schema == "statement":
            kind = _KINDS[head]
            return Statement(kind, match.group(2), body, span=span, parts=every, extra=extra, **fields)  # type: ignore[arg-type]
        cls = Source if head == "source" else Actor
        return cls(match.group(2), body, span=span, parts=every, extra=extra, **fields)  # type: ignore[arg-type]

    def read_inference(self, head: str) -> Item:
        text = self.text
        match = _INFERENCE.match(text, self.pos)
        if match is None or match.group(1) != head:
            raise Unsupported
        premises = _PREMISE.findall(match.group(4))
        target = match.group(5)
        if target in RESERVED or not RESERVED.isdisjoint(premises):
            raise Unsupported  # the grammar reads these words as keywords there
        self.pos = match.end()
        start = match.start()
        parts: Parts | None = None
        if self.detailed:
            parts = [("keyword", self.span(start, match.end(1)))]
            if match.group(2) is not None:
                parts.append(("id", self.span(*match.span(2))))
            offset = match.start(4)
            for i, premise in enumerate(premises):
                at = text.index(premise, offset)
                parts.append((f"premise:{i}", self.span(at, at + len(premise))))
                offset = at + len(premise)
            parts.append(("target", self.span(*match.span(5))))
        label = self.string(match, 3) if match.group(3) is not None else None
        fields, extra, end = self.attributes("inference", parts, match, 6)
        return Inference(
            _INFERENCE_KINDS[head], tuple(premises), target, id=match.group(2), label=label,
            span=self.finish(start, end), parts=self._parts(start, head, parts), extra=extra, **fields,  # type: ignore[arg-type]
        )  # fmt: skip

    def read_relation(self, head: str) -> Item:
        match = _RELATION.match(self.text, self.pos)
        if match is None or head in RESERVED:
            raise Unsupported
        self.pos = match.end()
        verb = match.group(2)
        start = match.start()
        parts: Parts | None = None
        if self.detailed:
            names = ("left", "right") if verb == "contradicts" else ("premise:0", "target")
            parts = [(names[0], self.span(*match.span(1))), (names[1], self.span(*match.span(3)))]
        if verb == "contradicts":
            fields, extra, end = self.attributes("contradiction", parts, match, 4)
            return Contradiction(
                match.group(1), match.group(3), span=self.finish(start, end),
                parts=self._parts(start, head, parts), extra=extra, **fields,  # type: ignore[arg-type]
            )  # fmt: skip
        fields, extra, end = self.attributes("inference", parts, match, 4)
        return Inference(
            _VERBS[verb], (match.group(1),), match.group(3), shorthand=True, span=self.finish(start, end),
            parts=self._parts(start, head, parts), extra=extra, **fields,  # type: ignore[arg-type]
        )  # fmt: skip

    def read_header(self, head: str) -> None:
        match = _HEADER.match(self.text, self.pos)
        if match is None or match.group(1) != head:
            raise Unsupported
        string, ident, bare = match.group(2), match.group(3), match.group(4)
        if head == "about":
            if ident is None:
                raise Unsupported
            value = ident
        elif head == "date":
            if ident is not None:
                raise Unsupported
            value = self.string(match, 2) if string is not None else bare
        else:
            if string is None:
                raise Unsupported
            value = self.string(match, 2)
        self.header.append((head, value, self.finish(match.start(), match.end())))
        return None

    def read_include(self, head: str) -> Item:
        match = _INCLUDE.match(self.text, self.pos)
        if match is None:
            raise Unsupported
        self.includes = True
        path_span = self.span(*match.span(1))
        return Include(
            self.string(match, 1), span=self.finish(match.start(), match.end()), parts=(("path", path_span),)
        )

    def open_section(self) -> _Opened:
        match = _SECTION.match(self.text, self.pos)
        if match is None or match.group(1) in RESERVED:
            raise Unsupported
        self.pos = match.end()
        parts = [("title", self.span(*match.span(2)))]
        if match.group(1) is not None:
            parts.append(("id", self.span(*match.span(1))))
        return _Opened(match.start(), match.group(1), self.string(match, 2), tuple(parts), [])

    def close_section(self, opened: _Opened) -> Section:
        span = self.span(opened.start, self.pos + 1)
        self.pos += 1
        return Section(opened.title, tuple(opened.body), id=opened.ident, span=span, parts=opened.parts)


def _quick_text(token: str) -> str:
    """The text of a quoted token; any bad escape sends the file to Lark for its message."""
    raw = token[1:-1]
    if "\\" not in raw:
        return raw
    try:
        return unescape(raw, None, 1, 1)
    except ValueError:
        raise Unsupported from None


@define
class _Opened:
    """A section whose closing brace is still to come."""

    start: int
    ident: str | None
    title: str
    parts: tuple[tuple[str, Span], ...]
    body: list[Item]


def _relocate(
    text: str, path: str | None, line_starts: list[int], start: int, head: str
) -> tuple[tuple[str, Span], ...]:
    """Read the item at ``start`` again, in detailed mode, for the spans of its parts."""
    scanner = _Scanner(text, path, line_starts)
    scanner.detailed = True
    scanner.pos = start
    item = _READERS.get(head, _Scanner.read_relation)(scanner, head)
    assert item is not None and not isinstance(item, Section)
    parts = item.parts
    assert isinstance(parts, tuple)
    return parts


_READERS: dict[str, Callable[[_Scanner, str], Item | None]] = {
    **{kind: _Scanner.read_named for kind in (*_KINDS, "source", "actor")},
    **{kind: _Scanner.read_inference for kind in _INFERENCE_KINDS},
    **{kind: _Scanner.read_header for kind in _HEADER_WORDS},
    "include": _Scanner.read_include,
}


def scan(text: str, path: str | None = None, detailed: bool = False) -> Parsed:
    """Read a map in the usual layout without Lark.

    With ``detailed`` the spans of every element's parts are worked out at
    once instead of when first asked for.

    Raises:
        Unsupported: the text needs the full parser (it may be perfectly valid).
    """
    scanner = _Scanner(text, path)
    scanner.detailed = detailed
    return scanner.scan()
