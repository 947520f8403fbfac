"""Wall time and peak memory of `argmap render` to SVG on generated maps.

Usage:
    python benchmarks/bench_render.py [--sizes 100 1000 2000 5000] [--runs 3]

Each size is a map from ``benchmarks/generate.py --seed 1``. Every run is the
whole command, ``argmap render MAP -o MAP.svg`` (start-up, check, layout, DOT
and the layout engine). Printed per size: statements, nodes the engine lays
out, the layout settings used (full, or fast above the threshold), the median
wall time, the peak resident memory of the command (the larger of argmap and
its engine child, read with ``getrusage(RUSAGE_CHILDREN)`` in a fresh process
per run), the peak of argmap alone (``--format dot``: no engine), and the size
of the SVG. The article's map is measured too.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent

#: Runs a command in a fresh process and prints its wall time and the peak RSS
#: of its process tree (ru_maxrss of waited-for children, in KiB on Linux).
_PROBE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "peak_kib": peak, "rc": done.returncode, "stderr": done.stderr.decode()}))
"""


def argmap_command() -> list[str]:
    exe = shutil.which("argmap")
    return [exe] if exe else [sys.executable, "-m", "argmap"]


class Run(NamedTuple):
    wall: float
    peak_kib: int
    stderr: str


class Figures(NamedTuple):
    walls: list[float]
    peak_mib: float
    python_mib: float
    nodes: int
    fast: bool
    svg_mb: float


def probe(command: list[str]) -> Run:
    out = subprocess.run([sys.executable, "-c", _PROBE, *command], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result['stderr']}")
    return Run(float(result["wall"]), int(result["peak_kib"]), str(result["stderr"]))


def measure(path: Path, runs: int) -> Figures:
    svg = path.with_suffix(".svg")
    results = [probe([*argmap_command(), "render", str(path), "-o", str(svg)]) for _ in range(runs)]
    python_only = probe(
        [*argmap_command(), "render", str(path), "--format", "dot", "-o", str(path.with_suffix(".dot"))]
    )
    graph = subprocess.run(
        [*argmap_command(), "render", str(path), "--format", "json", "-o", "-"], capture_output=True, check=True
    ).stdout
    return Figures(
        walls=[r.wall for r in results],
        peak_mib=max(r.peak_kib for r in results) / 1024,
        python_mib=python_only.peak_kib / 1024,
        nodes=len(json.loads(graph)["nodes"]),
        fast="fast layout" in results[0].stderr,
        svg_mb=svg.stat().st_size / 1e6,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is reported (default 3)")
    args = parser.parse_args()
    print(
        f"{'map':>22} {'nodes':>6} {'layout':>6} {'wall s':>7} {'min-max s':>11} "
        f"{'peak MiB':>8} {'argmap MiB':>10} {'SVG MB':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "peace-talks.argmap"
        shutil.copy(HERE.parent / "maps" / "peace-talks.argmap", article)
        targets = [("article (peace-talks)", article)]
        for n in args.sizes:
            path = Path(tmp) / f"g{n}.argmap"
            with path.open("w", encoding="utf-8") as out:
                command = [sys.executable, str(HERE / "generate.py"), "--statements", str(n), "--seed", "1"]
                subprocess.run(command, stdout=out, check=True)
            targets.append((f"{n:,} statements", path))
        for label, path in targets:
            f = measure(path, args.runs)
            spread = f"{min(f.walls):.2f}-{max(f.walls):.2f}"
            print(
                f"{label:>22} {f.nodes:>6,} {'fast' if f.fast else 'full':>6} {statistics.median(f.walls):>7.2f} "
                f"{spread:>11} {f.peak_mib:>8.0f} {f.python_mib:>10.0f} {f.svg_mb:>6.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
