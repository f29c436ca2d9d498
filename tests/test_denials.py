"""Factual disputes over whether a contact happened (``onrecord.denials``): unit cases on texts written for these
tests, and one article through the real pipeline."""

from __future__ import annotations

import pytest

import onrecord
import onrecord.contradictions
from onrecord.options import Options
from onrecord.denials import asserts_contact, denies_contact, disputed_contact
from onrecord.records import Speaker, Statement


def _st(text: str, name: str, side: str | None = None, stance: str = "neutral", sid: str = "a") -> Statement:
    return Statement(id=sid, speaker=Speaker(name=name, affiliation=side), kind="indirect", text=text, start=0,
                     end=len(text), about_negotiations=True, stance=stance)


@pytest.mark.parametrize(("text", "kind"), [
    ("There was no meeting in Valletta, not this month and not ever.", "meeting"),
    ("no Qatari delegation had set foot in Kandahar since spring", "delegation"),
    ("there had been no contacts with Dhaka of any kind", "contact"),
    ("the session in Muscat never took place", "meeting"),
    ("No one from this cabinet met them in Valletta or anywhere else", "meeting"),
    ("our experts spoke only to the hosts and met no Bhutanese official", "meeting"),
])
def test_denials_of_a_contact(text, kind):
    assert kind in denies_contact(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("the two army chiefs had met in Valletta on Sunday", {"meeting"}),
    ("the letter was handed to a Bhutanese officer at the border post", {"proposal"}),
    ("the mediators had invited both delegations to a session in Valletta", set()),  # an invitation, not a contact
    ("the army chiefs would meet in Valletta", set()),  # a plan
    ("the chiefs had not met", set()),
    ("the two ministers had sat at the same table, face to face, for an hour", {"meeting"}),
])
def test_assertions_of_a_contact(text, expected):
    assert set(asserts_contact(text)) == expected


def test_a_contact_asserted_by_one_side_and_denied_by_the_other_is_disputed():
    said = _st("the two army chiefs had met in Valletta on Sunday", "Ilir Hoxha", "Albania")
    denied = _st("There was no meeting in Valletta, not this month and not ever", "Marko Ilic", "Serbia", sid="b")
    assert disputed_contact(said, denied, one_side=False) == (said, denied)
    assert disputed_contact(denied, said, one_side=False) == (said, denied)


@pytest.mark.parametrize(("said", "denied", "one_side"), [
    # the denial is about another venue
    ("the two army chiefs had met in Tirana on Sunday", "There was no meeting in Valletta", False),
    # one side cannot dispute itself
    ("the two army chiefs had met in Valletta on Sunday", "There was no meeting in Valletta", True),
    # kinds differ: a delegation's visit against a denied letter
    ("a delegation had spent two days in Valletta", "no letter ever reached Valletta", False),
])
def test_no_dispute(said, denied, one_side):
    assert disputed_contact(_st(said, "Ilir Hoxha"), _st(denied, "Marko Ilic", sid="b"), one_side) is None


def test_the_same_speaker_is_no_dispute():
    a = _st("the two army chiefs had met in Valletta on Sunday", "Ilir Hoxha")
    b = _st("There was no meeting in Valletta", "Ilir Hoxha", sid="b")
    assert disputed_contact(a, b, one_side=False) is None


ARTICLE = ("DHAKA, Oct 3 -\n\nBangladesh and Myanmar traded claims on Friday over secret border talks.\n\n"
           "Bangladesh's home minister Rafiq Chowdhury said the two countries' border guard chiefs had met in "
           "Sittwe last month to discuss the return of refugees.\n\n"
           "Myanmar's foreign ministry spokesman Kyaw Zeya said there had been no meeting in Sittwe, calling the "
           "report an invention.\n")


def test_a_denied_meeting_is_a_clash_in_an_article():
    analysis = onrecord.analyze(ARTICLE, id="t", language="en", options=Options(pair_model=False))
    said = next(s for s in analysis.statements if "had met" in s.text)
    denied = next(s for s in analysis.statements if "no meeting" in s.text)
    assert (said.stance, denied.stance) == ("neutral", "neutral")
    found = [c for c in analysis.contradictions if {c.a, c.b} == {said.id, denied.id}]
    assert found and found[0].kind == "clash" and "denies" in found[0].why


def test_without_the_rule_the_denied_meeting_is_not_paired(monkeypatch):
    monkeypatch.setattr(onrecord.contradictions, "disputed_contact", lambda a, b, one_side: None)
    analysis = onrecord.analyze(ARTICLE, id="t", language="en", options=Options(pair_model=False))  # the rules
    said = next(s for s in analysis.statements if "had met" in s.text)
    denied = next(s for s in analysis.statements if "no meeting" in s.text)
    assert not [c for c in analysis.contradictions if {c.a, c.b} == {said.id, denied.id}]


@pytest.mark.parametrize("text", ["", "no " * 30_000, "\x00\ufffd" * 10_000, "XYZ " * 50_000])
def test_degenerate_text_neither_asserts_nor_denies_a_contact(text):
    assert not asserts_contact(text) and not denies_contact(text)


@pytest.mark.parametrize("text", [
    "we see no reason to hide anything from the public",  # seeing no reason, meeting no objection: no meeting
    "the plan met no objection from the cabinet",
    "Moscow saw no need for a new round",
])
def test_a_negative_object_that_is_no_person_denies_no_meeting(text):
    assert denies_contact(text) == frozenset()


def test_sitting_face_to_face_without_had_is_a_meeting():
    assert asserts_contact("the two ministers sat face to face for three hours") == frozenset({"meeting"})
    assert asserts_contact("the two ministers sat at the same table for three hours") == frozenset({"meeting"})
