"""What to offer as the author types: ids where an id belongs, attribute names in a block, keywords elsewhere.

What belongs at the cursor is read from the text just before it on its line
(the text being typed does not parse yet); what can be offered comes from the
last map that did parse and from the language table.
"""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.language import INFERENCE_WORDS, KEYWORDS, QUESTION_TYPES, RELATION_VERBS, InferenceKind
from argmap.lsp.occurrences import real
from argmap.model import ArgumentMap, Inference, SchemeDefinition, Statement
from argmap.model.elements import Actor, Contradiction, Source, attribute_fields, walk
from argmap.model.index import index
from argmap.schemes import catalogue

_ID = r"[^\W\d][\w-]*"
_PARTIAL = rf"(?:{_ID})?\Z"
#: The context before the cursor, and what kind of id belongs there.
_AFTER_REF = re.compile(rf"\b(by|source)\s*:\s*{_PARTIAL}")
_AFTER_SCHEME = re.compile(rf"\bscheme\s*:\s*{_PARTIAL}")
_QUESTION_TYPE = re.compile(rf"^\s*question\s+{_ID}\s+{_PARTIAL}")
_AFTER_UNDERCUTS = re.compile(rf"\b{INFERENCE_WORDS[InferenceKind.UNDERCUT].verb}\s+{_PARTIAL}")
_AFTER_VERB = re.compile(rf"\b(?:{'|'.join(RELATION_VERBS)})\s+{_PARTIAL}")
_INFERENCE_KEYWORDS = "|".join(w.keyword for w in INFERENCE_WORDS.values())
_IN_PREMISES = re.compile(rf"(?:\b(?:{_INFERENCE_KEYWORDS})\b[^:]*:|\+|=>)\s*{_PARTIAL}")
_KEY = re.compile(rf"(?:\{{|,)\s*{_PARTIAL}|^\s*{_PARTIAL}")
_LINE_START = re.compile(rf"^\s*{_PARTIAL}")

_CLASSES = (Statement, Source, Actor, Inference, Contradiction, SchemeDefinition)


def complete(m: ArgumentMap | None, before: str, in_block: type | None) -> list[types.CompletionItem]:
    """Completions for a cursor after ``before`` (its line up to the cursor).

    Args:
        m: the last map that parsed, for ids (None: ids are not offered).
        before: the text of the line before the cursor.
        in_block: the element class whose attribute block holds the cursor, if any.
    """
    if _AFTER_SCHEME.search(before):
        return _schemes(m)
    if in_block is SchemeDefinition:
        if _QUESTION_TYPE.search(before):
            return [types.CompletionItem(label=t, kind=types.CompletionItemKind.EnumMember) for t in QUESTION_TYPES]
        return _keywords(in_scheme=True) + _attributes(SchemeDefinition) if _LINE_START.search(before) else []
    ref = _AFTER_REF.search(before)
    if ref:
        return _ids(m, Actor if ref.group(1) == "by" else Source)
    if _AFTER_UNDERCUTS.search(before):
        return _ids(m, Inference)
    if _AFTER_VERB.search(before) or _IN_PREMISES.search(before):
        return _ids(m, Statement)
    if _KEY.search(before) and (in_block is not None or before.rfind("{") > before.rfind("}")):
        return _attributes(in_block or Statement)
    if _LINE_START.search(before):
        return _keywords() + _ids(m, Statement)
    return []


def _ids(m: ArgumentMap | None, cls: type) -> list[types.CompletionItem]:
    if m is None:
        return []
    out = []
    for ident, element in index(m).by_id.items():
        if isinstance(element, cls):
            out.append(
                types.CompletionItem(label=ident, kind=types.CompletionItemKind.Reference, detail=_detail(element))
            )
    return out


def _schemes(m: ArgumentMap | None) -> list[types.CompletionItem]:
    """The keys a ``scheme:`` can name: the map's own schemes first, then the catalogue's."""
    own = index(m).schemes if m is not None else {}
    out = [
        types.CompletionItem(label=key, kind=types.CompletionItemKind.EnumMember, detail=f"{d.name} (this map)")
        for key, d in own.items()
    ]
    out += [
        types.CompletionItem(label=s.key, kind=types.CompletionItemKind.EnumMember, detail=s.name)
        for s in catalogue().schemes
        if s.key not in own
    ]
    return out


def _detail(element: object) -> str:
    if isinstance(element, Statement):
        return f"{element.kind.value}: {element.text}"
    if isinstance(element, Source):
        return f"source: {element.title}"
    if isinstance(element, Actor):
        return f"actor: {element.name}"
    if isinstance(element, Inference):
        return INFERENCE_WORDS[element.kind].keyword
    return type(element).__name__.lower()


def _attributes(cls: type) -> list[types.CompletionItem]:
    return [
        types.CompletionItem(
            label=a.name,
            kind=types.CompletionItemKind.Property,
            detail=a.form + (f" ({a.refers_to} id)" if a.refers_to else ""),
            insert_text=f"{a.name}: ",
        )
        for a in attribute_fields(cls)
    ]


def _keywords(in_scheme: bool = False) -> list[types.CompletionItem]:
    """The words that start an item (``in_scheme``: an entry of a scheme's body)."""
    return [
        types.CompletionItem(label=k.word, kind=types.CompletionItemKind.Keyword, detail=k.role)
        for k in KEYWORDS
        if (k.role == "scheme-part" if in_scheme else k.reserved)
    ]


def block_at(m: ArgumentMap | None, path: str | None, line: int, column: int) -> type | None:
    """The class of the element whose text holds the 1-based position, or None (sections do not count)."""
    if m is None:
        return None
    key = real(path)
    for item, _ in walk(m.items):
        span = item.span
        if (
            isinstance(item, _CLASSES)
            and span is not None
            and real(span.path) == key
            and (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)
        ):
            return type(item)
    return None
