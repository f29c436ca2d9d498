"""Stance framing: negation, double negation, modality, conditions and whose clause it is."""

from __future__ import annotations

import pytest

from .casebook import read


@pytest.mark.parametrize(
    ("sentence", "statement", "side", "stance"),
    [
        # negation scope
        ("“We will not hold talks with them,” the minister said.", "We will not hold talks with them", None, "reject"),
        ("“We never refused to talk,” the envoy said.", "We never refused to talk", None, "open"),
        ("The spokesman said Madrid did not rule out a ceasefire.", "Madrid did not rule out a ceasefire", None, "open"),
        ("“There can be no truce,” she said.", "There can be no truce", None, "reject"),
        ("“Talks are not impossible,” he said.", "Talks are not impossible", None, "open"),
        ("“We are not ready to negotiate unless the troops leave,” he said.",
         "We are not ready to negotiate unless the troops leave", None, "reject"),
        # positive framing with and without terms
        ("“We are ready to negotiate only if the troops leave,” he said.",
         "We are ready to negotiate only if the troops leave", None, "conditional"),
        ("“We are open to dialogue,” the spokeswoman said.", "We are open to dialogue", None, "open"),
        ("“Any agreement must be based on international law and a peace plan,” he said.",
         "Any agreement must be based on international law and a peace plan", None, "conditional"),
        # whose position: another party's is neutral, a demand on another party is the speaker's
        ("“Tbilisi is not interested in talks,” the Russian diplomat said.",
         "Tbilisi is not interested in talks", "Russia", "neutral"),
        ("“Tbilisi must return to the negotiating table,” the Russian diplomat said.",
         "Tbilisi must return to the negotiating table", "Russia", "open"),
        ("The minister said Moscow would never negotiate with the Georgians.",
         "Moscow would never negotiate with the Georgians", "Russia", "reject"),
        # procedure
        ("The mediator said the talks would take place in Vienna.", "the talks would take place in Vienna", None, "neutral"),
        ("“The negotiations did not take place,” the aide said.", "The negotiations did not take place", None, "neutral"),
        # the statement is the object of a cue that takes a stance
        ("The minister rejected talks with the separatists.", "talks with the separatists", None, "reject"),
    ],
)
def test_framing_reads_stance(nlp, sentence, statement, side, stance):
    got = read(nlp, sentence, statement, side)
    assert got.about_negotiations
    assert got.stance == stance


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("“We will not surrender,” the mayor said.", "We will not surrender"),
        ("“We talked about the harvest,” the farmer said.", "We talked about the harvest"),
        ("The minister said the bridge would stay closed until spring.", "the bridge would stay closed until spring"),
    ],
)
def test_framing_not_about_negotiations_has_null_stance(nlp, sentence, statement):
    got = read(nlp, sentence, statement)
    assert not got.about_negotiations
    assert got.stance is None and got.conditions == () and got.counterpart is None


def test_framing_unreadable_fragment_is_neutral_with_warning(nlp):
    warnings: list[str] = []
    got = read(nlp, "“Peace talks?” the general asked.", "Peace talks?", warnings=warnings)
    assert got.about_negotiations and got.stance == "neutral"
    assert warnings == ["statement s1: stance unreadable (no predicate): neutral"]
