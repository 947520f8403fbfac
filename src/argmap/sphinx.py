"""The Sphinx extension, under the name documentation configs use: ``extensions = ["argmap.sphinx"]``.

It lives in :mod:`argmap.integrations.sphinx`; see there.
"""

from argmap.integrations.sphinx import setup

__all__ = ["setup"]
