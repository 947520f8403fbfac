"""Colour themes: ``default``, ``print`` (monochrome) and ``dark``.

A theme only chooses colours and line weights. What tells the kinds apart
without colour is the same in every theme, so every theme stays readable in
greyscale and for colour-blind readers: the box shape and border of each
statement kind (:data:`SHAPES`, here, next to the colours of each kind), and the
line styles and arrowheads, the kind written on every box and the status badges
(in :mod:`argmap.rendering.looks` and :mod:`argmap.rendering.dot`).

Statement styles are keyed by :class:`~argmap.language.StatementKind`;
junction styles by polarity (for or against the target, see
:data:`~argmap.language.INFERENCE_WORDS`), with an optional style of its own
for an inference kind. A theme that leaves a statement kind or a polarity out
is refused when it is made.

The default palette is calm: pale fills, darker borders of the same hue, and
line colours from the Okabe-Ito set, which colour-blind readers can tell apart.

Example:
    >>> get("dark").background
    '#0d1117'
    >>> sorted(THEMES)
    ['dark', 'default', 'print']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

import attrs
from attrs import field, frozen

from argmap.evaluation.status import Status
from argmap.language import INFERENCE_WORDS, InferenceKind, Polarity, StatementKind

#: Box shape and border style of each statement kind, the same in every theme.
SHAPES: Mapping[StatementKind, Mapping[str, str]] = {
    StatementKind.THESIS: {"shape": "box", "style": "rounded,filled"},
    StatementKind.CLAIM: {"shape": "box", "style": "rounded,filled"},
    StatementKind.EVIDENCE: {"shape": "note", "style": "filled"},
    StatementKind.ASSUMPTION: {"shape": "box", "style": "rounded,filled,dashed"},
    StatementKind.OBJECTION: {"shape": "box", "style": "filled"},
}


def _every(keys: type[StatementKind] | tuple[str, ...]) -> Any:
    """A validator: the mapping has an entry for every one of ``keys``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Mapping[Any, object]) -> None:
        missing = [getattr(k, "value", k) for k in keys if k not in value]
        if missing:
            raise ValueError(f"theme {getattr(instance, 'name', '?')!r}: no {attribute.name} style for {missing}")

    return check


@frozen
class BoxStyle:
    """How one kind of box is filled and outlined.

    Attributes:
        fill: background colour.
        border: outline colour.
        tag: colour of the kind tag written at the top of the box.
        penwidth: outline width in points.
    """

    fill: str
    border: str
    tag: str
    penwidth: float = 1.0


@frozen
class Theme:
    """Every colour a picture uses.

    Attributes:
        name: the theme's name.
        background: the page colour.
        text: the main text colour.
        muted: ids, footers, schemes, the subtitle.
        cluster_fill: the background of sections.
        cluster_border: the outline of sections.
        cluster_text: section titles.
        statements: the box style of each statement kind.
        junctions: the style of a junction by the polarity of its inference
            (``for`` or ``against`` its target).
        ghost: boxes and junctions of the context around a focus.
        lines: line colours by edge kind (``support``, ``rebut``, ``undermine``,
            ``undercut``, ``contradiction``).
        statuses: for each status, the badge colour and the box fill.
        badge_text: the text colour on status badges.
        kind_junctions: the junction style of an inference kind that differs
            from its polarity's (e.g. undercuts, against an inference).
    """

    name: str
    background: str
    text: str
    muted: str
    cluster_fill: str
    cluster_border: str
    cluster_text: str
    statements: Mapping[StatementKind, BoxStyle] = field(validator=_every(StatementKind))
    junctions: Mapping[Polarity, BoxStyle] = field(validator=_every(get_args(Polarity)))
    ghost: BoxStyle
    lines: Mapping[str, str]
    statuses: Mapping[Status, tuple[str, str]]
    badge_text: str = "#ffffff"
    kind_junctions: Mapping[InferenceKind, BoxStyle] = field(factory=dict)

    def junction(self, kind: InferenceKind) -> BoxStyle:
        """The style of a junction of this kind: its own if the theme has one, else its polarity's."""
        own = self.kind_junctions.get(kind)
        return own if own is not None else self.junctions[INFERENCE_WORDS[kind].polarity]


_GREEN, _VERMILLION, _PURPLE, _AMBER = "#2f7a5f", "#c4501b", "#9a4f8c", "#a0730d"

