"""The language server: documents in, diagnostics and answers out (``argmap lsp``).

Every open document is read with its includes (an open, unsaved buffer of an
included file is read instead of the file on disk) and checked. A document
that another open document includes is checked as part of that document, so
its ids resolve as they do when the whole map is read. Diagnostics are
published on open at once and on change after a short pause (at most
:data:`DEBOUNCE`, and no longer than the document's last check took), for the
document and for every file it includes. After an edit only the top-level items
it touched are parsed again (:mod:`argmap.lsp.reparse`).
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams, JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from argmap.errors import ArgmapFileError, ArgmapSyntaxError
from argmap.fileio import read_text
from argmap.language import RESERVED, is_id
from argmap.lsp import completion, convert, hover, outline
from argmap.lsp.analysis import Analysis, analyse
from argmap.lsp.occurrences import Occurrence, real, scheme_key
from argmap.lsp.ranges import to_range, whole
from argmap.lsp.reparse import Included
from argmap.metadata import version
from argmap.model import ArgumentMap, Span
from argmap.model.index import index
from argmap.syntax.formatter import FormatterError, format_text

#: The longest wait, in seconds, after a change before checking, so that a burst of keystrokes is checked once.
#: The wait is never longer than the document's last check took: waiting is only worth it when checking costs more.
DEBOUNCE = 0.01
#: The custom request that returns the rendered map as SVG: params ``{"uri": ...}``, result ``{"svg": ...}``.
RENDER_SVG = "argmap/renderSvg"


class ArgmapServer(LanguageServer):
    """The server's state: the analysis of each open document, and the checks waiting to run."""

    def __init__(self) -> None:
        super().__init__("argmap", version())
        self.analyses: dict[str, Analysis] = {}
        self.good: dict[str, Analysis] = {}
        self.waiting: dict[str, asyncio.TimerHandle] = {}
        self.took: dict[str, float] = {}
        self.included = Included()

    # -- documents -------------------------------------------------------------

    def path_of(self, uri: str) -> str | None:
        """The file a document is, or None for one that is not a file."""
        return to_fs_path(uri) if uri.startswith("file:") else None

    def open_uris(self) -> dict[str | None, str]:
        """The URI of each open document, by real path."""
        return {real(self.path_of(uri)): uri for uri in self.workspace.text_documents}

    def read(self, target: Path) -> str:
        """An included file's text: its open buffer if it has one, else the file."""
        uri = self.open_uris().get(real(str(target)))
        if uri is not None:
            return self.workspace.get_text_document(uri).source
        return read_text(target)

    def owner(self, uri: str) -> str | None:
        """The open document that includes this one, if any."""
        path = real(self.path_of(uri))
        if path is None:
            return None
        for other, a in self.analyses.items():
            if other != uri and a.map is not None and path in a.map.included_files():
                return other
        return None

    def navigation(self, uri: str) -> Analysis | None:
        """The last analysis with a map that covers this document (its includer's, if it has one)."""
        return self.good.get(self.owner(uri) or uri)

    # -- checking ----------------------------------------------------------------

    def check(self, uri: str, seen: frozenset[str] = frozenset()) -> None:
        """Read and check one document, then publish its diagnostics, or re-check the document including it."""
        self.waiting.pop(uri, None)
        if uri not in self.workspace.text_documents:
            return
        doc = self.workspace.get_text_document(uri)
        last = self.good.get(uri)
        start = time.perf_counter()
        a = analyse(doc.source, self.path_of(uri), self.read, last.parse if last is not None else None, self.included)
        self.took[uri] = time.perf_counter() - start
        self.analyses[uri] = a
        if a.map is not None:
            self.good[uri] = a
        owner = self.owner(uri)
        if owner is not None and owner not in seen:
            self.check(owner, seen | {uri})
            return
        self.publish(uri, a)

    def later(self, uri: str) -> None:
        """Check a document after a pause (see :data:`DEBOUNCE`), unless it changes again first."""
        handle = self.waiting.pop(uri, None)
        if handle is not None:
            handle.cancel()
        pause = min(DEBOUNCE, self.took.get(uri, DEBOUNCE))
        self.waiting[uri] = asyncio.get_running_loop().call_later(pause, self.check, uri)

    def publish(self, uri: str, a: Analysis) -> None:
        """Publish the diagnostics of an analysis: for the document and each file it includes."""
        opened = self.open_uris()
        by_file: dict[str | None, list[types.Diagnostic]] = defaultdict(list)
        lines: dict[str | None, list[str]] = {}
        for d in a.diagnostics:
            by_file[real(d.span.path) if d.span else real(a.path)].append(
                convert.to_lsp(d, lambda s: self.locate(s, opened, lines))
            )
        own = real(a.path)
        targets: dict[str | None, str | None] = {p: opened.get(p) or from_fs_path(p) for p in a.files()}
        targets[own] = uri
        for path, target in targets.items():
            if target is not None:
                version = self.workspace.text_documents[target].version if target in opened.values() else None
                params = types.PublishDiagnosticsParams(uri=target, diagnostics=by_file.get(path, []), version=version)
                self.text_document_publish_diagnostics(params)

    def locate(self, span: Span, opened: dict[str | None, str], cache: dict[str | None, list[str]]) -> types.Location:
        """Where a span is, for the client: the URI of its document and the range in the client's units."""
        path = real(span.path)
        uri = opened.get(path) or (from_fs_path(path) if path else None) or next(iter(opened.values()), "")
        if path not in cache:
            cache[path] = self._lines(uri, path)
        lines, rng = cache[path], to_range(span)
        if _plain(lines, rng.start) and _plain(lines, rng.end):  # characters are the client's units
            return types.Location(uri=uri, range=rng)
        return types.Location(uri=uri, range=self.workspace.position_codec.range_to_client_units(lines, rng))

    def _lines(self, uri: str, path: str | None) -> list[str]:
        if uri in self.workspace.text_documents:
            return list(self.workspace.get_text_document(uri).lines)
        try:
            return read_text(path).splitlines(keepends=True) if path else []
        except ArgmapFileError:
            return []

    # -- positions ---------------------------------------------------------------

    def at(self, uri: str, position: types.Position) -> tuple[Analysis | None, Occurrence | None]:
        """The analysis for a document and the occurrence of an id at a client position, if any."""
        a = self.navigation(uri)
        if a is None:
            return None, None
        doc = self.workspace.get_text_document(uri)
        pos = doc.position_codec.position_from_client_units(doc.lines, position)
        return a, a.occurrences.at(self.path_of(uri), pos.line + 1, pos.character + 1)

    def locations(self, spans: list[Span]) -> list[types.Location]:
        """Client locations of spans."""
        opened, cache = self.open_uris(), {}  # type: ignore[var-annotated]
        return [self.locate(s, opened, cache) for s in spans]


