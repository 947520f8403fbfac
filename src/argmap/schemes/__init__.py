"""Argumentation schemes and their critical questions: the catalogue shipped with argmap.

The catalogue is data (``catalogue.json`` in this package); :mod:`argmap.schemes.catalogue`
reads it into frozen classes and :mod:`argmap.schemes.document` writes ``docs/schemes.md``
from it.
"""

from __future__ import annotations

from argmap.language import QUESTION_TYPES
from argmap.schemes.catalogue import Catalogue, PremiseTemplate, Question, Scheme, catalogue

__all__ = ["QUESTION_TYPES", "Catalogue", "PremiseTemplate", "Question", "Scheme", "catalogue"]
