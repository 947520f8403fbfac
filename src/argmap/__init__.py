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

import sys
from typing import TYPE_CHECKING, Any

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
    "SchemeDefinition",
    "SchemePremise",
    "SchemeQuestion",
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
    "questions",
    "questions_that_matter",
    "relations",
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
    "SchemeDefinition": "model",
    "SchemePremise": "model",
    "SchemeQuestion": "model",
    "Section": "model",
    "Source": "model",
    "Span": "model",
    "Statement": "model",
    "StatementKind": "model",
    "Relation": "model.relations",
    "relations": "model.relations",
    "Diagnostic": "model.diagnostics",
    "Severity": "model.diagnostics",
    "ArgmapSyntaxError": "errors",
    "ArgmapFileError": "errors",
    "load": "syntax.loader",
    "loads": "syntax.loader",
    "dump": "syntax.printer",
    "dumps": "syntax.printer",
    "validate": "checks.validate",
    "render": "rendering.render",
    "to_dot": "rendering.render",
    "MapGraph": "rendering.mapgraph",
    "Node": "rendering.mapgraph",
    "Edge": "rendering.mapgraph",
    "Cluster": "rendering.mapgraph",
    "NodeKind": "rendering.mapgraph",
    "EdgeKind": "rendering.mapgraph",
    "questions": "model.questions",
    "questions_that_matter": "evaluation.matters",
    "evaluate": "evaluation.evaluator",
    "Evaluation": "evaluation.evaluator",
    "Status": "evaluation.status",
}

if TYPE_CHECKING:
    from argmap.checks.validate import validate
    from argmap.errors import ArgmapFileError, ArgmapSyntaxError
    from argmap.evaluation.evaluator import Evaluation, evaluate
    from argmap.evaluation.matters import questions_that_matter
    from argmap.evaluation.status import Status
    from argmap.model import (
        Actor,
        ArgumentMap,
        AttackKind,
        Contradiction,
        Include,
        Inference,
        InferenceKind,
        RelationKind,
        SchemeDefinition,
        SchemePremise,
        SchemeQuestion,
        Section,
        Source,
        Span,
        Statement,
        StatementKind,
    )
    from argmap.model.diagnostics import Diagnostic, Severity
    from argmap.model.questions import questions
    from argmap.model.relations import Relation, relations
    from argmap.rendering.mapgraph import Cluster, Edge, EdgeKind, MapGraph, Node, NodeKind
    from argmap.rendering.render import render, to_dot
    from argmap.syntax.loader import load, loads
    from argmap.syntax.printer import dump, dumps


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from argmap.metadata import version

        return version()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    _show_maps_in_jupyter()
    return value


def _show_maps_in_jupyter() -> None:
    """Once the model is loaded, let Jupyter draw maps: ``ArgumentMap._repr_mimebundle_``.

    The model knows no pictures, so the package attaches the renderer's display
    to the class here, when a name such as ``argmap.load`` is first used;
    neither the model nor the renderer is loaded before it is needed.
    """
    elements = sys.modules.get("argmap.model.elements")
    if elements is not None and "_repr_mimebundle_" not in vars(elements.ArgumentMap):
        elements.ArgumentMap._repr_mimebundle_ = _repr_mimebundle_


def _repr_mimebundle_(m: ArgumentMap, include: object = None, exclude: object = None) -> dict[str, str]:
    """What Jupyter shows for a map: its SVG, or a plain note if it cannot be drawn."""
    from argmap.rendering.render import repr_mimebundle

    return repr_mimebundle(m)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
