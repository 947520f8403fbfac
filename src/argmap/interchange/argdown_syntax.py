"""Reading the Argdown language into a small document: statements, arguments, relations, sections.

This is the subset of Argdown that real documents use: YAML front matter
between ``===`` lines (``key: value`` lines), statements ``[Title]: text`` and
references ``[Title]`` (one equivalence class per title), arguments
``<Title>: description`` and premise-conclusion structures ``(1) ... ---- (n)``
(``-- rules {data} --`` or ``--`` / rule lines / ``--`` between), relations
``+ - _ ><`` and ``<+ <- <_ +> -> _>`` by indentation, lists ``*`` and ``1.``,
tags ``#tag`` / ``#(a tag)``, ``{...}`` data, ``#`` headings, comments
(``//``, ``/* */``, ``<!-- -->``), and inline markup reduced to text (``*``,
``_``, ``**``, ``__``, links ``[text](url)``; mentions ``@[Title]`` stay as
written, as Argdown keeps them).

The document is what Argdown's own JSON export describes (its statements,
arguments and relations), so that the conformance tests can compare the two.
:mod:`argmap.interchange.argdown` turns it into an argument map.

Example:
    >>> doc = parse_argdown("[T]: Tea is good.\\n  + <Taste>: Tea is *tasty*.")
    >>> doc.statements["T"].text, doc.arguments["Taste"].description
    ('Tea is good.', 'Tea is tasty.')
    >>> [(r.type, r.source, r.target) for r in doc.relations]
    [('support', 'Taste', 'T')]
"""

from __future__ import annotations

import re

from attrs import define, field

from argmap.errors import ArgmapSyntaxError

#: The longest text read (characters).
MAX_CHARS = 20_000_000
#: The deepest nesting of relations, and of ``{...}`` data.
MAX_DEPTH = 200

STATEMENT = "equivalence-class"
ARGUMENT = "argument"
INFERENCE = "inference"


@define
class Place:
    """Where something was written: 1-based line and column."""

    line: int
    column: int


@define
class StatementClass:
    """One equivalence class: every statement written with one title."""

    title: str
    place: Place
    untitled: bool = False
    texts: list[str] = field(factory=list)
    tags: list[str] = field(factory=list)
    data: list[str] = field(factory=list)
    section: str | None = None

    @property
    def text(self) -> str:
        """The first text given for the title, or ``""``."""
        return next((t for t in self.texts if t), "")


@define
class Step:
    """One statement of a premise-conclusion structure, and the inference to it when it is concluded."""

    title: str
    role: str  # premise, intermediary-conclusion, main-conclusion
    rules: list[str] = field(factory=list)
    data: list[str] = field(factory=list)
    inferred: bool = False


@define
class ArgumentInfo:
    """One argument: its descriptions and its premise-conclusion structure."""

    title: str
    place: Place
    untitled: bool = False
    descriptions: list[str] = field(factory=list)
    pcs: list[Step] = field(factory=list)
    tags: list[str] = field(factory=list)
    data: list[str] = field(factory=list)
    section: str | None = None

    @property
    def description(self) -> str:
        """The first description given, or ``""``."""
        return next((t for t in self.descriptions if t), "")

    @property
    def conclusion(self) -> str | None:
        """The title of the main conclusion, when the argument is reconstructed."""
        return self.pcs[-1].title if self.pcs and self.pcs[-1].inferred else None


@define
class Relation:
    """A relation between two elements, as Argdown's export has it."""

    type: str  # support, attack, undercut, contradictory, contrary
    source: str
    source_type: str
    target: str
    target_type: str
    place: Place


@define
class Section:
    """A ``#`` heading."""

    level: int
    title: str
    place: Place


@define
class ArgdownDocument:
    """What an Argdown text says."""

    front: dict[str, str] = field(factory=dict)
    statements: dict[str, StatementClass] = field(factory=dict)
    arguments: dict[str, ArgumentInfo] = field(factory=dict)
    relations: list[Relation] = field(factory=list)
    sections: list[Section] = field(factory=list)
    strict: bool = False


