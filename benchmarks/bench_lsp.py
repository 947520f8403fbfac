"""A keystroke in the language server: from the edit sent to its diagnostics received.

Usage:
    python benchmarks/bench_lsp.py [--statements 1000] [--keystrokes 30]

Starts ``argmap lsp`` as a client would, opens a map from
``benchmarks/generate.py --seed 1`` (a ``file:`` document), then types: each
keystroke sends one ``didChange`` (a character added to a statement's text,
or taken away) and waits until the server publishes the document's
diagnostics. The time includes the server's pause for more keystrokes
(``argmap.lsp.server.DEBOUNCE``), reading, every check and the JSON-RPC round
trip. Printed: the median and the slowest keystroke, in milliseconds, and the
median CPU time the server process spent on a keystroke (user + system, from
``/proc``; what the machine's other work does not change).
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(text: str, keystrokes: int) -> tuple[list[float], list[float]]:
    """Seconds from each keystroke sent to the document's diagnostics received, and the server's CPU seconds."""
    client = LanguageClient("bench", "1")
    published: asyncio.Queue[str] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params.uri)

    await client.start_io(sys.executable, "-m", "argmap", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.argmap"
        path.write_text(text)
        uri = path.as_uri()
        item = types.TextDocumentItem(uri=uri, language_id="argmap", version=0, text=text)
        client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        await _until(published, uri)
        where = text.index('"', text.index("claim ")) + 1  # inside the first claim's text
        line = text.count("\n", 0, where)
        column = where - text.rfind("\n", 0, where) - 1
        times, cpu = [], []
        pid = client._server.pid if client._server is not None else 0
        for n in range(keystrokes):
            typed = n % 2 == 0  # type a character, then take it away again
            rng = types.Range(
                start=types.Position(line=line, character=column),
                end=types.Position(line=line, character=column + (0 if typed else 1)),
            )
            change = types.TextDocumentContentChangePartial(range=rng, text="x" if typed else "")
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=1000, help="statements in the map (default 1000)")
    parser.add_argument("--keystrokes", type=int, default=30, help="keystrokes to time (default 30)")
    args = parser.parse_args(argv)
    text = "".join(line + "\n" for line in Generator(args.statements, 1).lines())
    times, cpu = asyncio.run(measure(text, args.keystrokes))
    print(
        f"{args.statements} statements, {len(text.splitlines())} lines: keystroke to diagnostics "
        f"median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms "
        f"({len(times)} keystrokes); server CPU per keystroke median {statistics.median(cpu) * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
