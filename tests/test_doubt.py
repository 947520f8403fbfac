"""Doubting open questions, checked against hand-worked Carneades-style examples.

Each example is worked by hand in its docstring: which questions are open,
which inference the doubt then sets aside, and what stands.
"""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.cli import exit_codes, main
from argmap.evaluation.doubt import stand_only_unasked
from argmap.evaluation.matters import critical_questions

SIGN = """
thesis t "The patient has measles."
evidence spots "The patient has Koplik spots."
argument a: spots => t { scheme: sign }
"""


def test_unasked_sign_stands_only_because_nobody_asked() -> None:
    """`sign` has an assumption (strength) and an exception (other_events), both open.

    Doubted, `a` does not hold, so `t` loses its only support: it stands only because nobody asked.
    """
    m = argmap.loads(SIGN)
    assert argmap.evaluate(m).status("t").value == "in"
    assert stand_only_unasked(m) == ["t"]


def test_every_question_considered_leaves_nothing_to_doubt() -> None:
    """Raise the exception and answer it; answer the assumption by backing the premise.

    Nothing is open, so nothing is doubted: the objection is out (its reply stands), `a` holds, `t` stands
    on its own merits and is not listed.
    """
    m = argmap.loads(
        SIGN
        + """
objection rash "A rash from a drug could look the same."
undercut u: rash => a { raises: other_events }
evidence no_drugs "The patient took no drugs."
no_drugs attacks rash { answers: other_events }
evidence studies "Koplik spots are specific to measles in clinical studies."
studies supports spots { answers: strength }
"""
    )
    assert [d for d in argmap.validate(m) if d.is_error] == []
    assert argmap.evaluate(m).status("t").value == "in"
    assert stand_only_unasked(m) == []


def test_a_raised_but_unanswered_exception_is_not_doubted_again() -> None:
    """Only the unasked assumption (strength) is doubted here; other_events is raised and the objection stands.

    `t` is already not IN as written, so it is not among those standing only because nobody asked.
    """
    m = argmap.loads(SIGN + 'objection rash "A drug rash."\nundercut u: rash => a { raises: other_events }\n')
    assert argmap.evaluate(m).status("t").value != "in"
    assert stand_only_unasked(m) == []


def test_a_convergent_reason_with_every_question_answered_carries_the_thesis() -> None:
    """Two separate reasons: the sign (open questions) and a test whose scheme's questions are all answered.

    Doubting sets the sign aside, but the other reason still holds, so `t` does not depend on the unasked questions.
    `spots` and `test` are premises nothing attacks: they stand either way.
    """
    m = argmap.loads(
        SIGN
        + """
evidence test "The antibody test came back positive."
argument b: test => t { scheme: evidence_to_hypothesis }
claim valid "A positive test follows from measles in nearly every case."
valid supports test { answers: implication }
objection vaccine "A recent vaccination could also give a positive test."
undercut v: vaccine => b { raises: other_reason }
evidence unvaccinated "The patient was never vaccinated."
unvaccinated attacks vaccine { answers: other_reason }
"""
    )
    assert [d for d in argmap.validate(m) if d.is_error] == []
    assert stand_only_unasked(m) == []
    assert stand_only_unasked(argmap.loads(SIGN + 'evidence test "T2"\nargument b: test => t\n')) == []


