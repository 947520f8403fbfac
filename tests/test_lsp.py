"""The language server end to end: a real client (pytest-lsp) talks to ``argmap lsp`` over stdio."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pygls.exceptions import JsonRpcException  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

import argmap  # noqa: E402
from argmap.syntax.formatter import format_text  # noqa: E402

MAP = """\
title "Tea"

source report "A report on tea" { date: 2020 }
actor ann "Ann" { role: "nutritionist" }

thesis t "Tea is good."
section why "Why" {
  claim c "Tea has antioxidants." {
    by: ann
    source: report
  }
  evidence e "A study found antioxidants in tea." { source: report }
}
c supports t
e supports c
"""


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]))
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16])
    )
    # Keep every publication, with its version: several can arrive in one read, faster than one can wait for each.
    lsp_client.publications = []  # type: ignore[attr-defined]

    def publish(params: types.PublishDiagnosticsParams) -> None:
        lsp_client.diagnostics[params.uri] = params.diagnostics
        lsp_client.publications.append(params)  # type: ignore[attr-defined]

    lsp_client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Wait for the diagnostics of ``uri`` (cleared from the client before the action that publishes them)."""

    async def wait() -> None:
        while uri not in client.diagnostics:
            await asyncio.sleep(0.01)

    await asyncio.wait_for(wait(), timeout=20)
    return list(client.diagnostics[uri])


async def open_doc(client: LanguageClient, path: Path, text: str | None = None) -> list[types.Diagnostic]:
    """Open a document (its file's text unless ``text`` is given) and return its diagnostics."""
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    item = types.TextDocumentItem(
        uri=uri, language_id="argmap", version=1, text=path.read_text() if text is None else text
    )
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    return await published(client, uri)


async def change(client: LanguageClient, path: Path, text: str, version: int = 2) -> list[types.Diagnostic]:
    """Replace a document's text and return the diagnostics published for that version of it."""
    uri = path.as_uri()
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )

    async def wait() -> list[types.Diagnostic]:
        while True:
            for params in client.publications:  # type: ignore[attr-defined]
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)

    return await asyncio.wait_for(wait(), timeout=20)


