"""`argmap questions --matters`: the open questions whose raising alone would change a status.

Each hand-made map is worked out in its docstring: which inference raising a
question sets aside, and what then changes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import argmap
from argmap.cli import exit_codes, main
from argmap.evaluation.matters import critical_questions, only_together, questions_that_matter

from .conftest import MAPS, ROOT

HINT = """
scheme hint "Argument from a hint" {
  question real premise "Is the hint real?"
  question other exception "Could something else explain the hint?"
}
"""

ROAD = (
    HINT
    + """
thesis t "The road is wet."
evidence skid "A car skidded."
claim slippery "The road is slippery."
claim slow "Traffic is slow."
argument s: skid => slippery { scheme: hint }
argument v: slippery => slow
claim puddles "There are puddles on the pavement."
evidence grey "The sky was grey all morning."
claim drizzle "It drizzled." { tags: [weather] }
argument p: grey => drizzle { scheme: hint }
argument q: drizzle => puddles
argument a: drizzle => t { scheme: hint }
claim cold "It was cold."
evidence breath "People's breath showed."
evidence frost "There was frost on the cars."
argument b: breath => cold { scheme: hint }
argument c: frost => cold { scheme: hint }
"""
)


def _listed(found: list) -> list[tuple[str, list[str], list[str]]]:
    return [(i.inference.key, [q.question.key for q in i.questions], [str(c) for c in i.changes]) for i in found]


def test_only_the_exceptions_that_change_a_status_are_listed() -> None:
    """Raising `other` of `p` takes away the drizzle, so the puddles and the wet road go (3 statements).

    Within an entry the theses come first, then the other statements in map order.

    Raising `other` of `a` takes away only the wet road; raising it of `s` takes two statements, the
    slippery road and the slow traffic, but no thesis, so `s` comes last though declared first. `cold`
    has two hints: raising the question of either leaves the other, so `b` and `c` are not listed.
    The premise question `real` is never listed.
    """
    m = argmap.loads(ROAD)
    assert _listed(questions_that_matter(m)) == [
        ("p", ["other"], ["IN → OUT: t", "IN → OUT: puddles", "IN → OUT: drizzle"]),
        ("a", ["other"], ["IN → OUT: t"]),
        ("s", ["other"], ["IN → OUT: slippery", "IN → OUT: slow"]),
    ]
    (first, *_) = questions_that_matter(m)
    assert [c.statement for c in first.theses()] == ["t"]
    # No circle on the map: preferred semantics (which evaluates the map again each time) agrees.
    assert _listed(questions_that_matter(m, "preferred")) == _listed(questions_that_matter(m))


def test_what_only_several_questions_together_bring_down() -> None:
    """Doubting every open question at once also takes `cold` (both its hints); no one question does."""
    m = argmap.loads(ROAD)
    ev = argmap.evaluate(m)
    assert only_together(ev, questions_that_matter(m)) == ["cold"]


def test_an_assumed_inference_is_not_questioned() -> None:
    """Assumed, `p` holds whatever is asked of it, so it is not listed; `a` and `s` still are."""
    m = argmap.loads(ROAD)
    assert [i.inference.key for i in questions_that_matter(m, assume=["p"])] == ["a", "s"]


PREFERRED = (
    HINT
    + """
