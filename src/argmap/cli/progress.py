"""A progress line on a terminal for renders that take more than about a second."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import TextIO

#: The line appears once drawing has taken this many seconds.
DELAY = 1.0
#: How often the line is redrawn, in seconds.
TICK = 0.25


class Progress:
    """``argmap: rendering 3/40 … 12 s`` (or ``rendering map.argmap … 4 s``) on one line of ``stream``.

    A thread redraws the line while the work runs, from :data:`DELAY` seconds
    on, so that a single long render shows it too. Output written inside
    :meth:`paused` clears the line first; :meth:`stop` clears it for good.
    """

    def __init__(self, stream: TextIO, total: int, name: str) -> None:
        self.stream = stream
        self.total = total
        self.name = name
        self.count = 0
        self.lock = threading.Lock()
        self._start = time.monotonic()
        self._shown = False
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="argmap-progress", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(TICK):
            with self.lock:
                if not self._stopped.is_set() and time.monotonic() - self._start >= DELAY:
                    self._draw()

    def _draw(self) -> None:
        done = f"{self.count}/{self.total}" if self.total > 1 else self.name
        seconds = int(time.monotonic() - self._start)
        self.stream.write(f"\r\x1b[Kargmap: rendering {done} … {seconds} s")
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def step(self) -> None:
        """One more map done."""
        with self.lock:
            self.count += 1

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Inside, the line is cleared and not redrawn: for other output, or for starting processes."""
        with self.lock:
            self._clear()
            yield

    def stop(self) -> None:
        """Stop redrawing and clear the line."""
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join()
        with self.lock:
            self._clear()
