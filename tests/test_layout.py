"""The map graph: which nodes, junctions, edges and clusters a map gives."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.evaluation.status import Status
from argmap.links import safe_url
from argmap.model import ArgumentMap, Contradiction, Inference, InferenceKind, Section, Statement, StatementKind
from argmap.rendering.build import LayoutError, build_graph
from argmap.rendering.mapgraph import EdgeKind, MapGraph, NodeKind
from argmap.rendering.options import RenderOptions

from .conftest import MAPS, scaled

TEA = """
title "Tea"
thesis t "Tea is good for you."
evidence e "Tea contains antioxidants." { source: lab, by: ann, date: 2021-03 }
claim d "Antioxidants protect cells."
objection o "A cup holds too few antioxidants to matter."
objection q "Some studies found no effect."
claim r "Those studies were small."
assumption s "Cells matter."
source lab "A lab report" { url: "https://example.org/lab?a=1&b=2" }
actor ann "Ann Analyst"
section why "Why" {
  argument why_inf "Antioxidants": e + d => t { scheme: "cause to effect", warrant: "W" }
}
s supports d
o undercuts why_inf
q attacks t
r attacks q
undercut u2: r => o_attack
attack o_attack: o => e
"""


def edges(g: MapGraph) -> list[tuple[str, str, str, bool]]:
    return [(e.tail, e.head, e.kind.value, e.arrow) for e in g.edges]


def test_linked_premises_join_in_a_junction() -> None:
    g = build_graph(argmap.loads(TEA))
    junction = g.node("why_inf")
    assert junction.kind is NodeKind.JUNCTION
    assert junction.text == ("Antioxidants",)
    assert junction.scheme == "cause to effect"
    assert junction.cluster == "why"
    assert "Warrant: W" in junction.tooltip
    assert ("e", "why_inf", "support", False) in edges(g)
    assert ("d", "why_inf", "support", False) in edges(g)
    assert ("why_inf", "t", "support", True) in edges(g)


def test_one_premise_reasons_are_single_arrows() -> None:
    g = build_graph(argmap.loads(TEA))
    assert ("s", "d", "support", True) in edges(g)
    assert not any(n.ref == "s supports d" for n in g.nodes)


def test_attacks_are_rebuttals_or_underminings() -> None:
    g = build_graph(argmap.loads(TEA))
    assert ("q", "t", "rebut", True) in edges(g)
    assert ("r", "q", "undermine", True) in edges(g)  # nothing concludes q
    # `o_attack` aims at a premise (e): an undermining; it is undercut, so it has a junction.
    assert g.node("o_attack").kind is NodeKind.JUNCTION
    assert ("o_attack", "e", "undermine", True) in edges(g)


def test_undercuts_aim_at_the_junction_of_their_inference() -> None:
    g = build_graph(argmap.loads(TEA))
    assert ("o", "why_inf", "undercut", True) in edges(g)
    assert ("r", "o_attack", "undercut", True) in edges(g)
    assert next(e for e in g.edges if e.tail == "r" and e.head == "o_attack").label == "u2"  # its id, along it


def test_contradictions_are_symmetric_lines_without_arrows() -> None:
    g = build_graph(argmap.loads('claim a "A"  claim b "B"  a contradicts b'))
    assert edges(g) == [("a", "b", "contradiction", False)]
    assert g.edges[0].id == "contradiction.a.b"


def test_statement_boxes_carry_wrapped_text_footer_tooltip_and_link() -> None:
    g = build_graph(argmap.loads(TEA), RenderOptions(width=20))
    e = g.node("e")
    assert e.style == "evidence"
    assert all(len(line) <= 20 for line in e.text)
    assert e.footer == ("Ann Analyst · 2021-03 ·", "[1]")  # the source is reference 1
    e = build_graph(argmap.loads(TEA)).node("e")
    assert " ".join(e.text) == "Tea contains antioxidants."
    assert e.footer == ("Ann Analyst · 2021-03 · [1]",)
    assert [(r.number, r.title) for r in g.references] == [(1, "A lab report")]
    assert e.tooltip.startswith("Tea contains antioxidants.\nBy: Ann Analyst")
    assert e.url == "https://example.org/lab?a=1&b=2"
    assert g.title == "Tea"


def test_only_http_https_and_mailto_urls_become_links() -> None:
    assert safe_url("https://example.org") == "https://example.org"
    assert safe_url("HTTP://example.org/x") == "HTTP://example.org/x"
    assert safe_url("mailto:someone@example.org") == "mailto:someone@example.org"
    for bad in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://a b", "//x", "", None):
        assert safe_url(bad) is None
    m = argmap.loads('evidence e "E" { url: "javascript:alert(1)" }')
    assert build_graph(m).node("e").url is None


def test_ids_are_stable_unique_and_safe() -> None:
    m = argmap.loads(TEA)
    first, second = build_graph(m), build_graph(argmap.loads(TEA))
    assert first == second
    ids = [n.id for n in first.nodes] + [e.id for e in first.edges] + [c.id for c in first.clusters]
    assert len(ids) == len(set(ids))
    assert all(all(ch.isalnum() or ch in "_-." for ch in i) for i in ids)


def test_ids_are_the_maps_own_even_next_to_the_engines_link_groups() -> None:
    # the engine wraps a tooltipped node `x` in a group `a_x`; the SVG ids have prefixes, so `x` stays `x`
    g = build_graph(argmap.loads('thesis a_x "A"  claim x "X"  x supports a_x'))
    assert [n.id for n in g.nodes] == ["a_x", "x"]
    svg = argmap.render(argmap.loads('thesis a_x "A"  claim x "X"  x supports a_x'))
    ids = re.findall(rb' id="([^"]+)"', svg)
    assert len(ids) == len(set(ids))


def test_unnamed_inferences_get_ids_from_their_one_name() -> None:
    """An unnamed inference's id is its key with dots, which `--explain` and the API accept."""
    m = argmap.loads('thesis t "T" claim a "A" claim b "B" argument: a + b => t')
    g = build_graph(m)
    assert [n.id for n in g.nodes if n.kind is NodeKind.JUNCTION] == ["a.b.supports.t"]
    assert [e.id for e in g.edges] == ["a.b.supports.t.from.a", "a.b.supports.t.from.b", "a.b.supports.t.to.t"]
    junction = g.node("a.b.supports.t")
    assert junction.ref == "a + b supports t" and junction.tooltip.startswith("a + b supports t\n")
    assert argmap.evaluate(m, reject=[junction.id]).status("a + b supports t") is Status.OUT


