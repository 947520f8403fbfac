"""References: every id is declared once and names the right kind of element."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from argmap.language import INFERENCE_WORDS, RESERVED, is_id, shorthand, written
from argmap.model import (
    Actor,
    ArgumentMap,
    Element,
    Inference,
    InferenceKind,
    Section,
    Source,
    Span,
    Statement,
)
from argmap.model.diagnostics import Diagnostic, Related
from argmap.model.index import MapIndex, Named
from argmap.suggest import did_you_mean, only_match


def what(element: Named) -> str:
    """Name the kind of an element for messages: "a statement", "an inference"..."""
    if isinstance(element, Statement):
        return f"{element.kind.value} (a statement)"
    if isinstance(element, Inference):
        return INFERENCE_WORDS[element.kind].with_article
    if isinstance(element, Source):
        return "a source"
    if isinstance(element, Actor):
        return "an actor"
    if isinstance(element, Section):
        return "a section"
    return "a contradiction"


def describe(inf: Inference) -> str:
    """How the author wrote an inference, for messages: the shorthand, or the keyword and id.

    Example:
        >>> describe(Inference.attack(("o",), "t", shorthand=True)), describe(Inference.support(("a",), "t"))
        ('`o attacks t`', 'this `argument`')
    """
    if inf.shorthand and len(inf.premises) == 1 and inf.target is not None:
        return written(inf.kind, inf.premises, inf.target, short=True)
    keyword = INFERENCE_WORDS[inf.kind].keyword
    return f"`{keyword} {inf.id}`" if inf.id else f"this `{keyword}`"


def duplicate_ids(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E110: an id declared more than once; every later place points to the first."""
    for ident, elements in ix.duplicates.items():
        first = elements[0]
        for later in elements[1:]:
            yield Diagnostic.make(
                "E110",
                f"duplicate id `{ident}`: already declared as {what(first)}",
                later.span_of("id"),
                "every statement, inference, source, actor and section needs its own id",
                (Related(first.span_of("id"), f"`{ident}` is first declared here"),),
            )


