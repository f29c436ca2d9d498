"""Scoring statements against gold: counts, headline/boilerplate rules and each metric on matched pairs."""

from __future__ import annotations

import pytest

from onrecord.evaluate.gold import GoldArticle, GoldContradiction, GoldStatement
from onrecord.evaluate.gold_scoring import score_gold_analyses, score_gold_article
from onrecord.records import Analysis, Article, Channel, Contradiction, Span, Speaker, Statement

TEXT = (
    "Koval Rules Out Talks\n\n"
    "Foreign Minister Anna Koval said talks were impossible while the troops stayed. "
    "\u201cWe are open to a ceasefire,\u201d she told Radio Vox. "
    "Petrenko said a deal must be based on the charter.\n\n"
    "Sign up: \u201cthe best briefing of the day,\u201d readers say."
)
HEADLINE = "Koval Rules Out Talks"
REJECT = "talks were impossible while the troops stayed"
OPEN = "We are open to a ceasefire,"
DEAL = "a deal must be based on the charter"
PROMO = "the best briefing of the day,"


def _gold(*statements: GoldStatement, contradictions=()) -> GoldArticle:
    return GoldArticle(id="t", path="t.json", statements=statements, contradictions=tuple(contradictions))


def _g(text: str, **extra) -> GoldStatement:
    defaults = {"speaker": "Anna Koval", "kind": "indirect"}
    return GoldStatement(text=text, **{**defaults, **extra})


def _span(piece: str, shift: tuple[int, int] = (0, 0)) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start + shift[0], start + len(piece) + shift[1]


def _p(sid: str, piece: str, shift=(0, 0), **extra) -> Statement:
    start, end = _span(piece, shift)
    speaker = extra.pop("speaker", Speaker(name="Anna Koval"))
    return Statement(id=sid, kind=extra.pop("kind", "indirect"), text=TEXT[start:end], start=start, end=end,
                     speaker=speaker, **extra)


def _analysis(*statements: Statement, contradictions=()) -> Analysis:
    return Analysis(article=Article(id="t", text=TEXT), statements=statements, contradictions=tuple(contradictions))


def _counts(scores):
    return scores.tp, scores.fp, scores.fn, scores.optional_matched


def test_gold_scoring_precision_recall_f1():
    gold = _gold(_g(REJECT), _g(DEAL, speaker="Ivan Petrenko"))
    # one prediction matches REJECT; one is spurious (the promo line); DEAL is missed
    scores = score_gold_article(gold, _analysis(_p("s1", REJECT, (0, 10)), _p("s2", "Sign up")))
    assert _counts(scores) == (1, 1, 1, 0)
    assert (scores.precision, scores.recall, scores.f1) == (0.5, 0.5, 0.5)


@pytest.mark.parametrize(
    "predicted, counts",
    [
        ([], (0, 0, 0, 0)),                      # missing a headline statement is no false negative
        ([("h", HEADLINE)], (0, 0, 0, 1)),       # finding it is no true positive either
    ],
)
def test_gold_scoring_headline_gold_is_optional(predicted, counts):
    gold = _gold(_g(HEADLINE, zone="headline"))
    assert _counts(score_gold_article(gold, _analysis(*(_p(i, t) for i, t in predicted)))) == counts


@pytest.mark.parametrize(
    "predicted, counts",
    [
        ([], (0, 0, 0, 0)),                      # boilerplate gold is never a false negative
        ([("b", PROMO)], (0, 1, 0, 0)),          # a prediction matching it is a false positive
    ],
)
def test_gold_scoring_boilerplate_match_is_a_false_positive(predicted, counts):
    gold = _gold(_g(PROMO, zone="boilerplate", kind="direct"))
    assert _counts(score_gold_article(gold, _analysis(*(_p(i, t) for i, t in predicted)))) == counts


def test_gold_scoring_one_to_one_extra_prediction_is_false_positive():
    gold = _gold(_g(REJECT))
    scores = score_gold_article(gold, _analysis(_p("a", REJECT), _p("b", REJECT, (5, -5))))
    assert _counts(scores) == (1, 1, 0, 0)


