"""A short statement right after the same speaker's talk of talks goes on about those talks (through the real
pipeline, on articles written for these tests)."""

import onrecord

TALKS = ("KESSRA, May 4 -\n\nPeace talks between Valdoria and the northern rebels were due to resume in Geneva, "
         "the mediators said.\n\n")


def _by_text(analysis, words):
    return next(s for s in analysis.statements if words in s.text)


def test_a_short_follow_on_is_about_the_same_talks_and_takes_no_position():
    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\n“That depends on them,” she added.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    follow = _by_text(analysis, "That depends on them")
    assert follow.about_negotiations and follow.stance == "neutral"


def test_a_follow_on_about_the_fighting_is_not_about_talks():
    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\n“Our troops are advancing on every front,” she added.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    follow = _by_text(analysis, "advancing on every front")
    assert not follow.about_negotiations and follow.stance is None


def test_another_speakers_short_statement_is_not_carried():
    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\n“The river has flooded two villages,” a local official said.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    assert not _by_text(analysis, "river has flooded").about_negotiations


def test_a_follow_on_about_the_exchange_itself_is_not_about_talks():
    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\n“Forty prisoners came home on Sunday,” she added.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    assert not _by_text(analysis, "Forty prisoners came home").about_negotiations
