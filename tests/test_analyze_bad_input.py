"""Issue 3's bad input: nothing crashes, the batch goes on, every span still points into the text."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.pipeline import check_provenance

BODY = ("Foreign Minister Anna Berg said on Tuesday that talks with the rebels would resume next week. "
        "\u201cWe are ready,\u201d she told reporters.\n\n")

CASES = {
    "500 opening marks, none closed": "The minister said \u201c" + "\u201c word " * 500 + "\n\n" + BODY,
    "500 straight marks, odd count": 'He said "' + ' "x' * 499 + "\n\n" + BODY,
    "no sentences": "\n\n   \n\t\n" + "... --- ... \u2014 \u2014\n" * 20,
    "control characters": "Talks\x00 resume\x07\n\n" + BODY.replace(" ", "\x0b ", 3) + "\x1b[31mred\x1b[0m\n",
    "only punctuation and quotes": "\u201c\u201d\u201c\u201d''\"\"\u00ab\u00bb\n" * 50,
    # session 8's rules: a same-occasion reference with no earlier occasion, a demonym with no official, a title-case
    # run of invented names and demonyms, honorifics with no name after them
    "a back-reference with nothing before it": "In the same message, she said talks were over.\n\n" + BODY,
    "demonyms and owners in a run": ("Sorvenia Sorvenian Sorvenians Daryastan's Daryastani the Daryastan "
                                     "Sorvenian's Sorvenian Sorvenian\n\n" * 20) + BODY,
    "honorifics alone": "Alhaji said. Hajiya, Kachalla, Mallam added that talks were off.\n\n" + BODY,
    "unbalanced guillemets": "\u00abNo talks, Lavrov said.\n\n\u00ab\u00ab\u00bb Zakharova added \u00bb\u00bb\u00bb.\n\n" + BODY,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_analyze_bad_input_never_crashes_and_keeps_provenance(name):
    analysis = onrecord.analyze(CASES[name], id=name, published="2024-05-07")
    assert check_provenance(analysis) == []
    text = analysis.article.text
    assert text == CASES[name]
    for s in analysis.statements:
        assert text[s.start:s.end] == s.text


def test_analyze_bad_input_still_finds_the_good_part():
    analysis = onrecord.analyze(CASES["500 opening marks, none closed"], id="x", published="2024-05-07")
    texts = [s.text for s in analysis.statements]
    assert any("talks with the rebels would resume" in t for t in texts), texts


@pytest.mark.parametrize("blob", ["A" * 2_100_000, ("QmFzZTY0IGJsb2I=" * 1000 + " ") * 130])
def test_analyze_bad_input_two_megabyte_article(blob):
    """A scraped page with a 2 MB inline blob in one paragraph (over spaCy's max_length): no crash, the
    news around it still analysed. (Two megabytes of news prose is a benchmark, not a unit test.)"""
    text = BODY + blob + "\n\n" + BODY
    analysis = onrecord.analyze(text, id="big", published="2024-05-07")
    assert len(analysis.article.text) >= 2_000_000
    assert check_provenance(analysis) == []
    assert sum("talks with the rebels" in s.text for s in analysis.statements) == 2


def test_analyze_bad_input_other_language_in_a_batch_is_skipped_and_recorded():
    items = [
        {"id": "en1", "text": BODY, "published": "2024-05-07"},
        {"id": "ru", "text": "Министр заявил во вторник, что переговоры с повстанцами возобновятся на следующей неделе. "
                             "«Мы готовы», — сказала она журналистам.", "published": "2024-05-07"},
        {"id": "en2", "text": BODY, "published": "2024-05-07"},
    ]
    out = onrecord.analyze_many(items)
    assert [a.article.id for a in out] == ["en1", "ru", "en2"]
    assert out[1].article.language == "ru" and out[1].statements == ()
    assert any("not analysed" in w for w in out[1].warnings)
    assert out[0].statements and out[2].statements


def test_analyze_bad_input_a_back_reference_with_nothing_before_it_has_no_channel():
    analysis = onrecord.analyze("In the same message, she said talks were over.\n\n" + BODY, published="2024-05-07")
    first = analysis.statements[0]
    assert first.text == "talks were over" and first.channel is None
