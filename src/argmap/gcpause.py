"""Pausing the cyclic garbage collector while large acyclic structures are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the block.

    Models, map graphs and evaluation graphs are made of many small objects
    with no reference cycles: nothing is left for the collector to find, yet
    without the pause it would scan the growing heap again and again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
