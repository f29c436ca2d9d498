"""The state whose institutions an article names (``onrecord.home_state``), and the side it gives unplaced
officials of state, on articles written for these tests; the pipeline test runs the real spaCy parse."""

from __future__ import annotations

import pytest

import onrecord
import onrecord.sides
from onrecord.options import Options
from onrecord.home_state import home_state, serves_unplaced_state

JUNTA = ("CHIANG MAI, Thailand — Delegates of Myanmar's military government met three ethnic armed groups "
         "in a hotel by the river on Friday.\n\n")


def test_one_state_whose_institutions_are_named_is_the_home_state():
    assert home_state(JUNTA) == "Myanmar"
    assert home_state("Officials said the Sudanese army and the RSF traded fire near the airport.") == "Sudan"


@pytest.mark.parametrize("text", [
    "India's government said on Monday that Pakistan's army had moved artillery to the line.",  # two states
    "Nobody named any government in this paragraph.",
])
def test_no_home_state_where_none_or_two_are_named(text):
    assert home_state(text) is None


@pytest.mark.parametrize(("role", "expected"), [
    ("Foreign Minister", True),
    ("Junta spokesman Major General", True),
    ("High Commissioner for Peace", True),
    ("commander of the army's Eastern Command", True),  # the possessor is itself the state's army
    ("the movement's foreign minister", False),
    ("Its spokesman", False),
    ("rebel negotiator", False),
    ("spokesman", False),
    ("former prime minister", False),
    (None, False),
])
def test_which_roles_serve_an_unplaced_state(role, expected):
    assert serves_unplaced_state(role) is expected


ARTICLE = JUNTA + (
    "Junta spokesman Major General Kyaw Lin Htet told reporters that the door to talks was open to every armed "
    "group that wanted peace.\n\n"
    "Hours later, the commander of the army's Eastern Command, Brigadier General Soe Min Naing, said there would "
    "be no dialogue with the armed groups as long as they held a single town.\n")


def _pair(analysis):
    names = {s.id: s.speaker.name for s in analysis.statements}
    return {frozenset((names[c.a], names[c.b])) for c in analysis.contradictions}


def test_unplaced_officials_of_the_home_state_are_one_side():
    analysis = onrecord.analyze(ARTICLE, id="t", language="en", options=Options(pair_model=False))
    sides = {s.speaker.name: s.speaker.affiliation for s in analysis.statements}
    assert sides.get("Kyaw Lin Htet") == "Myanmar" and sides.get("Soe Min Naing") == "Myanmar"
    assert frozenset(("Kyaw Lin Htet", "Soe Min Naing")) in _pair(analysis)


def test_without_the_home_state_the_two_officials_are_not_paired(monkeypatch):
    monkeypatch.setattr(onrecord.sides, "home_state", lambda text: None)
    analysis = onrecord.analyze(ARTICLE, id="t", language="en", options=Options(pair_model=False))  # the rules
    assert frozenset(("Kyaw Lin Htet", "Soe Min Naing")) not in _pair(analysis)


@pytest.mark.parametrize("text", ["", "A" * 200_000, "Xyz's army " * 20_000, "\x00\ufffd" * 10_000])
def test_degenerate_text_gives_no_home_state(text):
    assert home_state(text) is None
