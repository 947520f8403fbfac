"""Running a helper program so that nothing of it outlives the drawing.

:func:`run_bounded` starts a program (the layout engine) and guarantees:

- **Its own process group** (``start_new_session``): on a time-out, an error, a
  flood of output or a signal to argmap (a :class:`BaseException` such as
  ``KeyboardInterrupt`` raised while it runs), the whole group is killed, so
  the program's own children go too; so are any it left behind when it ends.
- **It dies with its parent.** On Linux the program is started through a tiny
  Python launcher that asks the kernel to kill it when the thread that started
  it ends (``prctl(PR_SET_PDEATHSIG, SIGKILL)``, kept across ``exec``), then
  replaces itself with the program; so even a SIGKILL of argmap stops the
  program. No ``preexec_fn`` is used (it is unsafe when threads run). Where
  there is no ``prctl`` the program is started directly, and a SIGKILL of argmap
  leaves it running until it ends or its output pipe closes.
- **Bounded output**: standard output is read up to a limit (past it the
  program is killed and :class:`OutputFlood` raised); of standard error only
  the first :data:`ERRORS_MAX` bytes are kept.
- **A deadline**: :class:`Deadline` is one time limit for a whole drawing, our
  own stages included; the program gets what is left of it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from typing import IO

from attrs import field, frozen

#: Of the program's standard error, this many bytes are kept; the rest is read and dropped.
ERRORS_MAX = 64 * 1024
#: Marks the launcher's own report that the program could not be started.
EXEC_FAILED = b"\0argmap-exec-failed:"
_CHUNK = 1 << 16

# Run as `python -I -S -c LAUNCHER PARENT_PID PROGRAM ARGS...`: die with the parent, then become PROGRAM.
_LAUNCHER = """
import ctypes, os, sys
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, 9, 0, 0, 0)  # PR_SET_PDEATHSIG, SIGKILL
except Exception:
    pass
if os.getppid() != int(sys.argv[1]):
    os._exit(137)  # the parent died before the guard was set
try:
    os.execv(sys.argv[2], sys.argv[2:])
except OSError as exc:
    os.write(2, b"\\0argmap-exec-failed:" + (exc.strerror or str(exc)).encode())
    os._exit(127)
"""


class TimeLimit(Exception):
    """The program ran past the deadline and was killed."""


class OutputFlood(Exception):
    """The program wrote more than the limit and was killed."""


class CannotStart(Exception):
    """The program could not be started; the message says why."""


@frozen
class Deadline:
    """One time limit for a whole job, counted from its creation.

    Attributes:
        limit: seconds allowed, or None for no limit.
        start: when the clock started (:func:`time.monotonic`).
    """

    limit: float | None
    start: float = field(factory=time.monotonic)

    def remaining(self) -> float | None:
        """Seconds left (never below zero), or None without a limit."""
        if self.limit is None:
            return None
        return max(0.0, self.limit - (time.monotonic() - self.start))

    def passed(self) -> bool:
        """Whether the time is up."""
        left = self.remaining()
        return left is not None and left <= 0


@frozen
class Finished:
    """A program that ended by itself.

    Attributes:
        returncode: its exit code, or minus the signal that killed it.
        stdout: all it wrote to standard output.
        stderr: the first :data:`ERRORS_MAX` bytes it wrote to standard error.
    """

    returncode: int
    stdout: bytes
    stderr: bytes


def run_bounded(argv: Sequence[str], data: bytes, deadline: Deadline, limit: int) -> Finished:
    """Run ``argv`` with ``data`` on its standard input; see the module for the guarantees.

    Raises:
        CannotStart: the program cannot be started.
        TimeLimit: it ran past ``deadline``.
        OutputFlood: it wrote more than ``limit`` bytes.
    """
    try:
        proc = subprocess.Popen(
            _guarded(argv),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise CannotStart(exc.strerror or str(exc)) from None
    try:
        return _communicate(proc, data, deadline, limit)
    finally:
        if proc.returncode is None:  # stopped early: a limit, an error or a signal
            _kill_group(proc)


def _guarded(argv: Sequence[str]) -> list[str]:
    """The command line that starts ``argv`` so that it dies with this thread (on Linux)."""
    if sys.platform.startswith("linux") and sys.executable:
        return [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(os.getpid()), *argv]
    return list(argv)


def _communicate(proc: subprocess.Popen[bytes], data: bytes, deadline: Deadline, limit: int) -> Finished:
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    out = _Reader(proc.stdout, limit, keep_reading=False)
    err = _Reader(proc.stderr, ERRORS_MAX, keep_reading=True)
    feeder = threading.Thread(target=_feed, args=(proc.stdin, data), daemon=True)
    for thread in (out, err, feeder):
        thread.start()
    while not out.done.wait(_step(deadline)):
        if deadline.passed():
            raise TimeLimit
        if proc.poll() is not None:  # it ended, but something it started holds its output open
            _kill_group(proc)
            out.done.wait(1.0)
    if out.over:
        raise OutputFlood
    try:
        returncode = proc.wait(deadline.remaining())
    except subprocess.TimeoutExpired:
        raise TimeLimit from None
    _kill_group(proc)  # anything it left running
    err.join(1.0)
    stderr = err.data()
    if returncode == 127 and stderr.startswith(EXEC_FAILED):
        raise CannotStart(stderr[len(EXEC_FAILED) :].decode("utf-8", "replace"))
    return Finished(returncode, out.data(), stderr)


def _step(deadline: Deadline) -> float:
    left = deadline.remaining()
    return 0.25 if left is None else min(0.25, left)


def _feed(stream: IO[bytes], data: bytes) -> None:
    with contextlib.suppress(OSError, ValueError):  # the program stopped reading, or was killed
        stream.write(data)
    with contextlib.suppress(OSError, ValueError):
        stream.close()


class _Reader(threading.Thread):
    """Reads a pipe into memory up to ``limit`` bytes; ``done`` is set at its end or past the limit."""

    def __init__(self, stream: IO[bytes], limit: int, keep_reading: bool) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.limit = limit
        self.keep_reading = keep_reading
        self.chunks: list[bytes] = []
        self.size = 0
        self.over = False
        self.done = threading.Event()

    def run(self) -> None:
        try:
            while chunk := os.read(self.stream.fileno(), _CHUNK):
                if self.size + len(chunk) > self.limit:
                    self.over = True
                    if not self.keep_reading:
                        return
                    continue
                self.chunks.append(chunk)
                self.size += len(chunk)
        except (OSError, ValueError):
            pass
        finally:
            self.done.set()

    def data(self) -> bytes:
        return b"".join(self.chunks)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill the program's whole process group and collect the program.

    After the program has ended by itself this still kills what it left in its
    group; its id cannot have been reused while that group has members.
    """
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(5)
