"""Drawing maps from Python: :func:`render` and :func:`to_dot`.

The pipeline runs one way: the model becomes a map graph
(:func:`argmap.rendering.graphbuilder.layout`, plain data), the map graph becomes DOT
(:func:`argmap.rendering.dot.to_dot`), and the layout engine turns DOT into SVG, PNG
or PDF (:mod:`argmap.rendering.engine`).

Example:
    >>> import argmap
    >>> m = argmap.loads('thesis t "Tea is good."  claim c "Tea is tasty."  c supports t')
    >>> svg = argmap.render(m)
    >>> svg.startswith(b"<?xml")
    True
    >>> import xml.etree.ElementTree as ET
    >>> [el.get("id") for el in ET.fromstring(svg).iter() if el.get("class", "").startswith("node statement")]
    ['statement-t', 'statement-c']
    >>> print(argmap.to_dot(m, legend=False).splitlines()[0])
    digraph argmap {
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from argmap.evaluation.status import Status
from argmap.model import ArgumentMap
from argmap.rendering.graphbuilder import DEFAULT_DEPTH, DEFAULT_WIDTH, layout
from argmap.rendering.mapgraph import MapGraph

#: Output formats: pictures, the DOT source, and the map graph as JSON.
FORMATS = ("svg", "png", "pdf", "dot", "json")
#: Layout quality: ``auto`` switches to the fast settings above :data:`FAST_ABOVE` nodes.
QUALITIES = ("auto", "full", "fast")
#: Above this many nodes (statements and junctions), ``auto`` uses the fast engine settings.
FAST_ABOVE = 4000
#: PNG pictures larger than this many pixels on a side are scaled down, whatever the dpi
#: (150 inches at the default 96 dpi): a full-size PNG of a big map would take gigabytes.
PNG_MAX_PIXELS = 14_400
#: The resolution of PNG output when none is given.
DEFAULT_DPI = 96
#: The resolutions accepted, in dots per inch.
DPI_RANGE = (10, 1200)


def check_dpi(dpi: float | None) -> None:
    """Refuse a PNG resolution outside :data:`DPI_RANGE` (None is the default, 96).

    Raises:
        ValueError: ``dpi`` is not a number from 10 to 1200.
    """
    if dpi is not None and not (isinstance(dpi, int | float) and DPI_RANGE[0] <= dpi <= DPI_RANGE[1]):
        raise ValueError(f"dpi: {dpi_problem(dpi)}")


def dpi_problem(shown: object) -> str:
    """What is wrong with a resolution, worded the same for the command line and the API."""
    return f"expected a number from {DPI_RANGE[0]} to {DPI_RANGE[1]}, got {shown!r}"


def check_timeout(timeout: float | None) -> None:
    """Refuse a time limit that is not a positive number of seconds (None is the default).

    Raises:
        ValueError: ``timeout`` is zero, negative, infinite or not a number.
    """
    if timeout is not None and not (isinstance(timeout, int | float) and 0 < timeout < float("inf")):
        raise ValueError(f"timeout: {positive_problem(timeout)}")


def positive_problem(shown: object) -> str:
    """What is wrong with a time limit, worded the same for the command line and the API."""
    return f"expected a positive number, got {shown!r}"


@frozen
class Prepared:
    """A map ready for the engine.

    Attributes:
        graph: the map graph.
        source: its DOT source.
        fast: whether the fast engine settings are used.
        flattened: how many sections are nested too deep for a box of their own
            (:data:`argmap.rendering.dot.MAX_CLUSTER_DEPTH`) and are drawn inside an ancestor.
    """

    graph: MapGraph
    source: str
    fast: bool
    flattened: int = 0


def prepare(
    m: ArgumentMap,
    *,
    theme: str = "default",
    direction: str = "up",
    legend: bool = True,
    width: int = DEFAULT_WIDTH,
    focus: str | None = None,
    depth: int = DEFAULT_DEPTH,
    section: str | None = None,
    statuses: Mapping[str, Status] | None = None,
    quality: str = "auto",
) -> Prepared:
    """The map graph and DOT source of a map (see :func:`render` for the arguments).

    Raises:
        argmap.rendering.graphbuilder.LayoutError: ``focus`` or ``section`` names nothing in the map.
        ValueError: an unknown theme, direction or quality; a width below 1 or a depth below 0.
    """
    from argmap.rendering.dot import drawn_clusters
    from argmap.rendering.dot import to_dot as graph_to_dot

    if quality not in QUALITIES:
        raise ValueError(f"unknown quality `{quality}`; choose one of {', '.join(QUALITIES)}")
    graph = layout(m, width=width, focus=focus, depth=depth, section=section, statuses=statuses)
    fast = quality == "fast" or (quality == "auto" and len(graph.nodes) > FAST_ABOVE)
    source = graph_to_dot(graph, theme=theme, direction=direction, legend=legend, fast=fast)
    flattened = sum(1 for cid, drawn in drawn_clusters(graph).items() if cid != drawn)
    return Prepared(graph, source, fast, flattened)


def render(
    m: ArgumentMap,
    format: str = "svg",
    *,
    theme: str = "default",
    direction: str = "up",
    legend: bool = True,
    width: int = DEFAULT_WIDTH,
    focus: str | None = None,
    depth: int = DEFAULT_DEPTH,
    section: str | None = None,
    statuses: Mapping[str, Status] | None = None,
    quality: str = "auto",
    dpi: float | None = None,
    timeout: float | None = None,
    engine_binary: str | None = None,
) -> bytes:
    """Draw a map.

    The same map gives the same bytes on every run and every platform (with
    the pinned graphviz-pure engine).

    Args:
        m: the map (it is drawn even if it has check errors; what cannot be
            resolved is left out).
        format: ``svg``, ``png``, ``pdf`` (needs a system Graphviz), ``dot``
            (the DOT source) or ``json`` (the map graph).
        theme: ``default``, ``print`` (monochrome) or ``dark``.
        direction: where conclusions go: ``up``, ``down``, ``left`` or ``right``.
        legend: draw a legend of the kinds the picture uses.
        width: the longest line of statement text, in characters.
        focus: draw only the neighbourhood of this statement or inference id...
        depth: ...this many relation steps around it.
        section: draw only this section (id or title), with faded context.
        statuses: evaluation statuses by statement id and inference key, shown on every node.
        quality: ``auto`` (fast engine settings for big maps), ``full`` or ``fast``.
        dpi: resolution of PNG output, from 10 to 1200 (default 96); a PNG is
            at most :data:`PNG_MAX_PIXELS` pixels a side whatever the dpi.
        timeout: seconds the engine may take (default 300); None for the default.
        engine_binary: a Graphviz ``dot`` binary to use instead of graphviz-pure.

    Raises:
        argmap.rendering.engine.EngineError: the engine is missing, failed or took too long.
        argmap.rendering.graphbuilder.LayoutError: ``focus`` or ``section`` names nothing in the map.
        ValueError: an unknown format, theme, direction or quality; a width
            below 1, a depth below 0, a dpi outside 10 to 1200 or a timeout
            that is not a positive number.
    """
    check_dpi(dpi)
    check_timeout(timeout)
    if format not in FORMATS:
        raise ValueError(f"unknown format `{format}`; choose one of {', '.join(FORMATS)}")
    if format == "json":
        graph = layout(m, width=width, focus=focus, depth=depth, section=section, statuses=statuses)
        return graph.to_json().encode("utf-8")
    prepared = prepare(
        m,
        theme=theme,
        direction=direction,
        legend=legend,
        width=width,
        focus=focus,
        depth=depth,
        section=section,
        statuses=statuses,
        quality=quality,
    )
    if format == "dot":
        return prepared.source.encode("utf-8")
    return draw(prepared.source, format, dpi=dpi, timeout=timeout, engine_binary=engine_binary)


def draw(
    source: str,
    format: str,
    *,
    dpi: float | None = None,
    timeout: float | None = None,
    engine_binary: str | None = None,
) -> bytes:
    """Run the layout engine on DOT source.

    Raises:
        argmap.rendering.engine.EngineError: the engine is missing, failed or took too long.
        ValueError: a dpi outside 10 to 1200, or a timeout that is not a positive number.
    """
    from argmap.rendering import engine

    check_dpi(dpi)
    check_timeout(timeout)
    found = engine.find(format, engine_binary)
    args: list[str] = []
    if format == "png":
        # A PNG of a big map can take gigabytes: scale anything larger than this many pixels down.
        inches = PNG_MAX_PIXELS / (dpi or DEFAULT_DPI)
        args.append(f"-Gsize={inches:g},{inches:g}")
        if dpi:
            args.append(f"-Gdpi={dpi:g}")
    return engine.run(found, source, format, engine.DEFAULT_TIMEOUT if timeout is None else timeout, args)


def to_dot(
    m: ArgumentMap,
    *,
    theme: str = "default",
    direction: str = "up",
    legend: bool = True,
    width: int = DEFAULT_WIDTH,
    focus: str | None = None,
    depth: int = DEFAULT_DEPTH,
    section: str | None = None,
    statuses: Mapping[str, Status] | None = None,
    quality: str = "auto",
) -> str:
    """The Graphviz DOT source of a map (the arguments are those of :func:`render`)."""
    return prepare(
        m,
        theme=theme,
        direction=direction,
        legend=legend,
        width=width,
        focus=focus,
        depth=depth,
        section=section,
        statuses=statuses,
        quality=quality,
    ).source


def repr_mimebundle(m: ArgumentMap) -> dict[str, str]:
    """What Jupyter shows for a map: its SVG, or a plain note if it cannot be drawn."""
    from argmap.rendering.engine import EngineError

    try:
        return {"image/svg+xml": render(m, "svg").decode("utf-8")}
    except EngineError as exc:
        return {"text/plain": f"<argument map: {sum(1 for _ in m.statements())} statements; not drawn: {exc}>"}