def test_duplicate_relations_get_distinct_ids() -> None:
    g = build_graph(argmap.loads('thesis t "T" claim a "A" a supports t a supports t'))
    assert [e.id for e in g.edges] == ["a.supports.t", "a.supports.t.2"]


def test_maps_with_errors_draw_what_resolves() -> None:
    m = argmap.loads(
        'thesis t "T" claim a "A" claim a "again" a supports nowhere ghost supports t '
        "argument: a + ghost => t  x undercuts nothing"
    )
    g = build_graph(m)
    assert [n.id for n in g.nodes] == ["t", "a"]
    assert edges(g) == [("a", "t", "support", True)]


def test_model_built_in_python_with_odd_ids() -> None:
    m = ArgumentMap(
        items=(
            Statement(StatementKind.THESIS, "a b<c>", "T"),
            Statement(StatementKind.CLAIM, "x\x07", "C\x00"),
            Inference.support(("x\x07",), "a b<c>"),
        )
    )
    g = build_graph(m)
    assert [n.id for n in g.nodes] == ["a_b_c_", "x"]
    assert g.node("x").text == ("C",)


def test_focus_shows_the_neighbourhood() -> None:
    m = argmap.loads(TEA)
    g = build_graph(m, RenderOptions(focus="d", depth=1))
    assert {n.id for n in g.nodes} == {"t", "e", "d", "s", "why_inf"}
    assert g.node("d").focus
    assert g.node("t").hidden == 1  # q attacks t is left out
    assert g.subtitle == "around d, 1 step"
    g0 = build_graph(m, RenderOptions(focus="t", depth=0))
    assert [n.id for n in g0.nodes] == ["t"]
    assert g0.node("t").hidden == 2


