"""Stopping cleanly when argmap is told to stop.

SIGTERM and SIGHUP (a ``kill``, a closed terminal) raise :class:`Terminated`
in the main thread, as Ctrl-C raises ``KeyboardInterrupt``: on the way out
the layout engine's process group is killed and temporary files are removed
(:mod:`argmap.rendering.process`, :func:`argmap.fileio.write_atomic`), and
``argmap`` exits with 128 plus the signal number. :func:`die_with_parent`
makes a worker process end when the process that started it is killed.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from types import FrameType

#: The signals that stop argmap cleanly (Ctrl-C's SIGINT already raises KeyboardInterrupt).
STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):
    """argmap was told to stop by a signal (not an ``Exception``, so no handler of errors swallows it).

    Attributes:
        signum: the signal.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by signal {signum}")
        self.signum = signum


def raise_terminated(signum: int, _: FrameType | None = None) -> None:
    """A signal handler: raise :class:`Terminated`."""
    raise Terminated(signum)


@contextlib.contextmanager
def stopping_cleanly() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise :class:`Terminated`; the handlers before are restored after.

    A signal that is ignored (``nohup``) stays ignored; outside the main thread nothing changes.
    """
    previous = {}
    for sig in STOPPING:
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            if signal.getsignal(sig) == signal.SIG_DFL:
                previous[sig] = signal.signal(sig, raise_terminated)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def die_with_parent(signum: int) -> bool:
    """Ask the kernel to send ``signum`` to this process when its parent ends (Linux only).

    Returns:
        True when the request was made.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        pr_set_pdeathsig = 1
        return int(ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signum, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False
