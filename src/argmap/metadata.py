"""What the installed package says about itself: its version, written once in ``pyproject.toml``."""

from __future__ import annotations


def version() -> str:
    """The installed version of argmap, read from the package metadata.

    Example:
        >>> version() == __import__("importlib.metadata").metadata.version("argmap")
        True
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("argmap")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
