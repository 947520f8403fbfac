"""The typed model of an argument map: frozen attrs classes, and what derives from them.

:mod:`.elements` holds the classes; :mod:`.diagnostics` what the checker
reports about them; :mod:`.index` and :mod:`.relations` the lookups and the
resolved relations that the later stages share. Nothing here knows the syntax
of the language or how a map is drawn.
"""

from argmap.model.elements import (
    Actor,
    ArgumentMap,
    AttackKind,
    AttributeField,
    Contradiction,
    Element,
    Extra,
    Include,
    Inference,
    InferenceKind,
    Item,
    Parts,
    PartSpans,
    Preference,
    RelationKind,
    SchemeDefinition,
    SchemePremise,
    SchemeQuestion,
    Section,
    Source,
    Span,
    Statement,
    StatementKind,
    Value,
    attribute_fields,
    element_name,
    walk,
)

__all__ = [
    "Actor",
    "ArgumentMap",
    "AttackKind",
    "AttributeField",
    "Contradiction",
    "Element",
    "Extra",
    "Include",
    "Inference",
    "InferenceKind",
    "Item",
    "PartSpans",
    "Parts",
    "Preference",
    "RelationKind",
    "SchemeDefinition",
    "SchemePremise",
    "SchemeQuestion",
    "Section",
    "Source",
    "Span",
    "Statement",
    "StatementKind",
    "Value",
    "attribute_fields",
    "element_name",
    "walk",
]