@pytest.mark.parametrize(
    "shift, matched",
    [((0, 0), True), ((len(REJECT) // 2, len(REJECT) // 2), True), ((len(REJECT) // 2 + 1, 30), False)],
)
def test_gold_scoring_half_overlap_rule(shift, matched):
    scores = score_gold_article(_gold(_g(REJECT)), _analysis(_p("a", REJECT, shift)))
    assert scores.tp == int(matched)


@pytest.mark.parametrize(
    "name, correct",
    [
        ("Anna Koval", True),
        ("ANNA KOVÁL", True),     # case and accent folding
        ("Koval", False),         # surname only is not the full canonical name
        ("Foreign Minister", False),
        (None, False),
    ],
)
def test_gold_scoring_speaker_accuracy(name, correct):
    scores = score_gold_article(_gold(_g(REJECT)), _analysis(_p("a", REJECT, speaker=Speaker(name=name))))
    assert (scores.speaker.correct, scores.speaker.total) == (int(correct), 1)


@pytest.mark.parametrize(
    "gold_extra, pred_extra, field, expected",
    [
        ({"kind": "direct"}, {"kind": "direct"}, "kind", (1, 1)),
        ({"kind": "direct"}, {"kind": "indirect"}, "kind", (0, 1)),
        ({"about_negotiations": True}, {"about_negotiations": True}, "about_negotiations", (1, 1)),
        ({"about_negotiations": True}, {}, "about_negotiations", (0, 1)),
        ({"about_negotiations": False}, {}, "about_negotiations", (1, 1)),
        # stance only where gold has one
        ({"stance": "reject"}, {"stance": "reject"}, "stance", (1, 1)),
        ({"stance": "reject"}, {"stance": "conditional"}, "stance", (0, 1)),
        ({"stance": None}, {"stance": "open"}, "stance", (0, 0)),
    ],
)
def test_gold_scoring_attribute_accuracies(gold_extra, pred_extra, field, expected):
    scores = score_gold_article(_gold(_g(REJECT, **gold_extra)), _analysis(_p("a", REJECT, **pred_extra)))
    acc = getattr(scores, field)
    assert (acc.correct, acc.total) == expected


@pytest.mark.parametrize(
    "gold_channel, predicted_channel, expected",
    [
        (None, None, (0, 0)),                          # neither side has one: not judged
        ("Radio Vox", "Radio Vox", (1, 1)),
        ("Radio Vox", "the radio vox station", (1, 1)),  # containment after folding
        ("the Radio Vox station", "Radio Vox", (1, 1)),  # either direction
        ("Radio Vox", None, (0, 1)),
        (None, "TASS", (0, 1)),
        ("Radio Vox", "TASS", (0, 1)),
    ],
)
def test_gold_scoring_channel_accuracy(gold_channel, predicted_channel, expected):
    channel = Channel(name=predicted_channel, start=0, end=0) if predicted_channel else None
    scores = score_gold_article(_gold(_g(OPEN, kind="direct", channel=gold_channel)),
                                _analysis(_p("a", OPEN, channel=channel)))
    assert (scores.channel.correct, scores.channel.total) == expected


CONDITION = "while the troops stayed"


@pytest.mark.parametrize(
    "predicted_conditions, found",
    [
        ([CONDITION], 1),
        (["the troops stayed"], 1),            # covers more than half of the gold condition
        (["stayed"], 0),                       # less than half
        ([REJECT], 1),                         # a longer prediction covering the condition
        ([], 0),
    ],
)
def test_gold_scoring_condition_recall(predicted_conditions, found):
    conditions = tuple(Span(*_span(c), c) for c in predicted_conditions)
    scores = score_gold_article(_gold(_g(REJECT, conditions=(CONDITION,))),
                                _analysis(_p("a", REJECT, conditions=conditions)))
    assert (scores.conditions.correct, scores.conditions.total) == (found, 1)


def _pair(a: str, b: str, kind: str = "clash") -> Contradiction:
    return Contradiction(a=a, b=b, kind=kind, why="")


@pytest.mark.parametrize(
    "predicted_pairs, recall, precision",
    [
        ([("r", "d")], (1, 1), (1, 1)),
        ([("d", "r", "shift")], (1, 1), (1, 1)),            # either order, any kind
        ([("r", "o")], (0, 1), (0, 1)),                      # a wrong pair of matched statements
        ([("r", "d"), ("r", "x")], (1, 1), (1, 1)),          # "x" matched no gold: not judged for precision
        ([], (0, 1), (0, 0)),
    ],
)
def test_gold_scoring_contradictions(predicted_pairs, recall, precision):
    gold = _gold(_g(REJECT), _g(OPEN, kind="direct"), _g(DEAL, speaker="Ivan Petrenko"),
                 contradictions=[GoldContradiction(a=0, b=2)])
    analysis = _analysis(_p("r", REJECT), _p("o", OPEN), _p("d", DEAL), _p("x", "Sign up"),
                         contradictions=[_pair(*p) for p in predicted_pairs])
    scores = score_gold_article(gold, analysis)
    assert (scores.contradictions_recall.correct, scores.contradictions_recall.total) == recall
    assert (scores.contradictions_precision.correct, scores.contradictions_precision.total) == precision


def test_gold_scoring_contradiction_with_unmatched_statement_is_missed():
    gold = _gold(_g(REJECT), _g(DEAL), contradictions=[GoldContradiction(a=0, b=1)])
    scores = score_gold_article(gold, _analysis(_p("r", REJECT)))
    assert (scores.contradictions_recall.correct, scores.contradictions_recall.total) == (0, 1)


def test_gold_scoring_corpus_sums_counts_and_keeps_articles():
    gold = _gold(_g(REJECT), _g(DEAL))
    scores = score_gold_analyses([gold, gold], [_analysis(_p("a", REJECT)), _analysis()])
    assert (scores.articles, scores.tp, scores.fn) == (2, 1, 3)
    assert [a.scores.tp for a in scores.by_article] == [1, 0]
    data = scores.to_dict()
    assert data["speaker_accuracy"] == 1.0 and data["speaker_n"] == 1 and data["stance_accuracy"] is None


def test_gold_scoring_pairs_gold_with_articles_by_id(tmp_path):
    from onrecord.errors import InputError
    from onrecord.evaluate.gold_scoring import pair_gold_with_articles

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article", encoding="utf-8")
    gold_a = GoldArticle(id="sub/a", path="gold/sub/a.json", statements=())
    [(gold, article)] = pair_gold_with_articles([gold_a], tmp_path)
    assert article.text == TEXT and gold is gold_a
    with pytest.raises(InputError, match=r"no article b\.\* .*could not be read"):
        pair_gold_with_articles([GoldArticle(id="b", path="gold/b.json", statements=())], tmp_path)
