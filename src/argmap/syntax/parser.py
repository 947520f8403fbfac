"""Text to model: the Lark LALR parser of ``grammar/argmap.lark``, made once per process.

The grammar is the one definition of the language and Lark its only parser.
The parser runs the :class:`~argmap.syntax.builder.Builder` inline, so the
model is built while parsing and no parse tree is made. lark-cython, when it
is installed, makes Lark's lexer and parser loop about twice as fast; set
``ARGMAP_PURE_LARK=1`` to use pure Lark anyway. Both read exactly the same
language and build the same model.

Building the parse tables takes longer than reading a small map, so they are
cached between runs (see :func:`cache_file`).
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ArgmapSyntaxError
from argmap.gcpause import gc_paused
from argmap.syntax.parsed import Parsed

if TYPE_CHECKING:
    from lark import Lark

    from argmap.syntax.builder import Builder

_HERE = Path(__file__).resolve().parent
#: Set to a non-empty value other than ``0`` to use pure Lark even when lark-cython is installed.
PURE_LARK_VARIABLE = "ARGMAP_PURE_LARK"


def grammar_path() -> Path:
    """The grammar file: inside the installed package, or in a source checkout."""
    packaged = _HERE / "argmap.lark"
    if packaged.is_file():
        return packaged
    return _HERE.parents[2] / "grammar" / "argmap.lark"


class Parser:
    """One Lark parser with its builder; parses one text at a time."""

    def __init__(self, cython: bool, cache_dir: Path | None) -> None:
        """Make the parser.

        Args:
            cython: use lark-cython's lexer and parser (it must be installed).
            cache_dir: a folder for the parse tables, or None for no cache;
                it is only used if :func:`cache_file` finds it safe.
        """
        from lark import Lark

        from argmap.syntax.builder import Builder

        grammar = grammar_path().read_text(encoding="utf-8")
        self.builder: Builder = Builder()
        self.cython = cython
        options: dict[str, Any] = {}
        if cython:
            import lark_cython

            options["_plugins"] = lark_cython.plugins
        self.lark: Lark = _cached(
            cache_file(cache_dir, grammar),
            lambda cache: Lark(
                grammar,
                parser="lalr",
                lexer="contextual",  # `date:` in an attribute block is a key, not the header keyword
                transformer=self.builder,
                lexer_callbacks={"COMMENT": self.builder.comment},
                propagate_positions=False,
                maybe_placeholders=False,
                cache=cache,
                **options,
            ),
        )
        self._lock = threading.Lock()

    def parse(self, text: str, path: str | None = None) -> Parsed:
        """Parse .argmap text (a leading byte-order mark is skipped).

        Raises:
            ArgmapSyntaxError: the text does not follow the grammar.
        """
        from lark.exceptions import UnexpectedInput, VisitError

        from argmap.syntax.messages import plain

        if text.startswith("\ufeff"):
            text = text[1:]
        with self._lock, gc_paused():
            self.builder.begin(path)
            try:
                self.lark.parse(text)
            except UnexpectedInput as exc:
                raise plain(exc, text, path) from None
            except VisitError as exc:  # pure Lark wraps the builder's errors; lark-cython does not
                if isinstance(exc.orig_exc, ArgmapSyntaxError):
                    raise exc.orig_exc from None
                raise
            finally:
                parsed = self.builder.finish()
            return parsed


def cython_available() -> bool:
    """Whether lark-cython is installed and not turned off by ``ARGMAP_PURE_LARK``."""
    if os.environ.get(PURE_LARK_VARIABLE, "") not in ("", "0"):
        return False
    try:
        import lark_cython  # noqa: F401
    except ImportError:
        return False
    return True


def user_cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/argmap``, else ``~/.cache/argmap``; None without a home."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = os.path.join(Path.home(), ".cache")
        except RuntimeError:
            return None
    return Path(base) / "argmap"


@lru_cache(maxsize=1)
def parser() -> Parser:
    """The process's parser: lark-cython if available, tables cached for the user."""
    return Parser(cython_available(), user_cache_dir())


def parse(text: str, path: str | None = None) -> Parsed:
    """Parse .argmap text into items, header and comments.

    Raises:
        ArgmapSyntaxError: the text does not follow the grammar.
    """
    return parser().parse(text, path)


# -- the cache of parse tables ----------------------------------------------


def cache_file(cache_dir: Path | None, grammar: str) -> Path | None:
    """The file for cached parse tables in ``cache_dir``, or None when it is not safe to use.

    Lark's cache is a pickle, and loading a pickle runs code, so the file is
    only used if nobody else can have written it: the folder (made ``0700``
    if missing) and the file must belong to the current user and be writable
    by nobody else, and the folder above must not be writable by others. The
    name holds the versions of Lark and Python and a hash of the grammar; Lark
    also checks a hash of the grammar and its options inside the file.
    """
    if cache_dir is None or not hasattr(os, "getuid"):
        return None  # no home, or no owners to check (Windows): no cache
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not (_private(cache_dir, stat.S_ISDIR, 0o077) and _private(cache_dir.parent, stat.S_ISDIR, 0o022)):
            return None
        from lark import __version__ as lark_version

        digest = hashlib.sha256(grammar.encode("utf-8")).hexdigest()[:16]
        path = cache_dir / f"grammar-{lark_version}-py{sys.version_info[0]}{sys.version_info[1]}-{digest}.lark"
        if path.exists() or path.is_symlink():
            return path if _private(path, stat.S_ISREG, 0o022) else None
        return path
    except OSError:
        return None


def _private(path: Path, kind: Any, forbidden: int) -> bool:
    """Whether ``path`` is of ``kind``, not a link, ours (or root's), with no ``forbidden`` mode bits."""
    st = os.lstat(path)
    return bool(kind(st.st_mode)) and st.st_uid in (os.getuid(), 0) and not st.st_mode & forbidden


def _cached(path: Path | None, make: Any) -> Lark:
    """``make(cache)`` with Lark's cache at ``path``; a new cache file is made readable by its owner only."""
    if path is None:
        return make(False)  # type: ignore[no-any-return]
    try:
        # Lark writes the file with the default permissions: make it first, private.
        # (Lark also hashes the path, so the tables cannot be written elsewhere and moved.)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
    except FileExistsError:
        pass
    except OSError:
        return make(False)  # type: ignore[no-any-return]
    return make(str(path))  # type: ignore[no-any-return]
