"""Time evaluation beyond parsing, and critical points, on generated maps.

Usage:
    python benchmarks/bench_evaluate.py [--sizes 10000 100000] [--critical 1000 10000]
                                        [--search 10000 100000] [--runs 5] [--command]
                                        [--preferences 10000 100000] [--chain 10000]
                                        [--critical-preferences 10000]

Each size is a map from ``benchmarks/generate.py --seed 1``, read once. Then,
per run and in the same process:

- grounded: ``argmap.evaluate(m)`` on the map with its caches cleared, so the
  id index is built again (it is part of the cost beyond parsing);
- preferred and stable: ``argmap.evaluate(m, semantics)``, likewise;
- critical: ``argmap.evaluate(m)`` and ``Evaluation.critical(t)`` for every
  thesis ``t``.

- preferences: the map from ``generate.py --preferences`` (the same map
  plus ranks and ``outweighs`` lines), ``argmap.evaluate(m)`` building and
  weighing the ASPIC+ arguments, side by side with the yardstick: the bare
  grounded labelling of the same map without its ranks and ``outweighs``
  lines (``generate.py`` without ``--preferences``), the two taking turns
  in the same run;
- critical with preferences: ``argmap.evaluate(m)`` and
  ``Evaluation.critical(t)`` for every thesis of the map from ``generate.py
  --preferences`` (statements, inferences, parties, ``outweighs`` lines and
  the rank comparisons that decide attacks all tried), beside the same
  yardstick: the bare grounded labelling of the map without preferences;
- chain: a thesis under a chain of ``n`` undercuts, each objection ranked
  and one attack on the thesis that a preference defeats;
  ``argmap.evaluate(m)`` and ``Evaluation.critical("t")`` (every statement,
  inference and preference tried), with and without the ranks.

Printed per size: statements, nodes of the compiled graph, the median and
the range of the runs, and how the statuses came out. The article's map is
measured under all three semantics. ``--command`` also times the whole
``argmap evaluate MAP --format json`` command (start-up, parsing, checking).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import measure

import argmap
from argmap.model import ArgumentMap

HERE = Path(__file__).resolve().parent


def generated(folder: Path, statements: int, preferences: bool = False) -> Path:
    """A map from generate.py with this many statements (and ranks and outweighs lines)."""
    path = folder / f"g{statements}{'p' if preferences else ''}.argmap"
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            command = [sys.executable, str(HERE / "generate.py"), "--statements", str(statements), "--seed", "1"]
            subprocess.run([*command, *(["--preferences"] if preferences else [])], stdout=out, check=True)
    return path


def timed(work: Callable[[], object], runs: int) -> list[float]:
    """Wall seconds of ``runs`` calls of ``work``."""
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        walls.append(time.perf_counter() - start)
    return walls


def fresh(m: ArgumentMap) -> ArgumentMap:
    """The map with its derived data (index, evaluations) dropped."""
    m.cache.clear()
    return m


def grounded(m: ArgumentMap) -> argmap.Evaluation:
    return argmap.evaluate(fresh(m))


def critical(m: ArgumentMap) -> int:
    ev = argmap.evaluate(fresh(m))
    return sum(len(ev.critical(t)) for t in ev.theses())


def chain(n: int, ranked: bool) -> ArgumentMap:
    """A thesis under a chain of ``n`` undercuts; ranked: each objection ranked, an attack a preference defeats."""
    rank = (lambda i: f" {{ rank: {1 + i % 3} }}") if ranked else (lambda i: "")
    lines = ['thesis t "T"', f'evidence e "E"{rank(0)}', "argument r0: e => t"]
    for i in range(1, n + 1):
        lines += [f'objection o{i} "Objection {i}."{rank(i)}', f"undercut r{i}: o{i} => r{i - 1}"]
    if ranked:
        lines += ['objection z "Z"', "attack x: z => t", "r0 outweighs x"]
    return argmap.loads("\n".join(lines))


def chain_critical(m: ArgumentMap) -> int:
    return len(argmap.evaluate(fresh(m)).critical("t"))


def critical_with_preferences(folder: Path, n: int, runs: int) -> None:
    """Critical points of every thesis of the map with preferences, beside the bare labelling without them."""
    m = argmap.load(generated(folder, n, preferences=True))
    plain = argmap.load(generated(folder, n))
    found = critical(m)
    kinds: dict[str, int] = {}
    ev = argmap.evaluate(m)
    for t in ev.theses():
        for point in ev.critical(t):
            kinds[point.kind] = kinds.get(point.kind, 0) + 1
    walls_bare, walls, cpu_bare, cpu = [], [], [], []
    for _ in range(runs):  # taking turns, so that the load of the machine falls on both alike
        start_cpu = time.process_time()
        walls_bare += timed(lambda: grounded(plain), 1)
        cpu_bare.append(time.process_time() - start_cpu)
        start_cpu = time.process_time()
        walls += timed(lambda: critical(m), 1)
        cpu.append(time.process_time() - start_cpu)
    ratio = statistics.median(walls) / statistics.median(walls_bare)
    cpu_ratio = statistics.median(cpu) / statistics.median(cpu_bare)
    note = f"yardstick: the same map without preferences, grounded; CPU {statistics.median(cpu_bare):.3f} s"
    row(f"{n:,} statements", "bare", walls_bare, note)
    spread = ", ".join(f"{k} {kind}" for kind, k in sorted(kinds.items()))
    note = f"{found} critical points ({spread}) for {len(ev.theses())} theses; CPU {statistics.median(cpu):.1f} s"
    row(f"{n:,} with preferences", "critical", walls, f"{note}; {ratio:.0f}x (CPU {cpu_ratio:.0f}x) the yardstick")


def row(label: str, what: str, walls: list[float], note: str) -> None:
    median = statistics.median(walls)
    print(f"{label:>24} {what:>10} {median:>9.3f} {min(walls):>7.3f}-{max(walls):<7.3f} {note}")


def commands(folder: Path, args: argparse.Namespace) -> None:
    """Time the whole ``argmap evaluate`` command (start-up, parsing, checking, output)."""
    exe = shutil.which("argmap")
    command = [exe] if exe else [sys.executable, "-m", "argmap"]
    for n in sorted({*args.sizes, *args.critical}):
        path = generated(folder, n)
        for extra in ([], ["--critical"]):
            if extra and n not in args.critical:
                continue
            wall, peak = measure([*command, "evaluate", str(path), "--format", "json", *extra], runs=3)
            what = "argmap evaluate" + (" --critical" if extra else "")
            print(f"{n:>8,} statements, {what}: {wall:.2f} s (median of 3), peak {peak:.0f} MiB")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000, 100000], help="grounded evaluation")
    parser.add_argument("--critical", type=int, nargs="*", default=[1000, 10000], help="critical points")
    parser.add_argument("--search", type=int, nargs="*", default=[10000, 100000], help="preferred and stable semantics")
    parser.add_argument("--preferences", type=int, nargs="*", default=[10000, 100000], help="with preferences")
    parser.add_argument("--chain", type=int, nargs="*", default=[10000], help="critical points on a chain")
    parser.add_argument(
        "--critical-preferences", type=int, nargs="*", default=[10000], help="critical points with preferences"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--command", action="store_true", help="also time the whole argmap evaluate command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.command:  # first: a child forked from a process holding a big map would count its memory
            commands(folder, args)
        print(f"{'map':>24} {'what':>10} {'median s':>9} {'range s':>15} result")
        article = argmap.load(HERE.parent / "maps" / "peace-talks.argmap")
        for semantics in ("grounded", "preferred", "stable"):
            walls = timed(lambda s=semantics: argmap.evaluate(fresh(article), s), args.runs)  # type: ignore[misc]
            row("article (peace-talks)", semantics, walls, "")
        walls = timed(lambda: critical(article), args.runs)
        row("article (peace-talks)", "critical", walls, f"{critical(article)} critical points for 2 theses")
        for n in args.sizes:
            path = generated(folder, n)
            start = time.perf_counter()
            m = argmap.load(path)
            parse = time.perf_counter() - start
            ev = grounded(m)
            counts = ", ".join(f"{k} {status.name}" for status, k in ev.counts().items())
            walls = timed(lambda m=m: grounded(m), args.runs)  # type: ignore[misc]
            note = f"{len(ev.graph):,} nodes; {counts}; parsing took {parse:.1f} s"
            row(f"{n:,} statements", "grounded", walls, note)
            del m, ev
        for n in args.search:
            m = argmap.load(generated(folder, n))
            for semantics in ("preferred", "stable"):
                ev = argmap.evaluate(m, semantics)
                walls = timed(lambda m=m, s=semantics: argmap.evaluate(fresh(m), s), args.runs)  # type: ignore[misc]
                note = f"10^{len(str(ev.extensions)) - 1} extensions"
                row(f"{n:,} statements", semantics, walls, note)
            del m, ev
        for n in args.preferences:
            path = generated(folder, n, preferences=True)
            start = time.perf_counter()
            m = argmap.load(path)
            parse = time.perf_counter() - start
            plain = argmap.load(generated(folder, n))
            ev = grounded(m)
            counts = ", ".join(f"{k} {status.name}" for status, k in ev.counts().items())
            walls_bare, walls, cpu_bare, cpu = [], [], [], []
            for _ in range(args.runs):  # taking turns, so that the load of the machine falls on both alike
                for work, wall_list, cpu_list in ((plain, walls_bare, cpu_bare), (m, walls, cpu)):
                    start_cpu = time.process_time()
                    wall_list += timed(lambda work=work: grounded(work), 1)  # type: ignore[misc]
                    cpu_list.append(time.process_time() - start_cpu)
            ratio = statistics.median(walls) / statistics.median(walls_bare)
            cpu_ratio = statistics.median(cpu) / statistics.median(cpu_bare)
            note = f"yardstick: the same map without preferences; CPU {statistics.median(cpu_bare):.2f} s"
            row(f"{n:,} statements", "bare", walls_bare, f"{note}; parsing took {parse:.1f} s")
            note = f"{len(ev.graph):,} nodes; {counts}; CPU {statistics.median(cpu):.2f} s"
            note += f"; {ratio:.1f}x (CPU {cpu_ratio:.1f}x) the yardstick"
            row(f"{n:,} with preferences", "grounded", walls, note)
            del m, ev, plain
        for n in args.critical_preferences:
            critical_with_preferences(folder, n, args.runs)
        for n in args.chain:
            for ranked in (False, True):
                m = chain(n, ranked)
                found = chain_critical(m)
                walls = timed(lambda m=m: chain_critical(m), args.runs)  # type: ignore[misc]
                what = f"chain of {n:,}" + (", ranked" if ranked else "")
                row(what, "critical", walls, f"{found} critical points")
                del m
        for n in args.critical:
            m = argmap.load(generated(folder, n))
            found = critical(m)
            walls = timed(lambda m=m: critical(m), args.runs)  # type: ignore[misc]
            theses = len(argmap.evaluate(m).theses())
            row(f"{n:,} statements", "critical", walls, f"{found} critical points for {theses} theses")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
