"""``argmap serve``: the live preview, over HTTP on the loopback address and in a real browser."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from argmap.cli import main
from argmap.cli.serve import Preview, Server, start, stop
from argmap.rendering.options import RenderOptions

if TYPE_CHECKING:
    from tests.test_html_browser import Opened

TEA = 'title "Tea"\nthesis t "Tea is good."\nclaim c "Tea is tasty."\nc supports t\n'


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Preview, Server]]:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA)
    # Without the legend, which is wrapped to the map's width, a statement added beside the others
    # leaves the old ones where they were, so an update can keep their elements.
    preview = Preview(str(path), RenderOptions(format="html", legend=False))
    server, threads = start(preview, "127.0.0.1", 0)
    yield path, preview, server
    stop(preview, server, threads)


def get(server: Server, route: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    try:
        connection.request("GET", route)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def picture(server: Server) -> dict[str, Any]:
    status, body = get(server, "/picture.json")
    assert status == 200
    loaded: dict[str, Any] = json.loads(body)
    return loaded


@contextlib.contextmanager
def opened_page(server: Server) -> Iterator[Opened]:
    """The preview's page, opened in a headless Chromium and ready."""
    from tests.test_html_browser import Opened, launched_browser

    with launched_browser() as browser:
        yield Opened(browser, f"http://127.0.0.1:{server.server_address[1]}/")


def edit(path: Path, text: str) -> None:
    """Write ``text`` and make sure the modification time moves, however coarse the clock."""
    before = path.stat().st_mtime_ns
    path.write_text(text)
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def changed(preview: Preview, version: int, seconds: float = 10.0) -> bool:
    """Whether the preview redraws within ``seconds``."""
    return preview.wait_for(version, seconds) > version


def test_the_page_and_picture_are_served_on_the_loopback_address(served: tuple[Path, Preview, Server]) -> None:
    _, _, server = served
    assert server.server_address[0] == "127.0.0.1"
    status, page = get(server, "/")
    assert status == 200 and page.startswith(b"<!DOCTYPE html>") and b"Tea is good." in page
    body = picture(server)
    ids = [row[0] for row in body["picture"]["parts"]]
    assert (
        body["problems"] == []
        and "statement-t" in ids
        and "<?xml" not in body["picture"]["frame"]
        and "t" in body["data"]["statements"]
    )
    assert get(server, "/nothing")[0] == 404


def test_an_edit_is_redrawn_and_announced_as_an_event(served: tuple[Path, Preview, Server]) -> None:
    path, preview, server = served
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    connection.request("GET", "/events")
    events = connection.getresponse()
    assert events.getheader("Content-Type") == "text/event-stream"
    assert events.readline() == b"event: picture\n"
    version = preview.version
    edit(path, TEA.replace("Tea is tasty.", "Tea is delicious."))
    assert changed(preview, version)
    for _ in range(10):  # the next event, past the one already read
        if events.readline() == b"event: picture\n":
            break
    else:
        pytest.fail("no event after the edit")
    connection.close()
    assert "delicious" in picture(server)["data"]["statements"]["c"]["text"]


def test_a_broken_edit_shows_diagnostics_and_keeps_the_last_good_picture(
    served: tuple[Path, Preview, Server],
) -> None:
    path, preview, server = served
    good = picture(server)["picture"]
    version = preview.version
    edit(path, TEA + 'claim "no id"\n')
    assert changed(preview, version)
    body = picture(server)
    assert any(":5:" in line and "error" in line.lower() for line in body["problems"]), body["problems"]
    assert body["picture"] == good
    version = preview.version
    edit(path, TEA + "c supports nowhere\n")  # reads, but does not check
    assert changed(preview, version)
    assert any("nowhere" in line for line in picture(server)["problems"])
    version = preview.version
    edit(path, TEA)
    assert changed(preview, version)
    assert picture(server)["problems"] == []


def test_a_change_to_an_included_file_is_redrawn(tmp_path: Path) -> None:
    part = tmp_path / "part.argmap"
    part.write_text('claim extra "Tea is warm."\n')
    path = tmp_path / "main.argmap"
    path.write_text(TEA + 'include "part.argmap"\nextra supports t\n')
    preview = Preview(str(path), RenderOptions(format="html"))
    server, threads = start(preview, "127.0.0.1", 0)
    try:
        version = preview.version
        edit(part, 'claim extra "Tea is hot."\n')
        assert changed(preview, version)
        assert picture(server)["data"]["statements"]["extra"]["text"] == "Tea is hot."
    finally:
        stop(preview, server, threads)


def test_a_missing_map_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", str(tmp_path / "missing.argmap"), "--no-open"]) == 2
    assert "missing.argmap: no such file" in capsys.readouterr().err


def test_serving_elsewhere_than_this_machine_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA)
    # 192.0.2.1 is a documentation address that no machine has: the warning, then a clear refusal.
    assert main(["serve", str(path), "--no-open", "--port", "0", "--host", "192.0.2.1"]) == 2
    err = capsys.readouterr().err
    assert "warning: serving on 192.0.2.1" in err and "cannot listen on 192.0.2.1:0" in err


def test_ctrl_c_stops_the_server_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "tea.argmap"
    path.write_text(TEA)
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", str(path), "--no-open", "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith(f"serving {path} at http://127.0.0.1:"), line
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "stopped" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_browser_page_follows_edits_and_shows_diagnostics(served: tuple[Path, Preview, Server]) -> None:
    path, _, server = served
    with opened_page(server) as opened:
        page = opened.page
        page.evaluate("argmapPage.zoom(2)")
        zoom = page.evaluate("argmapPage.state().k")
        edit(path, TEA.replace("Tea is tasty.", "Tea is delicious."))
        page.locator("#statement-c[aria-label*='delicious']").wait_for(timeout=10_000)
        assert page.evaluate("argmapPage.state().k") == pytest.approx(zoom)
        edit(path, TEA + 'claim "no id"\n')
        page.wait_for_selector("#problems:not([hidden])", timeout=10_000)
        assert ":5:" in page.inner_text("#problems")
        assert page.locator("#statement-c").count() == 1  # the last good picture stays
        edit(path, TEA)
        page.wait_for_selector("#problems[hidden]", state="attached", timeout=10_000)
        assert opened.errors == []


def test_an_edit_redraws_only_what_changed_and_keeps_the_view_and_the_selection(
    served: tuple[Path, Preview, Server],
) -> None:
    path, _, server = served
    with opened_page(server) as opened:
        page = opened.page
        page.click("#statement-c")
        page.evaluate("argmapPage.zoom(1.5)")
        page.focus("#view")
        page.keyboard.press("ArrowLeft")
        view = page.evaluate("argmapPage.state()")
        page.evaluate("document.getElementById('statement-t').seenBefore = true")
        edit(path, TEA + 'claim milk "Milk is good too." { note: "new" }\n')
        page.locator("#statement-milk").wait_for(timeout=10_000)
        assert page.evaluate("document.getElementById('statement-t').seenBefore") is True  # not redrawn
        assert page.evaluate("argmapPage.reused()") >= 3  # t, c and the line between them
        assert page.evaluate("argmapPage.state()") == view
        assert page.locator("#panel").is_visible() and page.inner_text("#panel h2") == "Tea is tasty."
        assert page.locator("#statement-c.selected").count() == 1
        edit(path, TEA.replace("Tea is tasty.", "Tea is very tasty."))
        page.locator("#statement-milk").wait_for(state="detached", timeout=10_000)
        assert page.inner_text("#panel h2") == "Tea is very tasty."  # the selection, with its new text
        assert page.evaluate("argmapPage.state()") == view
        assert opened.errors == []
