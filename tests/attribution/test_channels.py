"""Channels: the medium of a statement, found from the parse of sentences written for these tests."""

from __future__ import annotations

import pytest

from onrecord.attribution.channels import find_channel, load_lexicon, parse_lexicon

pytestmark = pytest.mark.slow

# (cue word, sentence, expected channel name or None). The cue is the first token with that text.
CASES = [
    # addressee of "told"
    ("told", '"At this stage, we will not talk," the aide told the Telegram news channel Shot, speaking of the raid.',
     "Telegram news channel Shot"),
    ("told", "The foreign minister told CNN that there would be no ceasefire.", "CNN"),
    ("told", "The prime minister told Russian state television that talks were possible.", "Russian state television"),
    ("told", "The official told the newspaper Izvestia that the talks had stalled.", "newspaper Izvestia"),
    ("told", "The envoy told the Financial Times that a deal was close.", "Financial Times"),
    # agent of quoting
    ("quoted", "Peskov, speaking on Tuesday, was quoted as saying by the state-owned RIA news agency.", "state-owned RIA news agency"),
    ("saying", "Peskov, speaking on Tuesday, was quoted as saying by the state-owned RIA news agency.", "state-owned RIA news agency"),
    ("said", '"No talks," the aide said, quoted by TASS.', "TASS"),
    ("said", '"The West wants war," Lavrov said, as quoted by Interfax.', "Interfax"),
    ("said", "Peskov said Tuesday, TASS reported.", "TASS"),
    # prepositional phrases of the saying
    ("said", '"We are ready," Lavrov said in an interview with CNN earlier this month.', "CNN"),
    ("Speaking", "Speaking to the BBC, the president said he would not negotiate.", "BBC"),
    ("said", "Speaking to the BBC, the president said he would not negotiate.", "BBC"),
    ("said", "Zelensky said in a video address on Sunday evening that Ukraine would not stop.", "video address"),
    ("said", "Lavrov said at a press conference yesterday that the West had lied.", None),  # an occasion
    ("told", "\u201cWe are open,\u201d the minister told the broadcaster Kestrel Haber on Monday.", "broadcaster Kestrel Haber"),
    ("said", "Omar Haddad said in a speech broadcast by Al Jazeera that the group would not sign.", "Al Jazeera"),
    ("wrote", "The minister wrote on his Telegram channel that the strikes would continue.", "Telegram channel"),
    ("said", '"We will not talk," Zelensky said in a post on X.', "X"),
    ("said", "The spokeswoman said on X that the ceasefire had collapsed.", "X"),
    ("said", "The ministry said in a statement that the strikes were retaliation.", None),  # a form
    ("wrote", "Zelensky wrote on Facebook that Ukraine needed more air defence.", "Facebook"),
    ("said", "Kuleba said in an interview with Tucker Carlson that Kyiv wanted peace.", "interview with Tucker Carlson"),
    ("said", "Lavrov said in comments to TASS that the West was not ready for talks.", "TASS"),
    ("said", "The general said in an interview on Rossiya 1 that the army was advancing.", "Rossiya 1"),
    ("said", "The aide said via Telegram that talks were impossible.", "Telegram"),
    ("said", "The president said in his nightly video address that Ukraine would respond.", "nightly video address"),
    ("said", '"We will respond," the minister said at a briefing in Moscow.', None),  # an occasion
    ("said", "The group said in a statement posted on its Telegram channel that it accepted the plan.",
     "Telegram channel"),
    ("told", "The adviser told the Italian newspaper La Repubblica on Thursday that Russia did not want peace.",
     "Italian newspaper La Repubblica"),
    # "according to": a channel only when the statement has another cue
    ("said", "Peskov said the talks were off, according to RIA Novosti.", "RIA Novosti"),
    ("According", "According to RIA Novosti, the talks were off.", None),
    ("According", "According to a Kremlin readout, the two leaders agreed to keep talking.", "Kremlin readout"),
    # negatives: people and audiences are not channels
    ("told", "Peskov told reporters on Tuesday that the Kremlin was open to talks.", None),
    ("told", "Peskov told journalists that the Kremlin saw no basis for talks.", None),
    ("told", "The spokesman told the media that no decision had been made.", None),
    ("told", "The chancellor told Putin that the war must end.", None),
    ("told", "The president told lawmakers that the war would continue.", None),
    ("told", "The general told the UN Security Council that the attack had been repelled.", None),
    ("told", "Erdogan told Zelensky by phone that Turkey was ready to host talks.", None),
    ("said", "Shoigu said during a meeting with Putin that the offensive would continue.", None),
    # negatives: a medium inside the reported content is not the statement's channel
    ("said", "The minister said the talks on state TV were a farce.", None),
    ("said", "He said the interview with CNN had been misquoted.", None),
    ("said", "Zelensky said that Russia had told the BBC it would not negotiate.", None),
    ("said", "Zelensky said that Russian media reported that the talks had collapsed.", None),
    ("said", "The aide said Monday that the Telegram news channel Shot had misquoted him.", None),
]
POSITIVE = [c for c in CASES if c[2] is not None]


def _sentence(nlp, text: str, cue_word: str | None):
    doc = nlp(text)
    sent = next(doc.sents)
    cue = None
    if cue_word is not None:
        cue = next(t for t in sent if t.text == cue_word)
    return sent, cue


