"""``argmap schema [model|mapgraph]``: print a published JSON Schema."""

from __future__ import annotations

import argparse
import sys

from argmap.cli import exit_codes
from argmap.interchange.schemas import NAMES, schema_text


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of argmap's JSON form or of the map graph JSON",
        description=(
            "Print a JSON Schema (Draft 2020-12): `model` describes the JSON that `argmap convert` writes "
            "for .json files, `mapgraph` the JSON that `argmap render --format json` writes."
        ),
    )
    p.add_argument("name", nargs="?", choices=NAMES, default="model", help="which schema (default: model)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text(args.name))
    return exit_codes.OK
