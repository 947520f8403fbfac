"""Critical points over ranks: a thesis that stands only because one ranked element outweighs another.

Only the rank comparisons that decide an attack are tried, each reversed as
``--prefer weaker stronger`` would reverse it; the property test checks that
every one reported really changes the thesis when applied that way, and that
every one tried and not reported does not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import event, given, settings
from hypothesis import strategies as st

import argmap
from argmap.cli import exit_codes, main
from argmap.evaluation.preferences import Preferences
from argmap.evaluation.rank_reversals import candidates, deciding, evaluations, weighed_cone
from argmap.evaluation.status import Status
from argmap.model import ArgumentMap, Contradiction, Inference, Statement
from argmap.model.index import index
from tests.conftest import scaled
from tests.test_pyarg_preferences import preferring_maps

IN, OUT, UNDECIDED = Status.IN, Status.OUT, Status.UNDECIDED

#: The lab's report outweighs the objection's inference only by the rank the report inherits from the lab.
SOURCED = """
source lab "A lab report" { rank: 2 }
thesis t "Tea is good for you."
evidence e "Tea contains antioxidants." { source: lab }
objection o "A cup holds too few antioxidants to matter."
argument health: e => t
attack dose: o => e { rank: 1 }
"""


def rank_points(ev: argmap.Evaluation, thesis: str) -> list[tuple[str, Status]]:
    return [(p.id, p.after) for p in ev.critical(thesis) if p.kind == "rank"]


def test_a_thesis_that_stands_only_by_a_rank_inherited_from_its_source() -> None:
    m = argmap.loads(SOURCED)
    ev = argmap.evaluate(m)
    assert ev.status("t") is IN
    (point,) = [p for p in ev.critical("t") if p.kind == "rank"]
    assert (point.id, point.before, point.after) == ("e outweighs dose", IN, OUT)
    assert str(point) == (
        "reversing `e outweighs dose` (by rank: `e` rank 2 from source `lab` at <text>:2:35; "
        "`dose` rank 1 of its own at <text>:7:29) alone makes `t` OUT (now IN): "
        "`t` stands only because `e` outweighs `dose`"
    )
    data = point.to_dict()
    assert (data["kind"], data["stronger"], data["weaker"]) == ("rank", "e", "dose")
    assert data["ranks"] == {
        "stronger": {"rank": 2, "from": "source", "party": "lab", "written": "<text>:2:35"},
        "weaker": {"rank": 1, "from": "own", "party": None, "written": "<text>:7:29"},
    }
    assert argmap.evaluate(m, prefer=[("dose", "e")]).status("t") is OUT  # the reversal, as a what-if


def test_a_rank_inherited_from_an_actor_is_named_with_the_actor() -> None:
    m = argmap.loads(
        SOURCED.replace('source lab "A lab report" { rank: 2 }', 'actor ann "Ann" { rank: 2 }').replace(
            "{ source: lab }", "{ by: ann }"
        )
    )
    (point,) = [p for p in argmap.evaluate(m).critical("t") if p.kind == "rank"]
    assert point.ranks is not None and (point.ranks[0].kind, point.ranks[0].party) == ("actor", "ann")
    assert "`e` rank 2 from actor `ann`" in str(point)


def test_a_rank_that_decides_nothing_is_not_reported() -> None:
    """The objection outranks the evidence, so its attack succeeds; tying the two would change nothing (an
    attack between equals succeeds too). A ranked statement that no attack involves is not even tried."""
    m = argmap.loads(
        SOURCED.replace("{ rank: 2 }", "{ rank: 1 }").replace(
            "attack dose: o => e { rank: 1 }", "attack dose: o => e { rank: 3 }"
        )
        + 'claim aside "Unrelated." { rank: 5 }\n'
    )
    ev = argmap.evaluate(m)
    assert ev.status("t") is OUT
    assert set(deciding(ev)) == {(1, "e")}  # dose (rank 3) over e (rank 1): the attack is weighed...
    assert rank_points(ev, "t") == []  # ...but its reversal changes nothing
    assert evaluations(ev) == 0  # and, changing no attack, costs no evaluation


def test_a_rank_deciding_an_attack_the_thesis_does_not_depend_on_is_not_tried_for_it() -> None:
    m = argmap.loads(SOURCED + 'thesis u "U"  claim p "P" { rank: 1 }  claim q "Q" { rank: 2 }\np contradicts q\n')
    ev = argmap.evaluate(m)
    assert ("q", "p") in deciding(ev)
    assert ("q", "p") not in candidates(ev, "t", weighed_cone(ev, "t"))
    assert rank_points(ev, "t") == [("e outweighs dose", OUT)]


#: Under last link the inferences decide; under weakest link the premise `o` (rank 2), below every link of the
#: thesis's argument (`e`, rank 3 from `ann`, and `r`, rank 5), stops the attack.
LINKS = """
actor ann "Ann" { rank: 3 }
thesis t "T"
evidence e "E" { by: ann }
objection o "O" { rank: 2 }
argument r: e => t { rank: 5 }
attack x: o => t { rank: 4 }
"""


def test_last_link_and_weakest_link_rest_on_different_comparisons() -> None:
    m = argmap.loads(LINKS)
    last = argmap.evaluate(m)
    weakest = argmap.evaluate(m, ordering="weakest-link")
    assert last.status("t") is IN and weakest.status("t") is IN
    assert rank_points(last, "t") == [("r outweighs x", OUT)]
    assert rank_points(weakest, "t") == [("e outweighs o", OUT), ("r outweighs o", OUT)]
    point = next(p for p in weakest.critical("t") if p.id == "e outweighs o")
    assert point.ranks is not None and (point.ranks[0].kind, point.ranks[0].party) == ("actor", "ann")


def test_text_and_json_output_of_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "tea.argmap"
    path.write_text(SOURCED, encoding="utf-8")
    assert main(["evaluate", str(path), "--critical"]) == exit_codes.OK
    out = capsys.readouterr().out
    assert f"reversing `e outweighs dose` (by rank: `e` rank 2 from source `lab` at {path}:2:35;" in out
    assert main(["evaluate", str(path), "--critical", "--format", "json"]) == exit_codes.OK
    points = json.loads(capsys.readouterr().out)["theses"][0]["critical"]
    ranked = [p for p in points if p["kind"] == "rank"]
    assert [(p["id"], p["after"], p["ranks"]["stronger"]["party"]) for p in ranked] == [
        ("e outweighs dose", "out", "lab")
    ]


@st.composite
def ranked_maps(draw: st.DrawFn) -> ArgumentMap:
    """Random maps with random ranks and ``outweighs`` lines, and most statements ranked by themselves or by
    one of two sources of random rank, so that many attacks are weighed by ranks."""
    m = draw(preferring_maps(8))
    low = draw(st.integers(0, 2))
    high = low + draw(st.integers(1, 3))
    declared = argmap.loads(f'source lab "Lab" {{ rank: {low} }}  source news "News" {{ rank: {high} }}')
    items: list[object] = list(declared.items)
    for i, item in enumerate(m.items):  # the simplest draw still mixes the two sources and own ranks
        if isinstance(item, Statement) and item.rank is None:
            choice = ("lab", "news", "own", None)[(i + draw(st.integers(0, 3))) % 4]
            if choice == "own":
                item = evolve(item, rank=str(draw(st.integers(0, 4))))
            elif choice is not None:
                item = evolve(item, source=choice)
        elif isinstance(item, Inference) and item.rank is None and draw(st.booleans()):
            item = evolve(item, rank=str(draw(st.integers(0, 4))))
        items.append(item)
    ids = list(index(m).statements)
    if len(ids) > 1:  # one more conflict, so that most maps weigh something
        left, right = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        items.append(Contradiction(left, right))
    return ArgumentMap(items=tuple(items))  # type: ignore[arg-type]


SETTINGS = st.sampled_from([(o, c) for o in ("last-link", "weakest-link") for c in ("elitist", "democratic")])


@settings(max_examples=scaled(150), deadline=None)
@given(ranked_maps(), SETTINGS)
def test_each_reported_reversal_changes_the_thesis_as_a_what_if_and_no_other_does(
    m: ArgumentMap, setting: tuple[str, str]
) -> None:
    """For every deciding comparison tried for any statement, reported exactly when ``--prefer weaker stronger``
    changes the statement in a plain evaluation; and nothing else is reported."""
    ordering, comparison = setting
    ev = argmap.evaluate(m, ordering=ordering, comparison=comparison)
    order = Preferences(index(m), ())
    found = set()
    for subject in ev.statement_status:
        before = ev.status(subject)
        reported = dict(rank_points(ev, subject))
        expected = {}
        tried = candidates(ev, subject, weighed_cone(ev, subject))
        for stronger, weaker in tried:
            assert order.rank[stronger] > order.rank[weaker]
            what_if = argmap.evaluate(
                m, ordering=ordering, comparison=comparison, prefer=[(order.name(weaker), order.name(stronger))]
            )
            after = what_if.status(subject)
            if after is not before:
                expected[f"{order.name(stronger)} outweighs {order.name(weaker)}"] = after
        assert reported == expected, argmap.dumps(m)
        found.add("a reversal reported" if reported else "comparisons tried, none reported" if tried else "")
    event(max(found, key=len))
