"""The outline of one file: document symbols (sections holding statements) and folding ranges."""

from __future__ import annotations

from lsprotocol import types

from argmap.language import INFERENCE_WORDS
from argmap.lsp.occurrences import real
from argmap.lsp.ranges import to_range
from argmap.model import ArgumentMap, Include, Inference, Item, SchemeDefinition, Section, Statement
from argmap.model.elements import Actor, Source, walk

_KINDS = {
    Section: types.SymbolKind.Namespace,
    Statement: types.SymbolKind.String,
    Inference: types.SymbolKind.Function,
    Source: types.SymbolKind.Object,
    Actor: types.SymbolKind.Constant,
    SchemeDefinition: types.SymbolKind.Class,
}


def symbols(m: ArgumentMap) -> list[types.DocumentSymbol]:
    """Sections, statements, sources, actors, named inferences and schemes of the map's own file, as written."""
    return _symbols(m.items)


def _symbols(items: tuple[Item, ...]) -> list[types.DocumentSymbol]:
    out = []
    for item in items:
        symbol = _symbol(item)
        if symbol is not None:
            out.append(symbol)
    return out


def _symbol(item: Item) -> types.DocumentSymbol | None:
    if isinstance(item, Include) or item.span is None:
        return None
    ident = getattr(item, "id", None)
    if isinstance(item, Section):
        name, detail = item.title, ident
    elif isinstance(item, Statement):
        name, detail = item.id, f"{item.kind.value}: {item.text}"
    elif isinstance(item, (Source, Actor)):
        name, detail = item.id, item.title if isinstance(item, Source) else item.name
    elif isinstance(item, Inference) and ident is not None:
        name, detail = ident, INFERENCE_WORDS[item.kind].keyword
    elif isinstance(item, SchemeDefinition):
        name, detail, ident = item.key, f"scheme: {item.name}", item.key
    else:
        return None
    whole = to_range(item.span)
    chosen = item.span_of("id") if ident is not None else item.span_of("title")
    return types.DocumentSymbol(
        name=name,
        detail=detail,
        kind=_KINDS[type(item)],
        range=whole,
        selection_range=to_range(chosen) if chosen is not None else whole,
        children=_symbols(item.items) if isinstance(item, Section) else None,
    )


def folds(m: ArgumentMap, path: str | None) -> list[types.FoldingRange]:
    """A folding range for every item of the file at ``path`` written over more than one line."""
    out = []
    key = real(path)
    for item, _ in walk(m.items):
        span = item.span
        if span is not None and span.end_line > span.line and real(span.path) == key:
            kind = types.FoldingRangeKind.Region if isinstance(item, Section) else None
            out.append(types.FoldingRange(start_line=span.line - 1, end_line=span.end_line - 1, kind=kind))
    return out
