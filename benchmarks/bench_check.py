"""Wall time and peak memory of `argmap check` on generated maps.

Usage:
    python benchmarks/bench_check.py [--sizes 1000 10000 100000] [--runs 5]

Prints one row per size: statements, lines, megabytes, median wall seconds
(start-up included) and peak resident memory. The article's map is measured
too.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import measure

HERE = Path(__file__).resolve().parent


def argmap_command() -> list[str]:
    exe = shutil.which("argmap")
    return [exe] if exe else [sys.executable, "-m", "argmap"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'map':>24} {'lines':>8} {'MB':>6} {'wall s':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("article (peace-talks)", HERE.parent / "maps" / "peace-talks.argmap")]
        for n in args.sizes:
            path = Path(tmp) / f"g{n}.argmap"
            with path.open("w", encoding="utf-8") as out:
                subprocess.run(
                    [sys.executable, str(HERE / "generate.py"), "--statements", str(n)], stdout=out, check=True
                )
            targets.append((f"{n:,} statements", path))
        for label, path in targets:
            runs = args.runs if path.stat().st_size < 5_000_000 else max(1, args.runs // 2)
            wall, peak = measure([*argmap_command(), "check", str(path)], runs=runs)
            lines = path.read_text(encoding="utf-8").count("\n")
            print(f"{label:>24} {lines:>8,} {path.stat().st_size / 1e6:>6.1f} {wall:>8.2f} {peak:>9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
