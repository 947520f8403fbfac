"""``argmap lsp``: the language server for editors, over standard input and output."""

from __future__ import annotations

import argparse

from argmap.cli import exit_codes, files


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "lsp",
        help="run the language server for editors (over stdio)",
        description="Run the argmap language server over standard input and output (see docs/editors.md).",
    )
    p.add_argument("--stdio", action="store_true", help="talk over stdin and stdout (the default and only way)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from argmap.lsp.server import serve
    except ImportError as exc:
        files.error(f"the language server needs the lsp extra ({exc.name} is missing): pip install 'argmap[lsp]'")
        return exit_codes.USAGE
    serve()
    return exit_codes.OK
