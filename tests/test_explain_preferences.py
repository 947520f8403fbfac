"""Explanations name the preference that decided an attack: why it fails, or why it defeats."""

from __future__ import annotations

import json

import argmap
from argmap.cli import main

BLOCKED = """thesis t "T"  evidence e "E"  objection o "O"
argument r: e => t
attack x: o => t
r outweighs x
"""

RANKED = """source minutes "Minutes taken at the meeting" { rank: 2 }
source memoir "A memoir written ten years later" { rank: 1 }
thesis t "The offer was made."
claim m "The minutes record the offer." { source: minutes }
claim n "No offer was made, says the memoir." { source: memoir }
m supports t
m contradicts n
"""


def test_an_attack_stopped_by_a_written_preference_says_where_it_is_written() -> None:
    ev = argmap.evaluate(argmap.loads(BLOCKED))
    assert str(ev.explain("t")).splitlines()[0] == (
        "`t` is IN: it follows from `r`, and `x` attacks it but `r` outweighs `x` (written at <text>:4:1)."
    )


def test_without_the_preference_the_same_attack_defeats_and_no_preference_is_named() -> None:
    ev = argmap.evaluate(argmap.loads(BLOCKED.replace("r outweighs x", "")))
    assert str(ev.explain("t")).splitlines()[0] == "`t` is OUT: rebutted by `x`."


def test_a_defeat_decided_by_ranks_names_both_ranks() -> None:
    ev = argmap.evaluate(argmap.loads(RANKED))
    assert str(ev.explain("n")).splitlines()[0] == (
        "`n` is OUT: undermined by the contradicting statement `m` (preferred: `m` (rank 2) outweighs `n` (rank 1))."
    )


def test_a_chain_of_preferences_is_spelt_out_step_by_step() -> None:
    m = argmap.loads('claim m "M"  claim n "N"  claim k "K"  m contradicts n\nk outweighs m\nk contradicts n\n')
    ev = argmap.evaluate(m, prefer=[("n", "k")])  # n > k > m
    assert str(ev.explain("m")).splitlines()[0] == (
        "`m` is OUT: undermined by the contradicting statement `n` "
        "(preferred: `n` outweighs `k` (a what-if), `k` outweighs `m` (written at <text>:2:1))."
    )


def test_weakest_link_names_the_weak_link_below_the_conclusion() -> None:
    """Last link: `r` (rank 3) outweighs `x` (rank 2). Weakest link, elitist: `t`'s premise `e` (rank 1) is
    below everything `x` uses, so `x` defeats. Weakest link, democratic: everything `x` uses is below `r`."""
    m = argmap.loads("""thesis t "T"  evidence e "E" { rank: 1 }  objection o "O" { rank: 2 }
argument r: e => t { rank: 3 }
attack x: o => t { rank: 2 }
""")
    first = {
        (ordering, comparison): str(argmap.evaluate(m, ordering=ordering, comparison=comparison).explain("t"))
        for ordering in ("last-link", "weakest-link")
        for comparison in ("elitist", "democratic")
    }
    stopped = "`t` is IN: it follows from `r`, and `x` attacks it but `r` (rank 3) outweighs `x` (rank 2)."
    assert first["last-link", "elitist"].splitlines()[0] == stopped
    assert first["last-link", "democratic"].splitlines()[0] == stopped
    assert first["weakest-link", "democratic"].splitlines()[0] == stopped
    assert first["weakest-link", "elitist"].splitlines()[0] == (
        "`t` is OUT: rebutted by `x` (preferred: `x` (rank 2) outweighs `e` (rank 1))."
    )


def test_the_command_line_and_its_json_say_it_too(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.argmap"
    path.write_text(BLOCKED, encoding="utf-8")
    assert main(["evaluate", str(path), "--explain", "t"]) == 0
    assert "`x` attacks it but `r` outweighs `x` (written at " in capsys.readouterr().out
    assert main(["evaluate", str(path), "--format", "json", "--explain", "t"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "but `r` outweighs `x` (written at " in data["explanations"][0]["text"]
    assert "but `r` outweighs `x` (written at " in data["theses"][0]["explanation"]["text"]


def test_an_objection_whose_every_attack_a_preference_stops_is_not_named_as_a_winner() -> None:
    """`m` falls to `k`; `n` contradicts it too, but `m` (rank 2) outweighs `n` (rank 1): only `k` is named."""
    m = argmap.loads(
        'thesis t "T"  claim m "M" { rank: 2 }  claim n "N" { rank: 1 }  claim k "K"\n'
        "m supports t\nm contradicts n\nk attacks m\n"
    )
    assert str(argmap.evaluate(m).explain("m")).splitlines()[0] == "`m` is OUT: undermined by `k`."
