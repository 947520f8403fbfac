"""The layout engine: found, run, and every failure turned into a clear message."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

import argmap
from argmap.rendering import engine
from argmap.rendering.engine import Engine, EngineError

SOURCE = "digraph { a -> b }"
HAS_DOT = shutil.which("dot") is not None


def script(tmp_path: Path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_graphviz_pure_is_found_through_its_package() -> None:
    found = engine.find("svg")
    assert found.pure
    assert Path(found.path).name == "graphviz-pure"
    assert engine.run(found, SOURCE, "svg").startswith(b"<?xml")


def test_graphviz_pure_falls_back_to_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib.metadata

    def missing(name: str) -> None:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", missing)
    fake = script(tmp_path, "graphviz-pure", "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert engine.pure_binary() == fake
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert engine.pure_binary() is None
    with pytest.raises(EngineError, match="graphviz-pure is not installed; run `pip install graphviz-pure"):
        engine.find("svg")


def test_pdf_without_a_system_graphviz_says_how_to_get_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Where svg2pdf cannot be installed (Python 3.10), PDF needs a system Graphviz."""
    monkeypatch.setattr(engine, "can_draw_pdf", lambda: False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv(engine.ENV_BINARY, raising=False)
    with pytest.raises(EngineError, match=r"PDF needs a system Graphviz: .*install Graphviz.*--engine-binary"):
        engine.find("pdf")


def test_pdf_is_refused_by_graphviz_pure_with_the_same_help() -> None:
    with pytest.raises(EngineError, match="cannot write PDF"):
        engine.run(engine.find("svg"), SOURCE, "pdf")


@pytest.mark.skipif(not HAS_DOT, reason="no system Graphviz `dot` installed")
def test_pdf_with_a_system_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "can_draw_pdf", lambda: False)
    m = argmap.loads('thesis t "T"  claim c "C"  c supports t')
    assert argmap.render(m, "pdf").startswith(b"%PDF")


@pytest.mark.skipif(not engine.can_draw_pdf(), reason="svg2pdf needs Python 3.11")
def test_pdf_is_drawn_from_graphviz_pures_svg_without_a_system_graphviz(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` to find
    monkeypatch.delenv(engine.ENV_BINARY, raising=False)
    assert engine.find("pdf").pure
    m = argmap.loads('thesis t "T"  claim c "C"  c supports t')
    assert argmap.render(m, "pdf").startswith(b"%PDF")


def test_engine_binary_is_used_when_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    body = (
        'cat >/dev/null; case "$1" in '
        "-Tpdf) printf '%%PDF-1.4 drawn by %s' \"$1\";; "
        '*) printf \'<svg id="%s"/>\' "$1";; esac'
    )
    fake = script(tmp_path, "dot", body)
    assert engine.find("svg", fake) == Engine(fake, pure=False)
    monkeypatch.setenv(engine.ENV_BINARY, fake)
    assert engine.find("png") == Engine(fake, pure=False)
    m = argmap.loads('thesis t "T"')
    assert argmap.render(m, "svg") == b'<svg id="-Tsvg"/>'
    # without a legend or references the system Graphviz writes the PDF itself...
    assert argmap.render(m, "pdf", legend=False) == b"%PDF-1.4 drawn by -Tpdf"
    if engine.can_draw_pdf():  # ...with them, argmap draws it from the SVG that has them
        assert argmap.render(m, "pdf").startswith(b"%PDF-") and b"drawn by" not in argmap.render(m, "pdf")


@pytest.mark.parametrize(
    ("fmt", "output"),
    [
        ("svg", "Segmentation fault"),
        ("svg", '<?xml version="1.0"?>\n<svg width="10pt"><g id="a">'),  # cut short
        ("svg", '<?xml version="1.0"?><html></html>'),
        ("png", "<svg/>"),
        ("png", "PNG\r\n"),
        ("pdf", "PDF"),
    ],
)
def test_an_engine_that_writes_garbage_is_an_error(tmp_path: Path, fmt: str, output: str) -> None:
    (tmp_path / "out").write_text(output)
    garbage = Engine(script(tmp_path, "dot", f"cat >/dev/null; cat '{tmp_path / 'out'}'"), pure=False)
    with pytest.raises(EngineError, match=f"wrote something that is not {fmt.upper()} \\(it starts with `"):
        engine.run(garbage, SOURCE, fmt)


def test_real_output_passes_the_format_check() -> None:
    found = engine.find("svg")
    assert engine.is_format(engine.run(found, SOURCE, "svg"), "svg")
    assert engine.is_format(engine.run(found, SOURCE, "png"), "png")


def test_a_missing_engine_binary_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"`/nonexistent/dot` \(from --engine-binary\) is not an executable file"):
        engine.find("svg", "/nonexistent/dot")
    monkeypatch.setenv(engine.ENV_BINARY, str(tmp_path))
    with pytest.raises(EngineError, match=f"from {engine.ENV_BINARY}"):
        engine.find("svg")


