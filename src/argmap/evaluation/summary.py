"""An evaluation as JSON data and as a table for people.

Example:
    >>> import argmap
    >>> m = argmap.loads('thesis t "Tea is good."  claim c "Tea is tasty."  c supports t')
    >>> print(table(argmap.evaluate(m)))
    grounded semantics
    <BLANKLINE>
    Theses
    <BLANKLINE>
    t  IN  Tea is good.
      `t` is IN: it follows from `c supports t`.
      - `c supports t` is IN: its premise `c` is IN, and no objection defeats it.
        - `c` is IN: taken as given, and nothing on the map speaks against it.
    <BLANKLINE>
    Statements: 2 IN, 0 OUT, 0 UNDECIDED
    <BLANKLINE>
    STATUS  KIND    ID  TEXT
    IN      thesis  t   Tea is good.
    IN      claim   c   Tea is tasty.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from argmap.checks.report import printable
from argmap.evaluation.status import Status
from argmap.model.index import index
from argmap.terminal import PLAIN, Style, wrap

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation

TEXT_WIDTH = 70


def to_dict(ev: Evaluation, critical: bool = False, explain: Sequence[str] = ()) -> dict[str, Any]:
    """The JSON form of an evaluation (see ``docs/evaluation.md`` for the fields)."""
    ix = index(ev.map)
    theses = []
    for tid in ev.theses():
        entry: dict[str, Any] = {
            "id": tid,
            "status": ev.status(tid).value,
            "credulous": ev.credulous(tid),
            "explanation": ev.explain(tid).to_dict(),
        }
        if critical:
            entry["critical"] = [point.to_dict() for point in ev.critical(tid)]
        theses.append(entry)
    why = ev.scenario.why
    statements = [
        {
            "id": sid,
            "kind": st.kind.value,
            "status": ev.statement_status[sid].value,
            "credulous": ev.credulous(sid),
            "forced": why.get(sid),
            "text": st.text,
        }
        for sid, st in ix.statements.items()
    ]
    inferences = [
        {
            "key": inf.key,
            "id": inf.id,
            "kind": inf.kind.value,
            "premises": list(inf.premises),
            "target": inf.target,
            "status": ev.inference_status[inf.key].value,
            "credulous": ev.credulous(inf.key),
            "forced": why.get(inf.key),
        }
        for inf in ix.inferences
    ]
    out: dict[str, Any] = {
        "title": ev.map.title,
        "semantics": ev.semantics,
        "ordering": ev.ordering,
        "comparison": ev.comparison,
        "weighed": ev.graph.weighed,
        "what_if": {
            "assume": list(ev.scenario.assume),
            "reject": list(ev.scenario.reject),
            "distrust": list(ev.scenario.distrust),
            "prefer": [list(pair) for pair in ev.scenario.prefer],
        },
        "extensions": ev.extensions,
        "counts": {status.value: n for status, n in ev.counts().items()},
        "theses": theses,
        "statements": statements,
        "inferences": inferences,
    }
    if explain:
        out["explanations"] = [ev.explain(ident).to_dict() for ident in explain]
    return out


def dumps(data: dict[str, Any]) -> str:
    """JSON text with one line per top-level field and per element of a top-level list.

    Readable in a diff and with ``jq``, and fast on big maps: each line is
    written by the C encoder, which indented output cannot use.

    Example:
        >>> print(dumps({"a": 1, "b": [{"x": 1}, {"x": 2}], "c": []}))
        {
          "a": 1,
          "b": [
            {"x": 1},
            {"x": 2}
          ],
          "c": []
        }
    """
    fields = []
    for key, value in data.items():
        name = json.dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join("    " + _compact(item) for item in value)
            fields.append(f"  {name}: [\n{items}\n  ]")
        else:
            fields.append(f"  {name}: {_compact(value)}")
    return "{\n" + ",\n".join(fields) + "\n}"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def table(
    ev: Evaluation,
    critical: bool = False,
    explain: Sequence[str] = (),
    style: Style = PLAIN,
    width: int | None = None,
) -> str:
    """The evaluation for people: heading, theses explained, then every statement.

    Args:
        ev: the evaluation.
        critical: list each thesis's critical points.
        explain: also explain these statements or inferences.
        style: colours for the statuses (none by default).
        width: the columns to fit: statement texts are shortened and explanations
            broken between words to fit; None keeps the usual lengths.
    """
    out = [_heading(ev), ""]
    out += _theses(ev, critical, width)
    for ident in explain:
        out += ["Explanation", "", *_fit(ev.explain(ident).lines(), width), ""]
    counts = ev.counts()
    out += [
        f"Statements: {counts[Status.IN]} IN, {counts[Status.OUT]} OUT, {counts[Status.UNDECIDED]} UNDECIDED",
        "",
    ]
    out += _statements(ev, width)
    text = printable("\n".join(out))  # statement texts come from the map: no terminal escapes
    if not style.colour:
        return text
    heading, _, rest = text.partition("\n")
    coloured = _STATUS.sub(lambda m: m.group(1) + style.status(m.group(2), m.group(3)), rest)
    return f"{heading}\n{coloured}"


#: A status where the tables show one: first in a row of statements, or after a thesis's id.
_STATUS = re.compile(r"^(\S+ {2,}|)((IN|OUT|UNDECIDED)\*?)(?= |$)", re.M)


def _fit(lines: Sequence[str], width: int | None) -> list[str]:
    """Explanation lines broken between words to ``width``, continuing under their text."""
    out: list[str] = []
    for line in lines:
        body = line.lstrip(" ")
        lead = line[: len(line) - len(body)]
        bullet = "- " if body.startswith("- ") else ""
        out += wrap(body[len(bullet) :], width, lead + " " * len(bullet), lead + bullet)
    return out


def _heading(ev: Evaluation) -> str:
    parts = [f"{ev.map.title}: " if ev.map.title else "", f"{ev.semantics} semantics"]
    if ev.semantics != "grounded":
        n = ev.extensions
        parts.append(f", {n} extension{'s' if n != 1 else ''}")
        parts.append(" (none: nothing is accepted)" if n == 0 else "; IN and OUT hold in every extension")
    if ev.graph.weighed:
        parts.append(f"; preferences weighed by {ev.ordering}, {ev.comparison}")
    lines = ["".join(parts)]
    scenario = ev.scenario
    asked = [f"{word} {', '.join(ids)}" for word, ids in _what_if(ev) if ids]
    if asked:
        forced = len([s for s in scenario.why if s in ev.statement_status])
        lines.append(f"What-if: {'; '.join(asked)} ({forced} statement{'s' if forced != 1 else ''} forced)")
    if ev.semantics != "grounded":
        lines.append("* marks what at least one extension accepts")
    return "\n".join(lines)


def _what_if(ev: Evaluation) -> list[tuple[str, tuple[str, ...]]]:
    s = ev.scenario
    prefer = tuple(f"{a} over {b}" for a, b in s.prefer)
    return [("assume", s.assume), ("reject", s.reject), ("distrust", s.distrust), ("prefer", prefer)]


def _theses(ev: Evaluation, critical: bool, width: int | None = None) -> list[str]:
    theses = ev.theses()
    if not theses:
        return ["No thesis: mark the main claims with `thesis` to have them explained.", ""]
    ix = index(ev.map)
    columns, id_width = width, max(len(t) for t in theses)
    out = ["Theses", ""]
    for tid in theses:
        status = ev.status(tid)
        shown = _status(ev, tid, status)
        room = None if columns is None else columns - id_width - len(shown) - 4
        out.append(f"{tid:<{id_width}}  {shown}  {_short(ix.statements[tid].text, room)}")
        out += _fit(["  " + line for line in ev.explain(tid).lines()], columns)
        if critical:
            out += _critical(ev, tid)
        out.append("")
    return out


def _critical(ev: Evaluation, tid: str) -> list[str]:
    points = ev.critical(tid)
    if not points:
        return [
            f"  Critical points: none; no single statement, inference, actor, source or preference "
            f"changes `{tid}` alone."
        ]
    out = [f"  Critical points ({len(points)}):"]
    out += [f"  {i}. {point}" for i, point in enumerate(points, 1)]
    return out


def _statements(ev: Evaluation, width: int | None = None) -> list[str]:
    ix = index(ev.map)
    rows = [("STATUS", "KIND", "ID", "TEXT")]
    for sid, st in ix.statements.items():
        status = _status(ev, sid, ev.statement_status[sid])
        forced = ev.scenario.why.get(sid)
        if forced is not None:
            status += " (assumed)" if forced == "assumed" else " (rejected)"
        rows.append((status, st.kind.value, sid, st.text))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    room = None if width is None else width - sum(widths) - 6
    rows = [rows[0], *((a, b, c, _short(text, room)) for a, b, c, text in rows[1:])]
    return [f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip() for r in rows]


def _status(ev: Evaluation, ident: str, status: Status) -> str:
    star = "*" if ev.semantics != "grounded" and ev.credulous(ident) else ""
    return status.name + star


def _short(text: str, room: int | None = None) -> str:
    """A statement's text on one line, cut with ``…`` at :data:`TEXT_WIDTH` or at ``room`` if less (at least 12)."""
    limit = TEXT_WIDTH if room is None else max(12, min(TEXT_WIDTH, room))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
