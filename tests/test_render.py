"""Rendering: DOT and SVG snapshots of every map, the SVG's structure, and safety.

The engine (graphviz-pure) is pinned, so SVG bytes are the same on every
platform; a change in a snapshot is a change in the picture. Regenerate with
``pytest tests/test_render.py --force-regen`` and look at the pictures.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.evaluation.status import Status
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Inference,
    Section,
    Source,
    Statement,
    StatementKind,
)
from argmap.rendering.build import build_graph
from argmap.rendering.dot import FAST_SETTINGS
from argmap.rendering.options import RenderOptions

from .conftest import MAPS, scaled

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
MAP_FILES = sorted(MAPS.glob("*.argmap"))


def svg_tree(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {el.get("id", ""): el for el in root.iter() if el.get("id")}


def links(root: ET.Element) -> list[str]:
    return [a.get(f"{XLINK}href", "") for a in root.iter(f"{SVG}a") if a.get(f"{XLINK}href")]


def legend_words(root: ET.Element) -> set[str]:
    """The words of the legend: its items are the elements whose id starts with ``argmap-legend-`` (not its title)."""
    return {
        "".join(t.itertext())
        for el in root.iter()
        if el.get("id", "").startswith("argmap-legend-") and el.get("id") != "argmap-legend-title"
        for t in el.iter(f"{SVG}text")
    }


# -- Snapshots ----------------------------------------------------------------------


@pytest.mark.parametrize("path", MAP_FILES, ids=[p.stem for p in MAP_FILES])
def test_map_snapshots(path: Path, file_regression) -> None:
    m = argmap.load(path)
    file_regression.check(argmap.to_dot(m), extension=".dot", basename=f"{path.stem}")
    file_regression.check(argmap.render(m, "svg").decode("utf-8"), extension=".svg", basename=f"{path.stem}")


VIEWS = {
    "peace-talks-focus-istanbul_deal": ("peace-talks", {"focus": "istanbul_deal", "depth": 1}),
    "peace-talks-section-bennett_talks": ("peace-talks", {"section": "bennett_talks"}),
    "drug-trial-print-down": ("drug-trial", {"theme": "print", "direction": "down", "legend": False}),
    "four-day-week-dark-right": ("four-day-week", {"theme": "dark", "direction": "right", "width": 40}),
}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_view_snapshots(name: str, file_regression) -> None:
    stem, options = VIEWS[name]
    m = argmap.load(MAPS / f"{stem}.argmap")
    file_regression.check(argmap.to_dot(m, **options), extension=".dot", basename=name)
    if "focus" in options:
        file_regression.check(argmap.render(m, "svg", **options).decode("utf-8"), extension=".svg", basename=name)


STATUSES = {
    "z_effective": Status.UNDECIDED,
    "a_shows": Status.IN,
    "b_shows": Status.OUT,
    "unblinding": Status.OUT,
    "blinding_check": Status.IN,
    "a_inf": Status.IN,
    "unblind_u": Status.OUT,
}


def test_status_overlay_snapshot(file_regression) -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    file_regression.check(argmap.to_dot(m, statuses=STATUSES), extension=".dot", basename="drug-trial-statuses")


def test_map_graph_json_snapshot(file_regression) -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    file_regression.check(argmap.render(m, "json").decode("utf-8"), extension=".json", basename="drug-trial-graph")


# -- The SVG's structure -------------------------------------------------------------


@pytest.fixture(scope="module")
def peace_svg() -> ET.Element:
    return svg_tree(argmap.render(argmap.load(MAPS / "peace-talks.argmap")))


def test_every_statement_and_junction_has_a_stable_id_and_full_tooltip(peace_svg: ET.Element) -> None:
    m = argmap.load(MAPS / "peace-talks.argmap")
    ids = by_id(peace_svg)
    for statement in m.statements():
        group = ids[f"statement-{statement.id}"]
        assert group.get("class") == f"node statement {statement.kind.value}"
        anchor = group.find(f"{SVG}g/{SVG}a")
        assert anchor is not None
        tooltip = anchor.get(f"{XLINK}title", "")
        assert tooltip.startswith(statement.text), statement.id
    graph = build_graph(m)
    junctions = [n.id for n in graph.nodes if n.kind.value == "junction"]
    assert junctions
    for junction in junctions:
        assert (ids[f"inference-{junction}"].get("class") or "").startswith("node junction ")


@pytest.mark.parametrize("path", MAP_FILES, ids=[p.stem for p in MAP_FILES])
def test_svg_ids_are_unique(path: Path) -> None:
    root = svg_tree((Path(__file__).parent / "test_render" / f"{path.stem}.svg").read_bytes())
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


def all_ids(data: bytes) -> list[str]:
    return [el.get("id", "") for el in svg_tree(data).iter() if el.get("id")]


#: Ids that look like the engine's link groups (``a_x``) and cell anchors (``a_x_0``), its own
#: ids (``node1``), argmap's (the legend, the graph), another element's prefix, or a renamed duplicate.
ADVERSARIAL_IDS = [
    "e", "a_e", "a_a_e", "x", "x.2", "a_x.2", "legend", "a_legend", "legend.thesis", "cluster_legend",
    "argmap", "argmap-graph", "argmap-graph_0", "a_argmap-graph", "argmap-legend", "argmap-legend-thesis",
    "argmap.graph", "a_argmap.graph", "statement-e", "inference-e", "edge-e", "section-e", "a_statement-e",
    "support.x.e", "i", "i.from.x", "i.to.e", "e-label", "node1", "edge1", "clust1", "graph0", "a_node1",
]  # fmt: skip


def test_ids_that_look_like_other_ids_stay_unique() -> None:
    # `a_e` next to `e` (the engine's link group of `e` is `a_e`); a statement named `legend`
    m = argmap.loads('thesis e "E"\nclaim a_e "AE"\nclaim legend "L"\na_e supports e\nlegend supports e\n')
    ids = all_ids(argmap.render(m))
    assert len(ids) == len(set(ids))
    assert {"statement-e", "statement-a_e", "statement-legend", "argmap-legend"} <= set(ids)
    assert [n.id for n in build_graph(m).nodes] == ["e", "a_e", "legend"]


_adversarial = st.sampled_from(ADVERSARIAL_IDS)


@settings(max_examples=scaled(40))
@given(
    statements=st.lists(_adversarial, min_size=1, max_size=8, unique=True),
    names=st.lists(st.none() | _adversarial, min_size=4, max_size=4),
    sections=st.lists(_adversarial, max_size=3),
    legend=st.booleans(),
    statuses=st.booleans(),
    url=st.booleans(),
)
def test_every_svg_id_is_unique_whatever_the_map_ids(
    statements: list[str], names: list[str | None], sections: list[str], legend: bool, statuses: bool, url: bool
) -> None:
    first, *rest = statements
    last = rest[-1] if rest else first
    items: list[object] = [
        Statement(StatementKind.THESIS, first, "T", url="https://example.org/" if url else None),
        *(Statement(StatementKind.CLAIM, sid, sid) for sid in rest),
        Inference.support(tuple(rest) or (first,), first, id=names[0], label="L" if names[0] else None),
        Inference.undercut((last,), names[0] or "none", id=names[1]),
        Inference.attack((first,), last, id=names[2], scheme="S"),
        Inference.support((last,), first, id=names[3]),
        Contradiction(first, last),
    ]
    for sid in sections:
        items = [Section(sid, tuple(items), id=sid)]
    m = ArgumentMap(
        title="T",
        about="src" if url else None,
        items=(*items, Source("src", "Src", url="https://example.org/src")),  # type: ignore[arg-type]
    )
    given_statuses = {sid: Status.IN for sid in statements} if statuses else None
    ids = all_ids(argmap.render(m, legend=legend, statuses=given_statuses))
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(i.startswith(("statement-", "inference-", "edge-", "section-", "argmap-", "a_")) for i in ids)


def test_sections_are_clusters_with_titles(peace_svg: ET.Element) -> None:
    ids = by_id(peace_svg)
    for section_id in ("background", "belarus", "bennett_talks", "istanbul", "putin_account", "review", "cq_pattern"):
        assert ids[f"section-{section_id}"].get("class") == "cluster section"
    texts = ["".join(t.itertext()) for t in ids["section-istanbul"].iter(f"{SVG}text")]
    assert "The Third Talks: Istanbul" in texts


def test_legend_is_drawn_by_default_and_can_be_left_out(peace_svg: ET.Element) -> None:
    assert by_id(peace_svg)["argmap-legend"].get("class") == "legend"
    assert by_id(peace_svg)["argmap-legend-title"].get("class") == "node legend title"
    words = legend_words(peace_svg)
    assert {"THESIS", "CLAIM", "EVIDENCE", "ASSUMPTION", "OBJECTION", "supports", "contradicts"} <= words
    assert {"undermines a premise", "undercuts an inference"} <= words
    m = argmap.load(MAPS / "drug-trial.argmap")
    assert "rebuts a conclusion" in legend_words(svg_tree(argmap.render(m)))  # z_effective is concluded and attacked
    assert "argmap-legend" not in by_id(svg_tree(argmap.render(m, legend=False)))


def test_legend_shows_only_kinds_in_use() -> None:
    m = argmap.loads('thesis t "T"  claim c "C"  c supports t')
    assert legend_words(svg_tree(argmap.render(m))) == {"THESIS", "CLAIM", "supports"}


def test_status_overlay_has_badges_and_a_legend() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    root = svg_tree(argmap.render(m, statuses=STATUSES))
    ids = by_id(root)
    assert "status-out" in (ids["statement-b_shows"].get("class") or "")
    assert "OUT" in {"".join(t.itertext()) for t in ids["statement-b_shows"].iter(f"{SVG}text")}
    assert "IN" in {"".join(t.itertext()) for t in ids["inference-a_inf"].iter(f"{SVG}text")}
    key = {"".join(el.itertext()).strip() for el in root.iter() if el.get("id", "").startswith("a_argmap-status-")}
    assert {"IN", "OUT", "UNDECIDED"} <= key


QUESTIONED = """
thesis t "Tea is good for you."
claim c "A nutritionist says tea is good for you."
claim field "The nutritionist studies diet and health." { tags: [expertise] }
argument a: field + c => t { scheme: expert_opinion }
objection paid "The nutritionist is paid by a tea company."
undercut u: paid => a { raises: trustworthiness }
claim s "Tea has antioxidants."
s supports t { scheme: sign }
"""


def _words_of(el: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in el.iter(f"{SVG}text")]


def _tooltip(el: ET.Element) -> str:
    return next((a.get(f"{XLINK}title", "") for a in el.iter(f"{SVG}a") if a.get(f"{XLINK}title")), "")


def test_open_questions_are_a_badge_with_their_texts_in_the_tooltip() -> None:
    root = svg_tree(argmap.render(argmap.loads(QUESTIONED)))
    ids = by_id(root)
    # expert_opinion has 6 questions, `u` raises one: 5 open, on the junction of the linked premises.
    assert "?5" in _words_of(ids["inference-a"])
    tip = _tooltip(ids["inference-a"])
    assert "Open critical questions (5):" in tip
    assert "? field (premise): Is E an expert in the field that A is in?" in tip
    assert "trustworthiness" not in tip
    # A one-premise inference drawn as one line carries the badge by its label: sign has 2 questions.
    (edge,) = [el for key, el in ids.items() if key.startswith("edge-") and "sign" in _words_of(el)]
    assert "?2" in _words_of(edge) and "? other_events (exception)" in _tooltip(edge)


def test_an_objection_that_raises_a_question_is_tagged_with_its_key() -> None:
    root = svg_tree(argmap.render(argmap.loads(QUESTIONED)))
    (edge,) = [el for key, el in by_id(root).items() if key.startswith("edge-u")]
    assert "raises: trustworthiness" in _words_of(edge)
    assert "Raises the question trustworthiness: Is E personally reliable as a source?" in _tooltip(edge)


def test_the_legend_explains_the_badge_only_when_one_is_drawn() -> None:
    meaning = "critical questions of its scheme nobody has asked yet"
    assert {meaning, "?2"} <= legend_words(svg_tree(argmap.render(argmap.loads(QUESTIONED))))
    considered = """
    thesis t "T"  claim s "S"  objection o "O"  objection p "P"
    argument r: s => t { scheme: sign }
    o undercuts r { raises: strength }
    p undercuts r { raises: other_events }
    """
    root = svg_tree(argmap.render(argmap.loads(considered)))
    assert meaning not in legend_words(root)
    assert not [w for el in root.iter() for w in _words_of(el) if w.startswith("?")]


def test_the_map_graph_carries_open_questions_and_raises() -> None:
    graph = build_graph(argmap.loads(QUESTIONED))
    junction = graph.node("a")
    assert junction.questions == ("expertise", "field", "opinion", "consistency", "backup_evidence")
    assert [e.raises for e in graph.edges if e.ref == "u"] == ["trustworthiness"]
    assert [e.questions for e in graph.edges if e.label == "sign"] == [("strength", "other_events")]


def test_sources_with_urls_are_links() -> None:
    m = argmap.loads(
        """
        source s "Report" { url: "https://example.org/r?a=1&b=2" }
        evidence e "E" { source: s }
        thesis t "T" { url: "mailto:ann@example.org" }
        claim c "C" { url: "javascript:alert(1)" }
        e supports t
        c supports t
        """
    )
    # The evidence box and its reference in the list of sources link to the source.
    assert sorted(links(svg_tree(argmap.render(m)))) == [
        "https://example.org/r?a=1&b=2",
        "https://example.org/r?a=1&b=2",
        "mailto:ann@example.org",
    ]


def test_title_links_to_the_source_the_map_reconstructs() -> None:
    m = argmap.loads('title "T" about s source s "The article" { url: "https://example.org/a", date: 2023 }')
    root = svg_tree(argmap.render(m))
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert texts[:2] == ["T", "The article, 2023"]
    assert links(root) == ["https://example.org/a"]


def deep_sections(levels: int) -> str:
    opening = "".join(f'section s{i} "Level {i}" {{\n' for i in range(levels))
    return opening + 'thesis t "T"\nclaim c "C"\nc supports t\n' + "}\n" * levels


def test_deeply_nested_sections_are_drawn_inside_their_ancestor_at_the_deepest_level() -> None:
    from argmap.rendering.dot import MAX_CLUSTER_DEPTH
    from argmap.rendering.render import prepare

    m = argmap.loads(deep_sections(1000))
    prepared = prepare(m)
    assert prepared.flattened == 1000 - MAX_CLUSTER_DEPTH
    svg = argmap.render(m)
    assert svg == argmap.render(argmap.loads(deep_sections(1000)))
    root = svg_tree(svg)
    sections = [el for el in root.iter() if el.get("class") == "cluster section"]
    assert len(sections) == MAX_CLUSTER_DEPTH
    assert b"976 sections nested more than 24 levels deep are drawn in their enclosing section" in svg
    statements = [el for el in root.iter() if (el.get("class") or "").startswith("node statement")]
    assert len(statements) == 2
    shallow = argmap.render(argmap.loads(deep_sections(MAX_CLUSTER_DEPTH)))
    assert b"nested more than" not in shallow
    assert len([el for el in svg_tree(shallow).iter() if el.get("class") == "cluster section"]) == MAX_CLUSTER_DEPTH


def test_render_is_deterministic() -> None:
    m = argmap.load(MAPS / "four-day-week.argmap")
    assert argmap.render(m) == argmap.render(argmap.load(MAPS / "four-day-week.argmap"))


def test_png_and_dpi() -> None:
    m = argmap.loads('thesis t "T"  claim c "C"  c supports t')
    png = argmap.render(m, "png")
    assert png.startswith(b"\x89PNG")
    big = argmap.render(m, "png", dpi=192)
    width = int.from_bytes(png[16:20], "big")
    assert int.from_bytes(big[16:20], "big") == pytest.approx(2 * width, abs=2)


def test_big_png_is_scaled_down(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.rendering import render as rendering

    monkeypatch.setattr(rendering, "PNG_MAX_PIXELS", 96)
    png = argmap.render(argmap.load(MAPS / "drug-trial.argmap"), "png")
    assert max(int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) <= 96 + 2


def test_a_high_dpi_does_not_lift_the_pixel_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.rendering import render as rendering

    monkeypatch.setattr(rendering, "PNG_MAX_PIXELS", 300)
    m = argmap.load(MAPS / "drug-trial.argmap")
    for dpi in (96, 400, 1200):
        png = argmap.render(m, "png", dpi=dpi)
        assert max(int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) <= 300 + 2


@pytest.mark.parametrize("dpi", [0, -96, 9.9, 1201, 100_000, float("nan"), float("inf")])
def test_absurd_dpi_is_a_value_error(dpi: float) -> None:
    m = argmap.loads('thesis t "T"')
    for fmt in ("png", "svg"):
        with pytest.raises(ValueError, match=r"^dpi: expected a number from 10 to 1200, got "):
            argmap.render(m, fmt, dpi=dpi)


def test_fast_settings_for_big_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.rendering import render as rendering

    m = argmap.loads('thesis t "T"  claim c "C"  c supports t')
    assert "nslimit" not in argmap.to_dot(m)
    assert all(f"{k}={v}" in argmap.to_dot(m, quality="fast") for k, v in FAST_SETTINGS.items())
    monkeypatch.setattr(rendering, "FAST_ABOVE", 1)
    assert rendering.prepare(m).fast
    assert not rendering.prepare(m, RenderOptions(quality="full")).fast


def test_unknown_options_are_value_errors() -> None:
    m = argmap.loads('thesis t "T"')
    for kwargs in ({"format": "gif"}, {"theme": "neon"}, {"direction": "sideways"}, {"quality": "best"}):
        with pytest.raises(ValueError, match="choose one of"):
            argmap.render(m, **kwargs)  # type: ignore[arg-type]


BAD_OPTIONS = [
    ({"width": -1}, "width: expected a whole number of at least 1, got -1"),
    ({"width": 0}, "width: expected a whole number of at least 1, got 0"),
    ({"depth": -1}, "depth: expected a whole number of at least 0, got -1"),
    ({"focus": "t", "depth": -2}, "depth: expected a whole number of at least 0, got -2"),
    ({"dpi": 0}, "dpi: expected a number from 10 to 1200, got 0"),
    ({"timeout": 0}, "timeout: expected a positive number, got 0"),
    ({"timeout": -1.5}, "timeout: expected a positive number, got -1.5"),
]


@pytest.mark.parametrize(("options", "message"), BAD_OPTIONS)
def test_out_of_range_options_are_value_errors_worded_as_on_the_command_line(
    options: dict[str, object], message: str
) -> None:
    m = argmap.loads('thesis t "T"')
    for fmt in ("svg", "png", "dot", "json"):
        with pytest.raises(ValueError) as caught:
            argmap.render(m, fmt, **options)  # type: ignore[arg-type]
        assert str(caught.value) == message
    shaping = {k: v for k, v in options.items() if k in ("width", "depth", "focus")}
    if shaping:
        with pytest.raises(ValueError, match=message):
            argmap.to_dot(m, **shaping)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=message):
            RenderOptions(**shaping)  # type: ignore[arg-type]


def test_jupyter_shows_svg() -> None:
    m = argmap.loads('thesis t "T"')
    bundle = m._repr_mimebundle_()
    assert bundle["image/svg+xml"].startswith("<?xml")


def test_jupyter_without_an_engine_shows_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_DOT", "/nonexistent/dot")
    bundle = argmap.loads('thesis t "T"')._repr_mimebundle_()
    assert "not drawn" in bundle["text/plain"]


# -- Safety ----------------------------------------------------------------------------

HOSTILE = [
    "<b>bold</b> & <i>",
    '"quoted" ] ; node x [label="injected"]',
    "trailing backslash \\",
    "</TD></TR></TABLE>> ]; evil [label=<x",
    "\\N \\G \\L \\l \\n \\E &amp; &bogus; &#65;",
    "}\ndigraph x {",
    "control \x01\x0b\x7f characters",  # a lone surrogate is refused by the model itself
    "<script>alert(1)</script>",
    'onload="alert(1)"',
]


def hostile_map(text: str) -> ArgumentMap:
    return ArgumentMap(
        title=text,
        author=text,
        about="src",
        items=(
            Source("src", text, url="https://example.org/?q=" + text, date=text, author=text, note=text),
            Actor("act", text, role=text, note=text),
            Statement(StatementKind.THESIS, "t", text, by="act", source="src", date=text, quote=text, note=text),
            Statement(StatementKind.EVIDENCE, "e", text, by="act", source="src", url=text, tags=(text,)),
            Statement(StatementKind.CLAIM, "c", text),
            Section(
                text,
                (
                    Inference.support(("e", "c"), "t", id="inf", label=text, scheme=text, warrant=text, note=text),
                    Inference.undercut(("c",), "inf", label=text),
                    Contradiction("e", "c", note=text),
                ),
                id="sec",
            ),
        ),
    )


def _clean(text: str) -> str:
    from argmap.rendering.wrap import clean

    return clean(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_labels_cannot_inject_dot_or_markup(text: str) -> None:
    m = hostile_map(text)
    source = argmap.to_dot(m)
    svg = argmap.render(m)  # the engine accepts the DOT: no syntax error, no bad HTML label
    root = svg_tree(svg)
    ids = by_id(root)
    titles = {"".join(el.itertext()) for el in root.iter(f"{SVG}title")}
    assert not {"injected", "evil", "x"} & titles
    assert not list(root.iter(f"{SVG}script"))
    assert not [k for el in root.iter() for k in el.attrib if k.lower().startswith("on")]
    assert all(h.startswith(("http:", "https:", "mailto:")) for h in links(root))
    # the full text comes back exactly in the tooltip of the thesis
    tooltip = ids["statement-t"].find(f"{SVG}g/{SVG}a")
    assert tooltip is not None
    # (the engine writes a run of spaces as space, no-break space)
    assert tooltip.get(f"{XLINK}title", "").replace("\xa0", " ").startswith(_clean(text) + "\nBy: ")
    assert source.startswith("digraph argmap {\n")


def test_wrapped_text_comes_back_word_for_word() -> None:
    text = 'a<b & c>d \\N "q" ] ; ' * 5
    m = ArgumentMap(items=(Statement(StatementKind.CLAIM, "c", text),))
    root = svg_tree(argmap.render(m, legend=False))
    words = " ".join("".join(t.itertext()) for t in by_id(root)["statement-c"].iter(f"{SVG}text")).split()
    assert words == ["CLAIM", "c", *text.split()]


_texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)


@settings(max_examples=scaled(40))
@given(title=_texts, text=_texts, quote=_texts, scheme=_texts, section=_texts, name=_texts, url=_texts)
def test_random_text_in_every_field_renders_to_valid_xml(
    title: str, text: str, quote: str, scheme: str, section: str, name: str, url: str
) -> None:
    m = ArgumentMap(
        title=title,
        author=name,
        items=(
            Source("s", name, url=url, date=quote),
            Actor("a", name, role=quote),
            Statement(StatementKind.THESIS, "t", text, by="a", source="s", quote=quote),
            Section(
                section,
                (
                    Statement(StatementKind.EVIDENCE, "e", quote, by="a", source="s", url=url),
                    Statement(StatementKind.OBJECTION, "o", scheme),
                    Inference.support(("e",), "t", id="i", label=title, scheme=scheme, warrant=text),
                    Inference.undercut(("o",), "i", label=section),
                    Contradiction("o", "e", note=text),
                ),
            ),
        ),
    )
    root = svg_tree(argmap.render(m))
    assert {"statement-t", "statement-e", "statement-o", "inference-i"} <= set(by_id(root))
    assert all(
        h.startswith(("http:", "https:", "mailto:", "HTTP", "MAILTO")) or h.lower().startswith(("http", "mailto"))
        for h in links(root)
    )


def test_api_page_rendering_examples_run() -> None:
    import doctest
    import re

    page = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    section = page.split("## Rendering", 1)[1]
    examples = "\n\n".join(re.findall(r"```python\n(>>> .*?)```", section, re.S))
    test = doctest.DocTestParser().get_doctest(examples, {}, "api.md", "docs/api.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert test.examples


def test_rendering_page_commands_use_real_options() -> None:
    import argparse

    from argmap.cli.render import add_arguments

    page = (Path(__file__).resolve().parents[1] / "docs" / "rendering.md").read_text(encoding="utf-8")
    parser = argparse.ArgumentParser(exit_on_error=False)
    add_arguments(parser)
    for line in page.splitlines():
        if line.startswith("argmap render "):
            parser.parse_args(line.split("#")[0].split()[2:])


def test_options_evaluate_the_map_as_the_statuses_of_its_evaluation_would_show() -> None:
    m = argmap.loads('thesis t "T"  claim c "C"  objection o "O"  c supports t  o attacks c')
    statuses = argmap.evaluate(m, reject=["o"]).statuses()
    evaluated = RenderOptions(format="dot", evaluate=True, reject=["o"])

    def status_classes(dot: str) -> dict[str, str]:
        return dict(re.findall(r'class="[^"]*?(status-\w+)[^"]*"[^\n]*? id="([\w.-]+)"', dot)[::-1])

    with_options = argmap.to_dot(m, options=evaluated)
    given = argmap.to_dot(m, statuses=statuses)
    assert status_classes(with_options) == status_classes(given) != {}
    assert argmap.render(m, options=evaluated) == with_options.encode("utf-8")
    # What the evaluation adds: the caption that names the what-if, and `o` set aside, not defeated.
    assert "Statuses under grounded semantics · rejected: o" in with_options and "Statuses under" not in given
    assert "SET ASIDE" in with_options and "SET ASIDE" not in given
    assert with_options != argmap.to_dot(m, options=RenderOptions(evaluate=True))


def test_options_and_separate_settings_do_not_mix() -> None:
    m = argmap.loads('thesis t "T"')
    with pytest.raises(TypeError, match="options= or theme"):
        argmap.render(m, theme="dark", options=RenderOptions())
    with pytest.raises(ValueError, match="need evaluate=True"):
        RenderOptions(reject=["t"])
    with pytest.raises(ValueError, match="not both"):
        RenderOptions(evaluate=True, statuses={})
