"""read/jsonl.py: one article per JSON line; bad lines are failures with their line number."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json

import pytest

from onrecord.errors import InputError
from onrecord.options import Options
from onrecord.pipeline import text_id
from onrecord.read import article_from_mapping
from onrecord.read.jsonl import read_jsonl, read_jsonl_stream
from onrecord.records import Article, Failure

from .test_html import PARAGRAPHS, page


def lines(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def read(text: str, options: Options | None = None, file_id: str | None = "feed") -> list:
    return list(read_jsonl(text, source="in/feed.jsonl", file_id=file_id, options=options or Options(),
                           article_source="in/feed.jsonl"))


def test_jsonl_fields_become_the_article():
    record = {"id": 17, "text": "Body\r\n", "title": "T", "outlet": "O", "published": "2024-08-19T09:00:00Z",
              "url": "https://o.example/a", "language": "ru", "author": "A. Writer", "tags": ["x"]}
    [article] = read(lines(record))
    assert article == Article(
        id="17", text="Body\r\n", source="https://o.example/a", title="T", outlet="O",
        published=dt.date(2024, 8, 19), language="ru", url="https://o.example/a",
        metadata={"author": "A. Writer", "tags": ["x"]},
    )


def test_jsonl_without_id_or_url():
    [article] = read(lines("", {"text": "b"}))
    assert article.id == "feed:2"
    assert article.source == "in/feed.jsonl"


def test_jsonl_without_id_from_stdin_uses_the_text_hash():
    [article] = read(lines({"text": "from stdin"}), file_id=None)
    assert article.id == text_id("from stdin")


@pytest.mark.parametrize(
    "line, words",
    [
        ("not json", ["invalid JSON", "Expecting value", "one JSON object"]),
        ('{"text": "unterminated', ["invalid JSON", "Unterminated string"]),
        ('["a list"]', ["a JSON array is not an article"]),
        ('"a string"', ["a JSON string is not an article"]),
        ('{"title": "no text"}', ['no "text" field', '"html"']),
        ('{"text": "   \\n "}', ['field "text" is empty']),
        ('{"text": 42}', ['field "text" must be a string, got int']),
        ('{"html": "<html><body></body></html>"}', ['field "html"', "no article text found in the HTML"]),
    ],
)
def test_jsonl_bad_line_is_a_failure_and_reading_goes_on(line, words):
    items = read(lines({"id": "a", "text": "good one"}, line, {"id": "c", "text": "good two"}))
    assert [type(i) for i in items] == [Article, Failure, Article]
    failure = items[1]
    assert (failure.source, failure.place) == ("in/feed.jsonl", "line 2")
    for word in words:
        assert word in failure.problem
    assert [items[0].id, items[2].id] == ["a", "c"]


def test_jsonl_line_numbers_count_blank_lines():
    items = read("\n\n" + lines({"text": "ok"}, "{bad"))
    assert items[0].id == "feed:3"
    assert items[1].place == "line 4"


def test_jsonl_bad_date_keeps_the_article_with_a_warning():
    [article] = read(lines({"id": "a", "text": "t", "published": "last Tuesday"}))
    assert article.published is None
    [warning] = article.metadata["warnings"]
    assert "'last Tuesday' is not a date" in warning and "line 1" in warning and "YYYY-MM-DD" in warning


def test_jsonl_bad_date_is_no_warning_when_the_user_gave_the_date():
    [article] = read(lines({"id": "a", "text": "t", "published": "soon"}), Options(published=dt.date(2024, 1, 1)))
    assert article.published == dt.date(2024, 1, 1)
    assert "warnings" not in article.metadata


def test_jsonl_record_warnings_field_is_kept_apart():
    [article] = read(lines({"id": "a", "text": "t", "warnings": ["theirs"], "published": "?"}))
    assert article.metadata["record_warnings"] == ["theirs"]
    assert len(article.metadata["warnings"]) == 1


def test_jsonl_options_override_record_fields():
    options = Options(title="User", outlet="User Outlet", published=dt.date(2020, 2, 2))
    [article] = read(lines({"text": "t", "title": "T", "outlet": "O", "published": "2024-08-19"}), options)
    assert (article.title, article.outlet, article.published) == ("User", "User Outlet", dt.date(2020, 2, 2))


def test_jsonl_html_record_through_trafilatura_record_fields_over_page():
    html = page(f"<article>{PARAGRAPHS}</article>")
    [article] = read(lines({"id": "h", "html": html, "outlet": "Record Outlet"}))
    assert article.text.startswith("Minister rules out talks\nThe foreign minister said")
    assert article.outlet == "Record Outlet"  # the record's field over the page's site name
    assert article.title == "Minister rules out talks"  # from the page
    assert article.published == dt.date(2024, 3, 5)
    assert article.metadata == {"title_line": True}


def test_jsonl_text_wins_over_html():
    [article] = read(lines({"id": "b", "text": "the text", "html": page(PARAGRAPHS)}))
    assert article.text == "the text"
    assert "html" not in article.metadata


def test_jsonl_only_blank_lines_is_a_failure():
    [failure] = read("\n \n")
    assert isinstance(failure, Failure) and "no JSON lines" in failure.problem


def test_jsonl_splits_on_line_feed_only():
    text = "a\u2028b\u0085c\x1cd"  # str.splitlines would cut this record apart
    [article] = read(lines({"text": text}))
    assert article.text == text


def test_jsonl_article_from_mapping_public_api():
    article = article_from_mapping({"text": "x", "url": "https://u.example"}, source=None)
    assert (article.id, article.source, article.url) == (text_id("x"), "https://u.example", "https://u.example")
    with pytest.raises(InputError) as info:
        article_from_mapping({"title": "no text"}, source="api")
    assert info.value.failure.source == "api"


def stream(data: bytes, max_bytes: int) -> list:
    return list(read_jsonl_stream(io.BytesIO(data), source="big.jsonl", file_id="big",
                                  options=Options(max_bytes=max_bytes), article_source="big.jsonl"))


def test_jsonl_stream_applies_the_limit_per_line_and_goes_on():
    data = codecs.BOM_UTF8 + lines({"text": "short"}, {"text": "x" * 200}, "", {"text": "after"}).encode("utf-8")
    items = stream(data, max_bytes=100)
    assert [type(i) for i in items] == [Article, Failure, Article]
    assert items[0].text == "short" and items[0].id == "big:1"
    assert (items[1].place, items[1].problem[:30]) == ("line 2", "line too large: more than 100 ")
    assert items[2].id == "big:4"


def test_jsonl_stream_line_not_utf8():
    data = b'{"text": "ok"}\n' + '{"text": "Переговоры"}'.encode("cp1251") + b'\n{"text": "next"}\n'
    items = stream(data, max_bytes=1000)
    assert [getattr(i, "text", None) for i in items] == ["ok", None, "next"]
    assert items[1].place == "line 2" and "not UTF-8" in items[1].problem


def test_jsonl_stream_same_articles_as_whole_file_reading():
    data = lines({"id": "a", "text": "one\u2028two", "x": 1}, "not json", {"text": "three"})
    whole = list(read_jsonl(data, source="big.jsonl", file_id="big", options=Options(max_bytes=1000),
                            article_source="big.jsonl"))
    assert stream(data.encode("utf-8"), max_bytes=1000) == whole
