"""``argmap render --split sections --out-dir DIR``: an atlas of a big map, and its map graphs."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

import argmap
from argmap.cli import exit_codes, main
from argmap.evaluation.status import Status
from argmap.model import Section
from argmap.model.index import index
from argmap.rendering.atlas import overview_graph, pages
from argmap.rendering.mapgraph import NodeKind
from argmap.rendering.options import RenderOptions

from .conftest import MAPS

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
PEACE_TALKS_SECTIONS = ("background", "belarus", "bennett_talks", "istanbul", "why_no_peace", "pattern", "review")
TEA = """title "Tea"
thesis t "Tea is good."
section taste "Taste" {
  claim c "Tea is tasty."
  claim d "Its taste is rich."
  d supports c
  c supports t
}
section health "Health" {
  evidence e "Tea has antioxidants."
  objection o "Tea has caffeine."
  e supports t
  o attacks t
  o attacks c
}
"""


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def atlas_of(tmp_path: Path, name: str, *more: str) -> Path:
    out = tmp_path / "atlas"
    assert run("render", "-q", MAPS / name, "--split", "sections", "--out-dir", out, *more) == exit_codes.OK
    return out


def top_section_of(m: argmap.ArgumentMap) -> dict[str, str]:
    """Each statement's top-level section id, found by climbing the index's innermost sections."""
    ix = index(m)
    parent: dict[int, Section | None] = {}
    for s in ix.sections:
        for item in s.items:
            if isinstance(item, Section):
                parent[id(item)] = s
    out = {}
    for sid in ix.statements:
        section = ix.section_of.get(sid)
        while section is not None and parent.get(id(section)) is not None:
            section = parent[id(section)]
        if section is not None and section.id is not None:
            out[sid] = section.id
    return out


def nodes(svg: Path) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in ET.parse(svg).getroot().iter(f"{SVG}g") if "node" in g.get("class", "")}


def node_text(g: ET.Element) -> str:
    return " ".join(t.text or "" for t in g.iter(f"{SVG}text"))


def links(svg: Path) -> list[tuple[str, str]]:
    """(id of the element linked, href) for every link in the picture."""
    root = ET.parse(svg).getroot()
    parent = {child: el for el in root.iter() for child in el}
    out = []
    for a in root.iter(f"{SVG}a"):
        if a.get(XLINK):
            holder = parent[a]
            while not (holder.tag == f"{SVG}g" and holder.get("id") and not holder.get("id", "").startswith("a_")):
                holder = parent[holder]
            out.append((holder.get("id", ""), a.get(XLINK, "")))
    return out


def test_the_article_map_gives_an_overview_and_a_picture_per_top_level_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "atlas"
    assert run("render", MAPS / "peace-talks.argmap", "--split", "sections", "--out-dir", out) == exit_codes.OK
    expected = ["peace-talks.svg", *(f"peace-talks.{s}.svg" for s in PEACE_TALKS_SECTIONS)]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    assert capsys.readouterr().err.splitlines() == [f"wrote {out / name}" for name in expected]
    m = argmap.load(MAPS / "peace-talks.argmap")
    for section in PEACE_TALKS_SECTIONS:  # each section's picture is exactly its --section view, linked
        own = nodes(out / f"peace-talks.{section}.svg")
        alone = argmap.render(m, section=section)
        assert set(own) == {g.get("id") for g in ET.fromstring(alone).iter(f"{SVG}g") if "node" in g.get("class", "")}


def test_drug_trial_atlas_and_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = atlas_of(tmp_path, "drug-trial.argmap")
    assert sorted(p.name for p in out.iterdir()) == [
        "drug-trial.against_z.svg",
        "drug-trial.bias.svg",
        "drug-trial.for_z.svg",
        "drug-trial.svg",
    ]
    assert capsys.readouterr().err == ""


def test_overview_has_one_node_per_section_with_its_counts(tmp_path: Path) -> None:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA)
    assert run("render", "-q", path, "--split", "sections", "--out-dir", tmp_path / "out") == exit_codes.OK
    drawn = nodes(tmp_path / "out" / "tea.svg")
    assert sorted(drawn) == ["part-health", "part-taste", "statement-t"]
    assert "2 statements, 2 inferences" in node_text(drawn["part-taste"])
    assert "2 statements, 3 inferences" in node_text(drawn["part-health"])
    m = argmap.load(path)
    graph = overview_graph(m, pages(m, "tea", "svg"))
    summed = {(e.tail, e.head, e.kind.value): e.label for e in graph.edges}
    assert summed == {
        ("taste", "t", "support"): "1 support",
        ("health", "t", "support"): "1 support",
        ("health", "t", "rebut"): "1 rebut",
        ("health", "taste", "rebut"): "1 rebut",
    }


def test_article_overview_counts_match_the_map(tmp_path: Path) -> None:
    out = atlas_of(tmp_path, "peace-talks.argmap")
    m = argmap.load(MAPS / "peace-talks.argmap")
    held = Counter(top_section_of(m).values())
    drawn = nodes(out / "peace-talks.svg")
    for section in PEACE_TALKS_SECTIONS:
        text = node_text(drawn[f"part-{section}"])
        count = int(re.search(r"(\d+) statements?", text).group(1))  # type: ignore[union-attr]
        assert count == held[section], section
    theses = [sid for sid, st in index(m).statements.items() if st.kind.value == "thesis"]
    assert sorted(k for k in drawn if k.startswith("statement-")) == sorted(f"statement-{t}" for t in theses)


def test_links_resolve_to_files_of_the_atlas(tmp_path: Path) -> None:
    out = atlas_of(tmp_path, "peace-talks.argmap")
    names = {p.name for p in out.iterdir()}
    overview = dict(links(out / "peace-talks.svg"))
    assert {overview[f"part-{s}"] for s in PEACE_TALKS_SECTIONS} == names - {"peace-talks.svg"}
    m = argmap.load(MAPS / "peace-talks.argmap")
    home = top_section_of(m)
    ghosts_linked = 0
    for name in names - {"peace-talks.svg"}:
        found = links(out / name)
        assert ("argmap-graph", "peace-talks.svg") in found  # the line under the title
        for element, href in found:
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            assert unquote(href) in names, (name, href)
            if element.startswith("statement-") and "ghost" in nodes(out / name)[element].get("class", ""):
                ghosts_linked += 1
                sid = element.removeprefix("statement-")
                expected = f"peace-talks.{home[sid]}.svg" if sid in home else "peace-talks.svg"
                assert href == expected
                assert f"statement-{sid}" in nodes(out / expected)
    assert ghosts_linked > 0


def test_check_passes_after_writing_and_fails_after_an_edit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "drug-trial.argmap"
    shutil.copy(MAPS / "drug-trial.argmap", source)
    out = tmp_path / "out"
    args = ("render", source, "--split", "sections", "--out-dir", out)
    assert run(*args, "-q") == exit_codes.OK
    capsys.readouterr()
    assert run(*args, "--check") == exit_codes.OK
    assert "All 4 renderings up to date." in capsys.readouterr().err
    m = argmap.load(source)
    in_bias = next(sid for sid, s in top_section_of(m).items() if s == "bias")
    text = index(m).statements[in_bias].text
    source.write_text(source.read_text().replace(text, text + " Really."))
    (out / "drug-trial.for_z.svg").unlink()
    assert run(*args, "--check") == exit_codes.FOUND
    err = capsys.readouterr().err
    assert f"stale: {out / 'drug-trial.bias.svg'}" in err
    assert f"missing: {out / 'drug-trial.for_z.svg'}" in err
    assert "renderings out of date" in err
    assert not (out / "drug-trial.for_z.svg").exists()  # --check writes nothing


def test_check_reports_the_picture_of_a_section_the_map_no_longer_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "drug-trial.argmap"
    shutil.copy(MAPS / "drug-trial.argmap", source)
    out = tmp_path / "out"
    args = ("render", source, "--split", "sections", "--out-dir", out)
    assert run(*args, "-q") == exit_codes.OK
    (out / "drug-trial.gone.svg").write_text("<svg/>")  # drawn for a section since removed
    (out / "drug-trial-notes.svg").write_text("<svg/>")  # another picture in the folder: not the atlas's
    capsys.readouterr()
    assert run(*args, "--check") == exit_codes.FOUND
    err = capsys.readouterr().err
    assert f"stale: {out / 'drug-trial.gone.svg'} (no section of the map draws it now: remove it)" in err
    assert "drug-trial-notes" not in err
    assert (out / "drug-trial.gone.svg").exists()  # reported, never removed


def test_png_atlas(tmp_path: Path) -> None:
    out = atlas_of(tmp_path, "drug-trial.argmap", "-f", "png")
    assert len(list(out.iterdir())) == 4
    assert all(p.suffix == ".png" and p.read_bytes().startswith(b"\x89PNG") for p in out.iterdir())


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = MAPS / "drug-trial.argmap"
    assert run("render", path, "--split", "sections") == exit_codes.USAGE
    assert "give --out-dir DIR" in capsys.readouterr().err
    assert run("render", path, "--split", "sections", "-o", tmp_path / "x.svg") == exit_codes.USAGE
    assert "give --out-dir DIR, not -o FILE" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        run("render", path, "--split", "chapters", "--out-dir", tmp_path)
    assert exc.value.code == exit_codes.USAGE
    assert "choose from 'sections'" in capsys.readouterr().err
    assert run("render", path, "--split", "sections", "--section", "bias", "--out-dir", tmp_path) == exit_codes.USAGE
    assert "leave out --focus and --section" in capsys.readouterr().err
    plain = tmp_path / "plain.argmap"
    plain.write_text('thesis t "Tea is good."\nclaim c "Tasty."\nc supports t\n')
    assert run("render", plain, "--split", "sections", "--out-dir", tmp_path / "o") == exit_codes.USAGE
    assert "the map has no sections to split it by" in capsys.readouterr().err
    assert not (tmp_path / "o" / "plain.svg").exists()


def test_evaluated_overview_shows_status_counts_per_section(tmp_path: Path) -> None:
    out = atlas_of(tmp_path, "peace-talks.argmap", "--evaluate")
    m = argmap.load(MAPS / "peace-talks.argmap")
    statuses = RenderOptions(evaluate=True).statuses_for(m)
    assert statuses is not None
    tally: dict[str, Counter[Status]] = {s: Counter() for s in PEACE_TALKS_SECTIONS}
    for sid, section in top_section_of(m).items():
        tally[section][statuses[sid]] += 1
    drawn = nodes(out / "peace-talks.svg")
    for section in PEACE_TALKS_SECTIONS:
        t = tally[section]
        expected = f"IN {t[Status.IN]} · OUT {t[Status.OUT]} · UNDECIDED {t[Status.UNDECIDED]}"
        assert expected in node_text(drawn[f"part-{section}"])
    assert "Statuses under grounded semantics" in (out / "peace-talks.svg").read_text()


def test_untitled_sections_and_odd_names_stay_in_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "odd.argmap"
    path.write_text('thesis t "T."\nsection "../../x <y>" { claim c "C."  c supports t }\n')
    m = argmap.load(path)
    assert [p.name for p in pages(m, "odd", "svg")] == ["odd.svg", "odd.______x__y_.svg"]
    assert run("render", "-q", path, "--split", "sections", "--out-dir", tmp_path / "o") == exit_codes.OK
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["odd.______x__y_.svg", "odd.svg"]
    graph = overview_graph(m, pages(m, "odd", "svg"))
    assert [n.kind for n in graph.nodes] == [NodeKind.STATEMENT, NodeKind.SECTION]


def test_a_link_out_of_the_folder_is_not_written_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.svg"
    outside.write_text("mine")
    (out / "drug-trial.bias.svg").symlink_to(outside)
    assert run("render", MAPS / "drug-trial.argmap", "--split", "sections", "--out-dir", out) == exit_codes.USAGE
    assert f"cannot write {out / 'drug-trial.bias.svg'}" in capsys.readouterr().err
    assert outside.read_text() == "mine"


def test_a_map_with_errors_drawn_anyway_keeps_its_overview_nodes_apart(tmp_path: Path) -> None:
    path = tmp_path / "clash.argmap"
    path.write_text('thesis taste "T."\nsection taste "Taste" { claim c "C."  c supports taste }\n')
    assert run("render", "-q", "--force", path, "--split", "sections", "--out-dir", tmp_path / "o") == exit_codes.OK
    drawn = nodes(tmp_path / "o" / "clash.svg")
    assert sorted(drawn) == ["part-taste.2", "statement-taste"]
    m = argmap.load(path)
    graph = overview_graph(m, pages(m, "clash", "svg"))
    assert [(e.tail, e.head) for e in graph.edges] == [("taste.2", "taste")]
