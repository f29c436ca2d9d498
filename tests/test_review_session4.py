"""Regressions found by the review of session 4's changes, each on a sentence written for it, through the real
pipeline (spaCy parse included)."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.denials import denies_contact
from onrecord.home_state import home_state
from onrecord.options import Options

TALKS = ("VALDORA, May 4 -\n\nPeace talks between the government and the northern rebels were due to resume in "
         "Geneva, the mediators said.\n\n")


def _analyze(text):
    # regressions of the rules: the rules alone, without the learned model's second reading
    return onrecord.analyze(text, id="t", language="en", options=Options(stance_model=False))


def _by_text(analysis, words):
    return next(s for s in analysis.statements if words in s.text)


@pytest.mark.parametrize("text", [
    TALKS + "“Our government and its allies will never negotiate with terrorists,” the foreign minister said.\n",
    TALKS + "The government spokesman said the government and its allies would not negotiate with the rebels.\n",
])
def test_one_side_with_its_allies_is_no_report_on_two_parties(text):
    assert _by_text(_analyze(text), "negotiate").stance == "reject"


def test_a_rebel_description_is_no_government_spokesman():
    text = TALKS + ("Government spokesman Ivo Marek said the talks would go on.\n\n"
                    "The rebel spokesman said the rebels would not attend.\n")
    assert _by_text(_analyze(text), "would not attend").speaker.name is None


def test_a_rival_group_is_not_the_body_just_named():
    text = ("The RSF gave its own account on Sunday.\n\n"
            "The rival armed group said it would boycott the talks in Jeddah.\n")
    assert _by_text(_analyze(text), "boycott").speaker.name != "Rapid Support Forces"


def test_a_possessive_role_leaves_the_statement_after_it_to_its_speaker():
    text = ("Hamas rejected the plan on Monday. Its spokesman, Hazem Qassem, said the proposal was dead.\n\n"
            "The movement would not take part in any talks on it, the statement said.\n")
    assert _by_text(_analyze(text), "would not take part").speaker.name == "Hazem Qassem"


@pytest.mark.parametrize("text", [
    "there was no doubt that the delegations in Doha had worked hard",
    "It is never too late for talks in Doha",
    "there is no alternative to talks",
])
def test_no_denial_of_a_contact(text):
    assert not denies_contact(text)


def test_a_follow_on_about_the_cease_fire_is_about_the_talks():
    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\n“The cease-fire is what matters now,” she added.\n")
    assert _by_text(_analyze(text), "cease-fire is what matters").about_negotiations


def test_no_home_state_for_the_officials_of_a_host():
    assert home_state("KAMPALA, May 4 -\n\nThe Congolese government and the M23 met again on Monday.") is None
    assert home_state("GOMA, May 4 -\n\nThe Congolese government and the M23 met again on Monday.") == \
        "Democratic Republic of the Congo"


def test_a_monitoring_groups_spokesman_reports_on_the_insurgents():
    text = TALKS + ("The monitoring group's spokesman, Lars Berg, said the insurgents would not take part in the "
                    "talks.\n")
    assert _by_text(_analyze(text), "insurgents would not take part").stance == "neutral"


def test_a_government_spokesmans_report_that_the_government_had_suspended_the_talks_is_its_refusal():
    text = TALKS + "The government spokesman said that the government had suspended the talks.\n"
    assert _by_text(_analyze(text), "had suspended").stance == "reject"


def test_a_name_after_an_interview_is_still_a_person():
    text = ("In a long interview, Ahmed Saleh said the talks in Geneva were over.\n\n"
            "He said the rebels had left the table.\n")
    assert _by_text(_analyze(text), "had left the table").speaker.name == "Ahmed Saleh"
