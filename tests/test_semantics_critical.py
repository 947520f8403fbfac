"""Critical points and explanations.

The fast path for grounded critical points re-solves only the region between
a rejected point and the thesis; it must find exactly what evaluating the
whole map again, once per candidate, finds.
"""

from __future__ import annotations

from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.evaluation.critical import CriticalPoint
from argmap.evaluation.evaluator import evaluate_scenario
from argmap.evaluation.status import Status
from argmap.model import ArgumentMap, Statement
from argmap.model.index import index
from tests.test_pyarg_oracle import fixed, maps
from tests.test_pyarg_preferences import preferring_maps

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDECIDED


def brute_force(m: ArgumentMap, subject: str) -> set[tuple[str, str, Status]]:
    """Every statement, actor and source whose rejection changes the subject, by full re-evaluation."""
    ev = argmap.evaluate(m)
    ix = index(m)
    before = ev.status(subject)
    groups: dict[tuple[str, str], set[str]] = {}
    for sid, statement in ix.statements.items():
        if sid == subject:
            continue
        groups.setdefault(("statement", sid), set()).add(sid)
        if statement.by in ix.actors:
            groups.setdefault(("actor", statement.by), set()).add(sid)
        if statement.source in ix.sources:
            groups.setdefault(("source", statement.source), set()).add(sid)
    found = set()
    for (kind, ident), statements in groups.items():
        what_if = evolve(ev.scenario, rejected=frozenset(statements))
        after = evaluate_scenario(m, "grounded", what_if).status(subject)
        if after is not before:
            found.add((kind, ident, after))
    for key in dict.fromkeys(inf.key for inf in ix.inferences):
        after = argmap.evaluate(m, reject=[key]).status(subject)
        if after is not before:
            found.add(("inference", key, after))
    for i, pref in enumerate(ix.preferences):
        after = evaluate_scenario(m, "grounded", evolve(ev.scenario, reversed=frozenset({i}))).status(subject)
        if after is not before:
            found.add(("preference", f"{pref.stronger} outweighs {pref.weaker}", after))
    return found


@st.composite
def attributed_maps(draw: st.DrawFn) -> ArgumentMap:
    """Random maps whose statements are asserted by two actors and reported by two sources."""
    m = draw(maps(max_statements=8, max_inferences=9))
    items = []
    for item in m.items:
        if isinstance(item, Statement):
            by = draw(st.sampled_from([None, "ann", "bob"]))
            source = draw(st.sampled_from([None, "lab", "news"]))
            item = evolve(item, by=by, source=source)
        items.append(item)
    declared = argmap.loads('actor ann "Ann"  actor bob "Bob"  source lab "Lab"  source news "News"').items
    return ArgumentMap(items=(*declared, *items))


@fixed(150)
@given(attributed_maps())
def test_fast_critical_points_equal_full_re_evaluation(m: ArgumentMap) -> None:
    ev = argmap.evaluate(m)
    for subject in ("s0", "s1"):
        if subject not in ev.statement_status:
            continue
        fast = {(p.kind, p.id, p.after) for p in ev.critical(subject)}
        assert fast == brute_force(m, subject), argmap.dumps(m)


@fixed(150)
@given(preferring_maps(8))
def test_fast_critical_points_with_preferences_equal_full_re_evaluation(m: ArgumentMap) -> None:
    """With preferences the fast path works on arguments, and preference reversals are tried too. (Reversals of
    rank comparisons are checked against the ``--prefer`` what-if in ``test_critical_ranks.py``.)"""
    ev = argmap.evaluate(m)
    for subject in ("s0", "s1"):
        if subject in ev.statement_status:
            fast = {(p.kind, p.id, p.after) for p in ev.critical(subject) if p.kind != "rank"}
            assert fast == brute_force(m, subject), argmap.dumps(m)


