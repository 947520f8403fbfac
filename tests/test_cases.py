"""One case file per diagnostic and per syntax error, expected output snapshotted.

Each file in ``cases/check`` is named after the code it demonstrates
(``E101-unknown-premise.argmap``); the test checks that the code is reported
and snapshots every diagnostic (code, place, message, hint). ``OK-*`` files
must produce no diagnostics at all. Each file in ``cases/syntax`` must fail
to parse with a plain-words message, snapshotted with its position.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from argmap.checks.report import to_dict

from .conftest import CASES

CHECK = sorted((CASES / "check").glob("*.argmap"))
SYNTAX = sorted((CASES / "syntax").glob("*.argmap"))


def _relative(d: dict[str, object]) -> dict[str, object]:
    """Paths relative to the cases folder, so snapshots do not depend on the checkout."""
    out = dict(d)
    for key in ("path",):
        if isinstance(out.get(key), str):
            out[key] = Path(str(out[key])).resolve().relative_to(CASES).as_posix()
    out["related"] = [_relative(r) for r in d.get("related", [])]  # type: ignore[union-attr]
    return out


@pytest.mark.parametrize("case", CHECK, ids=[p.stem for p in CHECK])
def test_check_case(case: Path, data_regression) -> None:
    diagnostics = argmap.validate(argmap.load(case))
    codes = {d.code for d in diagnostics}
    expected = set(re.findall(r"[EW]\d{3}", case.stem))
    if case.stem.startswith("OK"):
        assert diagnostics == []
    else:
        assert expected <= codes, f"{case.name} should report {expected}, got {codes}"
    data_regression.check([_relative(to_dict(d)) for d in diagnostics], basename=f"check-{case.stem}")


@pytest.mark.parametrize("case", SYNTAX, ids=[p.stem for p in SYNTAX])
def test_syntax_case(case: Path, data_regression) -> None:
    with pytest.raises(argmap.ArgmapSyntaxError) as caught:
        argmap.load(case)
    exc = caught.value
    assert exc.path == str(case)
    assert not re.search(r"\b[A-Z_]{3,}\b|\$END|Token\(", exc.message), "grammar jargon in the message"
    data_regression.check(
        {
            "line": exc.line,
            "column": exc.column,
            "end_column": exc.end_column,
            "message": exc.message,
            "hint": exc.hint,
        },
        basename=f"syntax-{case.stem}",
    )
