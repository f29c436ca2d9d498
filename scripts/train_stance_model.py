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

from onrecord.evaluate.gold import load_gold_dir  # noqa: E402
from onrecord.evaluate.gold_scoring import match_gold, pair_gold_with_articles  # noqa: E402
from onrecord.options import Options  # noqa: E402
from onrecord.pipeline import analyze_many  # noqa: E402
from onrecord.stance.learned import CLASSES, FEATURES_VERSION, StanceModel, features, label_of  # noqa: E402

# The read sets (README, "Evaluation sets"): name -> directory holding articles/, gold/ and meta.json.
TRAINING_SETS = {
    "examples": ROOT / "examples",
    **{name: ROOT / "tests" / "data" / name
       for name in ("heldout", "heldout2", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev12", "dev13", "dev14", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev31", "dev32", "dev33")},
}
L2 = 0.003
ITERATIONS = 300
STEP = 0.5
MIN_COUNT = 3
MARGIN = 0.0
CASEBOOK_WEIGHT = 0.25
MODEL_PATH = ROOT / "src" / "onrecord" / "data" / "stance_model.json"
# One training row: the features of a statement read by the rules, the gold class, the rules' class.
Row = tuple[dict[str, float], int, int]


def paired_set(directory: Path) -> list:
    """(gold, article) of each gold file of a set (``directory`` with gold/, articles/ and meta.json)."""
    meta_path = directory / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else None
    return pair_gold_with_articles(load_gold_dir(directory / "gold"), directory / "articles", meta)


def rows_of(name: str, directory: Path) -> list[Row]:
    """(features, gold class, rules' class) for each scored gold statement a prediction matched."""
    paired = paired_set(directory)
    analyses = analyze_many([article for _, article in paired], Options(stance_model=False, pair_model=False))
    rows = []
    for (gold, _), analysis in zip(paired, analyses):
        for g, p in match_gold(gold, analysis).scored():  # the scorer's own matching
            target = CLASSES.index(g.gold.stance if g.gold.about_negotiations and g.gold.stance else "null")
            rows.append((features(p, analysis.article.text), target, CLASSES.index(label_of(p))))
    return rows


def casebook_rows() -> list[Row]:
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


def fit(rows: list[Row], weights: list[float], trained_on: tuple[str, ...], margin: float = MARGIN,
        l2: float = L2, min_count: int = MIN_COUNT) -> StanceModel:
    """Multinomial logistic regression by gradient descent from zero; ``weights``: one per row."""
    index, x = design(rows, min_count)
    y = np.eye(len(CLASSES))[[target for _, target, _ in rows]]
    w = np.zeros((len(index), len(CLASSES)))
    share = np.array(weights, dtype=float)[:, None]
    for _ in range(ITERATIONS):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        w -= STEP * (x.T @ ((p - y) * share) / share.sum() + l2 * w)
    kept = {name: tuple(round(float(v), 5) for v in w[i]) for name, i in index.items()
            if np.abs(w[i]).max() >= 1e-4}
    return StanceModel(CLASSES, kept, trained_on, FEATURES_VERSION, margin)


def design(rows: list, min_count: int) -> tuple[dict[str, int], np.ndarray]:
    """The features seen in at least ``min_count`` rows (name -> column) and the rows' matrix over them; a row is
    (features, target, ...)."""
    counts = Counter(name for found, *_ in rows for name in found)
    vocab = sorted(name for name, n in counts.items() if n >= min_count)
    index = {name: i for i, name in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for i, (found, *_) in enumerate(rows):
        for name, value in found.items():
            if name in index:
                x[i, index[name]] = value
    return index, x


def load_training(casebook_weight: float = CASEBOOK_WEIGHT) -> tuple[dict[str, list[Row]], list[Row]]:
    """The rows of each training set, and the casebook's (none when its weight is 0)."""
    by_set = {name: rows_of(name, directory) for name, directory in TRAINING_SETS.items()}
    return by_set, casebook_rows() if casebook_weight > 0 else []


def train(by_set: dict[str, list[Row]], casebook: list[Row], casebook_weight: float = CASEBOOK_WEIGHT,
          leave_out: str | None = None, **settings: float) -> StanceModel:
    """The model trained on every set but ``leave_out`` and the casebook at ``casebook_weight``; ``settings``:
    ``margin``, ``l2``, ``min_count`` for :func:`fit`."""
    rows = [r for name, rs in by_set.items() if name != leave_out for r in rs]
    trained_on = tuple(TRAINING_SETS) + (("casebook",) if casebook else ())
    return fit(rows + casebook, [1.0] * len(rows) + [casebook_weight] * len(casebook), trained_on, **settings)


def accuracy(rows, predicted: list[int]) -> tuple[float, float, int]:
    """Stance accuracy (gold statements about negotiations) and about accuracy (all)."""
    stance = [p == t for (_, t, _), p in zip(rows, predicted) if t != 0]
    about = [(p != 0) == (t != 0) for (_, t, _), p in zip(rows, predicted)]
    return sum(stance) / max(len(stance), 1), sum(about) / max(len(about), 1), len(stance)


def predict(model: StanceModel, rows) -> list[int]:
    return [CLASSES.index(model.choose(found, CLASSES[rules])) for found, _, rules in rows]


def main() -> int:
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
    settings = {"margin": args.margin, "l2": args.l2, "min_count": args.min_count}
    by_set, casebook = load_training(args.casebook_weight)
    print(f"{'left out':10} {'n':>4}  rules stance/about   model stance/about")
    means = []
    for name, rows in by_set.items():
        model = train(by_set, casebook, args.casebook_weight, leave_out=name, **settings)
        rules = accuracy(rows, [r for _, _, r in rows])
        learned = accuracy(rows, predict(model, rows))
        means.append((rules, learned))
        print(f"{name:10} {rules[2]:4}  {rules[0]:.3f} / {rules[1]:.3f}        {learned[0]:.3f} / {learned[1]:.3f}")
    print(f"{'mean':10} {'':4}  {np.mean([r[0][0] for r in means]):.3f} / {np.mean([r[0][1] for r in means]):.3f}"
          f"        {np.mean([r[1][0] for r in means]):.3f} / {np.mean([r[1][1] for r in means]):.3f}")
    if args.check:
        return 0
    model = train(by_set, casebook, args.casebook_weight, **settings)
    MODEL_PATH.write_text(json.dumps(model.to_dict(), sort_keys=True, separators=(",", ":")) + "\n",
                          encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)}: {len(model.weights)} features, "
          f"{sum(len(rs) for rs in by_set.values()) + len(casebook)} statements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
