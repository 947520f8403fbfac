"""Compare `argmap check` (or `argmap render`) with Argdown 1.7.5 on the same maps.

Usage:
    npm install --prefix benchmarks @argdown/cli@1.7.5
    python benchmarks/bench_vs_argdown.py [--sizes 1000 10000 100000] [--runs 5] [--argdown PATH]
    python benchmarks/bench_vs_argdown.py --render [--sizes 1000 2000 5000 10000] [--runs 3] [--timeout 600]
    python benchmarks/bench_vs_argdown.py --sizes 100000 --runs 3 --stack-size 60000

Each size is a map from ``benchmarks/generate.py --statements N --seed 1``,
and the article's map ``maps/peace-talks.argmap`` is measured too; every map
is converted with ``benchmarks/to_argdown.py``. The default compares
``argmap check MAP`` with ``argdown json MAP.argdown OUTDIR`` (both read,
parse and build the whole model; Argdown also writes it as JSON). ``--render``
compares ``argmap render MAP -o MAP.svg`` with ``argdown map -f svg MAP.argdown
OUTDIR`` (Argdown lays out with a Graphviz compiled to JavaScript).

The two commands run in turn (argmap, Argdown, argmap, Argdown...), each in a
fresh process, after ``--warmup`` unmeasured turns. Printed per map: the median
wall seconds, the median CPU seconds (user + system of the command and the
children it waited for, from ``wait4``), the largest peak resident memory, and
the argmap/Argdown ratios of wall and CPU time. A command that fails or runs
past ``--timeout`` is reported as such and not run again on that map.

Argdown 1.7.5's parser recurses once per top-level element, so on maps of
about 100,000 statements it stops with "Maximum call stack size exceeded"
(reported as ``exit 1``). ``--stack-size KB`` runs it as ``node
--stack-size=KB cli.js`` with the stack limit raised (``ulimit -s unlimited``),
which lets it finish.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from timing import Sample, run_once
from to_argdown import find_argdown

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent / "maps" / "peace-talks.argmap"
INSTALL = "npm install --prefix benchmarks @argdown/cli@1.7.5"


class Target(NamedTuple):
    """One map in both languages."""

    label: str
    argmap: Path
    argdown: Path


class Result(NamedTuple):
    """Medians of the measured runs of one command, or why there are none."""

    wall: float
    cpu: float
    peak_mib: float
    failure: str = ""


def argmap_command() -> list[str]:
    """The argmap command: the installed script, else ``python -m argmap``."""
    exe = shutil.which("argmap")
    return [exe] if exe else [sys.executable, "-m", "argmap"]


def argdown_command(argdown: str, stack_kb: int | None) -> list[str]:
    """The Argdown command, run by node with a larger stack when ``stack_kb`` is given."""
    if not stack_kb:
        return [argdown]
    node = shutil.which("node") or "node"
    script = str(Path(argdown).resolve())
    return ["sh", "-c", 'ulimit -s unlimited && exec "$@"', "sh", node, f"--stack-size={stack_kb}", script]


def convert(source: Path, folder: Path) -> Path:
    """Write ``folder/<name>.argdown`` converted from an argmap map and return its path."""
    out = folder / (source.stem + ".argdown")
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, str(HERE / "to_argdown.py"), str(source)], stdout=handle, check=True)
    return out


def prepare(sizes: list[int], folder: Path) -> list[Target]:
    """Generate a map for each size, convert it and the article's map to Argdown.

    Args:
        sizes: Statement counts of the generated maps.
        folder: Where the maps are written.

    Returns:
        The article's map, then one target per size.
    """
    targets = [Target("article (peace-talks)", ARTICLE, convert(ARTICLE, folder))]
    for n in sizes:
        path = folder / f"g{n}.argmap"
        with path.open("w", encoding="utf-8") as out:
            command = [sys.executable, str(HERE / "generate.py"), "--statements", str(n), "--seed", "1"]
            subprocess.run(command, stdout=out, check=True)
        targets.append(Target(f"{n:,} statements", path, convert(path, folder)))
    return targets


def commands(target: Target, argdown: list[str], render: bool, out: Path) -> tuple[list[str], list[str]]:
    """The argmap and Argdown commands for one map.

    Args:
        target: The map in both languages.
        argdown: The Argdown command (see :func:`argdown_command`).
        render: Draw SVG pictures instead of checking.
        out: A folder for the files the commands write.

    Returns:
        The argmap command and the Argdown command.
    """
    if render:
        svg = out / (target.argmap.stem + ".svg")
        return [*argmap_command(), "render", str(target.argmap), "-o", str(svg)], [
            *argdown,
            "map",
            "-f",
            "svg",
            str(target.argdown),
            str(out),
        ]
    return [*argmap_command(), "check", str(target.argmap)], [*argdown, "json", str(target.argdown), str(out)]


def summarize(samples: list[Sample], failure: str) -> Result:
    """Medians of wall and CPU time and the largest peak memory of some runs."""
    if failure or not samples:
        return Result(0.0, 0.0, 0.0, failure or "no runs")
    walls = [s.wall for s in samples]
    cpus = [s.cpu for s in samples]
    return Result(statistics.median(walls), statistics.median(cpus), max(s.peak_mib for s in samples))


def failure_of(sample: Sample, ok: Callable[[int], bool]) -> str:
    """Why a run does not count ('' when it does)."""
    if sample.returncode == -9:
        return "timeout"
    return "" if ok(sample.returncode) else f"exit {sample.returncode}"


def interleave(pair: tuple[list[str], list[str]], runs: int, warmup: int, timeout: float, cwd: Path) -> list[Result]:
    """Run two commands in turn and summarize each.

    Args:
        pair: The argmap command and the Argdown command.
        runs: Measured runs of each.
        warmup: Unmeasured runs of each before those.
        timeout: Seconds after which a run is killed.
        cwd: Working directory (a folder with no Argdown configuration file).

    Returns:
        The argmap result and the Argdown result.
    """
    samples: list[list[Sample]] = [[], []]
    failures = ["", ""]
    for turn in range(warmup + runs):
        for side, command in enumerate(pair):
            if failures[side]:
                continue
            sample = run_once(command, timeout=timeout, cwd=cwd)
            failures[side] = failure_of(sample, lambda rc: rc == 0)
            if turn >= warmup and not failures[side]:
                samples[side].append(sample)
    return [summarize(s, f) for s, f in zip(samples, failures, strict=True)]


def cells(result: Result) -> str:
    """Wall, CPU and memory columns of one command."""
    if result.failure:
        return f"{result.failure:>26}"
    return f"{result.wall:>8.2f} {result.cpu:>8.2f} {result.peak_mib:>8.0f}"


def ratio(a: float, b: float) -> str:
    """``a / b`` formatted, or a dash when either is missing."""
    return f"{a / b:>6.2f}" if a and b else f"{'-':>6}"


def row(label: str, mine: Result, theirs: Result) -> str:
    """One table row: both commands and the ratios of wall and CPU time."""
    return f"{label:>22} {cells(mine)}  {cells(theirs)}  {ratio(mine.wall, theirs.wall)} {ratio(mine.cpu, theirs.cpu)}"


def header(render: bool) -> str:
    """The two header lines of the table."""
    mine, theirs = ("argmap render", "argdown map -f svg") if render else ("argmap check", "argdown json")
    first = f"{'':>22} {mine:^26}  {theirs:^26}  {'argmap/argdown':^13}"
    units = f"{'wall s':>8} {'cpu s':>8} {'MiB':>8}"
    return f"{first}\n{'map':>22} {units}  {units}  {'wall':>6} {'cpu':>6}"


def versions(argdown: str) -> str:
    """The versions of argmap, Argdown and Node, for the record."""

    def ask(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True)
        return (done.stdout or done.stderr).strip().splitlines()[-1]

    node = shutil.which("node")
    return (
        f"{ask([*argmap_command(), '--version'])}, argdown {ask([argdown, '--version'])}, "
        f"node {ask([node, '--version']) if node else '?'}"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line; sizes, runs and warm-up default by mode."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--render", action="store_true", help="compare SVG rendering instead of checking")
    parser.add_argument("--sizes", type=int, nargs="+", help="statements per generated map")
    parser.add_argument("--runs", type=int, help="measured runs of each command (default 5, render 3)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs of each command first (default 1)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is killed (default 600)")
    parser.add_argument("--stack-size", type=int, help="run argdown with node --stack-size=KB (for huge maps)")
    parser.add_argument("--argdown", help="the argdown executable (default: benchmarks/node_modules, then PATH)")
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = [1000, 2000, 5000, 10000] if args.render else [1000, 10000, 100000]
    if args.runs is None:
        args.runs = 3 if args.render else 5
    return args


def main(argv: list[str] | None = None) -> int:
    """Prepare the maps, run the comparison and print the table."""
    args = parse_args(argv)
    argdown = find_argdown(args.argdown)
    if not argdown:
        print(f"argdown not found; install it with:\n    {INSTALL}", file=sys.stderr)
        return 2
    print(versions(argdown))
    stack = f"; argdown run with node --stack-size={args.stack_size}" if args.stack_size else ""
    print(f"{args.runs} runs after {args.warmup} warm-up, medians; MiB is the largest peak RSS{stack}\n")
    print(header(args.render), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for target in prepare(args.sizes, folder):
            out = folder / "out"
            out.mkdir(exist_ok=True)
            pair = commands(target, argdown_command(argdown, args.stack_size), args.render, out)
            mine, theirs = interleave(pair, args.runs, args.warmup, args.timeout, folder)
            print(row(target.label, mine, theirs), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
