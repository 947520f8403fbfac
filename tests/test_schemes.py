"""The catalogue of argumentation schemes: well-formed data, and docs/schemes.md generated from it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import argmap
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


# -- schemes a map defines -------------------------------------------------------

DEFINED = """\
scheme sunk_talks "Argument from sunk talks" {
  reference: "The mediators' handbook"
  premise investment "Both sides have invested in the talks."
  premise "Walking away wastes that investment."
  conclusion "The talks should go on."
  question real premise "Was the investment real?"
  question cheaper exception "Would walking away cost less than going on?"
  question wanted assumption "Does either side still want a deal?"
}
thesis t "The talks should go on."
claim spent "Both sides have spent a year on the talks." { tags: [investment] }
argument a: spent => t { scheme: sunk_talks }
objection exit "Leaving now would cost less."
exit undercuts a { raises: cheaper }
claim sunk "Costs already paid are no reason to go on."
sunk attacks exit { answers: cheaper }
"""


def test_a_map_scheme_is_read_with_its_premises_conclusion_questions_and_reference() -> None:
    (d,) = argmap.loads(DEFINED).schemes()
    assert (d.key, d.name, d.reference) == ("sunk_talks", "Argument from sunk talks", "The mediators' handbook")
    assert [(p.tag, p.text[:10]) for p in d.premises] == [("investment", "Both sides"), (None, "Walking aw")]
    assert d.conclusion == "The talks should go on."
    assert [(q.key, q.type) for q in d.questions] == [
        ("real", "premise"),
        ("cheaper", "exception"),
        ("wanted", "assumption"),
    ]


def test_a_map_scheme_works_as_a_catalogue_key() -> None:
    m = argmap.loads(DEFINED)
    assert argmap.validate(m) == []
    (iq,) = argmap.questions(m)
    assert iq.scheme.origin == "map"
    states = {q.question.key: q.state for q in iq.questions}
    assert states == {"real": "open", "cheaper": "answered", "wanted": "open"}


def test_a_map_scheme_asks_for_its_tagged_premise() -> None:
    m = argmap.loads(DEFINED.replace("{ tags: [investment] }", ""))
    assert [d.code for d in argmap.validate(m)] == ["W214"]


def test_a_map_scheme_in_an_included_file_serves_the_map(tmp_path: Path) -> None:
    shared, rest = DEFINED.split("thesis t", 1)
    (tmp_path / "schemes.argmap").write_text(shared, encoding="utf-8")
    (tmp_path / "map.argmap").write_text('include "schemes.argmap"\nthesis t' + rest, encoding="utf-8")
    m = argmap.load(tmp_path / "map.argmap")
    assert argmap.validate(m) == []
    assert [q.state for q in argmap.questions(m)[0].questions] == ["open", "answered", "open"]


def test_a_map_scheme_key_is_not_a_statement_id() -> None:
    m = argmap.loads(DEFINED.replace("claim sunk", "claim sunk_talks").replace("sunk attacks", "sunk_talks attacks"))
    assert argmap.validate(m) == []


@pytest.mark.parametrize(
    ("written", "broken", "code"),
    [
        ('question real premise "Was', 'question cheaper premise "Was', "E137"),
        ('question wanted assumption "Does', 'question wanted assumptoin "Does', "E138"),
    ],
)
def test_a_broken_map_scheme_is_an_error(written: str, broken: str, code: str) -> None:
    m = argmap.loads(DEFINED.replace(written, broken))
    assert [d.code for d in argmap.validate(m)] == [code]


def test_a_second_definition_and_a_catalogue_key_are_reported() -> None:
    twice = DEFINED + 'scheme sunk_talks "Again" {}\nscheme analogy "Mine" { question same premise "Same?" }\n'
    found = {d.code: d for d in argmap.validate(argmap.loads(twice))}
    assert set(found) == {"E136", "W218"}
    assert found["E136"].related[0].message == "first defined here"
    assert found["W218"].span is not None and found["W218"].span.line == 18


def test_an_unknown_question_type_leaves_the_question_out() -> None:
    m = argmap.loads(DEFINED.replace("wanted assumption", "wanted asumption"))
    assert [q.question.key for q in argmap.questions(m)[0].questions] == ["real", "cheaper"]
    diagnostic = next(d for d in argmap.validate(m) if d.code == "E138")
    assert diagnostic.hint == "did you mean `assumption`?"


def test_unknown_scheme_hint_names_a_map_scheme() -> None:
    m = argmap.loads(DEFINED.replace("scheme: sunk_talks", "scheme: sunk_talk"))
    (w213,) = [d for d in argmap.validate(m) if d.code == "W213"]
    assert "neither the map nor the catalogue" in w213.message and w213.hint == "did you mean `sunk_talks`?"


def test_a_map_scheme_round_trips_through_text_and_json() -> None:
    from argmap.interchange import from_json, to_json

    m = argmap.loads(DEFINED)
    again = argmap.loads(argmap.dumps(m))
    assert again == m and from_json(to_json(m)) == m
    assert 'question cheaper exception "Would walking away cost less than going on?"' in argmap.dumps(m)


def test_a_second_conclusion_is_a_syntax_error() -> None:
    with pytest.raises(argmap.ArgmapSyntaxError) as caught:
        argmap.loads('scheme s "S" {\n  conclusion "A"\n  conclusion "B"\n}\n')
    assert (caught.value.line, caught.value.column) == (3, 3)
    assert "one conclusion" in caught.value.message


def test_scheme_words_are_ids_outside_a_scheme() -> None:
    m = argmap.loads('thesis conclusion "C"\nclaim premise "P"\nclaim question "Q"\npremise supports conclusion')
    assert [s.id for s in m.statements()] == ["conclusion", "premise", "question"]
    assert argmap.dumps(m).endswith("premise supports conclusion\n")
