"""Relations: the resolved edges of a map, with rebut and undermine told apart.

An :class:`~argmap.model.Inference` is what the author wrote; a
:class:`Relation` is what it means in the map. An attack on a statement that
some inference concludes is a *rebuttal*; an attack on a statement that
nothing concludes (a premise) is an *undermining*. Contradictions are
symmetric relations between two statements.

Example:
    >>> import argmap
    >>> m = argmap.loads('''
    ... thesis t "T"  claim p "P"  objection o "O"  objection q "Q"
    ... p supports t
    ... o attacks t
    ... q attacks p
    ... ''')
    >>> [(r.kind.value, r.premises, r.target, r.attack.value) for r in argmap.relations(m) if r.attack]
    [('attack', ('o',), 't', 'rebut'), ('attack', ('q',), 'p', 'undermine')]
"""

from __future__ import annotations

from attrs import frozen

from argmap.language import INFERENCE_WORDS
from argmap.model.elements import ArgumentMap, AttackKind, Contradiction, Inference, InferenceKind, RelationKind, Span
from argmap.model.index import index


def relation_kind(kind: InferenceKind) -> RelationKind:
    """The relation an inference of this kind makes: what it aims at and whether it is for or against it."""
    words = INFERENCE_WORDS[kind]
    if words.aims_at == "inference":
        return RelationKind.UNDERCUT
    return RelationKind.SUPPORT if words.polarity == "for" else RelationKind.ATTACK


@frozen
class Relation:
    """One relation: premises (or one side of a contradiction) to a target.

    Attributes:
        kind: support, attack, undercut or contradiction.
        premises: the statements the relation starts from.
        target: a statement id, or for an undercut the key of an inference.
        inference: the key of the inference it comes from (None for contradictions).
        attack: rebut or undermine, for attacks only.
        span: where it was written.
    """

    kind: RelationKind
    premises: tuple[str, ...]
    target: str
    inference: str | None = None
    attack: AttackKind | None = None
    span: Span | None = None


def attack_kind(m: ArgumentMap, inference: Inference) -> AttackKind | None:
    """Rebut or undermine for an attack; None for anything else."""
    if relation_kind(inference.kind) is not RelationKind.ATTACK:
        return None
    concluded = m.cache.get("concluded")
    if not isinstance(concluded, set):
        concluded = m.cache["concluded"] = index(m).concluded()
    return AttackKind.REBUT if inference.target in concluded else AttackKind.UNDERMINE


def relations(m: ArgumentMap) -> list[Relation]:
    """Every relation of the map, in written order."""
    out: list[Relation] = []
    for element in m.elements():
        if isinstance(element, Inference) and element.target is not None:
            out.append(
                Relation(
                    relation_kind(element.kind),
                    element.premises,
                    element.target,
                    element.key,
                    attack_kind(m, element),
                    element.span,
                )
            )
        elif isinstance(element, Contradiction):
            out.append(Relation(RelationKind.CONTRADICTION, (element.left,), element.right, span=element.span))
    return out
