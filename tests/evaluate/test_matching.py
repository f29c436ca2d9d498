"""The span matcher: half-of-the-shorter overlap rule, one-to-one greedy by overlap."""

from __future__ import annotations

import pytest

from onrecord.evaluate.matching import GoldRole, Interval, covers_half_of, match_spans, overlap, spans_match


@pytest.mark.parametrize(
    "a, b, shared",
    [
        ((0, 10), (5, 15), 5),
        ((0, 10), (10, 20), 0),
        ((0, 10), (2, 4), 2),
        ((5, 6), (0, 3), 0),
    ],
)
def test_matching_overlap_counts_shared_characters(a, b, shared):
    assert overlap(Interval(*a), Interval(*b)) == shared


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((0, 10), (5, 15), True),     # 5 of 10: exactly half
        ((0, 10), (6, 16), False),    # 4 of 10: under half
        ((0, 100), (40, 50), True),   # the shorter span (10) lies inside the longer one
        ((0, 100), (95, 105), True),  # 5 of the shorter 10
        ((0, 100), (96, 106), False), # 4 of the shorter 10
        ((0, 10), (10, 20), False),   # touching is not overlapping
        ((3, 3), (0, 10), False),     # an empty span matches nothing
    ],
)
def test_matching_half_of_the_shorter_span_rule(a, b, expected):
    assert spans_match(Interval(*a), Interval(*b)) is expected
    assert spans_match(Interval(*b), Interval(*a)) is expected


@pytest.mark.parametrize(
    "gold, predicted, pairs",
    [
        # one prediction over two gold spans: it goes to the gold it shares most with, the other gold is unmatched
        ([(0, 10), (10, 30)], [(5, 30)], [(1, 0)]),
        # two predictions over one gold: the larger overlap wins, the other prediction stays unmatched
        ([(0, 20)], [(0, 8), (0, 18)], [(0, 1)]),
        # greedy by overlap: the biggest pair is fixed first even if another assignment would match more
        ([(0, 10), (8, 30)], [(0, 30)], [(1, 0)]),
        # separate pairs, returned in gold order
        ([(50, 60), (0, 10)], [(1, 9), (52, 60)], [(0, 1), (1, 0)]),
        # equal overlaps: the earlier gold item, then the earlier prediction
        ([(0, 10), (20, 30)], [(0, 30)], [(0, 0)]),
        ([], [(0, 5)], []),
    ],
)
def test_matching_one_to_one_greedy(gold, predicted, pairs):
    matches = match_spans([Interval(*g) for g in gold], [Interval(*p) for p in predicted])
    assert [(m.gold, m.predicted) for m in matches] == pairs
    assert len({m.predicted for m in matches}) == len(matches)


@pytest.mark.parametrize(
    "candidate, target, expected",
    [
        ((0, 5), (0, 10), True),      # half of the target
        ((0, 4), (0, 10), False),
        ((0, 100), (10, 20), True),   # a longer candidate covering the target
        ((15, 100), (10, 20), True),
        ((16, 100), (10, 20), False), # half of the candidate would not be enough: the target's half counts
    ],
)
def test_matching_covers_half_of_target(candidate, target, expected):
    assert covers_half_of(Interval(*candidate), Interval(*target)) is expected


@pytest.mark.parametrize(
    "roles, winner",
    [
        ([GoldRole.scored, GoldRole.optional], 0),
        ([GoldRole.optional, GoldRole.scored], 1),     # equal overlap: scored gold first
        ([GoldRole.negative, GoldRole.scored], 1),
        ([GoldRole.optional, GoldRole.optional], 0),   # then the earlier gold item
    ],
)
def test_matching_ties_go_to_scored_gold(roles, winner):
    matches = match_spans([Interval(0, 10), Interval(0, 10)], [Interval(0, 10)], roles)
    assert [m.gold for m in matches] == [winner]
