"""The MkDocs plugin: ```` ```argmap ```` fences, written in the page or naming a file, become SVG.

In ``mkdocs.yml``::

    plugins:
      - search
      - argmap

A fence holds a map, or names one with ``file=`` (relative to the page's
Markdown file) and is otherwise empty; settings follow the language::

    ```argmap file="../maps/tea.argmap" evaluate focus="tea"
    ```

The plugin draws the fences before Markdown reads the page, so no other
extension is needed. A map that cannot be drawn is a warning with its file and
line (``mkdocs build --strict`` then fails) and its problems are shown in the
page. ``mkdocs serve`` watches the map files the pages name.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin

from argmap.integrations import pictures
from argmap.integrations.markdown import to_html

logger = logging.getLogger("mkdocs.plugins.argmap")

FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*argmap(?P<header>(?:[ \t][^\n]*)?)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.M | re.S,
)


class ArgmapPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Replaces ```` ```argmap ```` fences with the maps' pictures."""

    def __init__(self) -> None:
        self._pictures: dict[str, str] = {}
        self._watched: set[str] = set()

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        """Draw each fence and leave a marker where its picture goes."""
        page_path = page.file.abs_src_path
        return FENCE.sub(lambda found: self._marker(found, markdown, page_path), markdown)

    def _marker(self, found: re.Match[str], markdown: str, page_path: str) -> str:
        line = markdown.count("\n", 0, found.start()) + 1
        markup = self._draw(found, page_path, line)
        marker = f"argmap-picture-{secrets.token_hex(8)}"
        self._pictures[marker] = markup
        return f"\n{marker}\n"

    def _draw(self, found: re.Match[str], page_path: str, line: int) -> str:
        try:
            settings = pictures.parse_settings(found["header"])
        except ValueError as exc:
            settings, problems = {}, [f"{page_path}:{line}: {exc}"]
            markup = f'<pre class="argmap-error">{exc}</pre>'
        else:
            name = settings.pop("file", None)
            if name is None:
                markup, problems = to_html(found["body"], settings, page_path, line)
            else:
                markup, problems = self._draw_file(Path(page_path).parent / name, settings, page_path, line)
        for problem in problems:
            logger.warning("argmap: %s", problem)
        return markup

    def _draw_file(self, path: Path, settings: dict[str, str], page_path: str, line: int) -> tuple[str, list[str]]:
        self._watched.add(str(path))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problem = f"{page_path}:{line}: cannot read {path}: {getattr(exc, 'strerror', None) or exc}"
            return f'<pre class="argmap-error">{problem}</pre>', [problem]
        with contextlib.suppress(pictures.MapProblems):  # reported by to_html
            self._watched.update(pictures.included_files(pictures.read(text, str(path))))
        return to_html(text, settings, str(path))

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        """Put each picture where its marker is."""

        def picture(found: re.Match[str]) -> str:
            return self._pictures.pop(found[1], found[0])

        return re.sub(r"<p>(argmap-picture-[0-9a-f]{16})</p>", picture, html)

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Rebuild when a map a page names changes (maps often live outside the docs folder)."""
        for path in sorted(self._watched):
            server.watch(path)
        return server