# --- text clean-up --------------------------------------------------------------

_COMMENT = re.compile(r"<!--.*?-->|/\*.*?\*/|(?:(?<=\s)|^)//[^\n]*", re.S | re.M)
_COMMENT_START = re.compile(r"<!--|/\*")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![*\w])")
_TAG = re.compile(r"(?:(?<=\s)|^)#(?:\(([^)\n]+)\)|([\w-]+))")
_ESCAPE = re.compile(r"\\([\\\[\]<>#*_{}()+\-@/`.!])")
_SPACE = re.compile(r"\s+")


def blank_comments(text: str, path: str | None) -> str:
    """The text with every comment replaced by spaces (line breaks kept, so places stay right).

    Raises:
        ArgmapSyntaxError: a comment is opened and never closed.
    """

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    cleaned = _COMMENT.sub(blank, text)
    opened = _COMMENT_START.search(cleaned)
    if opened is not None:
        line, column = _place_of(cleaned, opened.start())
        closer = "-->" if opened.group() == "<!--" else "*/"
        raise ArgmapSyntaxError(f"a comment `{opened.group()}` is never closed with `{closer}`", path, line, column)
    return cleaned


def _place_of(text: str, index: int) -> tuple[int, int]:
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


#: Argdown's shortcodes for logical symbols.
SHORTCODES = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬",
    "^": "∧", "v": "∨", "v_": "⊻", "<>": "◇", "[]": "◻",
}  # fmt: skip
_SHORTCODE = re.compile(r"([.:])(<->|->|<>|\[\]|v_|[AEOP~^v])\1")


def plain(text: str) -> str:
    """Argdown inline text as plain text: links become their text, emphasis and escapes go.

    Example:
        >>> plain("A *very* __good__ [idea](http://x.org), 1 \\\\< 2.")
        'A very good idea, 1 < 2.'
    """
    text = _LINK.sub(r"\1", text)
    for _ in range(3):
        text = _EMPHASIS.sub(r"\2", text)
    text = _SHORTCODE.sub(lambda m: SHORTCODES[m.group(2)], text)
    text = _ESCAPE.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip()


def tags_of(text: str) -> tuple[str, list[str]]:
    """The text without its ``#tags``, and the tags.

    Example:
        >>> tags_of("Tea is good. #pro #(long tag)")
        ('Tea is good.', ['pro', 'long tag'])
    """
    tags = [m.group(1) or m.group(2) for m in _TAG.finditer(text)]
    return _SPACE.sub(" ", _TAG.sub("", text)).strip(), tags


def split_data(text: str) -> tuple[str, str | None]:
    """The text without a trailing ``{...}`` data block, and the block (balanced braces), or None."""
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, None
    depth = 0
    for index in range(len(stripped) - 1, -1, -1):
        char = stripped[index]
        if char == "}":
            depth += 1
        elif char == "{":
            depth -= 1
            if depth == 0:
                if index > 0 and stripped[index - 1] == "\\":
                    return text, None
                return stripped[:index].rstrip(), stripped[index:]
        if depth > MAX_DEPTH:
            return text, None
    return text, None


# --- the reader -----------------------------------------------------------------

_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?:\s+|$)")
_PCS_ITEM = re.compile(r"\((\d+)\)\s*")
_LIST_ITEM = re.compile(r"(\*|\d+\.)\s+")
_INFERENCE = re.compile(r"--+(.*?)-*\s*$")
_HEADING = re.compile(r"(#{1,6})\s+(.*)")
_STATEMENT_TITLE = re.compile(r"\[([^\]\n]+)\](?!\()(:?)\s*")
_ARGUMENT_TITLE = re.compile(r"<([^>\n]+)>(:?)\s*")
_STARTS_ELEMENT = re.compile(r"\s*(?:\[[^\]\n]+\]|<[^>\n]+>)(?::|\s*$)")

#: Relation symbols: (type, whether the child is the source).
SYMBOLS = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradictory", False),
}


