"""Parsing alone, pure Lark against lark-cython, and the start-up of `argmap check`.

Usage:
    python benchmarks/bench_parse.py [--sizes 1000 10000 100000] [--runs 5]

Parsing: ``argmap.syntax.parser.Parser(cython=...).parse(text)`` on maps from
``benchmarks/generate.py --seed 1`` and on the article's map, in this process,
the two parsers taking turns; printed are the median CPU seconds of each and
their ratio. Start-up: ``argmap check`` of an empty map in a fresh process
(interpreter, imports, parse tables from the cache, output), median CPU and
wall seconds.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_check import argmap_command
from timing import run_once

from argmap.syntax.parser import Parser, user_cache_dir

HERE = Path(__file__).resolve().parent


def cpu_seconds(parser: Parser, text: str) -> float:
    """CPU seconds of one parse (not freeing the model), the collector run before and not during it."""
    gc.collect()
    start = time.process_time()
    parsed = parser.parse(text)
    seconds = time.process_time() - start
    del parsed
    return seconds


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    args.add_argument("--runs", type=int, default=5)
    opts = args.parse_args()
    parsers = {"pure Lark": Parser(cython=False, cache_dir=user_cache_dir())}
    try:
        parsers["lark-cython"] = Parser(cython=True, cache_dir=user_cache_dir())
    except ImportError:
        print("lark-cython is not installed: pure Lark only")
    with tempfile.TemporaryDirectory() as tmp:
        maps = {"article": (HERE.parent / "maps" / "peace-talks.argmap").read_text(encoding="utf-8")}
        for n in opts.sizes:
            generate = [sys.executable, str(HERE / "generate.py"), "--statements", str(n), "--seed", "1"]
            maps[f"{n:,} statements"] = subprocess.run(generate, capture_output=True, text=True, check=True).stdout
        print(f"parse only, median CPU seconds of {opts.runs}")
        for label, text in maps.items():
            times: dict[str, list[float]] = {name: [] for name in parsers}
            for _ in range(opts.runs):
                for name, parser in parsers.items():
                    times[name].append(cpu_seconds(parser, text))
            medians = {name: statistics.median(t) for name, t in times.items()}
            row = "  ".join(f"{name} {m:7.3f}" for name, m in medians.items())
            ratio = f"  ratio {medians['lark-cython'] / medians['pure Lark']:.2f}" if len(medians) == 2 else ""
            print(f"  {label:20} {row}{ratio}")
        empty = Path(tmp) / "empty.argmap"
        empty.write_text("", encoding="utf-8")
        samples = [run_once([*argmap_command(), "check", str(empty)]) for _ in range(opts.runs + 1)][1:]
        cpu = statistics.median(s.cpu for s in samples)
        wall = statistics.median(s.wall for s in samples)
        print(f"start-up: argmap check of an empty map, median of {opts.runs}: CPU {cpu:.3f} s, wall {wall:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
