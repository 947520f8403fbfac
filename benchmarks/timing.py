"""Time a whole command: median wall time and peak memory over several runs."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence


def measure(command: Sequence[str], runs: int = 5, warmup: int = 1) -> tuple[float, float]:
    """Median wall seconds and the largest peak resident memory (MiB) of ``command``.

    Each run is a fresh process; its peak memory comes from the kernel's own
    accounting for that child (``wait4``), so nothing else is counted.
    """
    walls: list[float] = []
    peak = 0.0
    for i in range(warmup + runs):
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command)} exited with {proc.returncode}")
        if i >= warmup:
            walls.append(wall)
            peak = max(peak, usage.ru_maxrss / 1024)  # Linux reports KiB
    return statistics.median(walls), peak
