"""``argmap render PATH...``: draw maps as SVG, PNG, PDF, DOT or the map graph as JSON.

Each map is checked first; a map with errors is not drawn (exit 1, its
errors shown as ``argmap check`` shows them) unless ``--force``. Several maps
are drawn in parallel, one process per core, with a progress line on a
terminal. ``--check`` writes nothing and exits 1 when a committed rendering is
missing or differs from what the map gives now, so CI can keep pictures in
step with maps.

To extend the command (for example with evaluation statuses), add options in
:func:`add_arguments` and compute what they need in :func:`statuses`, which
runs once per map, in the worker that draws it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from attrs import frozen

from argmap.checks import report
from argmap.cli import exit_codes, files
from argmap.cli.evaluate import add_evaluation_options
from argmap.errors import ArgmapFileError
from argmap.evaluation.status import Status
from argmap.fileio import read_text, write_atomic
from argmap.model import ArgumentMap

FORMATS = ("svg", "png", "pdf", "dot", "json")
SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot", ".json": "json"}
#: Batches of at least this many maps show a progress line (on a terminal).
PROGRESS_FROM = 4
STDOUT = "-"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "render",
        help="draw maps as SVG, PNG, PDF, DOT or JSON",
        description=(
            "Draw .argmap files (folders are searched for *.argmap). Without -o or --out-dir, "
            "each picture is written next to its map (map.argmap -> map.svg); standard input "
            "is drawn to standard output."
        ),
    )
    add_arguments(p)
    p.set_defaults(run=run)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Every option of ``argmap render``."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads standard input")
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="FILE", help="the output file for a single map; - for standard output")
    out.add_argument("--out-dir", metavar="DIR", help="write DIR/<name>.<format> for each map")
    p.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: from the -o file's extension, else svg); json is the map graph",
    )
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if an output is missing or stale")
    p.add_argument("--force", action="store_true", help="draw maps even when they have check errors")
    look = p.add_argument_group("picture")
    look.add_argument(
        "--theme", choices=("default", "print", "dark"), default="default", help="colours (default: default)"
    )
    look.add_argument(
        "--direction",
        choices=("up", "down", "left", "right"),
        default="up",
        help="where conclusions go (default: up, the conclusion on top)",
    )
    look.add_argument("--no-legend", dest="legend", action="store_false", help="leave out the legend")
    look.add_argument(
        "--width", type=_positive_int, default=None, metavar="CHARS", help="wrap text at CHARS (default 30)"
    )
    look.add_argument("--dpi", type=_dpi, metavar="N", help="resolution of PNG output, 10 to 1200 (default 96)")
    part = p.add_argument_group("part of a map")
    part.add_argument("--focus", metavar="ID", help="draw only the neighbourhood of this statement or inference")
    part.add_argument(
        "--depth",
        type=_natural_int,
        default=None,
        metavar="N",
        help="with --focus: how many relation steps around it (default 2)",
    )
    part.add_argument("--section", metavar="NAME", help="draw only this section (id or title), with faded context")
    judged = p.add_argument_group("evaluation")
    judged.add_argument(
        "--evaluate", action="store_true", help="show each statement's and inference's status (IN, OUT, UNDECIDED)"
    )
    add_evaluation_options(judged)
    engine = p.add_argument_group("engine")
    engine.add_argument(
        "--quality",
        action="store_true",
        help="always use the full layout (big maps otherwise get faster settings: straight edges, fewer passes)",
    )
    engine.add_argument(
        "--timeout",
        type=_positive_float,
        default=None,
        metavar="SECONDS",
        help="stop the layout engine after this long (default 300)",
    )
    engine.add_argument(
        "--engine-binary",
        metavar="PATH",
        help="use this Graphviz `dot` instead of graphviz-pure (also: ARGMAP_DOT=PATH); PDF needs one",
    )
    engine.add_argument(
        "-j", "--jobs", type=_positive_int, default=None, metavar="N", help="maps drawn at once (default: one per core)"
    )


def _positive_int(text: str) -> int:
    return _whole(text, 1)


def _natural_int(text: str) -> int:
    return _whole(text, 0)


def _whole(text: str, least: int) -> int:
    from argmap.rendering.graphbuilder import whole_problem

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(whole_problem(text, least)) from None
    if value < least:
        raise argparse.ArgumentTypeError(whole_problem(text, least))
    return value


def _positive_float(text: str) -> float:
    from argmap.rendering.render import check_timeout, positive_problem

    try:
        value = float(text)
        check_timeout(value)
    except ValueError:
        raise argparse.ArgumentTypeError(positive_problem(text)) from None
    return value


def _dpi(text: str) -> float:
    from argmap.rendering.render import check_dpi, dpi_problem

    try:
        value = float(text)
        check_dpi(value)
    except ValueError:
        raise argparse.ArgumentTypeError(dpi_problem(text)) from None
    return value


def statuses(args: argparse.Namespace, m: ArgumentMap) -> Mapping[str, Status] | None:
    """The statuses to show on the map's nodes, from the options; None shows none.

    Raises:
        EvaluationError: a what-if names an unknown id, or the map is too large
            for the semantics (a ``ValueError``: reported, exit 2).
    """
    if not args.evaluate:
        return None
    from argmap.evaluation.evaluator import evaluate

    return evaluate(m, args.semantics, args.assume, args.reject, args.distrust).statuses()


# -- Jobs ---------------------------------------------------------------------------


@frozen
class Job:
    """One map to draw: where it comes from and where the picture goes.

    Attributes:
        name: the file name as given (``-`` for standard input).
        output: the file to write or compare, or ``-`` for standard output.
        text: the map's text when it came from standard input.
    """

    name: str
    output: str
    text: str | None = None


@frozen
class Result:
    """What drawing one map gave.

    Attributes:
        code: the exit code for this map.
        messages: lines for standard error.
        data: the picture, when it goes to standard output.
        done: a one-word summary: ``rendered``, ``fresh``, ``stale``, ``missing``, ``failed``.
    """

    code: int
    messages: tuple[str, ...] = ()
    data: bytes | None = None
    done: str = "failed"


def run(args: argparse.Namespace) -> int:
    fmt = args.format or _format_of(args.output) or "svg"
    if args.depth is not None and args.focus is None:
        return _usage("--depth needs --focus")
    if not args.evaluate and (args.assume or args.reject or args.distrust or args.semantics != "grounded"):
        return _usage("--semantics, --assume, --reject and --distrust need --evaluate")
    found = list(files.expand(args.paths))
    if args.output is not None and len(found) != 1:
        return _usage("-o names one output file: give one map, or use --out-dir DIR")
    if args.check and (args.output == STDOUT or (args.output is None and args.out_dir is None and _stdin(found))):
        return _usage("--check compares with files: give -o FILE or --out-dir DIR")
    try:
        jobs = _jobs(args, found, fmt)
    except (ArgmapFileError, ValueError) as exc:
        return _usage(str(exc))
    if args.out_dir and not args.check:
        try:
            Path(args.out_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _usage(f"cannot create {args.out_dir}: {exc.strerror or exc}")
    results = _run_all(args, fmt, jobs)
    return _finish(args, results)


def _usage(message: str) -> int:
    files.error(message)
    return exit_codes.USAGE


def _stdin(found: Sequence[tuple[str, bool]]) -> bool:
    return any(name == files.STDIN for name, _ in found)


def _format_of(output: str | None) -> str | None:
    if not output or output == STDOUT:
        return None
    return SUFFIXES.get(Path(output).suffix.lower())


def _jobs(args: argparse.Namespace, found: list[tuple[str, bool]], fmt: str) -> list[Job]:
    """A job per map, parts included by other maps left out.

    Raises:
        ValueError: two maps would be written to the same file.
        ArgmapFileError: standard input is not UTF-8.
    """
    included: set[str] = set()
    if any(not named for _, named in found):
        included = _included_parts(name for name, named in found if not named)
    jobs: list[Job] = []
    taken: dict[str, str] = {}
    for name, named in found:
        if files.included_elsewhere(name, named, included):
            continue
        text = files.read(name) if name == files.STDIN else None
        output = _output_for(args, name, fmt)
        if output != STDOUT:
            key = os.path.normpath(os.path.abspath(output))
            if key in taken:
                raise ValueError(f"{taken[key]} and {name} would both be drawn to {output}")
            taken[key] = name
        jobs.append(Job(name, output, text))
    return jobs


def _included_parts(names: Iterable[str]) -> set[str]:
    """Real paths of the files that the maps found in folders include."""
    from argmap.syntax.loader import load

    parts: set[str] = set()
    for name in names:
        try:
            parts.update(load(name).included_files())
        except Exception:  # unreadable or broken: it is reported when drawn
            continue
    return parts


def _output_for(args: argparse.Namespace, name: str, fmt: str) -> str:
    if args.output is not None:
        return str(args.output)
    if name == files.STDIN:
        return str(Path(args.out_dir) / f"stdin.{fmt}") if args.out_dir else STDOUT
    stem = Path(name).stem
    folder = Path(args.out_dir) if args.out_dir else Path(name).parent
    return str(folder / f"{stem}.{fmt}")


def _run_all(args: argparse.Namespace, fmt: str, jobs: list[Job]) -> list[Result]:
    workers = min(args.jobs or os.cpu_count() or 1, len(jobs))
    progress = _Progress(len(jobs)) if len(jobs) >= PROGRESS_FROM and sys.stderr.isatty() else None
    results: list[Result] = []

    def report_one(result: Result) -> None:
        if progress:
            progress.clear()
        for line in result.messages:
            print(line, file=sys.stderr)
        if result.data is not None:
            sys.stdout.buffer.write(result.data)
            sys.stdout.flush()
        results.append(result)
        if progress:
            progress.step()

    if workers <= 1:
        for job in jobs:
            report_one(draw_one(args, fmt, job))
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(draw_one, [args] * len(jobs), [fmt] * len(jobs), jobs):
                report_one(result)
    if progress:
        progress.clear()
    return results


class _Progress:
    """``argmap: rendered 3/40`` on one line of a terminal, redrawn in place."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.step(0)

    def step(self, by: int = 1) -> None:
        self.count += by
        sys.stderr.write(f"\rargmap: rendering {self.count}/{self.total}")
        sys.stderr.flush()

    def clear(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _finish(args: argparse.Namespace, results: list[Result]) -> int:
    code = max((r.code for r in results), default=exit_codes.OK)
    if args.check:
        stale = sum(r.done in ("stale", "missing") for r in results)
        fresh = sum(r.done == "fresh" for r in results)
        total = len(results)
        if stale:
            counted = f"{stale} of {total} renderings" if total > 1 else "1 rendering"
            print(f"{counted} out of date; run the same command without --check", file=sys.stderr)
        elif fresh == total:
            print(f"All {total} renderings up to date." if total > 1 else "1 rendering up to date.", file=sys.stderr)
    return code


# -- One map ---------------------------------------------------------------------


def draw_one(args: argparse.Namespace, fmt: str, job: Job) -> Result:
    """Read, check and draw one map; never raises for a problem with the map or the engine."""
    from argmap.rendering.engine import EngineError
    from argmap.rendering.graphbuilder import LayoutError

    shown = "<stdin>" if job.name == files.STDIN else job.name
    try:
        loaded = _load(job)
    except ArgmapFileError as exc:
        return Result(exit_codes.USAGE, (f"argmap: error: {exc}",))
    if not isinstance(loaded, ArgumentMap):
        return Result(exit_codes.FOUND, (*loaded, f"argmap: {shown}: not rendered: it has a syntax error"))
    m = loaded
    messages: list[str] = []
    errors = _errors(m, job)
    if errors:
        count = f"{len(errors)} error{'' if len(errors) == 1 else 's'}"
        if not args.force:
            return Result(
                exit_codes.FOUND, (*errors, f"argmap: {shown}: not rendered: {count} (--force draws it anyway)")
            )
        messages.extend((*errors, f"argmap: {shown}: drawn despite {count} (--force)"))
    try:
        data, notes = _picture(args, fmt, m)
    except (EngineError, LayoutError, ValueError) as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: {shown}: {exc}"))
    messages.extend(f"argmap: note: {shown}: {note}" for note in notes)
    if args.check:
        return _compare(job.output, data, messages)
    if job.output == STDOUT:
        return Result(exit_codes.OK, tuple(messages), data, "rendered")
    try:
        write_atomic(job.output, data)
    except OSError as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: cannot write {job.output}: {exc.strerror or exc}"))
    return Result(exit_codes.OK, tuple(messages), None, "rendered")


def _load(job: Job) -> ArgumentMap | list[str]:
    """The map, or the lines reporting its syntax error.

    Raises:
        ArgmapFileError: the file cannot be read.
    """
    from argmap.cli.check import syntax_diagnostic
    from argmap.errors import ArgmapSyntaxError
    from argmap.syntax.loader import loads

    text = job.text if job.text is not None else read_text(job.name)
    path = None if job.name == files.STDIN else job.name
    try:
        return loads(text, path)
    except ArgmapSyntaxError as exc:
        exc.path = path or "<stdin>"
        lines = text.split("\n")
        return [report.full(syntax_diagnostic(exc), lambda _: lines) + "\n"]


def _errors(m: ArgumentMap, job: Job) -> list[str]:
    """The map's check errors, each as ``argmap check`` prints it (with its source line)."""
    from argmap.checks.validate import validate

    errors = [d for d in validate(m) if d.is_error]
    if not errors:
        return []
    own = job.text.split("\n") if job.text is not None else None

    def lines_of(path: str | None) -> list[str]:
        if path is None or path == "<stdin>":
            return own or []
        if path == m.path and own is not None:
            return own
        try:
            return read_text(path).split("\n")
        except ArgmapFileError:
            return []

    return [report.full(d, lines_of) + "\n" for d in errors]


def _picture(args: argparse.Namespace, fmt: str, m: ArgumentMap) -> tuple[bytes, list[str]]:
    """The output bytes, and notes on what was drawn differently: the fast layout, flattened sections."""
    from argmap.rendering.dot import flattened_note
    from argmap.rendering.graphbuilder import DEFAULT_DEPTH, DEFAULT_WIDTH, layout
    from argmap.rendering.render import draw, prepare

    options = {
        "width": args.width or DEFAULT_WIDTH,
        "focus": args.focus,
        "depth": DEFAULT_DEPTH if args.depth is None else args.depth,
        "section": args.section,
        "statuses": statuses(args, m),
    }
    if fmt == "json":
        return layout(m, **options).to_json().encode("utf-8"), []
    prepared = prepare(
        m,
        theme=args.theme,
        direction=args.direction,
        legend=args.legend,
        quality="full" if args.quality else "auto",
        **options,
    )
    notes = []
    if prepared.fast:
        statements = sum(1 for _ in m.statements())
        notes.append(
            f"{statements:,} statements ({len(prepared.graph.nodes):,} nodes): using the fast layout "
            "(straight edges, fewer optimisation passes); --quality draws the full layout, slower"
        )
    if prepared.flattened:
        notes.append(flattened_note(prepared.flattened))
    if fmt == "dot":
        return prepared.source.encode("utf-8"), notes
    return draw(prepared.source, fmt, dpi=args.dpi, timeout=args.timeout, engine_binary=args.engine_binary), notes


def _compare(output: str, data: bytes, messages: list[str]) -> Result:
    try:
        current = Path(output).read_bytes()
    except FileNotFoundError:
        return Result(exit_codes.FOUND, (*messages, f"missing: {output}"), None, "missing")
    except OSError as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: cannot read {output}: {exc.strerror or exc}"))
    if current != data:
        return Result(exit_codes.FOUND, (*messages, f"stale: {output}"), None, "stale")
    return Result(exit_codes.OK, tuple(messages), None, "fresh")
