"""What hovering on an id shows: the element it names, in Markdown."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.language import CONTRADICTS, INFERENCE_WORDS, InferenceKind
from argmap.lsp.occurrences import scheme_key
from argmap.model import ArgumentMap, Inference, Section, Statement
from argmap.model.elements import Actor, Source, attribute_fields
from argmap.model.index import Named, index
from argmap.model.questions import scheme_named
from argmap.schemes import Scheme


def describe(m: ArgumentMap, ident: str) -> str | None:
    """Markdown about the element named ``ident`` (a scheme as ``scheme:KEY``), or None when nothing has that id."""
    key = scheme_key(ident)
    if key is not None:
        scheme = scheme_named(key, index(m))
        return _scheme(scheme) if scheme is not None else None
    element = index(m).by_id.get(ident)
    if element is None:
        return None
    if isinstance(element, Statement):
        return _statement(m, element)
    if isinstance(element, (Source, Actor)):
        return _declaration(m, element)
    if isinstance(element, Inference):
        return _inference(element)
    return _section(element) if isinstance(element, Section) else None


def _fields(element: Named) -> list[str]:
    lines = []
    for a in attribute_fields(type(element)):
        value = getattr(element, a.name)
        if value:
            shown = ", ".join(value) if isinstance(value, tuple) else value
            lines.append(f"- {a.name}: {shown}")
    return lines


def _statement(m: ArgumentMap, s: Statement) -> str:
    out = [f"**{s.kind.value}** `{s.id}`", "", s.text, "", *_fields(s)]
    relations = _relations(m, s.id)
    if relations:
        out += ["", "**Relations**", "", *relations]
    return "\n".join(out).rstrip() + "\n"


def _relations(m: ArgumentMap, ident: str) -> list[str]:
    ix = index(m)
    lines = []
    for inf in ix.inferences:
        verb = INFERENCE_WORDS[inf.kind].verb
        if ident in inf.premises and inf.target:
            others = [p for p in inf.premises if p != ident]
            lines.append(f"- {verb} `{inf.target}`" + (f" (with {_ids(others)})" if others else ""))
        if inf.target == ident and inf.premises:
            lines.append(f"- {_PASSIVE[inf.kind]} {_ids(inf.premises)}")
    for c in ix.contradictions:
        if ident in (c.left, c.right):
            lines.append(f"- {CONTRADICTS} `{c.right if c.left == ident else c.left}`")
    return lines


_PASSIVE = {
    InferenceKind.SUPPORT: "supported by",
    InferenceKind.ATTACK: "attacked by",
    InferenceKind.UNDERCUT: "undercut by",
}


def _ids(idents: Iterable[str]) -> str:
    return " + ".join(f"`{i}`" for i in idents)


def _declaration(m: ArgumentMap, d: Source | Actor) -> str:
    word = "source" if isinstance(d, Source) else "actor"
    name = d.title if isinstance(d, Source) else d.name
    key = "source" if isinstance(d, Source) else "by"
    citing = [e for e in index(m).elements if isinstance(e, (Statement, Inference)) and getattr(e, key, None) == d.id]
    statements = sum(isinstance(e, Statement) for e in citing)
    cited = f"cited by {statements} statement{'s' if statements != 1 else ''}"
    if len(citing) > statements:
        cited += f" and {len(citing) - statements} inference{'s' if len(citing) - statements != 1 else ''}"
    return "\n".join([f"**{word}** `{d.id}`", "", name, "", *_fields(d), "", cited]) + "\n"


def _inference(inf: Inference) -> str:
    words = INFERENCE_WORDS[inf.kind]
    head = f"**{words.keyword}** `{inf.id}`" + (f" “{inf.label}”" if inf.label else "")
    body = f"{_ids(inf.premises)} => `{inf.target}`" if inf.target else _ids(inf.premises)
    return "\n".join([head, "", body, "", *_fields(inf)]).rstrip() + "\n"


def _scheme(s: Scheme) -> str:
    where = "defined in this map" if s.origin == "map" else "from the catalogue (docs/schemes.md)"
    out = [f"**scheme** `{s.key}`: {s.name}", "", f"*{where}*", ""]
    out += [f"- premise: {p.text}" for p in s.premises]
    if s.conclusion:
        out.append(f"- conclusion: {s.conclusion}")
    if s.questions:
        out += ["", "**Critical questions**", ""]
        out += [f"- `{q.key}` ({q.type}): {q.text}" for q in s.questions]
    return "\n".join(out).rstrip() + "\n"


def _section(s: Section) -> str:
    count = sum(isinstance(i, Statement) for i in s.items)
    return f"**section** `{s.id}`\n\n{s.title}\n\n{count} statement{'s' if count != 1 else ''} directly inside\n"
