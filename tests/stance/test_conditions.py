"""Condition spans: verbatim, clause-bounded, subordinator included, article offsets exact."""

from __future__ import annotations

import pytest

from .casebook import read


@pytest.mark.parametrize(
    ("sentence", "statement", "conditions"),
    [
        ("“We will not talk so long as the siege goes on,” he said.",
         "We will not talk so long as the siege goes on", ["so long as the siege goes on"]),
        ("“As long as the shelling continues, there will be no talks,” he said.",
         "As long as the shelling continues, there will be no talks", ["As long as the shelling continues"]),
        ("He said Riyadh would host talks only after both sides signed the truce.",
         "Riyadh would host talks only after both sides signed the truce", ["only after both sides signed the truce"]),
        ("“Talks will depend on what happens at the front, and on the weather,” she said.",
         "Talks will depend on what happens at the front, and on the weather",
         ["depend on what happens at the front, and on the weather"]),
        ("“We are ready for a truce in exchange for the release of our soldiers,” he said.",
         "We are ready for a truce in exchange for the release of our soldiers",
         ["in exchange for the release of our soldiers"]),
        ("“No talks until they leave and no truce unless they pay,” he said.",
         "No talks until they leave and no truce unless they pay", ["until they leave", "unless they pay"]),
        ("“We will talk, if they stop shooting,” he said.", "We will talk, if they stop shooting", ["if they stop shooting"]),
    ],
)
def test_conditions_spans(nlp, sentence, statement, conditions):
    got = read(nlp, sentence, statement)
    assert [c.text for c in got.conditions] == conditions
    for c in got.conditions:
        assert sentence[c.start : c.end] == c.text


def test_conditions_temporal_until_now_is_not_a_condition(nlp):
    got = read(nlp, "“Until now there have been no talks with them,” he said.", "Until now there have been no talks with them")
    assert got.conditions == ()


def test_conditions_dropped_when_framing_is_open_without_terms(nlp):
    got = read(nlp, "“The talks ended without an agreement,” the mediator said.", "The talks ended without an agreement")
    assert got.stance == "neutral" and got.conditions == ()


LONG_ONCE = [
    ("“Sanaa will sign the roadmap once public-sector salaries in areas under the movement’s control are paid from "
     "oil revenues,” the rebel spokesman said.",
     "Sanaa will sign the roadmap once public-sector salaries in areas under the movement’s control are paid from oil "
     "revenues",
     "once public-sector salaries in areas under the movement’s control are paid from oil revenues"),
    ("The envoy said the delegation would return to the talks in Vienna once the families of every missing "
     "fisherman on the northern shore had been told where their men were.",
     "the delegation would return to the talks in Vienna once the families of every missing fisherman on the "
     "northern shore had been told where their men were",
     "once the families of every missing fisherman on the northern shore had been told where their men were"),
]


@pytest.mark.parametrize(("sentence", "statement", "term"), LONG_ONCE)
def test_a_once_clause_with_a_long_subject_is_one_whole_condition(nlp, sentence, statement, term):
    got = read(nlp, sentence, statement)
    assert got.stance == "conditional"
    assert term in [c.text for c in got.conditions]


def test_without_the_long_reach_the_once_clause_is_cut(nlp, monkeypatch):
    """The rule under test: the same sentence with "once" read only five words ahead loses the clause's end."""
    import onrecord.stance.framing as framing
    import onrecord.stance.surface_conditions as surface

    monkeypatch.setattr(surface, "ONCE_REACH", 5)
    monkeypatch.setattr(framing, "_clause_cut_short", lambda *args: False)
    sentence, statement, term = LONG_ONCE[0]
    assert term not in [c.text for c in read(nlp, sentence, statement).conditions]


@pytest.mark.parametrize(("sentence", "statement", "stance", "term"), [
    ("The minister said Kosovo would boycott any round of talks at which the statute was the only item on the "
     "agenda.", "Kosovo would boycott any round of talks at which the statute was the only item on the agenda",
     "reject", "at which the statute was the only item on the agenda"),
    ("“We will never sign an agreement whose text does not name our people,” the rebel spokesman said.",
     "We will never sign an agreement whose text does not name our people", "reject",
     "whose text does not name our people"),
    ("The envoy said Moscow would sign only a peace agreement that left the power station out.",
     "Moscow would sign only a peace agreement that left the power station out", "conditional",
     "that left the power station out"),
    # no "only": the relative clause describes what is welcome, no term
    ("The foreign minister said Paris would welcome any peace agreement that Kyiv accepts.",
     "Paris would welcome any peace agreement that Kyiv accepts", "open", None),
])
def test_relative_clauses_that_restrict_what_is_refused_or_accepted(nlp, sentence, statement, stance, term):
    got = read(nlp, sentence, statement)
    assert got.stance == stance
    assert [c.text for c in got.conditions] == ([term] if term else [])
