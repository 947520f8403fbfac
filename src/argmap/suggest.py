"""Did-you-mean suggestions for misspelt ids and keys."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate, or None when nothing is close."""
    matches = close_matches(name, candidates, 1)
    return f"did you mean `{matches[0]}`?" if matches else None


def only_match(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``name`` surely meant: the one close match, or None when there are none or several.

    Example:
        >>> only_match("helth", ["health", "tea"]), only_match("helth", ["health", "wealth"])
        ('health', None)
    """
    matches = close_matches(name, candidates, 2)
    return matches[0] if len(matches) == 1 else None


def close_matches(name: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The candidates close enough to ``name`` to be what was meant, closest first.

    Example:
        >>> close_matches("helth", ["health", "wealth", "tea"])
        ['health', 'wealth']
    """
    return list(_close(name, tuple(candidates), n))


@lru_cache(maxsize=512)
def _close(name: str, candidates: tuple[str, ...], n: int) -> tuple[str, ...]:
    """:func:`close_matches`, remembered: a map often repeats one misspelling, and a language server re-checks it."""
    import difflib  # only needed when something is misspelt

    return tuple(difflib.get_close_matches(name, candidates, n=n, cutoff=0.6))


def suggestion(hint: str | None) -> str | None:
    """The name a did-you-mean hint proposes, or None for another kind of hint.

    Example:
        >>> suggestion(did_you_mean("tee", ["tea", "coffee"])), suggestion("include each file once")
        ('tea', None)
    """
    if hint is None or not (hint.startswith(_PREFIX) and hint.endswith(_SUFFIX)):
        return None
    name = hint[len(_PREFIX) : -len(_SUFFIX)]
    return name if "`" not in name else None


_PREFIX = "did you mean `"
_SUFFIX = "`?"
