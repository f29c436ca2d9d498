"""Zone scoring (onrecord.evaluate.zones): character precision / recall per kind, whitespace ignored."""

from __future__ import annotations

import pytest

from onrecord.errors import OnrecordError
from onrecord.evaluate.zones import aggregate_zone_counts, count_zones, score_zones
from onrecord.records import Zone

TEXT = "Big News Today\n\nThe council met.\n\nDonate now"


@pytest.mark.parametrize(
    "predicted, kind, precision, recall",
    [
        ([Zone("headline", 0, 16), Zone("body", 16, 34), Zone("boilerplate", 34, len(TEXT))], "boilerplate", 1.0, 1.0),
        ([Zone("headline", 0, 16), Zone("body", 16, len(TEXT))], "boilerplate", None, 0.0),
        ([Zone("headline", 0, 16), Zone("body", 16, len(TEXT))], "body", 14 / 23, 1.0),
        ([Zone("boilerplate", 0, len(TEXT))], "boilerplate", 9 / 35, 1.0),
    ],
)
def test_scoring_character_precision_recall(predicted, kind, precision, recall):
    gold = [{"kind": "headline", "text": "Big News Today"}, {"kind": "boilerplate", "text": "Donate now"}]
    scores = score_zones(TEXT, predicted, gold)
    if precision is None:
        assert scores[kind]["precision"] is None
    else:
        assert scores[kind]["precision"] == pytest.approx(precision)
    assert scores[kind]["recall"] == pytest.approx(recall)


def test_scoring_locates_repeated_gold_text_in_order():
    text = "Subscribe\n\nNews paragraph here.\n\nSubscribe"
    gold = [{"kind": "boilerplate", "text": "Subscribe"}, {"kind": "boilerplate", "text": "Subscribe"}]
    counts = count_zones(text, [Zone("body", 0, len(text))], gold)
    assert counts["boilerplate"].gold == 18  # both copies, 9 letters each


def test_scoring_aggregate_sums_characters_before_dividing():
    gold = [{"kind": "boilerplate", "text": "Donate now"}]
    a = count_zones(TEXT, [Zone("body", 0, 34), Zone("boilerplate", 34, len(TEXT))], gold)
    b = count_zones(TEXT, [Zone("body", 0, len(TEXT))], gold)
    total = aggregate_zone_counts([a, b])
    assert total["boilerplate"]["recall"] == pytest.approx(0.5)
    assert total["boilerplate"]["precision"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    "gold, message",
    [([{"kind": "boilerplate", "text": "not in the text"}], "not a substring"),
     ([{"kind": "sidebar", "text": "Donate now"}], "needs a kind")],
)
def test_scoring_bad_gold_says_what_is_wrong(gold, message):
    with pytest.raises(OnrecordError, match=message):
        score_zones(TEXT, [], gold)