def test_an_assumed_inference_is_not_doubted() -> None:
    from argmap.evaluation.whatif import resolve

    m = argmap.loads(SIGN)
    assert stand_only_unasked(m, scenario=resolve(m, assume=["a"])) == []


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_evaluate_doubt_open_questions(fmt: str, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sign.argmap"
    path.write_text(SIGN, encoding="utf-8")
    assert main(["evaluate", "--format", fmt, "--doubt-open-questions", str(path)]) == exit_codes.OK
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        assert data["stand_only_unasked"] == ["t"]
        assert data["theses"][0]["status"] != "IN"
    else:
        assert out.rstrip().endswith("Standing only because nobody asked (open exception or assumption questions): t")


def test_critical_questions_are_those_whose_raising_alone_moves_a_thesis() -> None:
    """One reason: raising either open question of `a` sets it aside and `t` falls.

    Two reasons of equal standing: raising a question of one leaves the other, so no single question is critical.
    """
    m = argmap.loads(SIGN)
    assert critical_questions(m) == {"t": [("a", "strength"), ("a", "other_events")]}
    both = argmap.loads(SIGN + 'evidence rash "A rash"\nargument b: rash => t { scheme: sign }\n')
    assert critical_questions(both) == {"t": []}


def test_evaluate_critical_with_doubt_names_the_questions(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sign.argmap"
    path.write_text(SIGN, encoding="utf-8")
    assert main(["evaluate", "--doubt-open-questions", "--critical", str(path)]) == exit_codes.OK
    assert "Questions whose raising alone changes `t`: strength of a, other_events of a" in capsys.readouterr().out


PREFERRED_SIGN = (
    SIGN
    + """
objection flu "It is the flu."
attack x: flu => t
"""
)


def test_doubting_weighs_a_preference_given_as_a_what_if() -> None:
    """`a` and the attack `x` conflict on `t`; only `--prefer a x` settles it for `a`.

    With the preference `t` stands, and only because nobody asked `sign`'s questions: doubted, `a` goes
    and `t` falls. Without it `t` is UNDECIDED either way, so nothing stands only because nobody asked.
    """
    m = argmap.loads(PREFERRED_SIGN)
    preferred = argmap.evaluate(m, prefer=[("a", "x")]).scenario
    assert argmap.evaluate(m, prefer=[("a", "x")]).status("t").value == "in"
    assert stand_only_unasked(m, scenario=preferred) == ["t"]
    assert stand_only_unasked(m) == []
    assert critical_questions(m, scenario=preferred)["t"] == [("a", "strength"), ("a", "other_events")]


def test_doubting_weighs_by_the_ordering_asked_for(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`a`'s premise `spots` is ranked 1, the attack `x` and its premise 2, `a` itself 3.

    Last link compares `a` (3) with `x` (2): `a` wins and `t` stands only because nobody asked. Weakest link
    compares {spots 1, a 3} with {flu 2, x 2}: elitist, `spots` is below both, so `x` defeats `a` and `t` is OUT
    with or without the doubt.
    """
    path = tmp_path / "m.argmap"
    path.write_text(
        PREFERRED_SIGN.replace('spots."', 'spots." { rank: 1 }')
        .replace("{ scheme: sign }", "{ scheme: sign, rank: 3 }")
        .replace('flu."', 'flu." { rank: 2 }')
        .replace("attack x: flu => t", "attack x: flu => t { rank: 2 }"),
        encoding="utf-8",
    )
    runs = {}
    for ordering in ("last-link", "weakest-link"):
        code = main(["evaluate", str(path), "--doubt-open-questions", "--ordering", ordering, "--format", "json"])
        assert code == exit_codes.OK
        runs[ordering] = json.loads(capsys.readouterr().out)
    assert runs["last-link"]["stand_only_unasked"] == ["t"]
    assert runs["weakest-link"]["stand_only_unasked"] == []
    assert runs["weakest-link"]["ordering"] == "weakest-link" and runs["weakest-link"]["weighed"] is True


def test_doubting_on_the_command_line_takes_prefer(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """As above: `--prefer a x` is what makes `t` stand, so with it `t` stands only because nobody asked."""
    path = tmp_path / "m.argmap"
    path.write_text(PREFERRED_SIGN, encoding="utf-8")
    assert main(["evaluate", str(path), "--doubt-open-questions", "--prefer", "a", "x", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["stand_only_unasked"] == ["t"]
    assert data["what_if"]["prefer"] == [["a", "x"]]


DISTRUSTED = """
actor ann "Ann"
thesis t "T"
claim m "M" { rank: 2 }
claim n "N" { rank: 1 }
claim k "K" { by: ann }
m supports t
m contradicts n
k attacks m
"""


def test_distrust_leaves_the_rest_to_the_preferences(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Ann's `k` brings `m` down (no preference protects `m` from it). Distrusting Ann, the contradiction of
    `m` (rank 2) and `n` (rank 1) is left, and the ranks decide it for `m`; `--prefer n m` against the ranks
    makes the two equal, and the contradiction stays undecided."""
    path = tmp_path / "m.argmap"
    path.write_text(DISTRUSTED, encoding="utf-8")

    def statuses(*options: str) -> dict[str, str]:
        assert main(["evaluate", str(path), "--format", "json", *options]) == exit_codes.OK
        return {s["id"]: s["status"] for s in json.loads(capsys.readouterr().out)["statements"]}

    assert statuses()["t"] == "out"
    assert statuses("--distrust", "ann") == {"t": "in", "m": "in", "n": "out", "k": "out"}
    assert statuses("--distrust", "ann", "--prefer", "n", "m")["t"] == "undecided"
