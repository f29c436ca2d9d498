"""PolNeAR JSONL: loading (first annotator per article), gold spans, speaker rule and the filters."""

from __future__ import annotations

import json

import pytest

from onrecord.errors import InputError, OptionsError
from onrecord.evaluate.polnear import load_polnear, score_polnear
from onrecord.records import Analysis, Article, Speaker, Statement

TITLE = "Mayor Weighs Bridge Plan"
TEXT = (
    f"{TITLE}.\n\n"
    "Mayor Lena Brandt said the bridge would open in May. "
    "\u201cWe will not pay for it,\u201d Brandt told reporters. "
    "Critics believe the plan is too costly, according to a poll. "
    "The council, she argued, \u201cmust vote first\u201d and then decide."
)


def _sp(piece: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "text": piece}


def _quote(qid, cue, sources, contents, marks=False, type_="Attribution"):
    return {"id": qid, "type": type_, "cue": _sp(cue) if cue else None, "cue_fragments": [_sp(cue)] if cue else [],
            "sources": [_sp(s) for s in sources], "contents": [_sp(c) for c in contents], "has_quote_marks": marks}


QUOTES = [
    _quote("E1", "said", ["Mayor Lena Brandt"], ["the bridge would open in May"]),
    _quote("E2", "told", ["Brandt"], ["We will not pay for it,"], marks=True),
    _quote("E3", "believe", ["Critics"], ["the plan is too costly"]),
    # the same content as E3 (nested attributions share spans in PolNeAR)
    _quote("E4", "according to", ["a poll"], ["the plan is too costly"]),
    # content in two fragments listed out of text order; the gold span runs over both
    _quote("E5", "argued", ["she"], ["and then decide", "\u201cmust vote first\u201d"], marks=True),
    _quote("E6", None, [], [], type_="Attribution-no-source"),
    _quote("E7", "Weighs", ["Mayor"], ["Bridge Plan"]),  # in the headline: optional
]


def _line(article_id: str, annotator: str, quotes=QUOTES, text=TEXT) -> str:
    return json.dumps({"id": article_id, "split": "dev", "annotator": annotator, "publisher": "x",
                       "publication_date": "2016-09-12", "title": TITLE, "wire": "None", "text": text,
                       "quotes": quotes})


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "mini.jsonl"
    lines = [_line("a1", "ann1"), _line("a2", "ann1", quotes=QUOTES[:1]), _line("a1", "ann2", quotes=[])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_polnear_load_keeps_first_annotator_per_article(corpus):
    articles = load_polnear(corpus)
    assert [(a.id, a.annotator, len(a.quotes)) for a in articles] == [("a1", "ann1", 7), ("a2", "ann1", 1)]
    assert articles[0].published.isoformat() == "2016-09-12"
    assert load_polnear(corpus, limit=1)[0].id == "a1" and len(load_polnear(corpus, limit=1)) == 1


def test_polnear_load_handles_empty_contents_and_sources(corpus):
    e6 = load_polnear(corpus)[0].quotes[5]
    assert (e6.cue, e6.sources, e6.contents, e6.span) == (None, (), (), None)


def test_polnear_gold_span_runs_over_fragments_in_text_order(corpus):
    e5 = load_polnear(corpus)[0].quotes[4]
    assert TEXT[e5.span.start : e5.span.end] == "\u201cmust vote first\u201d and then decide"


@pytest.mark.parametrize(
    "line, message",
    [
        ("{oops", "line 1"),
        (json.dumps({"text": "no id"}), "'id' and 'text'"),
        (json.dumps({"id": "a", "text": "abc", "quotes": [{"id": "E1", "contents": [{"start": 0, "end": 2, "text": "zz"}]}]}),
         "is not the text there"),
    ],
)
def test_polnear_load_rejects_bad_lines(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_polnear(path)


def _analysis(article, *statements: Statement) -> Analysis:
    return Analysis(article=Article(id=article.id, text=article.text), statements=statements)


def _st(sid: str, piece: str, name: str | None = None, mention: str | None = None) -> Statement:
    start = TEXT.index(piece)
    speaker = Speaker(name=name)
    if mention:
        m = TEXT.index(mention)
        speaker = Speaker(name=name, mention=mention, start=m, end=m + len(mention))
    return Statement(id=sid, kind="indirect", text=piece, start=start, end=start + len(piece), speaker=speaker)


VERBS = frozenset({"said", "told", "argued", "say", "tell", "argue"})


@pytest.mark.parametrize(
    "kwargs, counts",
    [
        # all: E1..E5 scored (E6 has no span, E7 lies in the headline); E4 and E5 missed
        ({}, (3, 0, 2, 0, 1)),
        # speech-only: E3 ("believe") is optional, so s2 goes to E4 ("according to"); E5 missed
        ({"speech_only": True, "verbs": VERBS}, (3, 0, 1, 0, 1)),
        # quoted-only: only E2 and E5 have quotation marks; s1 and s2 match optional gold
        ({"quoted_only": True}, (1, 0, 1, 2, 1)),
    ],
)
def test_polnear_score_filters_make_gold_optional(corpus, kwargs, counts):
    article = load_polnear(corpus)[0]
    analysis = _analysis(article, _st("s1", "the bridge would open in May", "Lena Brandt"),
                         _st("s2", "the plan is too costly"), _st("s3", "We will not pay for it"),
                         _st("s4", "Bridge Plan"))
    scores = score_polnear([article], [analysis], **kwargs)
    # s4 always matches the headline gold E7 (optional)
    assert (scores.tp, scores.fp, scores.fn, scores.optional_matched - 1, scores.gold_skipped) == counts


@pytest.mark.parametrize(
    "name, mention, correct",
    [
        ("Lena Brandt", None, True),         # surname is a word of the source "Mayor Lena Brandt"
        ("Brandt", None, True),
        ("Anna Brandt", None, True),         # the rule looks at the surname only
        ("Lena Meyer", None, False),
        (None, "Mayor Lena", True),          # mention span overlaps the source span
        (None, "May", False),                # a mention elsewhere in the text
        (None, None, False),
    ],
)
def test_polnear_score_speaker_rule(corpus, name, mention, correct):
    article = load_polnear(corpus)[0]
    st = _st("s1", "the bridge would open in May", name, mention)
    scores = score_polnear([article], [_analysis(article, st)])
    assert (scores.speaker.correct, scores.speaker.total) == (int(correct), 1)


def test_polnear_score_needs_verbs_for_speech_only(corpus):
    article = load_polnear(corpus)[0]
    with pytest.raises(OptionsError, match="verbs"):
        score_polnear([article], [_analysis(article)], speech_only=True)


def test_polnear_score_checks_analysis_order(corpus):
    a1, a2 = load_polnear(corpus)
    with pytest.raises(OptionsError, match="order"):
        score_polnear([a1, a2], [_analysis(a2), _analysis(a1)])