def test_focus_on_an_inference_draws_it_whole() -> None:
    g = build_graph(argmap.loads(TEA), RenderOptions(focus="why_inf", depth=1))
    assert {"t", "e", "d", "o", "why_inf"} <= {n.id for n in g.nodes}


def test_focus_keeps_undercut_targets_whole() -> None:
    g = build_graph(argmap.loads(TEA), RenderOptions(focus="r", depth=1))
    # r undercuts o_attack, so o_attack is drawn with its premise and target.
    assert {"r", "q", "o_attack", "o", "e"} <= {n.id for n in g.nodes}


def test_unknown_focus_or_section_is_a_layout_error() -> None:
    m = argmap.loads(TEA)
    with pytest.raises(LayoutError, match="did you mean `why_inf`"):
        build_graph(m, RenderOptions(focus="why_in"))
    with pytest.raises(LayoutError, match="no section `nope`"):
        build_graph(m, RenderOptions(section="nope"))


def test_section_view_draws_outside_statements_as_ghosts() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    g = build_graph(m, RenderOptions(section="bias"))
    inside = {n.id for n in g.nodes if not n.ghost}
    ghosts = {n.id for n in g.nodes if n.ghost}
    assert inside == {"tingling", "unblinding", "blinding_check", "sponsor", "unblind_u", "blind_reply"}
    assert ("sponsor", "a_inf", "undercut", True) in edges(g)
    assert {"a_inf", "a_design", "a_result", "a_shows", "a_preregistered"} <= ghosts
    assert all(n.cluster is None for n in g.nodes if n.ghost)
    assert [c.id for c in g.clusters] == ["bias"]
    assert g.subtitle == "section: Confounding and bias in Trial A"
    assert build_graph(m, RenderOptions(section="Confounding and bias in Trial A")) == g


ELSEWHERE = """
thesis t "Tea is good for you."
section health "Health" {
  claim c "Tea has antioxidants."
  evidence e "A 2019 study measured them." { source: study }
  argument lab: e => c
}
section review "Review" {
  objection small "The study was small."
  claim d "Tea tastes good."
}
source study "A 2019 study"
c supports t
small undercuts lab
e supports c
d contradicts c
"""


def test_section_view_shows_what_bears_on_it_from_elsewhere() -> None:
    """An undercut written in another section aims at the section's inference: it is drawn, its objection
    faded; an inference written outside between the section's own statements is the section's own."""
    g = build_graph(argmap.loads(ELSEWHERE), RenderOptions(section="health"))
    assert {n.id: (n.ghost, n.cluster) for n in g.nodes} == {
        "c": (False, "health"),
        "e": (False, "health"),
        "lab": (False, "health"),
        "small": (True, None),  # from the review: faded, outside the section's box
        "d": (True, None),
    }
    assert edges(g) == [
        ("e", "lab", "support", False),
        ("lab", "c", "support", True),
        ("small", "lab", "undercut", True),  # written in the review, aimed at the section's inference
        ("e", "c", "support", True),  # written at the top, between the section's own statements
        ("d", "c", "contradiction", False),  # written at the top, with a side in the section
    ]
    assert g.node("c").hidden == 1  # c supports t leads elsewhere: counted, not drawn


def test_the_legend_says_what_faded_boxes_are_only_when_some_are_drawn() -> None:
    from argmap.rendering.key import CONTEXT_GLYPH, glyphs

    m = argmap.loads(ELSEWHERE)
    assert CONTEXT_GLYPH in glyphs(build_graph(m, RenderOptions(section="health")))
    assert CONTEXT_GLYPH not in glyphs(build_graph(m))
    assert "outside the part shown: drawn faded, for context" in argmap.render(m, section="health").decode()
    assert "drawn faded" not in argmap.render(m).decode()


def test_section_and_focus_together() -> None:
    m = argmap.load(MAPS / "drug-trial.argmap")
    g = build_graph(m, RenderOptions(section="bias", focus="tingling", depth=1))
    assert {n.id for n in g.nodes} == {"tingling", "unblinding"}


