"""Reading maps: text or files to an :class:`~argmap.model.ArgumentMap`, includes resolved.

An ``include "part.argmap"`` is read relative to the including file. A path
that is absolute or leads outside the including file's folder (symbolic links
are followed first), a missing file, anything but a regular file (a FIFO, a
device), a name with a NUL character and an include cycle are reported as
diagnostics on the map; they never raise. Chains of includes may be of any
depth.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any, TypeVar, cast

from attrs import evolve

from argmap.errors import ArgmapFileError, ArgmapSyntaxError
from argmap.fileio import read_text
from argmap.language import quote
from argmap.model import ArgumentMap, Include, Item, Section, Span
from argmap.model.diagnostics import Diagnostic, Related
from argmap.syntax.parsed import Parsed
from argmap.syntax.parser import parse

#: How an included file's text is read: from its path, raising :class:`ArgmapFileError`.
Reader = Callable[[Path], str]
#: How a file's text is parsed: ``parse(text, path)``, raising :class:`ArgmapSyntaxError`.
ParseText = Callable[[str, str], Parsed]


def loads(text: str, path: str | None = None, read: Reader | None = None) -> ArgumentMap:
    """Read a map from .argmap text.

    Args:
        text: the map's text.
        path: the file it came from; used in spans and to resolve includes.
        read: how included files are read (an editor gives the text of its
            unsaved buffers); by default from disk.

    Raises:
        ArgmapSyntaxError: the text does not follow the grammar.

    Example:
        >>> m = loads('thesis t "Tea is good."  claim c "Tea is tasty."  c supports t')
        >>> [s.id for s in m.statements()], m.path
        (['t', 'c'], None)
    """
    return _Loader(read=read or read_text).load_text(text, path, ())


def from_parsed(
    parsed: Parsed, path: str | None = None, read: Reader | None = None, parse_included: ParseText | None = None
) -> ArgumentMap:
    """The map of one file's parse: its includes read with ``read`` and ``parse_included``, its header lines gathered.

    :func:`loads` is ``from_parsed(parse(text, path), path, read)``; a language
    server that parsed only the part of a text that changed builds the map from
    the parse it put together, and keeps the parses of included files that did not change.
    """
    return _Loader(read=read or read_text, parse=parse_included or parse).build(parsed, path, ())


def parse_only(text: str, path: str | None = None) -> ArgumentMap:
    """Read one file's text without reading its includes (for the formatter).

    Raises:
        ArgmapSyntaxError: the text does not follow the grammar.
    """
    return _Loader(includes=False).load_text(text, path, ())


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map from a .argmap file.

    Raises:
        ArgmapFileError: the file cannot be read or is not UTF-8.
        ArgmapSyntaxError: the text does not follow the grammar.

    Example:
        >>> m = load("maps/drug-trial.argmap")
        >>> m.title, next(m.statements()).kind.value
        ('Is Compound Z an effective preventive treatment for migraine?', 'thesis')
    """
    name = os.fspath(path)
    return _Loader().load_text(read_text(name), name, ())


