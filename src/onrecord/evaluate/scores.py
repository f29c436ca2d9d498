"""Score records: statement counts with precision / recall / F1, and accuracies on matched pairs."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Iterable

# The Accuracy fields of Scores in report order, with the key of their value and of their case count in
# to_dict(): speaker -> "speaker_accuracy" and "speaker_n".
ACCURACY_KEYS: dict[str, tuple[str, str]] = {
    "speaker": ("speaker_accuracy", "speaker_n"),
    "kind": ("kind_accuracy", "kind_n"),
    "about_negotiations": ("about_negotiations_accuracy", "about_negotiations_n"),
    "stance": ("stance_accuracy", "stance_n"),
    "channel": ("channel_accuracy", "channel_n"),
    "conditions": ("condition_recall", "condition_n"),
    "contradictions_recall": ("contradiction_recall", "contradiction_recall_n"),
    "contradictions_precision": ("contradiction_precision", "contradiction_precision_n"),
}
ACCURACY_FIELDS: tuple[str, ...] = tuple(ACCURACY_KEYS)


@dataclass(frozen=True, slots=True)
class Accuracy:
    """``correct`` out of ``total`` cases; ``value`` is None when there was no case to judge."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: "Accuracy") -> "Accuracy":
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def add(self, ok: bool) -> "Accuracy":
        """This tally with one more case."""
        return Accuracy(self.correct + int(ok), self.total + 1)


@dataclass(frozen=True, slots=True)
class Scores:
    """Statement-level scores for one article or a corpus.

    tp / fp / fn: matched scored gold, unmatched or boilerplate-matching predictions, unmatched scored gold.
    optional_matched: predictions that matched optional gold (headlines, filtered-out gold): not counted.
    gold_skipped: gold items that could not be scored at all (e.g. PolNeAR items with no content span).
    Accuracies are over matched (tp) pairs; conditions is a recall over gold conditions of matched pairs;
    contradictions_recall is over gold pairs, contradictions_precision over predicted pairs whose two
    statements both matched gold.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_matched: int = 0
    gold_skipped: int = 0
    articles: int = 0
    speaker: Accuracy = Accuracy()
    kind: Accuracy = Accuracy()
    about_negotiations: Accuracy = Accuracy()
    stance: Accuracy = Accuracy()
    channel: Accuracy = Accuracy()
    conditions: Accuracy = Accuracy()
    contradictions_recall: Accuracy = Accuracy()
    contradictions_precision: Accuracy = Accuracy()
    seconds: float | None = None
    by_article: tuple["ArticleScores", ...] = field(default=(), compare=False)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0.0 when there was no scored gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float | None:
        return self.speaker.value

    @property
    def kind_accuracy(self) -> float | None:
        return self.kind.value

    @property
    def about_negotiations_accuracy(self) -> float | None:
        return self.about_negotiations.value

    @property
    def stance_accuracy(self) -> float | None:
        return self.stance.value

    @property
    def channel_accuracy(self) -> float | None:
        return self.channel.value

    @property
    def condition_recall(self) -> float | None:
        return self.conditions.value

    def figures(self) -> dict[str, float | None]:
        """The figures by their to_dict() key: precision, recall, f1 and every accuracy (None: no case)."""
        out: dict[str, float | None] = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        for name, (value_key, _) in ACCURACY_KEYS.items():
            out[value_key] = getattr(self, name).value
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "articles": self.articles,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "optional_matched": self.optional_matched,
            "gold_skipped": self.gold_skipped,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }
        for name, (value_key, n_key) in ACCURACY_KEYS.items():
            acc: Accuracy = getattr(self, name)
            out[value_key] = acc.value
            out[n_key] = acc.total
        out["seconds"] = self.seconds
        if self.by_article:
            out["by_article"] = [a.to_dict() for a in self.by_article]
        return out


@dataclass(frozen=True, slots=True)
class ArticleScores:
    """The scores of one article of a corpus run."""

    id: str
    scores: Scores

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.scores.to_dict()}


_COUNT_FIELDS = ("tp", "fp", "fn", "optional_matched", "gold_skipped", "articles")


def combine(parts: Iterable[ArticleScores], seconds: float | None = None) -> Scores:
    """Corpus scores: counts and accuracies summed (micro-averaged) over the articles, kept in ``by_article``."""
    items = tuple(parts)
    totals: dict[str, Any] = {name: 0 for name in _COUNT_FIELDS}
    totals.update({name: Accuracy() for name in ACCURACY_FIELDS})
    for item in items:
        for f in fields(Scores):
            if f.name in totals:
                totals[f.name] = totals[f.name] + getattr(item.scores, f.name)
    return Scores(**totals, seconds=seconds, by_article=items)
