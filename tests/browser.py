"""A headless Chromium from the system packages, driven by Playwright (never a browser Playwright downloads).

Tests that need it take the ``browser`` fixture (see conftest); they skip, saying
why, only when Playwright or a Chromium cannot be had.
"""

from __future__ import annotations

import os
import shutil

#: Where Debian and Ubuntu put Chromium; ``ARGMAP_CHROMIUM`` names another.
CANDIDATES = ("chromium", "chromium-browser", "/usr/bin/chromium", "/usr/lib/chromium/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def installed(variable: str, candidates: tuple[str, ...]) -> str | None:
    """The browser binary named by the environment ``variable``, else the first candidate found; or None."""
    named = os.environ.get(variable)
    if named:
        return named if os.path.exists(named) else None
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def chromium() -> str | None:
    """The path of a Chromium binary, or None."""
    return installed("ARGMAP_CHROMIUM", CANDIDATES)
