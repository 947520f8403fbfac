"""Text to model: the cached Lark parser and its errors in plain words.

The LALR parser runs the :class:`~argmap.transformer.Builder` inline, so the
model is built while parsing and no parse tree is ever made.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArgmapSyntaxError
from .syntax_errors import plain
from .transformer import Builder, Parsed

if TYPE_CHECKING:
    from lark import Lark

_HERE = Path(__file__).resolve().parent
_LOCK = threading.Lock()


def grammar_path() -> Path:
    """The grammar file: inside the installed package, or in a source checkout."""
    packaged = _HERE / "argmap.lark"
    if packaged.is_file():
        return packaged
    return _HERE.parents[1] / "grammar" / "argmap.lark"


@lru_cache(maxsize=1)
def _parser() -> tuple[Lark, Builder]:
    from lark import Lark

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
    from lark.exceptions import UnexpectedInput, VisitError

    if text.startswith("\ufeff"):
        text = text[1:]
    lark, builder = _parser()
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