def _plain(lines: list[str], at: types.Position) -> bool:
    """Whether a position is within an ASCII line, where a character is one unit in every encoding."""
    return at.line < len(lines) and at.character <= len(lines[at.line]) and lines[at.line].isascii()


def make_server() -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer()
    _documents(server)
    _navigation(server)
    _editing(server)
    return server


def _documents(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)
        for other in list(ls.analyses):  # an open document may now read this buffer instead of its file
            if (
                other != params.text_document.uri
                and real(ls.path_of(params.text_document.uri)) in ls.analyses[other].files()
            ):
                ls.later(other)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.later(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        for uri in list(ls.analyses):
            ls.later(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.analyses.pop(uri, None)
        ls.good.pop(uri, None)
        ls.took.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for other in list(ls.analyses):
            ls.later(other)


def _navigation(server: ArgmapServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        a, occ = ls.at(params.text_document.uri, params.position)
        if a is None or a.map is None or occ is None:
            return None
        text = hover.describe(a.map, occ.ident)
        if text is None:
            return None
        content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
        return types.Hover(contents=content, range=ls.locations([occ.span])[0].range)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> list[types.Location] | None:
        a, occ = ls.at(params.text_document.uri, params.position)
        if a is None or occ is None:
            return None
        return ls.locations([o.span for o in a.occurrences.of(occ.ident) if o.definition]) or None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
        a, occ = ls.at(params.text_document.uri, params.position)
        if a is None or occ is None:
            return None
        keep = params.context.include_declaration
        return ls.locations([o.span for o in a.occurrences.of(occ.ident) if keep or not o.definition])

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
        a, occ = ls.at(params.text_document.uri, params.position)
        if a is None or a.map is None or occ is None or not _declared(a.map, occ.ident):
            return None
        return ls.locations([occ.span])[0].range

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit:
        a, occ = ls.at(params.text_document.uri, params.position)
        if a is None or a.map is None or occ is None:
            raise JsonRpcInvalidRequest("there is no id here to rename")
        _refuse_rename(a, occ.ident, params.new_name)
        changes: dict[str, list[types.TextEdit]] = defaultdict(list)
        for where in ls.locations([o.span for o in a.occurrences.of(occ.ident)]):
            changes[where.uri].append(types.TextEdit(range=where.range, new_text=params.new_name))
        return types.WorkspaceEdit(changes=dict(changes))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbols(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        a = ls.good.get(params.text_document.uri)
        return outline.symbols(a.map) if a is not None and a.map is not None else []

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding(ls: ArgmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        uri = params.text_document.uri
        a = ls.navigation(uri)
        return outline.folds(a.map, ls.path_of(uri)) if a is not None and a.map is not None else []


def _declared(m: ArgumentMap, ident: str) -> bool:
    """True when the map declares ``ident``: an element's id, or a scheme it defines (``scheme:KEY``)."""
    ix = index(m)
    key = scheme_key(ident)
    return key in ix.schemes if key is not None else ident in ix.by_id


def _refuse_rename(a: Analysis, old: str, new: str) -> None:
    """Raise an error the editor shows when ``old`` cannot be renamed to ``new``."""
    assert a.map is not None
    ix = index(a.map)
    key = scheme_key(old)
    named = f"scheme `{key}`" if key is not None else f"`{old}`"  # never the internal ``scheme:KEY``
    if not _declared(a.map, old):
        raise JsonRpcInvalidRequest(f"nothing is declared as {named}; declare it before renaming it")
    if not is_id(new) or new in RESERVED:
        why = "is a keyword" if new in RESERVED else "is not an id (a letter or _, then letters, digits, _ or -)"
        raise JsonRpcInvalidParams(f"cannot rename {named} to `{new}`: `{new}` {why}")
    if key is not None:
        other = ix.schemes.get(new)
        if other is not None and new != key:
            where = f" at {other.span}" if other.span else ""
            raise JsonRpcInvalidParams(f"cannot rename {named} to `{new}`: `{new}` is defined{where}")
        return
    clash = ix.by_id.get(new)
    if clash is not None and new != old:
        where = f" at {clash.span}" if clash.span else ""
        raise JsonRpcInvalidParams(f"cannot rename `{old}` to `{new}`: `{new}` is already declared{where}")


def _editing(server: ArgmapServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[":", " ", "+", ">", "{", ","])
    )
    def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
        uri = params.text_document.uri
        doc = ls.workspace.get_text_document(uri)
        pos = doc.position_codec.position_from_client_units(doc.lines, params.position)
        line = doc.lines[pos.line] if pos.line < len(doc.lines) else ""
        a = ls.navigation(uri)
        m = a.map if a is not None else None
        block = completion.block_at(m, ls.path_of(uri), pos.line + 1, pos.character + 1)
        return types.CompletionList(is_incomplete=False, items=completion.complete(m, line[: pos.character], block))

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: ArgmapServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        return _format(doc, ls.path_of(params.text_document.uri))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
    )
    def code_actions(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return convert.quick_fixes(params.text_document.uri, list(params.context.diagnostics))

    @server.feature(RENDER_SVG)
    def render_svg(ls: ArgmapServer, params: Any) -> dict[str, str]:
        uri = params.get("uri") if isinstance(params, dict) else getattr(params, "uri", None)
        a = ls.good.get(uri) if isinstance(uri, str) else None
        if a is None or a.map is None:
            raise JsonRpcInvalidParams(f"no open document with a map that parses: {uri}")
        from argmap.rendering.render import render  # the renderer only when a preview asks

        try:
            return {"svg": render(a.map, "svg").decode("utf-8")}
        except (OSError, RuntimeError, ValueError) as exc:
            raise JsonRpcInvalidRequest(f"cannot render the map: {exc}") from exc


def _format(doc: TextDocument, path: str | None) -> list[types.TextEdit] | None:
    """The edit that formats a document, none when it is formatted, None when it cannot be."""
    text = doc.source
    try:
        result = format_text(text, path)
    except (ArgmapSyntaxError, FormatterError):
        return None
    if result == text:
        return []
    return [types.TextEdit(range=whole(text), new_text=result)]


def serve() -> None:
    """Serve over standard input and output until the client says exit."""
    server = make_server()
    gc.freeze()  # what is loaded now lives as long as the server: the collector need not scan it again
    server.start_io()
