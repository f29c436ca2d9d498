"""Quotation spans on raw text: marks of every kind, apostrophes, odd and unbalanced marks."""

from __future__ import annotations

import time

import pytest

from onrecord.attribution.quotes import Quote, find_quotes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text, _paragraphs(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "no way" and left.', ["no way"]),
        ("“We will not talk,” the minister said.", ["We will not talk"]),
        ("«Nous refusons» a-t-il dit.", ["Nous refusons"]),
        ("„Wir reden nicht“, sagte er.", ["Wir reden nicht"]),
        ("She called it ‘a farce’ on Monday.", ["a farce"]),
        ("She called it 'a farce' on Monday.", ["a farce"]),
        ("“The talks are over.” He left.", ["The talks are over."]),
        ("“A plan,” he said, “is not a deal.”", ["A plan", "is not a deal."]),
        ('He said "first" and then "second" and "third".', ["first", "second", "third"]),
        # apostrophes are not quotes
        ("Don't say Russia's plan failed in the ’90s.", []),
        ("They can't and won't, in the '90s or now.", []),
        ("The protesters' signs were taken.", []),
        ("Rock 'n' roll is not a quote.", []),
        # apostrophes inside a quote do not end it
        ("He said: 'We don't negotiate with Russia's army.'", ["We don't negotiate with Russia's army."]),
        ("“It’s Kyiv’s choice,” she said.", ["It’s Kyiv’s choice"]),
        ("“The ’90s are over,” he said.", ["The ’90s are over"]),
        # single quotes nested in double ones belong to the outer quote
        ("“They called it ‘peace’ but it was war,” he said.", ["They called it ‘peace’ but it was war"]),
        ('"They said \'never\' twice," she noted.', ["They said 'never' twice"]),
        # mismatched marks still pair
        ("“We are ready to talk“ he said.", ["We are ready to talk"]),
        ("He said ”we are ready” today.", ["we are ready"]),
        ("“Ready,\" he said.", ["Ready"]),
        # a trailing comma inside the marks is dropped, a final period kept
        ("“No,” he said.", ["No"]),
        ("He said: “No.”", ["No."]),
        # stray and unbalanced marks
        ("The 12\" gun and a “real quote” here.", ["real quote"]),
        ("He said “one thing and then “another thing” later.", ["another thing"]),
        ("An unclosed “quote runs to the end", []),
        ("A stray closing” mark and “a real one”.", ["a real one"]),
        ("Empty “” marks and “ ” spaces.", []),
        ('Straight "quotes" and curly “quotes” mixed.', ["quotes", "quotes"]),
        ("He said “‘yes’” twice.", ["‘yes’"]),
    ],
)
def test_quotes_find_quote_texts(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“We will not talk,” he said.\n“Never,” she replied.",
        "Intro.\n“First paragraph of a quote.\n“Second paragraph of it.”\nAfter.",
        "x" * 10 + "“" * 50 + " words “a” more",
    ],
)
def test_quotes_offsets_index_the_text(text: str) -> None:
    for q in find_quotes(text, _paragraphs(text)):
        assert text[q.start : q.end] == q.text
        assert q.open_at < q.start and text[q.open_at] == q.open_mark
        if q.close_at is not None:
            assert q.end <= q.close_at and text[q.close_at] == q.close_mark


@pytest.mark.parametrize(
    "text, expected",
    [
        # newswire: an opening mark left open at the paragraph end, the next paragraph opening with a mark
        (
            "He said: “We will not talk.\n“Not now, not later,” he added.",
            [("We will not talk.", False, None), ("Not now, not later", True, "”")],
        ),
        (
            "“One.\n“Two.\n“Three.”",
            [("One.", False, None), ("Two.", True, None), ("Three.", True, "”")],
        ),
        # no mark at the start of the next paragraph: the unclosed tail is given up, the next one survives
        ("He said “we will not talk.\nLater, she said “maybe” again.", [("maybe", False, "”")]),
    ],
)
def test_quotes_continue_over_paragraphs(text: str, expected: list[tuple[str, bool, str | None]]) -> None:
    quotes = find_quotes(text, _paragraphs(text))
    assert [(q.text, q.continued, q.close_mark) for q in quotes] == expected


def test_quotes_malformed_paragraph_keeps_the_rest() -> None:
    text = "He said “oops.\nMiddle paragraph.\nShe said “this one is fine” today."
    assert _texts(text) == ["this one is fine"]


def test_quotes_only_inside_given_regions() -> None:
    text = "Donate “now” please.\nThe minister said “we will not talk” today."
    second = text.index("The")
    quotes = find_quotes(text, [(second, len(text))])
    assert [q.text for q in quotes] == ["we will not talk"]


@pytest.mark.parametrize("mark", ["“", '"', "«", "„", "‘", "'", "”"])
def test_quotes_many_unclosed_marks_are_linear(mark: str) -> None:
    text = ("word " + mark) * 500 + "\n" + ("x" + mark + " ") * 500
    started = time.perf_counter()
    quotes = find_quotes(text, _paragraphs(text))
    assert time.perf_counter() - started < 1.0
    assert all(isinstance(q, Quote) and text[q.start : q.end] == q.text for q in quotes)


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01“\x02”", "“", "”", "'", "“\n”", "\u2028“a”\u2029"],
)
def test_quotes_odd_inputs_do_not_crash(text: str) -> None:
    for q in find_quotes(text, _paragraphs(text) + [(0, len(text)), (5, 2), (-3, 100)]):
        assert text[q.start : q.end] == q.text


def test_quotes_word_count() -> None:
    (q,) = find_quotes("“we will not talk”", [(0, 18)])
    assert q.words == 4
