"""find_statements end to end on short articles written for these tests; every span checked against the text."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.attribution import find_statements
from onrecord.nlp import parse_blocks
from onrecord.records import Article, Statement, Zone


def _run(nlp, text: str, zones: list[Zone] | None = None) -> list[Statement]:
    zones = zones if zones is not None else [Zone("body", 0, len(text))]
    article = Article(id="t", text=text, published=dt.date(2024, 8, 20))
    blocks = parse_blocks(text, zones, nlp)
    statements = find_statements(article, zones, blocks, [])
    for s in statements:
        assert text[s.start : s.end] == s.text
        if s.cue:
            assert text[s.cue.start : s.cue.end] == s.cue.text
        if s.speaker.start is not None:
            assert text[s.speaker.start : s.speaker.end] == s.speaker.mention
    assert [s.id for s in statements] == [f"s{i}" for i in range(1, len(statements) + 1)]
    assert [s.start for s in statements] == sorted(s.start for s in statements)
    return statements


def _summary(statements: list[Statement]) -> list[tuple[str, str, str | None]]:
    return [(s.kind, s.text, s.cue.text if s.cue else None) for s in statements]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“At this stage, we will not talk,” the aide told the news channel.",
         [("direct", "At this stage, we will not talk", "told")]),
        ("The aide said: “We will not talk while the offensive goes on.”",
         [("direct", "We will not talk while the offensive goes on.", "said")]),
        ("“Talks are off,” he said, “until the troops leave our land.”",
         [("direct", "Talks are off", "said"), ("direct", "until the troops leave our land.", "said")]),
        ("The minister said on Monday that talks would resume next month.",
         [("indirect", "talks would resume next month", "said")]),
        ("Talks would resume next month, the minister said.",
         [("indirect", "Talks would resume next month", "said")]),
        ("The Kremlin rejected the possibility of a truce with Ukraine.",
         [("indirect", "the possibility of a truce with Ukraine", "rejected")]),
        # a substantial quote inside a reported clause: only the quoted words, direct
        ("According to the aide, the proposals “have not been canceled, but now is not the time.”",
         [("direct", "have not been canceled, but now is not the time.", "According to")]),
        # a short fragment inside a longer clause stays part of the indirect clause
        ("The president said the goal of the operation was to create a “buffer zone” in the region.",
         [("indirect", "the goal of the operation was to create a “buffer zone” in the region", "said")]),
        # a name the parser takes for a clause ("told the agency SANA on Monday that ...") is not the content
        ("The foreign minister told the news agency WAFA on Monday that the delegation would not attend.",
         [("indirect", "the delegation would not attend", "told")]),
        # a reported clause after a dateline that the parser hangs on the cue, with a quoted red line inside
        ("KIDAL — The armed groups will not initial any roadmap «that leaves a single soldier in the town», the "
         "spokesman of their alliance said on Tuesday, as mediators struggled to get both delegations together.",
         [("indirect", "The armed groups will not initial any roadmap «that leaves a single soldier in the town»",
           "said")]),
        # a short quote that opens with a subordinator is a piece of the clause around it, however short
        ("Kessra will sign ‘once salaries are paid’, a rebel negotiator said on Friday.",
         [("indirect", "Kessra will sign ‘once salaries are paid’", "said")]),
        # a short quote carrying the clause's verb is direct
        ("The analyst doubted the minister's claim that he “never refused” to talk to Kyiv.",
         [("direct", "never refused", "claim")]),
        # a long quoted phrase after the clause's own subject and verb stays inside the reported clause
        ("The envoy said Tbilisi would reopen the talks only on the terms of “the agreement signed in the "
         "autumn of 2008”.",
         [("indirect", "Tbilisi would reopen the talks only on the terms of “the agreement signed in the "
                       "autumn of 2008”", "said")]),
        # ... but a long quote that the clause opens with, or that holds its verb, is direct
        ("The envoy said “the talks will reopen in the spring, whatever the weather”, and left.",
         [("direct", "the talks will reopen in the spring, whatever the weather", "said")]),
        # a condition the parser hangs on the reporting verb after the clause belongs to the clause
        ("The Armenian minister said Yerevan was ready to resume talks with Baku, provided the border guards "
         "pulled back to their positions of last spring.",
         [("indirect", "Yerevan was ready to resume talks with Baku, provided the border guards pulled back to "
                       "their positions of last spring", "said")]),
        ("The rebel commander said his men would sign the truce “if the army stops bombing the markets.”",
         [("indirect", "his men would sign the truce “if the army stops bombing the markets.”", "said")]),
        # ... but not a clause of another cue
        ("The spokesman said the ceasefire would hold, adding that monitors would arrive if invited.",
         [("indirect", "the ceasefire would hold", "said"),
          ("indirect", "monitors would arrive if invited", "adding")]),
        # two coordinated "that" clauses of one cue are two statements
        ("The envoy said Baku had withdrawn its proposal and that talks would resume only after the vote.",
         [("indirect", "Baku had withdrawn its proposal", "said"),
          ("indirect", "talks would resume only after the vote", "said")]),
        # ... but one clause with coordinated verbs is one
        ("The envoy said Baku had withdrawn its proposal and would table a new one.",
         [("indirect", "Baku had withdrawn its proposal and would table a new one", "said")]),
        # scare quotes with no cue are not statements
        ("The so-called “peace plan” was never published.", []),
        ("Officials spoke of a 'special operation' in the region.", []),
        ("He said goodbye to his staff on Friday.", []),
        ("", []),
    ],
)
def test_find_statements_sentences(nlp, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _summary(_run(nlp, text)) == expected


def test_find_statements_speaker_mentions(nlp) -> None:
    text = ("Kremlin adviser Yuri Ushakov told reporters on Monday that peace talks were impossible.\n"
            "“We will not talk,” Ushakov told reporters.")
    s1, s2 = _run(nlp, text)
    assert s1.speaker.mention == "Kremlin adviser Yuri Ushakov"
    assert s2.speaker.mention == "Ushakov"


def test_find_statements_quote_over_paragraphs(nlp) -> None:
    text = ("The general said: “We will hold the line.\n"
            "“We have the men and the guns to do it, and we will not retreat one step.”\n"
            "Fighting went on through the night.")
    s1, s2 = _run(nlp, text)
    assert (s1.kind, s2.kind) == ("direct", "direct")
    assert s2.text.startswith("We have the men")
    assert s2.speaker == s1.speaker and s1.speaker.mention == "The general"


def test_find_statements_quote_paragraph_after_attributed_one(nlp) -> None:
    text = ("“Our answer is no,” the spokesman said.\n"
            "“There will be no talks while they occupy our land, and everyone knows it.”")
    s1, s2 = _run(nlp, text)
    assert s2.text.startswith("There will be no talks") and s2.speaker.mention == "the spokesman"


def test_find_statements_zones(nlp) -> None:
    head = "Minister Says Talks Are Over"
    body = "The minister said the talks were over."
    junk = "Readers said “this newsletter is the best thing I read all week,” so please donate."
    text = "\n".join([head, body, junk])
    zones = [Zone("headline", 0, len(head)), Zone("body", len(head) + 1, len(head) + 1 + len(body)),
             Zone("boilerplate", len(head) + len(body) + 2, len(text))]
    statements = _run(nlp, text, zones)
    assert [s.zone for s in statements] == ["headline", "body"]
    assert all(s.start < len(head) + len(body) + 2 for s in statements)


def test_find_statements_caption_zone(nlp) -> None:
    text = "The aide said the talks had failed."
    (s,) = _run(nlp, text, [Zone("caption", 0, len(text))])
    assert s.zone == "caption"


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 said “\x03” \x7f",
        "“" * 500,
        "\n\n\n",
        "said said said “ ” ‘ ’ ' \"",
    ],
)
def test_find_statements_odd_text_does_not_crash(nlp, text: str) -> None:
    _run(nlp, text)


@pytest.mark.slow
def test_find_statements_large_article(nlp) -> None:
    paragraph = ("“We will not negotiate while the offensive continues,” the aide said on Monday. "
                 "The minister said talks were impossible, according to the agency. " * 3)
    text = "\n".join([paragraph] * 40)
    statements = _run(nlp, text)
    assert len(statements) >= 40 * 3


def test_trailing_condition_away_from_the_start_of_the_text(nlp) -> None:
    """The condition clause joins the content wherever the paragraph lies in the article (offsets are the
    article's, token offsets the paragraph's)."""
    text = ("TBILISI, May 3 - Officials met again on Friday.\n\n"
            "Deputies argued for hours. The Armenian minister said Yerevan was ready to resume talks with Baku, "
            "provided the border guards pulled back to their positions of last spring.\n\n"
            "A ceasefire was possible “if the army stops bombing the markets,” the rebel commander said.")
    statements = _run(nlp, text)
    texts = [s.text for s in statements]
    assert ("Yerevan was ready to resume talks with Baku, provided the border guards pulled back to their "
            "positions of last spring") in texts
    assert "A ceasefire was possible “if the army stops bombing the markets,”" in texts


def test_a_condition_after_but_joins_the_clause(nlp) -> None:
    text = "The envoy said Ankara would talk, but only if the convoy turned back."
    assert [s.text for s in _run(nlp, text)] == ["Ankara would talk, but only if the convoy turned back"]


def test_a_description_naming_the_name_its_holder_goes_by(nlp) -> None:
    import onrecord

    text = ('In a video on Wednesday, a rebel commander who goes by the nom de guerre "Field Marshal Tiger Bui" said '
            "his fighters would boycott the talks.\n")
    statements = onrecord.analyze(text).statements
    # the quoted name is part of the speaker's mention, not a statement; "who" is no WHO
    assert [(s.speaker.name, s.speaker.role, s.speaker.affiliation, s.text) for s in statements] == [
        ("Field Marshal Tiger Bui", "rebel commander", None, "his fighters would boycott the talks")]
