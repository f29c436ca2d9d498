"""Marked article text: every piece escaped, marks nested, a level-0 mark kept whole."""

from __future__ import annotations

import re
from html import unescape

import pytest

from onrecord.web.highlight import Mark, render


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def element_text(html: str, role: str) -> list[str]:
    """The text of each element with data-role=ROLE (elements nest, so count depth)."""
    out, depth, buf = [], 0, []
    for tok in re.split(r"(<[^>]+>)", html):
        if tok.startswith("<span") and f'data-role="{role}"' in tok and depth == 0:
            depth, buf = 1, []
        elif depth and tok.startswith("<span"):
            depth += 1
        elif depth and tok == "</span>":
            depth -= 1
            if depth == 0:
                out.append(unescape("".join(buf)))
        elif depth:
            buf.append(tok)
    return out


@pytest.mark.parametrize("text, marks", [
    ("He said <script>alert(1)</script> & left.", [Mark(8, 33, "statement", 0)]),
    ("a<b>c</b>d", [Mark(0, 10, "zone-body", 1), Mark(1, 4, "statement", 0), Mark(2, 3, "cue", 2)]),
    ("\u201cNo talks\u201d, said Ana \U0001F600 Vale.", [Mark(1, 9, "statement", 0), Mark(16, 26, "speaker", 2)]),
])
def test_highlight_keeps_every_character_and_escapes_markup(text, marks):
    html = str(render(text, marks))
    assert text_of(html) == text
    assert "<script>" not in html and "<b>" not in html


@pytest.mark.parametrize("zones, statement", [
    ([(0, 20), (20, 60)], (10, 40)),   # the statement crosses a zone boundary
    ([(0, 60)], (5, 55)),
    ([(0, 5), (5, 8), (8, 60)], (4, 50)),
])
def test_highlight_level_zero_mark_is_one_element_with_the_exact_text(zones, statement):
    text = "".join(chr(ord("a") + i % 26) for i in range(60))
    marks = [Mark(a, b, f"zone-{i}", 1) for i, (a, b) in enumerate(zones)]
    marks += [Mark(*statement, "statement", 0), Mark(statement[0] + 2, statement[0] + 6, "condition", 2)]
    html = str(render(text, marks))
    assert element_text(html, "statement") == [text[statement[0]:statement[1]]]
    # an inner mark may be cut where a zone ends; its pieces still hold exactly its text
    assert "".join(element_text(html, "condition")) == text[statement[0] + 2:statement[0] + 6]
    assert html.count("<span") == html.count("</span>")


@pytest.mark.parametrize("mark", [Mark(-1, 3, "statement"), Mark(3, 3, "statement"), Mark(5, 99, "statement")])
def test_highlight_marks_off_the_text_are_left_out(mark):
    assert str(render("hello world", [mark])) == "hello world"
