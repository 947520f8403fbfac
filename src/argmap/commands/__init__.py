"""The subcommands of ``argmap``, one module each."""
