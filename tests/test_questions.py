"""Critical questions of a map: their states, `argmap questions` in each format, and the API."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.checks.question_report import markdown, table
from argmap.cli import exit_codes, main

from .conftest import MAPS

REVIEW = """
thesis t "Tea is good for you."
claim c "A nutritionist says tea is good for you."
claim field "The nutritionist studies diet and health." { tags: [expertise] }
argument a: field + c => t { scheme: expert_opinion }
objection paid "The nutritionist is paid by a tea company."
undercut u: paid => a { raises: trustworthiness }
claim disclosed "The payment is disclosed and ends before the study."
disclosed attacks paid { answers: trustworthiness }
objection others "Other nutritionists disagree."
others attacks t { raises: consistency }
claim cites "The nutritionist cites three trials."
cites supports c { answers: backup_evidence }
"""


def _states(m: argmap.ArgumentMap) -> dict[str, tuple[str, list[str], list[str]]]:
    (iq,) = argmap.questions(m)
    return {
        q.question.key: (q.state, [i.key for i in q.raised_by], [i.key for i in q.answered_by]) for q in iq.questions
    }


def test_raised_answered_and_open_questions() -> None:
    m = argmap.loads(REVIEW)
    assert argmap.validate(m) == []
    states = _states(m)
    assert states["trustworthiness"] == ("answered", ["u"], ["disclosed attacks paid"])  # the reply to the undercut
    assert states["consistency"] == ("raised", ["others attacks t"], [])  # an attack on the conclusion
    assert states["backup_evidence"] == ("answered", [], ["cites supports c"])  # backing the premise
    assert [k for k, v in states.items() if v[0] == "open"] == ["expertise", "field", "opinion"]


def test_a_question_of_another_scheme_raises_nothing() -> None:
    m = argmap.loads(REVIEW.replace("raises: trustworthiness", "raises: third_factor"))
    assert {d.code for d in argmap.validate(m)} == {"E135"}
    # Nothing raises `trustworthiness` now, so the reply to the undercut answers nothing either.
    assert _states(m)["trustworthiness"] == ("open", [], [])


def test_inferences_without_a_known_scheme_are_left_out() -> None:
    m = argmap.loads('thesis t "T"  claim c "C"  argument a: c => t { scheme: "my own" }  c supports t')
    assert argmap.questions(m) == []
    assert table(m).endswith("0 inferences with a scheme, 0 questions: 0 open, 0 raised, 0 answered.")


def test_open_lists_only_unasked_questions() -> None:
    m = argmap.loads(REVIEW)
    text = table(m, only_open=True)
    assert "trustworthiness" not in text and "consistency" not in text
    assert "  open  field  (premise) Is E an expert in the field that A is in?" in text
    page = markdown(m)
    assert "| `trustworthiness` | exception | answered by disclosed attacks paid (raised by u) |" in page


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_command_prints_each_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--format", fmt, "--open", str(MAPS / "drug-trial.argmap")]) == exit_codes.OK
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        a_inf = next(x for x in data["inferences"] if x["inference"] == "a_inf")
        assert a_inf["scheme"] == "correlation_to_cause"
        assert "third_factor" not in [q["key"] for q in a_inf["questions"]]  # raised by unblind_u, answered
        assert {q["state"] for x in data["inferences"] for q in x["questions"]} == {"open"}
    else:
        assert "expert_inf" in out and "answered by" not in out and "raised by" not in out


def test_command_reports_a_syntax_error(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.argmap"
    bad.write_text('claim c "C" {', encoding="utf-8")
    assert main(["questions", str(bad)]) == exit_codes.FOUND
    assert "bad.argmap:1:" in capsys.readouterr().err
    assert main(["questions", str(tmp_path / "missing.argmap")]) == exit_codes.USAGE
