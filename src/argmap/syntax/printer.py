"""Model to text: the one canonical layout of .argmap files.

``dumps`` writes a model; the formatter uses the same printer and passes the
comments and blank lines of the original text (see :mod:`argmap.syntax.comments`),
so a formatted file and a dumped model never differ in layout.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from argmap.fileio import write_atomic
from argmap.language import (
    CONTRADICTS,
    DECLARATION_WORDS,
    HEADER_WORDS,
    INCLUDE,
    INFERENCE_WORDS,
    OUTWEIGHS,
    RESERVED,
    SCHEME,
    SCHEME_WORDS,
    SECTION,
    Form,
    assert_never,
    is_bare,
    is_id,
    quote,
)
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Element,
    Include,
    Inference,
    Item,
    Preference,
    SchemeDefinition,
    Section,
    Source,
    Statement,
    Value,
    attribute_fields,
)
from argmap.syntax.comments import Attached

INDENT = "  "
MAX_INDENT = 12  #: sections nested deeper are indented no further, so output grows linearly with depth
WIDTH = 100  #: an item with attributes stays on one line up to this width...
SHORT_BLOCK = 40  #: ...or when its attribute block is this short
_SOURCE, _ACTOR = DECLARATION_WORDS
_PREMISE, _CONCLUSION, _QUESTION = SCHEME_WORDS


def dumps(m: ArgumentMap, attached: Attached | None = None) -> str:
    """Write a map as .argmap text in the canonical layout.

    Raises:
        ValueError: an id cannot be written (not a valid id, or a reserved word
            where an item starts).

    Example:
        >>> from argmap.model import ArgumentMap, Statement, StatementKind, Inference
        >>> m = ArgumentMap(title="Tea", items=(
        ...     Statement(StatementKind.THESIS, "t", "Tea is good.", tags=("food",)),
        ...     Statement(StatementKind.CLAIM, "c", 'It is "healthy".'),
        ...     Inference.support(("c",), "t", shorthand=True),
        ... ))
        >>> print(dumps(m), end="")
        title "Tea"
        <BLANKLINE>
        thesis t "Tea is good." { tags: [food] }
        claim c "It is \\"healthy\\"."
        c supports t
    """
    return _Printer(attached or Attached()).print_map(m)


def dump(m: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write a map to a file atomically, in the canonical layout.

    Example:
        >>> import tempfile, pathlib, argmap
        >>> out = pathlib.Path(tempfile.mkdtemp()) / "tea.argmap"
        >>> dump(argmap.loads('thesis t "Tea is good."'), out)
        >>> print(out.read_text(encoding="utf-8"), end="")
        thesis t "Tea is good."
    """
    write_atomic(path, dumps(m))


