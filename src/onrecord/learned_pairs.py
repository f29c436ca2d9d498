"""A learned second reading of contradictions: a small logistic regression over each pair of statements.

The pair rules (``contradictions.py``) fire on a few precise shapes (a refusal of talks against openness by one
side; one actor on two days; each side ruling out the other's terms); the writers of the gold sets pair much
more that those shapes miss (a demand against the other side's "our soldiers will stay there"), and the rules
also pair refusals of an item with openness to talks. This model reads every candidate pair of an article
(:func:`onrecord.contradictions.candidates`) through what the rules found: which rule fired, the two stances,
how the speakers relate (one actor, one side, opposing sides, unplaced), whether the terms of one touch what the
other says, the days, the distance, blame and denial. It gives the probability that a careful reader pairs them
and keeps the pair above the model's ``threshold``.

It was trained by ``scripts/train_pair_model.py`` on the project's read gold sets (never on ``heldout3`` or a set
kept unread), on statements whose stance came from a stance model that had not seen their set; it is packaged as
``data/pair_model.json`` (weights only, read with plain Python, nothing downloaded). ``Options(pair_model=False)``
(and ``--rules-only``) keeps the rules' pairs alone.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Mapping, NamedTuple

from . import contradictions as rules
from .contradictions import Candidate
from .denials import asserts_contact, denies_contact
from .disputes import AGREEMENT, blame_of
from .errors import OnrecordError
from .model_files import read_model_json
from .records import Statement
from .stance.learned import label_of

if TYPE_CHECKING:  # pragma: no cover
    from importlib.resources.abc import Traversable
    from pathlib import Path

MODEL_FILE = "pair_model.json"
FEATURES_VERSION = 1
BREACH = re.compile(r"\b(?:violat\w*|breach\w*|broke|broken|breaks?|fired first|opened fire|provocation\w*)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:not|no|never|nothing|nobody|none|n't|cannot|denied|denies|deny)\b", re.IGNORECASE)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def relation(candidate: Candidate) -> str:
    """How the two speakers relate: "actor" (one actor), "side" (one side), "opposed", "one" (one of them
    placed), "none"."""
    a, b = candidate.a, candidate.b
    if rules._same_actor(a, b):
        return "actor"
    side_a, side_b = candidate.side_a, candidate.side_b
    if rules._one_side(a, b, {a.id: side_a, b.id: side_b}):
        return "side"
    if side_a is not None and side_b is not None:
        return "opposed"
    return "one" if side_a or side_b else "none"


def pair_features(candidate: Candidate) -> dict[str, float]:
    """The features of one candidate pair (symmetric in the two statements)."""
    a, b = candidate.a, candidate.b
    stances = "+".join(sorted((label_of(a), label_of(b))))
    rel = relation(candidate)
    found: dict[str, float] = {
        "bias": 1.0,
        f"rule={candidate.rule_test or 'none'}": 1.0,
        f"stances={stances}": 1.0,
        f"relation={rel}": 1.0,
        f"relation={rel}&stances={stances}": 1.0,
        f"gap={_bucket(candidate.gap, (0, 1, 3, 6))}": 1.0,
        f"kinds={'+'.join(sorted((a.kind, b.kind)))}": 1.0,
        f"terms={int(bool(a.conditions)) + int(bool(b.conditions))}": 1.0,
    }
    if candidate.rule is not None:
        found[f"rule_kind={candidate.rule.kind}"] = 1.0
    if candidate.same_occasion:
        found["same_occasion"] = 1.0
    if candidate.marked_change:
        found["marked_change"] = 1.0
    if rules._time_changed(a, b):
        found["another_day"] = 1.0
    about = a.about_negotiations and b.about_negotiations
    if about:
        if rules._same_negotiation(a, b):
            found["same_negotiation"] = 1.0
        if rules._aims_at(a, b) or rules._aims_at(b, a):
            found["aims_at_other"] = 1.0
        if a.counterpart and b.counterpart and rules._fold(a.counterpart) == rules._fold(b.counterpart):
            found["same_counterpart"] = 1.0
        if rules._refuses_terms_only(a) or rules._refuses_terms_only(b):
            found["refuses_terms_only"] = 1.0
        if rules._rules_out_demand(a, b) or rules._rules_out_demand(b, a):
            found["rules_out_demand"] = 1.0
        if (a.conditions or b.conditions) and rules._shared_issue(a, b):
            found["shared_issue"] = 1.0
        if rules._halts_fighting(a) and rules._halts_fighting(b):
            found["both_halt_fighting"] = 1.0
        if rules._different_terms(a, b):
            found["different_terms"] = 1.0
        if rules._refuses_an_item(a) or rules._refuses_an_item(b):
            found["refusal_of_an_item"] = 1.0
    if rules._trade(a.text) != rules._trade(b.text):
        found["trade_against_conflict"] = 1.0
    words_a, words_b = rules._issue_words(a.text), rules._issue_words(b.text)
    shared = len(words_a & words_b)
    found[f"shared_words={_bucket(shared, (0, 1, 2, 4))}"] = 1.0
    if rules._concepts(words_a) & rules._concepts(words_b):
        found["shared_concept"] = 1.0
    facts_a, facts_b = _facts(a.text), _facts(b.text)
    if facts_a.blame and facts_b.blame:
        found["both_blame"] = 1.0
        sides = tuple(x.casefold() for x in (candidate.side_a, candidate.side_b) if x)
        blame_a, blame_b = blame_of(a, candidate.side_a, sides), blame_of(b, candidate.side_b, sides)
        if blame_a is not None and blame_b is not None:
            if blame_a.accuses & blame_b.accuses:
                found["both_blame_one_party"] = 1.0
            elif blame_a.accuses != blame_b.accuses or blame_a.denies or blame_b.denies:
                found["blame_each_other_or_deny"] = 1.0
    found[f"relation={rel}&shared_words={_bucket(shared, (0, 1, 2))}"] = 1.0
    for word in words_a & words_b:
        found[f"both:{word}"] = 1.0
    if _terms_touch(a, b) or _terms_touch(b, a):
        found["terms_touch_other"] = 1.0
        found[f"relation={rel}&terms_touch_other"] = 1.0
    if facts_a.agreement and facts_b.agreement:
        found["both_name_an_agreement"] = 1.0
    if facts_a.breach and facts_b.breach:
        found["both_speak_of_a_breach"] = 1.0
    if facts_a.asserts & facts_b.denies or facts_b.asserts & facts_a.denies:
        found["contact_said_and_denied"] = 1.0
    negated = int(facts_a.negated) + int(facts_b.negated)
    found[f"negated={negated}"] = 1.0
    found[f"relation={rel}&negated={negated}"] = 1.0
    return found


class Facts(NamedTuple):
    """What one statement's words say, read once per text (every pair of an article asks again)."""

    blame: bool  # words of breaking or blocking an agreement
    agreement: bool
    breach: bool
    negated: bool
    asserts: frozenset[str]  # kinds of contact it says took place
    denies: frozenset[str]  # kinds of contact it denies


