"""``argmap questions PATH``: each inference's scheme and the state of every critical question.

Exit codes: 0 when the report was printed, 1 when the map has a syntax error,
2 when the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from argmap.checks import question_report
from argmap.checks.report import full
from argmap.cli import exit_codes, files
from argmap.cli.reading import SourceLines, read_map, shown
from argmap.errors import ArgmapFileError
from argmap.model.diagnostics import Diagnostic


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
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        result, text = read_map(args.path)
    except ArgmapFileError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    if isinstance(result, Diagnostic):
        sys.stderr.write(full(result, SourceLines({shown(args.path): text})) + "\n")
        return exit_codes.FOUND
    sys.stdout.write(question_report.render(result, args.format, args.open) + "\n")
    return exit_codes.OK
