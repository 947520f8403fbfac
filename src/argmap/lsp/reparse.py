"""Reading again only what an edit changed: the top-level items it touched, the rest kept from the last parse.

A keystroke changes a line or two of a long map. The lines that differ
between the last text that parsed and the new one (everything between their
common first and last lines) are widened to the whole top-level pieces they
touch (a header line, a declaration, a statement, an inference, a relation, a
whole section or include) and one more piece on each side; only those lines are
parsed again, at their own line numbers. The pieces above are kept as they are,
those below are kept and moved by the number of lines added or removed.

Why this reads the text as a whole parse would: a line break ends every token
(a text or a comment cannot go on to the next line), the part starts where an
unchanged piece started, so the parser reaches it in the same state as before,
and the part must end with the unchanged piece that ended it before, so what
follows is read as before too. A syntax error inside the part is the whole
text's error when it comes before that last piece (or the part reaches the end
of the text). When in doubt (no earlier parse, a byte-order mark, a part that
does not end with that piece, an error at its end) the whole text is parsed.
"""

from __future__ import annotations

from attrs import evolve, frozen

from argmap.errors import ArgmapSyntaxError
from argmap.model import Item, PartSpans, Section, Span
from argmap.syntax.parsed import Parsed
from argmap.syntax.parser import parse

#: Where a piece of the text is: first line, first column, last line, end column.
Place = tuple[int, int, int, int]


@frozen
class Parse:
    """A text and what parsing it produced."""

    text: str
    parsed: Parsed


class Included:
    """The parses of included files, each kept while the file's text stays the same.

    Called as the loader's ``parse_included``: an include that did not change
    between two keystrokes is not parsed again (its text is still read, from its
    open buffer or from disk, and compared).
    """

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, Parsed]] = {}

    def __call__(self, text: str, path: str) -> Parsed:
        kept = self._kept.get(path)
        if kept is not None and kept[0] == text:
            return kept[1]
        parsed = parse(text, path)
        self._kept[path] = (text, parsed)
        return parsed


def reparse(previous: Parse | None, text: str, path: str | None) -> Parse:
    """Parse ``text``, re-using the parse of an earlier version of it where the two agree.

    Raises:
        ArgmapSyntaxError: the text does not follow the grammar (the error a whole parse gives).
    """
    if previous is not None and not text.startswith("\ufeff") and not previous.text.startswith("\ufeff"):
        part = _partly(previous, text, path)
        if part is not None:
            return Parse(text, part)
    return Parse(text, parse(text, path))


def _partly(previous: Parse, text: str, path: str | None) -> Parsed | None:
    """The parse of ``text`` from the lines that changed, or None when a whole parse is needed."""
    old, new = previous.text.split("\n"), text.split("\n")
    same_above = _common(old, new)
    same_below = _common(old[::-1], new[::-1], min(len(old), len(new)) - same_above)
    lo, hi, shift = same_above + 1, len(old) - same_below, len(new) - len(old)
    inside = _in_section(previous.parsed, (old, new), lo, hi, shift, path)
    if inside is not None:
        return inside
    places = _places(previous.parsed.items, previous.parsed.header)
    start, end, last = _widen(places, lo, hi, len(old))
    try:
        part = parse(_lines(new, start, end + shift), path)
    except ArgmapSyntaxError as exc:
        if last is None or exc.line < last[0] + shift:
            raise  # before the unchanged piece that ends the part: the whole text fails here too
        return None
    if last is not None and _last_place(part) != _place(last, shift):
        return None
    kept = previous.parsed
    return _joined(kept, _items(kept.items, part.items, start, end, shift), part, start, end, shift)


def _in_section(
    kept: Parsed, texts: tuple[list[str], list[str]], lo: int, hi: int, shift: int, path: str | None
) -> Parsed | None:
    """The parse from the lines that changed inside the innermost section around them, or None.

    The part is read as top-level items, so it must hold no header line, and
    any syntax error sends the caller to the top level: the parser expects other
    words between items at the top level than inside a section, and says so.
    ``texts`` are the old and new lines; ``lo`` to ``hi`` are the old lines that
    changed, ``shift`` the number of lines added.
    """
    old, new = texts
    trail: list[Section] = []
    items = kept.items
    while (around := _around(items, lo, hi)) is not None:
        trail.append(around)
        items = around.items
    if not trail or trail[-1].span is None:
        return None
    closing = trail[-1].span.end_line  # the line of the section's `}`
    places = _places(items, [])
    start, end, last = _widen(places, lo, hi, closing - 1, places[0][0])
    if start > lo:
        return None  # the change is above the section's first item
    first_line, first_column = places[0][0], places[0][1]
    if (start == first_line and old[first_line - 1][: first_column - 1].strip()) or (
        last is None and places[-1][2] >= closing
    ):
        return None  # the part would hold the section's `{` or `}`
    try:
        part = parse(_lines(new, start, end + shift), path)
    except ArgmapSyntaxError:
        return None
    if part.header or (last is not None and _last_place(part) != _place(last, shift)):
        return None
    inner = _items(items, part.items, start, end, shift)
    for k in range(len(trail) - 1, -1, -1):
        section, span = trail[k], trail[k].span
        assert span is not None
        moved = Span(span.path, span.line, span.column, span.end_line + shift, span.end_column)
        rebuilt = evolve(section, items=inner, span=moved)
        siblings = trail[k - 1].items if k > 0 else kept.items
        inner = tuple(rebuilt if i is section else _moved(i, shift) if _below(i.span, end) else i for i in siblings)
    return _joined(kept, inner, part, start, end, shift)


