"""Textbook cases of evaluation, each also checked against PyArg.

Every case is a small map with the statuses worked out by hand; the same map
then goes through the PyArg oracle for grounded, preferred and stable
semantics, so a hand-written expectation and an independent implementation
both have to agree with argmap.
"""

from __future__ import annotations

import pytest

import argmap
from argmap.evaluation import extensions
from argmap.evaluation.errors import EvaluationError, EvaluationTooLarge
from argmap.evaluation.extensions import MAX_GROUP
from argmap.evaluation.status import Status
from tests.test_pyarg_oracle import compare

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDECIDED


def statuses(text: str, semantics: str = "grounded", **what_if: list[str]) -> dict[str, Status]:
    """Every status of a map given as text."""
    return argmap.evaluate(argmap.loads(text), semantics, **what_if).statuses()


def agrees_with_pyarg(text: str) -> None:
    m = argmap.loads(text)
    for semantics in ("grounded", "preferred", "stable"):
        assert compare(m, semantics), f"too large for the oracle ({semantics})"


REINSTATEMENT = """
thesis t "T"  claim p "P"  objection o "O"  objection r "R"
p supports t
o attacks p
r attacks o
"""

ODD_CYCLE = """
claim a "A"  claim b "B"  claim c "C"
a attacks b
b attacks c
c attacks a
"""

EVEN_CYCLE = """
thesis t "T"  claim a "A"  claim b "B"
a attacks b
b attacks a
a supports t
b supports t
"""

SELF_SUPPORT = """
thesis t "T"  claim a "A"  claim b "B"  evidence p "P"
a supports b
b supports a
b supports t
"""

GROUNDED_LOOP = """
thesis t "T"  claim a "A"  claim b "B"  evidence p "P"
argument from_p: p => a
argument a_to_b: a => b
argument b_to_a: b => a
b supports t
"""

CONVERGENT = """
thesis t "T"  evidence p "P"  evidence q "Q"  objection u "U"
argument r1: p => t
argument r2: q => t
u undercuts r1
"""

LINKED_UNDERMINED = """
thesis t "T"  evidence p "P"  evidence q "Q"  objection o "O"
argument r: p + q => t
o attacks q
"""

UNDERCUT_ATTACK = """
thesis t "T"  evidence p "P"  objection o "O"  objection u "U"
p supports t
attack x: o => p
u undercuts x
"""

UNDERCUT_UNDERCUT = """
thesis t "T"  evidence p "P"  objection o "O"  objection q "Q"
argument r: p => t
undercut u1: o => r
undercut u2: q => u1
"""

LINKED_ATTACK = """
thesis t "T"  evidence p "P"  objection o1 "O1"  objection o2 "O2"  objection z "Z"
p supports t
attack x: o1 + o2 => t
z attacks o2
"""


def test_reinstatement() -> None:
    got = statuses(REINSTATEMENT)
    assert (got["t"], got["p"], got["o"], got["r"]) == (IN, IN, OUT, IN)
    agrees_with_pyarg(REINSTATEMENT)


def test_odd_cycle_is_undecided_and_has_no_stable_extension() -> None:
    assert set(statuses(ODD_CYCLE).values()) == {UNDEC}
    assert set(statuses(ODD_CYCLE, "preferred").values()) == {UNDEC}
    ev = argmap.evaluate(argmap.loads(ODD_CYCLE), "stable")
    assert ev.extensions == 0
    assert set(ev.statuses().values()) == {UNDEC}
    assert not any(ev.credulous(s) for s in ("a", "b", "c"))
    agrees_with_pyarg(ODD_CYCLE)


def test_even_cycle_two_extensions_and_a_floating_conclusion() -> None:
    m = argmap.loads(EVEN_CYCLE)
    grounded = argmap.evaluate(m)
    assert (grounded.status("a"), grounded.status("b"), grounded.status("t")) == (UNDEC, UNDEC, UNDEC)
    for semantics in ("preferred", "stable"):
        ev = argmap.evaluate(m, semantics)
        assert ev.extensions == 2
        assert ev.status("a") is UNDEC and ev.credulous("a") and ev.credulous("b")
        assert ev.status("t") is IN  # IN in both extensions, by a different reason in each
    agrees_with_pyarg(EVEN_CYCLE)


