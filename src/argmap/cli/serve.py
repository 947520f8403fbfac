"""``argmap serve MAP``: a live preview in the browser that redraws as the map is edited.

A small server from the standard library (:mod:`http.server`) serves the
interactive page (:mod:`argmap.rendering.html`) on 127.0.0.1. A watcher thread
polls the modification times of the map and of every file it includes; when one
changes it redraws the map and tells the page through Server-Sent Events
(``/events``); the page fetches ``/picture.json`` and swaps in the parts that changed,
keeping its zoom, place and folded sections. A map that no longer reads or
checks cleanly shows its diagnostics above the last good picture.

Routes: ``/`` the page, ``/picture.json`` the current picture (``picture``: its frame and parts, ``data``)
and diagnostics (``problems``), ``/events`` the event stream.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from argmap.cli import exit_codes
from argmap.cli.options import add_evaluation_options, evaluation_needed
from argmap.cli.reading import SourceLines, full_reports, read_map, shown
from argmap.errors import ArgmapFileError
from argmap.model import ArgumentMap
from argmap.model.diagnostics import Diagnostic
from argmap.rendering.options import RenderOptions

#: Seconds between two looks at the files' modification times.
POLL = 0.25
#: Seconds between keep-alive comments on an idle event stream.
KEEPALIVE = 10.0
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "serve",
        help="a live preview in the browser that redraws as the map changes",
        description=(
            "Serve the interactive page of a map on this machine and redraw it whenever the map, "
            "or a file it includes, changes. Stop with Ctrl-C."
        ),
    )
    p.add_argument("path", metavar="MAP", help="the .argmap file")
    p.add_argument("--port", type=int, default=8000, help="the port (default 8000; 0 picks a free one)")
    p.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1, this machine only)"
    )
    p.add_argument("--no-open", dest="open", action="store_false", help="do not open a browser")
    judged = p.add_argument_group("evaluation")
    judged.add_argument("--evaluate", action="store_true", help="show each statement's and inference's status")
    add_evaluation_options(judged)
    p.set_defaults(run=run)


class Preview:
    """The map being previewed: its last good picture, its current problems, and a version that counts redraws.

    Args:
        path: the map file.
        options: how to draw it (format ``html``).
    """

    def __init__(self, path: str, options: RenderOptions) -> None:
        self.path = path
        self.options = options
        self.version = 0
        self.problems: list[str] = []
        self.picture_body: dict[str, Any] | None = None
        self.data: dict[str, Any] | None = None
        self.page = b""
        self.watched: list[str] = [os.path.abspath(path)]
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self._stamps: dict[str, float | None] = {}

    def redraw(self) -> None:
        """Read, check and draw the map; keep the last good picture when it fails."""
        from argmap.checks.validate import validate

        problems: list[str] = []
        m: ArgumentMap | None = None
        seen = self.stamps()  # before reading: an edit made while reading is seen by the next look
        try:
            read, text = read_map(self.path)
        except ArgmapFileError as exc:
            problems = [f"argmap: error: {exc}"]
        else:
            lines = SourceLines({shown(self.path): text})
            if isinstance(read, Diagnostic):
                problems = full_reports([read], lines)
            else:
                m = read
                self.watched = [os.path.abspath(self.path), *m.included_files()]
                problems = full_reports((d for d in validate(m) if d.is_error), lines)
        now = self.stamps()  # files newly included are watched from now on
        self._stamps = {name: seen.get(name, stamp) for name, stamp in now.items()}
        if m is not None and not problems:
            problems = self._draw(m)
        with self.changed:
            self.problems = [p.rstrip("\n") for p in problems]
            self.version += 1
            self.changed.notify_all()

    def _draw(self, m: ArgumentMap) -> list[str]:
        """Draw ``m`` as the new good picture; the problem, if that fails."""
        from argmap.rendering.build import LayoutError
        from argmap.rendering.engine import EngineError
        from argmap.rendering.html import details, page, picture
        from argmap.rendering.render import page_parts

        try:
            parts = page_parts(m, self.options)
        except (EngineError, LayoutError, ValueError) as exc:
            return [f"argmap: error: {shown(self.path)}: {exc}"]
        frame, rows = picture(parts.svg)
        self.picture_body = {"frame": frame, "parts": rows}
        self.data = details(m, parts.prepared.graph, parts.evaluation)
        self.page = page(m, parts.prepared.graph, parts.svg, parts.evaluation)
        return []

    def first_page(self) -> bytes:
        """The page to serve: the last good one, or an empty map's when none has been drawn."""
        if not self.page:
            from argmap.rendering.html import page
            from argmap.rendering.render import page_parts

            empty = ArgumentMap(title=shown(self.path))
            parts = page_parts(empty, self.options)
            self.page = page(empty, parts.prepared.graph, parts.svg, parts.evaluation)
        return self.page

    def picture(self) -> bytes:
        """``/picture.json``: the problems, and the last good picture and its data."""
        with self.changed:
            body = {"version": self.version, "problems": self.problems, "picture": self.picture_body, "data": self.data}
        return json.dumps(body, ensure_ascii=False).encode("utf-8")

    def stamps(self) -> dict[str, float | None]:
        """The modification time of every watched file (None for one that is missing)."""
        found: dict[str, float | None] = {}
        for name in self.watched:
            try:
                found[name] = os.stat(name).st_mtime_ns
            except OSError:
                found[name] = None
        return found

    def watch(self) -> None:
        """Redraw whenever a watched file changes, until :attr:`stopping` is set."""
        while not self.stopping.wait(POLL):
            if self.stamps() != self._stamps:
                self.redraw()

    def wait_for(self, version: int, seconds: float) -> int:
        """The version once it is past ``version``, or after ``seconds``, or when stopping."""
        with self.changed:
            self.changed.wait_for(lambda: self.version > version or self.stopping.is_set(), seconds)
            return self.version


def handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    """The request handler class for ``preview``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            route = self.path.split("?", 1)[0]
            if route == "/":
                self._send(preview.first_page(), "text/html; charset=utf-8")
            elif route == "/picture.json":
                self._send(preview.picture(), "application/json; charset=utf-8")
            elif route == "/events":
                self._events()
            else:
                self._send(b"not found\n", "text/plain; charset=utf-8", 404)

        def _send(self, body: bytes, kind: str, code: int = 200) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            """One ``picture`` event now and after every redraw, until the page goes or the server stops."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            version = -1
            with contextlib.suppress(OSError):
                while not preview.stopping.is_set():
                    now = preview.wait_for(version, KEEPALIVE)
                    if now == version:
                        self.wfile.write(b": still here\n\n")
                    else:
                        version = now
                        self.wfile.write(f"event: picture\ndata: {version}\n\n".encode())
                    self.wfile.flush()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the preview reports redraws, not requests."""

    return Handler


class Server(ThreadingHTTPServer):
    """The preview's HTTP server: one thread per request, none of which keeps the process alive."""

    daemon_threads = True
    allow_reuse_address = True


def start(preview: Preview, host: str = "127.0.0.1", port: int = 0) -> tuple[Server, list[threading.Thread]]:
    """Draw the map, then serve it and watch its files, each in a thread of its own.

    Raises:
        OSError: the address cannot be bound.
    """
    preview.redraw()
    server = Server((host, port), handler(preview))
    threads = [
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True),
        threading.Thread(target=preview.watch, daemon=True),
    ]
    for thread in threads:
        thread.start()
    return server, threads


def stop(preview: Preview, server: Server, threads: list[threading.Thread]) -> None:
    """Stop watching and serving, and wake every event stream so that it ends."""
    preview.stopping.set()
    with preview.changed:
        preview.changed.notify_all()
    server.shutdown()
    server.server_close()
    for thread in threads:
        thread.join(timeout=5)


def run(args: argparse.Namespace) -> int:
    if not os.path.isfile(args.path):
        print(f"argmap: error: {args.path}: no such file", file=sys.stderr)
        return exit_codes.USAGE
    if args.host not in LOOPBACK:
        print(
            f"argmap: warning: serving on {args.host}: anyone who can reach this machine can read the map",
            file=sys.stderr,
        )
    needed = evaluation_needed(args)
    if needed:
        print(f"argmap: error: {needed}", file=sys.stderr)
        return exit_codes.USAGE
    options = RenderOptions(
        format="html",
        evaluate=args.evaluate,
        semantics=args.semantics or "grounded",
        assume=args.assume,
        reject=args.reject,
        distrust=args.distrust,
        ordering=args.ordering,
        comparison=args.comparison,
        prefer=[tuple(pair) for pair in args.prefer],
    )
    preview = Preview(args.path, options)
    try:
        server, threads = start(preview, args.host, args.port)
    except OSError as exc:
        print(f"argmap: error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return exit_codes.USAGE
    host, port = str(server.server_address[0]), int(server.server_address[1])
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    try:  # from here on, Ctrl-C stops the server cleanly
        print(f"serving {shown(args.path)} at {url} (Ctrl-C stops)", file=sys.stderr, flush=True)
        for line in preview.problems:
            print(line, file=sys.stderr)
        if args.open:
            import webbrowser

            webbrowser.open(url)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        stop(preview, server, threads)
    return exit_codes.OK
