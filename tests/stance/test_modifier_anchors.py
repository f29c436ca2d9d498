"""Negotiation words that only describe something else ("the mechanism proposed by the mediators") and a role's
place of posting ("head of the delegation in Lusaka"), through the real pipeline on an article written for
these tests."""

import onrecord
import onrecord.stance.about as about
from onrecord.options import Options

ARTICLE = ("HARARE, May 4 -\n\nPeace talks between Zimbabwe and the eastern rebels resumed in Lusaka on Monday, "
           "the mediators said.\n\n"
           "“There will be no talks while the shelling goes on,” the rebel spokesman Tendai Moyo said.\n\n"
           "Farai Chikore, the head of the government delegation in Lusaka, said Harare was prepared to initial "
           "the declaration this week and to leave the timetable to the monitoring group proposed by the "
           "mediators.\n")


def _statement(text=ARTICLE, words="prepared to initial", options=None):
    return next(s for s in onrecord.analyze(text, id="t", language="en", options=options).statements
                if words in s.text)


def test_a_place_of_posting_is_not_the_officials_side():
    statement = _statement()
    assert statement.speaker.affiliation == "Zimbabwe"


def test_weak_words_of_the_main_clause_frame_a_statement_whose_talk_words_only_describe():
    statement = _statement()
    assert statement.about_negotiations and statement.stance == "open"


def test_without_reading_past_the_modifier_the_statement_is_only_a_report(monkeypatch):
    monkeypatch.setattr(about, "_in_modifier", lambda token, piece: False)
    statement = _statement(options=Options(stance_model=False))  # the rules' reading (the learned one may differ)
    assert statement.stance != "open"


CONDITION = ("NIAMEY, May 4 -\n\nThe northern rebels said on Monday they would not negotiate while the army "
             "shelled their villages, the mediators said.\n\n"
             "The government said the talks in Niamey would go ahead without them.\n\n"
             "“We will be in the room on Friday provided Ghana chairs the monitoring committee,” NCM spokesman "
             "Ahmed Ag Intalla said.\n")


def test_a_talk_word_inside_the_condition_leaves_the_clause_to_the_speaker():
    statement = _statement(CONDITION, "in the room")
    assert statement.speaker.affiliation == "NCM" and statement.stance == "conditional"

