"""``argmap render PATH...``: draw maps as SVG, PNG, PDF, DOT or the map graph as JSON.

Each map is checked first; a map with errors is not drawn (exit 1, its
errors shown as ``argmap check`` shows them) unless ``--force``. Several maps
are drawn in parallel, one process per core; on a terminal a progress line
appears when drawing takes more than a second. Each file written is reported
(``wrote docs/m.svg``) unless ``--quiet``. ``--check`` writes nothing and exits
1 when a committed rendering is missing or differs from what the map gives now,
so CI can keep pictures in step with maps. ``--split sections --out-dir DIR``
draws an atlas instead of one picture: an overview linked to a picture per
top-level section (:func:`argmap.rendering.render.atlas`), written, reported
and checked file by file.

Nothing is left behind when argmap is stopped: a worker process that is killed
costs only its map (an error for it, the others go on); on SIGTERM, SIGHUP or
Ctrl-C the workers stop their engines and remove their temporary files, and on
Linux a worker ends when argmap itself is killed
(:func:`argmap.cli.signals.die_with_parent`).

The drawing settings are one :class:`~argmap.rendering.options.RenderOptions`
per configuration and format, made from the options and the map's configuration
file (:func:`render_options`, :mod:`argmap.cli.config`); its class gives the
choices, defaults and number checks used here. Each map is drawn by
:func:`argmap.rendering.render.picture` in the worker that draws it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from attrs import frozen

from argmap.cli import exit_codes, files
from argmap.cli.config import NONE, Config, ConfigError, Finder, add_config_options
from argmap.cli.options import add_color_option, add_evaluation_options, evaluation_needed, looks_for
from argmap.cli.progress import Progress
from argmap.cli.reading import SourceLines, full_reports, read_map, shown
from argmap.cli.signals import STOPPING, Terminated, die_with_parent, raise_terminated
from argmap.errors import ArgmapFileError
from argmap.fileio import UnsafeTargetError, write_atomic, write_target
from argmap.model.diagnostics import Diagnostic
from argmap.rendering.options import (
    DEFAULT_DEPTH,
    DEFAULT_WIDTH,
    DIRECTIONS,
    FORMATS,
    SPLITS,
    THEME_NAMES,
    RenderOptions,
    WholeNumber,
    check_of,
    default,
)

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.rendering.render import Picture

SUFFIXES = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}
#: Formats that are not text: never written to a terminal.
BINARY = frozenset({"png", "pdf"})
STDOUT = "-"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "render",
        help="draw maps as SVG, PNG, PDF, DOT, JSON or an interactive HTML page",
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
        help="output format (default: from the -o file's extension, else svg); json: the map graph; html: a page",
    )
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if an output is missing or stale")
    p.add_argument("--force", action="store_true", help="draw maps even when they have check errors")
    p.add_argument("-q", "--quiet", action="store_true", help="do not report each file written, nor show progress")
    look = p.add_argument_group("picture")
    look.add_argument("--theme", choices=THEME_NAMES, help=f"colours (default: {default('theme')})")
    look.add_argument(
        "--direction",
        choices=tuple(DIRECTIONS),
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
    part.add_argument(
        "--split",
        choices=SPLITS,
        help="with --out-dir: an atlas: DIR/<name>.<format>, an overview linked to DIR/<name>.<section>.<format>, "
        "one picture per top-level section",
    )
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
        help="stop drawing a map after this long, the layout engine included (default 300)",
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
    add_config_options(p)
    add_color_option(p)


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


def render_options(args: argparse.Namespace, fmt: str, config: Config = NONE) -> RenderOptions:
    """The drawing settings the options ask for; an option not given comes from the
    configuration file, else keeps its default.

    Raises:
        ValueError: a setting the options cannot have (argparse has checked them all).
    """
    given: dict[str, Any] = {
        "format": fmt,
        "theme": args.theme or config.render.get("theme"),
        "direction": args.direction or config.render.get("direction"),
        "legend": args.legend,
        "width": args.width,
        "focus": args.focus,
        "depth": args.depth,
        "section": args.section,
        "evaluate": args.evaluate,
        "semantics": args.semantics or (config.semantics if args.evaluate else None),
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
        options: how to draw it (the options given, then the map's configuration).
        text: the map's text when it came from standard input.
    split: how to cut the map into an atlas (``sections``); ``output`` is then its overview.
    """

    name: str
    output: str
    options: RenderOptions
    text: str | None = None
    split: str | None = None


