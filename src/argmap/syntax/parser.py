"""Text to model: the fast scanner, and the cached Lark parser behind it.

The grammar in ``grammar/argmap.lark`` defines the language and the Lark LALR
parser is its reference implementation: it runs the
:class:`~argmap.syntax.builder.Builder` inline, so the model is built while
parsing and no parse tree is made, and it reports every syntax error. Maps in
the usual one-item-per-line layout are first offered to
:mod:`argmap.syntax.fastparse`, which reads them several times faster and builds
exactly the same model; whatever it does not fully understand goes to Lark.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ArgmapSyntaxError
from argmap.gcpause import gc_paused
from argmap.syntax import fastparse
from argmap.syntax.parsed import Parsed

if TYPE_CHECKING:
    from lark import Lark

    from argmap.syntax.builder import Builder

_HERE = Path(__file__).resolve().parent
_LOCK = threading.Lock()


def grammar_path() -> Path:
    """The grammar file: inside the installed package, or in a source checkout."""
    packaged = _HERE / "argmap.lark"
    if packaged.is_file():
        return packaged
    return _HERE.parents[2] / "grammar" / "argmap.lark"


@lru_cache(maxsize=1)
def lark_parser() -> tuple[Lark, Builder]:
    """The Lark LALR parser with the builder inline, made once per process."""
    from lark import Lark

    from argmap.syntax.builder import Builder

    builder = Builder()
    lark = Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        lexer="contextual",
        transformer=builder,
        lexer_callbacks={"COMMENT": builder.comment},
    )
    return lark, builder


def parse(text: str, path: str | None = None) -> Parsed:
    """Parse .argmap text into items, header and comments.

    Raises:
        ArgmapSyntaxError: the text does not follow the grammar.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    with gc_paused():
        try:
            return fastparse.scan(text, path)
        except fastparse.Unsupported:
            return parse_with_lark(text, path)


def parse_with_lark(text: str, path: str | None = None) -> Parsed:
    """Parse with the reference parser only (the fast scanner is not tried).

    Raises:
        ArgmapSyntaxError: the text does not follow the grammar.
    """
    from lark.exceptions import UnexpectedInput, VisitError

    from argmap.syntax.messages import plain

    lark, builder = lark_parser()
    with _LOCK:
        builder.begin(path)
        try:
            lark.parse(text)
        except UnexpectedInput as exc:
            raise plain(exc, text, path) from None
        except VisitError as exc:
            if isinstance(exc.orig_exc, ArgmapSyntaxError):
                raise exc.orig_exc from None
            raise
        return builder.finish()
