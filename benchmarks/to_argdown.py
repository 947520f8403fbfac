"""Convert an argmap map to an equivalent Argdown document (for Argdown 1.7).

Usage:
    python benchmarks/to_argdown.py MAP.argmap > MAP.argdown
    python benchmarks/to_argdown.py MAP.argmap --verify [--argdown PATH]

How each element is written:

* a statement becomes a titled top-level statement, ``[id]: text``, with its
  tags as ``#(tag)`` and its author, source and date as data
  (``{by: "Name", source: "Title", date: "..."}``);
* an inference with an id or with several premises becomes a reconstructed
  argument ``<id>`` with a premise-conclusion structure. A support concludes
  its target. An attack or an undercut concludes a new statement
  ``[id conclusion]``, and the argument then attacks its target (``<id>`` /
  ``-> [target]``) or undercuts the named argument (``<id>`` / ``_> <target>``);
  Argdown moves both relations to that conclusion and points an undercut at
  the target argument's inference;
* an inference with neither id nor several premises becomes a relation of its
  premise: ``[p]`` / ``+> [t]``, ``-> [t]`` or ``_> <target>``;
* a contradiction becomes ``[a]`` / ``>< [b]``.

Sections are not written as headings. With ``--verify`` the document is given
to ``argdown json`` and the statements, arguments and relations Argdown reports
are compared with the numbers expected from the map.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import argmap
from argmap.model import ArgumentMap, Inference, InferenceKind, Statement

HERE = Path(__file__).resolve().parent

#: Characters that start Argdown markup in free text, or that do with what follows.
_SPECIAL = re.compile(r"[\\@#*_\[\]<>/{}=+~-]|[.:](?=\S)")
_RELATION = {InferenceKind.SUPPORT: "+>", InferenceKind.ATTACK: "->", InferenceKind.UNDERCUT: "_>"}


class Counts(NamedTuple):
    """How many statements, arguments and relations a document defines."""

    statements: int
    arguments: int
    relations: int


def escape(text: str) -> str:
    """Escape the characters Argdown would read as markup.

    Args:
        text: Plain text from the map.

    Returns:
        The text with a backslash before each markup character.
    """
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))


def reconstructed(inference: Inference) -> bool:
    """Whether an inference is written as an argument with premises and a conclusion."""
    return bool(inference.id) or len(inference.premises) > 1


def target_ref(inference: Inference) -> str:
    """The Argdown reference to what an inference is aimed at."""
    if inference.kind is InferenceKind.UNDERCUT:
        return f"<{inference.target}>"
    return f"[{inference.target}]"


def statement_lines(statement: Statement, names: dict[str, str]) -> Iterator[str]:
    """Lines that define one statement.

    Args:
        statement: The statement.
        names: Actor and source names by id.

    Yields:
        The definition, then an empty line.
    """
    text = escape(statement.text)
    tags = "".join(f" #({escape(tag)})" for tag in statement.tags)
    fields = {"by": statement.by, "source": statement.source, "date": statement.date}
    data = ", ".join(f"{key}: {json.dumps(names.get(v, v))}" for key, v in fields.items() if v)
    yield f"[{statement.id}]: {text}{tags}" + (f" {{{data}}}" if data else "")
    yield ""


def argument_lines(inference: Inference) -> Iterator[str]:
    """Lines for an inference written as an argument with premises and a conclusion."""
    yield f"<{inference.id or inference.key}>"
    yield ""
    for number, premise in enumerate(inference.premises, 1):
        yield f"({number}) [{premise}]"
    yield "----"
    conclusion = len(inference.premises) + 1
    if inference.kind is InferenceKind.SUPPORT:
        yield f"({conclusion}) [{inference.target}]"
        yield ""
        return
    title = f"{inference.id or inference.key} conclusion"
    verb = "attack on" if inference.kind is InferenceKind.ATTACK else "undercut of"
    yield f"({conclusion}) [{title}]: Conclusion of the {verb} {escape(inference.target or '')}\\."
    yield ""
    yield f"<{inference.id or inference.key}>"
    yield f"  {_RELATION[inference.kind]} {target_ref(inference)}"
    yield ""


def inference_lines(inference: Inference) -> Iterator[str]:
    """Lines for one inference: an argument, or a relation of its single premise."""
    if not inference.premises or not inference.target:
        return
    if reconstructed(inference):
        yield from argument_lines(inference)
        return
    yield f"[{inference.premises[0]}]"
    yield f"  {_RELATION[inference.kind]} {target_ref(inference)}"
    yield ""


def convert(m: ArgumentMap) -> Iterator[str]:
    """Lines of the Argdown document for a map.

    Args:
        m: A map read with :func:`argmap.load`.

    Yields:
        The document, line by line.
    """
    names = {a.id: a.name for a in m.actors()} | {s.id: s.title for s in m.sources()}
    if m.title:
        yield f"===\ntitle: {json.dumps(m.title)}\n===\n"
    for statement in m.statements():
        yield from statement_lines(statement, names)
    for inference in m.inferences():
        yield from inference_lines(inference)
    for contradiction in m.contradictions():
        yield f"[{contradiction.left}]"
        yield f"  >< [{contradiction.right}]"
        yield ""


def expected_counts(m: ArgumentMap) -> Counts:
    """The statements, arguments and relations Argdown should report for a map."""
    usable = [i for i in m.inferences() if i.premises and i.target]
    arguments = [i for i in usable if reconstructed(i)]
    extra = sum(1 for i in arguments if i.kind is not InferenceKind.SUPPORT)
    relations = len(usable) - len(arguments) + extra + sum(1 for _ in m.contradictions())
    return Counts(sum(1 for _ in m.statements()) + extra, len(arguments), relations)


def find_argdown(given: str | None = None) -> str | None:
    """The argdown executable: ``given``, else the one in benchmarks/node_modules, else on PATH."""
    if given:
        return given
    local = HERE / "node_modules" / ".bin" / "argdown"
    return str(local) if local.exists() else shutil.which("argdown")


def argdown_counts(document: str, argdown: str) -> tuple[Counts, str]:
    """Run ``argdown json`` on a document and count what it reports.

    Args:
        document: The Argdown text.
        argdown: Path of the argdown executable.

    Returns:
        The counts from the JSON Argdown wrote, and what it printed.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "map.argdown"
        source.write_text(document, encoding="utf-8")
        done = subprocess.run(
            [argdown, "json", str(source), str(Path(tmp) / "out")], cwd=tmp, capture_output=True, text=True
        )
        output = done.stdout + done.stderr
        if done.returncode != 0:
            raise RuntimeError(f"argdown exited with {done.returncode}:\n{output}")
        data = json.loads((Path(tmp) / "out" / "map.json").read_text(encoding="utf-8"))
    return Counts(len(data["statements"]), len(data["arguments"]), len(data["relations"])), output