@frozen
class Result:
    """What drawing one map gave.

    Attributes:
        code: the exit code for this map.
        messages: lines for standard error.
        data: the picture, when it goes to standard output.
        done: a one-word summary: ``rendered``, ``fresh``, ``stale``, ``missing``, ``failed``.
        parts: for an atlas (``--split``), the summary of each of its files.
    """

    code: int
    messages: tuple[str, ...] = ()
    data: bytes | None = None
    done: str = "failed"
    parts: tuple[str, ...] = ()


def run(args: argparse.Namespace) -> int:
    if args.format is None and args.output not in (None, STDOUT) and _format_of(args.output) is None:
        return _usage(
            f"cannot tell the format of {args.output}: name a {', '.join(SUFFIXES)} file, "
            f"or give --format ({', '.join(FORMATS)})"
        )
    if args.depth is not None and args.focus is None:
        return _usage("--depth needs --focus")
    needed = evaluation_needed(args)
    if needed:
        return _usage(needed)
    if args.split is not None:
        problem = _split_problem(args)
        if problem:
            return _usage(problem)
    empty: list[str] = []
    found = list(files.expand(args.paths, empty))
    if files.no_maps(empty):
        return exit_codes.USAGE  # nothing drawn: a job pointed at the wrong folder must not pass
    if args.output is not None and len(found) != 1:
        return _usage("-o names one output file: give one map, or use --out-dir DIR")
    if args.check and (args.output == STDOUT or (args.output is None and args.out_dir is None and _stdin(found))):
        return _usage("--check compares with files: give -o FILE or --out-dir DIR")
    try:
        jobs = _jobs(args, found)
    except (ArgmapFileError, ConfigError, ValueError) as exc:
        return _usage(str(exc))
    for job in jobs:
        fmt = job.options.format
        if fmt in BINARY and job.output == STDOUT and sys.stdout.isatty():
            return _usage(
                f"will not write {fmt.upper()} to a terminal: redirect standard output (> map.{fmt}) or give -o FILE"
            )
    if not args.check and args.output is None:  # an out-dir is made; an -o file's folder must exist
        for folder in sorted({Path(job.output).parent for job in jobs if job.output != STDOUT}):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                return _usage(f"cannot create {folder}: {exc.strerror or exc}")
    results = _run_all(args, jobs)
    return _finish(args, results)


