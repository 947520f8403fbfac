"""Read the catalogue of argumentation schemes into frozen classes.

Example:
    >>> from argmap.schemes import catalogue
    >>> s = catalogue().get("expert_opinion")
    >>> s.name, [q.key for q in s.questions][:2]
    ('Argument from expert opinion', ['expertise', 'field'])
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from attrs import field, frozen

from argmap.language import QUESTION_TYPES, QuestionType


class CatalogueError(ValueError):
    """The catalogue data is malformed (a packaging or editing mistake, never the user's map)."""


@frozen
class Question:
    """A critical question of a scheme: a stable key, its text and its type."""

    key: str
    text: str
    type: QuestionType


@frozen
class PremiseTemplate:
    """A premise of a scheme; ``tag`` marks a premise the checker looks for in a map."""

    text: str
    tag: str | None = None


@frozen
class Scheme:
    """An argumentation scheme: premises, conclusion, critical questions and a reference.

    ``origin`` is ``catalogue`` for a scheme shipped with argmap and ``map`` for one a map defines.
    """

    key: str
    name: str
    premises: tuple[PremiseTemplate, ...]
    conclusion: str
    questions: tuple[Question, ...]
    reference: str
    origin: str = field(default="catalogue")

    def question(self, key: str) -> Question | None:
        """The question with this key, or None."""
        return next((q for q in self.questions if q.key == key), None)

    @property
    def required_tags(self) -> tuple[str, ...]:
        """Tags of the premises the checker expects a map to state (see W213)."""
        return tuple(p.tag for p in self.premises if p.tag)


@frozen
class Catalogue:
    """Every scheme, in the order of the data, and the works they cite."""

    schemes: tuple[Scheme, ...]
    references: tuple[tuple[str, str], ...]
    about: str = ""

    def get(self, key: str) -> Scheme | None:
        """The scheme with this key, or None."""
        return next((s for s in self.schemes if s.key == key), None)

    def keys(self) -> tuple[str, ...]:
        """Every scheme key, in order."""
        return tuple(s.key for s in self.schemes)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The catalogue shipped with argmap (read once).

    Raises:
        CatalogueError: when the data is malformed.
    """
    text = resources.files("argmap.schemes").joinpath("catalogue.json").read_text(encoding="utf-8")
    return parse(json.loads(text))


def parse(data: dict[str, Any]) -> Catalogue:
    """Build a catalogue from its JSON data.

    Raises:
        CatalogueError: naming the scheme and what is wrong.
    """
    references = {str(k): str(v) for k, v in data.get("references", {}).items()}
    schemes = tuple(_scheme(raw, references) for raw in data.get("schemes", ()))
    return Catalogue(schemes, tuple(references.items()), str(data.get("about", "")))


def _scheme(raw: dict[str, Any], references: dict[str, str]) -> Scheme:
    key = str(raw.get("key", ""))
    try:
        ref = raw["reference"]
        work = references[ref["work"]]
        questions = tuple(_question(q) for q in raw["questions"])
        premises = tuple(PremiseTemplate(str(p["text"]), p.get("tag")) for p in raw["premises"])
        return Scheme(key, str(raw["name"]), premises, str(raw["conclusion"]), questions, f"{work} {ref['where']}.")
    except (KeyError, TypeError) as exc:
        raise CatalogueError(f"scheme {key or '?'}: missing or malformed {exc}") from None


def _question(raw: dict[str, Any]) -> Question:
    kind = raw["type"]
    if kind not in QUESTION_TYPES:
        raise CatalogueError(f"question {raw.get('key')}: type {kind!r} is not one of {', '.join(QUESTION_TYPES)}")
    return Question(str(raw["key"]), str(raw["text"]), kind)
