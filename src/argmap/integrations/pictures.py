"""What the integrations share: settings written as text, a map read into problems, cached pictures.

A Sphinx directive, a Markdown fence and a Pandoc code block all give their
settings as text (``theme=dark``, ``:focus: t``); :func:`render_options` turns
them into :class:`~argmap.rendering.options.RenderOptions` with the same words
for the same mistakes. :func:`read` gives a map or the :class:`Problem` list
that stops it from being drawn (a syntax error, or the checker's errors), each
with its file, line and column. :func:`cached` draws a map once per content:
the file name is a hash of the map, the settings and argmap's version.

Example:
    >>> options = render_options({"theme": "dark", "assume": "a, b", "wrap": "24"})
    >>> options.theme, options.evaluate, options.assume, options.width
    ('dark', True, ('a', 'b'), 24)
    >>> render_options({"colour": "red"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown setting `colour`; choose one of align, alt, assume, caption, depth, ...
    >>> [str(p) for p in problems_of('claim c "Tea."  c supports t', "tea.argmap")]
    ['tea.argmap:1:28: E101 unknown statement `t` (the conclusion of `c supports t`)']
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs
from attrs import frozen

from argmap.checks.validate import validate
from argmap.errors import ArgmapSyntaxError
from argmap.evaluation.errors import EvaluationError
from argmap.fileio import write_atomic
from argmap.metadata import version
from argmap.model import ArgumentMap, Include, Section
from argmap.rendering.build import LayoutError
from argmap.rendering.engine import EngineError
from argmap.rendering.options import RenderOptions
from argmap.rendering.render import picture
from argmap.syntax.loader import loads

#: Settings taken as they are written.
WORDS = ("theme", "direction", "semantics", "focus", "section")
#: Settings that are whole numbers (``wrap`` is the width of statement text, in characters).
NUMBERS = {"depth": "depth", "wrap": "width"}
#: Settings that are lists of ids, separated by commas or spaces; any of them evaluates the map.
WHAT_IFS = ("assume", "reject", "distrust")
#: Settings that are yes or no; ``evaluate`` given without a value is yes.
FLAGS = ("evaluate", "legend")
#: Settings of the page rather than the picture, which each integration reads itself.
PAGE = ("alt", "caption", "width", "align", "file")
SETTINGS = tuple(sorted((*WORDS, *NUMBERS, *WHAT_IFS, *FLAGS, *PAGE)))
_YES = {"", "yes", "true", "on", "1"}
_NO = {"no", "false", "off", "0"}


class MapProblems(ValueError):
    """A map that cannot be drawn, with what is wrong in it."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@frozen
class Problem:
    """Something that stops a map from being drawn, where it is.

    Attributes:
        path: the file, or None for text that came from no file.
        line: 1-based line (0 when the problem has no place, e.g. an unknown ``focus``).
        column: 1-based column.
        message: the code and message, as ``argmap check --format concise`` words it.
    """

    path: str | None
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path or '<text>'}:{self.line}:{self.column}: " if self.line else ""
        return where + self.message


def parse_settings(header: str) -> dict[str, str]:
    """Settings written after a fence's language: ``key=value`` (quoted when it has spaces) or a bare ``key``.

    Raises:
        ValueError: a quote is not closed.

    Example:
        >>> parse_settings('file="maps/tea.argmap" evaluate assume=a,b')
        {'file': 'maps/tea.argmap', 'evaluate': '', 'assume': 'a,b'}
    """
    import shlex

    try:
        words = shlex.split(header)
    except ValueError as exc:
        raise ValueError(f"settings `{header.strip()}`: {exc}") from None
    return dict(word.partition("=")[::2] for word in words)


def _flag(name: str, value: str) -> bool:
    word = value.strip().lower()
    if word in _YES or word == name or word in _NO:  # superfences gives a bare `evaluate` as evaluate="evaluate"
        return word not in _NO
    raise ValueError(f"{name}: expected yes or no, got {value!r}")


