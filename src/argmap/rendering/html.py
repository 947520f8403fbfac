"""The interactive page: one self-contained HTML file of a map (``argmap render -f html``).

The page is the SVG the layout engine draws, cut by :mod:`argmap.rendering.svgparts`
into its frame (inline markup) and its nodes and edges (SVG text in JSON, built
by the page's script when they come into view), plus the map's details as JSON
in a ``<script type="application/json">`` and a small script and style sheet
read from :mod:`argmap.rendering.page`. It makes no network request of any
kind and gives the same bytes on every run.

The script finds the picture's elements by the ids of the map graph
(``statement-ID``, ``inference-ID``, ``edge-ID``, ``section-ID``), so it
works on whatever layout the engine makes. Every map text reaches the page
as JSON and is put into the document with ``textContent`` only; ``<``, ``>``
and ``&`` (and U+2028/U+2029) are escaped in the JSON, so no text can close
the script element or be read as markup. The only markup the script builds is
the picture's parts, Graphviz's SVG (in which every map text is escaped),
parsed as XML by ``DOMParser``, where nothing runs.

Example:
    >>> import argmap
    >>> m = argmap.loads('thesis t "<b>Tea</b> is good."')
    >>> page = argmap.render(m, "html")
    >>> page.startswith(b"<!DOCTYPE html>"), b"<b>Tea" in page
    (True, False)
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from argmap.evaluation.evaluator import Evaluation
from argmap.links import safe_url
from argmap.model import ArgumentMap, Inference
from argmap.model.index import index
from argmap.model.questions import InferenceQuestions, questions
from argmap.rendering.mapgraph import MapGraph
from argmap.rendering.svgparts import cut_picture

#: What the page's script and style sheet are read from.
_ASSETS = "argmap.rendering.page"
_PROLOGUE = re.compile(r"\A(?:\s*<\?xml[^>]*\?>|\s*<!DOCTYPE[^>]*>|\s*<!--.*?-->)*\s*", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SIZE = re.compile(r'<svg width="[^"]*"\s+height="[^"]*"')
#: Tooltips: the page has its panel and accessible names instead, and a big map is smaller without them.
_TOOLTIPS = re.compile(r'<title>[^<]*</title>\n?| xlink:title="[^"]*"')
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TO_ESCAPE = re.compile("[<>&\u2028\u2029]")


def page(m: ArgumentMap, graph: MapGraph, svg: bytes, evaluation: Evaluation | None = None) -> bytes:
    """The HTML page of a map drawn as ``svg`` from ``graph``.

    Args:
        m: the map (for the details the picture leaves out: quotes, notes, sources).
        graph: the map graph the SVG was drawn from.
        svg: the SVG.
        evaluation: the map's evaluation, shown as a status overlay, or None.
    """
    frame, parts = picture(svg)
    title = _escape_text(graph.title or m.title or "Argument map")
    html = _asset("page.html")
    fields = {
        "@TITLE@": title,
        "@STYLE@": _asset("page.css"),
        "@SCRIPT@": _asset("page.js"),
        "@DATA@": script_json(details(m, graph, evaluation)),
        "@PARTS@": script_json(parts),
        "@SVG@": frame,
    }
    return re.sub("@(?:TITLE|STYLE|SCRIPT|DATA|PARTS|SVG)@", lambda hit: fields[hit.group(0)], html).encode("utf-8")


def picture(svg: bytes) -> tuple[str, list[list[Any]]]:
    """The picture as the page holds it: its frame as markup, and its parts as JSON-ready rows.

    A row is ``[id, layer, x, y, width, height, colour, ends, svg]`` (see :class:`argmap.rendering.svgparts.Part`).
    """
    cut = cut_picture(inline_svg(svg.decode("utf-8")))
    rows = [[p.id, p.layer, *p.box, p.colour, list(p.ends), p.svg] for p in cut.parts]
    return cut.frame, rows


def _asset(name: str) -> str:
    return resources.files(_ASSETS).joinpath(name).read_text(encoding="utf-8")


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline_svg(svg: str) -> str:
    """The SVG ready to sit inside HTML: no XML prologue, comments or tooltips, sized by the page."""
    body = _TOOLTIPS.sub("", _COMMENT.sub("", _PROLOGUE.sub("", svg, count=1)))
    return _SIZE.sub('<svg id="argmap-svg" width="100%" height="100%"', body, count=1)


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028 or U+2029.

    Example:
        >>> script_json({"t": "</script><b>&"})
        '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _TO_ESCAPE.sub(lambda hit: _ESCAPES[hit.group(0)], text)


def details(m: ArgumentMap, graph: MapGraph, evaluation: Evaluation | None = None) -> dict[str, Any]:
    """Everything the page shows beyond the picture, as JSON-ready data."""
    ix = index(m)
    statements = {}
    for sid, st in ix.statements.items():
        source = ix.sources.get(st.source) if st.source else None
        actor = ix.actors.get(st.by) if st.by else None
        section = ix.section_of.get(sid)
        statements[sid] = {
            "kind": st.kind.value,
            "text": st.text,
            "by": None if actor is None else {"id": actor.id, "name": actor.name, "role": actor.role},
            "source": None
            if source is None
            else {
                "id": source.id,
                "title": source.title,
                "date": source.date,
                "author": source.author,
                "url": safe_url(source.url),
            },
            "date": st.date,
            "quote": st.quote,
            "note": st.note,
            "tags": list(st.tags),
            "url": safe_url(st.url),
            "section": section.title if section else None,
        }
    asked = {iq.inference.key: iq for iq in questions(m)}
    inferences = {}
    for inf in ix.inferences:
        actor = ix.actors.get(inf.by) if inf.by else None
        inferences[inf.key] = {
            "id": inf.id,
            "kind": inf.kind.value,
            "label": inf.label,
            "premises": list(inf.premises),
            "target": inf.target,
            "scheme": inf.scheme,
            "warrant": inf.warrant,
            "note": inf.note,
            "tags": list(inf.tags),
            "by": None if actor is None else {"id": actor.id, "name": actor.name, "role": actor.role},
            "questions": _questions(asked.get(inf.key), inf),
            "raises": inf.raises,
            "answers": inf.answers,
        }
    return {
        "title": graph.title,
        "statements": statements,
        "inferences": inferences,
        "contradictions": [[c.left, c.right] for c in ix.contradictions],
        "nodes": [[n.id, n.kind.value, n.ref, n.cluster] for n in graph.nodes if not n.ghost],
        "edges": [[e.id, e.tail, e.head, e.ref] for e in graph.edges],
        "clusters": [[c.id, c.title, c.parent] for c in graph.clusters],
        "evaluation": None if evaluation is None else _evaluation(evaluation),
    }


def _questions(iq: InferenceQuestions | None, inf: Inference) -> list[dict[str, str]]:
    """The critical questions of an inference's scheme, each with its type, text and state."""
    if iq is None or iq.inference is not inf:
        return []
    return [
        {"key": q.question.key, "type": q.question.type, "text": q.question.text, "state": q.state}
        for q in iq.questions
    ]


def _evaluation(ev: Evaluation) -> dict[str, Any]:
    """Statuses, the semantics and what-ifs, and each thesis's critical points."""
    statuses = {sid: status.value for sid, status in ev.statement_status.items()}
    statuses.update({key: status.value for key, status in ev.inference_status.items()})
    critical = {}
    for tid in ev.theses():
        critical[tid] = [
            {"kind": p.kind, "id": p.id, "after": p.after.value, "rejected": list(p.rejected)} for p in ev.critical(tid)
        ]
    return {
        "semantics": ev.semantics,
        "assume": list(ev.scenario.assume),
        "reject": list(ev.scenario.reject),
        "distrust": list(ev.scenario.distrust),
        "statuses": statuses,
        "critical": critical,
    }
