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


def test_a_follow_on_after_another_speakers_statement_still_goes_on_about_the_talks():
    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\nThe rebels' spokesman said the shelling had stopped on Sunday.\n\n"
                    "“Nobody in this government is in a hurry,” Velic added.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    follow = _by_text(analysis, "Nobody in this government is in a hurry")
    assert follow.about_negotiations and follow.stance == "neutral"


def test_a_follow_on_about_arrests_is_not_about_talks():
    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\n“Eleven suspects were detained in the capital overnight,” she added.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    assert not _by_text(analysis, "Eleven suspects were detained").about_negotiations


def test_a_follow_on_of_up_to_twenty_words(monkeypatch):
    import onrecord.stance as stance

    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\n“We have said what we had to say, and we will say it again next week to anyone "
                    "who asks,” Velic said.\n")
    assert _by_text(onrecord.analyze(text, id="t", language="en"), "We have said").about_negotiations
    monkeypatch.setattr(stance, "FOLLOW_ON_WORDS", 12)
    assert not _by_text(onrecord.analyze(text, id="t", language="en"), "We have said").about_negotiations


def test_a_follow_on_a_paragraph_further(monkeypatch):
    import onrecord.stance as stance

    text = TALKS + ("“We will not sit at the table while the shelling goes on,” Foreign Minister Ana Velic told "
                    "reporters.\n\nThe river has flooded two villages in the south.\n\n“We have said what we "
                    "had to say,” Velic said.\n")
    assert _by_text(onrecord.analyze(text, id="t", language="en"), "We have said").about_negotiations
    monkeypatch.setattr(stance, "FOLLOW_ON_PARAGRAPHS", 1)
    assert not _by_text(onrecord.analyze(text, id="t", language="en"), "We have said").about_negotiations
