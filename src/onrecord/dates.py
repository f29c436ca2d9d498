"""Dates: when a statement was made. STUB: the dates helper replaces this module."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression in the text ("Monday", "last week") and the day it resolves to, if any."""

    text: str
    start: int
    end: int
    date: dt.date | None


def find_said_on(sent: "SpacySpan", offset: int, published: dt.date | None, cue: "Token | None" = None) -> DateRef | None:
    """The date on which the statement cued by ``cue`` in ``sent`` was made; offsets into the article."""
    return None
