"""``python -m argmap``."""

from .cli import entry

entry()