def pos(text: str, needle: str, nth: int = 0, offset: int = 0) -> types.Position:
    """The position of the ``nth`` occurrence of ``needle`` in ``text`` (UTF-16 columns, as clients count)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    before = text[: start + offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1 :]
    return types.Position(line=line, character=len(column.encode("utf-16-le")) // 2)


def doc(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=path.as_uri())


@pytest.fixture
def tea(tmp_path: Path) -> Path:
    path = tmp_path / "tea.argmap"
    path.write_text(MAP)
    return path


# -- diagnostics ---------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_clean_map_publishes_no_diagnostics(client: LanguageClient, tea: Path) -> None:
    assert await open_doc(client, tea) == []


@pytest.mark.asyncio
async def test_diagnostics_carry_code_severity_range_hint_and_the_other_definition(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = 'thesis t "T"\nclaim t "Again"\nclaim c "C"\nc supports tt\n'
    found = await open_doc(client, tmp_path / "bad.argmap", text)
    by_code = {d.code: d for d in found}
    unknown = by_code["E101"]
    assert unknown.severity == types.DiagnosticSeverity.Error
    assert unknown.source == "argmap"
    assert unknown.range == types.Range(start=pos(text, "tt"), end=pos(text, "tt", offset=2))
    assert "did you mean `t`?" in unknown.message
    duplicate = by_code["E110"]
    assert duplicate.range.start == types.Position(line=1, character=6)  # the second `t` declared
    assert duplicate.related_information is not None
    first = duplicate.related_information[0].location
    assert first.uri == (tmp_path / "bad.argmap").as_uri()
    assert first.range.start == types.Position(line=0, character=7)


@pytest.mark.asyncio
async def test_a_syntax_error_is_reported_where_it_is(client: LanguageClient, tmp_path: Path) -> None:
    text = 'thesis t "T"\nclaim c "C" {\n'
    [error] = await open_doc(client, tmp_path / "broken.argmap", text)
    assert error.code == "E001"
    assert error.range.start.line == 2 or error.range.start.line == 1


@pytest.mark.asyncio
async def test_diagnostics_follow_changes(client: LanguageClient, tea: Path) -> None:
    assert await open_doc(client, tea) == []
    broken = MAP.replace("c supports t", "c supports tee")
    [unknown] = [d for d in await change(client, tea, broken) if d.code == "E101"]
    assert unknown.range.start == pos(broken, "tee")
    assert await change(client, tea, MAP, version=3) == []


@pytest.mark.asyncio
async def test_warnings_are_warnings(client: LanguageClient, tmp_path: Path) -> None:
    found = await open_doc(client, tmp_path / "w.argmap", 'thesis t "T"\n')
    assert {(d.code, d.severity) for d in found} == {("W201", types.DiagnosticSeverity.Warning)}


@pytest.mark.asyncio
async def test_columns_count_utf16_units(client: LanguageClient, tmp_path: Path) -> None:
    text = 'actor ann "Ann"\nthesis t "Tea 🍵 is good" { by: annn }\n'
    [unknown] = [d for d in await open_doc(client, tmp_path / "u.argmap", text) if d.code == "E104"]
    assert unknown.range.start == pos(text, "annn")
    assert unknown.range.end == pos(text, "annn", offset=4)


# -- includes ------------------------------------------------------------------


@pytest.fixture
def parts(tmp_path: Path) -> tuple[Path, Path]:
    main = tmp_path / "main.argmap"
    part = tmp_path / "part.argmap"
    main.write_text('include "part.argmap"\nthesis t "Tea is good."\nc supports t\n')
    part.write_text('claim c "Tea has antioxidants." { by: ann }\n')
    return main, part


@pytest.mark.asyncio
async def test_an_included_file_gets_its_own_diagnostics(client: LanguageClient, parts: tuple[Path, Path]) -> None:
    main, part = parts
    client.diagnostics.pop(part.as_uri(), None)
    assert await open_doc(client, main) == []
    [unknown] = await published(client, part.as_uri())
    assert unknown.code == "E104"
    assert unknown.range.start == types.Position(line=0, character=38)


@pytest.mark.asyncio
async def test_an_unsaved_included_buffer_wins_over_the_file(client: LanguageClient, parts: tuple[Path, Path]) -> None:
    main, part = parts
    await open_doc(client, main)
    fixed = 'actor ann "Ann"\nclaim c "Tea has antioxidants." { by: ann }\n'
    assert await open_doc(client, part, part.read_text()) != []
    client.diagnostics.pop(main.as_uri(), None)
    assert await change(client, part, fixed) == []  # checked as part of main, with the buffer's text
    assert "actor" not in part.read_text()


# -- navigation ----------------------------------------------------------------


@pytest.mark.asyncio
async def test_hover_on_a_statement_shows_kind_text_and_relations(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(tea), position=pos(MAP, "c supports", offset=0))
    )
    assert result is not None
    text = result.contents.value  # type: ignore[union-attr]
    shown = ("**claim** `c`", "Tea has antioxidants.", "by: ann", "source: report", "supports `t`", "supported by `e`")
    assert [line for line in shown if line not in text] == []


@pytest.mark.asyncio
async def test_hover_on_a_source_counts_the_statements_citing_it(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(tea), position=pos(MAP, "report", offset=2))
    )
    assert result is not None
    text = result.contents.value  # type: ignore[union-attr]
    assert "**source** `report`" in text and "date: 2020" in text and "cited by 2 statements" in text


@pytest.mark.asyncio
async def test_go_to_definition_across_an_include(client: LanguageClient, parts: tuple[Path, Path]) -> None:
    main, part = parts
    await open_doc(client, main)
    text = main.read_text()
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(main), position=pos(text, "c supports"))
    )
    assert isinstance(result, list)
    [location] = result
    assert location.uri == part.as_uri()
    assert (location.range.start, location.range.end) == (
        types.Position(line=0, character=6),
        types.Position(line=0, character=7),
    )


@pytest.mark.asyncio
async def test_find_references(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    params = types.ReferenceParams(
        text_document=doc(tea),
        position=pos(MAP, "report", offset=1),
        context=types.ReferenceContext(include_declaration=True),
    )
    result = await client.text_document_references_async(params)
    assert result is not None
    assert sorted(r.range.start.line for r in result) == [2, 9, 11]
    params.context.include_declaration = False
    result = await client.text_document_references_async(params)
    assert result is not None and sorted(r.range.start.line for r in result) == [9, 11]


# -- rename --------------------------------------------------------------------


def applied(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with edits applied (single-line ranges, as renames are)."""
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        line = lines[e.range.start.line]
        lines[e.range.start.line] = line[: e.range.start.character] + e.new_text + line[e.range.end.character :]
    return "\n".join(lines)


@pytest.mark.asyncio
async def test_rename_changes_every_reference_across_includes(client: LanguageClient, parts: tuple[Path, Path]) -> None:
    main, part = parts
    await open_doc(client, main)
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(main), position=pos(main.read_text(), "c supports"), new_name="antiox")
    )
    assert edit is not None and edit.changes is not None
    assert applied(main.read_text(), list(edit.changes[main.as_uri()])).endswith("antiox supports t\n")
    assert applied(part.read_text(), list(edit.changes[part.as_uri()])).startswith('claim antiox "Tea')


