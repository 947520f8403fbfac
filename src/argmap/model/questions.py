"""Critical questions of a map: each inference's scheme, and which of its questions were raised or answered.

An inference names its scheme with ``scheme: key``: a scheme the map defines
(``scheme key "Name" { ... }``), or else a key of the catalogue (see
docs/schemes.md). A map's own scheme comes first, so it may redefine a
catalogue key (the checker warns, W218). An attack or undercut that says ``raises: q`` raises
question ``q``:

- an undercut raises it of the inference it undercuts;
- an attack raises it of every inference that has the attacked statement as a
  premise or conclusion and whose scheme has a question ``q``.

An inference that says ``answers: q`` answers question ``q``:

- an attack or undercut answers it where it aims at an inference that raises
  ``q``, or at a premise of one: it answers that raising;
- a support answers it of every inference that has the supported statement as
  a premise and whose scheme has a question ``q`` (backing the premise the
  question asks about).

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ...   thesis t "T"  claim e "E says T" { tags: [expertise] }
    ...   argument a: e => t { scheme: expert_opinion }
    ...   objection o "E is paid by the maker"
    ...   o undercuts a { raises: trustworthiness }''')
    >>> [(q.question.key, q.state) for q in questions(m)[0].questions][:4]
    [('expertise', 'open'), ('field', 'open'), ('opinion', 'open'), ('trustworthiness', 'raised')]
"""

from __future__ import annotations

from typing import Literal

from attrs import frozen

from argmap.language import QUESTION_TYPES
from argmap.model.elements import ArgumentMap, Inference, InferenceKind, SchemeDefinition
from argmap.model.index import MapIndex, index
from argmap.schemes import PremiseTemplate, Question, Scheme, catalogue

State = Literal["open", "raised", "answered"]


@frozen
class QuestionState:
    """One critical question of one inference, and the inferences that raise and answer it."""

    question: Question
    raised_by: tuple[Inference, ...] = ()
    answered_by: tuple[Inference, ...] = ()

    @property
    def state(self) -> State:
        """``answered`` once anything answers it, else ``raised`` once anything raises it, else ``open``."""
        if self.answered_by:
            return "answered"
        return "raised" if self.raised_by else "open"


@frozen
class InferenceQuestions:
    """An inference with a known scheme, and the state of each of its critical questions."""

    inference: Inference
    scheme: Scheme
    questions: tuple[QuestionState, ...]

    def open(self) -> tuple[QuestionState, ...]:
        """The questions nobody raised or answered."""
        return tuple(q for q in self.questions if q.state == "open")


def defined(definition: SchemeDefinition) -> Scheme:
    """A scheme the map defines, as a scheme of the catalogue is held (``origin`` is ``map``).

    A question whose type is none of :data:`argmap.language.QUESTION_TYPES` is
    left out: the checker reports it (E138), and no one can raise it meanwhile.
    """
    return Scheme(
        definition.key,
        definition.name,
        tuple(PremiseTemplate(p.text, p.tag) for p in definition.premises),
        definition.conclusion or "",
        tuple(Question(q.key, q.text, q.type) for q in definition.questions if q.type in QUESTION_TYPES),
        definition.reference or "",
        origin="map",
    )


def map_schemes(ix: MapIndex) -> dict[str, Scheme]:
    """The schemes the map of ``ix`` defines, by key (the first definition of a key), made once per map."""
    cached = ix.map.cache.get("schemes")
    if isinstance(cached, dict):
        return cached
    made = {key: defined(d) for key, d in ix.schemes.items()}
    ix.map.cache["schemes"] = made
    return made


def scheme_of(inference: Inference, ix: MapIndex) -> Scheme | None:
    """The scheme an inference names: the map's own of that key, else the catalogue's, else None."""
    return scheme_named(inference.scheme, ix) if inference.scheme else None


def scheme_named(key: str, ix: MapIndex) -> Scheme | None:
    """The scheme a key names in this map: the map's own, else the catalogue's."""
    return map_schemes(ix).get(key) or catalogue().get(key)


def raised_on(inference: Inference, ix: MapIndex) -> list[Inference]:
    """The inferences whose question ``inference.raises`` is raised of (empty when it raises none)."""
    if inference.raises is None:
        return []
    return _owners(inference, inference.raises, ix)


def answered_on(inference: Inference, ix: MapIndex) -> list[tuple[Inference, Inference | None]]:
    """``(owner, raiser)`` pairs: whose question ``inference.answers`` answers, and which raising it replies to."""
    q = inference.answers
    if q is None or inference.target is None:
        return []
    if inference.kind is InferenceKind.SUPPORT:
        return [(o, None) for o in _premise_owners(inference.target, q, ix)]
    out: list[tuple[Inference, Inference | None]] = []
    for raiser in ix.inferences:
        if raiser.raises != q:
            continue
        if inference.target == raiser.id or inference.target in raiser.premises:
            out += [(owner, raiser) for owner in raised_on(raiser, ix)]
    return out


def _owners(raiser: Inference, q: str, ix: MapIndex) -> list[Inference]:
    target = raiser.target
    if target is None:
        return []
    if raiser.kind is InferenceKind.UNDERCUT:
        owner = ix.named.get(target)
        return [owner] if owner is not None and _has(owner, q, ix) else []
    return [
        i for i in ix.inferences if i is not raiser and (target in i.premises or i.target == target) and _has(i, q, ix)
    ]


def _premise_owners(statement: str, q: str, ix: MapIndex) -> list[Inference]:
    return [i for i in ix.inferences if statement in i.premises and _has(i, q, ix)]


def _has(inference: Inference, q: str, ix: MapIndex) -> bool:
    scheme = scheme_of(inference, ix)
    return scheme is not None and scheme.question(q) is not None


def questions(m: ArgumentMap) -> list[InferenceQuestions]:
    """Every inference whose scheme is known (the map's or the catalogue's), in order, with its questions' states."""
    cached = m.cache.get("questions")
    if isinstance(cached, list):
        return cached
    ix = index(m)
    raised: dict[tuple[int, str], list[Inference]] = {}
    answered: dict[tuple[int, str], list[Inference]] = {}
    for i in ix.inferences:
        for owner in raised_on(i, ix):
            raised.setdefault((id(owner), i.raises or ""), []).append(i)
        for owner, _ in answered_on(i, ix):
            answered.setdefault((id(owner), i.answers or ""), []).append(i)
    out = []
    for i in ix.inferences:
        scheme = scheme_of(i, ix)
        if scheme is None:
            continue
        states = tuple(
            QuestionState(q, tuple(raised.get((id(i), q.key), ())), tuple(answered.get((id(i), q.key), ())))
            for q in scheme.questions
        )
        out.append(InferenceQuestions(i, scheme, states))
    m.cache["questions"] = out
    return out
