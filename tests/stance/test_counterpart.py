"""Counterparts: alias table (capital -> state), demonyms, bracketed glosses, pronouns, own side."""

from __future__ import annotations

import pytest

from .casebook import read
from onrecord.records import Speaker
from onrecord.stance.counterpart import place_of, speaker_side
from onrecord.stance.lexicon import load_lexicon


@pytest.mark.parametrize(
    ("sentence", "statement", "side", "counterpart"),
    [
        ("“We will not talk with the Kremlin,” he said.", "We will not talk with the Kremlin", "Ukraine", "Russia"),
        ("“We will never negotiate with them [Georgia],” he said.", "We will never negotiate with them [Georgia]", None, "Georgia"),
        ("The Turkish leader met Armenian officials, and said he was ready to talk with them again.",
         "he was ready to talk with them again", "Turkey", "Armenia"),
        ("He said talks with the Ukrainian side were impossible.", "talks with the Ukrainian side were impossible", "Russia", "Ukraine"),
        ("“A truce with Hamas is not on the table,” the minister said.", "A truce with Hamas is not on the table", "Israel", "Hamas"),
        ("She said talks between Moscow and Kyiv were not possible.", "talks between Moscow and Kyiv were not possible", "Ukraine", "Russia"),
        ("“We are open to talks,” he said.", "We are open to talks", None, None),
    ],
)
def test_counterpart_resolved(nlp, sentence, statement, side, counterpart):
    assert read(nlp, sentence, statement, side).counterpart == counterpart


@pytest.mark.parametrize(
    ("words", "state"),
    [("Kyiv", "Ukraine"), ("the Kremlin", "Russia"), ("Ukrainian", "Ukraine"), ("Hamas", None), ("Kursk", None)],
)
def test_counterpart_place_aliases(words, state):
    assert place_of(words, load_lexicon()) == state


@pytest.mark.parametrize(
    ("speaker", "side"),
    [
        (Speaker(name="Yuri Ushakov", affiliation="Russia"), "Russia"),
        (Speaker(name="X", role="Russian presidential aide"), "Russia"),
        (Speaker(name="Government of Ukraine"), "Ukraine"),
        (Speaker(name="Hamas (unnamed senior official)", affiliation="Hamas"), "Hamas"),
        (Speaker(name="A. Person"), None),
        # an armed group named in full in the role, which the registry does not know
        (Speaker(name="Ali Ag Moussa", role="commander of the separatist Tamasna Liberation Front"),
         "Tamasna Liberation Front"),
        (Speaker(name="Ali Ag Moussa", role="spokesman of the Kel Adagh People's Army"), "Kel Adagh People's Army"),
        (Speaker(name="A. Person", role="commander of the Joint Forces"), None),  # no mark of a group
    ],
)
def test_counterpart_speaker_side(speaker, side):
    assert speaker_side(speaker, load_lexicon()) == side
