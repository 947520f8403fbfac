"""How fast the interactive page of a big map opens in headless Chromium, beside the plain SVG; and its size.

Usage:
    python benchmarks/bench_html.py --statements 5000 --runs 5
    python benchmarks/bench_html.py --statements 5000 --runs 5 --firefox   # and in Firefox too

Writes a map with ``benchmarks/generate.py``, draws it once as SVG and once as
the HTML page (``argmap render -f html``), then opens each from disk in the
system's Chromium (driven by Playwright, as the browser tests do), in turns,
several times. The yardstick is the browser opening the plain SVG of the same
map: the time to its ``load`` event and its first frame drawn. For the page it
measures, from the start of navigation: the ``load`` event, the page reporting
ready (``body[data-ready]``, set once its handlers are attached), a click on a
statement answered (its details shown in the side panel), and a search stepped
to its first match, centred. Prints the sizes and the median and range of each.
With ``--firefox``, the SVG and the page are opened in the system's Firefox too
(over WebDriver BiDi, as ``tests/test_html_firefox.py`` does): load, ready and
the click answered.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.browser import ARGS, chromium  # noqa: E402

#: Resolves after the next frame has been drawn.
NEXT_FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--firefox", action="store_true", help="also open both in the system's Firefox")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    binary = chromium()
    if binary is None:
        print("no Chromium found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        draw(work, args.statements)
        svg, html = (work / "big.svg").stat().st_size, (work / "big.html").stat().st_size
        print(f"SVG {svg / 1e6:.1f} MB, HTML {html / 1e6:.1f} MB ({html / svg:.2f}x the SVG)")
        times: dict[str, list[float]] = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=binary, args=ARGS)
            for _ in range(args.runs):
                for name, value in [*open_svg(browser, work / "big.svg"), *open_page(browser, work / "big.html")]:
                    times.setdefault(name, []).append(value)
            browser.close()
        if args.firefox:
            in_firefox(work, args.runs, times)
    for name, values in times.items():
        print(f"{name:<28} median {statistics.median(values):5.2f} s (range {min(values):.2f}-{max(values):.2f} s)")
    return 0


def draw(work: Path, statements: int) -> None:
    """The map, its SVG and its page in ``work``."""
    source = work / "big.argmap"
    with source.open("w") as out:
        command = [sys.executable, str(HERE / "generate.py"), "--statements", str(statements), "--seed", "1"]
        subprocess.run(command, stdout=out, check=True)
    for fmt in ("svg", "html"):
        started = time.monotonic()
        subprocess.run(["argmap", "render", str(source), "-f", fmt, "-o", str(work / f"big.{fmt}"), "-q"], check=True)
        print(f"argmap render -f {fmt}: {time.monotonic() - started:.1f} s")


def in_firefox(work: Path, runs: int, times: dict[str, list[float]]) -> None:
    """The SVG and the page opened in Firefox, ``runs`` times each, in turns."""
    from tests.firefox import Firefox, firefox

    binary = firefox()
    if binary is None:
        print("no Firefox found", file=sys.stderr)
        return
    browser = Firefox(binary, 1280, 800)
    try:
        for _ in range(runs):
            started = time.monotonic()
            browser.open((work / "big.svg").as_uri())
            browser.evaluate(NEXT_FRAME)
            times.setdefault("Firefox SVG: first frame", []).append(time.monotonic() - started)
            browser.open("about:blank")
            started = time.monotonic()
            browser.open((work / "big.html").as_uri())
            times.setdefault("Firefox page: load", []).append(time.monotonic() - started)
            browser.wait_for("document.body.dataset.ready === 'true'", 120)
            times.setdefault("Firefox page: ready", []).append(time.monotonic() - started)
            point = browser.evaluate("argmapPage.where('t1')")
            browser.click(point["x"], point["y"])
            browser.wait_for("!document.getElementById('panel').hidden", 120)
            times.setdefault("Firefox page: click answered", []).append(time.monotonic() - started)
            browser.open("about:blank")
    finally:
        browser.close()


def open_svg(browser: Any, path: Path) -> list[tuple[str, float]]:
    """The yardstick: the plain SVG opened, to its load event and its first frame."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    started = time.monotonic()
    page.goto(path.as_uri(), wait_until="load", timeout=120_000)
    loaded = time.monotonic() - started
    page.evaluate(NEXT_FRAME)
    drawn = time.monotonic() - started
    page.close()
    return [("SVG: load", loaded), ("SVG: first frame", drawn)]


def open_page(browser: Any, path: Path) -> list[tuple[str, float]]:
    """The page opened: load, ready, a click on the first thesis answered, a search centred."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    started = time.monotonic()
    page.goto(path.as_uri(), wait_until="load", timeout=120_000)
    loaded = time.monotonic() - started
    page.wait_for_selector("body[data-ready=true]", timeout=120_000)
    ready = time.monotonic() - started
    point = page.evaluate("argmapPage.where('t1')")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#panel:not([hidden]) h2", timeout=120_000)
    clicked = time.monotonic() - started
    if "(#1)" not in page.inner_text("#panel h2"):
        raise SystemExit("the click opened the wrong statement")
    page.fill("#search", "ceasefire")
    page.press("#search", "Enter")
    page.wait_for_selector(".current", timeout=120_000)
    page.evaluate(NEXT_FRAME)
    searched = time.monotonic() - started
    page.close()
    return [
        ("page: load", loaded),
        ("page: ready", ready),
        ("page: click answered", clicked),
        ("page: search centred", searched),
    ]


if __name__ == "__main__":
    sys.exit(main())