def _number(name: str, value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ValueError(f"{name}: expected a whole number, got {value!r}") from None


def render_options(settings: Mapping[str, str], format: str = "svg") -> RenderOptions:
    """The drawing settings of a directive, fence or code block, given as text.

    Page settings (alt text, caption, width, alignment, file) are accepted and
    left to the integration. A what-if (``assume``, ``reject``, ``distrust``)
    or a ``semantics`` evaluates the map without ``evaluate``.

    Raises:
        ValueError: an unknown setting, or a value that is not one of its choices.
    """
    chosen: dict[str, object] = {"format": format}
    for name, value in settings.items():
        if name not in SETTINGS:
            raise ValueError(f"unknown setting `{name}`; choose one of {', '.join(SETTINGS)}")
        if name in WORDS:
            chosen[name] = value.strip()
        elif name in NUMBERS:
            chosen[NUMBERS[name]] = _number(name, value)
        elif name in WHAT_IFS:
            chosen[name] = tuple(part for part in re.split(r"[\s,]+", value) if part)
            chosen["evaluate"] = True
        elif name in FLAGS:
            chosen[name] = _flag(name, value)
    if "semantics" in chosen:
        chosen["evaluate"] = True
    return RenderOptions(**chosen)  # type: ignore[arg-type]


def _from_diagnostics(m: ArgumentMap) -> tuple[Problem, ...]:
    found = []
    for d in validate(m):
        if d.is_error:
            line, column = (d.span.line, d.span.column) if d.span else (0, 0)
            found.append(Problem(d.span.path if d.span else m.path, line, column, f"{d.code} {d.message}"))
    return tuple(found)


def problems_of(text: str, path: str | None = None) -> tuple[Problem, ...]:
    """What stops a map from being drawn: its syntax error, or the checker's errors (warnings do not)."""
    try:
        return _from_diagnostics(loads(text, path))
    except ArgmapSyntaxError as exc:
        return (Problem(exc.path, exc.line, exc.column, f"E001 {exc.message}"),)


def read(text: str, path: str | None = None) -> ArgumentMap:
    """A map ready to draw.

    Args:
        text: the map's text.
        path: its file, or the file its includes are read relative to.

    Raises:
        MapProblems: a syntax error, or errors found by the checker.
    """
    try:
        m = loads(text, path)
    except ArgmapSyntaxError as exc:
        raise MapProblems((Problem(exc.path, exc.line, exc.column, f"E001 {exc.message}"),)) from None
    problems = _from_diagnostics(m)
    if problems:
        raise MapProblems(problems)
    return m


def included_files(m: ArgumentMap) -> Iterator[str]:
    """The real paths of the files a map includes, at any depth (for rebuilds when they change)."""
    stack = list(m.items)
    while stack:
        item = stack.pop()
        if isinstance(item, Include):
            if item.resolved:
                yield item.resolved
            stack.extend(item.items)
        elif isinstance(item, Section):
            stack.extend(item.items)


def key(m: ArgumentMap, options: RenderOptions) -> str:
    """A hash of everything the picture depends on: the map (includes read), the settings, argmap's version."""
    content = "\n".join((version(), repr(attrs.asdict(options)), repr(m)))
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:20]


def draw(m: ArgumentMap, options: RenderOptions) -> bytes:
    """The picture of a map.

    Raises:
        MapProblems: the settings name something the map does not have (an unknown
            ``focus``, ``section`` or what-if), or the layout engine failed.
    """
    try:
        return picture(m, options).data
    except (LayoutError, EvaluationError, EngineError) as exc:
        raise MapProblems((Problem(m.path, 0, 0, str(exc)),)) from None


def cached(m: ArgumentMap, options: RenderOptions, folder: Path) -> Path:
    """The picture of a map in ``folder``, drawn only when no picture of the same content is there.

    Raises:
        MapProblems: as for :func:`draw`.
    """
    path = folder / f"argmap-{key(m, options)}.{options.format}"
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, draw(m, options))
    return path


_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_ID_USE = re.compile(r'(\bid="|href="#|url\(#)')


def _own_ids(svg: str) -> str:
    """The picture with its element ids, and the links to them, made its own on a page of many maps.

    Every picture names its outer group and its sections alike (``argmap-graph``, ``section-…``),
    so two maps on one page would share ids: the prefix is made from the picture itself, which
    keeps pages byte-stable from build to build.

    Example:
        >>> _own_ids('<svg><g id="a"><a href="#a"/><a href="https://x.org/#b"/></g></svg>')
        '<svg><g id="m65e2d7b6-a"><a href="#m65e2d7b6-a"/><a href="https://x.org/#b"/></g></svg>'
    """
    prefix = "m" + hashlib.sha256(svg.encode("utf-8")).hexdigest()[:8] + "-"
    return _ID_USE.sub(lambda match: match.group(1) + prefix, svg)


def inline_svg(svg: bytes, alt: str | None = None, width: str | None = None) -> str:
    """An SVG picture as markup for an HTML page: no XML prologue, labelled for screen readers.

    Example:
        >>> page = inline_svg(b'<?xml version="1.0"?>\\n<!-- c -->\\n<svg width="9pt"><g/></svg>\\n', alt="A map")
        >>> page.startswith('<div class="argmap"><svg role="img" aria-label="A map"'), page.endswith("</svg></div>")
        (True, True)
    """
    from html import escape

    body = _own_ids(_PROLOGUE.sub("", svg.decode("utf-8"), count=1).strip())
    label = f' aria-label="{escape(alt)}"' if alt else ""
    body = body.replace("<svg", f'<svg role="img"{label} style="max-width: 100%; height: auto"', 1)
    style = f' style="width: {escape(width)}"' if width else ""
    return f'<div class="argmap"{style}>{body}</div>'
