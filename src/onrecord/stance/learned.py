"""A learned second reading of stance: a small logistic regression over the rules' reading and the words.

The rules (``framing.py`` and friends) read a statement's framing from the parse; each article writer brings
idioms the rules have never met ("the pen stays in its case"). This model takes what the rules found (their
stance, whether they saw terms, the statement's kind) and the words of the statement and of its sentence,
and gives one of ``CLASSES`` ("null" is: not about negotiations). It was trained by
``scripts/train_stance_model.py`` on the project's own written gold sets (never on ``heldout3`` or on a set
kept unread) and is packaged as ``data/stance_model.json``: weights only, read with plain Python, nothing
downloaded. ``Options(stance_model=False)`` (``--rules-only``) keeps the rules' reading alone.

Where the model disagrees with the rules, :func:`revise` takes the model's class and says so in the analysis
warnings ("stance revised by the learned model: neutral (rules: open)"); headline and boilerplate statements,
which it never saw in training, keep the rules' reading. The spans stay the rules': conditions are
kept only under reject or conditional (the contract puts terms there), and a statement the model finds not
about negotiations loses its stance, counterpart and conditions.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from ..errors import OnrecordError
from ..model_files import read_model_json
from ..records import Span, Statement, spans_into

if TYPE_CHECKING:  # pragma: no cover
    from importlib.resources.abc import Traversable
    from pathlib import Path

# Terms of a statement the model moved to reject or conditional, when the rules (reading it otherwise) gave none:
# (statement, the model's class) -> condition spans.
TermsFinder = Callable[[Statement, str], Sequence[Span]]

CLASSES: tuple[str, ...] = ("null", "reject", "conditional", "open", "neutral")
# The stances whose terms go into ``conditions`` (contract, "Stance").
WITH_TERMS = frozenset({"reject", "conditional"})
MODEL_FILE = "stance_model.json"
# Zones whose statements the model never saw in training (headline gold is optional, boilerplate is not
# scored): the rules' reading stands there.
UNREAD_ZONES = frozenset({"headline", "boilerplate"})
FEATURES_VERSION = 1

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def label_of(statement: Statement) -> str:
    """The class of a statement's reading: its stance, or "null" when it is not about negotiations."""
    return statement.stance if statement.about_negotiations and statement.stance else "null"


# How far before and after a statement its sentence is looked for: a sentence is rarely longer, and a text with
# no line break or full stop (a scraped blob) must not make every statement read the whole text.
SENTENCE_REACH = 400


def sentence_around(statement: Statement, text: str) -> str:
    """The statement with the rest of its sentence: from the last line break or full stop before it to the
    first one after it, at most ``SENTENCE_REACH`` characters either side (a plain reading, the same at training
    and at analysis)."""
    floor = max(statement.start - SENTENCE_REACH, 0)
    ceiling = min(statement.end + SENTENCE_REACH, len(text))
    breaks = [text.rfind("\n", floor, statement.start), text.rfind(". ", floor, statement.start)]
    lo = max(breaks) + 1 if max(breaks) >= 0 else floor
    after = [i + 1 for i in (text.find("\n", statement.end, ceiling), text.find(". ", statement.end, ceiling))
             if i != -1]
    hi = min(after) if after else ceiling
    return text[lo:hi]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def features(statement: Statement, text: str) -> dict[str, float]:
    """The features of one statement read by the rules: their class, terms found, kind, and the words (single
    and pairs) of the statement, and the other words of its sentence."""
    found: dict[str, float] = {
        "bias": 1.0,
        f"rules={label_of(statement)}": 1.0,
        f"kind={statement.kind}": 1.0,
    }
    if statement.conditions:
        found["rules_terms"] = 1.0
    own = _words(statement.text)
    for word in own:
        found[f"w:{word}"] = 1.0
    for first, second in zip(own, own[1:]):
        found[f"ww:{first}_{second}"] = 1.0
    mine = set(own)
    for word in _words(sentence_around(statement, text)):
        if word not in mine:
            found[f"s:{word}"] = 1.0
    return found


