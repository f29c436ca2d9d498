"""Reported speech from the parse: for each cue, the speaker's mention and the content clause."""

from __future__ import annotations

import pytest

from onrecord.attribution.cues import find_cues
from onrecord.attribution.reported import frame_for


def _frames(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    """(cue, speaker mention, content) for every cue of the text."""
    doc = nlp(text)
    out = []
    for sent in doc.sents:
        cues = find_cues(sent, 0)
        tokens = frozenset(c.token.i for c in cues)
        for cue in cues:
            f = frame_for(cue, tokens)
            source = text[f.source.start : f.source.end] if f.source else None
            content = text[f.content.start : f.content.end] if f.content else None
            out.append((cue.text, source, content))
    return out


@pytest.mark.parametrize(
    "text, cue, speaker, content",
    [
        # a clausal complement, "that" dropped, tense and voice varied
        ("Kremlin adviser Yuri Ushakov said on Monday that talks would be impossible.", "said",
         "Kremlin adviser Yuri Ushakov", "talks would be impossible"),
        ("The minister says the offensive has stalled.", "says", "The minister", "the offensive has stalled"),
        ("The minister will say that nothing has changed.", "will say", "The minister", "nothing has changed"),
        ("Putin has often said he would be willing to negotiate.", "has often said", "Putin",
         "he would be willing to negotiate"),
        ("She insisted there would be no negotiations.", "insisted", "She", "there would be no negotiations"),
        ("Ushakov told the channel that the talks were off.", "told", "Ushakov", "the talks were off"),
        ("The general warned on Tuesday that the war could last years.", "warned", "The general",
         "the war could last years"),
        ("Sergei Shoigu, the Security Council chief, said the border was secure.", "said",
         "Sergei Shoigu, the Security Council chief", "the border was secure"),
        # the content before the cue
        ("Moscow will not hold talks while troops remain in Kursk, Shoigu said Tuesday.", "said", "Shoigu",
         "Moscow will not hold talks while troops remain in Kursk"),
        ("The talks have failed, the ministry said.", "said", "the ministry", "The talks have failed"),
        # nominal objects of rejecting verbs
        ("The Kremlin rejected the possibility of a truce with Ukraine.", "rejected", "The Kremlin",
         "the possibility of a truce with Ukraine"),
        ("Shoigu ruled out talks with Kyiv.", "ruled out", "Shoigu", "talks with Kyiv"),
        ("The ministry denied the reports of a ceasefire.", "denied", "The ministry", "the reports of a ceasefire"),
        ("Officials dismissed the proposal as unrealistic.", "dismissed", "Officials", "the proposal"),
        # infinitive complements
        ("The president vowed to continue the offensive.", "vowed", "The president", "to continue the offensive"),
        # according to
        ("According to the aide, the proposals have not been cancelled.", "According to", "the aide",
         "the proposals have not been cancelled"),
        ("The proposals have not been cancelled, according to the aide.", "according to", "the aide",
         "The proposals have not been cancelled"),
        # passive: the agent speaks
        ("The claims were denied by the defence ministry.", "were denied", "the defence ministry", None),
        # a cue noun with a "that" clause
        ("Putin's claim that he never refused to negotiate was repeated.", "claim", "Putin's",
         "he never refused to negotiate"),
    ],
)
def test_reported_frames(nlp, text: str, cue: str, speaker: str | None, content: str | None) -> None:
    frames = {c: (s, t) for c, s, t in _frames(nlp, text)}
    assert cue in frames, frames
    assert frames[cue][0] == speaker
    if content is not None:
        assert frames[cue][1] == content


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("He said goodbye to his staff.", "said", None),
        ("It was said that talks had resumed.", "was said", "talks had resumed"),
        ("The aide, who was quoted as saying nothing, left.", "was quoted as saying", None),
    ],
)
def test_reported_no_or_unnamed_content(nlp, text: str, cue: str, content: str | None) -> None:
    frames = {c: t for c, _s, t in _frames(nlp, text)}
    assert frames[cue] == content


def test_reported_passive_without_agent_names_no_speaker(nlp) -> None:
    (frame,) = _frames(nlp, "Both were accused of directing attacks at civilians.")
    assert frame[1] is None


def test_reported_nested_cue_ends_the_content(nlp) -> None:
    frames = {c: t for c, _s, t in _frames(
        nlp, "Perdue said the attacks did not hurt Romney, arguing that divisions were a bigger hurdle.")}
    assert frames["said"] == "the attacks did not hurt Romney"
    assert frames["arguing"] == "divisions were a bigger hurdle"


def test_reported_parenthetical_cue(nlp) -> None:
    frames = {c: t for c, _s, t in _frames(nlp, "The museum, Mr. Obama said, would make visitors think.")}
    assert frames["said"] is not None and "would make visitors think" in frames["said"]


def test_reported_a_time_clause_after_the_cue_is_not_its_content(nlp) -> None:
    # the parser hangs "a day after X appeared to ..." on "said" as a complement; the content is the clause before
    text = ("Serbia will not initial any text with Kosovo while Kosovar police keep raiding northern towns, Deputy Prime "
            "Minister Ivan Lukic said on Monday, a day after Pristina's envoy appeared to drop a long-standing "
            "U.S.-backed demand on the association.")
    assert ("said", "Deputy Prime Minister Ivan Lukic",
            "Serbia will not initial any text with Kosovo while Kosovar police keep raiding northern towns") in _frames(nlp, text)


def test_a_name_the_parser_strands_before_a_subjectless_cue_speaks():
    """The small model's parse of "In a statement posted on Weibo, its spokesperson Zhao Mingwei said ...": the
    name hangs as an apposition of "Weibo" and "said" has no subject (a parse written out, as the model gives it
    in some contexts)."""
    from spacy.tokens import Doc

    from onrecord.attribution.reported import _subject_of
    from onrecord.nlp import load_model

    words = ["In", "a", "statement", "posted", "on", "Weibo", ",", "its", "spokesperson", "Zhao", "Mingwei", "said",
             "the", "vessel", "sank", "."]
    heads = [11, 2, 0, 2, 3, 4, 5, 8, 5, 10, 8, 11, 13, 14, 11, 11]
    deps = ["prep", "det", "pobj", "acl", "prep", "pobj", "punct", "poss", "appos", "compound", "appos", "ROOT",
            "det", "nsubj", "ccomp", "punct"]
    ents = ["O"] * 9 + ["B-PERSON", "I-PERSON"] + ["O"] * 5
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps, ents=ents)
    assert _subject_of(doc[11], passive_agent=False).text == "Mingwei"
    # a subjectless cue with no name right before it has no speaker
    doc2 = Doc(load_model().vocab, words=["Later", ",", "said", "the", "vessel", "sank", "."],
               heads=[2, 2, 2, 4, 5, 2, 2], deps=["advmod", "punct", "ROOT", "det", "nsubj", "ccomp", "punct"])
    assert _subject_of(doc2[2], passive_agent=False) is None
