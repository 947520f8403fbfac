"""Options that several commands share: the evaluation settings of ``evaluate`` and ``render --evaluate``."""

from __future__ import annotations

import argparse

from argmap.evaluation import SEMANTICS


def add_evaluation_options(p: argparse._ActionsContainer) -> None:
    """``--semantics`` and the what-if options, shared with ``argmap render --evaluate``."""
    p.add_argument(
        "--semantics",
        choices=SEMANTICS,
        default=None,
        help="argumentation semantics (default: grounded, or the configuration's [evaluate] semantics)",
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