@dataclass(frozen=True)
class StanceModel:
    """Weights per feature, one per class of ``classes``."""

    classes: tuple[str, ...]
    weights: Mapping[str, Sequence[float]]
    trained_on: tuple[str, ...] = ()
    features_version: int = FEATURES_VERSION
    # The rules' class stands unless the model's is more probable by this much.
    margin: float = 0.0

    def probabilities(self, found: Mapping[str, float]) -> dict[str, float]:
        totals = [0.0] * len(self.classes)
        for name, value in found.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    totals[k] += w * value
        top = max(totals)
        exps = [math.exp(t - top) for t in totals]
        whole = sum(exps)
        return {c: e / whole for c, e in zip(self.classes, exps)}

    def choose(self, found: Mapping[str, float], rules: str) -> str:
        """The model's class, or the rules' (``rules``) when the model does not beat it by ``margin``."""
        probs = self.probabilities(found)
        best = max(self.classes, key=lambda c: probs[c])
        return best if probs[best] - probs.get(rules, 0.0) > self.margin else rules

    def predict(self, statement: Statement, text: str) -> str:
        return self.choose(features(statement, text), label_of(statement))

    def to_dict(self) -> dict:
        return {"classes": list(self.classes), "features_version": self.features_version, "margin": self.margin,
                "trained_on": list(self.trained_on), "weights": {k: list(v) for k, v in self.weights.items()}}

    @classmethod
    def from_dict(cls, raw: Mapping, where: str = MODEL_FILE) -> "StanceModel":
        try:
            classes = tuple(raw["classes"])
            weights = {str(k): tuple(float(x) for x in v) for k, v in raw["weights"].items()}
            version = int(raw.get("features_version", 0))
            margin = float(raw.get("margin", 0.0))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise OnrecordError(f"{where}: not a stance model ({exc!r}): retrain it with "
                                "scripts/train_stance_model.py") from exc
        if set(classes) != set(CLASSES) or any(len(v) != len(classes) for v in weights.values()):
            raise OnrecordError(f"{where}: classes or weight rows do not match {CLASSES}: retrain it with "
                                "scripts/train_stance_model.py")
        if version != FEATURES_VERSION:
            raise OnrecordError(f"{where}: trained on features version {version}, this onrecord reads version "
                                f"{FEATURES_VERSION}: retrain it with scripts/train_stance_model.py")
        return cls(classes, weights, tuple(raw.get("trained_on", ())), version, margin)


@functools.lru_cache(maxsize=1)
def load_stance_model() -> StanceModel:
    """The packaged model (``onrecord/data/stance_model.json``), read once."""
    return read_stance_model(resources.files("onrecord") / "data" / MODEL_FILE)


def read_stance_model(source: "Path | Traversable") -> StanceModel:
    """A model file; a missing, unreadable or malformed one is an :class:`OnrecordError` naming the file and the
    fix."""
    raw = read_model_json(source, "stance", "scripts/train_stance_model.py")
    return StanceModel.from_dict(raw, str(source))


def revise(statements: Sequence[Statement], text: str, warnings: list[str],
           model: StanceModel | None = None, terms: TermsFinder | None = None) -> list[Statement]:
    """The statements with the model's class where it differs from the rules' (a warning says so for each).

    ``terms``: where the model reads reject or conditional and the rules found no terms, the condition spans to
    give (``stance.terms_in``: the condition clauses among the statement's own words); spans off the text are
    dropped."""
    model = model or load_stance_model()
    out: list[Statement] = []
    for statement in statements:
        if statement.zone in UNREAD_ZONES:
            out.append(statement)
            continue
        rules = label_of(statement)
        label = model.predict(statement, text)
        if label == rules:
            out.append(statement)
            continue
        warnings.append(f"statement {statement.id}: stance revised by the learned model: "
                        f"{_shown(label)} (rules: {_shown(rules)})")
        if label == "null":
            out.append(dataclasses.replace(statement, about_negotiations=False, stance=None, counterpart=None,
                                           conditions=()))
        else:
            conditions = statement.conditions if label in WITH_TERMS else ()
            if label in WITH_TERMS and not conditions and terms is not None:
                conditions = spans_into(terms(statement, label), text)
            out.append(dataclasses.replace(statement, about_negotiations=True, stance=label, conditions=conditions))
    return out


def _shown(label: str) -> str:
    return "not about negotiations" if label == "null" else label
