"""Time a whole command: wall time, CPU time and peak memory of a fresh process."""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple


class Sample(NamedTuple):
    """One run of a command."""

    wall: float  #: seconds from start to exit
    cpu: float  #: user + system seconds of the process and the children it waited for
    peak_mib: float  #: the largest resident memory of the process or one of those children
    returncode: int  #: the exit code; negative (-9) when the run was killed at its timeout


def _kill_group(pid: int) -> None:
    """Kill the process group led by ``pid``, if it is still there."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run_once(command: Sequence[str], timeout: float | None = None, cwd: str | Path | None = None) -> Sample:
    """Run ``command`` once with its output discarded and measure it.

    The figures come from the kernel's own accounting for that child
    (``wait4``), which includes the children it waited for, so nothing else
    running on the machine is counted.

    Args:
        command: The program and its arguments.
        timeout: Seconds after which the command (its whole process group) is killed.
        cwd: The working directory of the command.

    Returns:
        The wall time, CPU time, peak memory and exit code of the run.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, start_new_session=True
    )
    timer = threading.Timer(timeout, _kill_group, (proc.pid,)) if timeout else None
    if timer:
        timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        if timer:
            timer.cancel()
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(wall, cpu, usage.ru_maxrss / 1024, proc.returncode)  # Linux reports KiB


def measure(command: Sequence[str], runs: int = 5, warmup: int = 1) -> tuple[float, float]:
    """Median wall seconds and the largest peak resident memory (MiB) of ``command``.

    Each run is a fresh process; its peak memory comes from the kernel's own
    accounting for that child (``wait4``), so nothing else is counted.
    """
    walls: list[float] = []
    peak = 0.0
    for i in range(warmup + runs):
        sample = run_once(command)
        if sample.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command)} exited with {sample.returncode}")
        if i >= warmup:
            walls.append(sample.wall)
            peak = max(peak, sample.peak_mib)
    return statistics.median(walls), peak