@pytest.mark.asyncio
async def test_rename_of_a_source_actor_and_section(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    for needle, new, count in (("report", "study", 3), ("ann", "anne", 2), ("why", "reasons", 1)):
        edit = await client.text_document_rename_async(
            types.RenameParams(text_document=doc(tea), position=pos(MAP, needle), new_name=new)
        )
        assert edit is not None and edit.changes is not None
        renamed = applied(MAP, list(edit.changes[tea.as_uri()]))
        assert renamed.count(new) - MAP.count(new) == count
        assert argmap.validate(argmap.loads(renamed)) == []  # every reference follows the new name


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("new", "why"), [("t", "already declared at"), ("2x", "is not an id"), ("claim", "is a keyword")]
)
async def test_rename_is_refused_on_a_clash_or_a_bad_id(client: LanguageClient, tea: Path, new: str, why: str) -> None:
    await open_doc(client, tea)
    with pytest.raises(JsonRpcException, match=why):
        await client.text_document_rename_async(
            types.RenameParams(text_document=doc(tea), position=pos(MAP, "c supports"), new_name=new)
        )


# -- completion ----------------------------------------------------------------


async def labels(client: LanguageClient, path: Path, text: str, position: types.Position) -> set[str]:
    await change(client, path, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(path), position=position)
    )
    assert isinstance(result, types.CompletionList)
    return {item.label for item in result.items}


@pytest.mark.asyncio
async def test_completion_offers_what_belongs_where_the_cursor_is(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    typing_by = MAP + 'claim d "D" { by: '
    assert await labels(client, tea, typing_by, pos(typing_by, "by: ", nth=1, offset=4)) == {"ann"}
    typing_source = MAP + 'claim d "D" { source: r'
    assert await labels(client, tea, typing_source, pos(typing_source, "source: r", nth=2, offset=9)) == {"report"}
    typing_verb = MAP + "e attacks "
    assert await labels(client, tea, typing_verb, pos(typing_verb, "attacks ", offset=8)) == {"t", "c", "e"}
    typing_premises = MAP + "argument a: c + "
    assert await labels(client, tea, typing_premises, pos(typing_premises, "+ ", offset=2)) == {"t", "c", "e"}
    typing_key = MAP + 'claim d "D" { '
    keys = await labels(client, tea, typing_key, pos(typing_key, '"D" { ', offset=6))
    assert {"by", "source", "date", "tags", "note"} <= keys and "role" not in keys
    typing_line = MAP + "cl"
    words = await labels(client, tea, typing_line, pos(typing_line, "cl", nth=1, offset=2))
    assert {"claim", "thesis", "argument", "section", "include"} <= words
    assert "supports" not in words


# -- outline, folding, formatting ----------------------------------------------


@pytest.mark.asyncio
async def test_document_symbols_nest_statements_in_sections(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    result = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(tea)))
    assert result is not None
    top = {s.name: s for s in result}  # type: ignore[union-attr]
    assert {"report", "ann", "t", "Why"} <= set(top)
    section = top["Why"]
    assert isinstance(section, types.DocumentSymbol) and section.children is not None
    assert [c.name for c in section.children] == ["c", "e"]
    assert section.range.start.line == 6 and section.range.end.line == 12


@pytest.mark.asyncio
async def test_folding_ranges_cover_sections_and_blocks(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    result = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc(tea)))
    assert result is not None
    assert {(r.start_line, r.end_line) for r in result} == {(6, 12), (7, 10)}


@pytest.mark.asyncio
async def test_formatting_gives_the_canonical_layout(client: LanguageClient, tmp_path: Path) -> None:
    messy = 'thesis   t "T"\n\n\n\nclaim c "C"   {by:ann}\nactor ann "A"\nc supports     t\n'
    path = tmp_path / "messy.argmap"
    await open_doc(client, path, messy)
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=doc(path), options=options)
    )
    assert edits is not None
    [edit] = edits
    assert edit.new_text == format_text(messy) != messy
    assert edit.range.start == types.Position(line=0, character=0)
    assert edit.range.end.line == messy.count("\n")


# -- code actions and the preview ----------------------------------------------


@pytest.mark.asyncio
async def test_a_quick_fix_applies_the_did_you_mean(client: LanguageClient, tmp_path: Path) -> None:
    text = 'thesis tea "T"\nclaim c "C"\nc supports tee\n'
    path = tmp_path / "fix.argmap"
    found = await open_doc(client, path, text)
    [unknown] = [d for d in found if d.code == "E101"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(path), range=unknown.range, context=types.CodeActionContext(diagnostics=[unknown])
        )
    )
    assert actions is not None
    [action] = actions
    assert isinstance(action, types.CodeAction) and action.edit is not None and action.edit.changes is not None
    assert action.title == "Change to `tea`"
    assert applied(text, list(action.edit.changes[path.as_uri()])) == text.replace("tee", "tea")


