"""Look-up tables over a map: every id, and what each element is.

All ids share one namespace: statements, inferences, sources, actors and
sections. The index is built once per map and shared by the checker, the
evaluator and the layout.
"""

from __future__ import annotations

from argmap.language import INFERENCE_WORDS
from argmap.model.elements import (
    Actor,
    ArgumentMap,
    Contradiction,
    Element,
    Include,
    Inference,
    Preference,
    SchemeDefinition,
    Section,
    Source,
    Statement,
    walk,
)

Named = Element | Section


class MapIndex:
    """Ids and elements of one map.

    Attributes:
        by_id: the first element declared under each id.
        duplicates: for each id declared more than once, every declaration.
        statements: statements by id (first declaration).
        inferences: every inference in order; ``named`` holds those with an id.
        keys: every inference by its key (:attr:`Inference.key`); the first inference wins a
            shared key. Its aliases (:meth:`Inference.aliases`) are looked up by
            :meth:`inference`, in a table made on the first name that is no key.
        section_of: the innermost section of each statement and inference, by id.
        elements: every element, sections and includes left out, in written order.
        schemes: the schemes the map defines, by key (first definition); scheme keys
            have a namespace of their own.
        scheme_duplicates: for each scheme key defined more than once, every definition.
    """

    def __init__(self, m: ArgumentMap) -> None:
        self.map = m
        self.by_id: dict[str, Named] = {}
        self.duplicates: dict[str, list[Named]] = {}
        self.statements: dict[str, Statement] = {}
        self.sources: dict[str, Source] = {}
        self.actors: dict[str, Actor] = {}
        self.named: dict[str, Inference] = {}
        self.inferences: list[Inference] = []
        self.keys: dict[str, Inference] = {}
        self.contradictions: list[Contradiction] = []
        self.preferences: list[Preference] = []
        self.sections: list[Section] = []
        self.section_of: dict[str, Section] = {}
        #: Every element (not sections or includes), in written order.
        self.elements: list[Element] = []
        self.schemes: dict[str, SchemeDefinition] = {}
        self.scheme_duplicates: dict[str, list[SchemeDefinition]] = {}
        self._aliases: dict[str, Inference] | None = None
        for item, section in walk(m.items):
            if not isinstance(item, (Section, Include)):
                self.elements.append(item)
            if isinstance(item, Inference):
                self.inferences.append(item)
                self.keys.setdefault(item.key, item)
                if section is not None:
                    self.section_of.setdefault(item.key, section)
            elif isinstance(item, Contradiction):
                self.contradictions.append(item)
            elif isinstance(item, Preference):
                self.preferences.append(item)
            elif isinstance(item, Section):
                self.sections.append(item)
            elif isinstance(item, SchemeDefinition):
                first = self.schemes.setdefault(item.key, item)
                if first is not item:
                    self.scheme_duplicates.setdefault(item.key, [first]).append(item)
            if isinstance(item, Statement) and section is not None:
                self.section_of.setdefault(item.id, section)
            ident = getattr(item, "id", None)
            if ident is not None:
                self._declare(ident, item)  # type: ignore[arg-type]

    def _declare(self, ident: str, item: Named) -> None:
        first = self.by_id.get(ident)
        if first is not None:
            self.duplicates.setdefault(ident, [first]).append(item)
            return
        self.by_id[ident] = item
        if isinstance(item, Statement):
            self.statements[ident] = item
        elif isinstance(item, Source):
            self.sources[ident] = item
        elif isinstance(item, Actor):
            self.actors[ident] = item
        elif isinstance(item, Inference):
            self.named[ident] = item

    def inference(self, name: str) -> Inference | None:
        """The inference a name refers to: its id, its key, or an alias of its key; else None."""
        found = self.named.get(name)
        if found is None:
            found = self.keys.get(name)
        return found if found is not None else self._alias_table().get(name)

    def _alias_table(self) -> dict[str, Inference]:
        """Every inference by each of its aliases (the first wins), made when first needed.

        Most maps never name an inference by an older spelling, and making the
        spellings of every inference is a good part of the index's cost.
        """
        if self._aliases is None:
            self._aliases = {}
            for inference in self.inferences:
                for alias in inference.aliases():
                    self._aliases.setdefault(alias, inference)
        return self._aliases

    def concluded(self) -> set[str]:
        """Statements that some inference for a statement (a support) concludes."""
        return {i.target for i in self.inferences if i.target and INFERENCE_WORDS[i.kind].polarity == "for"}


def index(m: ArgumentMap) -> MapIndex:
    """The index of ``m``, built once and cached on the map."""
    cached = m.cache.get("index")
    if not isinstance(cached, MapIndex):
        cached = m.cache["index"] = MapIndex(m)
    return cached
