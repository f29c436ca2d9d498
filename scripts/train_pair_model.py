"""Train the learned pair model (``src/onrecord/data/pair_model.json``) on the project's read gold sets.

    .venv/bin/python scripts/train_pair_model.py            # cross-validate, then train and write the model
    .venv/bin/python scripts/train_pair_model.py --check    # cross-validate only, write nothing

1. read each training set's statements as analysis will on text never seen: the stance rules, then a stance
   model trained with ``train_stance_model.py``'s settings on every other set (so the stances are as good as they
   will be on new text, not better), then the pair rules (``onrecord.contradictions.candidates``);
2. match the statements to the gold ones as the scorer does; every candidate pair of two matched statements is
   a row: ``onrecord.learned_pairs.pair_features`` against whether the gold pairs them;
3. leave one set out: train on the others, and choose the threshold on the pooled left-out probabilities
   (the best F1 of gold pairs among the thresholds whose precision is at least the rules'); print each set's
   recall and precision for the rules and the model;
4. train on all of them and write the weights with that threshold.

Only read sets train (the list is ``train_stance_model.TRAINING_SETS``); ``heldout3`` and the sets kept unread
stay out. Plain gradient descent from zero with numpy: the same data give the same weights. Retrain after any
change to the stance or pair rules, or to the stance model.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import onrecord.stance.learned as stance_learned  # noqa: E402
from onrecord.contradictions import candidates  # noqa: E402
from onrecord.evaluate.gold_scoring import GoldRole, match_gold  # noqa: E402
from onrecord.learned_pairs import FEATURES_VERSION, PairModel, pair_features  # noqa: E402
from onrecord.options import Options  # noqa: E402
from onrecord.pipeline import analyze_many  # noqa: E402
from train_stance_model import TRAINING_SETS, design, load_training, paired_set  # noqa: E402
from train_stance_model import train as train_stance  # noqa: E402

L2 = 0.001
ITERATIONS = 1500
STEP = 0.5
MIN_COUNT = 5
MODEL_PATH = ROOT / "src" / "onrecord" / "data" / "pair_model.json"
# One row: the features of a candidate pair, whether gold pairs it, whether the rules did.
Row = tuple[dict[str, float], int, int]
# Per article: the rows, and the gold pairs whose statements were not both matched (missed whatever is predicted).
Article = tuple[list[Row], int]


def articles_of(directory: Path, stance_model) -> list[Article]:
    """The rows of each article of a set, its statements read with ``stance_model``."""
    paired = paired_set(directory)
    loader = stance_learned.load_stance_model
    stance_learned.load_stance_model = lambda: stance_model  # the pipeline's revise() asks for the packaged model
    try:
        analyses = analyze_many([article for _, article in paired], Options(pair_model=False))
    finally:
        stance_learned.load_stance_model = loader
    out = []
    for (gold, _), analysis in zip(paired, analyses):
        found = match_gold(gold, analysis)
        to_pred = {m.gold: found.predicted[m.predicted].id for m in found.matches
                   if found.roles[m.gold] is not GoldRole.negative}
        gold_pairs = {frozenset((to_pred[c.a], to_pred[c.b])) for c in gold.contradictions
                      if c.a in to_pred and c.b in to_pred}
        lost = sum(1 for c in gold.contradictions if not (c.a in to_pred and c.b in to_pred))
        matched = set(to_pred.values())
        rows = []
        for candidate in candidates(analysis.statements, analysis.article.text):
            if candidate.a.id in matched and candidate.b.id in matched:
                key = frozenset((candidate.a.id, candidate.b.id))
                rows.append((pair_features(candidate), int(key in gold_pairs), int(candidate.rule is not None)))
        out.append((rows, lost))
    return out


def fit(rows: list[Row], l2: float = L2, min_count: int = MIN_COUNT) -> dict[str, float]:
    """Logistic regression by gradient descent from zero."""
    index, x = design(rows, min_count)
    y = np.array([target for _, target, _ in rows], dtype=float)
    w = np.zeros(len(index))
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        w -= STEP * (x.T @ (p - y) / len(rows) + l2 * w)
    return {name: round(float(w[i]), 5) for name, i in index.items() if abs(w[i]) >= 1e-4}


def score(articles: list[Article], chosen: list[list[bool]]) -> tuple[int, int, int]:
    """(gold pairs found, gold pairs, predicted pairs) over articles."""
    hit = gold = predicted = 0
    for (rows, lost), picks in zip(articles, chosen):
        gold += lost + sum(t for _, t, _ in rows)
        hit += sum(1 for (_, t, _), p in zip(rows, picks) if p and t)
        predicted += sum(picks)
    return hit, gold, predicted


def _rp(hit: int, gold: int, predicted: int) -> str:
    return f"R {hit / max(gold, 1):.3f} P {hit / max(predicted, 1):.3f} ({hit}/{gold}, {predicted})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--l2", type=float, default=L2, help=f"weight decay (default {L2})")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help=f"rarest feature kept (default {MIN_COUNT})")
    args = parser.parse_args()
    stance_sets, casebook = load_training()
    by_set: dict[str, list[Article]] = {}
    for name, directory in TRAINING_SETS.items():
        by_set[name] = articles_of(directory, train_stance(stance_sets, casebook, leave_out=name))
        print(f"read {name}: {sum(len(r) for r, _ in by_set[name])} candidate pairs", flush=True)
    left_out: dict[str, list[list[float]]] = {}
    for name, articles in by_set.items():
        model = PairModel(fit([r for other, arts in by_set.items() if other != name for rs, _ in arts for r in rs],
                              args.l2, args.min_count))
        left_out[name] = [[model.probability(found) for found, _, _ in rows] for rows, _ in articles]
    everything = [a for arts in by_set.values() for a in arts]
    pooled = [probs for name in by_set for probs in left_out[name]]  # per article, in the order of everything

    def kept(probabilities: list[list[float]], threshold: float) -> list[list[bool]]:
        return [[p >= threshold for p in probs] for probs in probabilities]

    def by_rules(articles: list[Article]) -> tuple[int, int, int]:
        return score(articles, [[bool(r) for _, _, r in rows] for rows, _ in articles])

    # the threshold with the best F1 of gold pairs among those that keep the rules' precision: more pairs found,
    # none less trustworthy than the rules' own
    rules_all = by_rules(everything)
    floor = rules_all[0] / max(rules_all[2], 1)
    best = (0.0, 0.5)
    for threshold in np.arange(0.1, 0.9, 0.02):
        hit, gold, predicted = score(everything, kept(pooled, threshold))
        if hit / max(predicted, 1) >= floor:
            best = max(best, (2 * hit / max(gold + predicted, 1), round(float(threshold), 2)))
    threshold = best[1]
    print(f"{'left out':10} {'rules':38} model (threshold {threshold})")
    for name, articles in by_set.items():
        print(f"{name:10} {_rp(*by_rules(articles)):38} {_rp(*score(articles, kept(left_out[name], threshold)))}")
    candidates_n = sum(len(rows) for rows, _ in everything)
    print(f"{'all':10} {_rp(*rules_all):38} {_rp(*score(everything, kept(pooled, threshold)))}   "
          f"({candidates_n} candidate pairs)")
    if args.check:
        return 0
    weights = fit([r for arts in by_set.values() for rs, _ in arts for r in rs], args.l2, args.min_count)
    model = PairModel(weights, threshold, tuple(TRAINING_SETS), FEATURES_VERSION)
    MODEL_PATH.write_text(json.dumps(model.to_dict(), sort_keys=True, separators=(",", ":")) + "\n",
                          encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}: {len(weights)} features, {candidates_n} candidate pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