class _Loader:
    """Reads a map and, depth first, every file it includes.

    The steps that would call each other (a file's items, an include, the
    included file's items...) are generators that yield the step they need done
    and receive its result; :func:`_drive` runs them on a list instead of
    Python's call stack, so a chain of a thousand includes, or includes inside
    deeply nested sections, cannot exhaust the recursion limit.
    """

    def __init__(self, includes: bool = True, read: Reader = read_text, parse: ParseText = parse) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.includes = includes
        self.read = read
        self.parse = parse
        self.seen: dict[str, Span | None] = {}

    def load_text(self, text: str, path: str | None, chain: tuple[str, ...]) -> ArgumentMap:
        refuse_surrogates(text, path)
        return self.build(parse(text, path), path, chain)

    def build(self, parsed: Parsed, path: str | None, chain: tuple[str, ...]) -> ArgumentMap:
        items = parsed.items
        if parsed.includes and self.includes:
            real = os.path.realpath(path) if path else None
            items = _drive(self._resolve(items, path, (*chain, real) if real else chain))
        header: dict[str, str] = {}
        extra: list[tuple[str, str]] = []
        spans: list[tuple[str, Span]] = []
        for key, value, span in parsed.header:
            if key in header:
                spans.append((f"{key}:{len(extra)}", span))
                extra.append((key, value))
            else:
                spans.append((key, span))
                header[key] = value
        return ArgumentMap(
            items=items,
            path=path,
            header_extra=tuple(extra),
            header_spans=tuple(spans),
            diagnostics=tuple(self.diagnostics),
            comments=parsed.comments,
            **header,
        )

    def _resolve(self, items: tuple[Item, ...], path: str | None, chain: tuple[str, ...]) -> _Step[tuple[Item, ...]]:
        out: list[Item] = []
        for item in items:
            if isinstance(item, Include):
                item = yield self._include(item, path, chain)
            elif isinstance(item, Section) and item.items:
                item = evolve(item, items=(yield self._resolve(item.items, path, chain)))
            out.append(item)
        return tuple(out)

    def _include(self, inc: Include, path: str | None, chain: tuple[str, ...]) -> _Step[Include]:
        span = inc.span_of("path")
        target = self._target(inc, path, span)
        if target is None:
            return inc
        real = os.path.realpath(target)
        if real in chain:
            cycle = [Path(p).name for p in chain[chain.index(real) :]] + [Path(real).name]
            self._report("E107", f"include cycle: {' -> '.join(cycle)}", span, "remove one of these includes")
            return inc
        if os.path.isdir(real):
            self._report("E105", f"cannot include `{inc.path}`: it is a folder, not a file", span)
            return inc
        if real in self.seen:
            self._report(
                "E109",
                f"`{inc.path}` is already included",
                span,
                "include each file once",
                (Related(self.seen[real], "first included here"),),
            )
            return inc
        self.seen[real] = span
        items, comments = yield self._read(inc, target, (*chain, real))
        return evolve(inc, items=items, resolved=real, comments=comments)

    def _read(self, inc: Include, target: Path, chain: tuple[str, ...]) -> _Step[_Part]:
        span = inc.span_of("path")
        try:
            text = self.read(target)
        except ArgmapFileError as exc:
            self._report("E105", f"cannot include `{inc.path}`: {exc.reason}", span)
            return (), ()
        try:
            refuse_surrogates(text, str(target))
            parsed = self.parse(text, str(target))
        except ArgmapSyntaxError as exc:
            where = Span(exc.path, exc.line, exc.column, exc.line, exc.end_column)
            self._report(
                "E108",
                f"syntax error in included file: {exc.message}",
                where,
                exc.hint,
                (Related(span, "included here"),),
            )
            return (), ()
        if not parsed.includes:
            return parsed.items, parsed.comments
        items: tuple[Item, ...] = yield self._resolve(parsed.items, str(target), chain)
        return items, parsed.comments

    def _target(self, inc: Include, path: str | None, span: Span | None) -> Path | None:
        if path is None:
            self._report(
                "E105",
                f"cannot include `{inc.path}`: the map was read from text, not a file",
                span,
                "use argmap.load(path) so that includes have a folder to be read from",
            )
            return None
        if "\0" in inc.path:
            self._report(
                "E105",
                f"cannot include `{quote(inc.path)[1:-1]}`: a file name cannot contain a NUL character",
                span,
            )
            return None
        if os.path.isabs(inc.path) or inc.path.startswith("~"):
            self._report(
                "E106",
                f"include `{inc.path}` is an absolute path",
                span,
                "give the path relative to the including file",
            )
            return None
        folder = Path(os.path.realpath(Path(path).parent))
        target = Path(path).parent / inc.path
        if not Path(os.path.realpath(target)).is_relative_to(folder):
            self._report(
                "E106",
                f"include `{inc.path}` leads outside the folder of `{Path(path).name}`",
                span,
                "only files in the including file's folder or below can be included",
            )
            return None
        return target

    def _report(
        self, code: str, message: str, span: Span | None, hint: str | None = None, related: tuple[Related, ...] = ()
    ) -> None:
        self.diagnostics.append(Diagnostic.make(code, message, span, hint, related))


T = TypeVar("T")
#: A step of reading: yields the steps it needs done, receives their results, returns a ``T``.
_Step = Generator[Generator[Any, Any, Any], Any, T]
#: The items and comments read from an included file.
_Part = tuple[tuple[Item, ...], tuple[tuple[Span, str], ...]]


def _drive(step: _Step[T]) -> T:
    """Run a step and every step it asks for, on a list rather than the call stack.

    A step's exception is thrown into the step that asked for it, as a call would.
    """
    stack: list[Generator[Any, Any, Any]] = [step]
    value: Any = None
    error: BaseException | None = None
    while True:
        top = stack[-1]
        try:
            wanted = top.throw(error) if error is not None else top.send(value)
        except StopIteration as done:
            stack.pop()
            value, error = done.value, None
            if not stack:
                return cast(T, done.value)
            continue
        except BaseException as exc:
            stack.pop()
            if not stack:
                raise
            value, error = None, exc
            continue
        stack.append(wanted)
        value, error = None, None


_SURROGATE = re.compile("[\ud800-\udfff]")


def refuse_surrogates(text: str, path: str | None) -> None:
    """Text with a lone surrogate cannot come from a UTF-8 file, and cannot be written to one.

    Raises:
        ArgmapSyntaxError: at the first surrogate.
    """
    if text.isascii():
        return
    found = _SURROGATE.search(text)
    if found is None:
        return
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    raise ArgmapSyntaxError(
        f"the text holds a lone surrogate (U+{ord(found.group()):04X}), which no UTF-8 file can hold",
        path,
        line,
        column,
        hint="decode the file as UTF-8 with errors='strict'",
    )
