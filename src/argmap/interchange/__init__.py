"""Maps in and out of other formats: argmap's JSON form, AIF and Argdown.

Every import returns an :class:`Imported` (the map and what could not be
carried), every export an :class:`Exported` (the text and what was lost); the
JSON form loses nothing, so :func:`from_json` returns the map itself.
"""

from __future__ import annotations

from argmap.interchange.json_form import from_json, load_json, to_json
from argmap.interchange.losses import Exported, Imported, Loss

__all__ = ["Exported", "Imported", "Loss", "from_json", "load_json", "to_json"]
