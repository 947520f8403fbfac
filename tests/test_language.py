"""The language's one table agrees with the grammar, and everything built from it round-trips.

A new statement kind, inference kind, attribute or terminal shows up here
without any test being edited: the elements below are built from the enums
and from the model's attribute fields.
"""

from __future__ import annotations

from functools import lru_cache

import attrs
import pytest
from lark import Lark

import argmap
from argmap.language import (
    HEADER_WORDS,
    INFERENCE_WORDS,
    KEYWORDS,
    RELATION_VERBS,
    RESERVED,
    TERMINALS,
    Form,
    InferenceKind,
    StatementKind,
    written,
)
from argmap.model import (
    Actor,
    ArgumentMap,
    Contradiction,
    Element,
    Inference,
    Preference,
    Source,
    Statement,
    attribute_fields,
)
from argmap.rendering.themes import SHAPES, THEMES, BoxStyle, Theme
from argmap.syntax.parser import grammar_path, parse
from argmap.syntax.values import SCHEMAS

# A value of each form that the printer must write and the parser read back.
SAMPLE: dict[Form, str | tuple[str, ...]] = {
    "ref": "someone",
    "name": "Argument from expert opinion",
    "text": 'A text with "quotes", a \\ and\na line break',
    "date": "2023-02-01",
    "url": "https://example.org/page?q=1",
    "list": ("food", "two words"),
    "number": "2",
}


@lru_cache(maxsize=1)
def _grammar() -> Lark:
    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", lexer="contextual")


def _every_attribute(cls: type) -> dict[str, str | tuple[str, ...]]:
    return {a.name: SAMPLE[a.form] for a in attribute_fields(cls)}


def _round_trip(*items: Element) -> ArgumentMap:
    m = ArgumentMap(items=items)
    text = argmap.dumps(m)
    parse(text)  # the grammar reads it
    back = argmap.loads(text)
    assert back == m, text
    return back


# -- the grammar and the table -----------------------------------------------


def test_grammar_terminals_are_the_table_terminals() -> None:
    grammar = {t.name: (t.pattern.type, t.pattern.value) for t in _grammar().terminals if not t.name.startswith("__")}
    table = {
        t.name: ("re", t.pattern) if t.pattern is not None else ("str", t.literal)
        for t in TERMINALS
        if t.name != "$END"
    }
    assert grammar == table


def test_every_terminal_has_words_for_error_messages() -> None:
    assert all(t.description for t in TERMINALS)
    assert len({t.name for t in TERMINALS}) == len(TERMINALS)


def test_reserved_words_are_the_keywords_that_start_an_item() -> None:
    by_terminal = {k.terminal: k.word for k in KEYWORDS}
    at_top = _grammar().parse_interactive("").accepts()
    assert {by_terminal[name] for name in at_top if name in by_terminal} == RESERVED
    parser = _grammar().parse_interactive('section "s" {')
    parser.exhaust_lexer()
    in_section = {by_terminal[name] for name in parser.accepts() if name in by_terminal}
    assert in_section == RESERVED - set(HEADER_WORDS)


def test_relation_verbs_follow_an_id() -> None:
    by_terminal = {k.terminal: k.word for k in KEYWORDS}
    parser = _grammar().parse_interactive("a")
    parser.exhaust_lexer()
    assert {by_terminal[name] for name in parser.accepts() if name in by_terminal} == set(RELATION_VERBS)


def test_a_keyword_read_where_no_id_can_come_is_read_only_as_a_whole_word() -> None:
    # Where an id can come, Lark reads `claimx` as an id; where none can (after
    # the first id of a relation), a keyword written as a plain string would
    # read the start of `supportst`.
    keywords = {t.name: t for t in TERMINALS if t.name in {k.terminal for k in KEYWORDS}}
    states = _grammar().parser.parser._parse_table.states.values()  # Lark's LALR table
    without_id = {name for actions in states if "ID" not in actions for name in actions if name in keywords}
    assert without_id == {k.terminal for k in KEYWORDS if not k.starts_item}
    for name in without_id:
        assert keywords[name].pattern == keywords[name].literal + r"(?![\w-])"


# -- every kind and every attribute round-trips --------------------------------


@pytest.mark.parametrize("kind", list(StatementKind), ids=lambda k: k.value)
def test_statement_of_every_kind_with_every_attribute_round_trips(kind: StatementKind) -> None:
    st = Statement(kind, "s1", "A statement.", **_every_attribute(Statement))  # type: ignore[arg-type]
    assert all(getattr(st, a.name) for a in attribute_fields(Statement))
    _round_trip(st)


