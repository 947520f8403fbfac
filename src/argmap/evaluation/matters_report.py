"""The open critical questions that matter, as a report: a table, JSON data or Markdown.

Example:
    >>> import argmap
    >>> from argmap.evaluation.evaluator import evaluate
    >>> m = argmap.loads('thesis t "T"  evidence e "E"  argument a: e => t { scheme: sign }')
    >>> print(table(evaluate(m)))
    a  sign  Argument from sign
      would change  IN → OUT: t (thesis)
      strength      assumption  What is the strength of the correlation of the sign with the event signified?
      other_events  exception   Are there other events that would more reliably account for the sign?
    <BLANKLINE>
    2 of 2 open exception and assumption questions matter: raising one alone changes a status (grounded semantics).
"""

from __future__ import annotations

import json
from typing import Any

from argmap.checks.question_report import cell
from argmap.evaluation.doubt import DOUBTED
from argmap.evaluation.evaluator import Evaluation
from argmap.evaluation.matters import Change, Impact, impacts, only_together
from argmap.model import ArgumentMap
from argmap.model.questions import questions
from argmap.terminal import cut, wrap

#: How an open question's line in a table shows what it would change.
CHANGES = "would change"


def open_doubted(m: ArgumentMap) -> int:
    """How many open exception and assumption questions the map has: those that might matter."""
    return sum(q.question.type in DOUBTED for iq in questions(m) for q in iq.open())


def summary(ev: Evaluation, found: list[Impact]) -> str:
    """One line: how many of the open exception and assumption questions matter, and under which semantics."""
    matter = sum(len(i.questions) for i in found)
    verb = "matters" if matter == 1 else "matter"
    return (
        f"{matter} of {open_doubted(ev.map)} open exception and assumption questions {verb}: "
        f"raising one alone changes a status ({ev.semantics} semantics)."
    )


def _together(ev: Evaluation, found: list[Impact], mark: str = "{}") -> list[str]:
    """A line naming what only several questions together bring down, if anything."""
    ids = only_together(ev, found)
    if not ids:
        return []
    shown = ", ".join(mark.format(sid) for sid in ids)
    return [f"Standing only because nobody asked, but no one question alone changes it: {shown}."]


def _grouped(changes: tuple[Change, ...], mark: str = "{}") -> str:
    """``IN → OUT: a, b; IN → UNDECIDED: c``, in the order the changes come; theses marked."""
    groups: dict[str, list[str]] = {}
    for c in changes:
        shown = mark.format(c.statement) + (" (thesis)" if c.thesis else "")
        groups.setdefault(f"{c.before.name} → {c.after.name}", []).append(shown)
    return "; ".join(f"{how}: {', '.join(ids)}" for how, ids in groups.items())


def table(ev: Evaluation, width: int | None = None) -> str:
    """One block per inference: its key, scheme and name, what raising would change, then its questions."""
    found = impacts(ev)
    lines: list[str] = []
    for impact in found:
        keys = max(len(CHANGES), *(len(q.question.key) for q in impact.questions))
        head = f"{impact.inference.key}  {impact.scheme.key}  "
        lines.append(head + cut(impact.scheme.name, None if width is None else width - len(head)))
        lines += wrap(_grouped(impact.changes), width, " " * (keys + 4), f"  {CHANGES:<{keys}}  ")
        for q in impact.questions:
            lead = f"  {q.question.key:<{keys}}  {q.question.type:<10}  "
            lines.append(lead + cut(q.question.text, None if width is None else width - len(lead)))
        lines.append("")
    return "\n".join([*lines, summary(ev, found), *_together(ev, found)])


def markdown(ev: Evaluation) -> str:
    """One section per inference: what raising would change, and a table of its questions."""
    found = impacts(ev)
    lines = ["# Open critical questions that matter", ""]
    for impact in found:
        lines += [f"## `{impact.inference.key}`: {impact.scheme.name} (`{impact.scheme.key}`)", ""]
        lines += [f"Raising any one of these alone would change {_grouped(impact.changes, '`{}`')}.", ""]
        lines += ["| Question | Type | Text |", "|---|---|---|"]
        lines += [f"| `{q.question.key}` | {q.question.type} | {cell(q.question.text)} |" for q in impact.questions]
        lines.append("")
    return "\n".join([*lines, summary(ev, found), *_together(ev, found, "`{}`")])


def to_dict(ev: Evaluation) -> dict[str, Any]:
    """The report as JSON-ready data."""
    found = impacts(ev)
    return {
        "semantics": ev.semantics,
        "open": open_doubted(ev.map),
        "matter": sum(len(i.questions) for i in found),
        "inferences": [
            {
                "inference": i.inference.key,
                "scheme": i.scheme.key,
                "name": i.scheme.name,
                "questions": [
                    {"key": q.question.key, "type": q.question.type, "text": q.question.text} for q in i.questions
                ],
                "changes": [
                    {"statement": c.statement, "thesis": c.thesis, "before": c.before.value, "after": c.after.value}
                    for c in i.changes
                ],
            }
            for i in found
        ],
        "only_together": only_together(ev, found),
    }


def render(ev: Evaluation, fmt: str, width: int | None = None) -> str:
    """The report in one of ``table``, ``json`` and ``markdown``."""
    if fmt == "json":
        return json.dumps(to_dict(ev), indent=2, ensure_ascii=False)
    return markdown(ev) if fmt == "markdown" else table(ev, width)
