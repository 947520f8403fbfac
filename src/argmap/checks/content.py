"""Content: evidence has a provenance, declarations are used, texts are not repeated."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.model import ArgumentMap, Span, StatementKind
from argmap.model.diagnostics import Diagnostic, Related
from argmap.model.index import MapIndex


def unsourced_evidence(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W203: evidence that names neither a source nor an actor."""
    for st in ix.statements.values():
        if st.kind is StatementKind.EVIDENCE and st.source is None and st.by is None:
            yield Diagnostic.make(
                "W203",
                f"evidence `{st.id}` names neither a source nor an actor",
                st.span_of("id"),
                "say where it comes from with `{ source: ... }` or who said it with `{ by: ... }`",
            )


def unused_declarations(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W204, W205: sources and actors that nothing refers to."""
    used_sources = {s.source for s in ix.statements.values()} | {m.about}
    used_actors = {s.by for s in ix.statements.values()} | {i.by for i in ix.inferences}
    for source in ix.sources.values():
        if source.id not in used_sources:
            yield Diagnostic.make(
                "W204",
                f"source `{source.id}` is declared but never used",
                source.span_of("id"),
                f"cite it with `{{ source: {source.id} }}` or remove it",
            )
    for actor in ix.actors.values():
        if actor.id not in used_actors:
            yield Diagnostic.make(
                "W205",
                f"actor `{actor.id}` is declared but never used",
                actor.span_of("id"),
                f"attribute a statement with `{{ by: {actor.id} }}` or remove it",
            )


def duplicate_texts(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W206: two statements whose texts are the same (ignoring case and spacing)."""
    seen: dict[str, str] = {}
    for st in ix.statements.values():
        key = " ".join(st.text.split()).casefold()
        first = seen.setdefault(key, st.id)
        if first != st.id:
            yield Diagnostic.make(
                "W206",
                f"`{st.id}` has the same text as `{first}`",
                st.span_of("text"),
                "if they are the same statement, keep one and refer to it by its id",
                (Related(ix.statements[first].span_of("text"), f"`{first}` has this text"),),
            )


def empty_map(m: ArgumentMap, ix: MapIndex) -> Iterator[Diagnostic]:
    """W216: a map with nothing in it (a file saved empty, or only a header and comments).

    Not reported when reading the map already found a problem (an include that
    failed leaves a map empty for a reason that is reported on its own).
    """
    if ix.elements or m.diagnostics:
        return
    yield Diagnostic.make(
        "W216",
        "the map is empty: it has no statements, relations or declarations",
        Span(m.path, 1, 1, 1, 1),
        'start with the main claim, e.g. `thesis t1 "..."`',
    )
