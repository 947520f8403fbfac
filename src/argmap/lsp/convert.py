"""argmap's diagnostics as LSP diagnostics: code, severity, range, hint and related places."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from argmap.language import RESERVED, is_id
from argmap.model import Span
from argmap.model.diagnostics import Diagnostic, Severity
from argmap.suggest import suggestion

#: Turns a span into a location in the client's units: its document's URI and range.
Locate = Callable[[Span], types.Location]

_NOWHERE = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
#: Codes whose did-you-mean hint names a replacement for the diagnostic's own range.
FIXABLE = frozenset({"E101", "E102", "E103", "E104", "E132"})


def to_lsp(d: Diagnostic, locate: Locate) -> types.Diagnostic:
    """One diagnostic for the client; ``data`` carries the did-you-mean replacement, if any."""
    related = [
        types.DiagnosticRelatedInformation(location=locate(r.span), message=r.message) for r in d.related if r.span
    ]
    return types.Diagnostic(
        range=locate(d.span).range if d.span else _NOWHERE,
        message=d.message + (f"\nhint: {d.hint}" if d.hint else ""),
        severity=types.DiagnosticSeverity.Error if d.severity is Severity.ERROR else types.DiagnosticSeverity.Warning,
        code=d.code,
        source="argmap",
        related_information=related or None,
        data=_fix(d),
    )


def _fix(d: Diagnostic) -> dict[str, str] | None:
    name = suggestion(d.hint) if d.code in FIXABLE else None
    if name is None or not is_id(name) or name in RESERVED:
        return None
    return {"replacement": name}


def quick_fixes(uri: str, diagnostics: list[types.Diagnostic]) -> list[types.CodeAction]:
    """A quick fix for each diagnostic that carries a did-you-mean replacement."""
    actions = []
    for d in diagnostics:
        name = d.data.get("replacement") if isinstance(d.data, dict) else getattr(d.data, "replacement", None)
        if isinstance(name, str) and is_id(name):
            actions.append(
                types.CodeAction(
                    title=f"Change to `{name}`",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[d],
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=d.range, new_text=name)]}),
                )
            )
    return actions
