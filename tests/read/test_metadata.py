"""read/metadata.py: publication dates and the precedence of options over what readers found."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.options import Options
from onrecord.read.metadata import Found, clean_str, make_article, parse_published


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-08-19", dt.date(2024, 8, 19)),
        ("2024-08-19T10:00:00Z", dt.date(2024, 8, 19)),
        ("2024-08-19T23:30:00-05:00", dt.date(2024, 8, 19)),  # the date as written, not moved to UTC
        ("2024-08-19 10:00:00.123456+03:00", dt.date(2024, 8, 19)),
        ("  2024-08-19  ", dt.date(2024, 8, 19)),
        ("Mon, 19 Aug 2024 10:00:00 GMT", dt.date(2024, 8, 19)),
        (dt.date(2024, 8, 19), dt.date(2024, 8, 19)),
        (dt.datetime(2024, 8, 19, 22, 0), dt.date(2024, 8, 19)),
    ],
)
def test_metadata_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "01/02/2024", "2024-13-40", "", 1724061600, None, ["2024-08-19"]])
def test_metadata_parse_published_refuses_what_it_would_guess(value):
    with pytest.raises(ValueError):
        parse_published(value)


@pytest.mark.parametrize("value, expected", [(" A ", "A"), ("", None), ("   ", None), (None, None), (7, "7"), ({"a": 1}, None)])
def test_metadata_clean_str(value, expected):
    assert clean_str(value) == expected


@pytest.mark.parametrize(
    "options, found, expected",
    [
        (Options(), Found(title="T", outlet="O", published=dt.date(2024, 1, 2)), ("T", "O", dt.date(2024, 1, 2))),
        (
            Options(title="User T", outlet="User O", published=dt.date(2020, 5, 6)),
            Found(title="T", outlet="O", published=dt.date(2024, 1, 2)),
            ("User T", "User O", dt.date(2020, 5, 6)),
        ),
        (Options(outlet="User O"), Found(title="T"), ("T", "User O", None)),
    ],
)
def test_metadata_options_override_what_was_found(options, found, expected):
    article = make_article("text", id="a", source=None, found=found, options=options)
    assert (article.title, article.outlet, article.published) == expected


def test_metadata_found_under_fills_only_gaps():
    high = Found(title="record title", url="https://a.example/1")
    low = Found(title="page title", outlet="Page Outlet", url="https://a.example/canonical")
    merged = high.under(low)
    assert merged == Found(title="record title", outlet="Page Outlet", url="https://a.example/1")
