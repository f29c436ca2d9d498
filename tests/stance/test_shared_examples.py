"""The stance stage, contradictions and events on the two shared example articles' negotiation statements.

Statements are built from the gold texts located in the article text, with Speaker records made here (the
speakers helper fills affiliation in the pipeline); nothing in the library names these articles or people.
"""

from __future__ import annotations

import json

import pytest

from conftest import require_shared
from onrecord.contradictions import find_contradictions
from onrecord.events import events_for
from onrecord.nlp import parse_blocks
from onrecord.records import Article, Speaker, Statement, Zone
from onrecord.stance import apply_stance

ARTICLES = ["000_e6c78cb9d6932909", "002_d74dc28645dbcd0e"]
# What the speakers stage supplies for these gold speakers (test data, not library data).
AFFILIATION = {"Yuri Ushakov": "Russia", "Sergei Shoigu": "Russia", "Vladimir Putin": "Russia",
               "Volodymyr Zelensky": "Ukraine", "Government of Ukraine": "Ukraine"}


def _load(name: str, nlp):
    text = require_shared("examples", f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads(require_shared("gold", f"{name}.json").read_text(encoding="utf-8"))
    statements = []
    golds = []
    for k, g in enumerate(gold["statements"]):
        if g.get("zone", "body") == "boilerplate":
            continue
        start = text.index(g["text"])
        speaker = Speaker(name=g["speaker"], role=g["speaker_role"], affiliation=AFFILIATION.get(g["speaker"]))
        statements.append(Statement(f"s{k}", g["kind"], g["text"], start, start + len(g["text"]), speaker=speaker))
        golds.append(g)
    blocks = parse_blocks(text, [Zone("body", 0, len(text))], nlp)
    warnings: list[str] = []
    filled = apply_stance(Article(name, text), statements, blocks, warnings)
    return text, gold, golds, filled


@pytest.fixture(scope="module", params=ARTICLES)
def example(request, nlp):
    return _load(request.param, nlp)


def test_shared_examples_about_stance_and_conditions(example):
    text, _gold, golds, filled = example
    for g, s in zip(golds, filled):
        assert s.about_negotiations == g["about_negotiations"], s.text
        assert s.stance == g["stance"], s.text
        for cond in g["conditions"]:
            at = text.index(cond)
            assert any(min(c.end, at + len(cond)) - max(c.start, at) >= len(cond) / 2 for c in s.conditions), cond
        for c in s.conditions:
            assert text[c.start : c.end] == c.text


def test_shared_examples_contradiction_pairs(example):
    _text, gold, golds, filled = example
    index = {s.id: k for k, s in enumerate(filled)}
    ids = {s.id: int(s.id[1:]) for s in filled}
    want = {frozenset((p["a"], p["b"])) for p in gold["contradictions"]}
    found = find_contradictions(filled)
    got = {frozenset((ids[c.a], ids[c.b])) for c in found}
    assert got == want
    for c in found:
        assert c.kind == "contradiction"  # different speakers of one side, no time change marked
        a, b = filled[index[c.a]], filled[index[c.b]]
        assert a.speaker.name.split()[-1] in c.why and b.speaker.name.split()[-1] in c.why


def test_shared_examples_events(example):
    _text, _gold, _golds, filled = example
    events = events_for(filled)
    negotiation = [s for s in filled if s.about_negotiations]
    assert [e.statement for e in events] == [s.id for s in negotiation]
    for e, s in zip(events, negotiation):
        assert (e.start, e.end, e.text) == (s.start, s.end, s.text)
        want = {"reject": ("REJECT", "125"), "conditional": ("AGREE", "036"), "open": ("AGREE", "036")}[s.stance]
        assert (e.type, e.cameo) == want
