"""Did-you-mean suggestions for misspelt ids and keys."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate, or None when nothing is close."""
    import difflib  # only needed when something is misspelt

    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"did you mean `{matches[0]}`?" if matches else None


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
