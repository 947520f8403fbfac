"""``argmap convert IN OUT``: a map from one format into another, saying what was lost.

Formats come from the file endings (``.argmap``, ``.json``, ``.aif.json`` /
``.aif``, ``.argdown`` / ``.ad``) or from ``--from`` / ``--to``; ``-`` is standard input or output.
An imported map is checked like ``argmap check`` checks a file, and every
thing the conversion could not carry is listed with its place. Exit codes:
0 converted, 1 the map has errors or (``--strict``) something was lost, 2 bad
usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys

from argmap.checks import report
from argmap.checks.validate import validate
from argmap.cli import exit_codes, files
from argmap.cli.reading import SourceLines, shown, syntax_diagnostic
from argmap.errors import ArgmapFileError, ArgmapSyntaxError
from argmap.fileio import write_atomic
from argmap.interchange.formats import FORMATS, format_of, read, write
from argmap.interchange.losses import Loss


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "convert",
        help="convert a map between argmap, its JSON form, AIF and Argdown, listing what is lost",
        description=(
            "Convert a map from one format to another. Formats come from the file endings "
            "(.argmap, .json, .aif.json or .aif, .argdown or .ad) or from --from and --to. The imported map is checked "
            "like `argmap check` does, and everything the conversion could not carry is listed."
        ),
    )
    p.add_argument("input", metavar="IN", help="the map to read; - reads standard input")
    p.add_argument("output", metavar="OUT", help="the file to write; - writes standard output")
    p.add_argument("--from", dest="source", choices=FORMATS, help="the input's format (default: from IN's ending)")
    p.add_argument("--to", dest="target", choices=FORMATS, help="the output's format (default: from OUT's ending)")
    p.add_argument("--strict", action="store_true", help="treat any loss as an error: exit 1 and write nothing")
    p.add_argument("--with-dialogue", action="store_true", help="AIF: also write who said what (L and YA nodes)")
    p.add_argument("--spans", action="store_true", help="JSON: also write where each element was written")
    p.set_defaults(run=run)


def _format(name: str, given: str | None, option: str) -> str | None:
    fmt = given or (format_of(name) if name != files.STDIN else None)
    if fmt is None:
        what = "standard input or output" if name == files.STDIN else f"`{name}`"
        endings = ".argmap, .json, .aif.json, .aif, .argdown or .ad"
        files.error(
            f"cannot tell the format of {what}: give {option} ({', '.join(FORMATS)}) or a file ending {endings}"
        )
    return fmt


def run(args: argparse.Namespace) -> int:
    source = _format(args.input, args.source, "--from")
    target = _format(args.output, args.target, "--to")
    if source is None or target is None:
        return exit_codes.USAGE
    try:
        text = files.read(args.input)
    except ArgmapFileError as exc:
        files.error(str(exc))
        return exit_codes.USAGE
    path = shown(args.input)
    lines = SourceLines({path: text})
    try:
        imported = read(text, source, path)
    except ArgmapSyntaxError as exc:
        exc.path = path
        sys.stderr.write(report.full(syntax_diagnostic(exc), lines) + "\n")
        return exit_codes.FOUND
    found = validate(imported.map)
    for d in found:
        sys.stderr.write(report.full(d, lines) + "\n\n")
    exported = write(imported.map, target, with_dialogue=args.with_dialogue, spans=args.spans)
    losses = [(source, "from", loss) for loss in imported.losses] + [(target, "in", x) for x in exported.losses]
    for fmt, direction, loss in losses:
        sys.stderr.write(_lost(loss, fmt, direction, path) + "\n")
    if losses or found:
        sys.stderr.write(_summary(len(losses), sum(d.is_error for d in found), len(found)) + "\n")
    if args.strict and losses:
        files.error(f"not written: --strict and {len(losses)} thing(s) could not be carried")
        return exit_codes.FOUND
    try:
        _write(args.output, exported.text)
    except OSError as exc:
        files.error(f"{args.output}: {exc.strerror or exc}")
        return exit_codes.USAGE
    return exit_codes.FOUND if any(d.is_error for d in found) else exit_codes.OK


def _lost(loss: Loss, fmt: str, direction: str, path: str) -> str:
    """``place: lost in aif: statement `t`: ...``; an imported loss without a span names the input file."""
    place = str(loss.span) if loss.span is not None else (path if direction == "from" else "")
    prefix = f"{place}: " if place else ""
    return report.printable(f"{prefix}lost {direction} {fmt}: {loss.where}: {loss.what}")


def _summary(lost: int, errors: int, found: int) -> str:
    parts = [_plural(lost, "thing") + " not carried"]
    if found:
        parts.append(f"{_plural(errors, 'error')}, {_plural(found - errors, 'warning')}")
    return "; ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _write(name: str, text: str) -> None:
    if name == files.STDIN:
        sys.stdout.write(text)
    else:
        write_atomic(name, text)