def test_a_conclusion_that_stands_only_because_of_a_preference() -> None:
    m = argmap.loads("""
        thesis t "T"  evidence e "E"  objection o "O"
        argument r: e => t
        attack x: o => t
        r outweighs x
    """)
    ev = argmap.evaluate(m)
    assert ev.status("t") is IN
    points = ev.critical("t")
    assert [(p.kind, p.id, p.after) for p in points] == [
        ("statement", "e", OUT),
        ("inference", "r", OUT),
        ("preference", "r outweighs x", OUT),
    ]
    assert str(points[2]) == (
        "reversing `r outweighs x` (written at <text>:5:9) alone makes `t` OUT (now IN): "
        "`t` stands only because `r` outweighs `x`"
    )
    assert points[2].to_dict()["written"] == "<text>:5:9"


def test_critical_inferences_are_named_as_reject_takes_them() -> None:
    m = argmap.loads('thesis t "T"  claim c "C"  c supports t')
    (point,) = [p for p in argmap.evaluate(m).critical("t") if p.kind == "inference"]
    assert point.id == "c supports t"
    assert argmap.evaluate(m, reject=[point.id]).status("t") is OUT
    assert str(point) == "rejecting inference `c supports t` alone makes `t` OUT (now IN)"


def test_preferred_critical_points_use_full_re_evaluation() -> None:
    m = argmap.loads("""
    thesis t "T"  claim a "A"  claim b "B"  claim c "C"
    a contradicts b
    a supports t
    c attacks b
    """)
    assert argmap.evaluate(m).status("t") is IN
    points = argmap.evaluate(m, "preferred").critical("t")
    assert [(p.kind, p.id, p.after) for p in points] == [
        ("statement", "a", OUT),
        ("inference", "a supports t", OUT),
        ("statement", "c", UNDEC),
        ("inference", "c attacks b", UNDEC),
    ]


def test_ranking_and_parties() -> None:
    m = argmap.loads("""
    actor ann "Ann"  source lab "Lab"
    thesis t "T" { by: ann }
    evidence e "E" { by: ann, source: lab }  evidence f "F" { source: lab }  claim g "G"
    objection o "O"  objection q "Q"
    argument r: e + f => t
    argument s: g => t
    o attacks g
    q attacks o
    """)
    ev = argmap.evaluate(m)
    assert ev.status("t") is IN
    points = ev.critical("t")
    # g alone holds t up once e and f are gone; nothing single changes t here but the pair of supports.
    assert points == ()
    ev = argmap.evaluate(m, reject=["s"])
    points = ev.critical("t")
    assert [str(p) for p in points] == [
        "rejecting statement `e` alone makes `t` OUT (now IN)",
        "rejecting statement `f` alone makes `t` OUT (now IN)",
        "rejecting inference `r` alone makes `t` OUT (now IN)",
        "rejecting actor `ann` alone (1 statement) makes `t` OUT (now IN)",
        "rejecting source `lab` alone (2 statements) makes `t` OUT (now IN)",
    ]
    assert points[3] == CriticalPoint("t", "actor", "ann", IN, OUT, ("e",))
    assert points[4].to_dict() == {
        "kind": "source",
        "id": "lab",
        "before": "in",
        "after": "out",
        "rejected": ["e", "f"],
        "inferences": [],
    }


def test_rejecting_an_objection_can_raise_a_thesis() -> None:
    m = argmap.loads('thesis t "T"  evidence p "P"  objection o "O"  p supports t  o attacks t')
    points = argmap.evaluate(m).critical("t")
    assert [(p.id, p.before, p.after) for p in points] == [("o", OUT, IN), ("o attacks t", OUT, IN)]


def test_inferences_drawn_by_an_actor() -> None:
    m = argmap.loads('actor ann "Ann"  thesis t "T"  evidence p "P"  argument r: p => t { by: ann }')
    (point,) = [p for p in argmap.evaluate(m).critical("t") if p.kind == "actor"]
    assert (point.id, point.rejected, point.inferences, point.after) == ("ann", (), ("r",), OUT)
    assert "rejected: drawn by `ann`, who is distrusted" in str(argmap.evaluate(m, distrust=["ann"]).explain("r"))


def test_critical_points_of_an_unknown_statement() -> None:
    ev = argmap.evaluate(argmap.loads('thesis t "T"  claim c "C"  c supports t'))
    try:
        ev.critical("c supports t")
    except argmap.evaluation.evaluator.EvaluationError as exc:
        assert "no statement has the id" in str(exc)
    else:
        raise AssertionError("expected an error")


