"""onrecord: officials' statements on war and peace, from raw news articles into a ledger you can query."""

from __future__ import annotations

import logging

from .errors import InputError, ModelNotFoundError, OnrecordError, OptionsError
from .options import Options
from .pipeline import analyze, analyze_many
from .records import (
    Analysis,
    Article,
    Channel,
    Contradiction,
    Event,
    Failure,
    Span,
    Speaker,
    Statement,
    Zone,
)

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Channel",
    "Contradiction",
    "Event",
    "Failure",
    "InputError",
    "ModelNotFoundError",
    "OnrecordError",
    "Options",
    "OptionsError",
    "Span",
    "Speaker",
    "Statement",
    "Zone",
    "__version__",
    "analyze",
    "analyze_many",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
