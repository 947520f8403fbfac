"""The checker's rules, one module per family of diagnostics.

Each rule is a function ``(map, index) -> Iterator[Diagnostic]``; ``RULES``
lists them in the order they run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from argmap.checks import attributes, content, graph, preferences, references, schemes
from argmap.model import ArgumentMap
from argmap.model.diagnostics import Diagnostic
from argmap.model.index import MapIndex

Rule = Callable[[ArgumentMap, MapIndex], Iterator[Diagnostic]]

RULES: tuple[Rule, ...] = (
    references.duplicate_ids,
    references.id_forms,
    references.inferences,
    references.contradictions,
    references.attributions,
    preferences.names,
    preferences.cycles,
    attributes.values,
    attributes.extras,
    graph.circular_support,
    graph.connection,
    graph.duplicate_relations,
    graph.support_and_contradiction,
    content.unsourced_evidence,
    content.unused_declarations,
    content.duplicate_texts,
    preferences.never_matters,
    schemes.definitions,
    schemes.unknown_schemes,
    schemes.missing_premises,
    schemes.questions,
    content.empty_map,
)
