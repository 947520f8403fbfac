"""The critical questions of a map grouped by question: each scheme's question once, with where it stands.

Where :mod:`argmap.checks.question_report` walks the inferences, this view walks
the questions: "is the witness biased?" once, with the inferences it was never
asked of, raised on and answered on. It answers "which questions has nobody
asked, and how often": a short list even for a map with many inferences.

Example:
    >>> import argmap
    >>> m = argmap.loads('''thesis t "T"  claim c "C"  claim d "D"
    ...   argument a: c => t { scheme: sign }  argument b: d => t { scheme: sign }''')
    >>> print(table(m, only_open=True))
    sign  Argument from sign
      strength      assumption  open on 2  What is the strength of the correlation of the sign with the event signified?
        a, b
      other_events  exception   open on 2  Are there other events that would more reliably account for the sign?
        a, b
    <BLANKLINE>
    2 inferences with a scheme, 4 questions: 4 open, 0 raised, 0 answered.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from argmap.checks.question_report import cell, totals
from argmap.model import ArgumentMap, Inference
from argmap.model.questions import State, questions
from argmap.schemes import Question, Scheme
from argmap.terminal import cut, wrap

#: Holds an inference's name together when the list of names is wrapped.
NBSP = "\N{NO-BREAK SPACE}"
#: The states in the order the report gives them.
STATES: tuple[State, ...] = ("open", "raised", "answered")


@frozen
class Asked:
    """One question of one scheme, and the inferences of that scheme where it is in each state."""

    scheme: Scheme
    question: Question
    open: tuple[Inference, ...] = ()
    raised: tuple[Inference, ...] = ()
    answered: tuple[Inference, ...] = ()

    def on(self, state: State) -> tuple[Inference, ...]:
        """The inferences where the question is in ``state``."""
        return {"open": self.open, "raised": self.raised, "answered": self.answered}[state]


def by_question(m: ArgumentMap, only_open: bool = False) -> list[Asked]:
    """Every question of the schemes the map uses, in order of the schemes' first use and the scheme's own order.

    With ``only_open``, only the questions that are open on at least one
    inference, and only where they are open.
    """
    found: dict[tuple[str, str], dict[State, list[Inference]]] = {}
    schemes: dict[tuple[str, str], tuple[Scheme, Question]] = {}
    for iq in questions(m):
        for q in iq.questions:
            key = (iq.scheme.key, q.question.key)
            schemes.setdefault(key, (iq.scheme, q.question))
            found.setdefault(key, {s: [] for s in STATES})[q.state].append(iq.inference)
    out = []
    for key, states in found.items():
        if only_open and not states["open"]:
            continue
        scheme, question = schemes[key]
        kept = {s: tuple(states[s]) for s in (("open",) if only_open else STATES)}
        out.append(Asked(scheme, question, **kept))
    return out


def _count(a: Asked, only_open: bool) -> str:
    if only_open:
        return f"open on {len(a.open)}"
    return ", ".join(f"{len(a.on(s))} {s}" for s in STATES if a.on(s)) or "0 open"


def _keys(inferences: Sequence[Inference]) -> str:
    return ", ".join(i.key for i in inferences)


def table(m: ArgumentMap, only_open: bool = False, width: int | None = None, notes: Sequence[str] = ()) -> str:
    """One block per scheme, one line per question (key, type, count, text), then where it stands.

    The question texts are cut to ``width`` columns when given; the lists of
    inferences are wrapped to it. ``notes`` are lines added after the totals.
    """
    asked = by_question(m, only_open)
    keys = max((len(a.question.key) for a in asked), default=0)
    types = max((len(a.question.type) for a in asked), default=0)
    counts = max((len(_count(a, only_open)) for a in asked), default=0)
    lines: list[str] = []
    scheme = None
    for a in asked:
        if a.scheme.key != scheme:
            scheme = a.scheme.key
            lines.append(f"{a.scheme.key}  {a.scheme.name}")
        lead = f"  {a.question.key:<{keys}}  {a.question.type:<{types}}  {_count(a, only_open):<{counts}}  "
        lines.append(lead + cut(a.question.text, None if width is None else width - len(lead)))
        for s in ("open",) if only_open else STATES:
            if a.on(s):
                first = "    " if only_open else f"    {s} on "
                # names like `a supports b` are kept whole on a line: wrap at the commas only
                names = _keys(a.on(s)).replace(" ", NBSP).replace(",\N{NO-BREAK SPACE}", ", ")
                indent = "    " + " " * (len(first) - 4)
                lines += [line.replace(NBSP, " ") for line in wrap(names, width, indent, first)]
    return "\n".join([*lines, "", totals(m), *notes])


def markdown(m: ArgumentMap, only_open: bool = False) -> str:
    """One section per scheme with a table of its questions and where each stands."""
    lines = [f"# Critical questions by question{' (open)' if only_open else ''}", ""]
    scheme = None
    states = ("open",) if only_open else STATES
    for a in by_question(m, only_open):
        if a.scheme.key != scheme:
            scheme = a.scheme.key
            head = "| Question | Type | " + " | ".join(f"{s.capitalize()} on" for s in states) + " | Text |"
            lines += [f"## {a.scheme.name} (`{a.scheme.key}`)", "", head, "|---|---|" + "---|" * len(states) + "---|"]
        cells = " | ".join(", ".join(f"`{i.key}`" for i in a.on(s)) for s in states)
        lines.append(f"| `{a.question.key}` | {a.question.type} | {cells} | {cell(a.question.text)} |")
    return "\n".join([*lines, "", totals(m)])


def to_dict(m: ArgumentMap, only_open: bool = False) -> dict[str, Any]:
    """The report as JSON-ready data: a list of questions, each with the inferences in each state."""
    return {
        "questions": [
            {
                "scheme": a.scheme.key,
                "name": a.scheme.name,
                "key": a.question.key,
                "type": a.question.type,
                "text": a.question.text,
                **{s: [i.key for i in a.on(s)] for s in (("open",) if only_open else STATES)},
            }
            for a in by_question(m, only_open)
        ]
    }


def render(
    m: ArgumentMap, fmt: str, only_open: bool = False, width: int | None = None, notes: Sequence[str] = ()
) -> str:
    """The report in one of the formats of :data:`argmap.checks.question_report.FORMATS`."""
    if fmt == "json":
        return json.dumps(to_dict(m, only_open), indent=2, ensure_ascii=False)
    return markdown(m, only_open) if fmt == "markdown" else table(m, only_open, width, notes)