class _Printer:
    def __init__(self, attached: Attached) -> None:
        self.at = attached
        self.lines: list[str] = []

    def print_map(self, m: ArgumentMap) -> str:
        self._opening_block(m)
        header = [(key, getattr(m, key)) for key in HEADER_WORDS if getattr(m, key) is not None]
        for key, value in header:
            self._emit(key, 0, [f"{key} {self._header_value(key, value)}"], first=not self.lines)
        for i, (key, value) in enumerate(m.header_extra):
            header.append((key, value))
            self._emit(f"{key}:{i}", 0, [f"{key} {self._header_value(key, value)}"], first=not self.lines)
        if header and (m.items or self.at.footer.get(None)):
            self.lines.append("")
        self._body(m.items, 0, None)
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""

    def _opening_block(self, m: ArgumentMap) -> None:
        """Keep a file's opening comments first when the header is moved up past them.

        Comments that stand above the first item, separated from it by a blank
        line, describe the file rather than that item.
        """
        first = m.items[0] if m.items else None
        spans = [span for _, span in m.header_spans]
        if first is None or first.span is None or not spans or min(s.line for s in spans) < first.span.line:
            return
        leading = self.at.leading.get(id(first), [])
        lines = [line for line, _ in leading[1:]] + [first.span.line]
        gaps = [i + 1 for i, line in enumerate(lines) if self.at.blank_above(line)]
        if leading and gaps:
            cut = gaps[-1]
            self.lines.extend(text for _, text in leading[:cut])
            self.lines.append("")
            self.at.leading[id(first)] = leading[cut:]

    def _body(self, items: tuple[Item, ...], depth: int, owner: Section | None) -> None:
        # A stack keeps deep nesting of sections from exhausting Python's recursion.
        stack: list[tuple[Iterator[Item], int, Section | None]] = [(iter(items), depth, owner)]
        first = True
        while stack:
            iterator, level, section = stack[-1]
            item = next(iterator, None)
            if item is None:
                stack.pop()
                self._footer(section, level)
                if section is not None:
                    self._emit_close(section, level - 1)
                first = False
                continue
            lines = self._item(item, level)
            self._emit(item, level, lines, first=first)
            first = False
            if isinstance(item, Section):
                if item.items or self.at.footer.get(id(item)) or self.at.head.get(id(item)):
                    stack.append((iter(item.items), level + 1, item))
                    first = True
                else:
                    self.lines[-1] += "}"
                    self._trailing(item)

    def _emit(self, anchor: object, level: int, lines: list[str], first: bool) -> None:
        key = anchor if isinstance(anchor, str) else id(anchor)
        pad = _pad(level)
        leading = self.at.leading.get(key, [])
        for n, (line, text) in enumerate(leading):
            if self.at.blank_above(line) and not (first and n == 0):
                self._blank()
            self.lines.append(pad + text)
        start = self.at.start_line.get(key)
        air = start is None and isinstance(anchor, Section) and not first  # sections built in code
        if air or (start is not None and self.at.blank_above(start) and not (first and not leading)):
            self._blank()
        self.lines.extend(pad + line for line in lines)
        if not isinstance(anchor, Section):
            self._trailing(anchor)
        else:
            head = self.at.head.get(id(anchor))
            if head:
                self.lines[-1] += "  " + head

    def _trailing(self, anchor: object) -> None:
        key = anchor if isinstance(anchor, str) else id(anchor)
        text = self.at.trailing.get(key)
        if text:
            self.lines[-1] += "  " + text

    def _footer(self, section: Section | None, level: int) -> None:
        for line, text in self.at.footer.get(id(section) if section is not None else None, []):
            if self.at.blank_above(line):
                self._blank()
            self.lines.append(_pad(level) + text)

    def _emit_close(self, section: Section, level: int) -> None:
        self.lines.append(_pad(level) + "}")
        self._trailing(section)
        if self.at.start_line.get(id(section)) is None:
            self.lines.append("")  # a section built in code gets air after it

    def _blank(self) -> None:
        if self.lines and self.lines[-1] != "" and not self.lines[-1].endswith("{"):
            self.lines.append("")

    # -- items -----------------------------------------------------------------

    def _item(self, item: Item, level: int) -> list[str]:
        match item:
            case Statement():
                head = f"{item.kind.value} {_id(item.id)} {quote(item.text)}"
            case Inference():
                head = _inference_head(item)
            case Contradiction():
                head = f"{_id(item.left, start=True)} {CONTRADICTS} {_id(item.right)}"
            case Preference():
                head = f"{_id(item.stronger, start=True)} {OUTWEIGHS} {_id(item.weaker)}"
            case Source():
                head = f"{_SOURCE} {_id(item.id)} {quote(item.title)}"
            case Actor():
                head = f"{_ACTOR} {_id(item.id)} {quote(item.name)}"
            case Section():
                ident = f"{_id(item.id)} " if item.id else ""
                return [f"{SECTION} {ident}{quote(item.title)} {{"]
            case Include():
                return [f"{INCLUDE} {quote(item.path)}"]
            case SchemeDefinition():
                return _scheme(item)
            case _:
                assert_never(item)
        pairs = _pairs(item)
        lines = _with_attrs(head, pairs, level)
        if isinstance(item, Inference) and item.target is None and not pairs:
            lines[-1] += " {}"  # ends the item: an id on the next line would be read as its target
        return lines

    def _header_value(self, key: str, value: str) -> str:
        if key == "about":
            return _id(value)
        if key == "date":
            return _date(value) or quote(value)
        return quote(value)


def _pad(level: int) -> str:
    return INDENT * min(level, MAX_INDENT)


def _with_attrs(head: str, pairs: list[tuple[str, str]], level: int) -> list[str]:
    if not pairs:
        return [head]
    block = f"{{ {', '.join(f'{k}: {v}' for k, v in pairs)} }}"
    if len(_pad(level)) + len(head) + 1 + len(block) <= WIDTH or len(block) <= SHORT_BLOCK:
        return [f"{head} {block}"]
    return [f"{head} {{", *(f"{INDENT}{k}: {v}" for k, v in pairs), "}"]


