"""Matching predicted spans to gold spans (contract, "Scoring").

A predicted span matches a gold span when they overlap by at least half of the shorter span's characters.
Matching is one-to-one and greedy: all matching pairs are taken in order of decreasing overlap, skipping any
pair whose gold or prediction is taken. Ties go to the gold item of lower ``rank`` (scoring passes scored gold
before optional and boilerplate gold, so an optional item with the same span as a scored one, frequent in
PolNeAR's nested attributions, cannot take its match), then to the earlier gold item and prediction.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Sequence

# Contract, "Scoring": spans match when they overlap by at least half of the shorter span.
MIN_OVERLAP_OF_SHORTER = 0.5


class GoldRole(str, enum.Enum):
    """How a gold item counts. ``optional`` gold (headlines, gold left out by a filter) neither rewards
    nor penalises a prediction that matches it; a prediction matching ``negative`` gold (boilerplate) is a
    false positive, and negative gold is never a false negative."""

    scored = "scored"
    optional = "optional"
    negative = "negative"


@dataclass(frozen=True, slots=True)
class Interval:
    """A character range ``[start, end)`` of an article text."""

    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class Match:
    """Gold item ``gold`` paired with prediction ``predicted`` (indices into the two lists)."""

    gold: int
    predicted: int
    overlap: int


def overlap(a: Interval, b: Interval) -> int:
    """Characters shared by two intervals."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def spans_match(a: Interval, b: Interval, share: float = MIN_OVERLAP_OF_SHORTER) -> bool:
    """True when ``a`` and ``b`` overlap by at least ``share`` of the shorter one (and by at least one character)."""
    shared = overlap(a, b)
    return shared > 0 and shared >= share * min(len(a), len(b))


def covers_half_of(candidate: Interval, target: Interval) -> bool:
    """True when ``candidate`` overlaps at least half of ``target`` (condition recall, contract "Scoring")."""
    shared = overlap(candidate, target)
    return shared > 0 and shared >= MIN_OVERLAP_OF_SHORTER * len(target)


# Tie-break ranks of the gold roles: at equal overlap a prediction goes to scored gold first.
ROLE_RANK = {GoldRole.scored: 0, GoldRole.optional: 1, GoldRole.negative: 2}


def match_spans(gold: Sequence[Interval], predicted: Sequence[Interval],
                roles: Sequence[GoldRole] | None = None) -> list[Match]:
    """One-to-one greedy matching by overlap; the result is sorted by gold index. ``roles`` (one per gold
    item) only breaks ties of equal overlap, scored gold first."""
    rank = [ROLE_RANK[r] for r in roles] if roles is not None else [0] * len(gold)
    pairs = [
        Match(g, p, overlap(gs, ps))
        for g, gs in enumerate(gold)
        for p, ps in enumerate(predicted)
        if spans_match(gs, ps)
    ]
    pairs.sort(key=lambda m: (-m.overlap, rank[m.gold], m.gold, m.predicted))
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    chosen: list[Match] = []
    for m in pairs:
        if m.gold in taken_gold or m.predicted in taken_pred:
            continue
        taken_gold.add(m.gold)
        taken_pred.add(m.predicted)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.gold)