thesis t "The road is wet."
evidence e "The gutters are running."
evidence f "The forecast said it would stay dry."
objection o "The road is dry."
argument a: e => t { scheme: hint }
argument r: f => o
attack k: o => t
"""
)


def test_preferences_are_honoured() -> None:
    """`k` defeats `a`'s conclusion, so `t` is OUT and raising `other` of `a` changes nothing.

    With `a` preferred to `k` the attack fails, `t` is IN, and raising `other` of `a` takes it away.
    """
    m = argmap.loads(PREFERRED)
    assert questions_that_matter(m) == []
    assert _listed(questions_that_matter(m, prefer=[("a", "k")])) == [("a", ["other"], ["IN → OUT: t"])]


def test_the_doubt_honours_preferences_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "road.argmap"
    path.write_text(PREFERRED, encoding="utf-8")
    for extra, unasked in (([], []), (["--prefer", "a", "k"], ["t"])):
        assert main(["evaluate", "--format", "json", "--doubt-open-questions", *extra, str(path)]) == exit_codes.OK
        data = json.loads(capsys.readouterr().out)
        assert data["stand_only_unasked"] == unasked
        assert data["semantics"] == "grounded"


@pytest.fixture
def road(tmp_path: Path) -> Path:
    path = tmp_path / "road.argmap"
    path.write_text(ROAD, encoding="utf-8")
    return path


def test_table(road: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--matters", str(road)]) == exit_codes.OK
    assert capsys.readouterr().out.split("\n") == [
        "p  hint  Argument from a hint",
        "  would change  IN → OUT: t (thesis), puddles, drizzle",
        "  other         exception   Could something else explain the hint?",
        "",
        "a  hint  Argument from a hint",
        "  would change  IN → OUT: t (thesis)",
        "  other         exception   Could something else explain the hint?",
        "",
        "s  hint  Argument from a hint",
        "  would change  IN → OUT: slippery, slow",
        "  other         exception   Could something else explain the hint?",
        "",
        "3 of 5 open exception and assumption questions matter: raising one alone changes a status "
        "(grounded semantics).",
        "Standing only because nobody asked, but no one question alone changes it: cold.",
        "",
    ]


def test_json(road: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--matters", "--format", "json", str(road)]) == exit_codes.OK
    data = json.loads(capsys.readouterr().out)
    assert (data["semantics"], data["open"], data["matter"], data["only_together"]) == ("grounded", 5, 3, ["cold"])
    first = data["inferences"][0]
    assert (first["inference"], first["scheme"], first["name"]) == ("p", "hint", "Argument from a hint")
    assert first["questions"] == [
        {"key": "other", "type": "exception", "text": "Could something else explain the hint?"}
    ]
    assert first["changes"][0] == {"statement": "t", "thesis": True, "before": "in", "after": "out"}
    assert [c["statement"] for c in first["changes"]] == ["t", "puddles", "drizzle"]


def test_markdown(road: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--matters", "--format", "markdown", str(road)]) == exit_codes.OK
    out = capsys.readouterr().out
    assert out.startswith("# Open critical questions that matter\n\n## `p`: Argument from a hint (`hint`)\n")
    assert "Raising any one of these alone would change IN → OUT: `t` (thesis), `puddles`, `drizzle`." in out
    assert "| `other` | exception | Could something else explain the hint? |" in out
    assert "no one question alone changes it: `cold`." in out


def test_the_open_table_counts_what_matters(road: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--open", str(road)]) == exit_codes.OK
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    assert lines[:3] == [
        "s  hint  Argument from a hint",
        "  real   premise    Is the hint real?",
        "  other  exception  Could something else explain the hint?",
    ]
    assert lines[-1] == (
        "3 of 5 open exception and assumption questions matter: raising one alone changes a status "
        "(grounded semantics); --matters lists them."
    )


def test_the_open_table_fits_the_terminal(
    road: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.cli.questions.width_of", lambda stream: 40)
    assert main(["questions", "--open", str(road)]) == exit_codes.OK
    lines = capsys.readouterr().out.split("\n")
    assert "  other  exception  Could something els…" in lines
    assert all(len(line) <= 40 for line in lines[: lines.index("")])


def test_an_unknown_what_if_id_is_a_clear_error(road: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--matters", "--assume", "pp", str(road)]) == exit_codes.USAGE
    assert "cannot assume `pp`: no statement or inference has that id (did you mean `p`?)" in capsys.readouterr().err


# -- the article's map ------------------------------------------------------------


def test_the_article_agrees_with_the_doubt(capsys: pytest.CaptureFixture[str]) -> None:
    """What single questions take from IN, with what only several take together, is what the doubt names.

    No single question changes a thesis, as `evaluate --doubt-open-questions --critical` says too.
    """
    path = str(MAPS / "peace-talks.argmap")
    assert main(["evaluate", "--format", "json", "--doubt-open-questions", "--critical", path]) == exit_codes.OK
    doubt = json.loads(capsys.readouterr().out)
    assert main(["questions", "--matters", "--format", "json", path]) == exit_codes.OK
    matters = json.loads(capsys.readouterr().out)
    alone = {c["statement"] for i in matters["inferences"] for c in i["changes"] if c["before"] == "in"}
    assert sorted(alone | set(matters["only_together"])) == sorted(doubt["stand_only_unasked"])
    assert matters["only_together"] == ["bennett_position"]  # it has two reasons, each with open questions
    assert not any(c["thesis"] for i in matters["inferences"] for c in i["changes"])
    assert doubt["critical_questions"] == {"us_prevented": [], "us_interests": []}
    m = argmap.load(MAPS / "peace-talks.argmap")
    assert critical_questions(m) == {"us_prevented": [], "us_interests": []}


def test_the_command_line_page_shows_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    shown = re.search(r"```console\n\$ argmap questions maps/drug-trial.argmap --matters\n(.*?)```", page, re.S)
    assert shown is not None
    assert main(["questions", "--matters", str(MAPS / "drug-trial.argmap")]) == exit_codes.OK
    assert capsys.readouterr().out == shown.group(1)


@pytest.mark.parametrize("name", ["peace-talks.argmap", "drug-trial.argmap"])
def test_solving_only_what_depends_on_an_inference_agrees_with_evaluating_again(name: str) -> None:
    """Grounded semantics solves only the region below each inference; each entry is checked by a full evaluation.

    An inference not listed must change nothing when it is rejected, either.
    """
    m = argmap.load(MAPS / name)
    ev = argmap.evaluate(m)
    listed = {i.inference.key: {c.statement: c.after for c in i.changes} for i in questions_that_matter(m)}
    assert listed
    for iq in argmap.questions(m):
        if not any(q.question.type != "premise" for q in iq.open()):
            continue
        after = argmap.evaluate(m, reject=[iq.inference.key]).statement_status
        changed = {s: a for s, a in after.items() if a is not ev.statement_status[s]}
        assert listed.get(iq.inference.key, {}) == changed, iq.inference.key


def test_the_open_table_points_to_matters_only_when_something_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With `k` defeating `t`, raising the one open exception of `a` changes nothing (see above)."""
    path = tmp_path / "road.argmap"
    path.write_text(PREFERRED, encoding="utf-8")
    count = "open exception and assumption questions"
    assert main(["questions", "--open", str(path)]) == exit_codes.OK
    last = capsys.readouterr().out.rstrip("\n").split("\n")[-1]
    assert last == f"0 of 1 {count} matter: raising one alone changes a status (grounded semantics)."
    assert main(["questions", "--open", "--prefer", "a", "k", str(path)]) == exit_codes.OK
    last = capsys.readouterr().out.rstrip("\n").split("\n")[-1]
    assert last == (
        f"1 of 1 {count} matters: raising one alone changes a status (grounded semantics); --matters lists them."
    )