def test_a_crashing_engine_is_an_error(tmp_path: Path) -> None:
    crash = Engine(script(tmp_path, "dot", "echo 'Error: something broke' >&2; exit 3"), pure=False)
    with pytest.raises(EngineError, match=r"failed \(exit code 3\): Error: something broke"):
        engine.run(crash, SOURCE, "svg")
    killed = Engine(script(tmp_path, "dot2", "kill -SEGV $$"), pure=False)
    with pytest.raises(EngineError, match="killed by signal 11"):
        engine.run(killed, SOURCE, "svg")
    silent = Engine(script(tmp_path, "dot3", "cat >/dev/null; echo 'Warning: odd' >&2"), pure=False)
    with pytest.raises(EngineError, match="wrote nothing"):
        engine.run(silent, SOURCE, "svg")


RUST_OOM = """memory allocation of 369031677728 bytes failed
stack backtrace:
   0: std::alloc::rust_oom
             at /rustc/library/std/src/alloc.rs:1:1
   1: __rustc::__rust_alloc_error_handler
"""
RUST_PANIC = """Warning: Arial: no font metrics
thread 'main' panicked at src/render/png.rs:42:9:
capacity overflow
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
"""


@pytest.mark.parametrize(
    ("stderr", "expected"),
    [
        (RUST_OOM, "memory allocation of 369031677728 bytes failed"),
        (RUST_PANIC, "panicked: capacity overflow"),
        ("Error: bad\x1b[31m thing\n" + "more\n" * 50, "Error: bad [31m thing"),
        ("x" * 5000, "x" * (engine.MESSAGE_MAX - 1) + "…"),
    ],
)
def test_engine_errors_are_one_short_line(tmp_path: Path, stderr: str, expected: str) -> None:
    (tmp_path / "stderr.txt").write_text(stderr)
    crash = Engine(
        script(tmp_path, "dot", f"cat >/dev/null; cat '{tmp_path / 'stderr.txt'}' >&2; exit 101"), pure=False
    )
    with pytest.raises(EngineError) as caught:
        engine.run(crash, SOURCE, "svg")
    assert str(caught.value) == f"the layout engine {crash.name} failed (exit code 101): {expected}"


def test_a_hanging_engine_is_stopped(tmp_path: Path) -> None:
    hang = Engine(script(tmp_path, "dot", "exec sleep 30"), pure=False)
    with pytest.raises(EngineError, match=r"took longer than 0.5 s and was stopped; raise the limit with --timeout"):
        engine.run(hang, SOURCE, "svg", timeout=0.5)


def test_engine_that_cannot_start(tmp_path: Path) -> None:
    broken = tmp_path / "dot"
    broken.write_bytes(b"\x00not a program")
    broken.chmod(0o755)
    with pytest.raises(EngineError, match="cannot run the layout engine"):
        engine.run(Engine(str(broken), pure=False), SOURCE, "svg")


def test_engine_errors_keep_the_message_and_drop_routine_warnings() -> None:
    with pytest.raises(EngineError) as caught:
        engine.run(engine.find("svg"), "digraph { a -> ; }", "svg")
    assert "syntax error" in str(caught.value)
    assert "Warning" not in str(caught.value)
