"""Critical questions of a map: their states, `argmap questions` in each format, and the API."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap.checks import question_groups
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
    assert text.split("\n")[:4] == [  # compact: one line per question, keys and types in columns
        "a  expert_opinion  Argument from expert opinion",
        "  expertise  premise  How credible is E as an expert source?",
        "  field      premise  Is E an expert in the field that A is in?",
        "  opinion    premise  What did E assert that implies A?",
    ]
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


# -- a scheme the map defines ------------------------------------------------------

OWN = """
scheme sunk_talks "Argument from sunk talks" {
  conclusion "The talks should go on."
  question real premise "Was the investment real?"
  question cheaper exception "Would walking away cost less than going on?"
}
thesis t "The talks should go on."
claim spent "Both sides have spent a year on the talks."
argument a: spent => t { scheme: sunk_talks }
objection exit "Leaving now would cost less."
exit undercuts a { raises: cheaper }
"""


def test_command_lists_the_questions_of_a_map_scheme(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "talks.argmap"
    path.write_text(OWN, encoding="utf-8")
    assert main(["questions", "--format", "json", str(path)]) == exit_codes.OK
    (entry,) = json.loads(capsys.readouterr().out)["inferences"]
    assert entry["scheme"] == "sunk_talks"
    assert [(q["key"], q["state"]) for q in entry["questions"]] == [("real", "open"), ("cheaper", "raised")]


@pytest.mark.parametrize("view", [["--by", "question"], [], ["--matters"]])
def test_a_bar_in_a_map_question_stays_in_its_markdown_cell(
    view: list[str], tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A map's own question text is the author's: a `|` in it must not split the row into an extra column."""
    path = tmp_path / "talks.argmap"
    asked = OWN.replace("exit undercuts a { raises: cheaper }", "")  # left open, so that --matters lists it too
    path.write_text(asked.replace("cost less than going on?", "cost less | than going on?"), encoding="utf-8")
    assert main(["questions", "--format", "markdown", *view, str(path)]) == exit_codes.OK
    lines = capsys.readouterr().out.split("\n")
    (row,) = [line for line in lines if "`cheaper`" in line and line.startswith("|")]
    head = next(line for line in lines if line.startswith("| Question"))
    assert row.endswith("| Would walking away cost less \\| than going on? |")
    assert row.replace("\\|", "").count("|") == head.count("|")


def test_require_questions_takes_a_map_scheme_key(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "talks.argmap"
    path.write_text(OWN, encoding="utf-8")
    assert main(["check", "--format", "concise", "--require-questions", "sunk_talks", str(path)]) == exit_codes.OK
    out = capsys.readouterr().out
    assert "W215 nobody asked `argument a: spent => t` the `sunk_talks` question `real`" in out
    assert "`cheaper`" not in out
    assert main(["check", "--require-questions", "sunk_talk", str(path)]) == exit_codes.USAGE
    assert "did you mean `sunk_talks`?" in capsys.readouterr().err


def test_doubting_open_questions_takes_a_map_scheme() -> None:
    """`cheaper` is an open exception: doubted, `a` fails and `t` stands only because nobody asked.

    Once it is raised and answered nothing is doubted (`real` asks for a stated premise, which is never doubted).
    """
    from argmap.evaluation.doubt import stand_only_unasked

    m = argmap.loads(OWN.replace("exit undercuts a { raises: cheaper }", ""))
    assert stand_only_unasked(m) == ["t"]  # the open exception `cheaper` is doubted
    answered = argmap.loads(
        OWN + 'claim sunk "Costs already paid are no reason."\nsunk attacks exit { answers: cheaper }\n'
    )
    assert stand_only_unasked(answered) == []


# -- grouped by question -----------------------------------------------------------

TWO_SIGNS = """
thesis t "T"  claim c "C"  claim d "D"  objection o "O"
argument a: c => t { scheme: sign }
argument b: d => t { scheme: sign }
o undercuts b { raises: strength }
"""


def test_by_question_lists_each_question_once_with_where_it_is_open() -> None:
    m = argmap.loads(TWO_SIGNS)
    text = question_groups.table(m, only_open=True)
    assert text.split("\n")[:5] == [
        "sign  Argument from sign",
        "  strength      assumption  open on 1  "
        "What is the strength of the correlation of the sign with the event signified?",
        "    a",
        "  other_events  exception   open on 2  Are there other events that would more reliably account for the sign?",
        "    a, b",
    ]
    full = question_groups.table(m)
    assert "  strength      assumption  1 open, 1 raised  " in full
    assert "    open on a\n    raised on b\n" in full


def test_by_question_leaves_out_questions_asked_everywhere() -> None:
    m = argmap.loads(
        'thesis t "T"  claim c "C"  objection o "O"'
        "  argument a: c => t { scheme: sign }  o undercuts a { raises: strength }"
    )
    assert [a.question.key for a in question_groups.by_question(m, only_open=True)] == ["other_events"]
    assert [a.question.key for a in question_groups.by_question(m)] == ["strength", "other_events"]


@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_command_groups_by_question_in_each_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(MAPS / "drug-trial.argmap")
    assert main(["questions", "--by", "question", "--open", "--format", fmt, path]) == exit_codes.OK
    out = capsys.readouterr().out
    if fmt == "json":
        third = next(q for q in json.loads(out)["questions"] if q["key"] == "third_factor")
        assert third["scheme"] == "correlation_to_cause"
        assert third["open"] == ["b_result supports b_shows"]  # a_inf's was answered: not open there
        assert "answered" not in third
    elif fmt == "markdown":
        assert "| `third_factor` | exception | `b_result supports b_shows` | Can it be ruled out" in out
    else:
        assert "  third_factor  " in out and "open on 1" in out


def test_matters_is_not_grouped_by_question(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(MAPS / "drug-trial.argmap")
    assert main(["questions", "--matters", "--by", "question", path]) == exit_codes.USAGE
    assert "--matters" in capsys.readouterr().err


def test_by_question_wraps_the_list_of_inferences_between_names() -> None:
    m = argmap.loads(
        'thesis t "T"  claim alpha_statement "A"  claim beta_statement "B"  claim gamma_statement "C"'
        "  alpha_statement supports t { scheme: sign }  beta_statement supports t { scheme: sign }"
        "  gamma_statement supports t { scheme: sign }"
    )
    lines = question_groups.table(m, only_open=True, width=60).split("\n")
    names = [line for line in lines if line.startswith("    ")][:2]
    assert names == ["    alpha_statement supports t, beta_statement supports t,", "    gamma_statement supports t"]
    assert all(len(line) <= 60 for line in lines[:-1])
