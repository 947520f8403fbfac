"""The catalogue of argumentation schemes: well-formed data, and docs/schemes.md generated from it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from argmap.language import is_id
from argmap.schemes import QUESTION_TYPES, catalogue
from argmap.schemes.catalogue import CatalogueError, parse
from argmap.schemes.document import markdown

ROOT = Path(__file__).resolve().parents[1]
#: The schemes the catalogue promises by name.
PROMISED = [
    "expert_opinion",
    "position_to_know",
    "witness_testimony",
    "popular_opinion",
    "example",
    "analogy",
    "cause_to_effect",
    "correlation_to_cause",
    "sign",
    "abduction",
    "established_rule",
    "verbal_classification",
    "precedent",
    "positive_consequences",
    "negative_consequences",
    "practical_reasoning",
    "values",
    "commitment",
    "inconsistent_commitment",
    "ad_hominem",
    "circumstantial_ad_hominem",
    "bias_ad_hominem",
    "bias",
    "slippery_slope",
    "sunk_costs",
    "inductive_generalisation",
]


def test_catalogue_has_the_promised_schemes() -> None:
    keys = catalogue().keys()
    assert len(keys) >= 25
    assert [k for k in PROMISED if k not in keys] == []


def test_scheme_keys_are_unique_ids() -> None:
    keys = catalogue().keys()
    assert len(set(keys)) == len(keys)
    assert [k for k in keys if not is_id(k)] == [], "a scheme key must be writable bare as `scheme: key`"


@pytest.mark.parametrize("scheme", catalogue().schemes, ids=lambda s: s.key)
def test_every_scheme_is_complete(scheme) -> None:
    qkeys = [q.key for q in scheme.questions]
    assert len(set(qkeys)) == len(qkeys), f"{scheme.key}: question keys repeat"
    assert all(is_id(k) for k in qkeys)
    assert scheme.questions and scheme.premises and scheme.conclusion and scheme.name
    assert all(q.type in QUESTION_TYPES and q.text.endswith("?") for q in scheme.questions)
    assert scheme.reference.startswith(tuple(text.split(".")[0] for _, text in catalogue().references))


def test_every_cited_work_is_used() -> None:
    raw = json.loads(resources.files("argmap.schemes").joinpath("catalogue.json").read_text(encoding="utf-8"))
    used = {s["reference"]["work"] for s in raw["schemes"]}
    assert used <= set(raw["references"])


def test_a_question_without_a_known_type_is_refused() -> None:
    data = {
        "references": {"X": "A work."},
        "schemes": [
            {
                "key": "s",
                "name": "S",
                "premises": [{"text": "p"}],
                "conclusion": "c",
                "reference": {"work": "X", "where": "p. 1"},
                "questions": [{"key": "q", "text": "Q?", "type": "doubt"}],
            }
        ],
    }
    with pytest.raises(CatalogueError, match="'doubt' is not one of premise, exception, assumption"):
        parse(data)
    del data["schemes"][0]["reference"]  # type: ignore[index]
    with pytest.raises(CatalogueError, match="scheme s: missing"):
        parse(data)


def test_docs_schemes_page_is_up_to_date() -> None:
    page = (ROOT / "docs" / "schemes.md").read_text(encoding="utf-8")
    assert page == markdown(), "docs/schemes.md is out of date: run `python -m argmap.schemes.document docs/schemes.md`"


def test_docs_page_lists_every_question() -> None:
    page = markdown()
    for scheme in catalogue().schemes:
        assert f"`scheme: {scheme.key}`" in page
        for q in scheme.questions:
            assert f"| `{q.key}` | {q.type} | {q.text} |" in page
