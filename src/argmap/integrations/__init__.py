"""argmap where maps live: documentation tools and editors.

Each module adapts argmap to one tool and imports that tool, which comes with
an extra (``pip install 'argmap[sphinx]'`` and so on):

- :mod:`argmap.integrations.lexer`: a Pygments lexer (``argmap[pygments]``);
- :mod:`argmap.integrations.sphinx`: the ``.. argmap::`` directive (``argmap[sphinx]``),
  loaded as the Sphinx extension ``argmap.sphinx``;
- :mod:`argmap.integrations.markdown`: a ``pymdownx.superfences`` fence and
  :mod:`argmap.integrations.mkdocs` an MkDocs plugin (``argmap[mkdocs]``);
- :mod:`argmap.integrations.pandoc`: the ``argmap-pandoc`` filter (``argmap[pandoc]``).

:mod:`argmap.integrations.pictures` is what they share: settings written as
text, reading a map into problems or a model, and cached drawing.
"""
