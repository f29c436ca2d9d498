"""read/html.py: trafilatura's main text and the page metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.errors import InputError
from onrecord.read.html import NO_TEXT, extract_html

PARAGRAPHS = (
    "<p>The foreign minister said on Monday that there would be no negotiations while the offensive "
    "continued, according to a statement published by the ministry on its website.</p>"
    "<p>\u201cWe will not talk to them until they leave,\u201d he told reporters in the capital, adding that "
    "the position had not changed since last year.</p>"
    "<p>A spokeswoman for the other side said they were open to talks without preconditions, but that no "
    "date had been set for any meeting between the delegations.</p>"
)
HEAD = (
    "<head><title>Minister rules out talks | Example Herald</title>"
    '<meta property="og:site_name" content="Example Herald">'
    '<meta property="article:published_time" content="2024-03-05T10:00:00+02:00">'
    '<link rel="canonical" href="https://herald.example/world/talks">'
    "</head>"
)
NAV = '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'


def page(body: str, head: str = HEAD) -> str:
    return f"<!DOCTYPE html><html>{head}<body>{NAV}{body}<footer>Copyright Example Herald</footer></body></html>"


def test_html_main_text_and_metadata():
    extracted = extract_html(page(f"<article><h1>Minister rules out talks</h1>{PARAGRAPHS}</article>"), "p.html")
    assert extracted.text.startswith("Minister rules out talks\nThe foreign minister said on Monday")
    assert "\u201cWe will not talk to them until they leave,\u201d" in extracted.text
    assert "Copyright" not in extracted.text and "Home" not in extracted.text
    assert extracted.found.title == "Minister rules out talks"
    assert extracted.found.outlet == "Example Herald"
    assert extracted.found.published == dt.date(2024, 3, 5)
    assert extracted.found.url == "https://herald.example/world/talks"
    assert extracted.title_line is False  # the headline was already the first line: not doubled


def test_html_title_put_in_front_when_the_body_lacks_it():
    extracted = extract_html(page(f"<article>{PARAGRAPHS}</article>"), "p.html")
    assert extracted.title_line is True
    first, rest = extracted.text.split("\n", 1)
    assert first == "Minister rules out talks"
    assert rest.startswith("The foreign minister said")


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing here</title></head><body></body></html>",
        page(""),  # navigation and footer only
        "<html><body><script>document.write('x')</script></body></html>",
        "",
    ],
)
def test_html_without_main_text_fails(html):
    with pytest.raises(InputError) as info:
        extract_html(html, "empty.html")
    assert info.value.failure.source == "empty.html"
    assert info.value.failure.problem == NO_TEXT
    assert "no article text found in the HTML" in NO_TEXT


def test_html_with_xml_declaration_is_read():
    html = '<?xml version="1.0" encoding="utf-8"?>' + page(f"<article>{PARAGRAPHS}</article>")
    assert "no negotiations while the offensive" in extract_html(html, "x.html").text