@functools.lru_cache(maxsize=8192)
def _facts(text: str) -> Facts:
    return Facts(rules.has_blame_words(text),
                 bool(AGREEMENT.search(text)), bool(BREACH.search(text)), bool(NEGATION.search(text)),
                 asserts_contact(text), denies_contact(text))


def _terms_touch(demand: Statement, other: Statement) -> bool:
    """The terms of one statement name what the other speaks of (a stem or an issue concept)."""
    if not demand.conditions:
        return False
    return rules._same_issue(rules._terms_words(demand),
                             rules._issue_words(rules._without_conditions(other)) - rules.ISSUE_FRAMING)


@dataclass(frozen=True)
class PairModel:
    """Binary logistic regression: weights per feature, and the probability above which a pair is kept."""

    weights: Mapping[str, float]
    threshold: float = 0.5
    trained_on: tuple[str, ...] = ()
    features_version: int = FEATURES_VERSION

    def probability(self, found: Mapping[str, float]) -> float:
        total = sum(self.weights.get(name, 0.0) * value for name, value in found.items())
        return 1.0 / (1.0 + math.exp(-max(min(total, 50.0), -50.0)))

    def holds(self, candidate: Candidate) -> bool:
        return self.probability(pair_features(candidate)) >= self.threshold

    def to_dict(self) -> dict:
        return {"features_version": self.features_version, "threshold": self.threshold,
                "trained_on": list(self.trained_on), "weights": dict(self.weights)}

    @classmethod
    def from_dict(cls, raw: Mapping, where: str = MODEL_FILE) -> "PairModel":
        try:
            weights = {str(k): float(v) for k, v in raw["weights"].items()}
            threshold = float(raw["threshold"])
            version = int(raw.get("features_version", 0))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise OnrecordError(f"{where}: not a pair model ({exc!r}): retrain it with "
                                "scripts/train_pair_model.py") from exc
        if version != FEATURES_VERSION:
            raise OnrecordError(f"{where}: trained on features version {version}, this onrecord reads version "
                                f"{FEATURES_VERSION}: retrain it with scripts/train_pair_model.py")
        if not 0.0 < threshold < 1.0:
            raise OnrecordError(f"{where}: threshold {threshold} is not a probability between 0 and 1: retrain it "
                                "with scripts/train_pair_model.py")
        return cls(weights, threshold, tuple(raw.get("trained_on", ())), version)


@functools.lru_cache(maxsize=1)
def load_pair_model() -> PairModel:
    """The packaged model (``onrecord/data/pair_model.json``), read once."""
    return read_pair_model(resources.files("onrecord") / "data" / MODEL_FILE)


def read_pair_model(source: "Path | Traversable") -> PairModel:
    """A model file; a missing, unreadable or malformed one is an :class:`OnrecordError` naming the file and the
    fix."""
    raw = read_model_json(source, "pair", "scripts/train_pair_model.py")
    return PairModel.from_dict(raw, str(source))