def test_self_support_loop_has_no_argument() -> None:
    got = statuses(SELF_SUPPORT)
    assert (got["a"], got["b"], got["t"]) == (OUT, OUT, OUT)
    agrees_with_pyarg(SELF_SUPPORT)


def test_rule_that_would_reuse_its_own_conclusion_is_out() -> None:
    got = statuses(GROUNDED_LOOP)
    assert (got["a"], got["b"], got["t"]) == (IN, IN, IN)
    assert (got["from_p"], got["a_to_b"], got["b_to_a"]) == (IN, IN, OUT)
    agrees_with_pyarg(GROUNDED_LOOP)


def test_undercut_of_one_of_two_convergent_reasons() -> None:
    got = statuses(CONVERGENT)
    assert (got["r1"], got["r2"], got["t"]) == (OUT, IN, IN)
    agrees_with_pyarg(CONVERGENT)


def test_undermining_a_linked_premise_defeats_the_inference() -> None:
    got = statuses(LINKED_UNDERMINED)
    assert (got["p"], got["q"], got["r"], got["t"]) == (IN, OUT, OUT, OUT)
    agrees_with_pyarg(LINKED_UNDERMINED)


def test_undercut_of_an_attack_reinstates_its_target() -> None:
    got = statuses(UNDERCUT_ATTACK)
    assert (got["x"], got["p"], got["t"]) == (OUT, IN, IN)
    agrees_with_pyarg(UNDERCUT_ATTACK)


def test_undercut_of_an_undercut() -> None:
    got = statuses(UNDERCUT_UNDERCUT)
    assert (got["u2"], got["u1"], got["r"], got["t"]) == (IN, OUT, IN, IN)
    agrees_with_pyarg(UNDERCUT_UNDERCUT)


def test_linked_attack_with_one_premise_defeated() -> None:
    got = statuses(LINKED_ATTACK)
    assert (got["o2"], got["x"], got["t"]) == (OUT, OUT, IN)
    agrees_with_pyarg(LINKED_ATTACK)


def test_a_rebuttal_defeats_every_reason_for_its_target() -> None:
    text = """
    thesis t "T"  evidence p "P"  evidence q "Q"  objection o "O"
    argument r1: p => t
    argument r2: q => t
    o attacks t
    """
    got = statuses(text)
    assert (got["r1"], got["r2"], got["t"], got["p"]) == (OUT, OUT, OUT, IN)
    agrees_with_pyarg(text)


def test_attacks_are_asymmetric_and_contradictions_symmetric() -> None:
    attack = statuses('claim a "A"  claim b "B"  a attacks b')
    assert (attack["a"], attack["b"]) == (IN, OUT)
    contradiction = statuses('claim a "A"  claim b "B"  a contradicts b')
    assert (contradiction["a"], contradiction["b"]) == (UNDEC, UNDEC)
    settled = statuses('claim a "A"  claim b "B"  objection c "C"  a contradicts b  c attacks b')
    assert (settled["a"], settled["b"], settled["c"]) == (IN, OUT, IN)


def test_self_attack_leaves_a_statement_undecided() -> None:
    text = 'claim a "A"  claim b "B"  a attacks a  a supports b'
    got = statuses(text)
    assert (got["a"], got["b"]) == (UNDEC, UNDEC)
    agrees_with_pyarg(text)


def test_an_inference_is_out_when_its_conclusion_is_rebutted() -> None:
    got = statuses('thesis t "T"  claim p "P"  objection o "O"  argument r: p => t  o attacks t')
    assert (got["p"], got["r"], got["t"]) == (IN, OUT, OUT)


# -- What-if ------------------------------------------------------------------


def test_assume_reject_and_distrust() -> None:
    text = """
    actor ann "Ann"  source news "News"
    thesis t "T"  evidence e "E" { by: ann }  objection o "O" { source: news }  evidence f "F"
    argument r: e => t
    o undercuts r
    argument s: f => t
    """
    assert statuses(text)["t"] is IN
    assert statuses(text, reject=["s"])["t"] is OUT
    assert statuses(text, reject=["s"], distrust=["news"])["t"] is IN
    assert statuses(text, distrust=["news", "ann"], reject=["f"])["t"] is OUT
    assert statuses(text, assume=["t"], reject=["e", "f"])["t"] is IN
    assert statuses(text, assume=["r"], reject=["s"])["r"] is IN  # an assumed inference cannot be undercut


