"""``argmap evaluate PATH``: which statements stand, which fall, and why.

Exit codes: 0 when the map was evaluated (whatever the statuses), 1 when the
map has errors (syntax or structure; ``--force`` evaluates it anyway unless
the syntax is broken), 2 for usage problems: an unreadable file, an unknown
id in a what-if or in ``--explain``, or a map too large for the semantics.
"""

from __future__ import annotations

import argparse
import sys

from argmap.checks.validate import validate
from argmap.cli import exit_codes, files
from argmap.cli.config import ConfigError, Finder, add_config_options
from argmap.cli.options import add_color_option, add_evaluation_options, evaluate_as_asked, looks_for
from argmap.cli.reading import SourceLines, full_reports, read_map, shown
from argmap.errors import ArgmapFileError
from argmap.evaluation.errors import EvaluationError
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
        help=(
            "for each thesis, the statements, inferences, actors and sources whose rejection alone changes "
            "its status, and the preferences (rank comparisons that decided an attack included) whose reversal "
            "alone does"
        ),
    )
    p.add_argument(
        "--doubt-open-questions",
        action="store_true",
        help="take every unasked exception or assumption question as raised (docs/evaluation.md)",
    )
    p.add_argument(
        "--explain", action="append", default=[], metavar="ID", help="also explain this statement or inference"
    )
    p.add_argument("--force", action="store_true", help="evaluate even if the map has errors")
    add_config_options(p)
    add_color_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from argmap.evaluation import summary as evaluation_report

    try:
        semantics = args.semantics or Finder(args).for_map(args.path).semantics or "grounded"
    except ConfigError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    loaded = load_for_evaluation(args.path, args.force)
    if isinstance(loaded, int):
        return loaded
    try:
        if args.doubt_open_questions:
            return _doubting(loaded, args, semantics)
        ev = evaluate_as_asked(loaded, args, semantics)
        for ident in args.explain:
            ev.explain(ident)
        if args.format == "json":
            data = evaluation_report.to_dict(ev, args.critical, args.explain)
            sys.stdout.write(evaluation_report.dumps(data) + "\n")
        else:
            looks = looks_for(args, sys.stdout)
            shown = evaluation_report.table(ev, args.critical, args.explain, looks.style, looks.width)
            sys.stdout.write(shown + "\n")
    except EvaluationError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    return exit_codes.OK


def _doubting(m: ArgumentMap, args: argparse.Namespace, semantics: str) -> int:
    """Evaluate with open questions doubted, and name what stands only because nobody asked.

    The semantics, the what-if and the preference settings are those of a plain evaluation.
    """
    from argmap.evaluation import summary as evaluation_report
    from argmap.evaluation.doubt import doubted, stand_only_unasked
    from argmap.evaluation.evaluator import evaluate_scenario
    from argmap.evaluation.matters import critical_questions
    from argmap.evaluation.whatif import resolve

    base = resolve(m, args.assume, args.reject, args.distrust, [tuple(pair) for pair in args.prefer])
    settings = (args.ordering, args.comparison)
    ev = evaluate_scenario(m, semantics, doubted(m, base), *settings)
    for ident in args.explain:
        ev.explain(ident)
    unasked = stand_only_unasked(m, semantics, base, *settings)
    critical = critical_questions(m, semantics, base, *settings) if args.critical else {}
    if args.format == "json":
        data = evaluation_report.to_dict(ev, args.critical, args.explain)
        data["stand_only_unasked"] = unasked
        if args.critical:
            data["critical_questions"] = {t: [list(pair) for pair in qs] for t, qs in critical.items()}
        sys.stdout.write(evaluation_report.dumps(data) + "\n")
        return exit_codes.OK
    sys.stdout.write(evaluation_report.table(ev, args.critical, args.explain) + "\n")
    names = ", ".join(unasked) if unasked else "none"
    sys.stdout.write(f"\nStanding only because nobody asked (open exception or assumption questions): {names}\n")
    for thesis, pairs in critical.items():
        shown = ", ".join(f"{q} of {inf}" for inf, q in pairs) if pairs else "none"
        sys.stdout.write(f"Questions whose raising alone changes `{thesis}`: {shown}\n")
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
    lines = SourceLines({shown(name): text})
    if isinstance(result, Diagnostic):
        _print_errors([result], lines)
        return exit_codes.FOUND
    if not force:
        errors = [d for d in validate(result) if d.is_error]
        if errors:
            _print_errors(errors, lines)
            files.error("the map has errors; fix them, or evaluate it as written with --force")
            return exit_codes.FOUND
    return result


def _print_errors(found: list[Diagnostic], lines: SourceLines) -> None:
    for text in full_reports(found, lines):
        print(text, file=sys.stderr)
