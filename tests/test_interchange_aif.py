"""AIF in and out: the fixtures read as their structure says, exports read back, losses are listed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapSyntaxError
from argmap.interchange.aif import dumps_aif, load_aif, loads_aif
from argmap.model import AttackKind, InferenceKind, RelationKind, StatementKind
from argmap.model.relations import relations
from tests.strategies import maps

from .conftest import scaled

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases" / "aif"
MAPS = sorted((ROOT / "maps").glob("*.argmap"))


def test_linked_premises_become_one_inference_and_ids_are_normalised() -> None:
    got = load_aif(str(CASES / "linked.aif.json"))
    (inf,) = got.map.inferences()
    assert inf.kind is InferenceKind.SUPPORT
    assert inf.premises == ("n1", "n2") and inf.target == "n3"  # "1" and 1 are one node
    assert [s.kind for s in got.map.statements()] == [StatementKind.CLAIM, StatementKind.CLAIM, StatementKind.THESIS]
    assert got.losses == ()
    # AIF names its schemes in words: one the catalogue lacks becomes a scheme the map defines, so no W213.
    assert inf.scheme == "argument_from_consequences"
    assert [(s.key, s.name, s.questions) for s in got.map.schemes()] == [
        ("argument_from_consequences", "Argument From Consequences", ())
    ]
    assert argmap.validate(got.map) == []


def test_ca_on_ra_is_an_undercut_of_that_inference() -> None:
    m = load_aif(str(CASES / "undercut.aif.json")).map
    support, undercut = m.inferences()
    assert undercut.kind is InferenceKind.UNDERCUT and undercut.target == support.id == "ra"
    assert [r.kind for r in relations(m) if r.kind is RelationKind.UNDERCUT]


def test_attacks_on_a_conclusion_rebut_and_on_a_bare_premise_undermine() -> None:
    m = load_aif(str(CASES / "rebut_undermine.aif.json")).map
    attacks = {r.premises[0]: r.attack for r in relations(m) if r.kind is RelationKind.ATTACK}
    assert attacks == {"n13": AttackKind.REBUT, "n15": AttackKind.UNDERMINE}


def test_two_contradiction_cas_are_one_contradiction_and_mutual_conflicts_stay_attacks() -> None:
    m = load_aif(str(CASES / "contradiction.aif.json")).map
    assert [(c.left, c.right) for c in m.contradictions()] == [("a", "b")]
    assert sorted((i.premises, i.target) for i in m.inferences()) == [(("a",), "x"), (("x",), "a")]


def test_ova_locutions_give_actors_quotes_and_sources_and_other_nodes_are_reported() -> None:
    got = load_aif(str(CASES / "locutions.ova.json"))
    bridge = next(s for s in got.map.statements() if s.id == "n1")
    assert (bridge.by, bridge.quote, bridge.source) == ("p1", "we really should build that bridge", "Council_minutes")
    assert [(a.id, a.name) for a in got.map.actors()] == [("p1", "Alice"), ("p2", "Bob")]
    assert [s.title for s in got.map.sources()] == ["Council minutes"]
    lost = {loss.where: loss.what for loss in got.losses}
    assert set(lost) == {"node 8", "node 9", "node 11", "node 13"}
    assert "rephrase" in lost["node 11"] and "XYZ" in lost["node 13"]
    assert [(p.stronger, p.weaker) for p in got.map.preferences()] == [("n4", "n10")]  # the PA node 12
    assert all(loss.span is not None and loss.span.path.endswith("locutions.ova.json") for loss in got.losses)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
@pytest.mark.parametrize("dialogue", [False, True])
def test_repo_maps_export_and_read_back_with_the_same_structure(path: Path, dialogue: bool) -> None:
    m = argmap.load(path)
    out = dumps_aif(m, with_dialogue=dialogue)
    back = loads_aif(out.text)
    assert back.losses == ()
    # AIF has no tags, so a premise tagged as its scheme requires (W214) comes back untagged. The
    # schemes the map defines travel as scheme descriptors and come back whole.
    assert not [loss for loss in out.losses if loss.where.startswith("scheme ")]
    assert list(back.map.schemes()) == list(m.schemes())
    assert [d for d in argmap.validate(back.map) if d.code != "W214"] == []

    def shape(x: argmap.ArgumentMap) -> object:
        return (
            sorted((s.id, s.text) for s in x.statements()),
            sorted((i.kind.value, i.premises, i.target, i.scheme) for i in x.inferences()),
            sorted(frozenset((c.left, c.right)) for c in x.contradictions()),  # type: ignore[type-var]
        )

    assert shape(back.map) == shape(m)
    if dialogue:
        assert [(s.by, s.quote, s.source) for s in back.map.statements()] == [
            (s.by, s.quote, s.source) for s in m.statements()
        ]
    # Every attribute AIF has no place for is listed, with where it was written.
    lost = [str(loss) for loss in out.losses]
    sourced = [s for s in m.statements() if s.source]
    assert dialogue or len([x for x in lost if "`source:" in x]) == len(sourced)
    assert all(loss.span is not None for loss in out.losses if not loss.where.startswith("the map"))


def test_export_uses_linked_ra_undercut_ca_and_two_cas_for_a_contradiction() -> None:
    m = argmap.loads(
        'thesis t "T"  claim a "A"  claim b "B"  objection o "O"  claim c "C"\n'
        "argument s: a + b => t\nundercut u: o => s\nc contradicts a\n"
    )
    data = json.loads(dumps_aif(m).text)
    kinds = {n["nodeID"]: n["type"] for n in data["nodes"]}
    edges = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert kinds["s"] == "RA" and {("a", "s"), ("b", "s"), ("s", "t")} <= edges
    assert kinds["u"] == "CA" and {("o", "u"), ("u", "s")} <= edges
    cas = [n for n in data["nodes"] if n["text"] == "Contradiction"]
    assert len(cas) == 2 and {("c", cas[0]["nodeID"]), (cas[0]["nodeID"], "a")} <= edges


def test_preferences_are_pa_nodes_from_the_preferred_to_the_dispreferred_and_read_back() -> None:
    m = argmap.loads(
        'thesis t "T"  claim a "A"  objection o "O"  objection b "B"\n'
        "argument s: a => t\nattack k: o => t\nb attacks o\nk outweighs s\nb outweighs o\n"
    )
    exported = dumps_aif(m)
    data = json.loads(exported.text)
    pas = [n["nodeID"] for n in data["nodes"] if n["type"] == "PA"]
    edges = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert len(pas) == 2 and {("k", pas[0]), (pas[0], "s"), ("b", pas[1]), (pas[1], "o")} <= edges
    assert exported.losses == ()
    back = loads_aif(exported.text)
    assert [(p.stronger, p.weaker) for p in back.map.preferences()] == [("k", "s"), ("b", "o")]
    assert argmap.evaluate(back.map).statuses() == argmap.evaluate(m).statuses()


def test_plain_export_lists_sources_actors_sections_and_kinds() -> None:
    m = argmap.loads(
        'title "T"\nsection "S" {\n  evidence e "E" { by: ann, source: s }\n}\n'
        'thesis t "T"\nactor ann "Ann"\nsource s "S"\ne supports t\n'
    )
    lost = [str(x) for x in dumps_aif(m).losses]
    assert "the map header: `title`: AIF has no header" in lost
    assert any(x.startswith("<text>:2:1: section `S`") for x in lost)
    assert any("evidence `e`" not in x and "statement `e`: the kind `evidence`" in x for x in lost)
    assert any("`by: ann`" in x for x in lost) and any("actor `ann`: plain AIF has no actors" in x for x in lost)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"edges": []}', "not an AIF nodeset"),
        ('{"nodes": [{"text": "x", "type": "I"}]}', "no `nodeID`"),
        (
            '{"nodes": [{"nodeID": 1, "type": "I", "text": ""}, {"nodeID": "1", "type": "I", "text": ""}]}',
            "two nodes have the id 1",
        ),
        (
            '{"nodes": [{"nodeID": 1, "type": "I", "text": ""}], "edges": [{"fromID": 1, "toID": 9}]}',
            "names no node: 9",
        ),
        ('{"nodes": [{"nodeID": 1, "type": "I"}]}', "I-node 1 has no text"),
        ("[" * 500 + "]" * 500, "nested more than"),
    ],
)
def test_bad_aif_gives_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(ArgmapSyntaxError) as err:
        loads_aif(text, "bad.json")
    assert message in err.value.message and err.value.path == "bad.json"


def test_cycles_read_and_are_diagnosed_not_looped() -> None:
    text = json.dumps({
        "nodes": [{"nodeID": n, "text": n, "type": "I"} for n in "ab"] + [
            {"nodeID": "r1", "text": "Default Inference", "type": "RA"},
            {"nodeID": "r2", "text": "Default Inference", "type": "RA"}],
        "edges": [{"fromID": a, "toID": b} for a, b in [("a", "r1"), ("r1", "b"), ("b", "r2"), ("r2", "a")]],
    })  # fmt: skip
    got = loads_aif(text)
    assert "E125" in {d.code for d in argmap.validate(got.map)}


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["nodes", "edges", "nodeID", "type", "text", "fromID", "toID", "AIF", "locutions", "personID",
         "participants", "participantID"]), inner, max_size=4),
    max_leaves=30,
)  # fmt: skip
_types = st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "Q"])
_ids = st.sampled_from(["1", 1, "2", 2, "x", "3"])
_nodesets = st.fixed_dictionaries({
    "nodes": st.lists(st.fixed_dictionaries({"nodeID": _ids, "type": _types, "text": st.text(max_size=5)}), max_size=6),
    "edges": st.lists(st.fixed_dictionaries({"fromID": _ids, "toID": _ids}), max_size=8),
})  # fmt: skip


@given(st.one_of(_json, _nodesets).map(json.dumps) | st.text(max_size=60))
@settings(max_examples=scaled(300))
def test_fuzzed_aif_gives_a_map_or_a_located_error(text: str) -> None:
    try:
        got = loads_aif(text, "f.json")
    except ArgmapSyntaxError as exc:
        assert exc.path == "f.json" and exc.line >= 1 and exc.column >= 1
        return
    argmap.validate(got.map)
    assert argmap.loads(argmap.dumps(got.map)) == got.map


@given(maps)
@settings(max_examples=scaled(100))
def test_fuzzed_maps_export_to_aif_that_reads_back(m: argmap.ArgumentMap) -> None:
    out = dumps_aif(m, with_dialogue=True)
    got = loads_aif(out.text)
    assert {s.text for s in got.map.statements()} == {s.text for s in m.statements()}


@pytest.mark.skipif(sys.version_info < (3, 11), reason="arguebuf needs Python 3.11 or later")
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_arguebuf_reads_exports_with_the_same_counts(path: Path, tmp_path: Path) -> None:
    arguebuf = pytest.importorskip("arguebuf", reason="arguebuf is an optional cross-check (pip install arguebuf)")
    m = argmap.load(path)
    target = tmp_path / "map.json"
    target.write_text(dumps_aif(m).text, encoding="utf-8")
    graph = arguebuf.load.file(target)
    supports = [n for n in graph.scheme_nodes.values() if isinstance(n.scheme, arguebuf.Support)]
    attacks = [n for n in graph.scheme_nodes.values() if isinstance(n.scheme, arguebuf.Attack)]
    contradictions = len(list(m.contradictions()))
    assert len(graph.atom_nodes) == len(list(m.statements()))
    assert len(supports) == sum(i.kind is InferenceKind.SUPPORT for i in m.inferences())
    assert len(attacks) == sum(i.kind is not InferenceKind.SUPPORT for i in m.inferences()) + 2 * contradictions


# -- schemes and critical questions ----------------------------------------------------

OWN_SCHEME = (ROOT / "tests" / "cases" / "check" / "OK-map-scheme.argmap").read_text(encoding="utf-8")


def test_a_map_scheme_and_its_questions_travel_as_descriptors_and_come_back() -> None:
    m = argmap.loads(OWN_SCHEME)
    out = dumps_aif(m)
    data = json.loads(out.text)
    (scheme,) = data["schemes"]
    assert (scheme["schemeID"], scheme["name"]) == ("sunk_talks", "Argument from sunk talks")
    assert [(d["type"], d.get("tag")) for d in scheme["descriptors"]] == [
        ("PremiseDescription", "investment"),
        ("ConclusionDescription", None),
    ]
    assert [(q["key"], q["type"], q["descriptor"]) for q in scheme["cqs"]] == [
        ("real", "premise", "PremiseDescription"),
        ("cheaper", "exception", "ExceptionDescription"),
    ]
    ra = next(n for n in data["nodes"] if n["type"] == "RA")
    assert (ra["text"], ra["schemeID"]) == ("Argument from sunk talks", "sunk_talks")
    assert data["schemefulfillments"] == [{"nodeID": "a", "schemeID": "sunk_talks"}]
    assert not [loss for loss in out.losses if "scheme" in loss.where or "raises" in loss.what]
    back = loads_aif(out.text).map
    assert list(back.schemes()) == list(m.schemes())
    assert [(i.scheme, i.raises) for i in back.inferences()] == [("sunk_talks", None), (None, "cheaper")]
    states = [(q.question.key, q.state) for q in argmap.questions(back)[0].questions]
    assert states == [("real", "open"), ("cheaper", "raised")]


def test_catalogue_questions_are_described_and_raises_and_answers_come_back() -> None:
    m = argmap.load(ROOT / "maps" / "drug-trial.argmap")
    data = json.loads(dumps_aif(m).text)
    described = {s["schemeID"]: s for s in data["schemes"]}
    assert set(described) == {i.scheme for i in m.inferences() if i.scheme}
    third = next(q for q in described["correlation_to_cause"]["cqs"] if q["key"] == "third_factor")
    assert third["descriptor"] == "ExceptionDescription" and third["cqID"] == "correlation_to_cause.third_factor"
    back = loads_aif(json.dumps(data)).map
    assert list(back.schemes()) == []  # the catalogue's own: nothing to define
    asked = sorted((i.key, i.raises, i.answers) for i in back.inferences() if i.raises or i.answers)
    assert asked == sorted((i.key, i.raises, i.answers) for i in m.inferences() if i.raises or i.answers)
    before = [[(q.question.key, q.state) for q in iq.questions] for iq in argmap.questions(m)]
    assert [[(q.question.key, q.state) for q in iq.questions] for iq in argmap.questions(back)] == before


def test_schemes_named_in_words_are_the_catalogues_when_it_has_them() -> None:
    nodes = [
        {"nodeID": "p", "text": "The doctor says so.", "type": "I"},
        {"nodeID": "c", "text": "Take the pill.", "type": "I"},
        {"nodeID": "q", "text": "Everyone takes it.", "type": "I"},
        {"nodeID": "r1", "text": "Argument From Expert Opinion", "type": "RA", "schemeID": 72},
        {"nodeID": "r2", "text": "Argument From Popular Practice", "type": "RA"},
        {"nodeID": "r3", "text": "Argument From Popular Practice", "type": "RA"},
    ]
    edges = [("p", "r1"), ("r1", "c"), ("q", "r2"), ("r2", "c"), ("p", "r3"), ("r3", "q")]
    text = json.dumps({"nodes": nodes, "edges": [{"fromID": a, "toID": b} for a, b in edges]})
    got = loads_aif(text).map
    popular = "argument_from_popular_practice"
    assert [i.scheme for i in got.inferences()] == ["expert_opinion", popular, popular]
    assert [s.key for s in got.schemes()] == ["argument_from_popular_practice"]  # one definition for both nodes
    assert [d.code for d in argmap.validate(got) if d.code == "W213"] == []


def test_a_scheme_descriptor_argmap_cannot_read_is_a_loss() -> None:
    text = json.dumps({"nodes": [{"nodeID": "a", "text": "A", "type": "I"}], "schemes": [{"name": "No key"}]})
    got = loads_aif(text)
    why = "not a scheme argmap reads: it needs a `schemeID` (an argmap id) and a `name`"
    assert [str(loss) for loss in got.losses] == [f"<text>:1:68: a scheme descriptor: {why}"]
    assert list(got.map.schemes()) == []
