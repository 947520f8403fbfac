"""Diagnostics as text for people and machines: full, concise, json, github."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from argmap.model import Span
from argmap.model.diagnostics import Diagnostic
from argmap.terminal import PLAIN, Style, wrap

FORMATS = ("full", "concise", "json", "github")
SourceLines = Callable[[str | None], Sequence[str]]


def where(span: Span | None) -> str:
    """``path:line:col`` of a span."""
    return str(span) if span is not None else "<map>"


def concise(d: Diagnostic) -> str:
    """One line: ``path:line:col: CODE message``.

    Example:
        >>> from argmap.model import Span
        >>> print(concise(Diagnostic.make("E101", "unknown statement `x`", Span("a.argmap", 3, 5, 3, 6))))
        a.argmap:3:5: E101 unknown statement `x`
    """
    return printable(f"{where(d.span)}: {d.code} {d.message}")


def printable(text: str) -> str:
    r"""Text safe to print on a terminal: control and format characters are shown as escapes.

    Maps may come from anywhere; a statement's text must not be able to move the
    cursor, recolour the terminal or reverse the direction of a line.

    Example:
        >>> print(printable("red \x1b[31m text \u202e"))
        red \u{1b}[31m text \u{202e}
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in " \t\n" else f"\\u{{{ord(ch):x}}}" for ch in text)


def _width(text: str) -> int:
    """Columns that ``text`` takes on a terminal (East Asian wide characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def full(d: Diagnostic, lines_of: SourceLines, style: Style = PLAIN, width: int | None = None) -> str:
    """The concise line, the source line with a caret underline, hint and notes.

    Args:
        d: the diagnostic.
        lines_of: the lines of the file it points into.
        style: colours for the code, the severity and the caret (none by default).
        width: the columns to fit: the message, hint and notes are broken between
            words and the source line is cut to fit; None keeps each line whole.
    """
    tag = f"{d.code} [{d.severity.value}]"
    head = wrap(printable(f"{tag} {d.message}"), width, "  ", printable(where(d.span)) + ": ")
    head[0] = head[0].replace(tag, style.severity(tag, d.is_error), 1)
    out = head
    out.extend(_excerpt(d.span, lines_of, style, width))
    if d.hint:
        out.extend(wrap(printable(d.hint), width, "    ", "  = hint: "))
    for rel in d.related:
        out.extend(wrap(printable(f"{where(rel.span)}: {rel.message}"), width, "    ", "  = note: "))
    return "\n".join(out)


#: Columns of a source line shown around a diagnostic (unless the width to fit is less);
#: longer lines are cut, with ``…`` marks.
EXCERPT = 100


def _excerpt(span: Span | None, lines_of: SourceLines, style: Style = PLAIN, width: int | None = None) -> list[str]:
    if span is None:
        return []
    lines = lines_of(span.path)
    if not 0 < span.line <= len(lines):
        return []
    line = lines[span.line - 1]
    size = len(line) - 1 if line.endswith("\r") else len(line)
    end = span.end_column if span.end_line == span.line else size + 1
    end = max(span.column + 1, min(end, size + 1))
    room = EXCERPT if width is None else min(EXCERPT, width - len(str(span.line)) - 5)  # gutter, bar, two marks
    start, stop = _window(span.column - 1, end - 1, size, room)
    text = line[start:stop].expandtabs(1)  # a tab shown as one space keeps columns where they are
    before = text[: span.column - 1 - start]
    marked = text[span.column - 1 - start : end - 1 - start] or " "
    left, right = ("…" if start > 0 else ""), ("…" if stop < size else "")
    gutter = " " * len(str(span.line))
    carets = style.paint("^" * _width(printable(marked)), "bold", "cyan")
    return [
        f"{gutter} |",
        f"{span.line} | {left}{printable(text)}{right}",
        f"{gutter} | {' ' * _width(left + printable(before))}{carets}",
    ]


def _window(first: int, last: int, size: int, room: int = EXCERPT) -> tuple[int, int]:
    """The slice of a line to show for the marked columns ``first:last`` (0-based, end exclusive).

    A line up to ``room`` characters (:data:`EXCERPT`, or less to fit a
    terminal) is shown whole; a longer one is cut to that many, starting a
    little before the mark, so that the mark (or as much of it as fits) is in view.

    Example:
        >>> _window(5, 8, 60), _window(500, 503, 1000), _window(990, 995, 1000)
        ((0, 60), (470, 570), (900, 1000))
    """
    if size <= room:
        return 0, size
    start = max(0, min(first - room * 3 // 10, size - room))
    return start, min(size, start + room)


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    """A JSON list with one object per diagnostic."""
    import json

    return json.dumps([to_dict(d) for d in diagnostics], indent=2, ensure_ascii=False)


def to_dict(d: Diagnostic) -> dict[str, object]:
    """The JSON form of one diagnostic."""
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
        **_span_dict(d.span),
        "related": [{"message": r.message, **_span_dict(r.span)} for r in d.related],
        "fix": d.fix,
    }


def _span_dict(span: Span | None) -> dict[str, object]:
    if span is None:
        return {"path": None, "line": None, "column": None, "end_line": None, "end_column": None}
    return {
        "path": span.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }


def github(d: Diagnostic) -> str:
    """A GitHub Actions workflow command that annotates the line.

    Example:
        >>> from argmap.model import Span
        >>> print(github(Diagnostic.make("W201", "`a, b` is alone", Span("m.argmap", 2, 1, 2, 4))))
        ::warning file=m.argmap,line=2,col=1,endLine=2,endColumn=4,title=W201 unrelated-statement::`a, b` is alone
    """
    level = "error" if d.is_error else "warning"
    props = [f"title={_prop(f'{d.code} {d.name}')}"]
    if d.span is not None:
        s = d.span
        props[:0] = [
            f"file={_prop(s.path or '<text>')}",
            f"line={s.line}",
            f"col={s.column}",
            f"endLine={s.end_line}",
            f"endColumn={s.end_column}",
        ]
    message = d.message + (f" ({d.hint})" if d.hint else "")
    return printable(f"::{level} {','.join(props)}::{_data(message)}")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def summary(errors: int, warnings: int, files: int, unreadable: int = 0) -> str:
    """``Found 2 errors and 1 warning in 3 files.``, and how many files could not be read.

    Example:
        >>> summary(0, 0, 2), summary(1, 0, 1, unreadable=1)
        ('All checks passed (2 files).', 'Found 1 error and 0 warnings in 1 file; 1 file could not be read.')
    """

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    if unreadable:
        found = f"Found {plural(errors, 'error')} and {plural(warnings, 'warning')} in {plural(files, 'file')}"
        return f"{found}; {plural(unreadable, 'file')} could not be read."
    if not errors and not warnings:
        return f"All checks passed ({plural(files, 'file')})."
    return f"Found {plural(errors, 'error')} and {plural(warnings, 'warning')} in {plural(files, 'file')}."
