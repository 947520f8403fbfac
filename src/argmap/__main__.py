"""``python -m argmap``."""

from argmap.cli import entry

entry()