def test_assume_wins_over_distrust_and_is_unattackable() -> None:
    text = 'actor ann "Ann"  claim a "A" { by: ann }  objection o "O"  o attacks a'
    assert statuses(text)["a"] is OUT
    assert statuses(text, assume=["a"], distrust=["ann"])["a"] is IN


def test_what_ifs_match_pyarg_on_a_textbook_map() -> None:
    m = argmap.loads(UNDERCUT_UNDERCUT)
    for assume, reject in ((["u1"], []), ([], ["q"]), (["o"], ["u2"]), (["t"], ["p"])):
        for semantics in ("grounded", "preferred", "stable"):
            assert compare(m, semantics, assume, reject)


@pytest.mark.parametrize(
    ("what_if", "message"),
    [
        ({"assume": ["nope"]}, "cannot assume `nope`: no statement or inference has that id"),
        ({"reject": ["tt"]}, "did you mean `t`?"),
        ({"assume": ["ann"]}, "cannot assume `ann`: it is an actor"),
        ({"distrust": ["t"]}, "cannot distrust `t`: it is a statement"),
        ({"distrust": ["anne"]}, "did you mean `ann`?"),
        ({"assume": ["t"], "reject": ["t"]}, "`t` cannot be both assumed and rejected"),
    ],
)
def test_bad_what_ifs_are_explained(what_if: dict[str, list[str]], message: str) -> None:
    m = argmap.loads('actor ann "Ann"  thesis t "T"  claim c "C" { by: ann }  c supports t')
    with pytest.raises(EvaluationError, match=message):
        argmap.evaluate(m, **what_if)  # type: ignore[arg-type]


def test_unknown_semantics() -> None:
    with pytest.raises(EvaluationError, match="unknown semantics `ideal`"):
        argmap.evaluate(argmap.loads('thesis t "T"'), "ideal")


# -- Limits and maps with errors ---------------------------------------------


def test_preferred_refuses_a_group_larger_than_the_limit() -> None:
    n = MAX_GROUP + 5
    lines = [f'claim a{i} "A{i}"' for i in range(n)]
    lines += [f"a{i} contradicts a{i + 1}" for i in range(n - 1)]
    m = argmap.loads("\n".join(lines))
    assert argmap.evaluate(m).status("a0") is UNDEC  # grounded has no limit
    with pytest.raises(EvaluationTooLarge, match="too many interlocked undecided points"):
        argmap.evaluate(m, "preferred")


def test_preferred_refuses_a_search_longer_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extensions, "MAX_STEPS", 2)
    m = argmap.loads(
        " ".join(f'claim a{i} "A{i}"' for i in range(4)) + " a0 attacks a1  a1 attacks a2  a2 attacks a3  a3 attacks a0"
    )
    with pytest.raises(EvaluationTooLarge, match="needs more than 2 steps in one group"):
        argmap.evaluate(m, "stable")


def test_independent_conflicts_are_searched_apart() -> None:
    lines = [f'claim a{i} "A{i}"  claim b{i} "B{i}"  a{i} contradicts b{i}' for i in range(30)]
    ev = argmap.evaluate(argmap.loads("\n".join(lines)), "stable")
    assert ev.extensions == 2**30
    assert ev.credulous("a7") and ev.status("a7") is UNDEC


def test_references_that_resolve_to_nothing_are_ignored() -> None:
    text = """
    thesis t "T"  claim p "P"
    argument r: p + missing => t
    argument s: p => nowhere
    undercut u: p => no_such_inference
    p attacks r
    """
    ev = argmap.evaluate(argmap.loads(text))
    assert (ev.status("t"), ev.status("r"), ev.status("s"), ev.status("u"), ev.status("p")) == (OUT, OUT, IN, IN, IN)


def test_status_of_an_unknown_id() -> None:
    ev = argmap.evaluate(argmap.loads('thesis tea "T"'))
    with pytest.raises(EvaluationError, match="did you mean `tea`"):
        ev.status("te")
