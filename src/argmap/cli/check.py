"""``argmap check PATH...``: report every problem in maps, with file, line and column."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence

from argmap.checks import report
from argmap.checks.schemes import open_questions
from argmap.checks.validate import select, validate
from argmap.cli import exit_codes, files, fixing
from argmap.cli.config import ConfigError, Finder, add_config_options, code_hint, known_code
from argmap.cli.options import Looks, add_color_option, looks_for
from argmap.cli.reading import SourceLines, read_map, shown
from argmap.errors import ArgmapFileError
from argmap.model import ArgumentMap
from argmap.model.diagnostics import Diagnostic
from argmap.schemes import catalogue
from argmap.suggest import did_you_mean


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "check",
        help="check maps for errors and warnings",
        description="Check .argmap files (folders are searched for *.argmap).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads standard input")
    p.add_argument("--format", choices=report.FORMATS, default="full", help="output format (default: full)")
    p.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only report these codes or prefixes, e.g. E1,W203 (repeatable)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="do not report these codes or prefixes (repeatable)",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    p.add_argument(
        "--require-questions",
        action="append",
        default=[],
        metavar="SCHEMES",
        help="report (W215) every critical question of these schemes (keys, or `all`) nobody raised or answered",
    )
    p.add_argument(
        "--fix",
        action="store_true",
        help="correct misspelt ids that have exactly one close match, in place, then report what is left",
    )
    add_config_options(p)
    add_color_option(p)
    p.set_defaults(run=run)


def _codes(values: Sequence[str], option: str) -> list[str]:
    """The codes given to ``--select`` or ``--ignore``; an unknown one is a usage error."""
    codes = [code.strip() for value in values for code in value.split(",") if code.strip()]
    for code in codes:
        if not known_code(code):
            raise UsageError(f"{option}: no diagnostic code or name matches `{code}`{code_hint(code)}")
    return codes


def _schemes(values: Sequence[str], defined: Iterable[str] = (), option: str = "--require-questions") -> set[str]:
    """The scheme keys given to ``--require-questions``; a key no one defines is a usage error.

    ``defined`` holds the keys of the schemes the maps checked define (the catalogue's are always known);
    ``option`` names where the keys were given in the error (the option, or the configuration key).
    """
    keys = {key.strip() for value in values for key in value.split(",") if key.strip()}
    known = (*catalogue().keys(), *sorted(set(defined)))
    for key in sorted(keys - {"all", *known}):
        hint = did_you_mean(key, known)
        where = "the catalogue or the maps" if defined else "the catalogue"
        raise UsageError(f"{option}: no scheme `{key}` in {where}" + (f"; {hint}" if hint else ""))
    return keys


class UsageError(ValueError):
    """A command-line value that cannot be used; reported with exit code 2."""


def run(args: argparse.Namespace) -> int:
    try:
        chosen, dropped = _codes(args.select, "--select"), _codes(args.ignore, "--ignore")
    except UsageError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    if args.fix and files.STDIN in args.paths:
        files.error("--fix corrects files in place: name files or folders, not -")
        return exit_codes.USAGE
    configs = Finder(args)
    lines_of = SourceLines()
    loaded: list[tuple[str, bool, ArgumentMap | Diagnostic]] = []
    unreadable = 0
    empty: list[str] = []
    for name, named in files.expand(args.paths, empty):
        try:
            result, text = read_map(name)
        except ArgmapFileError as exc:
            files.error(str(exc))
            unreadable += 1
            continue
        lines_of.add(shown(name), text)
        loaded.append((name, named, result))
    included = {p for _, _, m in loaded if isinstance(m, ArgumentMap) for p in m.included_files()}
    try:
        defined = [s.key for _, _, m in loaded if isinstance(m, ArgumentMap) for s in m.schemes()]
        required = _schemes(args.require_questions, defined)
    except UsageError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    found: list[Diagnostic] = []
    seen: set[Diagnostic] = set()  # a part included by two maps is reported once
    count = 0
    for name, named, result in loaded:
        if files.included_elsewhere(name, named, included):
            continue  # a part of another map: checked as part of that map
        count += 1
        try:
            config = configs.for_map(name)
        except ConfigError as exc:
            files.error(str(exc))
            return exit_codes.USAGE
        diagnostics = validate(result) if isinstance(result, ArgumentMap) else [result]
        try:
            needed = required | _schemes(config.require_questions, defined, "require-questions")
        except UsageError as exc:
            files.error(f"{config.path}: {exc}")
            return exit_codes.USAGE
        if needed and isinstance(result, ArgumentMap):
            diagnostics = sorted([*diagnostics, *open_questions(result, needed)], key=Diagnostic.sort_key)
        diagnostics = [d for d in diagnostics if not config.ignored_in(d)]
        for d in select(diagnostics, chosen or config.select, [*config.ignore, *dropped]):
            if d not in seen:
                seen.add(d)
                found.append(d)
    if args.fix:
        applied, problems = fixing.fix_files(found)
        fixing.report(applied, problems)
        if problems:
            return exit_codes.USAGE
        if applied:  # check again what the fixes leave, and say it as a plain check would
            return run(argparse.Namespace(**{**vars(args), "fix": False}))
    missing = files.no_maps(empty)
    if count or unreadable or not missing:
        _print(found, args.format, lines_of, count, unreadable, looks_for(args, sys.stdout))
    errors = sum(d.is_error for d in found)
    if unreadable or missing:
        return exit_codes.USAGE
    if errors or (args.strict and found):
        return exit_codes.FOUND
    return exit_codes.OK


def _print(
    found: list[Diagnostic], fmt: str, lines_of: report.SourceLines, count: int, unreadable: int, looks: Looks
) -> None:
    out = sys.stdout
    if fmt == "json":
        out.write(report.as_json(found) + "\n")
        return
    for d in found:
        if fmt == "github":
            out.write(report.github(d) + "\n")
        elif fmt == "concise":
            out.write(report.concise(d) + "\n")
        else:
            out.write(report.full(d, lines_of, looks.style, looks.width) + "\n\n")
    if fmt in ("full", "concise"):
        errors = sum(d.is_error for d in found)
        out.write(report.summary(errors, len(found) - errors, count, unreadable) + "\n")