@pytest.mark.asyncio
async def test_render_svg_returns_the_drawn_map(client: LanguageClient, tea: Path) -> None:
    await open_doc(client, tea)
    result = await client.protocol.send_request_async("argmap/renderSvg", {"uri": tea.as_uri()})
    svg = result["svg"] if isinstance(result, dict) else result.svg
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "Tea has antioxidants." in svg


@pytest.mark.asyncio
async def test_render_svg_of_an_unknown_document_is_an_error(client: LanguageClient, tmp_path: Path) -> None:
    with pytest.raises(JsonRpcException, match="no open document"):
        await client.protocol.send_request_async("argmap/renderSvg", {"uri": (tmp_path / "x.argmap").as_uri()})


# -- schemes the map defines ---------------------------------------------------

SCHEMES = """\
scheme sunk_talks "Argument from sunk talks" {
  question cheaper exception "Would walking away cost less?"
}
thesis t "The talks should go on."
claim spent "A year of talks."
argument a: spent => t { scheme: sunk_talks }
argument b: spent => t { scheme: expert_opinion }
"""


@pytest.mark.asyncio
async def test_hover_definition_and_rename_of_a_scheme_key(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "talks.argmap"
    path.write_text(SCHEMES)
    await open_doc(client, path)
    used = pos(SCHEMES, "sunk_talks }", offset=2)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc(path), position=used))
    assert hover is not None
    text = hover.contents.value  # type: ignore[union-attr]
    assert "**scheme** `sunk_talks`: Argument from sunk talks" in text and "defined in this map" in text
    assert "`cheaper` (exception): Would walking away cost less?" in text
    found = await client.text_document_definition_async(types.DefinitionParams(text_document=doc(path), position=used))
    assert isinstance(found, list) and [loc.range.start for loc in found] == [types.Position(line=0, character=7)]
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(path), position=used, new_name="sunk")
    )
    assert edit is not None and edit.changes is not None
    renamed = applied(SCHEMES, list(edit.changes[path.as_uri()]))
    assert renamed.startswith('scheme sunk "Argument') and "{ scheme: sunk }" in renamed
    catalogue = pos(SCHEMES, "expert_opinion", offset=2)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc(path), position=catalogue))
    assert hover is not None and "from the catalogue" in hover.contents.value  # type: ignore[union-attr]
    assert "`field` (premise)" in hover.contents.value  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_renaming_a_scheme_to_a_key_the_map_defines_is_refused(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "talks.argmap"
    text = SCHEMES + 'scheme sunk "Another scheme" {}\n'
    path.write_text(text)
    await open_doc(client, path)
    with pytest.raises(JsonRpcException, match="cannot rename scheme `sunk_talks` to `sunk`: `sunk` is defined at "):
        await client.text_document_rename_async(
            types.RenameParams(text_document=doc(path), position=pos(text, "sunk_talks }", offset=2), new_name="sunk")
        )
    # a scheme is named as the user wrote it, never by the server's internal `scheme:KEY`
    with pytest.raises(JsonRpcException, match="cannot rename scheme `sunk_talks` to `claim`: `claim` is a keyword"):
        await client.text_document_rename_async(
            types.RenameParams(text_document=doc(path), position=pos(text, "sunk_talks }", offset=2), new_name="claim")
        )


@pytest.mark.asyncio
async def test_completion_offers_scheme_keys_and_the_words_of_a_schemes_body(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "talks.argmap"
    path.write_text(SCHEMES)
    await open_doc(client, path)
    typing_scheme = SCHEMES + "argument c: spent => t { scheme: "
    keys = await labels(client, path, typing_scheme, pos(typing_scheme, "scheme: ", nth=2, offset=8))
    assert {"sunk_talks", "expert_opinion", "sign"} <= keys
    inside = SCHEMES.replace("  question cheaper", "  \n  question cheaper")
    words = await labels(client, path, inside, types.Position(line=1, character=2))
    assert {"premise", "conclusion", "question", "reference", "note"} <= words and "claim" not in words
    typing_line = SCHEMES + "pre"
    assert "premise" not in await labels(client, path, typing_line, pos(typing_line, "pre", nth=0, offset=3))


@pytest.mark.asyncio
async def test_a_scheme_is_a_document_symbol(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "talks.argmap"
    path.write_text(SCHEMES)
    await open_doc(client, path)
    found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(path)))
    assert found is not None
    assert [(s.name, s.detail) for s in found][:1] == [("sunk_talks", "scheme: Argument from sunk talks")]  # type: ignore[union-attr]
