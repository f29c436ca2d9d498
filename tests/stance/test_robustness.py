"""The stance stage never crashes and keeps provenance: fragments, all-caps, nested quotes, odd offsets."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from onrecord.nlp import Block, load_model
from onrecord.records import Article, Statement
from onrecord.stance import apply_stance

TEXTS = [
    "NO TALKS WITH KYIV UNTIL THEY LEAVE, SAYS KREMLIN",
    "“He said, ‘We won’t “negotiate” with them [the rebels] until — well, never,’ ” she recalled.",
    "Talks? Ceasefire! Truce... peace plan; dialogue — negotiating table.",
    "“",
    "Moscow will not sit down for peace talks with Kyiv while troops remain.\nThe aide said talks would depend on the front.",
    "The talks , , , if if until unless while so long as",
]


@functools.lru_cache(maxsize=None)
def _blocks(text: str) -> tuple[Block, ...]:
    nlp = load_model()
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(Block(nlp(line), pos, "body"))
        pos += len(line) + 1
    return tuple(out)


def _run(text: str, start: int, end: int) -> tuple[Statement, list[str]]:
    statement = Statement("s1", "direct", text[start:end], start, end)
    warnings: list[str] = []
    (out,) = apply_stance(Article("a", text), [statement], _blocks(text), warnings)
    return out, warnings


@pytest.mark.parametrize("text", TEXTS)
def test_robustness_whole_text(text):
    out, _ = _run(text, 0, len(text))
    assert out.stance in {None, "reject", "conditional", "open", "neutral"}
    assert (out.stance is None) == (not out.about_negotiations)
    for c in out.conditions:
        assert text[c.start : c.end] == c.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=hst.data())
def test_robustness_any_substring(data):
    text = data.draw(hst.sampled_from(TEXTS))
    start = data.draw(hst.integers(0, len(text)))
    end = data.draw(hst.integers(start, len(text)))
    out, _ = _run(text, start, end)
    assert (out.stance is None) == (not out.about_negotiations)
    for c in out.conditions:
        assert text[c.start : c.end] == c.text


def test_robustness_statement_outside_every_block():
    text = "boilerplate that was never parsed"
    statement = Statement("s1", "direct", "never parsed", 21, 33)
    (out,) = apply_stance(Article("a", text), [statement], [], [])
    assert not out.about_negotiations and out.stance is None


def test_robustness_statement_across_paragraphs():
    text = TEXTS[4]
    out, _ = _run(text, 0, len(text))
    assert out.stance == "reject"
    assert [c.text for c in out.conditions] == ["while troops remain", "depend on the front"]
