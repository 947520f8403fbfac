"""The interactive page's template, script and style sheet (see :mod:`argmap.rendering.html`)."""
