"""Write ``docs/schemes.md`` from the catalogue, so the page never drifts from the data.

Run ``python -m argmap.schemes.document docs/schemes.md`` after editing
``catalogue.json``; a test fails while the page is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from argmap.fileio import write_atomic
from argmap.schemes.catalogue import Catalogue, Scheme, catalogue

_TYPES = {
    "premise": "premise: asks for a premise the argument states",
    "exception": "exception: names a case where the argument fails; whoever raises it must back it",
    "assumption": "assumption: asks for what the argument takes for granted; once asked, the arguer must back it",
}


#: How a map defines a scheme of its own (the language's words; see docs/language.md).
_MAP_DEFINED = [
    "## Schemes a map defines",
    "",
    "A map, or a shared file it includes, can define a scheme the catalogue lacks, and",
    "`scheme:` names it as it names one of the catalogue: its questions are listed by",
    "`argmap questions`, raised and answered with `raises:` and `answers:`, required with",
    "`check --require-questions` and doubted by `evaluate --doubt-open-questions`.",
    "",
    "```argmap",
    'scheme sunk_talks "Argument from sunk talks" {',
    '  reference: "The mediators\' handbook, ch. 3"',
    '  premise investment "Both sides have invested in the talks."',
    '  conclusion "The talks should go on."',
    '  question real premise "Was the investment real?"',
    '  question cheaper exception "Would walking away now cost less than going on?"',
    "}",
    "```",
    "",
    "A premise with a tag (`investment`) is looked for as the catalogue's tagged premises",
    "are (W214). The checker reports a key defined twice (E136), a question key given",
    "twice in one scheme (E137) and a question type other than the three above (E138).",
    "A map's scheme with the key of a catalogue scheme hides it in that map (W218).",
    "Converted to AIF, a map's schemes (and the catalogue schemes it uses) travel as scheme",
    "descriptors with their critical questions, and come back when the file is read again;",
    "Argdown cannot hold them (see [interchange](interchange.md)).",
    "[The language](language.md#schemes-a-map-defines) has the details.",
    "",
    "## The catalogue",
    "",
]


def markdown(cat: Catalogue | None = None) -> str:
    """The whole page as Markdown."""
    cat = cat or catalogue()
    lines = [
        "# Argumentation schemes",
        "",
        "<!-- Generated from src/argmap/schemes/catalogue.json by "
        "`python -m argmap.schemes.document docs/schemes.md`; do not edit by hand. -->",
        "",
        "Write a scheme's key as an inference's `scheme:` and argmap knows its critical questions:",
        "`argmap questions MAP` lists them, and an objection can say which one it raises",
        "(see [the language](language.md#schemes-and-critical-questions)).",
        "Each question has a type, in the sense of Carneades:",
        "",
        *(f"- **{text.split(':')[0]}**:{text.split(':', 1)[1]}" for text in _TYPES.values()),
        "",
        "`argmap questions MAP --matters` lists only the unasked exceptions and assumptions",
        "whose raising alone would change what stands, and what it would change",
        "(see [evaluation](evaluation.md#open-critical-questions)).",
        "",
        *_MAP_DEFINED,
        f"The catalogue has {len(cat.schemes)} schemes:",
        "",
        *(f"- [`{s.key}`](#{s.key.replace('_', '-')}): {s.name}" for s in cat.schemes),
        "",
    ]
    for scheme in cat.schemes:
        lines += _scheme(scheme)
    lines += ["## Works cited", ""]
    lines += [f"- {text}" for _, text in cat.references]
    return "\n".join(lines) + "\n"


def _scheme(s: Scheme) -> list[str]:
    out = [f"## {s.key.replace('_', '-')}", "", f"**{s.name}** (`scheme: {s.key}`)", ""]
    for p in s.premises:
        tag = f" *(tag a premise `{p.tag}`)*" if p.tag else ""
        out.append(f"- Premise: {p.text}{tag}")
    out += [f"- Conclusion: {s.conclusion}", "", "| Question | Type | Text |", "|---|---|---|"]
    out += [f"| `{q.key}` | {q.type} | {q.text} |" for q in s.questions]
    return [*out, "", f"Reference: {s.reference}", ""]


def main(argv: list[str] | None = None) -> int:
    """Write the page to the path given (or print it)."""
    args = sys.argv[1:] if argv is None else argv
    text = markdown()
    if not args:
        sys.stdout.write(text)
        return 0
    write_atomic(Path(args[0]), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
