"""argmap: argument maps as text, checked, evaluated and drawn.

The public API follows the ``json`` module:

    >>> import argmap
    >>> m = argmap.loads('''
    ... thesis t "Tea is good for you."
    ... evidence e "Tea contains antioxidants." { source: lab }
    ... source lab "A lab report"
    ... e supports t
    ... ''')
    >>> [s.id for s in m.statements()]
    ['t', 'e']
    >>> argmap.validate(m)
    []
    >>> print(argmap.dumps(m), end="")
    thesis t "Tea is good for you."
    evidence e "Tea contains antioxidants." { source: lab }
    source lab "A lab report"
    e supports t
    >>> argmap.loads(argmap.dumps(m)) == m
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ArgmapFileError",
    "ArgmapSyntaxError",
    "ArgumentMap",
    "AttackKind",
    "Cluster",
    "Contradiction",
    "Diagnostic",
    "Edge",
    "EdgeKind",
    "Evaluation",
    "Include",
    "Inference",
    "InferenceKind",
    "MapGraph",
    "Node",
    "NodeKind",
    "Relation",
    "RelationKind",
    "Section",
    "Severity",
    "Source",
    "Span",
    "Statement",
    "StatementKind",
    "Status",
    "dump",
    "dumps",
    "evaluate",
    "load",
    "loads",
    "render",
    "to_dot",
    "validate",
]

# Names are imported on first use, so that `import argmap` and the command
# line start fast and rendering code is only loaded when something is drawn.
_LAZY = {
    "Actor": "model",
    "ArgumentMap": "model",
    "AttackKind": "model",
    "Contradiction": "model",
    "Include": "model",
    "Inference": "model",
    "InferenceKind": "model",
    "RelationKind": "model",
    "Section": "model",
    "Source": "model",
    "Span": "model",
    "Statement": "model",
    "StatementKind": "model",
    "Relation": "relations",
    "Diagnostic": "diagnostics",
    "Severity": "diagnostics",
    "ArgmapSyntaxError": "errors",
    "ArgmapFileError": "errors",
    "load": "loader",
    "loads": "loader",
    "dump": "printer",
    "dumps": "printer",
    "validate": "validation",
    "render": "rendering",
    "to_dot": "rendering",
    "MapGraph": "mapgraph",
    "Node": "mapgraph",
    "Edge": "mapgraph",
    "Cluster": "mapgraph",
    "NodeKind": "mapgraph",
    "EdgeKind": "mapgraph",
    "evaluate": "evaluation",
    "Evaluation": "evaluation",
    "Status": "status",
}

if TYPE_CHECKING:
    from .diagnostics import Diagnostic, Severity
    from .errors import ArgmapFileError, ArgmapSyntaxError
    from .evaluation import Evaluation, evaluate
    from .loader import load, loads
    from .mapgraph import Cluster, Edge, EdgeKind, MapGraph, Node, NodeKind
    from .model import (
        Actor,
        ArgumentMap,
        AttackKind,
        Contradiction,
        Include,
        Inference,
        InferenceKind,
        RelationKind,
        Section,
        Source,
        Span,
        Statement,
        StatementKind,
    )
    from .printer import dump, dumps
    from .relations import Relation
    from .rendering import render, to_dot
    from .status import Status
    from .validation import validate


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
