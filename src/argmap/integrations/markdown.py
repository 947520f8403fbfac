"""A ``pymdownx.superfences`` fence: ```` ```argmap ```` blocks become SVG in the page.

In ``mkdocs.yml`` (or the ``extension_configs`` of Python-Markdown)::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: argmap
              class: argmap
              format: !!python/name:argmap.integrations.markdown.fence
              validator: !!python/name:argmap.integrations.markdown.validate

Settings follow the language, values in quotes as superfences wants them:
```` ```argmap theme="dark" focus="t" evaluate ````. A map
that cannot be drawn is shown as its problems in a ``<pre class="argmap-error">``
block and logged as a warning. Files (``file=...``) need a page to be
relative to: the MkDocs plugin (:mod:`argmap.integrations.mkdocs`) reads them.

Example:
    >>> import markdown
    >>> config = {"custom_fences": [{"name": "argmap", "class": "argmap", "format": fence, "validator": validate}]}
    >>> md = markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": config})
    >>> page = md.convert('```argmap theme="dark" evaluate\\nthesis t "Tea is good."\\n```')
    >>> page.startswith('<div class="argmap"><svg role="img"'), "Tea is good." in page
    (True, True)
"""

from __future__ import annotations

import html
import logging
from typing import Any

from argmap.integrations import pictures

logger = logging.getLogger("argmap.integrations.markdown")


def validate(language: str, inputs: dict[str, str], options: dict[str, str], attrs: dict[str, str], md: Any) -> bool:
    """Keep the fence's settings (``key=value`` after the language) for :func:`fence`; always accept the fence."""
    options.update(inputs)
    return True


def to_html(text: str, settings: dict[str, str], path: str | None = None, line: int = 0) -> tuple[str, list[str]]:
    """A map as page markup, and the problems that stopped it from being drawn (each with its place).

    Args:
        text: the map.
        settings: the fence's settings.
        path: the file the map came from or, for a map written in a page, the page.
        line: the page line before the map's first line, when the map is written in the page.
    """
    try:
        options = pictures.render_options(settings, "svg")
        m = pictures.read(text, path)
        svg = pictures.draw(m, options)
    except pictures.MapProblems as exc:
        found = [_placed(p, path, line) for p in exc.problems]
        return _error_block(found), found
    except ValueError as exc:
        found = [f"{path or '<text>'}:{line}: {exc}" if line else str(exc)]
        return _error_block(found), found
    return pictures.inline_svg(svg, settings.get("alt"), settings.get("width")), []


def _placed(problem: pictures.Problem, path: str | None, line: int) -> str:
    if line and problem.path == path and problem.line:
        return f"{path or '<text>'}:{line + problem.line}:{problem.column}: {problem.message}"
    return str(problem)


def _error_block(problems: list[str]) -> str:
    return '<pre class="argmap-error">' + html.escape("\n".join(problems)) + "</pre>"


def fence(source: str, language: str, class_name: str, options: dict[str, str], md: Any, **kwargs: Any) -> str:
    """Format an ```` ```argmap ```` fence as inline SVG (superfences' ``format``)."""
    if "file" in options:
        problems = ["file=: a fence outside MkDocs has no page to find the file from; use the MkDocs plugin"]
        markup = _error_block(problems)
    else:
        markup, problems = to_html(source, dict(options))
    for problem in problems:
        logger.warning("argmap: %s", problem)
    return markup
