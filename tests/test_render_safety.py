"""Render safety: links and devices, killing argmap, killed workers, floods, our own stages."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap.cli import exit_codes, main
from argmap.rendering import engine
from argmap.rendering.engine import Engine, EngineError
from argmap.rendering.options import RenderOptions
from argmap.rendering.process import Deadline
from argmap.rendering.render import prepare

TEA = 'title "Tea"\nthesis t "Tea is good."\nclaim c "Tea is tasty."\nc supports t\n'
LINUX = sys.platform.startswith("linux")


def run(*args: str | Path) -> int:
    return main([str(a) for a in args])


def script(folder: Path, body: str, name: str = "fake-dot") -> str:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, waiting to be collected, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def soon(condition: Callable[[], bool], seconds: float = 30.0) -> bool:
    """Whether ``condition`` holds within ``seconds`` (polled)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def pid_in(path: Path) -> int:
    assert soon(lambda: path.exists() and path.read_text().strip() != ""), f"{path} was never written"
    return int(path.read_text().split()[0])


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "m.argmap").write_text(TEA)
    (folder / "other.argmap").write_text(TEA)
    (tmp_path / "victim.txt").write_text("precious")
    return folder


# -- Links and devices -------------------------------------------------------------------


def test_a_link_next_to_the_map_to_a_file_outside_is_not_written_through(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "m.svg").symlink_to("../victim.txt")
    assert run("render", repo, "--jobs", "1") == exit_codes.USAGE
    err = capsys.readouterr().err
    assert f"{repo / 'm.argmap'}: cannot write {repo / 'm.svg'}: a symbolic link to " in err
    assert "outside" in err
    assert (repo.parent / "victim.txt").read_text() == "precious"
    assert (repo / "m.svg").is_symlink()
    assert (repo / "other.svg").read_bytes().startswith(b"<?xml")  # the other map goes on
    assert f"wrote {repo / 'other.svg'}" in err


