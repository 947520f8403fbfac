"""The ``argmap`` command line: check, fmt, render, serve, evaluate, questions, convert, schema and lsp."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
import warnings
from collections.abc import Sequence
from typing import NoReturn

from argmap.cli import exit_codes


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from argmap.cli import check, convert, evaluate, fmt, lsp, questions, render, schema, serve

    parser = argparse.ArgumentParser(
        prog="argmap", description="Argument maps as text: check, format, evaluate and render them."
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (check, fmt, render, serve, evaluate, questions, convert, schema, lsp):
        module.add_parser(sub)
    return parser


class _Version(argparse.Action):
    """``--version``: reads the package metadata only when asked, so start-up stays quick."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from argmap.metadata import version

        parser.exit(message=f"argmap {version()}\n")


def entry() -> NoReturn:
    """The ``argmap`` console script: run, flush, and leave at once.

    A check of a large map leaves a million small objects behind; freeing them
    one by one at exit would add a tenth of a second to every run, so the
    process ends without that teardown once its output is flushed.
    """
    gc.disable()  # short-lived process, acyclic data: the collector only costs time
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away, or (the language server) closed the stream
        pass
    os._exit(code)


def _show_warning(message: Warning | str, *_: object, **__: object) -> None:
    """A warning (such as characters drawn as a stand-in) as one line for people, without source lines."""
    print(f"argmap: warning: {message}", file=sys.stderr)


def _survive_file_size_limit() -> None:
    """Past a file-size limit (``ulimit -f``), let a write fail with EFBIG instead of killing the process."""
    if hasattr(signal, "SIGXFSZ"):
        with contextlib.suppress(ValueError):  # only the main thread may set handlers
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _survive_file_size_limit()
    from argmap.cli.signals import Terminated, stopping_cleanly

    warnings.showwarning = _show_warning
    try:
        with stopping_cleanly():
            return int(args.run(args))
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except Terminated as exc:
        return 128 + exc.signum
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing more to say
        return exit_codes.OK
    except Exception as exc:  # a bug: say so briefly; ARGMAP_DEBUG=1 shows the traceback
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(f"argmap: internal error: {type(exc).__name__}: {exc} (set ARGMAP_DEBUG=1 for details)", file=sys.stderr)
        return exit_codes.USAGE
