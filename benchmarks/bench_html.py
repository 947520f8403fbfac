"""How fast the interactive page of a big map opens in headless Chromium, and how big it is.

Usage:
    python benchmarks/bench_html.py --statements 5000 --runs 5

Writes a map with ``benchmarks/generate.py``, draws it once as SVG and once as
the HTML page (``argmap render -f html``), then opens the page from disk in the
system's Chromium (driven by Playwright, as the browser tests do) several
times. For each run it measures, from the start of navigation: the page's
``load`` event, the moment its script has set the picture up
(``body[data-ready]``), and the first interaction done (a search typed and its
first match centred). Prints the sizes and the median and range of each time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.browser import ARGS, chromium  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    binary = chromium()
    if binary is None:
        print("no Chromium found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = work / "big.argmap"
        with source.open("w") as out:
            subprocess.run(
                [sys.executable, str(HERE / "generate.py"), "--statements", str(args.statements), "--seed", "1"],
                stdout=out,
                check=True,
            )
        for fmt in ("svg", "html"):
            started = time.monotonic()
            subprocess.run(
                ["argmap", "render", str(source), "-f", fmt, "-o", str(work / f"big.{fmt}"), "-q"], check=True
            )
            print(f"argmap render -f {fmt}: {time.monotonic() - started:.1f} s")
        svg, html = (work / "big.svg").stat().st_size, (work / "big.html").stat().st_size
        print(f"SVG {svg / 1e6:.1f} MB, HTML {html / 1e6:.1f} MB ({html / svg:.2f}x the SVG)")
        times: dict[str, list[float]] = {"load": [], "ready": [], "interactive": []}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=binary, args=ARGS)
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                started = time.monotonic()
                page.goto((work / "big.html").as_uri(), wait_until="load", timeout=60_000)
                times["load"].append(time.monotonic() - started)
                page.wait_for_selector("body[data-ready=true]", timeout=60_000)
                times["ready"].append(time.monotonic() - started)
                page.fill("#search", "ceasefire")
                page.press("#search", "Enter")
                page.wait_for_selector(".current", timeout=60_000)
                times["interactive"].append(time.monotonic() - started)
                page.close()
            browser.close()
    for name, values in times.items():
        print(f"{name}: median {statistics.median(values):.2f} s (range {min(values):.2f}-{max(values):.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
