"""The critical questions of a map as a report: a table, JSON data or Markdown.

Example:
    >>> import argmap
    >>> m = argmap.loads('thesis t "T"  claim c "C"  argument a: c => t { scheme: sign }')
    >>> print(table(m))
    a  sign  Argument from sign
      open  strength  (assumption) What is the strength of the correlation of the sign with the event signified?
      open  other_events  (exception) Are there other events that would more reliably account for the sign?
    <BLANKLINE>
    1 inference with a scheme, 2 questions: 2 open, 0 raised, 0 answered.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from argmap.model import ArgumentMap, Inference
from argmap.model.questions import InferenceQuestions, QuestionState, questions
from argmap.terminal import cut

FORMATS = ("table", "json", "markdown")


def _rows(m: ArgumentMap, only_open: bool) -> list[tuple[InferenceQuestions, tuple[QuestionState, ...]]]:
    out = []
    for iq in questions(m):
        shown = iq.open() if only_open else iq.questions
        if shown:
            out.append((iq, shown))
    return out


def _by(inferences: tuple[Inference, ...]) -> str:
    return ", ".join(i.key for i in inferences)


def _state(q: QuestionState) -> str:
    if q.state == "answered":
        return f"answered by {_by(q.answered_by)}" + (f" (raised by {_by(q.raised_by)})" if q.raised_by else "")
    return f"raised by {_by(q.raised_by)}" if q.state == "raised" else "open"


def cell(text: str) -> str:
    """Text for one cell of a Markdown table: on one line, its bars escaped (a map's own questions may hold them)."""
    return " ".join(text.split()).replace("|", "\\|")


def totals(m: ArgumentMap) -> str:
    """The last line of every report: how many inferences and questions, and how many in each state."""
    every = [q for iq in questions(m) for q in iq.questions]
    counts = {s: sum(q.state == s for q in every) for s in ("open", "raised", "answered")}
    n = len(questions(m))
    return (
        f"{n} inference{'s' * (n != 1)} with a scheme, {len(every)} question{'s' * (len(every) != 1)}: "
        f"{counts['open']} open, {counts['raised']} raised, {counts['answered']} answered."
    )


def table(m: ArgumentMap, only_open: bool = False, width: int | None = None, notes: Sequence[str] = ()) -> str:
    """One block per inference: its key, scheme and name, then one line per question.

    With ``only_open`` the blocks are compact: no state (all are open), the
    keys and types in columns and each text on one line, cut to ``width``
    columns when given. ``notes`` are lines added after the totals.
    """
    if only_open:
        return _compact(m, width, notes)
    lines: list[str] = []
    for iq, shown in _rows(m, only_open):
        lines.append(f"{iq.inference.key}  {iq.scheme.key}  {iq.scheme.name}")
        lines += [f"  {_state(q)}  {q.question.key}  ({q.question.type}) {q.question.text}" for q in shown]
        lines.append("")
    return "\n".join([*lines, totals(m), *notes])


def _compact(m: ArgumentMap, width: int | None, notes: Sequence[str]) -> str:
    """The open questions, one line each under their inference's line, texts cut to ``width``."""
    rows = _rows(m, True)
    keys = max((len(q.question.key) for _, shown in rows for q in shown), default=0)
    types = max((len(q.question.type) for _, shown in rows for q in shown), default=0)
    lines: list[str] = []
    for iq, shown in rows:
        head = f"{iq.inference.key}  {iq.scheme.key}  "
        lines.append(head + cut(iq.scheme.name, None if width is None else width - len(head)))
        for q in shown:
            lead = f"  {q.question.key:<{keys}}  {q.question.type:<{types}}  "
            lines.append(lead + cut(q.question.text, None if width is None else width - len(lead)))
    return "\n".join([*lines, "", totals(m), *notes])


def markdown(m: ArgumentMap, only_open: bool = False) -> str:
    """One section per inference with a table of its questions."""
    lines = [f"# Critical questions{' (open)' if only_open else ''}", ""]
    for iq, shown in _rows(m, only_open):
        lines += [f"## `{iq.inference.key}`: {iq.scheme.name} (`{iq.scheme.key}`)", ""]
        lines += ["| Question | Type | State | Text |", "|---|---|---|---|"]
        lines += [f"| `{q.question.key}` | {q.question.type} | {_state(q)} | {cell(q.question.text)} |" for q in shown]
        lines.append("")
    return "\n".join([*lines, totals(m)])


def to_dict(m: ArgumentMap, only_open: bool = False) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return {
        "inferences": [
            {
                "inference": iq.inference.key,
                "scheme": iq.scheme.key,
                "name": iq.scheme.name,
                "questions": [
                    {
                        "key": q.question.key,
                        "type": q.question.type,
                        "text": q.question.text,
                        "state": q.state,
                        "raised_by": [i.key for i in q.raised_by],
                        "answered_by": [i.key for i in q.answered_by],
                    }
                    for q in shown
                ],
            }
            for iq, shown in _rows(m, only_open)
        ]
    }


def render(
    m: ArgumentMap, fmt: str, only_open: bool = False, width: int | None = None, notes: Sequence[str] = ()
) -> str:
    """The report in one of :data:`FORMATS`; ``width`` and ``notes`` as :func:`table` takes them (table only)."""
    if fmt == "json":
        return json.dumps(to_dict(m, only_open), indent=2, ensure_ascii=False)
    return markdown(m, only_open) if fmt == "markdown" else table(m, only_open, width, notes)
