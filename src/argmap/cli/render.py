"""``argmap render PATH...``: draw maps as SVG, PNG, PDF, DOT or the map graph as JSON.

Each map is checked first; a map with errors is not drawn (exit 1, its
errors shown as ``argmap check`` shows them) unless ``--force``. Several maps
are drawn in parallel, one process per core, with a progress line on a
terminal. ``--check`` writes nothing and exits 1 when a committed rendering is
missing or differs from what the map gives now, so CI can keep pictures in
step with maps.

The drawing settings are one :class:`~argmap.rendering.options.RenderOptions`,
made once from the options (:func:`render_options`); its class gives the
choices, defaults and number checks used here. Each map is drawn by
:func:`argmap.rendering.render.picture` in the worker that draws it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from argmap.cli import exit_codes, files
from argmap.cli.options import add_evaluation_options
from argmap.cli.reading import SourceLines, full_reports, read_map, shown
from argmap.errors import ArgmapFileError
from argmap.fileio import write_atomic
from argmap.model.diagnostics import Diagnostic
from argmap.rendering.options import (
    DEFAULT_DEPTH,
    DEFAULT_WIDTH,
    DIRECTIONS,
    FORMATS,
    THEME_NAMES,
    RenderOptions,
    WholeNumber,
    check_of,
    default,
)

if TYPE_CHECKING:
    from argmap.rendering.render import Picture

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
        "--theme", choices=THEME_NAMES, default=default("theme"), help=f"colours (default: {default('theme')})"
    )
    look.add_argument(
        "--direction",
        choices=tuple(DIRECTIONS),
        default=default("direction"),
        help=f"where conclusions go (default: {default('direction')}, the conclusion on top)",
    )
    look.add_argument("--no-legend", dest="legend", action="store_false", help="leave out the legend")
    look.add_argument(
        "--width",
        type=_setting("width", int),
        default=None,
        metavar="CHARS",
        help=f"wrap text at CHARS (default {DEFAULT_WIDTH})",
    )
    look.add_argument(
        "--dpi", type=_setting("dpi", float), metavar="N", help="resolution of PNG output, 10 to 1200 (default 96)"
    )
    part = p.add_argument_group("part of a map")
    part.add_argument("--focus", metavar="ID", help="draw only the neighbourhood of this statement or inference")
    part.add_argument(
        "--depth",
        type=_setting("depth", int),
        default=None,
        metavar="N",
        help=f"with --focus: how many relation steps around it (default {DEFAULT_DEPTH})",
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
        type=_setting("timeout", float),
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
        "-j",
        "--jobs",
        type=_checked(WholeNumber(1), int),
        default=None,
        metavar="N",
        help="maps drawn at once (default: one per core)",
    )


def _setting(name: str, convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse ``type`` for a number setting, checked as :class:`RenderOptions` checks it."""
    return _checked(check_of(name), convert)


