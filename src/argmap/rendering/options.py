"""How to draw a map: :class:`RenderOptions`, from the command line or the API to the DOT writer.

Every setting, its choices, its default and its check are written here once:
``argmap.render`` and ``argmap.to_dot`` build a :class:`RenderOptions` from their
keyword arguments, and ``argmap render`` takes its option choices, defaults and
number checks from this class, so both word the same mistake the same way.

Example:
    >>> options = RenderOptions(theme="dark", focus="t", depth=1)
    >>> options.format, options.theme, options.width
    ('svg', 'dark', 30)
    >>> RenderOptions(width=0)
    Traceback (most recent call last):
    ...
    ValueError: width: expected a whole number of at least 1, got 0
    >>> RenderOptions(direction="sideways")
    Traceback (most recent call last):
    ...
    ValueError: unknown direction `sideways`; choose one of up, down, left, right
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from argmap.evaluation import COMPARISONS, ORDERINGS, SEMANTICS
from argmap.evaluation.status import Status
from argmap.rendering.themes import THEMES

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation
    from argmap.model import ArgumentMap

#: Output formats: pictures, the DOT source, the map graph as JSON, and the interactive page.
FORMATS = ("svg", "png", "pdf", "dot", "json", "html")
#: Colour themes.
THEME_NAMES = tuple(THEMES)
#: Where conclusions go, and Graphviz's ``rankdir`` for each.
DIRECTIONS = {"up": "BT", "down": "TB", "left": "RL", "right": "LR"}
#: The ways ``argmap render --split`` cuts a map into an atlas (:mod:`argmap.rendering.atlas`).
SPLITS = ("sections",)
#: Layout quality: ``auto`` uses the fast engine settings for big maps.
QUALITIES = ("auto", "full", "fast")
#: The default width of statement text, in characters.
DEFAULT_WIDTH = 30
#: The default number of relation steps a focused view shows around its element.
DEFAULT_DEPTH = 2
#: The resolution of PNG output when none is given.
DEFAULT_DPI = 96
#: The resolutions accepted, in dots per inch.
DPI_RANGE = (10, 1200)


# -- Checks ---------------------------------------------------------------------------
# Each check says what is wrong with a value in words shared by the API (``width:
# expected ...``) and the command line (``argument --width: expected ...``).


@frozen
class OneOf:
    """A check that a value is one of ``choices``."""

    choices: tuple[str, ...]

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in self.choices:
            raise ValueError(f"unknown {attribute.name} `{value}`; choose one of {', '.join(self.choices)}")


@frozen
class WholeNumber:
    """A check that a value is a whole number of at least ``least``."""

    least: int

    def problem(self, shown: object) -> str:
        """What is wrong with ``shown``."""
        return f"expected a whole number of at least {self.least}, got {shown!r}"

    def check(self, name: str, value: object) -> None:
        """Refuse a value that is not a whole number of at least ``least``.

        Raises:
            ValueError: it is not; the message starts with ``name``.
        """
        if not isinstance(value, int) or isinstance(value, bool) or value < self.least:
            raise ValueError(f"{name}: {self.problem(value)}")

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        self.check(attribute.name, value)


@frozen
class Number:
    """A check that a value is None (the default) or a number in a range: from ``low``
    to ``high``, or above 0 and finite when no range is given."""

    low: float | None = None
    high: float | None = None

    def problem(self, shown: object) -> str:
        """What is wrong with ``shown``."""
        if self.low is None:
            return f"expected a positive number, got {shown!r}"
        return f"expected a number from {self.low:g} to {self.high:g}, got {shown!r}"

    def check(self, name: str, value: object) -> None:
        """Refuse a value that is not None and not a number in the range.

        Raises:
            ValueError: it is not; the message starts with ``name``.
        """
        if value is None:
            return
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if self.low is None or self.high is None:
            fits = number and 0 < value < math.inf  # type: ignore[operator]
        else:
            fits = number and self.low <= value <= self.high  # type: ignore[operator]
        if not fits:
            raise ValueError(f"{name}: {self.problem(value)}")

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        self.check(attribute.name, value)


def _pairs(values: Iterable[Iterable[str]]) -> tuple[tuple[str, str], ...]:
    """``(stronger, weaker)`` pairs of ids, as a tuple of pairs.

    Raises:
        ValueError: an entry that is not two ids.
    """
    out = []
    for value in values:
        pair = tuple(value)
        if len(pair) != 2 or not all(isinstance(x, str) for x in pair):
            raise ValueError(f"prefer: expected (stronger, weaker) pairs of ids, got {value!r}")
        out.append((pair[0], pair[1]))
    return tuple(out)


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


# -- The options ------------------------------------------------------------------------


@frozen(kw_only=True)
class RenderOptions:
    """How to draw a map.

    Attributes:
        format: ``svg``, ``png``, ``pdf`` (needs a system Graphviz), ``dot``
            (the DOT source), ``json`` (the map graph) or ``html`` (the interactive page).
        theme: ``default``, ``print`` (monochrome) or ``dark``.
        direction: where conclusions go: ``up``, ``down``, ``left`` or ``right``.
        legend: draw a legend of the kinds the picture uses.
        width: the longest line of statement text, in characters (text is never
            wrapped narrower than 8).
        focus: draw only the neighbourhood of this statement or inference id...
        depth: ...this many relation steps around it.
        section: draw only this section (id or title), with faded context.
        statuses: evaluation statuses by statement id and inference key, shown on every node.
        evaluate: evaluate the map and show each element's status (instead of ``statuses``)...
        semantics: ...under this semantics...
        assume: ...taking these statements or inferences as IN...
        reject: ...these as OUT...
        distrust: ...and rejecting what these actors say or these sources report...
        ordering: ...comparing arguments by ``last-link`` or ``weakest-link`` when there are preferences...
        comparison: ...sets of links ``elitist`` or ``democratic``...
        prefer: ...and with these ``(stronger, weaker)`` preferences added.
        quality: ``auto`` (fast engine settings for big maps), ``full`` or ``fast``.
        dpi: resolution of PNG output, from 10 to 1200 (None: 96).
        timeout: seconds the drawing may take, our own stages and the engine (None: 300).
        engine_binary: a Graphviz ``dot`` binary to use instead of graphviz-pure.

    Raises:
        ValueError: a setting that is not one of its choices or out of its range,
            or ``statuses`` or a what-if without ``evaluate``... as worded above.
    """

    format: str = field(default="svg", validator=OneOf(FORMATS))
    theme: str = field(default="default", validator=OneOf(THEME_NAMES))
    direction: str = field(default="up", validator=OneOf(tuple(DIRECTIONS)))
    legend: bool = True
    width: int = field(default=DEFAULT_WIDTH, validator=WholeNumber(1))
    focus: str | None = None
    depth: int = field(default=DEFAULT_DEPTH, validator=WholeNumber(0))
    section: str | None = None
    statuses: Mapping[str, Status] | None = None
    evaluate: bool = False
    semantics: str = field(default="grounded", validator=OneOf(SEMANTICS))
    assume: tuple[str, ...] = field(default=(), converter=_ids)
    reject: tuple[str, ...] = field(default=(), converter=_ids)
    distrust: tuple[str, ...] = field(default=(), converter=_ids)
    ordering: str = field(default="last-link", validator=OneOf(ORDERINGS))
    comparison: str = field(default="elitist", validator=OneOf(COMPARISONS))
    prefer: tuple[tuple[str, str], ...] = field(default=(), converter=_pairs)
    quality: str = field(default="auto", validator=OneOf(QUALITIES))
    dpi: float | None = field(default=None, validator=Number(*DPI_RANGE))
    timeout: float | None = field(default=None, validator=Number())
    engine_binary: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.evaluate and self.statuses is not None:
            raise ValueError("statuses: give statuses or evaluate=True, not both")
        if not self.evaluate and (self.assume or self.reject or self.distrust or self.semantics != "grounded"):
            raise ValueError("semantics, assume, reject and distrust need evaluate=True")
        if not self.evaluate and (self.prefer or self.ordering != "last-link" or self.comparison != "elitist"):
            raise ValueError("ordering, comparison and prefer need evaluate=True")

    def evaluation_for(self, m: ArgumentMap) -> Evaluation | None:
        """The map's evaluation under the options' semantics and what-if; None without ``evaluate``.

        Raises:
            argmap.evaluation.errors.EvaluationError: as for :meth:`statuses_for`.
        """
        if not self.evaluate:
            return None
        from argmap.evaluation.evaluator import evaluate

        return evaluate(
            m,
            self.semantics,
            self.assume,
            self.reject,
            self.distrust,
            ordering=self.ordering,
            comparison=self.comparison,
            prefer=self.prefer,
        )

    def caption(self) -> str | None:
        """What the statuses shown rest on: the semantics and every what-if; None without ``evaluate``.

        Example:
            >>> RenderOptions(evaluate=True, reject=("a",), distrust=("x", "y")).caption()
            'Statuses under grounded semantics · rejected: a · distrusted: x, y'
        """
        if not self.evaluate:
            return None
        parts = [f"Statuses under {self.semantics} semantics"]
        for word, ids in (("assumed", self.assume), ("rejected", self.reject), ("distrusted", self.distrust)):
            if ids:
                parts.append(f"{word}: {', '.join(ids)}")
        if self.prefer:
            parts.append("preferred: " + ", ".join(f"{a} over {b}" for a, b in self.prefer))
        if self.prefer or self.ordering != "last-link" or self.comparison != "elitist":
            parts.append(f"{self.ordering}, {self.comparison}")
        return " · ".join(parts)

    def statuses_for(self, m: ArgumentMap) -> Mapping[str, Status] | None:
        """The statuses to show on the map's nodes: those given, or the map's evaluation; None shows none.

        Raises:
            argmap.evaluation.errors.EvaluationError: a what-if names an unknown id, or the
                map is too large for the semantics (a ``ValueError``).
        """
        evaluation = self.evaluation_for(m)
        return evaluation.statuses() if evaluation is not None else self.statuses


#: Every setting at its default.
DEFAULTS = RenderOptions()


def default(name: str) -> Any:
    """The default of a setting.

    Example:
        >>> default("width"), default("theme")
        (30, 'default')
    """
    return attrs.fields_dict(RenderOptions)[name].default


def check_of(name: str) -> Any:
    """The check of a setting (for the command line's own parsing of numbers and choices)."""
    return attrs.fields_dict(RenderOptions)[name].validator
