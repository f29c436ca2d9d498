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

from ..records import Statement

_BACK_REFERENCE = re.compile(r"^(?:the\s+)?same\b", re.IGNORECASE)
# An occasion referred back to in words that name no medium: "In the same message, X said ...", "..., she said
# in that interview".
_SAME_OCCASION = re.compile(r"\b(?:in|on|during) (?:(?:the|that) same (?:audio |video |voice )?"
                            r"(?:message|statement|post|video|interview|broadcast|address|briefing|recording|clip"
                            r"|speech|appearance|podcast|thread)|that (?:interview|broadcast|video|message|address"
                            r"|speech))\b", re.IGNORECASE)
# How far around a statement its sentence's other words are read for a reference to an occasion, in characters.
AROUND_REACH = 300
# The text between two pieces of one sentence: no sentence end (a stop, question or exclamation mark
# followed by space) and no line break. Quote marks and commas are fine: “A,” he said, “B.”
_SENTENCE_END = re.compile(r"[.!?][\"'”’»]?\s|\n")


def carry_channels(statements: Sequence[Statement], text: str) -> list[Statement]:
    """``statements`` (in text order) with channels shared within a sentence and resolved back-references."""
    out: list[Statement] = []
    last_said: dict[str, Statement] = {}  # speaker name -> their latest statement with a channel
    for st in statements:
        prev = out[-1] if out else None
        name = st.speaker.name
        if (name and prev is not None and prev.channel is not None and name == prev.speaker.name
                and st.channel is None and prev.end <= st.start
                and not _SENTENCE_END.search(text, prev.end, st.start)):
            st = dataclasses.replace(st, channel=prev.channel)
        elif name and name in last_said and (
                _BACK_REFERENCE.match(st.channel.name) if st.channel is not None
                else _SAME_OCCASION.search(_around(text, st.start, st.end)) and _same_day(st, last_said[name])):
            st = dataclasses.replace(st, channel=last_said[name].channel)
        if name and st.channel is not None and not _BACK_REFERENCE.match(st.channel.name):
            last_said[name] = st
        out.append(st)
    return out


def _around(text: str, start: int, end: int) -> str:
    """The words of the sentence around ``text[start:end]``, without those words themselves (a quote's "in that
    letter" is no reference to an occasion)."""
    ends = list(_SENTENCE_END.finditer(text, max(0, start - AROUND_REACH), start))
    a = ends[-1].end() if ends else max(0, start - AROUND_REACH)
    after = _SENTENCE_END.search(text, end, end + AROUND_REACH)
    return text[a:start] + " " + text[end : after.start() + 1 if after else min(len(text), end + AROUND_REACH)]


def _same_day(statement: Statement, earlier: Statement) -> bool:
    """No other day is named for the statement than for the earlier one ("On Wednesday, in that interview ...")."""
    return statement.said_on is None or earlier.said_on is None or statement.said_on == earlier.said_on
