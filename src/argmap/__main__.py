"""``python -m argmap``."""

from .cli import main

raise SystemExit(main())
