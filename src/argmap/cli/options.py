"""Options that several commands share: the evaluation settings of ``evaluate`` and ``render --evaluate``."""

from __future__ import annotations

import argparse

from argmap.evaluation import COMPARISONS, ORDERINGS, SEMANTICS


def add_evaluation_options(p: argparse._ActionsContainer) -> None:
    """``--semantics``, the preference settings and the what-if options, shared with ``argmap render --evaluate``."""
    p.add_argument(
        "--semantics", choices=SEMANTICS, default="grounded", help="argumentation semantics (default: grounded)"
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
    p.add_argument(
        "--ordering",
        choices=ORDERINGS,
        default="last-link",
        help="with preferences, compare arguments by their last or their weakest link (default: last-link)",
    )
    p.add_argument(
        "--comparison",
        choices=COMPARISONS,
        default="elitist",
        help="with preferences, how sets of links compare (default: elitist)",
    )
    p.add_argument(
        "--prefer",
        nargs=2,
        action="append",
        default=[],
        metavar=("A", "B"),
        help="what if A outweighs B (inferences, or statements as premises)",
    )
