"""Train the learned stance model (``src/onrecord/data/stance_model.json``) on the project's read gold sets.

    .venv/bin/python scripts/train_stance_model.py            # cross-validate, then train and write the model
    .venv/bin/python scripts/train_stance_model.py --check    # cross-validate only, write nothing

1. analyse every article of the training sets with the rules alone (``Options(stance_model=False)``);
2. match the statements to the gold ones as the scorer does, and keep the pairs of scored gold statements:
   the rules' reading and words (``onrecord.stance.learned.features``) against the gold class;
3. leave one set out: train on the others, score the left-out set, and print the rules' and the model's
   stance and about accuracy for each (the figure that says whether the model helps on text it never saw);
4. train on all of them and write the weights (features seen in fewer than ``MIN_COUNT`` statements dropped).

Only sets that have been read for error analysis train the model; ``heldout3`` and any set kept unread stay
out, so that they keep measuring text nobody tuned for. Training is plain gradient descent from zero with
numpy (already installed with spaCy): the same data give the same weights. Retrain after any change to the
rules: the model learns their reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from onrecord.evaluate.gold import load_gold_dir, locate_gold  # noqa: E402
from onrecord.evaluate.gold_scoring import ZONE_ROLES, pair_gold_with_articles  # noqa: E402
from onrecord.evaluate.matching import GoldRole, Interval, match_spans  # noqa: E402
from onrecord.options import Options  # noqa: E402
from onrecord.pipeline import analyze_many  # noqa: E402
from onrecord.stance.learned import CLASSES, FEATURES_VERSION, StanceModel, features, label_of  # noqa: E402

# The read sets (README, "Evaluation sets"): name -> directory holding articles/, gold/ and meta.json.
TRAINING_SETS = {
    "examples": ROOT / "examples",
    **{name: ROOT / "tests" / "data" / name
       for name in ("heldout", "heldout2", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9")},
}
L2 = 0.003
ITERATIONS = 300
STEP = 0.5
MIN_COUNT = 3
MARGIN = 0.0
CASEBOOK_USED = True
CASEBOOK_WEIGHT = 0.25
MODEL_PATH = ROOT / "src" / "onrecord" / "data" / "stance_model.json"


def rows_of(name: str, directory: Path) -> list[tuple[dict[str, float], int, int]]:
    """(features, gold class, rules' class) for each scored gold statement a prediction matched."""
    meta_path = directory / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else None
    paired = pair_gold_with_articles(load_gold_dir(directory / "gold"), directory / "articles", meta)
    analyses = analyze_many([article for _, article in paired], Options(stance_model=False))
    rows = []
    for (gold, _), analysis in zip(paired, analyses):
        located = locate_gold(gold, analysis.article.text)
        roles = [ZONE_ROLES.get(g.gold.zone, GoldRole.scored) for g in located]
        predicted = list(analysis.statements)
        matches = match_spans([Interval(g.span.start, g.span.end) for g in located],
                              [Interval(s.start, s.end) for s in predicted], roles)
        for m in matches:
            if roles[m.gold] is not GoldRole.scored:
                continue
            g, p = located[m.gold].gold, predicted[m.predicted]
            target = CLASSES.index(g.stance if g.about_negotiations and g.stance else "null")
            rows.append((features(p, analysis.article.text), target, CLASSES.index(label_of(p))))
    return rows


def casebook_rows() -> list[tuple[dict[str, float], int, int]]:
    """The stance casebook's sentences (``tests/data/stance_cases.jsonl``), read by the rules."""
    sys.path.insert(0, str(ROOT / "tests" / "stance"))
    from casebook import case_text, load_cases, run_case

    from onrecord.nlp import load_model

    nlp = load_model()
    rows = []
    for case in load_cases():
        if case.about_negotiations and case.stance is None:
            continue
        got = run_case(case, nlp)
        target = CLASSES.index(case.stance if case.about_negotiations else "null")
        rows.append((features(got, case_text(case)[0]), target, CLASSES.index(label_of(got))))
    return rows


def fit(rows: list[tuple[dict[str, float], int, int]], margin: float = 0.0,
        weights: list[float] | None = None) -> StanceModel:
    """Multinomial logistic regression by gradient descent from zero; ``weights``: one per row (default 1)."""
    counts = Counter(name for found, _, _ in rows for name in found)
    vocab = sorted(name for name, n in counts.items() if n >= MIN_COUNT)
    index = {name: i for i, name in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for i, (found, _, _) in enumerate(rows):
        for name, value in found.items():
            if name in index:
                x[i, index[name]] = value
    y = np.eye(len(CLASSES))[[target for _, target, _ in rows]]
    w = np.zeros((len(vocab), len(CLASSES)))
    share = np.ones((len(rows), 1)) if weights is None else np.array(weights, dtype=float)[:, None]
    for _ in range(ITERATIONS):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        w -= STEP * (x.T @ ((p - y) * share) / share.sum() + L2 * w)
    weights = {name: tuple(round(float(v), 5) for v in w[i]) for name, i in index.items()
               if np.abs(w[i]).max() >= 1e-4}
    trained_on = tuple(TRAINING_SETS) + (("casebook",) if CASEBOOK_USED else ())
    return StanceModel(CLASSES, weights, trained_on, FEATURES_VERSION, margin)


def accuracy(rows, predicted: list[int]) -> tuple[float, float, int]:
    """Stance accuracy (gold statements about negotiations) and about accuracy (all)."""
    stance = [p == t for (_, t, _), p in zip(rows, predicted) if t != 0]
    about = [(p != 0) == (t != 0) for (_, t, _), p in zip(rows, predicted)]
    return sum(stance) / max(len(stance), 1), sum(about) / max(len(about), 1), len(stance)


def predict(model: StanceModel, rows) -> list[int]:
    return [CLASSES.index(model.choose(found, CLASSES[rules])) for found, _, rules in rows]


def main() -> int:
    global L2, MIN_COUNT, CASEBOOK_USED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    parser.add_argument("--margin", type=float, default=MARGIN, help=f"the model's lead over the rules' class "
                        f"needed to change it (default {MARGIN})")
    parser.add_argument("--l2", type=float, default=L2, help=f"weight decay (default {L2})")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help=f"rarest feature kept (default {MIN_COUNT})")
    parser.add_argument("--casebook-weight", type=float, default=CASEBOOK_WEIGHT,
                        help=f"weight of each casebook sentence in training, 0 to leave them out (default "
                             f"{CASEBOOK_WEIGHT})")
    args = parser.parse_args()
    L2, MIN_COUNT, CASEBOOK_USED = args.l2, args.min_count, args.casebook_weight > 0
    by_set = {name: rows_of(name, directory) for name, directory in TRAINING_SETS.items()}
    extra = casebook_rows() if CASEBOOK_USED else []
    extra_weights = [args.casebook_weight] * len(extra)
    print(f"{'left out':10} {'n':>4}  rules stance/about   model stance/about")
    means = []
    for name, rows in by_set.items():
        train = [r for other, rs in by_set.items() if other != name for r in rs]
        model = fit(train + extra, args.margin, [1.0] * len(train) + extra_weights)
        rules = accuracy(rows, [r for _, _, r in rows])
        learned = accuracy(rows, predict(model, rows))
        means.append((rules, learned))
        print(f"{name:10} {rules[2]:4}  {rules[0]:.3f} / {rules[1]:.3f}        {learned[0]:.3f} / {learned[1]:.3f}")
    print(f"{'mean':10} {'':4}  {np.mean([r[0][0] for r in means]):.3f} / {np.mean([r[0][1] for r in means]):.3f}"
          f"        {np.mean([r[1][0] for r in means]):.3f} / {np.mean([r[1][1] for r in means]):.3f}")
    if args.check:
        return 0
    every = [r for rs in by_set.values() for r in rs]
    model = fit(every + extra, args.margin, [1.0] * len(every) + extra_weights)
    MODEL_PATH.write_text(json.dumps(model.to_dict(), sort_keys=True, separators=(",", ":")) + "\n",
                          encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}: {len(model.weights)} features, "
          f"{sum(len(rs) for rs in by_set.values()) + len(extra)} statements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