def _split_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with ``--split`` and the other options, if anything."""
    if args.output is not None or args.out_dir is None:
        instead = ", not -o FILE" if args.output is not None else ""
        return f"--split {args.split} writes several files into one folder: give --out-dir DIR{instead}"
    if args.focus is not None or args.section is not None:
        return f"--split {args.split} draws every section: leave out --focus and --section"
    if args.format == "html":
        return f"--split {args.split} draws pictures: choose a --format other than html"
    return None


def _usage(message: str) -> int:
    files.error(message)
    return exit_codes.USAGE


def _stdin(found: Sequence[tuple[str, bool]]) -> bool:
    return any(name == files.STDIN for name, _ in found)


def _format_of(output: str | None) -> str | None:
    if not output or output == STDOUT:
        return None
    return SUFFIXES.get(Path(output).suffix.lower())


def _jobs(args: argparse.Namespace, found: list[tuple[str, bool]]) -> list[Job]:
    """A job per map and format, parts included by other maps left out.

    The format is the one asked for (``--format``, or the ``-o`` file's
    suffix), else each of the configuration's ``formats``, else SVG.

    Raises:
        ValueError: two maps would be written to the same file, or a setting is wrong.
        ArgmapFileError: standard input is not UTF-8.
        ConfigError: the configuration that applies to a map has a mistake.
    """
    configs = Finder(args)
    asked = args.format or _format_of(args.output)
    made: dict[tuple[str | None, str], RenderOptions] = {}
    included: set[str] = set()
    if any(not named for _, named in found):
        included = _included_parts(name for name, named in found if not named)
    jobs: list[Job] = []
    taken: dict[str, str] = {}
    for name, named in found:
        if files.included_elsewhere(name, named, included):
            continue
        text = files.read(name) if name == files.STDIN else None
        config = configs.for_map(name)
        for fmt in (asked,) if asked else config.formats or ("svg",):
            if (config.path, fmt) not in made:
                made[config.path, fmt] = render_options(args, fmt, config)
            output = _output_for(args, name, fmt, config)
            if output != STDOUT:
                key = os.path.normpath(os.path.abspath(output))
                if key in taken:
                    raise ValueError(f"{taken[key]} and {name} would both be drawn to {output}")
                taken[key] = name
            jobs.append(Job(name, output, made[config.path, fmt], text, args.split))
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


def _output_for(args: argparse.Namespace, name: str, fmt: str, config: Config) -> str:
    """Where a map's picture goes: ``-o``, else ``--out-dir`` (or the configuration's
    ``out-dir``, relative to its file), else next to the map."""
    if args.output is not None:
        return str(args.output)
    out_dir = args.out_dir or (str(config.folder() / config.out_dir) if config.out_dir else None)
    if name == files.STDIN:
        return str(Path(out_dir) / f"stdin.{fmt}") if out_dir else STDOUT
    stem = Path(name).stem
    folder = Path(out_dir) if out_dir else Path(name).parent
    return str(folder / f"{stem}.{fmt}")


def _run_all(args: argparse.Namespace, jobs: list[Job]) -> list[Result]:
    workers = min(args.jobs or os.cpu_count() or 1, len(jobs))
    progress = None
    if not args.quiet and sys.stderr.isatty():
        progress = Progress(sys.stderr, len(jobs), shown(jobs[0].name) if jobs else "")
    results: list[Result] = []

    def report_one(result: Result) -> None:
        with progress.paused() if progress else contextlib.nullcontext():
            for line in result.messages:
                print(line, file=sys.stderr)
            if result.data is not None:
                sys.stdout.buffer.write(result.data)
                sys.stdout.flush()
        results.append(result)
        if progress:
            progress.step()

    try:
        if workers <= 1:
            if progress:
                progress.start()
            for job in jobs:
                report_one(draw_one(args, job))
        else:
            _in_pool(args, jobs, workers, report_one, progress)
    finally:
        if progress:
            progress.stop()
    return results


def _in_pool(
    args: argparse.Namespace,
    jobs: list[Job],
    workers: int,
    report: Callable[[Result], None],
    progress: Progress | None,
) -> None:
    """Draw the maps in worker processes, reporting each result in order.

    A worker that dies (killed, out of memory) breaks the pool: the maps it
    left unfinished are drawn again, each in a process of its own, so that only
    the map that kills its process fails.
    """
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(workers)
    again: list[Job] = []
    try:
        futures = [pool.submit(_draw_in_worker, args, job) for job in jobs]
        if progress:
            progress.start()  # after the workers are forked: no thread runs while they are
        for job, future in zip(jobs, futures, strict=True):
            try:
                report(future.result())
            except BrokenProcessPool:
                again.append(job)
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for job in again:
        with progress.paused() if progress else contextlib.nullcontext():
            alone = _pool(1)
            future = alone.submit(_draw_in_worker, args, job)
        try:
            report(future.result())
        except BrokenProcessPool:
            report(Result(exit_codes.USAGE, (f"argmap: error: {shown(job.name)}: {WORKER_DIED}",)))
        except BaseException:
            _stop_workers(alone)
            raise
        finally:
            alone.shutdown(wait=True, cancel_futures=True)


WORKER_DIED = "the process drawing it stopped unexpectedly (killed, or out of memory); the other maps go on"

#: In a worker process: whether a map is being drawn (a signal then unwinds it, to clean up).
_busy = False


def _pool(workers: int) -> Any:
    """A pool of worker processes forked from argmap (on Linux) that end when it does."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("fork")
        return ProcessPoolExecutor(workers, context, initializer=_worker_started, initargs=(os.getpid(),))
    return ProcessPoolExecutor(workers, initializer=_worker_started, initargs=(None,))