def verify(m: ArgumentMap, document: str, argdown: str) -> int:
    """Print expected and reported counts; 0 if they agree and Argdown reported no error."""
    expected = expected_counts(m)
    got, output = argdown_counts(document, argdown)
    print(f"{'':>10} {'statements':>10} {'arguments':>10} {'relations':>10}")
    print(f"{'expected':>10} {expected.statements:>10,} {expected.arguments:>10,} {expected.relations:>10,}")
    print(f"{'argdown':>10} {got.statements:>10,} {got.arguments:>10,} {got.relations:>10,}")
    problems = [line for line in output.splitlines() if "error" in line.lower()]
    print("\n".join(problems) or "argdown reported no errors")
    return 0 if got == expected and not problems else 1


def main(argv: list[str] | None = None) -> int:
    """Write the Argdown document for a map, or verify it with ``--verify``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", help="the .argmap file")
    parser.add_argument("--verify", action="store_true", help="run argdown json on the result and compare counts")
    parser.add_argument("--argdown", help="the argdown executable (default: benchmarks/node_modules, then PATH)")
    args = parser.parse_args(argv)
    m = argmap.load(args.map)
    if not args.verify:
        sys.stdout.writelines(line + "\n" for line in convert(m))
        return 0
    argdown = find_argdown(args.argdown)
    if not argdown:
        print("argdown not found; install it with: npm install --prefix benchmarks @argdown/cli@1.7.5", file=sys.stderr)
        return 2
    return verify(m, "".join(line + "\n" for line in convert(m)), argdown)


if __name__ == "__main__":
    raise SystemExit(main())
