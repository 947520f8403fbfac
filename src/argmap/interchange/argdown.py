"""Argdown in and out: documents read into argument maps, maps written as Argdown.

Reading (see :mod:`argmap.interchange.argdown_syntax` for the language read):
an equivalence class (every statement with one title) becomes a statement
whose id is the title made into an id (``[Tea is good]`` → ``Tea_is_good``;
untitled statements get ``untitled_1`` ...); each inference step of a
premise-conclusion structure becomes one support inference whose premises are
the premises since the step before and that step's conclusion (linked), named
after the argument. A relation from a reconstructed argument starts at its
main conclusion; an **unreconstructed argument** (no PCS) becomes a claim whose
text is its description, standing for the argument in every relation, and this
is listed as a loss. Undercuts (``_>``, ``<_``) target the argument's main
inference; an attack on a reconstructed argument is read as an undercut of it,
a support of one as a support of its conclusion (both listed). Contradictions
(``><``) become contradictions, ``contrary`` attacks (strict mode) attacks.

Writing: statements as ``[id]: text #tags``, single-premise supports and
attacks as relations under their target, linked premises and inferences that
are undercut as premise-conclusion structures, undercuts as ``_>``,
contradictions as ``><``, sections as headings, the header as front matter.
What Argdown cannot hold (statement kinds, rebut vs undermine, sources,
actors, most attributes) is listed; ``by``, ``source``, ``quote``, ``date``,
``url`` and ``note`` of a statement are kept as ``{...}`` data.

Example:
    >>> from argmap import dumps
    >>> got = loads_argdown("[Tea]: Tea is good.\\n  + [Taste]: Tea is tasty.")
    >>> print(dumps(got.map), end="")
    thesis Tea "Tea is good."
    claim Taste "Tea is tasty."
    argument: Taste => Tea
    >>> print(dumps_argdown(got.map).text, end="")
    [Tea]: Tea is good.
    <BLANKLINE>
    [Taste]: Tea is tasty.
    <BLANKLINE>
    [Tea]
      + [Taste]
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

import attrs

from argmap.checks.attributes import is_date
from argmap.errors import ArgmapSyntaxError
from argmap.fileio import read_text, write_atomic
from argmap.interchange.aif import kind_from_place
from argmap.interchange.argdown_syntax import (
    ARGUMENT,
    INFERENCE,
    STATEMENT,
    ArgdownDocument,
    ArgumentInfo,
    Place,
    Relation,
    parse_argdown,
)
from argmap.interchange.argdown_syntax import Section as Heading
from argmap.interchange.losses import Exported, Imported, Loss
from argmap.language import RESERVED, is_id
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Include,
    Inference,
    InferenceKind,
    Item,
    SchemeDefinition,
    Section,
    Source,
    Span,
    Statement,
    StatementKind,
    walk,
)

__all__ = ["dump_argdown", "dumps_argdown", "load_argdown", "loads_argdown"]

# --- reading -----------------------------------------------------------------


def loads_argdown(text: str, path: str | None = None) -> Imported:
    """The map an Argdown text describes, and what argmap could not hold.

    Raises:
        ArgmapSyntaxError: the text is not Argdown argmap can read; the message says where.
    """
    try:
        doc = parse_argdown(text, path)
    except RecursionError:  # pragma: no cover - the reader has no recursion; kept as a last guard
        raise ArgmapSyntaxError("the text is nested too deeply", path, 1, 1) from None
    return _Builder(doc, path).build()


def load_argdown(path: str) -> Imported:
    """The map in an Argdown file, and what argmap could not hold.

    Raises:
        ArgmapFileError: the file cannot be read.
        ArgmapSyntaxError: it is not Argdown argmap can read.
    """
    return loads_argdown(read_text(path), path)


def id_for(title: str, taken: set[str]) -> str:
    """An argmap id for an Argdown title, unlike every id in ``taken`` (which it joins).

    Example:
        >>> id_for("Tea is good", set()), id_for("Untitled 3", set()), id_for("2 + 2", set())
        ('Tea_is_good', 'untitled_3', 'x2_2')
    """
    ident = re.sub(r"[^\w-]+", "_", title).strip("_") or "x"
    if title.startswith("Untitled ") and title[9:].isdigit():
        ident = f"untitled_{title[9:]}"
    if not is_id(ident) or ident in RESERVED:
        ident = f"x{ident}"
    base, n = ident, 1
    while ident in taken:
        n += 1
        ident = f"{base}_{n}"
    taken.add(ident)
    return ident


class _Builder:
    def __init__(self, doc: ArgdownDocument, path: str | None) -> None:
        self.doc, self.path = doc, path
        self.losses: list[Loss] = []
        self.taken: set[str] = set()
        self.ids: dict[tuple[str, str], str] = {}
        self.inferences: list[Inference] = []
        self.contradictions: list[Contradiction] = []
        self.main: dict[str, str] = {}  # argument title -> the id of its main inference
        self.claims: dict[str, Statement] = {}  # unreconstructed argument title -> its claim

    def span(self, place: Place) -> Span:
        return Span(self.path, place.line, place.column, place.line, place.column + 1)

    def lose(self, where: str, what: str, place: Place | None) -> None:
        self.losses.append(Loss(where, what, self.span(place) if place else None))

    def build(self) -> Imported:
        for title in self.doc.statements:
            self.ids[(STATEMENT, title)] = id_for(title, self.taken)
        for title in self.doc.arguments:
            self.ids[(ARGUMENT, title)] = id_for(title, self.taken)
        for argument in self.doc.arguments.values():
            self.argument(argument)
        for relation in self.doc.relations:
            self.relation(relation)
        statements = self.statements()
        header = self.header()
        claims = [attrs.evolve(c, kind=self.kind(c.id)) for c in self.claims.values()]
        items = self.place([*statements, *claims], [*self.inferences, *self.contradictions])
        m = ArgumentMap(tuple(items), header.get("title"), header.get("author"), header.get("date"))
        return Imported(m, tuple(self.losses))

    def header(self) -> dict[str, str]:
        out = {}
        for key, value in self.doc.front.items():
            if (key in ("title", "author") and value) or (key == "date" and is_date(value)):
                out[key] = value
            else:
                self.lose("the front matter", f"`{key}`: argmap's header has no place for it", None)
        return out

    def kind(self, ident: str) -> StatementKind:
        """The kind a statement gets from its place (see :func:`argmap.interchange.aif.kind_from_place`)."""
        if not hasattr(self, "roles"):
            self.roles: dict[str, set[str]] = {"concluded": set(), "supports": set(), "attacks": set()}
            for inf in self.inferences:
                self.roles["supports" if inf.kind is InferenceKind.SUPPORT else "attacks"].update(inf.premises)
                if inf.kind is InferenceKind.SUPPORT and inf.target:
                    self.roles["concluded"].add(inf.target)
        roles = self.roles
        return kind_from_place(ident in roles["concluded"], ident in roles["supports"], ident in roles["attacks"])

    def statements(self) -> list[Statement]:
        out = []
        for title, ec in self.doc.statements.items():
            ident = self.ids[(STATEMENT, title)]
            where = f"statement [{title}]"
            texts = list(dict.fromkeys(t for t in ec.texts if t))
            for other in texts[1:]:
                self.lose(where, f"a second text for the same title (argmap keeps the first): {other!r}", ec.place)
            for data in ec.data:
                self.lose(where, f"the data `{data}`: argmap keeps no Argdown data", ec.place)
            text = texts[0] if texts else title
            out.append(Statement(self.kind(ident), ident, text, tags=tuple(ec.tags), span=self.span(ec.place)))
        return out

    def argument(self, a: ArgumentInfo) -> None:
        where = f"argument <{a.title}>"
        ident = self.ids[(ARGUMENT, a.title)]
        for data in a.data:
            self.lose(where, f"the data `{data}`: argmap keeps no Argdown data", a.place)
        if not a.conclusion:
            text = a.description or a.title
            self.claims[a.title] = Statement(
                StatementKind.CLAIM, ident, text, tags=tuple(a.tags), span=self.span(a.place)
            )
            self.lose(where, "an argument without premises and conclusion: its description is read as a claim", a.place)
            return
        if a.tags:
            self.lose(where, f"the tags {', '.join(a.tags)}: argmap's inferences keep them only on statements", a.place)
        premises: list[str] = []
        steps = [s for s in a.pcs if s.inferred]
        for number, step in enumerate(a.pcs):
            statement = self.ids[(STATEMENT, step.title)]
            if not step.inferred:
                premises.append(statement)
                continue
            last = step is steps[-1]
            name = ident if last else id_for(f"{ident}_step{number + 1}", self.taken)
            self.inferences.append(
                Inference.support(
                    tuple(dict.fromkeys(premises)),
                    statement,
                    id=name,
                    label=a.title if last else None,
                    scheme=", ".join(step.rules) or None,
                    note=(a.description or None) if last else None,
                    span=self.span(a.place),
                )
            )
            for data in step.data:
                self.lose(where, f"the inference data `{data}`: argmap keeps no Argdown data", a.place)
            premises = [statement]
        self.main[a.title] = ident

    def node(self, title: str, kind: str) -> str:
        if kind in (ARGUMENT, INFERENCE):
            argument = self.doc.arguments[title]
            return self.ids[(STATEMENT, argument.conclusion)] if argument.conclusion else self.ids[(ARGUMENT, title)]
        return self.ids[(STATEMENT, title)]

    def relation(self, r: Relation) -> None:
        where = f"relation {r.type} from {_shown(r.source, r.source_type)} to {_shown(r.target, r.target_type)}"
        source = self.node(r.source, r.source_type)
        span = self.span(r.place)
        if r.type in ("contradictory",):
            self.contradictions.append(Contradiction(source, self.node(r.target, r.target_type), span=span))
            return
        if r.type == "contrary":
            self.lose(where, "a contrary relation: read as an attack", r.place)
        reconstructed = r.target_type in (ARGUMENT, INFERENCE) and r.target in self.main
        if r.type == "undercut" or (r.type in ("attack", "contrary") and reconstructed):
            target = self.main.get(r.target) if r.target_type in (ARGUMENT, INFERENCE) else None
            if target is None:
                self.lose(where, "an undercut of something that has no inference: read as an attack on it", r.place)
                self.inferences.append(Inference.attack((source,), self.node(r.target, r.target_type), span=span))
                return
            if r.type != "undercut":
                self.lose(where, "an attack on a reconstructed argument: read as an undercut of its inference", r.place)
            self.inferences.append(Inference.undercut((source,), target, span=span))
            return
        if reconstructed:
            self.lose(where, "a support of a reconstructed argument: read as a support of its conclusion", r.place)
        make = Inference.support if r.type == "support" else Inference.attack
        self.inferences.append(make((source,), self.node(r.target, r.target_type), span=span))

    def place(self, statements: list[Statement], relations: list[Item]) -> list[Item]:
        """Items, statements inside the sections they were first written in."""
        sections_of: dict[str | None, list[Item]] = defaultdict(list)
        section = {ident: self.doc.statements[t].section for (k, t), ident in self.ids.items() if k == STATEMENT}
        section.update({self.ids[(ARGUMENT, t)]: self.doc.arguments[t].section for t in self.claims})
        for s in statements:
            sections_of[section[s.id]].append(s)
        items: list[Item] = list(sections_of.pop(None, []))
        items.extend(_nest(self.doc.sections, sections_of))
        items.extend(relations)
        return items


def _nest(headings: list[Heading], contents: dict[str | None, list[Item]]) -> list[Item]:
    """Headings as nested sections by level, each holding its statements; a repeated title is filled once."""
    root: list[Item] = []
    stack: list[tuple[int, list[Item], str, list[Item]]] = []  # level, siblings, title, items

    def close() -> None:
        _, siblings, title, items = stack.pop()
        siblings.append(Section(title, tuple(items)))

    for h in headings:
        while stack and stack[-1][0] >= h.level:
            close()
        siblings = stack[-1][3] if stack else root
        stack.append((h.level, siblings, h.title, list(contents.pop(h.title, []))))
    while stack:
        close()
    return root


def _shown(title: str, kind: str) -> str:
    return f"<{title}>" if kind == ARGUMENT else f"[{title}]"


# --- writing -----------------------------------------------------------------

_STATEMENT_DATA = ("by", "source", "quote", "date", "url", "note")


def dumps_argdown(m: ArgumentMap) -> Exported:
    """The map as Argdown text, and what Argdown could not carry."""
    writer = _Writer(m)
    return Exported(writer.write(), tuple(writer.losses))


def dump_argdown(m: ArgumentMap, path: str) -> tuple[Loss, ...]:
    """Write the map to an Argdown file (atomically) and return what Argdown could not carry."""
    out = dumps_argdown(m)
    write_atomic(path, out.text)
    return out.losses


def _escape(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"([\\\[\]<>#*_{}])", r"\\\1", text)
    if re.match(r"(?:[+\-]|<[+\-_]|[+\-_]>|><|\(\d+\)|\d+\.|--|//|/\*|===)", text):
        text = "\\" + text
    return text.replace("//", "/\\/").replace("/*", "/\\*")


def _title(ident: str) -> str:
    return ident


class _Writer:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.losses: list[Loss] = []
        self.out: list[str] = []
        self.statement_ids = {s.id for s in m.statements()}
        inferences = list(m.inferences())
        self.undercut = {i.target for i in inferences if i.kind is InferenceKind.UNDERCUT}
        self.names: dict[int, str] = {}
        taken = set(self.statement_ids)
        for inf in inferences:
            self.names[id(inf)] = id_for(inf.id or f"{inf.kind.value}_{len(self.names) + 1}", taken)
        self.by_key = {inf.key: self.names[id(inf)] for inf in inferences}
        self.roles: dict[str, set[str]] = {"concluded": set(), "supports": set(), "attacks": set()}
        for inf in inferences:
            support = inf.kind is InferenceKind.SUPPORT
            self.roles["supports" if support else "attacks"].update(inf.premises)
            if support and inf.target:
                self.roles["concluded"].add(inf.target)

    def lose(self, item: Item, what: str) -> None:
        self.losses.append(Loss.of(item, what))

    def write(self) -> str:
        self.front()
        for item, _ in walk(self.m.items):
            if isinstance(item, Include):
                self.lose(item, "Argdown has no includes; the included items are written in place")
        self.items(self.m.items, 1)
        for item, _ in walk(self.m.items):
            if isinstance(item, Inference):
                self.inference(item)
            elif isinstance(item, Contradiction):
                self.contradiction(item)
        return "\n\n".join(self.out) + "\n" if self.out else ""

    def front(self) -> None:
        lines = [f"{k}: {json.dumps(getattr(self.m, k), ensure_ascii=False)}" for k in ("title", "author", "date")]
        lines = [line for line in lines if not line.endswith(": null")]
        if self.m.about is not None:
            lines.append(f"abstract: {json.dumps(self.m.about, ensure_ascii=False)}")
        for key, _ in self.m.header_extra:
            self.losses.append(Loss("the map header", f"the repeated line `{key}`: Argdown's front matter has one"))
        if lines:
            self.out.append("===\n" + "\n".join(lines) + "\n===")

    def items(self, items: tuple[Item, ...], level: int) -> None:
        for item in items:
            if isinstance(item, Section):
                if level > 6:
                    self.lose(item, "Argdown headings go 6 levels deep; written as a level-6 heading")
                self.out.append("#" * min(level, 6) + " " + _escape(item.title))
                self.items(item.items, level + 1)
            elif isinstance(item, Include):
                self.items(item.items, level)
            elif isinstance(item, Statement):
                self.statement(item)
            elif isinstance(item, (Source, Actor)):
                kind = "sources" if isinstance(item, Source) else "actors"
                self.lose(item, f"Argdown has no {kind}; statements keep the id in their data")
            elif isinstance(item, SchemeDefinition):
                self.lose(item, "Argdown cannot define schemes; its arguments keep the key as their inference rule")

    def statement(self, s: Statement) -> None:
        read_as = kind_from_place(*(s.id in self.roles[r] for r in ("concluded", "supports", "attacks")))
        if s.kind is not read_as:
            self.lose(s, f"the kind `{s.kind.value}`: Argdown has none (it reads back as `{read_as.value}`)")
        line = f"[{_title(s.id)}]: {_escape(s.text)}"
        if s.tags:
            line += " " + " ".join(f"#({t})" if not re.fullmatch(r"[\w-]+", t) else f"#{t}" for t in s.tags)
        data = {k: getattr(s, k) for k in _STATEMENT_DATA if getattr(s, k) is not None}
        if data:
            line += " " + _data(data)
            self.lose(s, f"{', '.join(f'`{k}`' for k in data)}: kept only as Argdown data")
        for key, _ in s.extra:
            self.lose(s, f"the unknown attribute `{key}`: Argdown has no place for it")
        self.out.append(line)

    def inference(self, inf: Inference) -> None:
        name = self.names[id(inf)]
        premises = [p for p in inf.premises if p in self.statement_ids]
        for p in inf.premises:
            if p not in self.statement_ids:
                self.lose(inf, f"the premise `{p}`: no statement has this id")
        for attr in ("by", "warrant"):
            if getattr(inf, attr) is not None:
                self.lose(inf, f"`{attr}`: Argdown has no place for it")
        if inf.tags:
            self.lose(inf, "its tags: Argdown arguments are written without them")
        if not premises:
            return
        if inf.kind is InferenceKind.UNDERCUT:
            target = self.by_key.get(inf.target or "")
            if target is None:
                self.lose(inf, f"the target `{inf.target}`: no inference has this id")
                return
            self.relation(name, premises, "_>", f"<{target}>", inf)
            return
        if inf.target not in self.statement_ids:
            self.lose(inf, f"the target `{inf.target}`: no statement has this id")
            return
        if inf.kind is InferenceKind.ATTACK:
            self.lose(inf, "an attack: Argdown does not tell rebut from undermine")
            self.relation(name, premises, "->", f"[{inf.target}]", inf)
            return
        if len(premises) == 1 and name not in self.undercut_names() and not inf.scheme and not inf.note:
            self.out.append(f"[{inf.target}]\n  + [{premises[0]}]")
            return
        self.pcs(name, premises, inf)

    def undercut_names(self) -> set[str]:
        return {self.by_key[k] for k in self.undercut if k in self.by_key}

    def pcs(self, name: str, premises: list[str], inf: Inference) -> None:
        head = f"<{name}>" + (f": {_escape(inf.note)}" if inf.note else "")
        lines = [f"({n}) [{p}]" for n, p in enumerate(premises, 1)]
        rule = f"-- {_escape(inf.scheme)} --" if inf.scheme else "----"
        lines += [rule, f"({len(premises) + 1}) [{inf.target}]"]
        if inf.label and inf.label != name:
            self.lose(inf, f"the label {inf.label!r}: the argument is titled by its id")
        self.out.append(head + "\n\n" + "\n".join(lines))

    def relation(self, name: str, premises: list[str], symbol: str, target: str, inf: Inference) -> None:
        """A one-premise relation as ``[p]`` / symbol / target; linked premises through an argument."""
        if len(premises) == 1 and name not in self.undercut_names():
            self.out.append(f"[{premises[0]}]\n  {symbol} {target}")
            return
        self.lose(inf, "linked premises of an attack or undercut: written as supports of an argument that does it")
        lines = [f"<{name}>: {_escape(inf.note or inf.scheme or name)}", f"  {symbol} {target}"]
        lines += [f"  <+ [{p}]" for p in premises]
        self.out.append("\n".join(lines))

    def contradiction(self, c: Contradiction) -> None:
        if c.note:
            self.lose(c, "`note`: Argdown has no place for it")
        if c.left in self.statement_ids and c.right in self.statement_ids:
            self.out.append(f"[{c.left}]\n  >< [{c.right}]")
        else:
            self.lose(c, "a side names no statement")


def _data(values: dict[str, str]) -> str:
    return "{" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items()) + "}"