@define
class _Node:
    """An element written in the current paragraph: where its text goes, and its indentation."""

    kind: str  # STATEMENT or ARGUMENT
    title: str
    indent: int
    parts: list[str]
    relations: int = 0


def _lone(node: _Node) -> bool:
    """An argument with no relations: a premise-conclusion structure that follows belongs to it."""
    return node.kind == ARGUMENT and node.relations == 0


class _Reader:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.doc = ArgdownDocument()
        self.untitled = 0
        self.section: str | None = None
        self.lone_argument: str | None = None  # an argument alone in the paragraph before

    def error(self, message: str, line: int, column: int) -> ArgmapSyntaxError:
        return ArgmapSyntaxError(message, self.path, line, column)

    # -- paragraphs ------------------------------------------------------------

    def read(self, text: str) -> ArgdownDocument:
        written = self.front_matter(text.split("\n"))
        lines = blank_comments("\n".join(written), self.path).split("\n")
        paragraph: list[tuple[int, str]] = []
        for number, (line, original) in enumerate(zip(lines, written, strict=True), 1):
            if line.strip():
                paragraph.append((number, line.rstrip()))
            elif paragraph and not original.strip():
                self.paragraph(paragraph)
                paragraph = []
        if paragraph:
            self.paragraph(paragraph)
        return self.doc

    def front_matter(self, lines: list[str]) -> list[str]:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or lines[first].strip() != "===":
            return lines
        end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
        if end is None:
            raise self.error("the front matter opened with `===` is never closed with `===`", first + 1, 1)
        key = None
        for line in lines[first + 1 : end]:
            match = re.match(r"([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
            if match and not line[0].isspace():
                key, value = match.group(1), match.group(2).strip()
                self.doc.front[key] = value.strip("\"'")
            elif key and line.strip() and key in ("title", "author", "date", "subTitle", "abstract"):
                self.doc.front[key] = f"{self.doc.front[key]} {line.strip()}".strip()
            elif key == "model" and re.match(r"\s+mode\s*:\s*['\"]?strict", line):
                self.doc.strict = True
        return [""] * (end + 1) + lines[end + 1 :]

    def paragraph(self, lines: list[tuple[int, str]]) -> None:
        number, first = lines[0]
        heading = _HEADING.match(first)
        if heading and not first[0].isspace():
            rest = " ".join(line.strip() for _, line in lines[1:])
            self.heading(len(heading.group(1)), f"{heading.group(2)} {rest}", number)
            return
        lone = self.lone_argument
        self.lone_argument = None
        stack: list[_Node] = []
        current: _Node | None = None
        pcs: _Pcs | None = None
        dedented = False
        for index, (number, line) in enumerate(lines):
            indent = len(line) - len(line.lstrip())
            body = line.strip()
            column = indent + 1
            item = _PCS_ITEM.match(body)
            if item and (pcs is not None or current is None or indent <= stack[0].indent):
                if pcs is None:
                    owner = lone if lone and not stack else None
                    if len(stack) == 1 and _lone(stack[0]):
                        owner = stack[0].title
                    pcs = _Pcs(self, owner, number, column)
                stack = []
                current = pcs.item(body[item.end() :], number, column, indent)
                stack.append(current)
                continue
            if pcs is not None and body.startswith("--"):
                pcs.inference(body, number, column, lines[index + 1][1].strip() if index + 1 < len(lines) else "")
                current = None
                continue
            if pcs is not None and pcs.open_rules is not None:
                pcs.rule_line(body)
                continue
            relation = _RELATION.match(body)
            listed = _LIST_ITEM.match(body)
            if relation and current is None and not stack:
                raise self.error(
                    f"a relation `{relation.group(1)}` with nothing above it to relate to: a paragraph starts "
                    "with a statement or an argument",
                    number,
                    column,
                )
            if relation:
                parent, dedented = self.parent(stack, indent, dedented, number, column)
                node = self.element(body[relation.end() :], number, column + relation.end(), indent)
                self.relate(relation.group(1), parent, node, number, column)
                stack.append(node)
                current = node
            elif listed or current is None:
                start = listed.end() if listed else 0
                while stack and stack[-1].indent >= indent:
                    stack.pop()
                node = self.element(body[start:], number, column + start, indent)
                stack.append(node)
                current = node
            else:
                if _STARTS_ELEMENT.match(body):
                    raise self.error(
                        "a statement or argument title starts a line inside another element's text: "
                        "leave a blank line before it, or relate it with `+`, `-` or `_`",
                        number,
                        column,
                    )
                current.parts.append(body)
                self.finish(current)
        if pcs is not None:
            pcs.close()
        elif len(stack) == 1 and _lone(stack[0]):
            self.lone_argument = stack[0].title

    def heading(self, level: int, text: str, number: int) -> None:
        text, _ = split_data(text)
        self.doc.sections.append(Section(level, plain(text), Place(number, 1)))
        self.section = plain(text)

    def parent(self, stack: list[_Node], indent: int, dedented: bool, number: int, column: int) -> tuple[_Node, bool]:
        """The element a relation at ``indent`` belongs to (Argdown's indentation rule)."""
        if not stack:
            raise self.error("a relation with nothing above it to relate to", number, column)
        if indent > stack[-1].indent:
            if len(stack) > MAX_DEPTH:
                raise self.error(f"relations nested more than {MAX_DEPTH} levels deep", number, column)
            return stack[-1], False
        while len(stack) > 1 and stack[-1].indent > indent:
            stack.pop()
        if len(stack) > 1:
            stack.pop()  # a sibling of the element at that level (or between levels)
        return stack[-1], True

    # -- elements --------------------------------------------------------------

    def element(self, body: str, number: int, column: int, indent: int) -> _Node:
        statement = _STATEMENT_TITLE.match(body)
        argument = _ARGUMENT_TITLE.match(body)
        if argument:
            title = _SPACE.sub(" ", argument.group(1)).strip()
            node = _Node(ARGUMENT, title, indent, [body[argument.end() :]] if argument.group(2) else [])
            self.argument(title, number, column)
        else:
            if statement:
                title, untitled = _SPACE.sub(" ", statement.group(1)).strip(), False
                parts = [body[statement.end() :]] if statement.group(2) else []
                if not statement.group(2) and body[statement.end() :].strip():
                    parts = [body[statement.end() :]]
            else:
                title, untitled, parts = self.fresh_title(), True, [body]
            node = _Node(STATEMENT, title, indent, parts)
            self.statement(title, number, column, untitled)
        self.finish(node, new=True)
        return node

    def fresh_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def statement(self, title: str, number: int, column: int, untitled: bool = False) -> StatementClass:
        found = self.doc.statements.get(title)
        if found is None:
            found = self.doc.statements[title] = StatementClass(
                title, Place(number, column), untitled, section=self.section
            )
        return found

    def argument(self, title: str, number: int, column: int, untitled: bool = False) -> ArgumentInfo:
        found = self.doc.arguments.get(title)
        if found is None:
            found = self.doc.arguments[title] = ArgumentInfo(
                title, Place(number, column), untitled, section=self.section
            )
        return found

    def finish(self, node: _Node, new: bool = False) -> None:
        """Store the node's text (so far) as one member of its class."""
        raw = " ".join(p.strip() for p in node.parts)
        raw, data = split_data(raw)
        text, tags = tags_of(raw)
        target: StatementClass | ArgumentInfo
        if node.kind == ARGUMENT:
            target = self.doc.arguments[node.title]
            members = target.descriptions
        else:
            target = self.doc.statements[node.title]
            members = target.texts
        if new:
            members.append(plain(text))
        else:
            members[-1] = plain(text)
        for tag in tags:
            if tag not in target.tags:
                target.tags.append(tag)
        if data and data not in target.data:
            target.data.append(data)

    def relate(self, symbol: str, parent: _Node, child: _Node, number: int, column: int) -> None:
        kind, child_is_source = SYMBOLS[symbol]
        source, target = (child, parent) if child_is_source else (parent, child)
        parent.relations += 1
        child.relations += 1
        self.doc.relations.append(
            Relation(kind, source.title, source.kind, target.title, target.kind, Place(number, column))
        )


class _Pcs:
    """A premise-conclusion structure being read."""

    def __init__(self, reader: _Reader, owner: str | None, number: int, column: int) -> None:
        self.reader = reader
        if owner is None:
            owner = reader.fresh_title()
            reader.argument(owner, number, column, untitled=True)
        self.argument = reader.doc.arguments[owner]
        self.steps: list[Step] = []
        self.pending: Step | None = None
        self.open_rules: list[str] | None = None
        self.open_at = (number, column)

    def item(self, body: str, number: int, column: int, indent: int) -> _Node:
        if self.open_rules is not None:
            raise self.reader.error("the inference opened with `--` is never closed with `--`", *self.open_at)
        node = self.reader.element(body, number, column + (len(body) and 0), indent)
        if node.kind == ARGUMENT:
            raise self.reader.error("a premise or conclusion is a statement, not an argument `<...>`", number, column)
        step = self.pending or Step(node.title, "premise")
        step.title = node.title
        self.pending = None
        self.steps.append(step)
        return node

    def inference(self, body: str, number: int, column: int, following: str) -> None:
        if self.open_rules is not None:
            self.close_rules(" ".join(self.open_rules))
            return
        if not self.steps:
            raise self.reader.error("an inference line `--` before any premise", number, column)
        inner = _INFERENCE.match(body)
        rules = inner.group(1).strip() if inner else ""
        if re.fullmatch(r"-+", body.strip()) and not _PCS_ITEM.match(following) and following:
            self.open_rules, self.open_at = [], (number, column)
            return
        self.close_rules(rules)

    def rule_line(self, body: str) -> None:
        assert self.open_rules is not None
        self.open_rules.append(body)

    def close_rules(self, rules: str) -> None:
        self.open_rules = None
        rules, data = split_data(rules)
        names = [plain(r) for r in rules.split(",") if plain(r)]
        self.pending = Step("", "intermediary-conclusion", names, [data] if data else [], inferred=True)

    def close(self) -> None:
        if self.open_rules is not None or self.pending is not None:
            raise self.reader.error("an inference line `--` with no conclusion after it", *self.open_at)
        if self.steps and self.steps[-1].inferred:
            self.steps[-1].role = "main-conclusion"
        self.argument.pcs = self.steps


def parse_argdown(text: str, path: str | None = None) -> ArgdownDocument:
    """What an Argdown text says.

    Raises:
        ArgmapSyntaxError: the text is not Argdown argmap can read; the message says where.
    """
    if len(text) > MAX_CHARS:
        raise ArgmapSyntaxError(f"the file is too large ({len(text)} characters; at most {MAX_CHARS})", path, 1, 1)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    doc = _Reader(path).read(text)
    if doc.strict:
        for r in doc.relations:
            if r.type == "attack" and r.source_type == r.target_type == STATEMENT:
                r.type = "contrary"
    _resolve_reconstructed(doc)
    return doc


def _resolve_reconstructed(doc: ArgdownDocument) -> None:
    """Relations of a reconstructed argument go from its main conclusion, as in Argdown's export."""
    kept = []
    for r in doc.relations:
        argument = doc.arguments.get(r.source) if r.source_type == ARGUMENT else None
        if argument is not None and argument.conclusion and r.type in ("support", "attack"):
            r.source, r.source_type = argument.conclusion, STATEMENT
        target = doc.arguments.get(r.target) if r.target_type == ARGUMENT else None
        if target is not None and target.conclusion and r.type == "undercut":
            r.target_type = INFERENCE  # Argdown's export says so: the undercut meets the inference
        if (r.source, r.source_type) != (r.target, r.target_type):
            kept.append(r)
    doc.relations = kept
