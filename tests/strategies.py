"""Hypothesis strategies: random maps (as models) and random near-map text."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.language import QUESTION_TYPES, RESERVED, SCHEME_WORDS, TERMINALS, Form, assert_never
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Inference,
    InferenceKind,
    Item,
    Preference,
    SchemeDefinition,
    SchemePremise,
    SchemeQuestion,
    Section,
    Source,
    Statement,
    StatementKind,
    attribute_fields,
    element_name,
)
from argmap.syntax.values import SCHEMAS

# Ids that look like keywords, use hyphens and non-ASCII letters, or are short.
ID_POOL = ["a", "b", "c", "t1", "claim_1", "source_a", "dated", "supports_x", "é-2", "Ω", "_x", "p-q", "argument_"]
ids = st.sampled_from(ID_POOL) | st.from_regex(r"[a-z_][a-z0-9_-]{0,6}", fullmatch=True).filter(
    lambda s: s not in RESERVED
)
texts = st.text(max_size=40)
maybe_text = st.none() | texts
tags = st.lists(texts | ids, max_size=3).map(tuple)


def _extras(cls: type) -> st.SearchStrategy[tuple[tuple[str, str | tuple[str, ...]], ...]]:
    keys = ids.filter(lambda k: k not in SCHEMAS[element_name(cls)])
    values = texts | st.lists(texts, max_size=2).map(tuple)
    return st.lists(st.tuples(keys, values), max_size=2).map(tuple)


def _value(form: Form) -> st.SearchStrategy[object]:
    match form:
        case "ref" | "name":
            return st.none() | ids | texts
        case "text" | "date" | "url" | "number":
            return maybe_text
        case "list":
            return tags
        case _:
            assert_never(form)


def attribute_values(cls: type) -> dict[str, st.SearchStrategy[object]]:
    """A strategy for every attribute of an element class, from its fields, and for its extras."""
    found: dict[str, st.SearchStrategy[object]] = {a.name: _value(a.form) for a in attribute_fields(cls)}
    found["extra"] = _extras(cls)
    return found


statements = st.builds(
    Statement, kind=st.sampled_from(list(StatementKind)), id=ids, text=texts, **attribute_values(Statement)
)
sources = st.builds(Source, id=ids, title=texts, **attribute_values(Source))
actors = st.builds(Actor, id=ids, name=texts, **attribute_values(Actor))
inferences = st.builds(
    Inference,
    kind=st.sampled_from(list(InferenceKind)),
    premises=st.lists(ids, min_size=0, max_size=3).map(tuple),
    target=st.none() | ids,
    id=st.none() | ids,
    label=maybe_text,
    shorthand=st.booleans(),
    **attribute_values(Inference),
)
contradictions = st.builds(Contradiction, left=ids, right=ids, **attribute_values(Contradiction))
preferences = st.builds(Preference, stronger=ids, weaker=ids, **attribute_values(Preference))
scheme_definitions = st.builds(
    SchemeDefinition,
    key=ids,
    name=texts,
    premises=st.lists(st.builds(SchemePremise, text=texts, tag=st.none() | ids), max_size=3).map(tuple),
    conclusion=maybe_text,
    questions=st.lists(
        st.builds(SchemeQuestion, key=ids, type=st.sampled_from(QUESTION_TYPES) | ids, text=texts), max_size=3
    ).map(tuple),
    **{
        **attribute_values(SchemeDefinition),
        # In a scheme's body its words start entries, so they cannot be attribute keys there.
        "extra": _extras(SchemeDefinition).filter(lambda extra: not any(k in SCHEME_WORDS for k, _ in extra)),
    },
)
leaves = statements | sources | actors | inferences | contradictions | preferences | scheme_definitions


def _sections(children: st.SearchStrategy[list[Item]]) -> st.SearchStrategy[Item]:
    return st.builds(Section, title=texts, items=children.map(tuple), id=st.none() | ids)


items: st.SearchStrategy[Item] = st.recursive(
    leaves, lambda inner: _sections(st.lists(inner, max_size=4)), max_leaves=12
)

maps = st.builds(
    ArgumentMap,
    items=st.lists(items, max_size=10).map(tuple),
    title=maybe_text,
    author=maybe_text,
    date=maybe_text,
    about=st.none() | ids,
)

# Text built from the language's own tokens, so that near-valid maps are common.
_TOKENS = [
    *(t.literal for t in TERMINALS if t.literal),  # every keyword and punctuation mark
    "a", "b", "claim_1", "x-y", "é", '"text"', '"q \\" x"', '"bad \\q"', '"open', "2023-02",
    "12", "=", "#c", " ", " ", " ", "\n", "\n", "\r\n", "\t", ";", "\\",
]  # fmt: skip
token_soup = st.lists(st.sampled_from(_TOKENS), max_size=40).map(lambda parts: " ".join(parts))
