"""``argmap questions PATH``: each inference's scheme and the state of every critical question.

Exit codes: 0 when the report was printed, 1 when the map has a syntax error,
2 when the file cannot be read, an id of a what-if is unknown, or the map is
too large for the semantics (``--open`` and ``--matters`` evaluate it).
"""

from __future__ import annotations

import argparse
import sys

from argmap.checks import question_groups, question_report
from argmap.checks.report import full
from argmap.cli import exit_codes, files
from argmap.cli.config import ConfigError, Finder, add_config_options
from argmap.cli.options import add_evaluation_options, evaluate_as_asked
from argmap.cli.reading import SourceLines, read_map, shown
from argmap.errors import ArgmapFileError
from argmap.evaluation.errors import EvaluationError
from argmap.model import ArgumentMap
from argmap.model.diagnostics import Diagnostic
from argmap.terminal import width_of

#: The option that lists the open questions that matter, named in the ``--open`` table's last line.
MATTERS = "--matters"
#: What ``--by`` can group the report by.
GROUPINGS = ("inference", "question")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "questions",
        help="list the critical questions of each inference's scheme, and which were raised or answered",
        description=(
            "For each inference with a catalogue scheme: every critical question and its state "
            "(open, raised by which inference, answered by which). See docs/schemes.md."
        ),
    )
    p.add_argument("path", metavar="PATH", help="the map file; - reads standard input")
    p.add_argument("--format", choices=question_report.FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--open", action="store_true", help="list only the questions nobody raised or answered")
    p.add_argument(
        "--by",
        choices=GROUPINGS,
        default="inference",
        help=(
            "inference: a block per inference and its questions (the default); question: each "
            "scheme's question once, with the inferences where it is open, raised or answered"
        ),
    )
    p.add_argument(
        MATTERS,
        action="store_true",
        help=(
            "list only the open exception and assumption questions whose raising alone would change "
            "a statement's status, with what it would change (implies --open)"
        ),
    )
    evaluation = p.add_argument_group("evaluation (for --matters, and the count of the --open table)")
    add_evaluation_options(evaluation)
    add_config_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.matters and args.by == "question":
        files.error(f"{MATTERS} lists inferences, with what raising their questions would change: drop --by question")
        return exit_codes.USAGE
    try:
        semantics = args.semantics or Finder(args).for_map(args.path).semantics or "grounded"
        result, text = read_map(args.path)
    except (ConfigError, ArgmapFileError) as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    if isinstance(result, Diagnostic):
        sys.stderr.write(full(result, SourceLines({shown(args.path): text})) + "\n")
        return exit_codes.FOUND
    try:
        sys.stdout.write(_report(result, args, semantics) + "\n")
    except EvaluationError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    return exit_codes.OK


def _report(m: ArgumentMap, args: argparse.Namespace, semantics: str) -> str:
    """The report asked for: the questions that matter, or every (open) question."""
    from argmap.evaluation import matters_report
    from argmap.evaluation.matters import impacts

    width = width_of(sys.stdout)
    report = question_groups.render if args.by == "question" else question_report.render
    if not (args.matters or (args.open and args.format == "table")):
        return report(m, args.format, args.open, width)
    ev = evaluate_as_asked(m, args, semantics)
    if args.matters:
        return matters_report.render(ev, args.format, width)
    found = impacts(ev)
    note = matters_report.summary(ev, found)
    if found:
        note = f"{note.removesuffix('.')}; {MATTERS} lists them."
    return report(m, args.format, True, width, [note])
