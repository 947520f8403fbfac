"""Schemes and critical questions: W213, W214, E135, and W215 on request.

See :mod:`argmap.model.questions` for how a ``raises:`` or ``answers:`` finds
the inference whose question it is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from argmap.language import written
from argmap.model import ArgumentMap, Inference, InferenceKind
from argmap.model.diagnostics import Diagnostic
from argmap.model.index import MapIndex
from argmap.model.questions import answered_on, raised_on, scheme_of
from argmap.model.questions import questions as question_states
from argmap.schemes import catalogue
from argmap.suggest import did_you_mean


def unknown_schemes(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W213: a ``scheme:`` that the catalogue does not know."""
    keys = catalogue().keys()
    for i in ix.inferences:
        if i.scheme is None or scheme_of(i) is not None:
            continue
        written = i.scheme.strip().lower().replace(" ", "_").replace("-", "_")
        hint = did_you_mean(written, keys) or "see docs/schemes.md for the schemes argmap knows"
        yield Diagnostic.make(
            "W213", f"unknown scheme `{i.scheme}`: the catalogue has no such key", i.span_of("attr:scheme"), hint
        )


def missing_premises(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W214: a scheme premise marked with a tag in the catalogue, and no premise of the inference tagged so."""
    for i in ix.inferences:
        scheme = scheme_of(i)
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
    known = [q.key for a in aimed if (s := scheme_of(a)) is not None for q in s.questions]
    if aimed and known:
        where = ", ".join(f"`{a.scheme}`" for a in aimed if a.scheme)
        hint = did_you_mean(question, known) or f"the questions of {where} are: {', '.join(dict.fromkeys(known))}"
    elif key == "answers":
        hint = "answer a question by attacking or undercutting what raises it, or by supporting its premise"
    else:
        hint = "give the inference it aims at a `scheme:` from the catalogue (docs/schemes.md)"
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

    ``schemes`` holds catalogue keys, or ``all``. Only ``argmap check --require-questions`` asks for this.
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
