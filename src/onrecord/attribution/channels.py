"""Channels: the medium a statement went through. STUB: the channels helper replaces this module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Channel

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token


def find_channel(sent: "SpacySpan", offset: int, cue: "Token | None" = None) -> Channel | None:
    """The channel named in sentence ``sent`` for the statement cued by ``cue``; offsets into the article
    (``offset`` is the start of the sentence's block in the article text)."""
    return None