def _worker_started(parent: int | None) -> None:
    """Set up a worker process: end with argmap (its parent, when forked), and stop cleanly on a signal."""
    if parent is not None and die_with_parent(signal.SIGTERM) and os.getppid() != parent:
        os._exit(exit_codes.INTERRUPTED)  # argmap ended before the guard was set
    for sig in (signal.SIGINT, *STOPPING):
        signal.signal(sig, _worker_signal)


def _worker_signal(signum: int, frame: FrameType | None) -> None:
    if _busy:
        raise_terminated(signum, frame)  # unwinds the drawing: its engine is killed, its temporary file removed
    os._exit(128 + signum)


def _draw_in_worker(args: argparse.Namespace, job: Job) -> Result:
    """:func:`draw_one` in a worker; a signal ends the worker once the map is cleaned up."""
    global _busy
    _busy = True
    try:
        return draw_one(args, job)
    except Terminated as exc:
        os._exit(128 + exc.signum)
    finally:
        _busy = False


def _stop_workers(pool: Any) -> None:
    """Ask every worker to stop (SIGTERM): each kills its engine and removes its temporary file."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()


def _finish(args: argparse.Namespace, results: list[Result]) -> int:
    code = max((r.code for r in results), default=exit_codes.OK)
    if args.check:
        done = [word for r in results for word in r.parts or (r.done,)]
        stale = sum(word in ("stale", "missing") for word in done)
        fresh = sum(word == "fresh" for word in done)
        total = len(done)
        if stale:
            counted = f"{stale} of {total} renderings" if total > 1 else "1 rendering"
            print(f"{counted} out of date; run the same command without --check", file=sys.stderr)
        elif fresh == total:
            print(f"All {total} renderings up to date." if total > 1 else "1 rendering up to date.", file=sys.stderr)
    return code


# -- One map ---------------------------------------------------------------------


def draw_one(args: argparse.Namespace, job: Job) -> Result:
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
    looks = looks_for(args, sys.stderr)
    if isinstance(m, Diagnostic):
        problem = f"argmap: {name}: not rendered: it has a syntax error"
        return Result(exit_codes.FOUND, (*full_reports([m], lines, looks.style, looks.width), problem))
    messages: list[str] = []
    errors = full_reports((d for d in validate(m) if d.is_error), lines, looks.style, looks.width)
    if errors:
        count = f"{len(errors)} error{'' if len(errors) == 1 else 's'}"
        if not args.force:
            return Result(
                exit_codes.FOUND, (*errors, f"argmap: {name}: not rendered: {count} (--force draws it anyway)")
            )
        messages.extend((*errors, f"argmap: {name}: drawn despite {count} (--force)"))
    if job.split is not None:
        return _draw_atlas(args, job, m, messages)
    try:
        drawn = picture(m, job.options)
    except (EngineError, LayoutError, ValueError) as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: {name}: {exc}"))
    messages.extend(f"argmap: note: {name}: {note}" for note in _notes(drawn, sum(1 for _ in m.statements())))
    if args.check:
        return _compare(name, job.output, drawn.data, messages)
    if job.output == STDOUT:
        return Result(exit_codes.OK, tuple(messages), drawn.data, "rendered")
    try:
        write_atomic(job.output, drawn.data)
    except OSError as exc:
        problem = f"argmap: error: {name}: cannot write {job.output}: {exc.strerror or exc}"
        return Result(exit_codes.USAGE, (*messages, problem))
    if not args.quiet:
        messages.append(f"wrote {job.output}")
    return Result(exit_codes.OK, tuple(messages), None, "rendered")


def _draw_atlas(args: argparse.Namespace, job: Job, m: ArgumentMap, messages: list[str]) -> Result:
    """Draw, write or compare every picture of a map's atlas (``--split``)."""
    from argmap.rendering.atlas import NoSectionsError
    from argmap.rendering.build import LayoutError
    from argmap.rendering.engine import EngineError
    from argmap.rendering.render import atlas

    name = shown(job.name)
    output = Path(job.output)
    try:
        drawn = atlas(m, output.stem, job.options)
    except NoSectionsError as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: {name}: --split {job.split}: {exc}"))
    except (EngineError, LayoutError, ValueError) as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: {name}: {exc}"))
    results = []
    for file_name, picture in drawn:
        target = str(output.parent / file_name)
        if args.check:
            results.append(_compare(name, target, picture.data, []))
            continue
        try:
            write_atomic(target, picture.data)
        except OSError as exc:
            problem = f"argmap: error: {name}: cannot write {target}: {exc.strerror or exc}"
            return Result(exit_codes.USAGE, (*messages, problem))
        if not args.quiet:
            messages.append(f"wrote {target}")
    if not args.check:
        return Result(exit_codes.OK, tuple(messages), None, "rendered")
    results += _leftovers(name, output, [file_name for file_name, _ in drawn])
    for result in results:
        messages.extend(result.messages)
    parts = tuple(r.done for r in results)
    worst = max(results, key=lambda r: r.code)
    if worst.code:
        return Result(worst.code, tuple(messages), None, worst.done, parts)
    return Result(exit_codes.OK, tuple(messages), None, "fresh", parts)


