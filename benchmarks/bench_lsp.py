"""A keystroke in the language server: from the edit sent to its diagnostics received.

Usage:
    python benchmarks/bench_lsp.py [--statements 1000] [--keystrokes 30]

Starts ``argmap lsp`` as a client would, opens a map from
``benchmarks/generate.py --seed 1`` (a ``file:`` document), then types: each
keystroke sends one ``didChange`` and waits until the server publishes the
document's diagnostics. Two kinds of keystroke are timed: a character added to
the first statement's text (or taken away), and a line break added in the
middle of the map (or taken away), which moves every item below it. The time
includes the server's pause for more keystrokes (``argmap.lsp.server.DEBOUNCE``),
reading, every check and the JSON-RPC round trip. Printed: the median and the
slowest keystroke, in milliseconds, and the median CPU time the server process
spent on a keystroke (user + system, from ``/proc``; what the machine's other
work does not change). The yardstick, in the same run: reading and checking the
whole map in this process (``argmap.loads`` and ``argmap.validate``, what
``argmap check`` does after start-up), median CPU time of as many runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generate import Generator
from lsprotocol import types
from pygls.lsp.client import LanguageClient

import argmap


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


#: A keystroke and its undoing: (line, column, text typed) as a function of the map's text.
Where = tuple[int, int, str]


def in_a_text(text: str) -> Where:
    """Inside the first claim's text: a character."""
    where = text.index('"', text.index("claim ")) + 1
    return text.count("\n", 0, where), where - text.rfind("\n", 0, where) - 1, "x"


def mid_map(text: str) -> Where:
    """At the start of the middle line: a line break."""
    return text.count("\n") // 2, 0, "\n"


async def measure(text: str, keystrokes: int, where: Where) -> tuple[list[float], list[float]]:
    """Seconds from each keystroke sent to the document's diagnostics received, and the server's CPU seconds."""
    client = LanguageClient("bench", "1")
    published: asyncio.Queue[str] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params.uri)

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    line, column, typed = where
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.argmap"
        path.write_text(text)
        uri = path.as_uri()
        item = types.TextDocumentItem(uri=uri, language_id="argmap", version=0, text=text)
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        await _until(published, uri)
        times, cpu = [], []
        pid = client._server.pid if client._server is not None else 0
        for n in range(keystrokes):
            typing = n % 2 == 0  # type, then take it away again
            at = types.Position(line=line, character=column)
            typed_end = types.Position(line + 1, 0) if typed == "\n" else types.Position(line, column + 1)
            rng = types.Range(start=at, end=at if typing else typed_end)
            change = types.TextDocumentContentChangePartial(range=rng, text=typed if typing else "")
            start, start_cpu = time.perf_counter(), cpu_seconds(pid)
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=n + 1),
                    content_changes=[change],
                )
            )
            await _until(published, uri)
            times.append(time.perf_counter() - start)
            cpu.append(cpu_seconds(pid) - start_cpu)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times, cpu


async def _until(queue: asyncio.Queue[str], uri: str) -> None:
    while await asyncio.wait_for(queue.get(), timeout=60) != uri:
        pass


def whole_check(text: str, runs: int) -> list[float]:
    """CPU seconds of reading and checking the whole map in this process, ``runs`` times."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.argmap"
        path.write_text(text)
        argmap.validate(argmap.loads(text, str(path)))  # warm-up: the parser is made once per process
        times = []
        for _ in range(runs):
            start = time.process_time()
            argmap.validate(argmap.loads(text, str(path)))
            times.append(time.process_time() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1000, help="statements in the map (default 1000)")
    parser.add_argument("--keystrokes", type=int, default=30, help="keystrokes of each kind to time (default 30)")
    args = parser.parse_args(argv)
    text = "".join(line + "\n" for line in Generator(args.statements, 1).lines())
    print(f"{args.statements} statements, {len(text.splitlines())} lines, {os.getloadavg()[0]:.1f} load average")
    for name, where in (("a character in a text", in_a_text(text)), ("a line break mid-map", mid_map(text))):
        times, cpu = asyncio.run(measure(text, args.keystrokes, where))
        print(
            f"  keystroke, {name}: to diagnostics median {statistics.median(times) * 1000:.0f} ms, "
            f"slowest {max(times) * 1000:.0f} ms ({len(times)} keystrokes); "
            f"server CPU median {statistics.median(cpu) * 1000:.0f} ms"
        )
    yardstick = whole_check(text, args.keystrokes)
    whole = statistics.median(yardstick) * 1000
    print(f"  yardstick, the whole map read and checked in-process: CPU median {whole:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
