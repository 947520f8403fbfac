"""Writing a model and reading it back gives the same model; fmt keeps meaning."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

import argmap
from argmap.formatter import format_text
from argmap.model import ArgumentMap

from .strategies import maps

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(maps)
def test_loads_dumps_round_trip(m: ArgumentMap) -> None:
    text = argmap.dumps(m)
    assert argmap.loads(text) == m


@SETTINGS
@given(maps)
def test_fmt_keeps_the_model_and_is_idempotent(m: ArgumentMap) -> None:
    text = argmap.dumps(m)
    once = format_text(text)
    assert argmap.loads(once) == m
    assert format_text(once) == once


def test_python_built_map_writes_and_reads_back() -> None:
    from argmap import Inference, Source, Statement, StatementKind

    rows = [("e1", "Sales rose 4% in May.", "report"), ("e2", "Costs fell.", "report")]
    m = ArgumentMap(
        title="From a spreadsheet",
        items=(
            Source("report", "Quarterly report", date="2024-06"),
            Statement(StatementKind.THESIS, "t", "The quarter went well."),
            *(Statement(StatementKind.EVIDENCE, i, text, source=src) for i, text, src in rows),
            Inference.support(("e1", "e2"), "t", id="results", scheme="sign"),
        ),
    )
    text = argmap.dumps(m)
    assert text.splitlines() == [
        'title "From a spreadsheet"',
        "",
        'source report "Quarterly report" { date: 2024-06 }',
        'thesis t "The quarter went well."',
        'evidence e1 "Sales rose 4% in May." { source: report }',
        'evidence e2 "Costs fell." { source: report }',
        "argument results: e1 + e2 => t { scheme: sign }",
    ]
    assert argmap.loads(text) == m
    assert argmap.validate(argmap.loads(text)) == []
