"""The formats ``argmap convert`` reads and writes, known by name or by file extension.

Example:
    >>> format_of("debate.aif.json"), format_of("m.json"), format_of("m.ad"), format_of("m.txt")
    ('aif', 'json', 'argdown', None)
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.interchange import aif, argdown, json_form
from argmap.interchange.losses import Exported, Imported, Loss
from argmap.model import ArgumentMap
from argmap.syntax.loader import loads
from argmap.syntax.printer import dumps

#: Every format, by the name ``--from`` and ``--to`` take.
FORMATS = ("argmap", "json", "aif", "argdown")
#: File endings and their formats; the longest ending that matches wins.
EXTENSIONS = {
    ".argmap": "argmap",
    ".json": "json",
    ".aif.json": "aif",
    ".aif": "aif",
    ".argdown": "argdown",
    ".ad": "argdown",
}


def format_of(name: str) -> str | None:
    """The format a file name's ending says, or None."""
    lower = name.lower()
    endings = sorted((e for e in EXTENSIONS if lower.endswith(e)), key=len, reverse=True)
    return EXTENSIONS[endings[0]] if endings else None


def read(text: str, fmt: str, path: str | None = None) -> Imported:
    """The map in ``text`` written in format ``fmt``, and what reading it lost.

    Raises:
        ArgmapSyntaxError: the text is not valid in that format.
    """
    readers: dict[str, Callable[[str, str | None], Imported]] = {
        "argmap": lambda t, p: Imported(loads(t, p)),
        "json": lambda t, p: Imported(json_form.from_json(t, p)),
        "aif": aif.loads_aif,
        "argdown": argdown.loads_argdown,
    }
    return readers[fmt](text, path)


def write(m: ArgumentMap, fmt: str, *, with_dialogue: bool = False, spans: bool = False) -> Exported:
    """The map written in format ``fmt``, and what writing it lost.

    Args:
        m: the map.
        fmt: one of :data:`FORMATS`.
        with_dialogue: AIF only: also write who said what (L and YA nodes, locutions, participants).
        spans: argmap's JSON form only: also write where each element was written.
    """
    if fmt == "argmap":
        return Exported(dumps(m))
    comments = tuple(Loss("a comment", f"{fmt} has no comments", span) for span, _ in m.comments)
    if fmt == "json":
        return Exported(json_form.to_json(m, spans=spans), comments)
    out = argdown.dumps_argdown(m) if fmt == "argdown" else aif.dumps_aif(m, with_dialogue=with_dialogue)
    return Exported(out.text, comments + out.losses)
