"""Contradictions between filled statements: kinds, sides, same negotiation, and the one-line why."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.contradictions import find_contradictions, stances_conflict
from onrecord.records import Span, Speaker, Statement

MONDAY, FRIDAY = dt.date(2024, 9, 2), dt.date(2024, 9, 6)


def st(sid, stance, name, affiliation=None, *, actor_id=None, counterpart=None, conditions=(), said_on=None,
       role=None, text="words", via=None, about=True):
    return Statement(
        sid, "direct", text, 0, len(text),
        speaker=Speaker(name=name, actor_id=actor_id, affiliation=affiliation, role=role),
        about_negotiations=about, stance=stance if about else None, counterpart=counterpart,
        conditions=tuple(Span(0, len(c), c) for c in conditions), said_on=said_on, via=via,
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # one side, two officials: reject vs open
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "open", "Bob Brown", "Freedonia"), "contradiction"),
        # one actor, same day (or no dates): contradiction; different days: shift
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "open", "Ann Adams", "Freedonia"), "contradiction"),
        (st("s1", "reject", "Ann Adams", said_on=MONDAY), st("s2", "open", "Ann Adams", said_on=FRIDAY), "shift"),
        (st("s1", "open", "A", actor_id="q1", said_on=MONDAY), st("s2", "reject", "B", actor_id="q1", said_on=FRIDAY),
         "shift"),
        # side from the role when no affiliation is known
        (st("s1", "reject", "Ann Adams", role="Russian presidential aide"), st("s2", "open", "Bob Brown", "Russia"),
         "contradiction"),
        # reject vs conditional is two sets of terms, not a contradiction
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "conditional", "Bob Brown", "Freedonia"), None),
        # different sides saying reject / open is disagreement, not a contradiction
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "open", "Carl Cole", "Sylvania"), None),
        # different negotiations
        (st("s1", "reject", "Ann Adams", "Freedonia", counterpart="Sylvania"),
         st("s2", "open", "Bob Brown", "Freedonia", counterpart="Hamas"), None),
        # unknown sides: nothing
        (st("s1", "reject", "Ann Adams"), st("s2", "open", "Bob Brown"), None),
        # clash: opposing sides, each refusing on terms aimed at the other
        (st("s1", "reject", "Ann Adams", "Israel", counterpart="Hamas", conditions=["until Hamas is destroyed"],
            text="no truce: the war goes on until Hamas is destroyed"),
         st("s2", "reject", "Hamas", "Hamas", counterpart="Israel", conditions=["without an end to the war"],
            text="no deal without an end to the war"), "clash"),
        # opposing terms on unrelated issues are not a clash
        (st("s1", "reject", "Ann Adams", "Freedonia", counterpart="Sylvania", conditions=["while arms flow in"],
            text="no talks while arms flow in"),
         st("s2", "conditional", "Bob Brown", "Sylvania", counterpart="Freedonia",
            conditions=["only if they send a real delegation"], text="we attend only if they send a real delegation"),
         None),
        # one actor from reject to terms on another day: shift
        (st("s1", "reject", "Ann Adams", said_on=MONDAY), st("s2", "conditional", "Ann Adams", said_on=FRIDAY), "shift"),
        (st("s1", "reject", "Ann Adams"), st("s2", "conditional", "Ann Adams"), None),
        # no terms on one side: no clash
        (st("s1", "reject", "Ann Adams", "Israel", counterpart="Hamas", conditions=["until Hamas is destroyed"]),
         st("s2", "reject", "Hamas", "Hamas", counterpart="Israel"), None),
        # not about negotiations
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", None, "Bob Brown", "Freedonia", about=False), None),
    ],
)
def test_contradictions_kind(a, b, kind):
    assert stances_conflict(a, b) == kind
    assert stances_conflict(b, a) == kind


def test_contradictions_why_names_speakers_stances_and_terms():
    a = st("s1", "reject", "Sergei Ivanov", "Russia", counterpart="Ukraine", conditions=["until they leave"])
    b = st("s2", "open", "Pavel Petrov", "Russia", text="never refused")
    (found,) = find_contradictions([a, b])
    assert (found.a, found.b, found.kind) == ("s1", "s2", "contradiction")
    assert found.why == 'Ivanov rules out talks with Ukraine until they leave; Petrov signals openness to talks ("never refused")'
    assert "\n" not in found.why


def test_contradictions_skip_relays_and_keep_text_order():
    a = st("s1", "reject", "Ann Adams", "Freedonia")
    relay = st("s2", "open", "Bob Brown", "Freedonia", via="s1")
    later = Statement("s3", "direct", "xx", 50, 52, speaker=Speaker(name="Cid Cole", affiliation="Freedonia"),
                      about_negotiations=True, stance="open")
    found = find_contradictions([later, relay, a])
    assert [(c.a, c.b) for c in found] == [("s1", "s3")]


def placed(sid, stance, name, start, text, *, affiliation="Freedonia", role=None, conditions=(), zone="body",
           said_on=None):
    """A statement at ``start`` of an imagined article, its conditions inside its text."""
    spans = tuple(Span(start + text.index(c), start + text.index(c) + len(c), c) for c in conditions)
    return Statement(sid, "direct", text, start, start + len(text),
                     speaker=Speaker(name=name, affiliation=affiliation, role=role), zone=zone,
                     about_negotiations=True, stance=stance, conditions=spans, said_on=said_on)


@pytest.mark.parametrize(
    ("statements", "pairs"),
    [
        # one speaker qualifying an offer in one breath: no pair
        ([placed("s1", "open", "Ann Adams", 0, "we are always open to contacts"),
          placed("s2", "reject", "Ann Adams", 40, "a summit for the sake of a summit makes no sense")], set()),
        # the same two far apart, with another speaker between: a contradiction
        ([placed("s1", "open", "Ann Adams", 0, "we are always open to contacts"),
          placed("s2", "neutral", "Cy Cole", 400, "the venue is not decided"),
          placed("s3", "reject", "Ann Adams", 900, "there will be no talks while the shelling goes on",
                 conditions=["while the shelling goes on"])], {("s1", "s3")}),
        # a refusal of particular terms does not contradict openness to talks
        ([placed("s1", "open", "Ann Adams", 0, "we never refused dialogue"),
          placed("s2", "reject", "Bob Brown", 600, "there will be no accord that hands over the port",
                 conditions=["that hands over the port"])], set()),
        ([placed("s1", "open", "Ann Adams", 0, "we never refused dialogue"),
          placed("s2", "reject", "Bob Brown", 600, "the port is not on the table")], set()),
        # a headline restates the body: not paired
        ([placed("s1", "open", "Ann Adams", 0, "Door Remains Open", zone="headline"),
          placed("s2", "reject", "Bob Brown", 600, "there will be no talks")], set()),
        # one side by a shared institution when no state is known
        ([placed("s1", "reject", "Ann Adams", 0, "there will be no talks", affiliation=None, role="Army chief"),
          placed("s2", "open", "Bob Brown", 600, "the army never closed the door", affiliation=None,
                 role="the army's spokesman")], {("s1", "s2")}),
        # one actor, another day, from terms to refusal: a shift
        ([placed("s1", "reject", "Ann Adams", 0, "I see no point in talking to him", said_on=MONDAY),
          placed("s2", "conditional", "Ann Adams", 600, "I will meet him if the guns fall silent",
                 conditions=["if the guns fall silent"], said_on=FRIDAY)], {("s1", "s2")}),
    ],
)
def test_contradictions_occasions_terms_and_sides(statements, pairs):
    assert {(c.a, c.b) for c in find_contradictions(statements)} == pairs
