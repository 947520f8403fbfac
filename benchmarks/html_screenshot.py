"""The screenshot of the interactive page in the docs (docs/html-peace-talks.png), taken again.

Usage:
    python benchmarks/html_screenshot.py                 # writes docs/html-peace-talks.png
    python benchmarks/html_screenshot.py -o shot.png     # somewhere else

Draws the page of ``argmap render maps/peace-talks.argmap -f html --evaluate``,
opens it in the system's headless Chromium (driven by Playwright, as the browser
tests do) at 1400x860, searches for "Istanbul", presses Enter to step to the
first match, opens the thesis ``us_prevented`` in the side panel and saves the
window. Run it after anything that changes how the article's map is drawn.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.browser import ARGS, chromium  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "html-peace-talks.png")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    import argmap
    from argmap.rendering.options import RenderOptions

    binary = chromium()
    if binary is None:
        print("no Chromium found (apt-get install chromium, or set ARGMAP_CHROMIUM)", file=sys.stderr)
        return 2
    m = argmap.load(ROOT / "maps" / "peace-talks.argmap")
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "peace-talks.html"
        page_file.write_bytes(argmap.render(m, options=RenderOptions(format="html", evaluate=True)))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=binary, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860})
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-ready=true]")
            page.fill("#search", "Istanbul")
            page.press("#search", "Enter")
            page.evaluate("argmapPage.open('us_prevented')")
            page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            page.screenshot(path=str(args.output))
            browser.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