def _leftovers(name: str, output: Path, drawn: list[str]) -> list[Result]:
    """Section pictures of an earlier atlas that no section of the map draws now (``--check``).

    They are named as the atlas names a section's picture, ``<name>.<section>.<format>``,
    beside the overview; they are never removed, only reported.
    """
    suffix = Path(drawn[0]).suffix if drawn else output.suffix
    found = sorted(output.parent.glob(f"{output.stem}.*{suffix}")) if output.parent.is_dir() else []
    return [
        Result(exit_codes.FOUND, (f"stale: {path} (no section of the map draws it now: remove it)",), None, "stale")
        for path in found
        if path.name not in drawn and path.stem.count(".") == output.stem.count(".") + 1
    ]


def _notes(drawn: Picture, statements: int) -> list[str]:
    """What was drawn differently from what was asked: the fast layout, flattened sections."""
    from argmap.rendering.dot import flattened_note

    prepared = drawn.prepared
    notes = []
    if prepared is not None and prepared.fast:
        notes.append(
            f"{statements:,} statements ({len(prepared.graph.nodes):,} nodes): using the fast layout "
            "(straight edges, words beside the lines, fewer optimisation passes); "
            "--quality draws the full layout, slower"
        )
    if prepared is not None and prepared.flattened:
        notes.append(flattened_note(prepared.flattened))
    return notes


def _compare(name: str, output: str, data: bytes, messages: list[str]) -> Result:
    """Compare with the file that would be written, by the rule that writing follows."""
    try:
        current = write_target(output).read_bytes()
    except UnsafeTargetError as exc:
        return Result(
            exit_codes.USAGE, (*messages, f"argmap: error: {name}: cannot compare with {output}: {exc.strerror}")
        )
    except FileNotFoundError:
        return Result(exit_codes.FOUND, (*messages, f"missing: {output}"), None, "missing")
    except OSError as exc:
        return Result(exit_codes.USAGE, (*messages, f"argmap: error: cannot read {output}: {exc.strerror or exc}"))
    if current != data:
        return Result(exit_codes.FOUND, (*messages, f"stale: {output}"), None, "stale")
    return Result(exit_codes.OK, tuple(messages), None, "fresh")
