"""Options that several commands share: the evaluation settings of ``evaluate`` and ``render --evaluate``."""

from __future__ import annotations

import argparse
from typing import IO, TYPE_CHECKING

from attrs import frozen

from argmap.evaluation import COMPARISONS, ORDERINGS, SEMANTICS
from argmap.model import ArgumentMap
from argmap.terminal import CHOICES, Style, wants_colour, width_of

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation


def add_evaluation_options(p: argparse._ActionsContainer) -> None:
    """``--semantics``, the preference settings and the what-if options, shared with ``argmap render --evaluate``."""
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


def evaluation_needed(args: argparse.Namespace) -> str | None:
    """What asks for an evaluation when ``--evaluate`` is not given (``render``, ``serve``), or None.

    The command-line wording of :class:`~argmap.rendering.options.RenderOptions`' own check.
    """
    if args.evaluate:
        return None
    if args.assume or args.reject or args.distrust or args.semantics is not None:
        return "--semantics, --assume, --reject and --distrust need --evaluate"
    if args.prefer or args.ordering != "last-link" or args.comparison != "elitist":
        return "--ordering, --comparison and --prefer need --evaluate"
    return None


def evaluate_as_asked(m: ArgumentMap, args: argparse.Namespace, semantics: str) -> Evaluation:
    """The evaluation the options of :func:`add_evaluation_options` ask for, under ``semantics``."""
    from argmap.evaluation.evaluator import evaluate

    return evaluate(
        m,
        semantics,
        args.assume,
        args.reject,
        args.distrust,
        ordering=args.ordering,
        comparison=args.comparison,
        prefer=[tuple(pair) for pair in args.prefer],
    )


def add_color_option(p: argparse._ActionsContainer) -> None:
    """``--color auto|always|never`` (``NO_COLOR`` and ``FORCE_COLOR`` are read with ``auto``)."""
    p.add_argument(
        "--color",
        choices=CHOICES,
        default="auto",
        help="colour the output: auto (on a terminal, unless NO_COLOR; FORCE_COLOR forces it), always, never",
    )


@frozen
class Looks:
    """How output to one stream looks: its colours and the width it is fitted to (None: lines kept whole)."""

    style: Style
    width: int | None


def looks_for(args: argparse.Namespace, stream: IO[str]) -> Looks:
    """The colours and width for ``stream``, as ``--color`` and the terminal ask."""
    return Looks(Style(wants_colour(stream, getattr(args, "color", "auto"))), width_of(stream))
