"""The status of a statement or inference after evaluation."""

from __future__ import annotations

import enum


class Status(enum.Enum):
    """Whether an element stands, falls, or is left open by the objections on the map."""

    IN = "in"  #: accepted: it stands against every objection on the map
    OUT = "out"  #: falls: an accepted objection defeats it, or none of its reasons holds
    UNDECIDED = "undecided"  #: neither: e.g. caught in an unresolved conflict
