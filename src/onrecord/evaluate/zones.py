"""Zone scoring: per-kind CHARACTER precision and recall of predicted zones against gold.

Gold zones (contract, "Gold annotation format") are exact substrings of the article, located in order: each
``text`` is searched from the end of the previous gold zone (and from the start of the text when it is not
found after it). Every character outside the gold zones is ``body``. Whitespace characters count for no
kind, so where a zone boundary falls inside the blank lines between paragraphs does not matter.

For each kind: precision = correct / predicted characters, recall = correct / gold characters; ``None``
when there is nothing to divide by (no character predicted, or none in gold, of that kind).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ..errors import OnrecordError
from ..records import ZONE_KINDS, Zone

BODY = "body"


@dataclass(frozen=True, slots=True)
class ZoneCounts:
    """Non-whitespace character counts of one zone kind."""

    predicted: int = 0
    gold: int = 0
    correct: int = 0

    def __add__(self, other: "ZoneCounts") -> "ZoneCounts":
        return ZoneCounts(self.predicted + other.predicted, self.gold + other.gold, self.correct + other.correct)

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.gold if self.gold else None

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall,
                "predicted": self.predicted, "gold": self.gold, "correct": self.correct}


def gold_labels(text: str, gold_zones: Sequence[Mapping[str, Any]]) -> list[str]:
    """The gold kind of each character: the listed zones located in order, ``body`` elsewhere."""
    labels = [BODY] * len(text)
    cursor = 0
    for i, zone in enumerate(gold_zones):
        kind, piece = zone.get("kind"), zone.get("text")
        if kind not in ZONE_KINDS or not isinstance(piece, str) or not piece:
            raise OnrecordError(
                f"gold zone {i} is {dict(zone)!r}: it needs a kind out of {', '.join(ZONE_KINDS)} "
                "and a non-empty text"
            )
        at = text.find(piece, cursor)
        if at < 0:
            at = text.find(piece)
        if at < 0:
            raise OnrecordError(
                f"gold zone {i} ({kind}) text {piece[:60]!r} is not a substring of the article: "
                "copy it from the article exactly"
            )
        labels[at : at + len(piece)] = [kind] * len(piece)
        cursor = at + len(piece)
    return labels


def predicted_labels(text: str, predicted: Sequence[Zone]) -> list[str]:
    """The predicted kind of each character (``body`` where no zone covers it)."""
    labels = [BODY] * len(text)
    for zone in predicted:
        covered = range(len(text))[zone.start : zone.end]
        labels[zone.start : zone.end] = [zone.kind] * len(covered)
    return labels


def count_zones(text: str, predicted: Sequence[Zone], gold_zones: Sequence[Mapping[str, Any]]) -> dict[str, ZoneCounts]:
    """Per-kind character counts for one article; whitespace is not counted."""
    gold = gold_labels(text, gold_zones)
    pred = predicted_labels(text, predicted)
    counts = {kind: [0, 0, 0] for kind in ZONE_KINDS}
    for ch, g, p in zip(text, gold, pred):
        if ch.isspace():
            continue
        counts[p][0] += 1
        counts[g][1] += 1
        if g == p:
            counts[g][2] += 1
    return {kind: ZoneCounts(*c) for kind, c in counts.items() if c[0] or c[1]}


def score_zones(text: str, predicted: Sequence[Zone], gold_zones: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """``{kind: {"precision", "recall", "predicted", "gold", "correct"}}`` for one article."""
    return {kind: c.to_dict() for kind, c in count_zones(text, predicted, gold_zones).items()}


def aggregate_zone_counts(per_article: Iterable[Mapping[str, ZoneCounts]]) -> dict[str, dict[str, Any]]:
    """Micro-averaged scores over many articles: character counts summed before dividing."""
    total: dict[str, ZoneCounts] = {}
    for counts in per_article:
        for kind, c in counts.items():
            total[kind] = total.get(kind, ZoneCounts()) + c
    return {kind: total[kind].to_dict() for kind in ZONE_KINDS if kind in total}
