"""Schemes and critical questions: W213, W214, E135, the map's own schemes (E136-E138, W218), and W215 on request.

See :mod:`argmap.model.questions` for how a ``raises:`` or ``answers:`` finds
the inference whose question it is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from argmap.language import QUESTION_TYPES, written
from argmap.model import ArgumentMap, Inference, InferenceKind, SchemeDefinition
from argmap.model.diagnostics import Diagnostic, Related
from argmap.model.index import MapIndex
from argmap.model.questions import answered_on, raised_on, scheme_of
from argmap.model.questions import questions as question_states
from argmap.schemes import catalogue
from argmap.suggest import did_you_mean


def unknown_schemes(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W213: a ``scheme:`` that neither the map nor the catalogue defines."""
    keys = (*ix.schemes, *catalogue().keys())
    for i in ix.inferences:
        if i.scheme is None or scheme_of(i, ix) is not None:
            continue
        written = i.scheme.strip().lower().replace(" ", "_").replace("-", "_")
        hint = (
            did_you_mean(written, keys)
            or 'see docs/schemes.md for the schemes argmap knows, or define one: `scheme key "Name" { ... }`'
        )
        where = "neither the map nor the catalogue has such a key" if ix.schemes else "the catalogue has no such key"
        yield Diagnostic.make("W213", f"unknown scheme `{i.scheme}`: {where}", i.span_of("attr:scheme"), hint)


def definitions(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E136, E137, E138, W218: the schemes a map defines.

    E136 a scheme key defined twice; E137 a question key given twice in one
    scheme; E138 a question whose type is not premise, exception or
    assumption; W218 a map's scheme with the key of a catalogue scheme, which
    it hides.
    """
    for key, found in ix.scheme_duplicates.items():
        first = found[0]
        for again in found[1:]:
            yield Diagnostic.make(
                "E136",
                f"scheme `{key}` is defined twice",
                again.span_of("id"),
                "give one of them another key, or remove it",
                (Related(first.span_of("id"), "first defined here"),),
            )
    for d in m.schemes():
        yield from _asked(d)
        hidden = catalogue().get(d.key)
        if hidden is not None and ix.schemes.get(d.key) is d:
            yield Diagnostic.make(
                "W218",
                f"scheme `{d.key}` hides the catalogue's scheme of that key ({hidden.name})",
                d.span_of("id"),
                "give the map's scheme a key of its own, unless it means to replace the catalogue's",
            )


def _asked(d: SchemeDefinition) -> Iterator[Diagnostic]:
    """E137 and E138: a question key given twice, a question type argmap does not know."""
    seen: dict[str, int] = {}
    types = ", ".join(QUESTION_TYPES)
    for n, q in enumerate(d.questions):
        if q.key in seen:
            yield Diagnostic.make(
                "E137",
                f"scheme `{d.key}` asks question `{q.key}` twice",
                d.span_of(f"question:{n}"),
                "give each question of a scheme its own key: `raises:` and `answers:` name it",
                (Related(d.span_of(f"question:{seen[q.key]}"), "first asked here"),),
            )
        seen.setdefault(q.key, n)
        if q.type not in QUESTION_TYPES:
            yield Diagnostic.make(
                "E138",
                f"question `{q.key}` of scheme `{d.key}` has type `{q.type}`, not one of {types}",
                d.span_of(f"question-type:{n}"),
                did_you_mean(q.type, QUESTION_TYPES) or f"a question's type is one of {types}",
            )


def missing_premises(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W214: a scheme premise marked with a tag in the catalogue, and no premise of the inference tagged so."""
    for i in ix.inferences:
        scheme = scheme_of(i, ix)
        if scheme is None or i.kind is not InferenceKind.SUPPORT:
            continue
        tags = {t for p in i.premises if (s := ix.statements.get(p)) is not None for t in s.tags}
        for premise in scheme.premises:
            if premise.tag and premise.tag not in tags:
                yield Diagnostic.make(
                    "W214",
                    f"{_name(i)} argues by `{scheme.key}` but no premise is tagged `{premise.tag}`",
                    i.span_of("attr:scheme"),
                    f"add a premise such as “{premise.text}” with `tags: [{premise.tag}]`",
                )


def questions(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """E135: a ``raises:`` or ``answers:`` that names no question of the inference it aims at."""
    for i in ix.inferences:
        if i.raises is not None and i.target is not None and not raised_on(i, ix):
            yield _unknown(i, "raises", i.raises, ix)
        if i.answers is not None and i.target is not None and not answered_on(i, ix):
            yield _unknown(i, "answers", i.answers, ix)


def _unknown(i: Inference, key: str, question: str, ix: MapIndex) -> Diagnostic:
    aimed = _aimed_at(i, ix)
    known = [q.key for a in aimed if (s := scheme_of(a, ix)) is not None for q in s.questions]
    if aimed and known:
        where = ", ".join(f"`{a.scheme}`" for a in aimed if a.scheme)
        hint = did_you_mean(question, known) or f"the questions of {where} are: {', '.join(dict.fromkeys(known))}"
    elif key == "answers":
        hint = "answer a question by attacking or undercutting what raises it, or by supporting its premise"
    else:
        hint = "give the inference it aims at a `scheme:` from the catalogue (docs/schemes.md) or the map's own"
    message = f"`{key}: {question}` names no critical question of what {_name(i)} aims at"
    return Diagnostic.make("E135", message, i.span_of(f"attr:{key}"), hint)


def _aimed_at(i: Inference, ix: MapIndex) -> list[Inference]:
    """The inferences whose questions ``i`` could be about."""
    t = i.target
    if i.kind is InferenceKind.UNDERCUT:
        owner = ix.named.get(t or "")
        return [owner] if owner is not None else []
    return [o for o in ix.inferences if o is not i and (t in o.premises or o.target == t)]


def _name(i: Inference) -> str:
    return written(i.kind, i.premises, i.target, i.id, short=i.shorthand)


def open_questions(m: ArgumentMap, schemes: Collection[str]) -> Iterator[Diagnostic]:
    """W215: each question nobody raised or answered, of the inferences whose scheme is in ``schemes``.

    ``schemes`` holds scheme keys (the catalogue's or the map's), or ``all``. Only
    ``argmap check --require-questions`` asks for this.
    """
    for iq in question_states(m):
        if "all" not in schemes and iq.scheme.key not in schemes:
            continue
        for q in iq.open():
            yield Diagnostic.make(
                "W215",
                f"nobody asked {_name(iq.inference)} the `{iq.scheme.key}` question `{q.question.key}`",
                iq.inference.span_of("attr:scheme"),
                f"{q.question.text} Raise it (`raises: {q.question.key}`) or answer it (`answers: {q.question.key}`)",
            )
