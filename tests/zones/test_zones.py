"""find_zones: tiling, the kinds of a page written for these tests, news that must stay body."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.records import Article, Zone
import onrecord.zones
from onrecord.zones import find_zones

from conftest import require_shared
from .articles import APPEAL, BUTTONS, HEADLINE, NEWS, page


def assert_tiles(text: str, zones: list[Zone]) -> None:
    if not text:
        assert zones == []
        return
    assert zones[0].start == 0 and zones[-1].end == len(text)
    for a, b in zip(zones, zones[1:]):
        assert a.end == b.start
        assert a.kind != b.kind  # adjacent zones of one kind are merged
    assert all(z.start < z.end for z in zones)
    assert all(z.kind in ("headline", "byline", "caption", "body", "boilerplate", "other") for z in zones)


def kinds_of(text: str, zones: list[Zone], piece: str) -> set[str]:
    """The kinds of the zones covering ``piece`` (its first occurrence)."""
    at = text.index(piece)
    return {z.kind for z in zones if z.start < at + len(piece) and z.end > at}


def zones_for(text: str, **meta) -> list[Zone]:
    return find_zones(Article(id="t", text=text, **meta))


def test_zones_public_names():
    assert set(onrecord.zones.__all__) == {"BoilerplateMemory", "Decision", "explain_zones", "find_zones"}


@pytest.mark.parametrize("text", ["", "   \n\n ", "One line.", "\n\nHeadline Words Here\n\nBody text here.\n\n"])
def test_zones_tile_small_texts(text):
    assert_tiles(text, zones_for(text))


@pytest.mark.parametrize("text, kind", [("", None), (" \n\t\n", "other")])
def test_zones_empty_and_blank_text(text, kind):
    zones = zones_for(text)
    assert [z.kind for z in zones] == ([kind] if kind else [])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(), st.sampled_from(["", "\n", "\n\n", " \n \n", "\r\n"])), max_size=12))
def test_zones_tile_arbitrary_unicode(pieces):
    text = "\n".join(pieces)
    zones = zones_for(text)
    assert_tiles(text, zones)


def test_zones_whitespace_goes_to_the_preceding_zone():
    text = "\n\nSome News Headline Here\n\n\nThe council met on Monday.\n\n"
    zones = zones_for(text)
    assert [(z.kind, text[z.start : z.end]) for z in zones] == [
        ("headline", "\n\nSome News Headline Here\n\n\n"),
        ("body", "The council met on Monday.\n\n"),
    ]


def test_zones_page_pieces_get_their_kinds():
    text, expected = page()
    zones = zones_for(text)
    assert_tiles(text, zones)
    wrong = {piece: kinds_of(text, zones, piece) for piece, kind in expected.items()
             if kinds_of(text, zones, piece) != {kind}}
    assert wrong == {}


@pytest.mark.parametrize(
    "layout",
    ["\n\n", "\n"],  # blank lines between paragraphs, or one line per paragraph with none
)
def test_zones_appeal_block_after_news_is_boilerplate_in_both_layouts(layout):
    text = layout.join([HEADLINE, *NEWS, *APPEAL, *BUTTONS])
    zones = zones_for(text)
    for p in NEWS:
        assert kinds_of(text, zones, p) == {"body"}, p
    for p in [*APPEAL, *BUTTONS]:
        assert kinds_of(text, zones, p) == {"boilerplate"}, p


@pytest.mark.parametrize(
    "paragraph",
    [
        "\u201cWe will not sign anything until our conditions are met,\u201d the deputy minister told the agency.",
        "\u201cYou have to understand, we never refused to talk,\u201d she said.",
        "Talks resumed on Friday.",
        "No date was set.",
        "Support for the plan has grown, a poll published on Monday showed.",
        "\u201cWe are ready to meet them halfway. Our door is open,\u201d he added.",
    ],
)
def test_zones_news_paragraph_stays_body_even_next_to_an_appeal(paragraph):
    text = "\n\n".join([HEADLINE, NEWS[0], paragraph, *APPEAL])
    zones = zones_for(text)
    assert kinds_of(text, zones, paragraph) == {"body"}
    assert kinds_of(text, zones, APPEAL[2]) == {"boilerplate"}


def test_zones_news_quote_between_two_appeal_paragraphs_is_not_eaten():
    news = "\u201cWe will keep fighting for our land,\u201d the commander told reporters in the city."
    text = "\n\n".join([HEADLINE, NEWS[0], APPEAL[2], news, APPEAL[3]])
    zones = zones_for(text)
    assert kinds_of(text, zones, news) == {"body"}


def test_zones_title_locates_the_headline_even_when_not_first():
    title = "Ministers Meet Again"
    text = "\n\n".join(["World | Europe | Politics", "Ministers meet again", NEWS[0]])
    zones = zones_for(text, title=title)
    assert kinds_of(text, zones, "Ministers meet again") == {"headline"}


@pytest.mark.parametrize(
    "first",
    [
        "Rescue teams worked through the night after the flood, officials said.",
        "\u201cWe will rebuild,\u201d the mayor said on Sunday.",
    ],
)
def test_zones_no_headline_when_the_text_starts_with_a_sentence(first):
    text = "\n\n".join([first, NEWS[0]])
    assert {z.kind for z in zones_for(text)} == {"body"}


@pytest.mark.parametrize("name", ["000_e6c78cb9d6932909", "002_d74dc28645dbcd0e"])
def test_zones_shared_example_alone_matches_gold_zones(name):
    text = require_shared("examples", f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads(require_shared("gold", f"{name}.json").read_text(encoding="utf-8"))["zones"]
    zones = zones_for(text)
    assert_tiles(text, zones)
    cursor = 0
    for g in gold:
        at = text.index(g["text"], cursor)
        cursor = at + len(g["text"])
        assert kinds_of(text, zones, text[at:cursor]) == {g["kind"]}, g["text"][:50]
    gold_chars = sum(len(g["text"]) for g in gold)
    outside = [z for z in zones if z.kind != "body"]
    assert sum(len(text[z.start : z.end].strip()) for z in outside) >= gold_chars * 0.99