def test_a_link_in_the_out_dir_to_a_file_outside_is_not_written_through(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = repo.parent / "out"
    out.mkdir()
    (out / "m.svg").symlink_to("../victim.txt")
    assert run("render", repo, "--out-dir", out) == exit_codes.USAGE
    assert "outside" in capsys.readouterr().err
    assert (repo.parent / "victim.txt").read_text() == "precious"
    assert (out / "other.svg").exists()


def test_a_dangling_link_creates_nothing_outside(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "m.svg").symlink_to("../planted.svg")
    assert run("render", repo / "m.argmap") == exit_codes.USAGE
    assert "a dangling symbolic link to" in capsys.readouterr().err
    assert not (repo.parent / "planted.svg").exists()


def test_a_link_within_the_folder_is_written_through_and_kept(repo: Path) -> None:
    (repo / "pictures").mkdir()
    (repo / "pictures" / "m.svg").write_text("old")
    (repo / "m.svg").symlink_to("pictures/m.svg")
    assert run("render", repo / "m.argmap") == exit_codes.OK
    assert (repo / "m.svg").is_symlink()
    assert (repo / "pictures" / "m.svg").read_bytes().startswith(b"<?xml")


def test_a_fifo_given_as_output_is_not_replaced(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = repo / "pipe.svg"
    os.mkfifo(fifo)
    assert run("render", repo / "m.argmap", "-o", fifo) == exit_codes.USAGE
    assert f"cannot write {fifo}: not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_directory_given_as_output_is_not_replaced(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "d.svg").mkdir()
    assert run("render", repo / "m.argmap", "-o", repo / "d.svg") == exit_codes.USAGE
    assert "is a directory" in capsys.readouterr().err
    assert (repo / "d.svg").is_dir()


def test_check_does_not_read_through_a_link_outside(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "m.svg").symlink_to("../victim.txt")
    assert run("render", "--check", repo / "m.argmap", "-o", repo / "m.svg") == exit_codes.USAGE
    assert "cannot compare with" in capsys.readouterr().err


def test_fmt_follows_the_same_rule(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = repo.parent / "outside.argmap"
    outside.write_text('claim   a "A"\n')
    (repo / "link.argmap").symlink_to("../outside.argmap")
    assert run("fmt", repo / "link.argmap") == exit_codes.USAGE
    assert f"cannot write {repo / 'link.argmap'}: a symbolic link to" in capsys.readouterr().err
    assert outside.read_text() == 'claim   a "A"\n'


# -- The engine: floods, children, time --------------------------------------------------


def test_an_engine_that_floods_its_output_is_stopped(tmp_path: Path) -> None:
    flood = Engine(script(tmp_path, f"echo $$ > {tmp_path / 'pid'}; cat >/dev/null; exec yes"), pure=False)
    with pytest.raises(EngineError, match=r"wrote more than 100,000 bytes and was stopped"):
        engine.run(flood, "digraph { a }", "svg", limit=100_000)
    assert soon(lambda: not alive(pid_in(tmp_path / "pid")))


def test_a_flood_is_reported_by_render(
    tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(engine, "OUTPUT_MIN", 2**20)
    flood = script(tmp_path, "cat >/dev/null; exec yes '<svg>'")
    assert run("render", repo / "m.argmap", "--engine-binary", flood) == exit_codes.USAGE
    assert "wrote more than 1 MB and was stopped" in capsys.readouterr().err
    assert not (repo / "m.svg").exists()
    assert temporary_files(repo) == []


def test_a_timed_out_engines_children_are_stopped_too(tmp_path: Path) -> None:
    body = f"sleep 60 & echo $! > {tmp_path / 'child'}; cat >/dev/null; wait"
    hang = Engine(script(tmp_path, body), pure=False)
    with pytest.raises(EngineError, match=r"took longer than 0\.5 s"):
        engine.run(hang, "digraph { a }", "svg", timeout=0.5)
    assert soon(lambda: not alive(pid_in(tmp_path / "child")))


def test_what_an_engine_leaves_running_is_stopped(tmp_path: Path) -> None:
    body = f"sleep 60 & echo $! > {tmp_path / 'child'}; cat >/dev/null; echo '<svg/>'"
    leaving = Engine(script(tmp_path, body), pure=False)
    assert engine.run(leaving, "digraph { a }", "svg", timeout=30) == b"<svg/>\n"
    assert soon(lambda: not alive(pid_in(tmp_path / "child")))


def test_the_time_limit_covers_our_own_stages() -> None:
    m = argmap.loads(TEA)
    with pytest.raises(EngineError, match=r"drawing \(while building the map graph\) took longer than 0 s"):
        prepare(m, RenderOptions(), Deadline(0.0))


def test_twenty_thousand_nested_sections_to_dot(tmp_path: Path) -> None:
    n = 20_000
    text = "".join(f'section s{i} "S{i}" {{\n' for i in range(n)) + 'thesis t "T"\n' + "}\n" * n
    (tmp_path / "deep.argmap").write_text(text)
    out = tmp_path / "deep.dot"
    command = [sys.executable, "-m", "argmap", "render", str(tmp_path / "deep.argmap"), "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == exit_codes.OK, done.stderr
    assert out.read_text().startswith("digraph argmap {")


# -- Stopping argmap ---------------------------------------------------------------------


def start_render(tmp_path: Path, maps: int, *options: str) -> tuple[subprocess.Popen[str], list[Path], Path]:
    """``argmap render`` of ``maps`` maps with an engine that records its pid and hangs."""
    folder = tmp_path / "maps"
    folder.mkdir()
    statements = "".join(f'claim c{i} "Reason {i}."\nc{i} supports t\n' for i in range(300))
    for n in range(maps):
        (folder / f"m{n}.argmap").write_text(f'title "M{n}"\nthesis t "T"\n{statements}')
    pids = tmp_path / "pids"
    pids.mkdir()
    hang = script(tmp_path, f'echo $$ > "{pids}/$$"; exec sleep 60')
    command = [sys.executable, "-m", "argmap", "render", str(folder), "--engine-binary", hang, *options]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def started() -> bool:
        """Every engine has written its pid (the shell makes the file before it writes into it)."""
        return sum(1 for p in pids.iterdir() if p.read_text().strip()) == maps

    assert soon(started), "the engines did not start"
    return proc, [pids / name for name in os.listdir(pids)], folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_stops_the_engines_and_leaves_no_temporary_files(tmp_path: Path, jobs: str) -> None:
    proc, pid_files, folder = start_render(tmp_path, int(jobs), "--jobs", jobs)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and "internal error" not in err
    for pid_file in pid_files:
        assert soon(lambda f=pid_file: not alive(pid_in(f)))  # type: ignore[misc]
    assert temporary_files(folder) == []
    assert list(folder.glob("*.svg")) == []


@pytest.mark.skipif(not LINUX, reason="dying with the parent needs Linux's prctl")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigkill_of_argmap_stops_the_engines(tmp_path: Path, jobs: str) -> None:
    proc, pid_files, folder = start_render(tmp_path, int(jobs), "--jobs", jobs)
    proc.kill()
    proc.communicate(timeout=30)
    for pid_file in pid_files:
        assert soon(lambda f=pid_file: not alive(pid_in(f)))  # type: ignore[misc]
    assert soon(lambda: temporary_files(folder) == [])


def test_a_killed_worker_costs_only_its_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    for name in ("a", "killer", "c"):
        (folder / f"{name}.argmap").write_text(f'title "{name.upper()}"\nthesis t "T"\n')
    # The engine kills the process that drew the map titled KILLER: its worker.
    killer = script(tmp_path, 'd=$(cat); case "$d" in *KILLER*) kill -9 $PPID; sleep 5;; esac; echo "<svg/>"')
    assert run("render", folder, "--engine-binary", killer, "--jobs", "2") == exit_codes.USAGE
    err = capsys.readouterr().err
    assert f"{folder / 'killer.argmap'}: the process drawing it stopped unexpectedly" in err
    assert "internal error" not in err and "BrokenProcessPool" not in err
    assert sorted(p.name for p in folder.glob("*.svg")) == ["a.svg", "c.svg"]
