"""Preferences in the evaluation: which argument outweighs which, by line, by rank and as a what-if."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import argmap
from argmap.evaluation.errors import EvaluationError
from argmap.evaluation.status import Status
from argmap.rendering.options import RenderOptions

IN, OUT, UNDECIDED = Status.IN, Status.OUT, Status.UNDECIDED

GRANTED = """
thesis t "We should build the bridge."
claim cost "The bridge is expensive."
claim trade "The bridge doubles trade with the island."
argument worth: trade => t
attack pricey: cost => t
"""


def test_without_preferences_a_granted_objection_defeats_the_claim() -> None:
    assert argmap.evaluate(argmap.loads(GRANTED)).status("t") is OUT


def test_the_claim_stands_when_its_reason_outweighs_the_objection() -> None:
    m = argmap.loads(GRANTED + "worth outweighs pricey\n")
    ev = argmap.evaluate(m)
    assert (ev.status("t"), ev.status("pricey"), ev.status("cost")) == (IN, IN, IN)


def test_a_preference_the_other_way_changes_nothing_an_attack_already_wins() -> None:
    assert argmap.evaluate(argmap.loads(GRANTED + "pricey outweighs worth\n")).status("t") is OUT


def test_the_what_if_prefer_is_the_same_as_writing_the_line() -> None:
    assert argmap.evaluate(argmap.loads(GRANTED), prefer=[("worth", "pricey")]).status("t") is IN


def test_the_what_if_prefer_names_an_inference_without_id_by_how_it_reads() -> None:
    """An inference without an id is named as ``--reject`` and ``--critical`` name it; the pair is not dropped."""
    m = argmap.loads(GRANTED.replace("argument worth: trade => t", "trade supports t"))
    assert argmap.evaluate(m).status("t") is OUT
    assert argmap.evaluate(m, prefer=[("trade supports t", "pricey")]).status("t") is IN


def test_undercuts_succeed_whatever_the_preferences() -> None:
    m = argmap.loads(
        GRANTED + 'claim moot "Trade figures are invented."\nundercut u: moot => worth\nworth outweighs u\n'
    )
    assert argmap.evaluate(m).status("t") is OUT


def test_a_contradiction_is_decided_by_the_preference_between_premises() -> None:
    m = argmap.loads('thesis a "A"  claim b "B"  a contradicts b\n')
    assert argmap.evaluate(m).status("a") is UNDECIDED
    assert argmap.evaluate(m, prefer=[("a", "b")]).statuses() == {"a": IN, "b": OUT}
    assert argmap.evaluate(m, prefer=[("b", "a")]).statuses() == {"a": OUT, "b": IN}


def test_a_statement_inherits_its_sources_rank_before_its_speakers() -> None:
    m = argmap.loads("""
    source minutes "Minutes" { rank: 3 }
    actor memoirist "A memoirist" { rank: 1 }
    actor official "An official" { rank: 2 }
    thesis offer "The offer was made." { source: minutes, by: memoirist }
    claim denial "No offer was made." { by: official }
    offer contradicts denial
    """)
    assert argmap.evaluate(m).status("offer") is IN  # 3 (source) over 2, not 1 (speaker) under 2


def test_a_statements_own_rank_wins_over_its_source() -> None:
    m = argmap.loads("""
    source minutes "Minutes" { rank: 3 }
    thesis offer "The offer was made." { source: minutes, rank: 1 }
    claim denial "No offer was made." { rank: 2 }
    offer contradicts denial
    """)
    assert argmap.evaluate(m).status("offer") is OUT


def test_last_link_and_weakest_link_differ_where_a_weak_premise_lies_below() -> None:
    # The reason's last inference outweighs the attack, but its premise is weaker than the attack.
    m = argmap.loads("""
    thesis t "T"  claim p "P" { rank: 1 }  claim o "O" { rank: 3 }
    argument r: p => t { rank: 4 }
    attack x: o => t { rank: 2 }
    """)
    assert argmap.evaluate(m, ordering="last-link").status("t") is IN
    assert argmap.evaluate(m, ordering="weakest-link").status("t") is OUT


def test_elitist_and_democratic_differ_on_a_mixed_set() -> None:
    # Weakest link: the reason uses {p: 1, r: 5}, the attack {o: 3, x: 3}.
    # Elitist: p is below every link of the attack, so the reason is weaker and the attack defeats.
    # Democratic: r is below no link of the attack, so the reason is not weaker and the attack fails.
    m = argmap.loads("""
    thesis t "T"  claim p "P" { rank: 1 }  claim o "O" { rank: 3 }
    argument r: p => t { rank: 5 }
    attack x: o => t { rank: 3 }
    """)
    assert argmap.evaluate(m, ordering="weakest-link", comparison="elitist").status("t") is OUT
    assert argmap.evaluate(m, ordering="weakest-link", comparison="democratic").status("t") is IN


def test_unknown_settings_and_ids_are_clear_errors() -> None:
    m = argmap.loads(GRANTED)
    with pytest.raises(EvaluationError, match="unknown ordering `strongest`"):
        argmap.evaluate(m, ordering="strongest")
    with pytest.raises(EvaluationError, match="unknown comparison"):
        argmap.evaluate(m, comparison="majority")
    with pytest.raises(EvaluationError, match=r"cannot prefer `wort`.*did you mean `worth`"):
        argmap.evaluate(m, prefer=[("wort", "pricey")])


def test_the_command_line_takes_ordering_comparison_and_prefer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bridge.argmap"
    path.write_text(GRANTED, encoding="utf-8")
    run = [sys.executable, "-m", "argmap", "evaluate", str(path), "--format", "json"]

    def thesis(*extra: str) -> str:
        out = subprocess.run([*run, *extra], capture_output=True, text=True, check=True).stdout
        return str(next(s["status"] for s in json.loads(out)["statements"] if s["id"] == "t"))

    assert thesis() == "out"
    assert thesis("--prefer", "worth", "pricey") == "in"
    assert thesis("--prefer", "worth", "pricey", "--ordering", "weakest-link", "--comparison", "democratic") == "out"
    bad = subprocess.run([*run, "--prefer", "worth", "nothing"], capture_output=True, text=True)
    assert bad.returncode == 2 and "cannot prefer `nothing`" in bad.stderr


def test_render_options_need_evaluate_for_preference_settings() -> None:
    with pytest.raises(ValueError, match="ordering, comparison and prefer need evaluate=True"):
        RenderOptions(prefer=[("a", "b")])
    assert RenderOptions(evaluate=True, prefer=[["a", "b"]]).prefer == (("a", "b"),)
