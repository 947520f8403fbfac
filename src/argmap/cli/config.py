"""Project configuration: ``[tool.argmap]`` in ``pyproject.toml``, or an ``argmap.toml``.

The configuration of a map is the nearest file found by walking up from the
map's folder (from the current folder for standard input), as Ruff finds its
own: in each folder an ``argmap.toml`` comes first, then a ``pyproject.toml``
that has a ``[tool.argmap]`` table. ``--config PATH`` names the file instead;
``--isolated`` reads none. Options on the command line win over the file.

.. code-block:: toml

    [tool.argmap]
    select = ["E", "W2"]
    ignore = ["W203"]
    require-questions = ["expert_opinion", "witness_testimony"]

    [tool.argmap.per-file-ignores]
    "drafts/*.argmap" = ["W202"]

    [tool.argmap.render]
    theme = "dark"
    direction = "left"
    out-dir = "docs/maps"
    formats = ["svg", "png"]

    [tool.argmap.evaluate]
    semantics = "preferred"

In an ``argmap.toml`` the same keys stand at the top level (``[render]``...).
Every value is checked when the file is read; a mistake is reported with the
file, the line and the key.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any

from attrs import field, frozen

from argmap.model.diagnostics import CODES, Diagnostic
from argmap.rendering.options import FORMATS, RenderOptions
from argmap.suggest import did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

NAMES = ("argmap.toml", "pyproject.toml")
#: The keys of each table, and (for render and evaluate) the RenderOptions field each one sets.
TOP_KEYS = ("select", "ignore", "per-file-ignores", "require-questions", "render", "evaluate")
RENDER_KEYS: dict[str, str | None] = {"theme": "theme", "direction": "direction", "out-dir": None, "formats": None}
EVALUATE_KEYS = {"semantics": "semantics"}


class ConfigError(ValueError):
    """A configuration file that cannot be used: says the file, line and key."""


@frozen
class Config:
    """The settings read from one configuration file (or none: every field empty).

    Attributes:
        path: the file, or None when no file applies.
        select: codes, prefixes or names to report (empty: all).
        ignore: codes, prefixes or names not to report.
        per_file_ignores: ``(glob, codes)`` pairs; globs relative to the file's folder.
        render: RenderOptions settings (``theme``, ``direction``) by field name.
        out_dir: the folder pictures are written to, relative to the file's folder.
        formats: the formats ``argmap render`` writes when none is asked for.
        semantics: the semantics of ``argmap evaluate`` and ``render --evaluate``.
        require_questions: scheme keys (or ``all``) whose every critical question ``argmap check``
            reports while nobody has raised or answered it (W215), as ``--require-questions`` does.
    """

    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    render: Mapping[str, str] = field(factory=dict)
    out_dir: str | None = None
    formats: tuple[str, ...] = ()
    semantics: str | None = None
    require_questions: tuple[str, ...] = ()

    def ignored_in(self, d: Diagnostic) -> bool:
        """True when a per-file ignore covers this diagnostic's file and code."""
        if not self.per_file_ignores or self.path is None or d.span is None or d.span.path is None:
            return False
        try:
            where = Path(os.path.abspath(d.span.path)).relative_to(Path(os.path.abspath(self.path)).parent)
        except ValueError:
            return False
        posix = PurePosixPath(where.as_posix())
        return any(
            _glob_matches(posix, glob) and any(_covers(code, d) for code in codes)
            for glob, codes in self.per_file_ignores
        )

    def folder(self) -> Path:
        """The folder that relative paths in the file start from."""
        return Path(self.path).parent if self.path else Path(".")


NONE = Config()


def _glob_matches(path: PurePosixPath, glob: str) -> bool:
    return fnmatchcase(path.as_posix(), glob) or fnmatchcase(path.name, glob)


def _covers(code: str, d: Diagnostic) -> bool:
    return d.code.startswith(code) or d.name == code