def id_forms(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E111: ids that are reserved words, or that could not be written in a file."""
    for element in (*ix.by_id.values(), *(e for dup in ix.duplicates.values() for e in dup[1:])):
        ident = getattr(element, "id", None)
        if ident is None:
            continue
        if ident in RESERVED:
            yield Diagnostic.make(
                "E111",
                f"`{ident}` is a reserved word and cannot be an id",
                element.span_of("id"),
                f"choose another id, e.g. `{ident}_1`",
            )
        elif not is_id(ident):
            yield Diagnostic.make(
                "E111",
                f'"{ident}" is not a valid id',
                element.span_of("id"),
                "an id starts with a letter or `_` and goes on with letters, digits, `_` and `-`",
            )


def statement_ref(ix: MapIndex, ident: str, part: str, role: str, owner: Element) -> Diagnostic | None:
    """E101 when ``ident`` names no statement; None when it does."""
    if ident in ix.statements:
        return None
    span = owner.span_of(part)
    other = ix.by_id.get(ident)
    if other is not None:
        hint = "to dispute an inference use `undercuts`" if isinstance(other, Inference) else None
        return Diagnostic.make("E101", f"{role} must be a statement, but `{ident}` is {what(other)}", span, hint)
    hint = did_you_mean(ident, ix.statements)
    fix = only_match(ident, ix.statements)
    return Diagnostic.make("E101", f"unknown statement `{ident}` ({role})", span, hint, fix=fix)


def _sound(ix: MapIndex, inf: Inference) -> bool:
    """The common case, checked fast: premises and target exist and are of the right kind."""
    statements = ix.statements
    if not inf.premises or inf.target is None or inf.target in inf.premises:
        return False
    if not all(p in statements for p in inf.premises):
        return False
    if INFERENCE_WORDS[inf.kind].aims_at == "inference":
        return inf.target in ix.named and inf.target != inf.id
    return inf.target in statements


def inferences(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E101, E102, E120-E124: the premises and target of every inference."""
    for inf in ix.inferences:
        if _sound(ix, inf):
            continue
        name = describe(inf)
        if not inf.premises:
            yield Diagnostic.make(
                "E120",
                f"{name} has no premises: expected at least one statement id before `=>`",
                inf.span_of("keyword"),
                "write the premises joined by `+`, e.g. `p1 + p2 => c`",
            )
        if inf.target is None:
            yield Diagnostic.make(
                "E120",
                f"{name} has no conclusion: expected `=> id` after the premises",
                inf.span_of("target"),
                "name what the premises lead to, e.g. `p1 + p2 => c`",
            )
        for i, premise in enumerate(inf.premises):
            problem = statement_ref(ix, premise, f"premise:{i}", f"a premise of {name}", inf)
            if problem is not None:
                yield problem
        if inf.target is not None:
            yield from _target(ix, inf, name)


def _target(ix: MapIndex, inf: Inference, name: str) -> Iterator[Diagnostic]:
    target = inf.target
    assert target is not None
    premise = inf.premises[0] if inf.premises else "x"
    span = inf.span_of("target")
    other = ix.by_id.get(target)
    words = INFERENCE_WORDS[inf.kind]
    if words.aims_at == "inference":
        if isinstance(other, Statement):
            yield Diagnostic.make(
                "E123",
                f"{name} aims at `{target}`, which is a statement; {words.noun}s aim at inferences and relations",
                span,
                f"to dispute the statement itself write `{shorthand(InferenceKind.ATTACK, premise, target)}`",
            )
        elif target == inf.id:
            yield Diagnostic.make("E122", f"{name} {words.verb} itself", span)
        elif not isinstance(other, Inference):
            found = f"`{target}` is {what(other)}" if other is not None else f"no inference is named `{target}`"
            yield Diagnostic.make(
                "E102",
                f"{name} aims at an unknown inference: {found}",
                span,
                did_you_mean(target, ix.named) or "give the inference an id, e.g. `argument a1: p => c`",
                fix=only_match(target, ix.named) if other is None else None,
            )
        return
    if isinstance(other, Inference):
        yield Diagnostic.make(
            "E124",
            f"{name} {words.verb} `{target}`, which is {what(other)}; only statements can be {words.participle}",
            span,
            f"to deny that `{target}` holds, write `{shorthand(InferenceKind.UNDERCUT, premise, target)}`",
        )
        return
    problem = statement_ref(ix, target, "target", f"the conclusion of {name}", inf)
    if problem is not None:
        yield problem
        return
    if target in inf.premises:
        yield _self_reference(inf, name, target, span)


def _self_reference(inf: Inference, name: str, target: str, span: Span | None) -> Diagnostic:
    """E121, E122: a statement that supports or attacks itself through an inference."""
    words = INFERENCE_WORDS[inf.kind]
    hint = f"a statement cannot {words.infinitive} itself"
    if words.polarity == "for":
        message = f"{name} concludes `{target}`, which is also one of its premises"
        return Diagnostic.make("E121", message, span, hint)
    return Diagnostic.make("E122", f"{name}: `{target}` {words.verb} itself", span, hint)


def contradictions(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E101, E122: both sides of every contradiction are statements, and differ."""
    for con in ix.contradictions:
        for part, ident in (("left", con.left), ("right", con.right)):
            problem = statement_ref(ix, ident, part, "a side of a contradiction", con)
            if problem is not None:
                yield problem
        if con.left == con.right:
            yield Diagnostic.make(
                "E122",
                f"`{con.left}` contradicts itself",
                con.span_of("right"),
                "a contradiction needs two different statements",
            )


def attributions(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E103, E104: `source:` names a source, `by:` names an actor, `about` names a source."""
    for st in ix.statements.values():
        if st.source is not None and st.source not in ix.sources and is_id(st.source):
            yield _unknown(ix, "E103", "source", st.source, st.span_of("attr:source"), ix.sources)
    attributed: list[Statement | Inference] = [*ix.statements.values(), *ix.inferences]
    for element in attributed:
        if element.by is not None and element.by not in ix.actors and is_id(element.by):
            yield _unknown(ix, "E104", "actor", element.by, element.span_of("attr:by"), ix.actors)
    if m.about is not None and m.about not in ix.sources:
        span = dict(m.header_spans).get("about")
        yield _unknown(ix, "E103", "source", m.about, span, ix.sources)


def _unknown(
    ix: MapIndex, code: str, kind: str, ident: str, span: Span | None, pool: Mapping[str, object]
) -> Diagnostic:
    other = ix.by_id.get(ident)
    if other is not None:
        key = "by" if kind == "source" else "source"
        hint = f"did you mean `{key}: {ident}`?" if isinstance(other, (Source, Actor)) else None
        return Diagnostic.make(
            code, f"expected {'an' if kind == 'actor' else 'a'} {kind} id, but `{ident}` is {what(other)}", span, hint
        )
    return Diagnostic.make(
        code,
        f"unknown {kind} `{ident}`",
        span,
        did_you_mean(ident, pool) or f'declare it first, e.g. `{kind} {ident} "..."`',
        fix=only_match(ident, pool),
    )
