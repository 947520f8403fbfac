"""The package's structure: no import cycles, and nothing imports a higher layer.

Every ``import`` of an ``argmap`` module counts, at module level or inside a
function (a lazy import is still a dependency); imports under
``if TYPE_CHECKING:`` do not, since they never run.

The layers, from the bottom: base modules (``argmap/*.py``) < ``model`` <
``syntax`` < ``checks`` < ``evaluation`` < ``rendering`` < ``interchange`` < ``cli`` and
``integrations`` and ``lsp`` (side by side; only the ``argmap lsp`` command starts the server) <
``argmap/__init__.py``, ``__main__`` and ``argmap.sphinx`` (the Sphinx extension's
name for :mod:`argmap.integrations.sphinx`). A package's ``__init__`` belongs to
its package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "argmap"
LAYERS = ("model", "syntax", "checks", "evaluation", "rendering", "interchange", ("cli", "integrations", "lsp"))
TOP = len(LAYERS) + 1
#: Modules named for a tool that loads them by that name (``extensions = ["argmap.sphinx"]``), like ``__main__``.
ENTRY_MODULES = ("__main__", "sphinx")


def module_name(path: Path) -> str:
    """``argmap.model.elements`` for ``src/argmap/model/elements.py``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    """0 for base modules, 1 for ``model`` and so on up to the top: ``argmap`` itself and ``__main__``."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ENTRY_MODULES:
        return TOP
    for rank, names in enumerate(LAYERS, start=1):
        if parts[1] == names or parts[1] in names:
            return rank
    return 0


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of the tree, except what is under ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for node in child.orelse:
                yield node
                yield from _nodes(node)
            continue
        yield child
        yield from _nodes(child)


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The absolute name of the module a ``from ... import`` reads, relative imports included."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    base = package.split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports(module: str) -> dict[str, int]:
    """The ``argmap`` modules that ``module`` imports, with the line of the first import of each."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: dict[str, int] = {}
    for node in _nodes(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                targets.append(submodule if submodule in MODULES else source)
        for target in targets:
            if target.split(".")[0] == "argmap" and target != module:
                found.setdefault(_known(target), node.lineno)
    return found


def _known(target: str) -> str:
    """The module a dotted name resolves to (its longest prefix that is a module)."""
    while target not in MODULES and "." in target:
        target = target.rpartition(".")[0]
    return target


GRAPH = {m: imports(m) for m in MODULES}


def _cycle() -> list[str] | None:
    """One import cycle, as the modules along it (first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(GRAPH.get(m, {})):
            if state.get(n) == 1:
                return [*path[path.index(n) :], n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(GRAPH):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_the_walk_sees_every_layer() -> None:
    assert {layer(m) for m in MODULES} == set(range(TOP + 1))
    assert "argmap.model.elements" in GRAPH["argmap.model.index"]
    assert "argmap.rendering.render" in GRAPH["argmap.cli.render"]


def test_lazy_imports_count_and_type_checking_ones_do_not() -> None:
    # argmap/__init__.py imports its API only for type checkers, the renderer for Jupyter lazily.
    assert "argmap.model" not in GRAPH["argmap"]
    assert "argmap.rendering.render" in GRAPH["argmap"]
    assert "argmap.cli" in GRAPH["argmap.__main__"]
    # The CLI loads its commands inside build_parser().
    assert {"argmap.cli.check", "argmap.cli.render"} <= set(GRAPH["argmap.cli"])


def test_no_import_cycles() -> None:
    cycle = _cycle()
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


@pytest.mark.parametrize("module", sorted(MODULES))
def test_nothing_imports_upward(module: str) -> None:
    upward = [
        f"{MODULES[module].relative_to(SRC)}:{line} imports {target}"
        for target, line in sorted(GRAPH[module].items())
        if layer(target) > layer(module)
    ]
    assert not upward, "imports a higher layer:\n" + "\n".join(upward)


def test_integrations_and_the_command_line_do_not_import_each_other() -> None:
    integrations = {m for m in MODULES if m.startswith("argmap.integrations")}
    cli = {m for m in MODULES if m.startswith("argmap.cli")}
    assert "argmap.integrations.sphinx" in GRAPH["argmap.sphinx"]
    assert integrations and cli
    crossing = [f"{m} imports {t}" for m in cli for t in GRAPH[m] if t in integrations]
    crossing += [f"{m} imports {t}" for m in integrations for t in GRAPH[m] if t in cli]
    assert crossing == []


def test_only_the_lsp_command_starts_the_language_server() -> None:
    server = {m for m in MODULES if m.startswith("argmap.lsp")}
    others = {m for m in MODULES if m.startswith(("argmap.cli", "argmap.integrations"))}
    assert "argmap.lsp.server" in GRAPH["argmap.cli.lsp"]
    crossing = [f"{m} imports {t}" for m in others - {"argmap.cli.lsp"} for t in GRAPH[m] if t in server]
    crossing += [f"{m} imports {t}" for m in server for t in GRAPH[m] if t in others]
    assert crossing == []


def test_commands_do_not_import_commands() -> None:
    commands = {f"argmap.cli.{name}" for name in ("check", "fmt", "render", "evaluate", "convert", "schema", "lsp")}
    crossing = {m: sorted(commands & set(GRAPH[m])) for m in commands if commands & set(GRAPH[m])}
    assert crossing == {}