def known_code(code: str) -> bool:
    """True for a code (``E101``), a prefix of codes (``E1``, ``W``) or a name (``unused-actor``)."""
    return any(c.code.startswith(code) or c.name == code for c in CODES.values())


def code_hint(code: str) -> str:
    """``; did you mean ...`` for an unknown code, or nothing."""
    hint = did_you_mean(code, [*CODES, *(c.name for c in CODES.values())])
    return f"; {hint}" if hint else ""


# -- The command line ----------------------------------------------------------------


def add_config_options(p: argparse.ArgumentParser) -> None:
    """``--config PATH`` and ``--isolated``."""
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--config", metavar="PATH", help="read settings from this pyproject.toml or argmap.toml instead of searching"
    )
    group.add_argument("--isolated", action="store_true", help="read no configuration file")


class Finder:
    """The configuration of each map, as the options ``--config`` and ``--isolated`` ask; files read once."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.explicit: str | None = getattr(args, "config", None)
        self.isolated: bool = bool(getattr(args, "isolated", False))
        self._by_folder: dict[Path, Path | None] = {}
        self._read: dict[Path, Config] = {}

    def for_map(self, name: str) -> Config:
        """The configuration of the map ``name`` (``-`` for standard input).

        Raises:
            ConfigError: the file that applies cannot be read or has a mistake.
        """
        if self.isolated:
            return NONE
        if self.explicit is not None:
            return self._load(Path(self.explicit), explicit=True)
        start = Path.cwd() if name == "-" else Path(os.path.abspath(name)).parent
        found = self._find(start)
        return NONE if found is None else self._load(found)

    def _find(self, folder: Path) -> Path | None:
        seen: list[Path] = []
        found: Path | None = None
        for current in (folder, *folder.parents):
            if current in self._by_folder:
                found = self._by_folder[current]
                break
            seen.append(current)
            found = _config_in(current)
            if found is not None:
                break
        for current in seen:
            self._by_folder[current] = found
        return found

    def _load(self, path: Path, explicit: bool = False) -> Config:
        if path not in self._read:
            self._read[path] = load(path, explicit)
        return self._read[path]


def _config_in(folder: Path) -> Path | None:
    """The configuration file of this folder, if it has one."""
    own = folder / "argmap.toml"
    if own.is_file():
        return own
    project = folder / "pyproject.toml"
    if project.is_file():
        try:
            text = project.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if "tool.argmap" in text or "[tool]" in text:  # cheap test first; parsed when loaded
            table = _parse(project, text).get("tool", {})
            if isinstance(table, dict) and "argmap" in table:
                return project
    return None


# -- Reading -------------------------------------------------------------------------


def load(path: Path, explicit: bool = False) -> Config:
    """Read and check one configuration file.

    Raises:
        ConfigError: it cannot be read, is not TOML, or a key or value is wrong.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read configuration {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    data = _parse(path, text)
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "argmap")
        tool = data.get("tool")
        table = tool.get("argmap") if isinstance(tool, dict) else None
        if table is None:
            if explicit:
                raise ConfigError(f"{path}: has no [tool.argmap] table")
            return Config(str(path))
        data = table
    return _Reader(path, text, prefix).config(data)


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return data


