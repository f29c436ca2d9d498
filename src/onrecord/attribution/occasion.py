"""Channels referred back to, and split quotes, share the channel of their occasion.

A medium is a channel of the statements of its own sentence: in "“A,” he told TASS, “B.”" both pieces
went through TASS. A later sentence that names no medium has none, even if it continues the same
interview (the gold conventions of ``contract.md`` leave it null) — except when it says so: a channel
written as "the same interview" is replaced by the channel of the same speaker's previous statement.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..records import Channel, Statement

_BACK_REFERENCE = re.compile(r"^(?:the\s+)?same\b", re.IGNORECASE)
# An occasion referred back to in words that name no medium: "In the same message, X said ...", "..., she said
# in that interview".
_SAME_OCCASION = re.compile(r"\b(?:in|on|during) (?:the same|that same|that) (?:audio |video |voice )?"
                            r"(?:message|statement|post|video|interview|broadcast|address|briefing|recording|clip"
                            r"|speech|letter|appearance|programme|program|podcast|thread)\b", re.IGNORECASE)
# The text between two pieces of one sentence: no sentence end (a stop, question or exclamation mark
# followed by space) and no line break. Quote marks and commas are fine: “A,” he said, “B.”
_SENTENCE_END = re.compile(r"[.!?][\"'”’»]?\s|\n")


def carry_channels(statements: Sequence[Statement], text: str) -> list[Statement]:
    """``statements`` (in text order) with channels shared within a sentence and resolved back-references."""
    out: list[Statement] = []
    last_channel: dict[str, Channel] = {}  # speaker name -> the channel of their latest statement with one
    for st in statements:
        prev = out[-1] if out else None
        name = st.speaker.name
        if (name and prev is not None and prev.channel is not None and name == prev.speaker.name
                and st.channel is None and prev.end <= st.start
                and not _SENTENCE_END.search(text, prev.end, st.start)):
            st = dataclasses.replace(st, channel=prev.channel)
        elif name and name in last_channel and (
                _BACK_REFERENCE.match(st.channel.name) if st.channel is not None
                else _SAME_OCCASION.search(_sentence_around(text, st.start, st.end))):
            st = dataclasses.replace(st, channel=last_channel[name])
        if name and st.channel is not None and not _BACK_REFERENCE.match(st.channel.name):
            last_channel[name] = st.channel
        out.append(st)
    return out


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or the run of text between sentence ends) holding ``text[start:end]``."""
    ends = list(_SENTENCE_END.finditer(text, 0, start))
    a = ends[-1].end() if ends else 0
    after = _SENTENCE_END.search(text, end)
    return text[a : after.start() + 1 if after else len(text)]
