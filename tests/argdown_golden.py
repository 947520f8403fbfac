"""The normalised form in which argmap's reading of an Argdown file is compared with Argdown's own.

Argdown's JSON export (``argdown json``) is reduced to what both tools must
agree on: statement titles and texts, argument descriptions, premise and
conclusion roles with inference rules, relations with their types and
directions, section headings and tags. Argdown numbers untitled elements
("Untitled 7"); the number depends on internals, so an untitled statement is
named by its text and an untitled argument by its conclusion's text.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.interchange.argdown_syntax import ARGUMENT, ArgdownDocument

_TAG = re.compile(r"(?:(?<=\s)|^)#(?:\([^)\n]+\)|[\w-]+)")
_UNTITLED = re.compile(r"Untitled \d+\Z")


def text(value: str | None) -> str:
    """A text with tags removed and white space collapsed."""
    return re.sub(r"\s+", " ", _TAG.sub("", value or "")).strip()


def _namer(statements: dict[str, str], conclusions: dict[str, str]) -> dict[str, str]:
    names: dict[str, str] = {}
    used: dict[str, int] = {}
    for title, body in [*statements.items(), *conclusions.items()]:
        if not _UNTITLED.match(title):
            names[title] = title
            continue
        prefix = "untitled argument: " if title in conclusions else "untitled: "
        name = prefix + body
        used[name] = used.get(name, 0) + 1
        names[title] = name if used[name] == 1 else f"{name} #{used[name]}"
    return names


def _form(
    statements: dict[str, str],
    arguments: dict[str, tuple[str, list[tuple[str, str, list[str]]]]],
    relations: list[tuple[str, str, str, str, str]],
    sections: list[tuple[int, str]],
    tags: dict[str, list[str]],
) -> dict[str, Any]:
    conclusions = {t: (statements.get(pcs[-1][1], "") if pcs else d) for t, (d, pcs) in arguments.items()}
    names = _namer(statements, conclusions)
    return {
        "statements": {names[t]: body for t, body in statements.items()},
        "arguments": {
            names[t]: {"description": d, "pcs": [[role, names[s], rules] for role, s, rules in pcs]}
            for t, (d, pcs) in arguments.items()
        },
        "relations": sorted([k, names.get(a, a), at, names.get(b, b), bt] for k, a, at, b, bt in relations),
        "sections": [[level, title] for level, title in sections],
        "tags": {names[t]: sorted(v) for t, v in tags.items() if v},
    }


def from_argdown_json(data: dict[str, Any]) -> dict[str, Any]:
    """The normalised form of ``argdown json`` output."""
    statements = {
        title: text(next((m.get("text") for m in ec["members"] if text(m.get("text"))), ""))
        for title, ec in data["statements"].items()
    }
    arguments = {}
    for title, arg in data["arguments"].items():
        description = text(next((m.get("text") for m in arg["members"] if text(m.get("text"))), ""))
        pcs = [
            (p["role"], p["title"], list((p.get("inference") or {}).get("inferenceRules") or [])) for p in arg["pcs"]
        ]
        arguments[title] = (description, pcs)
    relations = [(r["relationType"], r["from"], r["fromType"], r["to"], r["toType"]) for r in data["relations"]]
    sections: list[tuple[int, str]] = []
    stack = list(reversed(data["sections"]))
    while stack:
        s = stack.pop()
        sections.append((s["level"], text(s["title"])))
        stack.extend(reversed(s.get("children", [])))
    tags = {t: list(e.get("tags") or []) for t, e in [*data["statements"].items(), *data["arguments"].items()]}
    return _form(statements, arguments, relations, sections, tags)


def from_document(doc: ArgdownDocument) -> dict[str, Any]:
    """The normalised form of argmap's reading of an Argdown text."""
    statements = {t: text(s.text) for t, s in doc.statements.items()}
    arguments = {
        t: (text(a.description), [(s.role, s.title, list(s.rules)) for s in a.pcs]) for t, a in doc.arguments.items()
    }
    relations = [(r.type, r.source, r.source_type, r.target, r.target_type) for r in doc.relations]
    sections = [(s.level, text(s.title)) for s in doc.sections]
    tags = {t: list(e.tags) for t, e in [*doc.statements.items(), *doc.arguments.items()]}
    assert all(r.source_type in (ARGUMENT, "equivalence-class") for r in doc.relations)
    return _form(statements, arguments, relations, sections, tags)
