"""``argmap evaluate PATH``: which statements stand, which fall, and why.

Exit codes: 0 when the map was evaluated (whatever the statuses), 1 when the
map has errors (syntax or structure; ``--force`` evaluates it anyway unless
the syntax is broken), 2 for usage problems: an unreadable file, an unknown
id in a what-if or in ``--explain``, or a map too large for the semantics.
"""

from __future__ import annotations

import argparse
import sys

from argmap.checks import report
from argmap.checks.validate import validate
from argmap.cli import exit_codes, files
from argmap.cli.check import read_map
from argmap.errors import ArgmapFileError
from argmap.evaluation import SEMANTICS
from argmap.evaluation.errors import EvaluationError
from argmap.fileio import read_text
from argmap.model import ArgumentMap
from argmap.model.diagnostics import Diagnostic


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "evaluate",
        help="work out which statements stand, fall or stay undecided",
        description=(
            "Evaluate a map: each thesis with its status (IN, OUT or UNDECIDED) and why, then every statement. "
            "What-if options are repeatable."
        ),
    )
    p.add_argument("path", metavar="PATH", help="the map file; - reads standard input")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    add_evaluation_options(p)
    p.add_argument(
        "--critical",
        action="store_true",
        help="for each thesis, the statements, actors and sources whose rejection alone changes its status",
    )
    p.add_argument(
        "--explain", action="append", default=[], metavar="ID", help="also explain this statement or inference"
    )
    p.add_argument("--force", action="store_true", help="evaluate even if the map has errors")
    p.set_defaults(run=run)


def add_evaluation_options(p: argparse._ActionsContainer) -> None:
    """``--semantics`` and the what-if options, shared with ``argmap render --evaluate``."""
    p.add_argument(
        "--semantics", choices=SEMANTICS, default="grounded", help="argumentation semantics (default: grounded)"
    )
    p.add_argument("--assume", action="append", default=[], metavar="ID", help="take this statement or inference as IN")
    p.add_argument(
        "--reject", action="append", default=[], metavar="ID", help="take this statement or inference as OUT"
    )
    p.add_argument(
        "--distrust",
        action="append",
        default=[],
        metavar="NAME",
        help="reject every statement by this actor, or reported by this source",
    )


def run(args: argparse.Namespace) -> int:
    from argmap.evaluation import summary as evaluation_report
    from argmap.evaluation.evaluator import evaluate

    loaded = load_for_evaluation(args.path, args.force)
    if isinstance(loaded, int):
        return loaded
    try:
        ev = evaluate(loaded, args.semantics, args.assume, args.reject, args.distrust)
        for ident in args.explain:
            ev.explain(ident)
        if args.format == "json":
            data = evaluation_report.to_dict(ev, args.critical, args.explain)
            sys.stdout.write(evaluation_report.dumps(data) + "\n")
        else:
            sys.stdout.write(evaluation_report.table(ev, args.critical, args.explain) + "\n")
    except EvaluationError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    return exit_codes.OK


def load_for_evaluation(name: str, force: bool) -> ArgumentMap | int:
    """Read a map for evaluation, or report why not and return the exit code.

    A syntax error always stops; errors found by the checker stop unless ``force``.
    """
    try:
        result, text = read_map(name)
    except ArgmapFileError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    shown = "<stdin>" if name == files.STDIN else name
    if isinstance(result, Diagnostic):
        _print_errors([result], shown, text)
        return exit_codes.FOUND
    if not force:
        errors = [d for d in validate(result) if d.is_error]
        if errors:
            _print_errors(errors, shown, text)
            files.error("the map has errors; fix them, or evaluate it as written with --force")
            return exit_codes.FOUND
    return result


def _print_errors(found: list[Diagnostic], shown: str, text: str) -> None:
    def lines_of(path: str | None) -> list[str]:
        if path in (None, shown):
            return text.split("\n")
        try:
            return read_text(path).split("\n")
        except ArgmapFileError:
            return []

    for d in found:
        print(report.full(d, lines_of) + "\n", file=sys.stderr)
