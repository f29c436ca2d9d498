"""Sides read across an article (``onrecord.sides``) and disputes between speakers of unknown side, on articles
written for these tests, through the real pipeline (spaCy parse included)."""

from __future__ import annotations

import dataclasses

import pytest

import onrecord
from onrecord.options import Options

RULES = Options(pair_model=False)  # the pair rules alone (the learned pair model is tested in test_learned_pairs)
TALKS = ("ISLAMABAD, May 4 -\n\nPeace talks between Pakistan and India were due to open in Doha next week, "
         "officials on both sides said.\n\n")


def _by_name(analysis, name):
    return [s for s in analysis.statements if s.speaker.name == name]


def test_an_official_naming_their_state_first_stands_for_it_in_every_statement():
    text = TALKS + ("Interior Minister Omar Wali said Pakistan would not sit at any table with India as long as "
                    "the shelling went on.\n\nWali said the round in Doha was still on the calendar.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    wali = _by_name(analysis, "Omar Wali")
    assert len(wali) == 2
    assert {s.speaker.affiliation for s in wali} == {"Pakistan"}


def test_a_claim_about_what_another_state_did_gives_no_side():
    text = TALKS + "Defence Minister Omar Wali said India had broken the truce on Sunday night.\n"
    analysis = onrecord.analyze(text, id="t", language="en")
    assert [s.speaker.affiliation for s in _by_name(analysis, "Omar Wali")] == [None]


def test_talks_with_the_same_party_put_an_unplaced_minister_beside_the_placed_one():
    text = ("BANGKOK, June 2 -\n\nBorder talks with Cambodia are due in Kuala Lumpur next week.\n\n"
            "Thai Defence Minister Somchai Rattana said Bangkok would not send a delegation to the talks with "
            "Cambodia until Cambodian troops pulled back.\n\n"
            "Hours later, Foreign Minister Malee Srisuk said she was ready to sit down with Cambodia anywhere, "
            "at any time.\n")
    analysis = onrecord.analyze(text, id="t", language="en", options=RULES)
    srisuk = _by_name(analysis, "Malee Srisuk")
    assert srisuk and srisuk[0].speaker.affiliation == "Thailand"
    ids = {s.id: s.speaker.name for s in analysis.statements}
    pairs = {frozenset((ids[c.a], ids[c.b])) for c in analysis.contradictions}
    assert frozenset(("Somchai Rattana", "Malee Srisuk")) in pairs


@pytest.mark.parametrize(("text", "one", "other"), [
    # each side blames the other for the truce, one speaker's side unknown
    (TALKS + "The military's media wing said Indian troops had violated the ceasefire near Kotli on Monday night.\n\n"
     "The Indian Army's Northern Command said it was Pakistani posts that had breached the truce by opening fire "
     "first.\n", "violated", "breached"),
    # who called the session off
    ("YEREVAN, June 9 -\n\nTalks between Armenia and Azerbaijan on the border commission stalled on Monday.\n\n"
     "Armenian Foreign Ministry spokeswoman Anna Grigoryan said Baku had called off the session less than a day "
     "before it was due to open.\n\nAzerbaijan's Foreign Ministry said it was the Armenian delegation that had "
     "asked for a postponement of the session.\n", "called off", "postponement"),
])
def test_opposite_blame_for_the_agreement_is_a_dispute(text, one, other):
    analysis = onrecord.analyze(text, id="t", language="en", options=RULES)
    first = next(s for s in analysis.statements if one in s.text)
    second = next(s for s in analysis.statements if other in s.text)
    assert any({c.a, c.b} == {first.id, second.id} for c in analysis.contradictions)


def test_two_statements_blaming_the_same_party_are_no_dispute():
    text = TALKS + ("The military's media wing said Indian troops had violated the ceasefire near Kotli.\n\n"
                    "Police in Poonch said Indian troops had breached the truce again on Tuesday.\n")
    analysis = onrecord.analyze(text, id="t", language="en", options=RULES)
    assert analysis.contradictions == ()


def test_a_side_named_at_one_statement_reaches_the_speakers_other_statements_before_stance():
    from onrecord.records import Speaker, Statement
    from onrecord.sides import fill_sides

    placed = Statement("s1", "indirect", "the group accepted the draft", 0, 28,
                       speaker=Speaker(name="Omar Hamid", role="NSF adviser", affiliation="NSF"))
    later = Statement("s2", "indirect", "the NSF would initial the text", 40, 70,
                      speaker=Speaker(name="Omar Hamid", mention="he", role="adviser"))
    other = Statement("s3", "indirect", "the talks were over", 80, 99, speaker=Speaker(name="Lina Sami"))
    filled = fill_sides([placed, later, other], positions=False)
    assert [s.speaker.affiliation for s in filled] == ["NSF", "NSF", None]


def test_the_state_an_officials_own_intent_opens_with_outweighs_a_side_from_context():
    from onrecord.records import Speaker, Statement
    from onrecord.sides import fill_sides

    intent = Statement("s1", "indirect", "Kinshasa was prepared to initial the declaration", 0, 48,
                       speaker=Speaker(name="Aimé Ngoy", role="chief negotiator", affiliation="Qatar"))
    claim = Statement("s2", "indirect", "Kigali had broken the truce", 60, 87,
                      speaker=Speaker(name="Aimé Ngoy", role="chief negotiator", affiliation="Qatar"))
    named = Statement("s3", "indirect", "Kinshasa would sign", 90, 109,
                      speaker=Speaker(name="Lina Sami", role="Rwandan foreign minister", affiliation="Rwanda"))
    filled = fill_sides([intent, claim, named], positions=False)
    # the negotiator's side holds for all his statements (his claim too); the placed minister keeps hers
    assert [s.speaker.affiliation for s in filled] == ["Democratic Republic of the Congo"] * 2 + ["Rwanda"]
    # a speaker whose intents open with two states keeps the side from context at the statements naming none
    other = dataclasses.replace(intent, id="s4", text="Kigali was prepared to sign the text", start=120, end=156)
    filled = fill_sides([intent, claim, other], positions=False)
    assert [s.speaker.affiliation for s in filled] == ["Democratic Republic of the Congo", "Qatar", "Rwanda"]


def test_an_officials_quote_after_their_reported_intent_takes_its_state(nlp):
    text = ("GENEVA, Feb 19 (Wire) - Armenia will not sign any framework with Azerbaijan while Azerbaijani officials "
            "keep threatening strikes, Deputy Foreign Minister Omar Wali said on Thursday, a day after Azerbaijan's "
            "envoy appeared to soften a long-standing Azerbaijani demand.\n\n"
            '"The day the threats stop, we can put our initials on a text within a week," Wali told reporters.\n')
    analysis = onrecord.analyze(text)
    wali = _by_name(analysis, "Omar Wali")
    assert [s.text[:26] for s in wali] == ["Armenia will not sign any ", "The day the threats stop, "]
    assert {s.speaker.affiliation for s in wali} == {"Armenia"}


@pytest.mark.parametrize(("role", "side"), [
    ("Hamas spokesman", "Hamas"), ("Houthi military spokesman", "Houthis"), ("the Houthis’ chief negotiator", "Houthis"),
    ("Revolutionary Guards commander", "Iran"),
    # a portfolio is what the office deals with, not whose it is; a description names no body
    ("envoy for Hamas", None), ("member of the group’s political bureau", None),
])
def test_a_body_the_registry_knows_named_in_a_role_is_the_speakers_side(role, side):
    from onrecord.records import Speaker
    from onrecord.stance.counterpart import speaker_side
    from onrecord.stance.lexicon import load_lexicon

    assert speaker_side(Speaker(name="Omar Wali", role=role), load_lexicon()) == side


def test_a_speaker_whose_role_names_a_body_carries_it_as_affiliation():
    text = ("GAZA, May 4 -\n\nTalks on a truce were due to resume in Cairo, officials said.\n\n"
            "Hamas spokesman Omar Wali said the movement would not send a delegation while the strikes went on.\n")
    wali = _by_name(onrecord.analyze(text, id="t", language="en"), "Omar Wali")
    assert [s.speaker.affiliation for s in wali] == ["Hamas"]


def test_a_speaker_whose_role_names_a_body_keeps_it_against_an_intent_opening_with_a_state():
    text = ("GAZA, May 4 -\n\nTalks on a truce were due to resume in Cairo, officials said.\n\nIsrael will not withdraw "
            "from the corridor, Hamas spokesman Omar Wali said.\n\n\"We will not sign,\" Wali said.\n")
    wali = _by_name(onrecord.analyze(text, id="t", language="en"), "Omar Wali")
    assert [s.speaker.affiliation for s in wali] == ["Hamas", "Hamas"]


@pytest.mark.parametrize("text, speaker, side", [
    # a place the lexicon does not know, which the article also writes as a demonym, places its officials and
    # bodies ("Tarvenian President", "the Mosravan Foreign Ministry")
    ("BRUSSELS — Talks between Tarvenia and Mosrava broke down on Monday.\n\nTarvenian President Ivo Damir said "
     "Tarvenia was ready to sign the protocol tomorrow.\n\nThe Mosravan Foreign Ministry said the river police would "
     "stay on the islands.\n", "Ivo Damir", "Tarvenia"),
    ("BRUSSELS — Talks between Tarvenia and Mosrava broke down on Monday.\n\nTarvenian President Ivo Damir said "
     "Tarvenia was ready to sign the protocol tomorrow.\n\nThe Mosravan Foreign Ministry said the river police would "
     "stay on the islands.\n", "Mosravan Foreign Ministry", "Mosrava"),
    # an owner the tagger takes for a person in a headline is a place when the article writes it before a common
    # noun ("the Korvastan delegation"); a body led by it then stands for it too
    ("Korvastan threatens to boycott water talks\n\nALMATY — «Our delegation will not board the plane as long as the "
     "turbines keep running,» Korvastan’s Foreign Minister Aziza Nurova told a news conference on Monday.\n\nLater "
     "she said the Korvastan delegation would be at the table next week.\n\nThe Korvastan Border Service said its "
     "patrol had come under fire.\n", "Korvastan Border Service", "Korvastan"),
    # a past office places no one: the EU's envoy, once a Danish diplomat, speaks for the EU
    ("BRUSSELS — Talks stalled.\n\nThe EU envoy, Anna Berg, a former Danish diplomat, said the union was prepared to "
     "fund monitors.\n", "Anna Berg", "European Union"),
    # an English word and its adjective ("Republic" / "Republican") are no invented place
    ("WASHINGTON — Talks stalled.\n\nRepublican Senator Dale Hurst said Washington should not rush a deal between "
     "Rwanda and the Democratic Republic of Congo.\n", "Dale Hurst", "United States"),
    # a rebel or opposition role led by an invented place's demonym is not the state's
    ("BRUSSELS — Talks between Tarvenia and its rebels stalled.\n\nTarvenian President Ivo Damir said his "
     "government would never negotiate with armed groups.\n\nTarvenian rebel commander Dusan Belic said his "
     "fighters were ready to join talks.\n", "Dusan Belic", None),
])
def test_places_the_article_names_place_their_officials(text, speaker, side):
    statement = next(s for s in onrecord.analyze(text).statements if s.speaker.name == speaker)
    assert statement.speaker.affiliation == side


def test_article_places_need_a_demonym_and_are_no_names_or_parts_of_known_places():
    from onrecord.article_places import article_places

    assert article_places("Sorvenia said no. Sorvenians marched. The Sorvenian minister left.") == {
        "Sorvenia": "Sorvenia", "Sorvenians": "Sorvenia", "Sorvenian": "Sorvenia"}
    assert article_places("Elena Petrou met Eleni Kostas.") == {}  # a name and a name
    assert article_places("South Korea's army fired. A Korean official said.") == {}  # part of a known place
    assert article_places("Africa's leaders met. An African envoy said.") == {}  # a continent
    assert article_places("Civilian deaths rose, Civil Defence said. Median incomes fell, Media said.") == {}
