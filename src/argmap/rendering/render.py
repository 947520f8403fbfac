"""Drawing maps from Python: :func:`render` and :func:`to_dot`.

One :class:`~argmap.rendering.options.RenderOptions` carries the settings
through every step. The pipeline runs one way: the model becomes a map graph
(:func:`argmap.rendering.build.build_graph`, plain data), the map graph becomes DOT
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
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from argmap.evaluation.status import Status
from argmap.model import ArgumentMap
from argmap.rendering.build import build_graph
from argmap.rendering.mapgraph import MapGraph
from argmap.rendering.options import DEFAULT_DPI, DEFAULTS, RenderOptions, default

if TYPE_CHECKING:
    from argmap.evaluation.evaluator import Evaluation
    from argmap.rendering.engine import Engine
    from argmap.rendering.process import Deadline

#: Above this many nodes (statements and junctions), ``auto`` uses the fast engine settings.
FAST_ABOVE = 1000
#: PNG pictures larger than this many pixels on a side are scaled down, whatever the dpi
#: (150 inches at the default 96 dpi): a full-size PNG of a big map would take gigabytes.
PNG_MAX_PIXELS = 14_400


@frozen
class Prepared:
    """A map ready for the engine.

    Attributes:
        graph: the map graph.
        source: the DOT source of the map itself.
        fast: whether the fast engine settings are used.
        flattened: how many sections are nested too deep for a box of their own
            (:data:`argmap.rendering.dot.MAX_CLUSTER_DEPTH`) and are drawn inside an ancestor.
        key: the DOT source of the legend's and the references' graphs, wrapped to
            :data:`~argmap.rendering.key.KEY_WIDTH` (empty without either); a drawing
            wraps the legend to the map's width instead.
    """

    graph: MapGraph
    source: str
    fast: bool
    flattened: int = 0
    key: str = ""

    @property
    def dot(self) -> str:
        """The DOT file: the map's graph, then the key's graphs (see :func:`argmap.rendering.dot.to_dot`)."""
        return self.source + self.key


@frozen
class Picture:
    """What drawing a map gave.

    Attributes:
        data: the output, in the format asked for.
        graph: the map graph it was drawn from.
        prepared: the DOT source and how it was made (None for ``json``, which needs no DOT).
    """

    data: bytes
    graph: MapGraph
    prepared: Prepared | None = None


def prepare(m: ArgumentMap, options: RenderOptions = DEFAULTS, deadline: Deadline | None = None) -> Prepared:
    """The map graph and DOT source of a map.

    With a ``deadline``, each stage starts only while there is time left.

    Raises:
        argmap.rendering.build.LayoutError: ``focus`` or ``section`` names nothing in the map.
        argmap.evaluation.errors.EvaluationError: ``evaluate`` with a what-if that names
            an unknown id, or a map too large for the semantics.
        argmap.rendering.engine.EngineError: the deadline passed.
    """
    graph = build_graph(m, options)
    _in_time(deadline, "building the map graph")
    return prepare_graph(graph, options, deadline)


def prepare_graph(graph: MapGraph, options: RenderOptions = DEFAULTS, deadline: Deadline | None = None) -> Prepared:
    """The DOT source of a map graph already built.

    Raises:
        argmap.rendering.engine.EngineError: the deadline passed.
    """
    from argmap.rendering.dot import drawn_clusters, key_dot, map_dot

    fast = options.quality == "fast" or (options.quality == "auto" and len(graph.nodes) > FAST_ABOVE)
    source = map_dot(graph, theme=options.theme, direction=options.direction, fast=fast)
    key = key_dot(graph, theme=options.theme, direction=options.direction, legend=options.legend)
    flattened = sum(1 for cid, drawn in drawn_clusters(graph).items() if cid != drawn)
    _in_time(deadline, "writing the DOT source")
    return Prepared(graph, source, fast, flattened, key)


def _in_time(deadline: Deadline | None, stage: str) -> None:
    """Stop when ``deadline`` has passed: ``--timeout`` covers our own stages as well as the engine.

    Raises:
        argmap.rendering.engine.EngineError: the time is up.
    """
    if deadline is not None and deadline.passed():
        from argmap.rendering.engine import EngineError, timed_out

        raise EngineError(timed_out(deadline.limit or 0.0, f"drawing (while {stage})"))


def picture(m: ArgumentMap, options: RenderOptions = DEFAULTS) -> Picture:
    """Draw a map in ``options.format``: the one place that decides how each format is made.

    ``options.timeout`` (default :data:`~argmap.rendering.engine.DEFAULT_TIMEOUT`) limits
    the whole drawing: our own stages and the engine's.

    Raises:
        argmap.rendering.engine.EngineError: the engine is missing, failed or took too long,
            or the drawing took longer than the time limit.
        argmap.rendering.build.LayoutError: ``focus`` or ``section`` names nothing in the map.
        argmap.evaluation.errors.EvaluationError: as for :func:`prepare`.
    """
    from argmap.rendering.engine import DEFAULT_TIMEOUT
    from argmap.rendering.process import Deadline

    deadline = Deadline(DEFAULT_TIMEOUT if options.timeout is None else options.timeout)
    if options.format == "json":
        graph = build_graph(m, options)
        data = graph.to_json().encode("utf-8")
        _in_time(deadline, "writing the map graph")
        return Picture(data, graph)
    if options.format == "html":
        return _page(m, options, deadline)
    graph = build_graph(m, options)
    _in_time(deadline, "building the map graph")
    return graph_picture(graph, options, deadline)


def graph_picture(graph: MapGraph, options: RenderOptions = DEFAULTS, deadline: Deadline | None = None) -> Picture:
    """Draw a map graph already built, in ``options.format`` (not ``html``, which needs the map).

    Raises:
        argmap.rendering.engine.EngineError: as for :func:`picture`.
        ValueError: the format is ``html``.
    """
    if options.format == "html":
        raise ValueError("an interactive page is made from a map, not from a map graph")
    if options.format == "json":
        return Picture(graph.to_json().encode("utf-8"), graph)
    prepared = prepare_graph(graph, options, deadline)
    if options.format == "dot":
        return Picture(prepared.dot.encode("utf-8"), graph, prepared)
    return Picture(draw(prepared, options, deadline), graph, prepared)


def atlas(m: ArgumentMap, stem: str, options: RenderOptions = DEFAULTS) -> list[tuple[str, Picture]]:
    """An atlas of a map: the overview and a picture per top-level section, with their file names.

    The names are those of :func:`argmap.rendering.atlas.pages` (``STEM.FORMAT``,
    ``STEM.SECTION.FORMAT``), relative to one folder: the pictures link to each other by them.
    ``options.timeout`` limits the whole atlas.

    Raises:
        argmap.rendering.atlas.NoSectionsError: the map has no sections.
        argmap.rendering.engine.EngineError: as for :func:`picture`.
        argmap.evaluation.errors.EvaluationError: as for :func:`prepare`.
        ValueError: the format is ``html``, or ``options`` asks for a ``focus`` or ``section``.
    """
    from argmap.rendering.atlas import overview_graph, pages, section_graph
    from argmap.rendering.engine import DEFAULT_TIMEOUT
    from argmap.rendering.process import Deadline

    if options.focus is not None or options.section is not None:
        raise ValueError("an atlas draws every section: leave out focus and section")
    deadline = Deadline(DEFAULT_TIMEOUT if options.timeout is None else options.timeout)
    found = pages(m, stem, options.format)
    overview = overview_graph(m, found, options)  # the edges are labelled with their kinds: no legend
    out = [(found[0].name, graph_picture(overview, attrs.evolve(options, legend=False), deadline))]
    for page in found[1:]:
        graph = section_graph(m, found, page, options)
        _in_time(deadline, f"building the picture of {page.name}")
        out.append((page.name, graph_picture(graph, options, deadline)))
    return out


def _page(m: ArgumentMap, options: RenderOptions, deadline: Deadline) -> Picture:
    """The interactive page (:mod:`argmap.rendering.html`).

    Raises:
        argmap.rendering.engine.EngineError: as for :func:`picture`.
        argmap.evaluation.errors.EvaluationError: as for :func:`prepare`.
    """
    from argmap.rendering.html import page

    drawn = page_parts(m, options, deadline)
    data = page(m, drawn.prepared.graph, drawn.svg, drawn.evaluation)
    return Picture(data, drawn.prepared.graph, drawn.prepared)


@frozen
class PageParts:
    """What the interactive page is made of.

    Attributes:
        svg: the picture, drawn without statuses (the page shows them as an overlay).
        prepared: the map graph and DOT source it was drawn from.
        evaluation: the map's evaluation, when the options ask for one.
    """

    svg: bytes
    prepared: Prepared
    evaluation: Evaluation | None


def page_parts(m: ArgumentMap, options: RenderOptions = DEFAULTS, deadline: Deadline | None = None) -> PageParts:
    """The SVG, map graph and evaluation of a map's interactive page.

    Raises:
        argmap.rendering.engine.EngineError: as for :func:`picture`.
        argmap.evaluation.errors.EvaluationError: as for :func:`prepare`.
    """
    import attrs

    evaluation = None
    if options.evaluate:
        from argmap.evaluation.evaluator import evaluate

        evaluation = evaluate(m, options.semantics, options.assume, options.reject, options.distrust)
    plain = attrs.evolve(options, format="svg", evaluate=False, semantics="grounded", assume=(), reject=(), distrust=())
    prepared = prepare(m, plain, deadline)
    svg = draw(prepared, plain, deadline)
    _in_time(deadline, "drawing the picture")
    return PageParts(svg, prepared, evaluation)


def draw(prepared: Prepared, options: RenderOptions = DEFAULTS, deadline: Deadline | None = None) -> bytes:
    """Run the layout engine on a prepared map, for ``options.format``, ``dpi``, ``timeout`` and ``engine_binary``.

    The map is laid out first; then its legend and references, wrapped to the map's
    width, in one more run, and put under it (:mod:`argmap.rendering.compose`).
    PNG and PDF are drawn from that SVG (see :mod:`argmap.rendering.raster`). A
    system Graphviz writes PNG and PDF itself only for a picture with nothing under
    the map, or a format argmap cannot draw (PDF where svg2pdf is not installed):
    then without the legend and references.
    With a ``deadline`` (of the whole drawing) the engine gets the time left; else ``options.timeout``.

    Raises:
        argmap.rendering.engine.EngineError: the engine is missing, failed or took too long.
    """
    from argmap.rendering import engine

    found = engine.find(options.format, options.engine_binary)
    if deadline is None:
        from argmap.rendering.process import Deadline

        deadline = Deadline(engine.DEFAULT_TIMEOUT if options.timeout is None else options.timeout)
    drawable = options.format == "png" or (options.format == "pdf" and engine.can_draw_pdf())
    keyed = bool(prepared.key)  # a legend or references to put under the map
    if options.format == "svg" or (options.format in engine.DRAWN_FROM_SVG and (found.pure or (drawable and keyed))):
        # graphviz-pure's own PNG has only its built-in fonts, and it has no PDF:
        # draw its SVG with argmap's fonts (see raster). The key is put in the SVG, so
        # a system Graphviz's PNG and PDF are drawn the same way.
        svg = with_key(engine.run(found, prepared.source, "svg", deadline), prepared, options, found, deadline)
        if options.format == "svg":
            return svg
        from argmap.rendering import raster

        if options.format == "pdf":
            return raster.pdf(svg)
        return raster.png(svg, options.dpi or DEFAULT_DPI, PNG_MAX_PIXELS)
    args: list[str] = []
    if options.format == "png":
        # A PNG of a big map can take gigabytes: scale anything larger than this many pixels down.
        inches = PNG_MAX_PIXELS / (options.dpi or DEFAULT_DPI)
        args.append(f"-Gsize={inches:g},{inches:g}")
        if options.dpi:
            args.append(f"-Gdpi={options.dpi:g}")
    return engine.run(found, prepared.source, options.format, deadline, args)


def with_key(svg: bytes, prepared: Prepared, options: RenderOptions, found: Engine, deadline: Deadline) -> bytes:
    """The map's SVG with its legend and references under it, the legend wrapped to the map's width.

    Raises:
        argmap.rendering.engine.EngineError: the engine failed on the key, or wrote it
            in a form argmap does not know.
    """
    from argmap.rendering import compose, engine

    if not prepared.key or not compose.composable(svg):
        return svg  # nothing to add, or not a picture of the engine's that argmap can add to
    from argmap.rendering.dot import key_dot
    from argmap.rendering.themes import get

    try:
        width = compose.size(svg)[0]
        source = key_dot(
            prepared.graph, theme=options.theme, direction=options.direction, legend=options.legend, width=width
        )
        return compose.compose(
            svg, engine.run(found, source, "svg", deadline, several=True), get(options.theme).background
        )
    except compose.ComposeError as exc:
        raise engine.EngineError(f"cannot put the legend under the map: {exc}") from None


def render(
    m: ArgumentMap,
    format: str = default("format"),
    *,
    theme: str = default("theme"),
    direction: str = default("direction"),
    legend: bool = default("legend"),
    width: int = default("width"),
    focus: str | None = default("focus"),
    depth: int = default("depth"),
    section: str | None = default("section"),
    statuses: Mapping[str, Status] | None = default("statuses"),
    quality: str = default("quality"),
    dpi: float | None = default("dpi"),
    timeout: float | None = default("timeout"),
    engine_binary: str | None = default("engine_binary"),
    options: RenderOptions | None = None,
) -> bytes:
    """Draw a map.

    The same map gives the same bytes on every run and every platform (with
    the pinned graphviz-pure engine).

    Args:
        m: the map (it is drawn even if it has check errors; what cannot be
            resolved is left out).
        format: ``svg``, ``png``, ``pdf`` (needs a system Graphviz), ``dot``
            (the DOT source), ``json`` (the map graph) or ``html`` (an interactive page,
            one self-contained file: see ``docs/html.md``).
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
        timeout: seconds the drawing may take, our own stages and the engine (default 300);
            None for the default.
        engine_binary: a Graphviz ``dot`` binary to use instead of graphviz-pure.
        options: all of these at once, as a :class:`~argmap.rendering.options.RenderOptions`
            (which can also evaluate the map); then give no other setting.

    Raises:
        argmap.rendering.engine.EngineError: the engine is missing, failed or took too long.
        argmap.rendering.build.LayoutError: ``focus`` or ``section`` names nothing in the map.
        ValueError: an unknown format, theme, direction or quality; a width
            below 1, a depth below 0, a dpi outside 10 to 1200 or a timeout
            that is not a positive number.
        TypeError: ``options`` and another setting are both given.
    """
    settings = {k: v for k, v in locals().items() if k not in ("m", "options")}
    return picture(m, _options(options, settings)).data


def to_dot(
    m: ArgumentMap,
    *,
    theme: str = default("theme"),
    direction: str = default("direction"),
    legend: bool = default("legend"),
    width: int = default("width"),
    focus: str | None = default("focus"),
    depth: int = default("depth"),
    section: str | None = default("section"),
    statuses: Mapping[str, Status] | None = default("statuses"),
    quality: str = default("quality"),
    options: RenderOptions | None = None,
) -> str:
    """The Graphviz DOT source of a map: the map's graph, then the legend's and the references' graphs.

    The arguments are those of :func:`render`. A drawing lays the legend and the
    references out on their own and puts them under the map (see
    :func:`argmap.rendering.dot.key_dot`); here the legend is wrapped to
    :data:`argmap.rendering.key.KEY_WIDTH` points, as the map's width is not known.
    """
    settings = {k: v for k, v in locals().items() if k not in ("m", "options")}
    return prepare(m, _options(options, settings)).dot


def _options(options: RenderOptions | None, settings: dict[str, Any]) -> RenderOptions:
    """``options``, or the options that the keyword settings make.

    Raises:
        TypeError: both are given.
        ValueError: a setting is out of its range or not one of its choices.
    """
    if options is None:
        return RenderOptions(**settings)
    given = sorted(name for name, value in settings.items() if value != default(name))
    if given:
        raise TypeError(f"give either options= or {', '.join(given)}, not both")
    return options


def repr_mimebundle(m: ArgumentMap) -> dict[str, str]:
    """What Jupyter shows for a map: its SVG, or a plain note if it cannot be drawn."""
    from argmap.rendering.engine import EngineError

    try:
        return {"image/svg+xml": render(m, "svg").decode("utf-8")}
    except EngineError as exc:
        return {"text/plain": f"<argument map: {sum(1 for _ in m.statements())} statements; not drawn: {exc}>"}