@pytest.mark.parametrize("shorthand", [False, True], ids=["full", "shorthand"])
@pytest.mark.parametrize("kind", list(InferenceKind), ids=lambda k: k.value)
def test_inference_of_every_kind_with_every_attribute_round_trips(kind: InferenceKind, shorthand: bool) -> None:
    extra = {} if shorthand else {"id": "i1", "label": "A label"}
    inf = Inference(kind, ("p",), "t", shorthand=shorthand, **extra, **_every_attribute(Inference))  # type: ignore[arg-type]
    back = _round_trip(inf)
    text = argmap.dumps(back)
    word = INFERENCE_WORDS[kind].verb if shorthand else INFERENCE_WORDS[kind].keyword
    assert word in text.split()


@pytest.mark.parametrize("cls", [Source, Actor, Contradiction, Preference], ids=lambda c: c.__name__)
def test_declarations_and_contradictions_with_every_attribute_round_trip(cls: type) -> None:
    heads = [a.name for a in attrs.fields(cls) if not a.kw_only and "attribute" not in a.metadata]
    element = cls(*(f"x{i}" for i in range(len(heads))), **_every_attribute(cls))
    _round_trip(element)


def test_schemas_are_the_model_attribute_fields() -> None:
    assert SCHEMAS["statement"] == {a.name: a.form for a in attribute_fields(Statement)}
    assert set(SCHEMAS) == {"statement", "source", "actor", "inference", "contradiction", "preference", "scheme"}
    assert set(SAMPLE) == set(Form.__args__)  # type: ignore[attr-defined]


def test_an_attribute_of_the_wrong_form_is_reported_not_dropped() -> None:
    m = argmap.loads('claim c "C." { tags: x, note: [a, b], colour: red }\n')
    assert argmap.dumps(m) == 'claim c "C." { tags: [x], note: [a, b], colour: red }\n'
    codes = [(d.code, d.message) for d in argmap.validate(m) if d.code.startswith("E13")]
    assert codes == [
        ("E133", "`note` expects a single value, found a list"),
        ("E132", "unknown attribute `colour` for a statement"),
    ]


# -- words built from the table ------------------------------------------------


def test_written_inference_is_text_the_parser_reads() -> None:
    for kind in InferenceKind:
        for phrase in (
            written(kind, ("a", "b"), "t", "i1"),
            written(kind, ("a",), "t", short=True),
        ):
            text = 'claim a "A" claim b "B" claim t "T" argument i0: a => t\n' + phrase.strip("`").replace("i1", "i2")
            parse(text)


def test_explain_and_check_name_an_inference_as_it_is_written() -> None:
    m = argmap.loads('thesis t "T"\nobjection o "O"\no undercuts t\n')
    messages = [d.message for d in argmap.validate(m) if d.code == "E123"]
    assert messages == ["`o undercuts t` aims at `t`, which is a statement; undercuts aim at inferences and relations"]


# -- themes --------------------------------------------------------------------


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_theme_styles_every_kind(theme: str) -> None:
    t = THEMES[theme]
    assert set(t.statements) == set(StatementKind)
    assert set(t.junctions) == {"for", "against"}
    assert all(isinstance(t.junction(kind), BoxStyle) for kind in InferenceKind)
    assert set(t.kind_junctions) <= set(InferenceKind)


def test_junctions_are_coloured_by_polarity_unless_the_kind_has_its_own() -> None:
    default = THEMES["default"]
    assert default.junction(InferenceKind.SUPPORT) != default.junction(InferenceKind.ATTACK)
    assert default.junction(InferenceKind.ATTACK) == default.junctions["against"]
    assert default.junction(InferenceKind.UNDERCUT) == default.kind_junctions[InferenceKind.UNDERCUT]
    assert default.junction(InferenceKind.UNDERCUT) != default.junction(InferenceKind.ATTACK)
    with pytest.raises(ValueError, match="no junctions style for \\['against'\\]"):
        attrs.evolve(default, junctions={"for": default.junctions["for"]})


def test_every_statement_kind_has_a_shape() -> None:
    assert set(SHAPES) == set(StatementKind)


def test_a_theme_that_leaves_a_kind_out_is_refused() -> None:
    default = THEMES["default"]
    fewer = {k: v for k, v in default.statements.items() if k is not StatementKind.CLAIM}
    with pytest.raises(ValueError, match="no statements style for \\['claim'\\]"):
        attrs.evolve(default, statements=fewer)
    assert isinstance(default, Theme)
