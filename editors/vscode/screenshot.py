"""The picture of the live preview in docs/editors.md: a map's source beside its preview.

Usage:
    python editors/vscode/screenshot.py [MAP] [-o docs/editor-preview.png]

VS Code cannot run headless here, so the picture is composed the way the
extension lays it out: the map's text on the left (highlighted by argmap's own
Pygments lexer, with the problems ``argmap check`` finds in the status bar) and,
on the right, the page the extension's preview shows: ``argmap render -f html``
of the same map, live and interactive, in a frame. Chromium from the system
packages (``/usr/bin/chromium``, or ``$ARGMAP_CHROMIUM``) draws it through
Playwright. Needs ``pip install playwright pygments``; run it again after
changing the map or the page.
"""

from __future__ import annotations

import argparse
import html
import os
from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter

import argmap
from argmap.integrations.lexer import ArgmapLexer

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1600, 900

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
  body {{ margin: 0; font: 13px/1.4 "DejaVu Sans", sans-serif; background: #1e1e1e; color: #d4d4d4;
          display: grid; grid-template-rows: 35px 1fr 22px; height: {height}px; }}
  .tabs {{ display: grid; grid-template-columns: 42% 58%; background: #252526; }}
  .tab {{ padding: 9px 14px; border-right: 1px solid #1e1e1e; color: #fff; background: #1e1e1e; width: max-content; }}
  .tab.preview {{ background: #1e1e1e; border-left: 1px solid #444; }}
  main {{ display: grid; grid-template-columns: 42% 58%; min-height: 0; }}
  .source {{ overflow: hidden; border-right: 1px solid #444; }}
  .source pre {{ margin: 0; padding: 6px 0; font: 13px/19px "DejaVu Sans Mono", monospace; }}
  .source .linenos {{ color: #858585; padding: 0 14px 0 10px; text-align: right; user-select: none; }}
  .source td.code {{ width: 100%; }}
  .source table {{ border-spacing: 0; }}
  iframe {{ width: 100%; height: 100%; border: 0; background: #fff; }}
  footer {{ background: #007acc; color: #fff; padding: 3px 12px; font-size: 12px; }}
  {style}
</style></head><body>
<div class="tabs"><div class="tab">{name}</div><div class="tab preview">Preview {name}</div></div>
<main><div class="source">{source}</div><iframe srcdoc="{preview}" title="preview"></iframe></main>
<footer>argmap &#x2014; {problems} &#xB7; argmap lsp</footer>
</body></html>
"""


def page(path: Path) -> str:
    """The composed page: the map's highlighted text beside its interactive preview."""
    text = path.read_text(encoding="utf-8")
    m = argmap.load(path)
    found = argmap.validate(m)
    errors = sum(1 for d in found if d.code.startswith("E"))
    problems = f"{errors} errors, {len(found) - errors} warnings"
    formatter = HtmlFormatter(style="monokai", linenos="table", nobackground=True)
    preview = argmap.render(m, "html").decode("utf-8")
    return PAGE.format(
        height=HEIGHT,
        style=formatter.get_style_defs(".source"),
        name=html.escape(path.name),
        source=highlight(text, ArgmapLexer(), formatter),
        preview=html.escape(preview, quote=True),
        problems=problems,
    )


def shoot(path: Path, out: Path) -> None:
    """Draw the composed page in Chromium and write the PNG to ``out``."""
    from playwright.sync_api import sync_playwright

    composed = out.with_suffix(".html")
    composed.write_text(page(path), encoding="utf-8")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium"),
                args=["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"],
            )
            tab = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            tab.goto(composed.as_uri())
            tab.frame_locator("iframe").locator("body[data-ready]").wait_for(timeout=60_000)
            tab.wait_for_timeout(500)  # the preview's first fit to the frame
            tab.screenshot(path=str(out))
            browser.close()
    finally:
        composed.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default=str(ROOT / "maps" / "drug-trial.argmap"))
    parser.add_argument("-o", "--output", default=str(ROOT / "docs" / "editor-preview.png"))
    args = parser.parse_args(argv)
    shoot(Path(args.map), Path(args.output))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
