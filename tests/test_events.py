"""Negotiation statements as PLOVER / CAMEO events."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.events import CAMEO_LABELS, events_for
from onrecord.records import Span, Speaker, Statement

DAY = dt.date(2024, 8, 19)


def st(sid, stance, text, *, cue=None, counterpart=None, about=True):
    return Statement(
        sid, "direct", text, 10, 10 + len(text),
        speaker=Speaker(name="Ann Adams", actor_id="a1", affiliation="Freedonia"),
        cue=Span(0, len(cue), cue) if cue else None, said_on=DAY,
        about_negotiations=about, stance=stance if about else None, counterpart=counterpart,
    )


@pytest.mark.parametrize(
    ("stance", "text", "cue", "want"),
    [
        ("reject", "we will not talk with them", "said", ("REJECT", "meet", "125", False, False)),
        ("reject", "the peace plan is unacceptable", "said", ("REJECT", "meet", "127", False, False)),
        ("conditional", "ready to talk if they leave", "said", ("AGREE", None, "036", False, True)),
        ("open", "we never refused", "said", ("AGREE", None, "036", False, False)),
        ("open", "an immediate ceasefire", "called for", ("REQUEST", "meet", "026", False, False)),
        ("open", "Sylvania must return to the talks", "said", ("REQUEST", "meet", "106", False, False)),
        ("neutral", "the talks will be held in Vienna", "said", ("CONSULT", None, "046", False, True)),
        ("neutral", "the talks did not take place", "said", ("CONSULT", None, "046", True, False)),
    ],
)
def test_events_codes(stance, text, cue, want):
    (event,) = events_for([st("s1", stance, text, cue=cue)])
    assert (event.type, event.mode, event.cameo, event.negated, event.hypothetical) == want
    assert event.cameo in CAMEO_LABELS


def test_events_fields_and_ids():
    statements = [
        st("s1", "reject", "no talks with Kyiv", counterpart="Ukraine"),
        st("s2", None, "the weather is fine", about=False),
        st("s3", "open", "we are open to talks", counterpart="Hamas"),
    ]
    events = events_for(statements)
    assert [(e.id, e.statement) for e in events] == [("e1", "s1"), ("e2", "s3")]
    first = events[0]
    assert (first.source.name, first.source.actor_id, first.source.affiliation) == ("Ann Adams", "a1", "Freedonia")
    assert (first.target.name, first.target.affiliation) == ("Ukraine", "Ukraine")
    assert first.date == DAY
    assert (first.start, first.end, first.text) == (10, 10 + len("no talks with Kyiv"), "no talks with Kyiv")
    assert events[1].target.name == "Hamas"
    assert first.to_dict()["cameo"] == "125"


def test_events_speaker_without_name_uses_mention_or_none():
    statement = Statement("s1", "direct", "no talks", 0, 8, speaker=Speaker(mention="the aide"),
                          about_negotiations=True, stance="reject")
    assert events_for([statement])[0].source.name == "the aide"
    anonymous = Statement("s1", "direct", "no talks", 0, 8, about_negotiations=True, stance="reject")
    assert events_for([anonymous])[0].source is None
