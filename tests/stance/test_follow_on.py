"""A short statement right after the same speaker's talk of talks goes on about those talks (through the real
pipeline, on articles written for these tests)."""

import pytest

import onrecord
from onrecord.options import Options

# Tests of the follow-on rule: the rules alone, without the learned model's second reading.
RULES_ONLY = Options(stance_model=False)
TALKS = ("KESSRA, May 4 -\n\nPeace talks between Valdoria and the northern rebels were due to resume in Geneva, "
         "the mediators said.\n\n")
# The speaker's statement about talks that the follow-ons come after.
REFUSAL = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                   "reporters.\n\n")


def _by_text(analysis, words):
    return next(s for s in analysis.statements if words in s.text)


@pytest.mark.parametrize(("after", "words"), [
    ("“That depends on them,” she added.\n", "That depends on them"),
    # one other speaker's statement between
    ("The rebels' spokesman said the shelling had stopped on Sunday.\n\n"
     "“Nobody in this government is in a hurry,” Velic added.\n", "Nobody in this government is in a hurry"),
])
def test_a_short_follow_on_is_about_the_same_talks_and_takes_no_position(after, words):
    follow = _by_text(onrecord.analyze(REFUSAL + after, id="t", language="en", options=RULES_ONLY), words)
    assert follow.about_negotiations and follow.stance == "neutral"


@pytest.mark.parametrize(("after", "words"), [
    ("“Our troops are advancing on every front,” she added.\n", "advancing on every front"),  # the fighting
    ("“The river has flooded two villages,” a local official said.\n", "river has flooded"),  # another speaker
    ("“Forty prisoners came home on Sunday,” she added.\n", "Forty prisoners came home"),  # the exchange itself
    ("“Eleven suspects were detained in the capital overnight,” she added.\n", "Eleven suspects were detained"),
])
def test_a_statement_that_does_not_go_on_about_the_talks(after, words):
    follow = _by_text(onrecord.analyze(REFUSAL + after, id="t", language="en", options=RULES_ONLY), words)
    assert not follow.about_negotiations and follow.stance is None


@pytest.mark.parametrize(("after", "setting", "narrower"), [
    # up to twenty words
    ("“We have said what we had to say, and we will say it again next week to anyone who asks,” Velic said.\n",
     "FOLLOW_ON_WORDS", 12),
    # a paragraph further
    ("The river has flooded two villages in the south.\n\n“We have said what we had to say,” Velic said.\n",
     "FOLLOW_ON_PARAGRAPHS", 1),
])
def test_how_far_a_follow_on_reaches(monkeypatch, after, setting, narrower):
    import onrecord.stance as stance

    assert _by_text(onrecord.analyze(REFUSAL + after, id="t", language="en", options=RULES_ONLY), "We have said").about_negotiations
    monkeypatch.setattr(stance, setting, narrower)
    assert not _by_text(onrecord.analyze(REFUSAL + after, id="t", language="en", options=RULES_ONLY), "We have said").about_negotiations
