"""Argdown in and out: Argdown's own corpus reads as Argdown reads it, maps go out and back, bad text is located."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapSyntaxError
from argmap.interchange.argdown import dumps_argdown, load_argdown, loads_argdown
from argmap.interchange.argdown_syntax import MAX_DEPTH, parse_argdown
from argmap.model import InferenceKind, StatementKind
from tests.argdown_golden import from_argdown_json, from_document
from tests.conftest import scaled

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases" / "argdown"
FILES = sorted(CASES.glob("*.argdown"))
MAPS = sorted((ROOT / "maps").glob("*.argmap"))

#: Where argmap's reading differs from Argdown 1.7.5 on purpose: file -> (part, reason).
KNOWN_DIFFERENCES = {
    "argdown-primer": ("sections", "emoji shortcodes such as :heart: are left as written"),
    "greenspan-schefczyk_hardwrap": ("sections", "the front matter's `group: regroup:` map layout is not read"),
}
#: Files Argdown 1.7.5 refuses that argmap reads, and why.
READ_THOUGH_ARGDOWN_REFUSES = {
    "lexer-argument": "argmap keeps `{...}` data as text (listed as lost) and does not parse it as YAML",
    "lexer-lists": "argmap reads indented list items as statements",
    "lexer-statements-by-number": "argmap reads `<A>(1)` as an argument with the text `(1)`",
}
#: Files both refuse, with the place argmap names.
REFUSED = {
    "lexer-definitions-references": (2, 1),
    "lexer-relation-after-emptyline": (3, 5),
    "lexer-relations": (1, 1),
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_corpus_reads_as_argdown_reads_it(path: Path) -> None:
    golden = path.with_suffix(".golden.json")
    text = path.read_text(encoding="utf-8")
    if path.stem in REFUSED:
        assert not golden.exists()
        with pytest.raises(ArgmapSyntaxError) as info:
            parse_argdown(text, str(path))
        assert (info.value.line, info.value.column) == REFUSED[path.stem]
        return
    got = from_document(parse_argdown(text, str(path)))
    if not golden.exists():
        assert path.stem in READ_THOUGH_ARGDOWN_REFUSES
        return
    want = json.loads(golden.read_text(encoding="utf-8"))
    part = KNOWN_DIFFERENCES.get(path.stem, (None, ""))[0]
    if part is not None:
        assert got[part] != want[part], f"{path.stem} no longer differs in {part}: drop it from KNOWN_DIFFERENCES"
        got.pop(part), want.pop(part)
    assert got == want


@pytest.mark.parametrize("path", [p for p in FILES if p.stem not in REFUSED], ids=lambda p: p.stem)
def test_corpus_imports_as_a_valid_map_that_goes_out_and_back(path: Path) -> None:
    got = load_argdown(str(path))
    assert [d for d in argmap.validate(got.map) if d.is_error] == []
    doc = parse_argdown(path.read_text(encoding="utf-8"))
    assert len(list(got.map.statements())) >= len(doc.statements)
    out = dumps_argdown(got.map)
    back = loads_argdown(out.text)
    assert back.losses == ()
    assert sorted((s.id, s.text) for s in back.map.statements()) == sorted((s.id, s.text) for s in got.map.statements())
    assert sorted((i.kind.value, i.premises) for i in back.map.inferences()) == sorted(
        (i.kind.value, i.premises) for i in got.map.inferences()
    )


def test_pcs_steps_are_linked_inferences_and_relations_go_from_the_conclusion() -> None:
    got = loads_argdown(
        "<A>: Tea helps.\n\n(1) [P]: Tea has antioxidants.\n(2) Antioxidants help.\n"
        "-- Modus ponens --\n(3) [C]: Tea helps.\n  +> [T]: Drink tea.\n"
    )
    step, support = got.map.inferences()
    assert step.kind is InferenceKind.SUPPORT and step.premises == ("P", "untitled_1") and step.target == "C"
    assert (step.id, step.label, step.scheme, step.note) == ("A", "A", "Modus ponens", "Tea helps.")
    assert (support.premises, support.target) == (("C",), "T")


def test_an_unreconstructed_argument_becomes_a_claim_and_that_is_listed() -> None:
    got = loads_argdown("[T]: Tea is good.\n  - <Sugar>: Tea is often sweetened.\n    _> <Sweet>\n")
    claim = next(s for s in got.map.statements() if s.id == "Sugar")
    assert (claim.kind, claim.text) == (StatementKind.OBJECTION, "Tea is often sweetened.")
    assert any("description is read as a claim" in loss.what for loss in got.losses)
    assert any(loss.span is not None and loss.span.line == 2 for loss in got.losses)


def test_front_matter_tags_sections_contradictions_and_undercuts() -> None:
    text = (
        "===\ntitle: Tea\nauthor: Ann\ndate: 2024-05-01\ncolor: red\n===\n\n# Health {isGroup: false}\n\n"
        "[T]: Tea is good. #pro #(long tag)\n  >< [N]: Tea is bad.\n\n<A>\n\n(1) [P]: p\n----\n(2) [T]\n"
        "\n[U]: u // a comment\n  _> <A>\n/* another */\n"
    )
    got = loads_argdown(text)
    m = got.map
    assert (m.title, m.author, m.date) == ("Tea", "Ann", "2024-05-01")
    assert [loss.where for loss in got.losses] == ["the front matter"]
    (section,) = [i for i in m.items if isinstance(i, argmap.model.Section)]
    assert section.title == "Health" and {s.id for s in section.items} >= {"T", "N"}
    assert next(s for s in m.statements() if s.id == "T").tags == ("pro", "long tag")
    assert [(c.left, c.right) for c in m.contradictions()] == [("T", "N")]
    undercut = next(i for i in m.inferences() if i.kind is InferenceKind.UNDERCUT)
    assert (undercut.premises, undercut.target) == (("U",), "A")


def test_export_lists_what_argdown_cannot_carry() -> None:
    m = argmap.loads(
        'thesis t "T"  evidence e "E" { source: s, by: ann }\n  objection o "O"  claim a "A"  claim b "B"\n'
        'source s "S"  actor ann "Ann"\nargument arg: a + b => t\nundercut u: o => arg\ne supports t\n'
    )
    out = dumps_argdown(m)
    lost = [str(x) for x in out.losses]
    assert any("the kind `evidence`: Argdown has none (it reads back as `claim`)" in x for x in lost)
    assert any("`by`, `source`: kept only as Argdown data" in x for x in lost)
    assert any("Argdown has no sources" in x for x in lost) and any("Argdown has no actors" in x for x in lost)
    assert "(1) [a]\n(2) [b]\n----\n(3) [t]" in out.text and "[o]\n  _> <arg>" in out.text
    back = loads_argdown(out.text).map
    assert {(i.kind, i.premises, i.target) for i in back.inferences()} == {
        (i.kind, i.premises, i.target) for i in m.inferences()
    }


def test_attacks_report_that_rebut_and_undermine_are_not_told_apart() -> None:
    m = argmap.loads('claim t "T"  objection o "O"\no attacks t\n')
    out = dumps_argdown(m)
    assert "[o]\n  -> [t]" in out.text
    assert [x.what for x in out.losses] == ["an attack: Argdown does not tell rebut from undermine"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[A]: a\n/* never closed", (2, 1)),
        ("===\ntitle: x\n", (1, 1)),
        ("(1) a\n--\nrule\n", (2, 1)),
        ("+ dangling", (1, 1)),
        ("(1) <A>: x\n----\n(2) b", (1, 1)),
    ],
)
def test_bad_argdown_is_a_located_error(text: str, where: tuple[int, int]) -> None:
    with pytest.raises(ArgmapSyntaxError) as info:
        loads_argdown(text, "in.argdown")
    assert (info.value.line, info.value.column) == where and info.value.path == "in.argdown"


def test_deep_nesting_and_huge_input_are_bounded() -> None:
    deep = "[A]: a\n" + "".join(" " * (i + 1) + "+ x\n" for i in range(MAX_DEPTH + 5))
    with pytest.raises(ArgmapSyntaxError, match="nested more than"):
        loads_argdown(deep)
    flat = "[A]: a\n" + "  + [B]: b\n" * 5000
    assert len(list(loads_argdown(flat).map.inferences())) == 5000


_ARGDOWN_BITS = st.sampled_from(
    ["[A]: ", "[A]", "<B>: ", "<B>", "(1) ", "(2) ", "----", "-- r --", "--", "+ ", "- ", "_ ", "<+ ", "-> ",
     "_> ", ">< ", "  ", "    ", "\n", "\n\n", "#t ", "# H", "{k: v}", "{", "}", "*x*", "__", "//", "/*", "*/",
     "<!--", "-->", "===", "@[A]", "text", "\\", "\r\n", ":", "1. ", "* "]
)  # fmt: skip


@settings(max_examples=scaled(500))
@given(st.lists(_ARGDOWN_BITS | st.text(max_size=5), max_size=40).map("".join))
def test_any_text_gives_a_map_or_a_located_error(text: str) -> None:
    try:
        got = loads_argdown(text, "f.argdown")
    except ArgmapSyntaxError as exc:
        assert exc.line >= 1 and exc.column >= 1 and exc.path == "f.argdown"
        return
    argmap.validate(got.map)
    dumps_argdown(got.map)


ARGDOWN = shutil.which("argdown") or next(
    (str(p) for p in ROOT.parent.glob("*/benchmarks/node_modules/.bin/argdown") if p.exists()), None
)


@pytest.mark.skipif(ARGDOWN is None, reason="optional: the Argdown CLI (npm @argdown/cli) is not installed")
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_repo_maps_exported_read_the_same_in_argdown(path: Path, tmp_path: Path) -> None:
    assert ARGDOWN is not None
    m = argmap.load(path)
    source = tmp_path / "m.argdown"
    source.write_text(dumps_argdown(m).text, encoding="utf-8")
    done = subprocess.run([ARGDOWN, "json", str(source), str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    theirs = from_argdown_json(json.loads((tmp_path / "m.json").read_text(encoding="utf-8")))
    ours = from_document(parse_argdown(source.read_text(encoding="utf-8")))
    assert theirs == ours
    assert set(theirs["statements"]) == {s.id for s in m.statements()}
