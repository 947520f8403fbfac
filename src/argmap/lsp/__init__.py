"""``argmap lsp``: a language server for editors (diagnostics, navigation, rename, completion, preview).

Needs the ``lsp`` extra (``pip install 'argmap[lsp]'``): pygls and lsprotocol.
See docs/editors.md.
"""
