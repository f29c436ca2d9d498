"""Speech cues from the lexicon and the parse, in every tense and voice."""

from __future__ import annotations

import pytest

from onrecord.attribution.cues import default_lexicon, find_cues, parse_lexicon
from onrecord.errors import OnrecordError


def _cues(nlp, text: str, headline: bool = False) -> list[tuple[str, str]]:
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        for cue in find_cues(sent, 0, headline=headline):
            assert text[cue.start : cue.end] == cue.text
            out.append((cue.text, cue.lemma))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister said the talks were over.", [("said", "say")]),
        ("The minister says the talks are over.", [("says", "say")]),
        ("The minister will say the talks are over.", [("will say", "say")]),
        ("Putin has repeatedly said he would negotiate.", [("has repeatedly said", "say")]),
        ("The aide did not say whether talks would resume.", [("did not say", "say")]),
        ("He was quoted as saying by TASS that talks were impossible.", [("was quoted as saying", "quote")]),
        ("Ushakov told the channel Shot that there would be no talks.", [("told", "tell")]),
        ("The spokesman is telling reporters that nothing changed.", [("is telling", "tell")]),
        ("Shoigu ruled out talks with Kyiv.", [("ruled out", "rule out")]),
        ("The Kremlin has rejected the possibility of a truce.", [("has rejected", "reject")]),
        ("Kyiv denied that its troops had crossed the border.", [("denied", "deny")]),
        ("The ministry dismissed the report as propaganda.", [("dismissed", "dismiss")]),
        ("She insisted there would be no negotiations.", [("insisted", "insist")]),
        ("The president warned that the war could last years.", [("warned", "warn")]),
        ("He wrote on Telegram that the offensive had stalled.", [("wrote", "write")]),
        ("The general claimed that the city had been taken.", [("claimed", "claim")]),
        ("Officials confirmed the strike on Monday.", [("confirmed", "confirm")]),
        ("According to the aide, talks are impossible.", [("According to", "according to")]),
        ("Talks are impossible, according to the aide.", [("according to", "according to")]),
        ("The foreign minister stressed that Moscow was open to dialogue.", [("stressed", "stress")]),
        ("Zelensky tweeted that the counteroffensive had begun.", [("tweeted", "tweet")]),
        ("He had argued that sanctions would fail.", [("had argued", "argue")]),
        ("The plan was announced by the ministry.", [("was announced", "announce")]),
        ("Putin's claim that he never refused to negotiate was disputed.", [("claim", "claim"), ("was disputed", "dispute")]),
        ("“We will not talk,” she added.", [("added", "add")]),
        ("He pointed out that nobody had asked him.", [("pointed out", "point out"), ("had asked", "ask")]),
    ],
)
def test_cues_find_speech_verbs(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The troops advanced towards the border on Monday.",
        "The so-called peace plan was never published.",
        "Heavy shelling hit the town overnight.",
        "The reporters walked out of the room.",
    ],
)
def test_cues_none_without_a_speech_word(nlp, text: str) -> None:
    assert _cues(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kremlin Aide Says Peace Talks Are Off", [("Says", "say")]),
        ("Shoigu Rules Out Talks With Ukraine", [("Rules Out", "rule out")]),
    ],
)
def test_cues_title_case_headlines(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert _cues(nlp, text, headline=True) == expected


def test_cues_offsets_shift_by_block_offset(nlp) -> None:
    doc = nlp("The minister said so.")
    (cue,) = find_cues(doc[:], 100)
    assert (cue.start, cue.end) == (100 + 13, 100 + 17)


def test_cues_lexicon_has_its_parts() -> None:
    lexicon = default_lexicon()
    assert {"say", "tell", "deny", "warn"} <= lexicon.verbs
    assert ("rule", "out") in lexicon.phrasal and "rule out" in lexicon.object_verbs
    assert ("according", "to") in lexicon.phrases
    assert "claim" in lexicon.nouns and "continue" in lexicon.quote_only


@pytest.mark.parametrize("line", ["verb", "adverb quickly", "verb a b c", "noun"])
def test_cues_bad_lexicon_line_names_the_line(line: str) -> None:
    with pytest.raises(OnrecordError, match="line 2"):
        parse_lexicon(["# comment", line], source="test.txt")


@pytest.mark.parametrize(
    "text, quote_only",
    [
        ("Heavy fighting continued near the town.", True),
        ("She continued: “We are ready.”", True),
        ("She said: “We are ready.”", False),
    ],
)
def test_cues_quote_only_verbs_are_marked(nlp, text: str, quote_only: bool) -> None:
    (cue,) = find_cues(nlp(text)[:], 0)
    assert cue.quote_only is quote_only