DEFAULT = Theme(
    name="default",
    background="#ffffff",
    text="#1f2328",
    muted="#6e7781",
    cluster_fill="#f6f8fa",
    cluster_border="#d0d7de",
    cluster_text="#57606a",
    statements={
        StatementKind.THESIS: BoxStyle("#dbe9f8", "#1f4e8c", "#1f4e8c", 2.4),
        StatementKind.CLAIM: BoxStyle("#ffffff", "#6e7781", "#57606a"),
        StatementKind.EVIDENCE: BoxStyle("#e9f4ee", "#4f8a6e", "#2f6b52"),
        StatementKind.ASSUMPTION: BoxStyle("#fbf5e4", "#a08a4a", "#7d6a2f"),
        StatementKind.OBJECTION: BoxStyle("#fbeceb", "#b4443a", "#a33a30", 1.4),
    },
    junctions={
        "for": BoxStyle("#ffffff", _GREEN, _GREEN),
        "against": BoxStyle("#ffffff", _VERMILLION, _VERMILLION),
    },
    kind_junctions={InferenceKind.UNDERCUT: BoxStyle("#ffffff", _PURPLE, _PURPLE)},
    ghost=BoxStyle("#ffffff", "#afb8c1", "#8c959f"),
    lines={
        "support": _GREEN,
        "rebut": _VERMILLION,
        "undermine": _VERMILLION,
        "undercut": _PURPLE,
        "contradiction": _AMBER,
    },
    statuses={
        Status.IN: ("#2e7d32", "#e6f4e4"),
        Status.OUT: ("#b3261e", "#f8e1df"),
        Status.UNDECIDED: ("#946200", "#fcf1d2"),
    },
)

PRINT = Theme(
    name="print",
    background="#ffffff",
    text="#000000",
    muted="#555555",
    cluster_fill="#ffffff",
    cluster_border="#999999",
    cluster_text="#333333",
    statements={
        StatementKind.THESIS: BoxStyle("#e6e6e6", "#000000", "#000000", 2.6),
        StatementKind.CLAIM: BoxStyle("#ffffff", "#000000", "#333333"),
        StatementKind.EVIDENCE: BoxStyle("#f2f2f2", "#000000", "#333333"),
        StatementKind.ASSUMPTION: BoxStyle("#ffffff", "#000000", "#333333"),
        StatementKind.OBJECTION: BoxStyle("#ffffff", "#000000", "#000000", 1.8),
    },
    junctions={
        "for": BoxStyle("#ffffff", "#000000", "#000000"),
        "against": BoxStyle("#ffffff", "#000000", "#000000"),
    },
    ghost=BoxStyle("#ffffff", "#888888", "#666666"),
    lines={
        "support": "#000000",
        "rebut": "#000000",
        "undermine": "#000000",
        "undercut": "#000000",
        "contradiction": "#000000",
    },
    statuses={
        Status.IN: ("#000000", "#ffffff"),
        Status.OUT: ("#555555", "#e6e6e6"),
        Status.UNDECIDED: ("#888888", "#f4f4f4"),
    },
)

DARK = Theme(
    name="dark",
    background="#0d1117",
    text="#e6edf3",
    muted="#8b949e",
    cluster_fill="#161b22",
    cluster_border="#30363d",
    cluster_text="#9da7b3",
    statements={
        StatementKind.THESIS: BoxStyle("#12325a", "#79b8ff", "#a5d0ff", 2.4),
        StatementKind.CLAIM: BoxStyle("#1c2128", "#8b949e", "#9da7b3"),
        StatementKind.EVIDENCE: BoxStyle("#13301f", "#56d364", "#7ee2a8"),
        StatementKind.ASSUMPTION: BoxStyle("#2d2711", "#d29922", "#e3b341"),
        StatementKind.OBJECTION: BoxStyle("#3a1618", "#f47067", "#ff938a", 1.4),
    },
    junctions={
        "for": BoxStyle("#0d1117", "#56d364", "#7ee2a8"),
        "against": BoxStyle("#0d1117", "#f0883e", "#ffa657"),
    },
    kind_junctions={InferenceKind.UNDERCUT: BoxStyle("#0d1117", "#d2a8ff", "#d2a8ff")},
    ghost=BoxStyle("#0d1117", "#484f58", "#6e7681"),
    lines={
        "support": "#56d364",
        "rebut": "#f0883e",
        "undermine": "#f0883e",
        "undercut": "#d2a8ff",
        "contradiction": "#e3b341",
    },
    statuses={
        Status.IN: ("#3fb950", "#12261a"),
        Status.OUT: ("#f85149", "#2d1214"),
        Status.UNDECIDED: ("#d29922", "#2b230f"),
    },
    badge_text="#0d1117",
)

#: Every theme by name.
THEMES: dict[str, Theme] = {t.name: t for t in (DEFAULT, PRINT, DARK)}


def get(name: str) -> Theme:
    """The theme of this name.

    Raises:
        ValueError: no theme has this name.
    """
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme `{name}`; choose one of {', '.join(sorted(THEMES))}") from None
