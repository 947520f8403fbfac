"""The version of argmap, read by the build and by ``argmap --version``."""

__version__ = "0.1.0"
