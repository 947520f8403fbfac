"""Exit codes of the ``argmap`` command."""

OK = 0  #: nothing to report
FOUND = 1  #: errors found, a file would be reformatted, or a rendering is stale
USAGE = 2  #: bad usage, an unreadable file, or the layout engine failed
INTERRUPTED = 130  #: stopped with Ctrl-C
