"""docs/evaluation.md says what the tool does: its commands, figures and pictures are checked."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

import argmap
from argmap.cli import exit_codes, main
from argmap.evaluation.extensions import MAX_GROUP, MAX_STEPS
from argmap.evaluation.status import Status

from .conftest import ROOT

PAGE = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
#: Numbers the page writes in words ("the other fourteen").
NUMBERS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
        ]
    )
}
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", PAGE, re.S)


def console_examples() -> list[tuple[str, list[str]]]:
    """``(command, lines it shows)``; a command shown without output takes the next text block."""
    found: list[tuple[str, list[str]]] = []
    for i, (kind, body) in enumerate(BLOCKS):
        if kind != "console":
            continue
        first, *shown = body.rstrip("\n").split("\n")
        if not shown:
            following = next((b for k, b in BLOCKS[i + 1 :] if k in ("text", "console")), "")
            shown = following.rstrip("\n").split("\n")
        found.append((first.removeprefix("$ "), shown))
    return found


EXAMPLES = console_examples()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the page's tea map, the maps it introduces as "With `NAME.argmap`:", and the repository's."""
    tea = next(body for kind, body in BLOCKS if kind == "argmap")
    (tmp_path / "tea.argmap").write_text(tea, encoding="utf-8")
    for name, body in re.findall(r"With `([\w-]+\.argmap)`:\n\n```argmap\n(.*?)```", PAGE, re.S):
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "maps").symlink_to(ROOT / "maps")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_console_examples_match_the_tool(
    folder: Path, capsys: pytest.CaptureFixture[str], command: str, shown: list[str]
) -> None:
    words = shlex.split(command)
    assert words[0] == "argmap"
    main(words[1:])
    out, err = capsys.readouterr()
    printed = (out + err).split("\n")
    at = 0
    for line in shown:  # every line shown, in order
        assert line in printed[at:], f"not printed by `{command}`: {line!r}"
        at = printed.index(line, at) + 1


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 6


def test_the_pictures_are_up_to_date() -> None:
    commands = re.findall(r"^argmap render (.*)$", PAGE, re.M)
    assert len(commands) == 2
    for command in commands:
        args = shlex.split(command)
        picture = args[args.index("-o") + 1]
        assert f"]({Path(picture).name})" in PAGE  # shown on the page
        paths = [str(ROOT / a) if a.endswith((".argmap", ".svg")) else a for a in args]
        assert main(["render", "--check", *paths]) == exit_codes.OK, f"{picture} is stale: run argmap render {command}"


def test_python_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    examples = "\n\n".join(body for kind, body in BLOCKS if kind == "python")
    test = doctest.DocTestParser().get_doctest(examples, {}, "evaluation.md", "docs/evaluation.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert test.examples


def test_api_page_evaluation_examples_run() -> None:
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    section = page.split("## Evaluation", 1)[1].split("\n## ", 1)[0]
    examples = "\n\n".join(re.findall(r"```python\n(>>> .*?)```", section, re.S))
    test = doctest.DocTestParser().get_doctest(examples, {}, "api.md", "docs/api.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert len(test.examples) >= 5


def test_the_floating_conclusion_example() -> None:
    text = next(body for kind, body in BLOCKS if kind == "argmap" and "a contradicts b" in body)
    m = argmap.loads(text)
    grounded = argmap.evaluate(m)
    assert {grounded.status(s) for s in "abt"} == {Status.UNDECIDED}
    for semantics in ("preferred", "stable"):
        ev = argmap.evaluate(m, semantics)
        assert ev.extensions == 2 and ev.status("t") is Status.IN
        assert ev.status("a") is Status.UNDECIDED and ev.credulous("a")


def test_limits_and_critical_question_table_match_the_code() -> None:
    assert f"at most **{MAX_GROUP} undecided assumptions**" in PAGE
    assert f"at most\n**{MAX_STEPS:,} steps**" in PAGE
    m = argmap.load(ROOT / "maps" / "peace-talks.argmap")
    rows = re.findall(r"^\| (`cq_.*?)\| (IN|OUT) \| (IN|OUT) \|$", PAGE, re.M)
    assert len(rows) >= 3
    named = {cq: (p, i) for names, p, i in rows for cq in re.findall(r"`(cq_\w+)`", names)}
    questions = [s.id for s in m.statements() if s.by == "reviewer"]
    others = re.search(r"^\| the other (\w+) \| IN \| IN \|$", PAGE, re.M)
    assert others is not None and len(questions) - len(named) == NUMBERS[others.group(1)]
    for cq in questions:  # each question alone, on the article's own terms
        ev = argmap.evaluate(m, distrust=["reviewer"], assume=[cq])
        assert (ev.status("us_prevented").name, ev.status("us_interests").name) == named.get(cq, ("IN", "IN")), cq
