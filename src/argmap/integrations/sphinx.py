"""The Sphinx extension: ``.. argmap::`` draws a map into the documentation.

Load it as ``extensions = ["argmap.sphinx"]``. Following ``sphinx.ext.graphviz``,
the directive takes a file (relative to the document, or to the source folder
when it starts with ``/``) or the map as its content::

    .. argmap:: maps/tea.argmap
       :evaluate:
       :focus: tea
       :caption: What the review shows

HTML builds put the SVG into the page (so source links work); LaTeX builds
include a PNG (the bundled layout engine draws no PDF); text and man pages
show the alt text. Pictures are kept in the build's image folder under a hash
of the map (includes read), the settings and argmap's version, so an unchanged
map is not drawn again; the map file and every file it includes are
dependencies of the document, so editing them rebuilds it. A map with a syntax
error or checker errors, or a bad setting, is a warning with its file and line
(a failed build only under ``-W``), and no picture.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import set_source_info

from argmap.integrations import pictures
from argmap.integrations.lexer import ArgmapLexer
from argmap.metadata import version

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata, OptionSpec
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

logger = logging.getLogger(__name__)

#: Settings of the picture, passed as they are written to :func:`argmap.integrations.pictures.render_options`.
PICTURE_OPTIONS = (
    *("theme", "direction", "semantics", "focus", "section", "depth", "wrap"),
    *("assume", "reject", "distrust"),
)
#: The same, with the flags.
SETTINGS = (*PICTURE_OPTIONS, "evaluate", "legend")


class argmap_picture(nodes.General, nodes.Element):
    """A map to draw: its text, the file its includes are read from, its settings."""


def _align(argument: str) -> str:
    return str(directives.choice(argument, ("left", "center", "right")))


class ArgmapDirective(SphinxDirective):
    """``.. argmap:: [file]``: draw a map from a file or from the directive's content."""

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = False
    option_spec: ClassVar[OptionSpec] = {
        **dict.fromkeys(PICTURE_OPTIONS, directives.unchanged_required),
        "evaluate": directives.flag,
        "legend": directives.unchanged_required,
        "alt": directives.unchanged,
        "caption": directives.unchanged,
        "width": directives.length_or_percentage_or_unitless,
        "align": _align,
        "html": directives.flag,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        """Read the map, report what stops it from being drawn, and give the node to draw."""
        source = self._source()
        if source is None:
            return []
        text, path, first_line = source
        if "html" in self.options:
            self._warn("argmap: the interactive page (:html:) is not available yet; drawing a picture")
        settings = {name: value or "" for name, value in self.options.items() if name in SETTINGS}
        try:
            pictures.render_options(settings)
        except ValueError as exc:
            self._warn(f"argmap: {exc}")
            return []
        try:
            m = pictures.read(text, path)
        except pictures.MapProblems as exc:
            for problem in exc.problems:
                self._report(problem, path, first_line)
            return []
        for included in pictures.included_files(m):
            self.env.note_dependency(included)
        return [self._node(text, path, first_line, settings)]

    def _source(self) -> tuple[str, str, int] | None:
        """The map's text, its path, and the document line of its first line (0 for a file)."""
        if self.arguments:
            if self.content:
                self._warn("argmap: give a file or the map as content, not both")
                return None
            rel, absolute = self.env.relfn2path(self.arguments[0])
            self.env.note_dependency(rel)
            try:
                return Path(absolute).read_text(encoding="utf-8"), str(absolute), 0
            except (OSError, UnicodeDecodeError) as exc:
                self._warn(f"argmap: cannot read {self.arguments[0]}: {getattr(exc, 'strerror', None) or exc}")
                return None
        if not "\n".join(self.content).strip():
            self._warn("argmap: the directive has neither a file nor a map")
            return None
        return "\n".join(self.content), str(self.env.doc2path(self.env.docname)), self.content_offset + 1

    def _warn(self, message: str) -> None:
        logger.warning(message, location=(self.env.docname, self.lineno))

    def _report(self, problem: pictures.Problem, path: str, first_line: int) -> None:
        if first_line and problem.path == path and problem.line:
            # A map written in the document: its lines are the document's.
            location: Any = (self.env.docname, first_line + problem.line - 1)
            message = f"argmap: {problem.line}:{problem.column}: {problem.message}"
        elif problem.line:
            location = f"{problem.path}:{problem.line}"
            message = f"argmap: {problem.line}:{problem.column}: {problem.message}"
        else:
            location = (self.env.docname, self.lineno)
            message = f"argmap: {problem.message}"
        logger.warning(message, location=location)

    def _node(self, text: str, path: str, first_line: int, settings: dict[str, str]) -> nodes.Node:
        node = argmap_picture()
        node["code"], node["path"], node["settings"] = text, path, settings
        for name in ("alt", "width", "align"):
            if name in self.options:
                node[name] = self.options[name]
        node["classes"] += self.options.get("class", [])
        set_source_info(self, node)
        if "caption" not in self.options:
            self.add_name(node)
            return node
        figure = nodes.figure("", node)
        if "align" in node:
            figure["align"] = node["align"]
        inline, messages = self.parse_inline(self.options["caption"])
        caption = nodes.caption(self.options["caption"], "", *inline)
        caption.extend(messages)
        set_source_info(self, caption)
        figure += caption
        self.add_name(figure)
        return figure


def _picture(translator: Any, node: argmap_picture, format: str) -> Path | None:
    """The picture of the node in the builder's image folder, or None after a warning."""
    builder = translator.builder
    try:
        options = pictures.render_options(node["settings"], format)
        m = pictures.read(node["code"], node["path"])
        return pictures.cached(m, options, Path(builder.outdir) / builder.imagedir)
    except (ValueError, OSError) as exc:
        logger.warning(f"argmap: {exc}", location=node)
        return None


def html_visit(translator: HTML5Translator, node: argmap_picture) -> None:
    """The map as SVG inside the page, so that its links work."""
    path = _picture(translator, node, "svg")
    if path is not None:
        svg = pictures.inline_svg(path.read_bytes(), node.get("alt"), node.get("width"))
        align = [f"align-{node['align']}"] if "align" in node else []
        classes = " ".join(["argmap-figure", *align, *node.get("classes", [])])
        translator.body.append(f'<div class="{classes}">{svg}</div>\n')
    raise nodes.SkipNode


def latex_visit(translator: LaTeXTranslator, node: argmap_picture) -> None:
    """The map as a PNG file included in the LaTeX source."""
    path = _picture(translator, node, "png")
    if path is not None:
        size = f"[width={translator.latex_image_length(node['width'])}]" if node.get("width") else ""
        name = (Path(translator.builder.imgpath) / path.name).as_posix()
        translator.body.append(f"\n\\sphinxincludegraphics{size}{{{name}}}\n")
    raise nodes.SkipNode


def text_visit(translator: Any, node: argmap_picture) -> None:
    """The alt text where no picture can go."""
    alt = node.get("alt")
    translator.add_text(f"[argument map: {alt}]" if alt else "[argument map]")
    raise nodes.SkipNode


def man_visit(translator: Any, node: argmap_picture) -> None:
    """The alt text in a man page."""
    alt = node.get("alt")
    translator.body.append(f"[argument map: {alt}]" if alt else "[argument map]")
    raise nodes.SkipNode


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive, its node and the argmap lexer."""
    app.add_node(
        argmap_picture,
        html=(html_visit, None),
        latex=(latex_visit, None),
        text=(text_visit, None),
        man=(man_visit, None),
    )
    app.add_directive("argmap", ArgmapDirective)
    app.add_lexer("argmap", ArgmapLexer)
    return {"version": version(), "parallel_read_safe": True, "parallel_write_safe": True}
