"""``argmap fmt PATH...``: rewrite maps in the canonical layout, keeping every comment."""

from __future__ import annotations

import argparse
import sys

from argmap.checks import report
from argmap.cli import exit_codes, files
from argmap.cli.reading import SourceLines, syntax_diagnostic
from argmap.errors import ArgmapFileError, ArgmapSyntaxError
from argmap.fileio import write_atomic


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "fmt",
        help="format maps in the canonical layout",
        description="Format .argmap files in place (folders are searched for *.argmap).",
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders; - formats standard input to standard output"
    )
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    p.add_argument("--diff", action="store_true", help="write nothing; print what would change as a unified diff")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import difflib  # the formatter is only loaded when formatting

    from argmap.syntax.formatter import FormatterError, format_text

    changed = unchanged = failed = unreadable = unwritable = 0
    empty: list[str] = []
    for name, _ in files.expand(args.paths, empty):
        try:
            text = files.read(name)
        except ArgmapFileError as exc:
            files.error(str(exc))
            unreadable += 1
            continue
        shown = "<stdin>" if name == files.STDIN else name
        try:
            result = format_text(text, shown)
        except ArgmapSyntaxError as exc:
            print(report.full(syntax_diagnostic(exc), SourceLines({shown: text})), file=sys.stderr)
            failed += 1
            continue
        except FormatterError as exc:
            files.error(str(exc))
            failed += 1
            continue
        if name == files.STDIN and not (args.check or args.diff):
            sys.stdout.write(result)
            continue
        if result == text:
            unchanged += 1
            continue
        changed += 1
        if args.diff:
            sys.stdout.writelines(
                difflib.unified_diff(text.splitlines(keepends=True), result.splitlines(keepends=True), shown, shown)
            )
        if args.check or args.diff:
            print(f"would reformat {shown}", file=sys.stderr)
        elif _write(name, result):
            print(f"reformatted {shown}", file=sys.stderr)
        else:
            changed -= 1
            unwritable += 1
    _summary(changed, unchanged, failed, args.check or args.diff, unwritable)
    if files.no_maps(empty) or unreadable or unwritable:
        return exit_codes.USAGE
    if failed or (changed and (args.check or args.diff)):
        return exit_codes.FOUND
    return exit_codes.OK


def _write(name: str, text: str) -> bool:
    """Write a formatted file in place; on failure say why and keep the old file.

    Returns:
        True when the file was written.
    """
    try:
        write_atomic(name, text)
    except OSError as exc:
        files.error(f"cannot write {name}: {exc.strerror or exc}")
        return False
    return True


def _summary(changed: int, unchanged: int, failed: int, dry: bool, unwritable: int = 0) -> None:
    def files_(n: int) -> str:
        return f"{n} file{'' if n == 1 else 's'}"

    parts = []
    if changed:
        parts.append(f"{files_(changed)} {'would be reformatted' if dry else 'reformatted'}")
    if unchanged:
        parts.append(f"{files_(unchanged)} {'would be left' if dry else 'left'} unchanged")
    if failed:
        parts.append(f"{files_(failed)} could not be formatted")
    if unwritable:
        parts.append(f"{files_(unwritable)} could not be written")
    if parts:
        print(", ".join(parts) + ".", file=sys.stderr)
