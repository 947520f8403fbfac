"""Running the layout engine: graphviz-pure by default, a system Graphviz when needed.

`graphviz-pure <https://pypi.org/project/graphviz-pure/>`_ is a pinned
dependency: a self-contained binary that writes the same bytes on every
platform, installed by ``pip`` next to Python. It is found through the
package's installed files, then on ``PATH``. It has no PDF output: argmap
draws PDF from its SVG (see :mod:`argmap.rendering.raster`), or, where that
cannot be installed (Python 3.10), a system Graphviz ``dot`` writes it. A
system ``dot`` is also used when asked with ``--engine-binary PATH`` or the
``ARGMAP_DOT`` environment variable.

Every failure (no engine, an engine that crashes, hangs past the time limit,
rejects its input, floods its output, or writes something that is not a
picture in the format asked for) is an :class:`EngineError` with a message for
people. The engine runs so that nothing of it outlives the drawing: see
:mod:`argmap.rendering.process`.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import shutil
import xml.parsers.expat
from collections.abc import Sequence
from pathlib import Path

from attrs import frozen

from argmap.rendering.process import CannotStart, Deadline, OutputFlood, TimeLimit, run_bounded

#: The environment variable naming a Graphviz ``dot`` binary to use.
ENV_BINARY = "ARGMAP_DOT"
#: The default time limit for one layout, in seconds.
DEFAULT_TIMEOUT = 300.0
#: Formats graphviz-pure writes; others need a system Graphviz.
PURE_FORMATS = frozenset({"svg", "png", "json", "plain", "dot", "xdot"})
#: Formats argmap draws itself from graphviz-pure's SVG (see :mod:`argmap.rendering.raster`).
DRAWN_FROM_SVG = frozenset({"png", "pdf"})

PURE = "graphviz-pure"
#: The engine's output is accepted up to this many times the size of its DOT source...
OUTPUT_PER_INPUT = 64
#: ...and at least up to this many bytes; past that the engine is stopped.
OUTPUT_MIN = 256 * 2**20
#: An engine's error message is cut to this many characters.
MESSAGE_MAX = 300
PDF_HELP = (
    "graphviz-pure, the engine installed with argmap, cannot write PDF; "
    "install Graphviz (e.g. `apt install graphviz`, `brew install graphviz`, `winget install graphviz`) "
    f"so that `dot` is on PATH, or name its binary with --engine-binary PATH or {ENV_BINARY}=PATH; "
    "or render SVG and convert it"
)


class EngineError(RuntimeError):
    """The layout engine is missing, failed, or took too long."""


@frozen
class Engine:
    """A layout engine binary.

    Attributes:
        path: the executable.
        pure: whether it is graphviz-pure (else a system Graphviz ``dot``).
    """

    path: str
    pure: bool

    @property
    def name(self) -> str:
        return PURE if self.pure else f"Graphviz dot ({self.path})"


def pure_binary() -> str | None:
    """The graphviz-pure executable installed with the package, else on PATH, else None."""
    try:
        dist = importlib.metadata.distribution("graphviz-pure")
    except importlib.metadata.PackageNotFoundError:
        dist = None
    if dist is not None:
        for file in dist.files or ():
            if file.name in ("graphviz-pure", "graphviz-pure.exe"):
                path = Path(str(dist.locate_file(file))).resolve()
                if path.is_file() and os.access(path, os.X_OK):
                    return str(path)
    return shutil.which("graphviz-pure")


def can_draw_pdf() -> bool:
    """Whether svg2pdf is installed, so PDF is drawn from graphviz-pure's SVG (it needs Python 3.11)."""
    return importlib.util.find_spec("svg2pdf_py") is not None


def find(fmt: str = "svg", binary: str | None = None) -> Engine:
    """The engine to use for a format.

    Args:
        fmt: the output format; PDF (and anything graphviz-pure lacks) needs a system Graphviz.
        binary: a Graphviz ``dot`` binary asked for explicitly; else ``$ARGMAP_DOT``.

    Raises:
        EngineError: the engine needed is not installed, or the binary named is not executable.
    """
    binary = binary or os.environ.get(ENV_BINARY) or None
    if binary:
        resolved = shutil.which(binary) if os.sep not in binary else binary
        if not resolved or not os.path.isfile(resolved) or not os.access(resolved, os.X_OK):
            where = "--engine-binary" if binary != os.environ.get(ENV_BINARY) else ENV_BINARY
            raise EngineError(f"layout engine `{binary}` (from {where}) is not an executable file")
        return Engine(resolved, pure=Path(resolved).name.startswith(PURE))
    if fmt in PURE_FORMATS or (fmt == "pdf" and can_draw_pdf()):
        pure = pure_binary()
        if pure:
            return Engine(pure, pure=True)
        raise EngineError(
            "the layout engine graphviz-pure is not installed; "
            "run `pip install graphviz-pure==0.2.2`, or use a system Graphviz with --engine-binary PATH"
        )
    system = shutil.which("dot")
    if system:
        return Engine(system, pure=False)
    raise EngineError(f"{fmt.upper()} needs a system Graphviz: {PDF_HELP}")


