"""Paragraph features on sentences written for these tests."""

from __future__ import annotations

import pytest

from onrecord.zones.classify import BOILERPLATE_SCORE, boilerplate_score
from onrecord.zones.features import paragraph_features
from onrecord.zones.paragraphs import Paragraph


def features(text: str):
    return paragraph_features(Paragraph(0, 0, len(text), text, True))


@pytest.mark.parametrize(
    "text, flag",
    [
        ("Dear supporters,", "salutation"),
        ("Hello readers!", "salutation"),
        ("de_DEDeutsch", "locale"),
        ("en_GB English", "locale"),
        ("77 Riverside Ave.", "address"),
        ("4021 West Elm Street, Suite 300", "address"),
        ("Portland, OR 97205", "address"),
        ("© 2023 Example Media Group", "footer"),
        ("Copyright 2022 Example News. All rights reserved.", "footer"),
        ("Related:", "nav_label"),
        ("Read more: Council approves the budget", "nav_label"),
        ("Most read", "nav_label"),
        ("The mayor at the opening ceremony. cityhall.gov", "caption"),
        ("Rescue workers search the rubble. Photo: Sam Reed", "caption"),
        ("A soldier walks past a damaged building. REUTERS/Ana Costa", "caption"),
        ("Photo: the new bridge under construction", "caption"),
        ("Protesters gather outside parliament (Photo by Ida Berg)", "caption"),
        ("By Laura Chen", "byline"),
        ("Ivan Petrov, Reuters", "byline"),
        ("Jane Doe | Staff Writer", "byline"),
        ("Samir Haddad, staff writer", "byline"),
        ("August 3, 2024", "date_line"),
        ("WORLD 03.02.2024, 09:15", "date_line"),
        ("March 2, 2025 6:12 PM GMT+2", "date_line"),
        ("Home  Sport  Culture  Weather", "menu"),
        ("Home » World » Asia", "menu"),
        ("Terms of use | Privacy | Contact us", "menu"),
        ("EN / DE / FR", "locale"),
        ("Reporting by Ana Lee in Tbilisi; Editing by Joe Marks", "byline"),
        ("Posted on May 2, 2025 by Night Desk", "byline"),
        ("Harbour Gazette Staff", "byline"),
        ("Workers repair a power line. Regional Energy Ministry", "caption"),
        ("Reprinting of materials is prohibited without written consent.", "footer"),
        ("Updated: 12 March 2024 10:45 GMT", "date_line"),
    ],
)
def test_features_pattern_fires(text, flag):
    assert getattr(features(text), flag) is True


@pytest.mark.parametrize(
    "text, flag",
    [
        ("Dear Prime Minister, the letter began, we ask for calm.", "salutation"),
        ("The law applies to 12 states, officials said.", "address"),
        ("He said the share price fell.", "nav_label"),
        ("The minister told Reuters.", "caption"),
        ("By the end of the week, talks had stalled.", "byline"),
        ("Markets fell sharply in August 2024 after the vote.", "date_line"),
        ("Talks in Geneva  ended without a deal.", "menu"),
        ("The minister met his counterpart. Talks will resume.", "caption"),
        ("He lived at 12 Baker Street for years, neighbours recalled, until the war began.", "address"),
    ],
)
def test_features_pattern_stays_quiet_on_news(text, flag):
    assert getattr(features(text), flag) is False


@pytest.mark.parametrize(
    "text, second, first",
    [
        ("You can help us today with your gift.", 2, 1),
        ("\u201cWe will not talk to you,\u201d the minister said.", 0, 0),
        ('"Our patience is over," he said, adding that we will see.', 0, 1),
        ("The US and its allies met on Monday.", 0, 0),
        ("\u201cWe will continue, and we will win", 0, 0),  # an unclosed quote runs to the end
    ],
)
def test_features_pronouns_count_only_outside_quotes(text, second, first):
    f = features(text)
    assert (f.second_person, f.first_plural) == (second, first)


@pytest.mark.parametrize(
    "text",
    [
        "Your gift keeps our reporters in the field. Please donate whatever you can.",
        "Subscribe to our weekly newsletter and get the best stories in your inbox.",
        "This site uses cookies. Read our privacy policy to learn how we use your data.",
        "Follow us on Telegram",
        "Share this article",
        "Support our journalism",
        "Advertisement",
        "Leave a Reply",
        "@harbourgazette on X and Telegram",
    ],
)
def test_features_page_text_scores_as_boilerplate(text):
    assert boilerplate_score(features(text)) >= BOILERPLATE_SCORE


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe need your support and we need it now,\u201d the foreign minister told reporters on Friday.",
        "Western governments pledged more support for the reconstruction effort.",
        "The vote was moved to March.",
        "Officials said the monthly figures would be published on Thursday.",
        "\u201cYou cannot negotiate with a gun to your head,\u201d Kovalenko said.",
    ],
)
def test_features_news_scores_below_boilerplate(text):
    assert boilerplate_score(features(text)) < BOILERPLATE_SCORE