def _pairs(element: Element, key: Callable[[str], str] | None = None) -> list[tuple[str, str]]:
    """The ``key: value`` pairs of an element's attribute block: its attributes set, then its unknown ones.

    ``key`` writes an unknown attribute's key (an id, by default).
    """
    pairs = [(k, v) for k, v in _attributes(element) if v is not None]
    pairs.extend(((key or _id)(k), _extra(v)) for k, v in element.extra)
    return pairs


def _attributes(element: Element) -> list[tuple[str, str | None]]:
    """The attributes of an element as written, in the order of the model's fields."""
    return [(a.name, _value(a.form, getattr(element, a.name))) for a in attribute_fields(type(element))]


def _value(form: Form, value: str | tuple[str, ...] | None) -> str | None:
    """An attribute value as written, or None when it is not set."""
    if isinstance(value, tuple):
        return _list(value)
    match form:
        case "ref" | "name":
            return _ref(value)
        case "text" | "url":
            return _text(value)
        case "date" | "number":
            return _date(value)
        case "list":
            return _list(() if value is None else (value,))
        case _:
            assert_never(form)


def _scheme(scheme: SchemeDefinition) -> list[str]:
    """A scheme the map defines: its head, then one entry a line (attributes first), then ``}``."""
    body = [f"{k}: {v}" for k, v in _pairs(scheme, _key_in_scheme)]
    for p in scheme.premises:
        body.append(f"{_PREMISE} {_id(p.tag) + ' ' if p.tag else ''}{quote(p.text)}")
    if scheme.conclusion is not None:
        body.append(f"{_CONCLUSION} {quote(scheme.conclusion)}")
    body += [f"{_QUESTION} {_id(q.key)} {_id(q.type)} {quote(q.text)}" for q in scheme.questions]
    head = f"{SCHEME} {_id(scheme.key)} {quote(scheme.name)} {{"
    return [head, *(INDENT + line for line in body), "}"] if body else [head + "}"]


def _key_in_scheme(key: str) -> str:
    if key in SCHEME_WORDS:
        raise ValueError(f"cannot write {key!r} as an attribute of a scheme: in its body the word starts an entry")
    return _id(key)


def _inference_head(inf: Inference) -> str:
    premises = inf.premises
    writable_short = (
        inf.shorthand
        and len(premises) == 1
        and inf.id is None
        and inf.label is None
        and inf.target is not None
        and premises[0] not in RESERVED
    )
    if writable_short:
        return f"{_id(premises[0])} {INFERENCE_WORDS[inf.kind].verb} {_id(inf.target)}"  # type: ignore[arg-type]
    parts = [INFERENCE_WORDS[inf.kind].keyword]
    if inf.id:
        parts.append(" " + _id(inf.id))
    if inf.label is not None:
        parts.append(" " + quote(inf.label))
    parts.append(":")
    if premises:
        # Only the first premise could be read as the start of the next item; after `+` an id must follow.
        parts.append(" " + " + ".join(_id(p, start=i == 0) for i, p in enumerate(premises)))
    parts.append(f" => {_id(inf.target, start=True)}" if inf.target is not None else " =>")
    return "".join(parts)


def _id(value: str, start: bool = False) -> str:
    if not is_id(value):
        raise ValueError(
            f"cannot write {value!r} as an id: ids start with a letter or `_` "
            "and go on with letters, digits, `_` and `-`"
        )
    if start and value in RESERVED:
        raise ValueError(f"cannot write {value!r} here: it is a reserved word, read as the start of an item")
    return value


def _ref(value: str | None) -> str | None:
    if value is None:
        return None
    return value if is_id(value) else quote(value)


def _text(value: str | None) -> str | None:
    return None if value is None else quote(value)


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    return value if is_bare(value) else quote(value)


def _list(values: tuple[str, ...]) -> str | None:
    if not values:
        return None
    return "[" + ", ".join(v if is_id(v) else quote(v) for v in values) + "]"


def _extra(value: Value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_extra(v) for v in value) + "]"
    return value if is_id(value) or is_bare(value) else quote(value)
