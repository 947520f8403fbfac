"""``argmap check --fix``: put right the misspelt ids that have exactly one close match.

Only a diagnostic that carries a fix (:attr:`~argmap.model.diagnostics.Diagnostic.fix`:
an unknown statement, inference, source or actor with one candidate) is
applied, and only when the file still has an id at the diagnostic's place.
Nothing else in the file changes (it is not reformatted); each file is written
atomically, once, with all its fixes. A second run finds nothing to fix.
"""

from __future__ import annotations

import codecs
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from attrs import frozen

from argmap.errors import ArgmapFileError
from argmap.fileio import read_text, write_atomic
from argmap.language import is_id
from argmap.model.diagnostics import Diagnostic


@frozen
class Applied:
    """One fix made: where, what was written, and what is written now."""

    diagnostic: Diagnostic
    old: str
    new: str

    def __str__(self) -> str:
        d = self.diagnostic
        return f"fixed {d.span}: `{self.old}` -> `{self.new}` ({d.code})"


def fix_files(diagnostics: Iterable[Diagnostic]) -> tuple[list[Applied], list[str]]:
    """Apply every fix among ``diagnostics``, file by file.

    Returns:
        The fixes made, and a message for each file that could not be read or written.
    """
    by_file: dict[str, dict[tuple[int, int], Diagnostic]] = defaultdict(dict)
    for d in diagnostics:
        s = d.span
        if d.fix is not None and s is not None and s.path is not None and s.line == s.end_line:
            by_file[s.path].setdefault((s.line, s.column), d)  # a part included twice: one fix
    applied: list[Applied] = []
    problems: list[str] = []
    for path, fixes in by_file.items():
        try:
            made = _fix_file(path, list(fixes.values()))
        except (ArgmapFileError, OSError) as exc:
            problems.append(f"cannot fix {path}: {getattr(exc, 'strerror', None) or exc}")
            continue
        applied.extend(made)
    return applied, problems


def _fix_file(path: str, fixes: list[Diagnostic]) -> list[Applied]:
    """Apply the fixes to one file and write it once; the fixes whose place no longer holds an id are left."""
    text = read_text(path)
    bom = Path(path).read_bytes().startswith(codecs.BOM_UTF8)
    lines = text.split("\n")
    made: list[Applied] = []
    for d in sorted(fixes, key=lambda d: (d.span.line, d.span.column), reverse=True):  # type: ignore[union-attr]
        span, new = d.span, d.fix
        assert span is not None and new is not None
        if not 0 < span.line <= len(lines):
            continue
        line = lines[span.line - 1]
        old = line[span.column - 1 : span.end_column - 1]
        if not is_id(old) or old == new:
            continue
        lines[span.line - 1] = line[: span.column - 1] + new + line[span.end_column - 1 :]
        made.append(Applied(d, old, new))
    if made:
        write_atomic(path, ("\ufeff" if bom else "") + "\n".join(lines))
    return sorted(made, key=lambda a: a.diagnostic.sort_key())


def report(applied: list[Applied], problems: list[str]) -> None:
    """Say each fix made (and each file that could not be fixed) on standard error."""
    for fix in applied:
        print(fix, file=sys.stderr)
    for problem in problems:
        print(f"argmap: error: {problem}", file=sys.stderr)