def _checked(check: Any, convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse ``type``: the text converted, then checked; the error worded as the API words it."""

    def parse(text: str) -> Any:
        try:
            value = convert(text)
            check.check("", value)
        except ValueError:
            raise argparse.ArgumentTypeError(check.problem(text)) from None
        return value

    return parse


def render_options(args: argparse.Namespace, fmt: str) -> RenderOptions:
    """The drawing settings the options ask for; an option not given keeps its default.

    Raises:
        ValueError: a setting the options cannot have (argparse has checked them all).
    """
    given: dict[str, Any] = {
        "format": fmt,
        "theme": args.theme,
        "direction": args.direction,
        "legend": args.legend,
        "width": args.width,
        "focus": args.focus,
        "depth": args.depth,
        "section": args.section,
        "evaluate": args.evaluate,
        "semantics": args.semantics,
        "assume": args.assume,
        "reject": args.reject,
        "distrust": args.distrust,
        "ordering": args.ordering,
        "comparison": args.comparison,
        "prefer": [tuple(pair) for pair in args.prefer],
        "quality": "full" if args.quality else "auto",
        "dpi": args.dpi,
        "timeout": args.timeout,
        "engine_binary": args.engine_binary,
    }
    return RenderOptions(**{name: value for name, value in given.items() if value is not None})


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
    if not args.evaluate and (args.prefer or args.ordering != "last-link" or args.comparison != "elitist"):
        return _usage("--ordering, --comparison and --prefer need --evaluate")
    found = list(files.expand(args.paths))
    if args.output is not None and len(found) != 1:
        return _usage("-o names one output file: give one map, or use --out-dir DIR")
    if args.check and (args.output == STDOUT or (args.output is None and args.out_dir is None and _stdin(found))):
        return _usage("--check compares with files: give -o FILE or --out-dir DIR")
    try:
        options = render_options(args, fmt)
        jobs = _jobs(args, found, fmt)
    except (ArgmapFileError, ValueError) as exc:
        return _usage(str(exc))
    if args.out_dir and not args.check:
        try:
            Path(args.out_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _usage(f"cannot create {args.out_dir}: {exc.strerror or exc}")
    results = _run_all(args, options, jobs)
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


def _run_all(args: argparse.Namespace, options: RenderOptions, jobs: list[Job]) -> list[Result]:
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
            report_one(draw_one(args, options, job))
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(draw_one, [args] * len(jobs), [options] * len(jobs), jobs):
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


def draw_one(args: argparse.Namespace, options: RenderOptions, job: Job) -> Result:
    """Read, check and draw one map; never raises for a problem with the map or the engine."""
    from argmap.checks.validate import validate
    from argmap.rendering.build import LayoutError
    from argmap.rendering.engine import EngineError
    from argmap.rendering.render import picture

    name = shown(job.name)
    try:
        m, text = read_map(job.name, job.text)
    except ArgmapFileError as exc:
        return Result(exit_codes.USAGE, (f"argmap: error: {exc}",))
    lines = SourceLines({name: text})
    if isinstance(m, Diagnostic):
        return Result(
            exit_codes.FOUND, (*full_reports([m], lines), f"argmap: {name}: not rendered: it has a syntax error")
        )
    messages: list[str] = []
    errors = full_reports((d for d in validate(m) if d.is_error), lines)
    if errors:
        count = f"{len(errors)} error{'' if len(errors) == 1 else 's'}"
        if not args.force:
            return Result(
                exit_codes.FOUND, (*errors, f"argmap: {name}: not rendered: {count} (--force draws it anyway)")
            )
        messages.extend((*errors, f"argmap: {name}: drawn despite {count} (--force)"))
    try:
        drawn = picture(m, options)
    except (EngineError, LayoutError, ValueError) as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: {name}: {exc}"))
    messages.extend(f"argmap: note: {name}: {note}" for note in _notes(drawn, sum(1 for _ in m.statements())))
    if args.check:
        return _compare(job.output, drawn.data, messages)
    if job.output == STDOUT:
        return Result(exit_codes.OK, tuple(messages), drawn.data, "rendered")
    try:
        write_atomic(job.output, drawn.data)
    except OSError as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: cannot write {job.output}: {exc.strerror or exc}"))
    return Result(exit_codes.OK, tuple(messages), None, "rendered")


def _notes(drawn: Picture, statements: int) -> list[str]:
    """What was drawn differently from what was asked: the fast layout, flattened sections."""
    from argmap.rendering.dot import flattened_note

    prepared = drawn.prepared
    notes = []
    if prepared is not None and prepared.fast:
        notes.append(
            f"{statements:,} statements ({len(prepared.graph.nodes):,} nodes): using the fast layout "
            "(straight edges, fewer optimisation passes); --quality draws the full layout, slower"
        )
    if prepared is not None and prepared.flattened:
        notes.append(flattened_note(prepared.flattened))
    return notes


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