@pytest.mark.parametrize("cue_word,text,expected", CASES)
def test_channels_finds_medium_of_the_saying(nlp, cue_word, text, expected):
    sent, cue = _sentence(nlp, text, cue_word)
    channel = find_channel(sent, 0, cue)
    assert (channel.name if channel else None) == expected


@pytest.mark.parametrize("cue_word,text,expected", POSITIVE)
def test_channels_offsets_index_the_article(nlp, cue_word, text, expected):
    prefix = "Headline words here.\n\nAn earlier paragraph, with “curly” marks.\n"
    article = prefix + text
    sent, cue = _sentence(nlp, text, cue_word)
    channel = find_channel(sent, len(prefix), cue)
    assert channel is not None
    assert article[channel.start:channel.end] == channel.name == expected


@pytest.mark.parametrize("text,expected", [
    ("Medvedev wrote on Telegram on Monday that there would be no talks.", "Telegram"),
    ("The minister told CNN that there would be no ceasefire.", "CNN"),
    ("The minister told reporters that there would be no ceasefire.", None),
])
def test_channels_without_cue_uses_sentence_root(nlp, text, expected):
    sent, _ = _sentence(nlp, text, None)
    channel = find_channel(sent, 0)
    assert (channel.name if channel else None) == expected


@pytest.mark.parametrize("section,entry", [
    ("media_words", ("news", "agency")),
    ("platforms", ("X",)),
    ("outlets", ("RIA", "Novosti")),
])
def test_channels_lexicon_has_entries(section, entry):
    assert entry in getattr(load_lexicon(), section)


@pytest.mark.parametrize("text,message", [
    ("agency\n[media_words]\n", "before any [section]"),
    ("[media_words]\nagency\n", "missing section"),
])
def test_channels_lexicon_errors_say_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        parse_lexicon(text)


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        # a media word with the outlet's name the parser hung elsewhere
        ('"We will not sign," the commissioner told the newspaper La Voz.', "newspaper La Voz"),
        ("The minister told the agency Monday that talks were off.", "agency"),
        # an interview with a named outlet is the outlet
        ('"No," the minister said in an interview with Channel 4.', "Channel 4"),
    ],
)
def test_channel_named_after_its_media_word(text, channel):
    import onrecord

    statements = onrecord.analyze(text, id="t").statements
    assert statements and statements[0].channel is not None and statements[0].channel.name == channel


@pytest.mark.parametrize("text, words, channel", [
    # a participle's medium is its verb's, also where the parser hangs it on the verb's object
    ("COLOMBO — The Dolmar Freedom Movement dismissed that finding on its Telegram channel, saying its boats had "
     "\"not fired a single round\".\n", "single round", "Telegram channel"),
    # "in the same interview / post" is the occasion of the speaker's last statement
    ("ABUJA — \"The paper is dead,\" the bandit leader Bello Turaki said in an audio message shared on Telegram on "
     "Wednesday.\n\nIn the same message, Turaki said the state had promised his men money and never paid.\n",
     "never paid", "Telegram"),
    ("BAMAKO — Ousmane Diarra wrote on X that drones had killed 11 civilians.\n\nIn the same post, Diarra said his "
     "movement would not sit down with the junta.\n", "sit down", "X"),
])
def test_a_channel_from_the_verb_or_the_same_occasion(text, words, channel):
    import onrecord

    statement = next(s for s in onrecord.analyze(text).statements if words in s.text)
    assert statement.channel is not None and statement.channel.name == channel
    assert onrecord.analyze(text).article.text[statement.channel.start:statement.channel.end] == channel


def test_a_callback_with_no_earlier_channel_is_none():
    import onrecord

    text = ("BAMAKO — Ousmane Diarra said drones had killed 11 civilians.\n\nIn that case, Diarra said, his movement "
            "would not sit down with the junta.\n")
    statement = next(s for s in onrecord.analyze(text).statements if "sit down" in s.text)
    assert statement.channel is None


@pytest.mark.parametrize("text, words", [
    # a medium on the verb's object that is not the subject's own is where someone else spoke
    ("KYIV — Talks stalled.\n\nUkraine's foreign minister criticised the American envoy's remarks on Fox News on "
     "Tuesday, saying Ukraine would not accept a ceasefire that froze the front line.\n", "would not accept"),
    # "that programme" inside the quote, and a statement of another day, refer to no earlier occasion
    ("TEHRAN — On Monday, Foreign Minister Reza Ghorbani told state television that Tehran was ready for talks.\n\n"
     "Speaking to reporters on Wednesday, he said: \"There will be no negotiation on that programme while sanctions "
     "remain.\"\n", "no negotiation"),
    ("TEHRAN — On Monday, Foreign Minister Reza Ghorbani told state television that Tehran was ready for talks.\n\n"
     "On Wednesday, in that interview's follow-up with reporters, Ghorbani said talks were off.\n", "talks were off"),
])
def test_no_channel_from_another_speakers_medium_or_another_occasion(text, words):
    import onrecord

    statement = next(s for s in onrecord.analyze(text, published="2025-03-14").statements if words in s.text)
    assert statement.channel is None
