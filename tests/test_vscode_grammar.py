"""The VS Code extension's TextMate grammars are generated from the language table, and committed up to date."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

from argmap.language import KEYWORDS

GENERATOR = Path(__file__).resolve().parents[1] / "editors" / "vscode" / "syntaxes" / "generate.py"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vscode_grammar", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_grammars_are_the_generated_ones() -> None:
    gen = generator()
    again = "run python editors/vscode/syntaxes/generate.py"
    assert gen.GRAMMAR.read_text(encoding="utf-8") == gen.text(gen.grammar()), again
    assert gen.MARKDOWN.read_text(encoding="utf-8") == gen.text(gen.markdown()), again


def test_every_keyword_of_the_language_is_highlighted_as_its_role() -> None:
    gen = generator()
    patterns = json.loads(gen.GRAMMAR.read_text(encoding="utf-8"))["repository"]["value"]["patterns"]
    for k in KEYWORDS:
        matching = [p["name"] for p in patterns if "match" in p and re.fullmatch(p["match"], k.word)]
        assert matching[:1] == [gen.SCOPES[k.role]], k.word


def test_a_keyword_inside_an_id_is_part_of_the_id() -> None:
    gen = generator()
    patterns = json.loads(gen.GRAMMAR.read_text(encoding="utf-8"))["repository"]["value"]["patterns"]
    keywords = [p for p in patterns if p.get("name") in gen.SCOPES.values()]
    for word in ("claimant", "my-claim", "thesis2", "sourced"):
        assert not any(re.fullmatch(p["match"], word) for p in keywords), word


def test_the_extension_declares_both_grammars_and_the_preview() -> None:
    manifest = json.loads((GENERATOR.parents[1] / "package.json").read_text(encoding="utf-8"))
    paths = {g["scopeName"]: g["path"] for g in manifest["contributes"]["grammars"]}
    assert paths == {
        "source.argmap": "./syntaxes/argmap.tmLanguage.json",
        "markdown.argmap.codeblock": "./syntaxes/argmap.markdown.tmLanguage.json",
    }
    assert [c["command"] for c in manifest["contributes"]["commands"]] == ["argmap.preview"]


def test_the_markdown_injection_opens_on_argmap_fences_only() -> None:
    gen = generator()
    fence = json.loads(gen.MARKDOWN.read_text(encoding="utf-8"))["repository"]["fence"]
    opens = re.compile(fence["begin"].replace("\\G", "^"))  # Oniguruma's \G: where the last match ended
    for line in ("```argmap", "~~~ argmap", "```ARGMAP {.numbered}", "  ````argmap title=tea"):
        assert opens.match(line), line
    for line in ("```python", "```argmapx", "``argmap", "text ```argmap"):
        assert not opens.match(line), line
