"""Canonical names of state bodies: the state's demonym first (``onrecord.attribution.state_bodies``)."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.actors import default_registry
from onrecord.attribution.state_bodies import is_bare_state_body, state_body_name


@pytest.mark.parametrize("name, side, expected", [
    ("Foreign Ministry", "Syria", "Syrian Foreign Ministry"),                     # a bare portfolio: its side's
    ("Ministry of Social Affairs", "Cambodia", "Cambodian Ministry of Social Affairs"),
    ("Civil Protection Directorate", "Haiti", "Haitian Civil Protection Directorate"),
    ("Venezuela’s Foreign Ministry", None, "Venezuelan Foreign Ministry"),        # a possessive state
    ("Eritrea Ministry of Information", None, "Eritrean Ministry of Information"),
    ("Switzerland’s Federal Department of Foreign Affairs", None, "Swiss Federal Department of Foreign Affairs"),
    ("Tiraspol’s Self-styled Foreign Ministry", None, "Transnistrian Foreign Ministry"),  # a capital, a status word
    ("State Department", "United States", "State Department"),                     # a registry body
    ("Kosovo Police", "Kosovo", "Kosovo Police"),                                  # the state's name is its own
    ("China Coast Guard", "China", "China Coast Guard"),
    ("India Meteorological Department", None, "India Meteorological Department"),
    ("Kenya Defence Forces", "Kenya", "Kenya Defence Forces"), ("Ghana Health Service", None, "Ghana Health Service"),
    ("Georgia Department of Corrections", None, "Georgia Department of Corrections"),  # a U.S. state's
    ("National Army", "Libya", "National Army"),                                   # armies go by their own names
    ("Department of Peace Operations", "Sudan", "Department of Peace Operations"), # a UN department
    ("Foreign Ministry", "New Zealand", "New Zealand Foreign Ministry"),            # the adjective, not the people
    ("Foreign Ministry", "Philippines", "Philippine Foreign Ministry"),
    ("Haitian National Police", "Haiti", "Haitian National Police"),               # already led by a demonym
    ("Gaza Health Ministry", "Palestine", "Gaza Health Ministry"),                  # a place, not a portfolio
    ("Defence Ministry in Tripoli", "Libya", "Defence Ministry in Tripoli"),        # placed at its end
    ("Office of the President of Ukraine", "Ukraine", "Office of the President of Ukraine"),
    ("Rapid Support Forces", "Rapid Support Forces", "Rapid Support Forces"),      # no state's side
    ("Foreign Ministry", None, "Foreign Ministry"),                                # no side known: as written
    ("Ministry of", "Syria", "Ministry of"),                                       # a name cut short
    ("Liberation Front Defence Ministry", "Western Sahara", "Liberation Front Defence Ministry"),
])
def test_state_body_names_put_the_demonym_first(name, side, expected) -> None:
    assert state_body_name(name, side, default_registry()) == expected


@pytest.mark.parametrize("name, bare", [
    ("Foreign Ministry", True), ("Joint Chiefs of Staff", True), ("Ministry of Information", True),
    ("Joint Forces", False), ("Department of Peace Operations", False), ("Ministry of", False),
    ("Gaza Health Ministry", False), ("General Staff", False), ("Polisario Front", False), (None, False),
])
def test_a_bare_state_body_is_named_by_its_portfolio_alone(name, bare) -> None:
    assert is_bare_state_body(name) is bare


def test_a_bare_ministry_in_an_article_about_one_state_is_that_state_s() -> None:
    text = ("DAMASCUS, March 3 — Syria's government said on Monday that talks with the Kurdish-led forces would "
            "resume next week.\n\nThe Energy Ministry said crude output had risen to 40,000 barrels a day.\n\n"
            "In a statement, the Foreign Ministry said the delegation had walked out of the session.\n")
    names = [s.speaker.name for s in onrecord.analyze(text).statements]
    assert "Syrian Energy Ministry" in names and "Syrian Foreign Ministry" in names, names


def test_a_bare_ministry_after_another_state_is_named_is_not_the_home_state_s() -> None:
    text = ("ADDIS ABABA — Ethiopia's government said on Monday it would attend the talks. Ethiopia's army was put on "
            "alert.\n\nEritrea, meanwhile, denied it was involved. The Information Ministry said Asmara had no troops "
            "in Tigray and would not join any talks.\n")
    ministry = [s.speaker for s in onrecord.analyze(text).statements if s.speaker.mention == "The Information Ministry"]
    assert ministry and ministry[0].affiliation != "Ethiopia" and ministry[0].name != "Ethiopian Information Ministry"


@pytest.mark.parametrize("text, mention, side", [
    # a state that only acts nearby does not keep a bare ministry from the home state
    ("KYIV — Ukraine's government said on Monday it would attend the talks. Ukraine's army was put on alert.\n\n"
     "Russia launched 90 drones overnight. The Energy Ministry said power would be restored and that talks must go "
     "on.\n", "The Energy Ministry", "Ukraine"),
    # "In <another capital>," places the ministry there: no home state
    ("ADDIS ABABA — Ethiopia's government said on Monday it would attend the talks. Ethiopia's army was put on "
     "alert.\n\nIn Asmara, the Information Ministry said the accusations were lies and that it would not join any "
     "talks.\n", "the Information Ministry", None),
])
def test_a_bare_ministry_takes_the_home_state_unless_another_state_speaks_just_before(text, mention, side) -> None:
    speakers = [s.speaker for s in onrecord.analyze(text).statements if s.speaker.mention == mention]
    assert speakers and all(s.affiliation == side for s in speakers)