class _Reader:
    """Checks the values of one file, naming each mistake by file, line and key."""

    def __init__(self, path: Path, text: str, prefix: tuple[str, ...]) -> None:
        self.path, self.lines, self.prefix = path, text.split("\n"), prefix

    def config(self, data: Any) -> Config:
        self._table(data, (), TOP_KEYS)
        render = self._table(data.get("render", {}), ("render",), tuple(RENDER_KEYS))
        evaluate = self._table(data.get("evaluate", {}), ("evaluate",), tuple(EVALUATE_KEYS))
        settings: dict[str, str] = {}
        for key, value in render.items():
            name = RENDER_KEYS[key]
            if name is not None:
                settings[name] = self._text(value, ("render", key))
                self._option(("render", key), name, settings[name])
        semantics = None
        if "semantics" in evaluate:
            semantics = self._text(evaluate["semantics"], ("evaluate", "semantics"))
            self._option(("evaluate", "semantics"), "semantics", semantics)
        return Config(
            path=str(self.path),
            select=self._codes(data.get("select", []), ("select",)),
            ignore=self._codes(data.get("ignore", []), ("ignore",)),
            per_file_ignores=self._per_file(data.get("per-file-ignores", {})),
            render=settings,
            out_dir=self._text(render["out-dir"], ("render", "out-dir")) if "out-dir" in render else None,
            formats=self._formats(render.get("formats", [])),
            semantics=semantics,
            require_questions=self._scheme_keys(data.get("require-questions", [])),
        )

    def _table(self, value: Any, keys: tuple[str, ...], allowed: Sequence[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self._error(keys, "expected a table")
        for key in value:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or f"the keys are {', '.join(allowed)}"
                raise self._error((*keys, key), f"unknown key; {hint}")
        return value

    def _text(self, value: Any, keys: tuple[str, ...]) -> str:
        if not isinstance(value, str):
            raise self._error(keys, f"expected a string, found {value!r}")
        return value

    def _list(self, value: Any, keys: tuple[str, ...]) -> list[str]:
        if isinstance(value, str) or not isinstance(value, list):
            raise self._error(keys, f"expected a list of strings, found {value!r}")
        return [self._text(v, keys) for v in value]

    def _codes(self, value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
        codes = self._list(value, keys)
        for code in codes:
            if not known_code(code):
                raise self._error(keys, f"no diagnostic code or name matches `{code}`{code_hint(code)}")
        return tuple(codes)

    def _scheme_keys(self, value: Any) -> tuple[str, ...]:
        """Scheme keys or ``all``; whether a scheme has the key is known once the maps are read."""
        keys = self._list(value, ("require-questions",))
        for key in keys:
            if not key.strip() or any(ch.isspace() for ch in key):
                raise self._error(
                    ("require-questions",), f"`{key}` is not a scheme key (such as expert_opinion) or all"
                )
        return tuple(keys)

    def _per_file(self, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
        keys = ("per-file-ignores",)
        if not isinstance(value, dict):
            raise self._error(keys, "expected a table of glob = [codes]")
        return tuple((glob, self._codes(codes, (*keys, glob))) for glob, codes in value.items())

    def _formats(self, value: Any) -> tuple[str, ...]:
        formats = self._list(value, ("render", "formats"))
        for fmt in formats:
            if fmt not in FORMATS:
                raise self._error(("render", "formats"), f"unknown format `{fmt}`; choose from {', '.join(FORMATS)}")
        return tuple(formats)

    def _option(self, keys: tuple[str, ...], name: str, value: str) -> None:
        """Check a setting as RenderOptions checks it, so that both word a mistake alike."""
        try:
            given: dict[str, Any] = {name: value, "evaluate": name == "semantics"}
            RenderOptions(**given)
        except ValueError as exc:
            raise self._error(keys, str(exc)) from None

    def _error(self, keys: tuple[str, ...], message: str) -> ConfigError:
        dotted = ".".join(_key(k) for k in (*self.prefix, *keys))
        line = _line_of(self.lines, (*self.prefix, *keys))
        where = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{where}: {dotted}: {message}")


def _key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() else f'"{key}"'


def _line_of(lines: Iterable[str], keys: tuple[str, ...]) -> int | None:
    """The line where a key is set (best effort: a ``[table]`` header, then ``key =`` in it)."""
    table: tuple[str, ...] = ()
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if line.startswith("[") and not line.startswith("[["):
            table = tuple(part.strip().strip('"') for part in line.strip("[]").split("."))
            if table == keys:
                return number
            continue
        name = line.split("=", 1)[0].strip().strip('"')
        if "=" in line and (*table, *(p.strip().strip('"') for p in name.split("."))) == keys:
            return number
    return None
