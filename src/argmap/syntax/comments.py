"""Attach each comment of a file to the element it belongs to.

The formatter never drops a comment. A comment is attached as:

- *trailing*: it follows an element (or a section's closing ``}``) on the
  element's last line;
- *head*: it follows a section's opening ``{`` on the same line;
- *leading*: it stands on its own line(s) before an element, or inside a
  multi-line element (it is then moved just above that element);
- *footer*: it comes after the last element of a section or of the file.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import define, field

from argmap.model import ArgumentMap, Item, Section, Span

Key = object  # id() of an item, a header key such as "title", or None for the file


@define
class Attached:
    """Comments keyed by the element they belong to, and where blank lines were."""

    leading: dict[Key, list[tuple[int, str]]] = field(factory=dict)
    trailing: dict[Key, str] = field(factory=dict)
    head: dict[Key, str] = field(factory=dict)
    footer: dict[Key, list[tuple[int, str]]] = field(factory=dict)
    start_line: dict[Key, int] = field(factory=dict)
    blank_above: Callable[[int], bool] = lambda line: False


def attach(m: ArgumentMap, text: str) -> Attached:
    """Attach the comments of ``m`` (read from ``text``) to its elements."""
    lines = text.split("\n")
    at = Attached(blank_above=lambda n: 1 < n <= len(lines) and lines[n - 2].strip() == "")
    events, sections = _events(m)
    comments = sorted((c for c in m.comments if c[0].path == m.path), key=lambda c: (c[0].line, c[0].column))
    pending: list[tuple[int, str]] = []
    last: tuple[str, Key, int] | None = None  # (event, key, line) of the latest event
    ci = 0
    for pos, event, key, line in events:
        while ci < len(comments) and (comments[ci][0].line, comments[ci][0].column) < pos:
            span, body = comments[ci]
            ci += 1
            last = _place(at, span, body, last, pending)
        if event == "start":
            at.start_line[key] = line
            if pending:
                at.leading.setdefault(key, []).extend(pending)
                pending.clear()
        elif event == "end" and key in sections and pending:
            at.footer.setdefault(key, []).extend(pending)
            pending.clear()
        last = (event, key, line)
    for span, body in comments[ci:]:
        last = _place(at, span, body, last, pending)
    if pending:
        at.footer.setdefault(None, []).extend(pending)
    return at


def _place(
    at: Attached, span: Span, body: str, last: tuple[str, Key, int] | None, pending: list[tuple[int, str]]
) -> tuple[str, Key, int] | None:
    """Attach one comment, given the latest event before it."""
    if last is not None:
        event, key, line = last
        if event == "end" and line == span.line and key not in at.trailing:
            at.trailing[key] = body
            return ("comment", key, line)
        if event == "head" and line == span.line and key not in at.head:
            at.head[key] = body
            return ("comment", key, line)
        if event == "inside":
            at.leading.setdefault(key, []).append((span.line, body))
            return last
    pending.append((span.line, body))
    return last


Event = tuple[tuple[int, int], str, Key, int]  # (position, kind, element key, line)


def _events(m: ArgumentMap) -> tuple[list[Event], set[Key]]:
    """Starts and ends of the file's elements in the order of the text, and the sections."""
    sections: set[Key] = set()
    out: list[Event] = []
    for name, header_span in m.header_spans:
        if header_span.path == m.path:
            _leaf(out, name, header_span)
    stack: list[tuple[int, tuple[Item, ...]]] = [(0, m.items)]
    while stack:
        i, items = stack.pop()
        if i >= len(items):
            continue
        stack.append((i + 1, items))
        item = items[i]
        span = item.span
        if span is None or span.path != m.path:
            continue
        if isinstance(item, Section):
            key = id(item)
            sections.add(key)
            out.append(((span.line, span.column), "start", key, span.line))
            out.append(((span.line, span.column + 1), "head", key, span.line))
            out.append(((span.end_line, span.end_column), "end", key, span.end_line))
            stack.append((0, item.items))
        else:
            _leaf(out, id(item), span)
    out.sort(key=lambda e: (e[0], _ORDER[e[1]]))
    return out, sections


_ORDER = {"start": 0, "head": 1, "inside": 1, "end": 2}


def _leaf(out: list[Event], key: Key, span: Span) -> None:
    out.append(((span.line, span.column), "start", key, span.line))
    if span.end_line > span.line:
        out.append(((span.line, span.column + 1), "inside", key, span.line))
    out.append(((span.end_line, span.end_column), "end", key, span.end_line))
