"""Writing a model and reading it back gives the same model; fmt keeps meaning."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.model import ArgumentMap
from argmap.syntax.formatter import format_text

from .conftest import scaled
from .strategies import maps

SETTINGS = settings(max_examples=scaled(300))


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


@st.composite
def messy_texts(draw: st.DrawFn) -> tuple[ArgumentMap, str]:
    """A map written with random spacing, line breaks between tokens and comments."""
    m = draw(maps)
    lines = argmap.dumps(m).split("\n")
    out: list[str] = []
    for line in lines:
        if draw(st.booleans()):
            out.append("#" + draw(st.text(alphabet='abc #"{}', max_size=8)))
        pad = draw(st.sampled_from(["", " ", "\t", "   "]))
        spaced = line.replace(" ", draw(st.sampled_from([" ", "  ", "\t", " \n  "]))) if '"' not in line else line
        tail = "  # " + draw(st.text(alphabet="xyz{}", max_size=5)) if draw(st.booleans()) else ""
        out.append(pad + spaced + (tail if not spaced.rstrip().endswith("{") or tail == "" else ""))
        if draw(st.booleans()):
            out.append("")
    return m, "\n".join(out)


@SETTINGS
@given(messy_texts())
def test_fmt_of_messy_text_keeps_model_and_comments(case: tuple[ArgumentMap, str]) -> None:
    m, text = case
    before = argmap.loads(text)
    assert before == m, "spacing, line breaks and comments do not change the map"
    formatted = format_text(text)
    assert argmap.loads(formatted) == before
    comments = sorted(c for _, c in argmap.loads(text).comments)
    assert sorted(c for _, c in argmap.loads(formatted).comments) == comments
    assert format_text(formatted) == formatted


def test_reserved_word_after_plus_is_written_back() -> None:
    # After `+` only an id can follow, so `source` there is a premise, not the start of an item.
    text = 'claim e "E"\nargument a: e + source => e2\n'
    m = argmap.loads(text)
    assert next(m.inferences()).premises == ("e", "source")
    assert argmap.dumps(m) == text
    assert format_text(text) == text