def test_statuses_are_shown_on_statements_and_inferences() -> None:
    m = argmap.loads(TEA)
    g = build_graph(m, RenderOptions(statuses={"t": Status.IN, "s": Status.OUT, "s supports d": Status.UNDECIDED}))
    assert g.statuses
    assert g.node("t").status is Status.IN
    assert g.node("e").status is None
    # statuses do not add junctions (the layout stays that of the plain map): the line shows it
    assert not any(n.ref == "s supports d" for n in g.nodes)
    assert [e.status for e in g.edges if e.tail == "s" and e.head == "d"] == [Status.UNDECIDED]
    assert not build_graph(m).statuses


def test_json_form_is_plain_data() -> None:
    g = build_graph(argmap.loads(TEA))
    data = json.loads(g.to_json())
    assert data["version"] == 2
    assert data["nodes"][0] == {**data["nodes"][0], "id": "t", "kind": "statement", "style": "thesis"}
    assert {e["kind"] for e in data["edges"]} == {k.value for k in EdgeKind} - {"contradiction"}
    assert data["clusters"] == [{"id": "why", "title": "Why", "parent": None}]


def test_every_map_lays_out() -> None:
    for path in sorted(MAPS.glob("*.argmap")):
        g = build_graph(argmap.load(path))
        assert g.nodes and g.edges
        statements = {s.id for s in argmap.load(path).statements()}
        assert statements == {n.ref for n in g.nodes if n.kind is NodeKind.STATEMENT}


# -- Any structure, however broken, lays out ---------------------------------------------

_IDS = st.sampled_from(["a", "b", "c", "d", "i1", "i2", "i3", "s1", "a_b", "x"])
_STATEMENTS = st.builds(
    Statement, st.sampled_from(list(StatementKind)), _IDS, st.text(max_size=12), by=st.none() | _IDS
)
_INFERENCES = st.builds(
    Inference,
    kind=st.sampled_from(list(InferenceKind)),
    premises=st.lists(_IDS, max_size=3).map(tuple),
    target=st.none() | _IDS,
    id=st.none() | _IDS,
    label=st.none() | st.text(max_size=8),
    scheme=st.none() | st.text(max_size=8),
)
_CONTRADICTIONS = st.builds(Contradiction, _IDS, _IDS)
_ITEMS = st.recursive(
    _STATEMENTS | _INFERENCES | _CONTRADICTIONS,
    lambda inner: st.builds(Section, st.text(max_size=8), st.lists(inner, max_size=4).map(tuple), id=st.none() | _IDS),
    max_leaves=12,
)


@settings(max_examples=scaled(150))
@given(
    items=st.lists(_ITEMS, max_size=12).map(tuple),
    focus=st.none() | _IDS,
    depth=st.integers(0, 3),
    section=st.none() | _IDS,
    statuses=st.none() | st.dictionaries(_IDS, st.sampled_from(list(Status))),
)
def test_any_structure_lays_out_with_unique_ids(
    items: tuple[object, ...], focus: str | None, depth: int, section: str | None, statuses: dict[str, Status] | None
) -> None:
    m = ArgumentMap(items=items)  # type: ignore[arg-type]
    try:
        g = build_graph(m, RenderOptions(focus=focus, depth=depth, section=section, statuses=statuses))
    except LayoutError:
        return  # an unknown focus or section: a message, not a crash
    ids = [n.id for n in g.nodes] + [e.id for e in g.edges] + [c.id for c in g.clusters]
    assert len(ids) == len(set(ids))
    nodes = {n.id for n in g.nodes}
    assert all(e.tail in nodes and e.head in nodes for e in g.edges)
    assert all(n.cluster is None or n.cluster in {c.id for c in g.clusters} for n in g.nodes)
    argmap.to_dot(m, focus=focus, depth=depth, section=section, statuses=statuses)


def test_a_line_split_into_stubs_says_what_it_raises_once() -> None:
    # The article's critical questions sit in a section of their own, so most of their lines
    # are split into stubs; words on the premise's half (a line within one rank) made the
    # engine fail, and on both halves they said it twice.
    m = argmap.load(MAPS / "peace-talks.argmap")
    svg = argmap.render(m, "svg").decode("utf-8")
    assert "argmap&#45;stub" in svg
    tags = re.findall(r">raises: (\w+)<", svg)
    assert sorted(tags) == sorted(i.raises for i in m.inferences() if i.raises)