def run(
    engine: Engine,
    source: str,
    fmt: str,
    timeout: float | Deadline | None = DEFAULT_TIMEOUT,
    args: Sequence[str] = (),
    *,
    limit: int | None = None,
    several: bool = False,
) -> bytes:
    """Lay out DOT source and return the output bytes.

    The engine runs in its own process group, dies with argmap, and is killed
    with everything it started on a time-out, an error or a signal
    (:mod:`argmap.rendering.process`).

    Args:
        engine: from :func:`find`.
        source: DOT source.
        fmt: the output format (``svg``, ``png``, ``pdf``...).
        timeout: seconds before the engine is stopped, or the :class:`Deadline` of a
            whole drawing; None for no limit.
        args: more command-line arguments for the engine (e.g. ``-Gdpi=150``).
        limit: the most output accepted, in bytes (default: :func:`output_limit`).
        several: the source has several graphs, and the output a picture of each, one after another.

    Raises:
        EngineError: the engine could not start, failed, wrote nothing, too
            much, or something that is not an SVG, PNG or PDF file when one
            was asked for, or ran out of time.
    """
    if engine.pure and fmt not in PURE_FORMATS:
        raise EngineError(f"{fmt.upper()} output: {PDF_HELP}")
    deadline = timeout if isinstance(timeout, Deadline) else Deadline(timeout)
    data = source.encode("utf-8")
    limit = output_limit(len(data)) if limit is None else limit
    try:
        done = run_bounded([engine.path, f"-T{fmt}", *args], data, deadline, limit)
    except TimeLimit:
        raise EngineError(timed_out(deadline.limit or 0.0, "the layout engine")) from None
    except OutputFlood:
        raise EngineError(
            f"the layout engine {engine.name} wrote more than {_size(limit)} and was stopped; "
            "draw part of the map (--section, --focus)"
        ) from None
    except CannotStart as exc:
        raise EngineError(f"cannot run the layout engine {engine.name}: {exc}") from None
    errors = _errors(done.stderr)
    if done.returncode != 0:
        if done.returncode < 0:
            detail = f"it was killed by signal {-done.returncode}"
        else:
            detail = f"exit code {done.returncode}"
        raise EngineError(f"the layout engine {engine.name} failed ({detail})" + (f": {errors}" if errors else ""))
    if not done.stdout:
        raise EngineError(f"the layout engine {engine.name} wrote nothing" + (f": {errors}" if errors else ""))
    if not all(is_format(part, fmt) for part in (documents(done.stdout) if several else [done.stdout])):
        start = _short(done.stdout[:40].decode("utf-8", "replace").replace("\ufffd", "?"))
        raise EngineError(
            f"the layout engine {engine.name} wrote something that is not {fmt.upper()} "
            f"(it starts with `{_UNPRINTABLE.sub('?', start)}`)" + (f": {errors}" if errors else "")
        )
    return done.stdout


def documents(data: bytes) -> list[bytes]:
    """The XML documents of an engine's output for several graphs, each starting ``<?xml``.

    Example:
        >>> documents(b'<?xml a?><svg/>|<?xml b?><svg/>|')
        [b'<?xml a?><svg/>|', b'<?xml b?><svg/>|']
    """
    starts = [m.start() for m in re.finditer(rb"<\?xml ", data)] or [0]
    return [data[a:b] for a, b in zip(starts, [*starts[1:], len(data)], strict=True)]


def output_limit(source_size: int) -> int:
    """The most output accepted from the engine for DOT source of this many bytes.

    :data:`OUTPUT_PER_INPUT` times the source, and never less than :data:`OUTPUT_MIN`.
    """
    return max(OUTPUT_MIN, OUTPUT_PER_INPUT * source_size)


def timed_out(limit: float, what: str) -> str:
    """The message for a drawing stopped at its time limit while ``what`` ran."""
    return (
        f"{what} took longer than {limit:g} s and was stopped; "
        "raise the limit with --timeout, or draw part of the map (--section, --focus)"
    )


def _size(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n:,} bytes"


#: How files of each binary format begin.
MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-"}


def is_format(data: bytes, fmt: str) -> bool:
    """Whether ``data`` is a file of the format: SVG parses as XML with an ``svg`` root,
    PNG and PDF begin as they must. Other formats are not checked.

    Example:
        >>> is_format(b'<?xml version="1.0"?><svg/>', "svg"), is_format(b"Segmentation fault", "svg")
        (True, False)
    """
    if fmt in MAGIC:
        return data.startswith(MAGIC[fmt])
    if fmt != "svg":
        return True
    parser = xml.parsers.expat.ParserCreate()
    roots: list[str] = []

    def start(name: str, _: object) -> None:
        if not roots:
            roots.append(name)

    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        return False
    return roots == ["svg"]


_PANIC = re.compile(r"thread '.*' panicked at (?:'(?P<old>.*)', )?.*?:?$")
_NOISE = re.compile(r"(?:Warning:|note: run with `RUST_BACKTRACE|stack backtrace:|\d+: |at )")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _errors(stderr: bytes) -> str:
    """The engine's first meaningful error line, on one line and short.

    Routine warnings (font widths and the like) are skipped, and so are a Rust
    backtrace and its notes; a panic gives its message.

    Example:
        >>> _errors(b"Warning: x\\nthread 'main' panicked at src/a.rs:1:2:\\nout of room\\nnote: run with ...")
        'panicked: out of room'
    """
    lines = [_UNPRINTABLE.sub(" ", line).strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    for n, line in enumerate(lines):
        panic = _PANIC.fullmatch(line)
        if panic:
            message = panic.group("old") or next((x for x in lines[n + 1 :] if not _NOISE.match(x)), "")
            return _short(f"panicked: {message}" if message else "panicked")
        if not _NOISE.match(line):
            return _short(line)
    return ""


def _short(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= MESSAGE_MAX else line[: MESSAGE_MAX - 1].rstrip() + "…"