# -- Explanations ---------------------------------------------------------------


def explain(text: str, ident: str, semantics: str = "grounded", **what_if: list[str]) -> str:
    return str(argmap.evaluate(argmap.loads(text), semantics, **what_if).explain(ident))


def test_explanation_of_a_rebutted_and_of_an_undercut_conclusion() -> None:
    text = 'thesis t "T"  evidence p "P"  objection o "O"  argument r: p => t  o attacks t'
    assert explain(text, "t") == (
        "`t` is OUT: rebutted by `o`.\n- `o` is IN: taken as given, and nothing on the map speaks against it."
    )
    assert explain(text, "r").startswith("`r` is OUT: its conclusion `t` is rebutted by `o`.")
    text = 'thesis t "T"  evidence p "P"  objection o "O"  argument r: p => t  o undercuts r'
    assert explain(text, "t").splitlines()[:2] == [
        "`t` is OUT: its only reason, `r`, fails.",
        "- `r` is OUT: undercut by `o`.",
    ]


def test_explanation_names_linked_and_named_attacks() -> None:
    text = """
    thesis t "T"  evidence p "P"  objection o1 "O1"  objection o2 "O2"  objection z "Z"
    p supports t
    attack x: o1 + o2 => t
    o1 + o2 => p
    """
    text = text.replace("o1 + o2 => p", "attack: o1 + o2 => p")
    lines = explain(text, "p").splitlines()
    assert lines[0] == "`p` is OUT: undermined by `o1 + o2`."
    assert explain(text, "t").startswith("`t` is OUT: rebutted by `x`.")


def test_explanation_under_preferred_semantics() -> None:
    text = 'thesis t "T"  claim a "A"  claim b "B"  a contradicts b  a supports t  b supports t'
    assert explain(text, "t", "preferred").startswith(
        "IN in all 2 preferred extensions. `t` is IN, though no single reason holds in every extension."
    )
    assert explain(text, "a", "preferred").startswith("IN in some of the 2 preferred extensions, not in all.")
    odd = 'claim a "A"  claim b "B"  claim c "C"  a attacks b  b attacks c  c attacks a'
    assert explain(odd, "a", "stable").startswith("The map has no stable extension, so nothing is accepted.")


def test_explanation_of_what_ifs() -> None:
    text = 'thesis t "T"  evidence p "P"  objection o "O"  argument r: p => t  o undercuts r'
    assert explain(text, "o", reject=["o"]) == "`o` is OUT: rejected."
    assert explain(text, "r", assume=["r"]).startswith("`r` is IN: assumed to hold whatever is raised against it")
    assert explain(text, "t", assume=["t"]) == "`t` is IN: assumed."


def test_explanations_say_see_above_and_stop_at_the_depth() -> None:
    chain = (
        " ".join(f'claim c{i} "C{i}"' for i in range(8)) + " " + " ".join(f"c{i + 1} supports c{i}" for i in range(7))
    )
    lines = explain(chain, "c0").splitlines()
    assert len(lines) == 4  # statement, reason, statement, reason: four levels by default
    ev = argmap.evaluate(argmap.loads(chain))
    assert len(ev.explain("c0", depth=20).lines()) == 15
    assert ev.explain("c0").to_dict()["because"][0]["subject"] == "c1 supports c0"


def test_full_critical_points_refuse_large_maps() -> None:
    import pytest

    import argmap
    from argmap.evaluation.critical import MAX_FULL_CANDIDATES
    from argmap.evaluation.errors import EvaluationTooLarge

    rows = [f'claim c{i} "C{i}"\nc{i} supports t' for i in range(MAX_FULL_CANDIDATES + 1)]
    m = argmap.loads('thesis t "T"\n' + "\n".join(rows))
    assert argmap.evaluate(m).critical("t") == ()  # grounded: any size
    with pytest.raises(EvaluationTooLarge, match=r"at most 400"):
        argmap.evaluate(m, "preferred").critical("t")
