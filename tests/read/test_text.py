"""read/text.py: plain text is the article text, unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.errors import InputError
from onrecord.options import Options
from onrecord.pipeline import text_id
from onrecord.read import article_from_text
from onrecord.read.text import read_text


@pytest.mark.parametrize("text", ["One line.", "Title\r\n\r\nBody text.\r\n", "  leading and trailing space  \n\n"])
def test_text_article_from_text_keeps_text_exactly(text):
    article = article_from_text(text)
    assert article.text == text
    assert article.id == text_id(text)


def test_text_article_from_text_takes_options_and_id():
    options = Options(title="T", outlet="O", published=dt.date(2024, 8, 19))
    article = article_from_text("Body.", options=options, id="x1", source="x1.txt")
    assert (article.id, article.source, article.title, article.outlet, article.published) == (
        "x1", "x1.txt", "T", "O", dt.date(2024, 8, 19))
    assert article.language is None  # the pipeline detects it


@pytest.mark.parametrize("text", ["", " ", "\r\n\t \n", "\u00a0\u2003"])
def test_text_read_text_without_article_text_fails(text):
    with pytest.raises(InputError) as info:
        read_text(text, source="blank.txt", id="blank", options=Options())
    assert info.value.failure.source == "blank.txt"
    assert "only whitespace" in info.value.failure.problem