def _around(items: tuple[Item, ...], lo: int, hi: int) -> Section | None:
    """The section among ``items`` whose body holds lines ``lo`` to ``hi``, its first and last lines untouched."""
    for item in items:
        span = item.span
        if isinstance(item, Section) and item.items and span is not None and span.line < lo and hi < span.end_line:
            return item
    return None


def _lines(new: list[str], start: int, through: int) -> str:
    """Lines ``start`` to ``through`` of the new text, at their own line numbers."""
    return "\n" * (start - 1) + "\n".join(new[start - 1 : through])


def _below(span: Span | None, end: int) -> bool:
    return span is not None and span.line > end


def _items(kept: tuple[Item, ...], parsed: tuple[Item, ...], start: int, end: int, shift: int) -> tuple[Item, ...]:
    """The items above the part as they were, the part's, and those below moved."""
    return (
        *(i for i in kept if i.span is not None and i.span.line < start),
        *parsed,
        *(_moved(i, shift) for i in kept if _below(i.span, end)),
    )


def _joined(kept: Parsed, items: tuple[Item, ...], part: Parsed, start: int, end: int, shift: int) -> Parsed:
    """The new parse: ``items``, and the part's header lines and comments among the kept ones, those below moved."""
    return Parsed(
        items=items,
        header=[
            *(h for h in kept.header if h[2].line < start),
            *part.header,
            *((k, v, _span(s, shift)) for k, v, s in kept.header if s.line > end),
        ],
        comments=(
            *(c for c in kept.comments if c[0].line < start),
            *part.comments,
            *((_span(s, shift), c) for s, c in kept.comments if s.line > end),
        ),
        includes=kept.includes or part.includes,
    )


def _common(a: list[str], b: list[str], limit: int | None = None) -> int:
    """How many lines ``a`` and ``b`` share at their start (at most ``limit``)."""
    n = min(len(a), len(b)) if limit is None else limit
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _places(items: tuple[Item, ...], header: list[tuple[str, str, Span]]) -> list[Place]:
    """Where each piece (item or header line) is, in the order of the text."""
    spans = [i.span for i in items] + [h[2] for h in header]
    return sorted((s.line, s.column, s.end_line, s.end_column) for s in spans if s is not None)


def _place(place: Place, shift: int) -> Place:
    return (place[0] + shift, place[1], place[2] + shift, place[3])


def _widen(places: list[Place], lo: int, hi: int, lines: int, floor: int = 1) -> tuple[int, int, Place | None]:
    """The old lines to parse again for a change of lines ``lo`` to ``hi``, and the piece that ends them.

    The lines run from the start of the piece before the change (else from
    line ``floor``) to the end of the piece after it (else to line ``lines``),
    widened so that no piece outside shares a line with them; the piece is None
    when they run to ``lines``.
    """
    before = sum(1 for p in places if p[2] < lo)  # pieces wholly above the change
    first = before - 1
    while first > 0 and places[first - 1][2] >= places[first][0]:
        first -= 1
    start = places[first][0] if first >= 0 else floor
    after = next((k for k, p in enumerate(places) if p[0] > hi and k >= before), len(places))
    while after < len(places) - 1 and places[after + 1][0] <= places[after][2]:
        after += 1
    if after >= len(places):
        return start, lines, None
    return start, places[after][2], places[after]


def _last_place(parsed: Parsed) -> Place | None:
    places = _places(parsed.items, parsed.header)
    return places[-1] if places else None


def _span(span: Span, shift: int) -> Span:
    return Span(span.path, span.line + shift, span.column, span.end_line + shift, span.end_column)


def _moved(item: Item, shift: int) -> Item:
    """The same item, ``shift`` lines further down (up, when negative)."""
    if shift == 0 or item.span is None:
        return item
    parts = item.parts
    moved_parts = parts.moved(shift) if isinstance(parts, PartSpans) else tuple((n, _span(s, shift)) for n, s in parts)
    if isinstance(item, Section):
        inner = tuple(_moved(i, shift) for i in item.items)
        return evolve(item, span=_span(item.span, shift), parts=moved_parts, items=inner)
    return evolve(item, span=_span(item.span, shift), parts=moved_parts)
