"""Finding the map files named on the command line, and reading them."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from argmap.errors import ArgmapFileError
from argmap.fileio import read_text

STDIN = "-"


def expand(paths: Iterable[str], empty: list[str] | None = None) -> Iterator[tuple[str, bool]]:
    """``(file, named)`` for files named directly (``named`` true) and for ``*.argmap``
    files found under named folders (sorted).

    A missing path is passed on as it is, so that reading it reports the problem.

    Args:
        paths: the files and folders named on the command line.
        empty: when given, the named folders that hold no map are appended to it.
    """
    for name in paths:
        path = Path(name)
        if name != STDIN and path.is_dir():
            maps = list(_maps_in(name))
            if not maps and empty is not None:
                empty.append(name)
            yield from ((found, False) for found in maps)
        else:
            yield name, True


def _maps_in(name: str) -> Iterator[str]:
    """The ``*.argmap`` files under a folder, sorted, links that lead outside it skipped (and said so)."""
    path = Path(name)
    root = Path(os.path.realpath(path))
    for found in sorted(path.rglob("*.argmap")):
        if not found.is_file():
            continue
        if not Path(os.path.realpath(found)).is_relative_to(root):
            error(f"{found}: skipped, a link to a file outside {name} (name it directly to read it)")
            continue
        yield str(found)


def no_maps(folders: Iterable[str]) -> int:
    """Say that each of these named folders holds no map; return how many there were.

    A command pointed at the wrong folder must not pass as if all was well.
    """
    count = 0
    for folder in folders:
        error(f"no maps (*.argmap files) in {folder}")
        count += 1
    return count


def included_elsewhere(name: str, named: bool, included: set[str]) -> bool:
    """True for a file found in a folder that another map includes: it is a part, not a map."""
    return not named and name != STDIN and os.path.realpath(name) in included


def read(name: str) -> str:
    """The text of a file, or of standard input for ``-``.

    Raises:
        ArgmapFileError: the file cannot be read or is not UTF-8.
    """
    if name != STDIN:
        return read_text(name)
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ArgmapFileError("<stdin>", "not UTF-8 text") from None
    return text[1:] if text.startswith("\ufeff") else text


def error(message: str) -> None:
    """Print a usage or file error the way argparse does."""
    print(f"argmap: error: {message}", file=sys.stderr)
