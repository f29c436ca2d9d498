"""Print the attribution gate's figures now (PolNeAR dev all / speech-only / quoted-only, the shared examples,
the repository examples, the held-out sets in tests/data/heldout*), and with --pin write them, rounded down to two decimals, as the floors in
tests/gates/attribution_floors.json. A floor is only raised this way; lowering one is an explained hand edit.

    .venv/bin/python scripts/measure_gates.py [--pin] [--sets NAME ...]

``--sets`` measures (and pins) only the corpora named (polnear_dev, shared_examples, repo_examples, heldout,
heldout2, dev4 ...; an unknown name is an error): a newly read set can be pinned without scoring the sets kept
for the end of a session.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLOORS = REPO / "tests" / "gates" / "attribution_floors.json"
HELDOUT = REPO / "tests" / "data" / "heldout"
HELDOUT2 = REPO / "tests" / "data" / "heldout2"  # read for error analysis since session 3 (a development set)
HELDOUT3 = REPO / "tests" / "data" / "heldout3"  # scored only: never read it while writing rules
DEV_SETS = ("dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16",
            "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25",
            "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35", "dev36")  # written like the held-out sets, scored once unread, then
# read (dev11, dev15, dev23, dev30, dev34, dev36: not yet)
POLNEAR_KEYS = ("f1", "precision", "recall", "speaker_accuracy")
GOLD_KEYS = ("f1", "precision", "recall", "speaker_accuracy", "kind_accuracy", "about_negotiations_accuracy",
             "stance_accuracy", "channel_accuracy", "condition_recall", "contradiction_recall",
             "contradiction_precision")


def measure(only: set[str] | None = None) -> dict:
    """The figures of every corpus, or of the corpora named in ``only``."""
    from onrecord import analyze_many
    from onrecord.evaluate import load_polnear, load_speech_verbs, score_gold, score_polnear

    out: dict = {}
    if only is None or "polnear_dev" in only:
        articles = load_polnear(SHARED / "data" / "polnear" / "polnear_dev.jsonl")
        verbs = load_speech_verbs(SHARED / "data" / "ggt_quote_verb_list.txt")
        analyses = analyze_many([a.as_input() for a in articles])
        out["polnear_dev"] = {}
        for label, kw in (("all", {}), ("speech_only", {"speech_only": True}), ("quoted_only", {"quoted_only": True})):
            fig = score_polnear(articles, analyses, verbs=verbs, **kw).figures()
            out["polnear_dev"][label] = {k: fig[k] for k in POLNEAR_KEYS}
    for name, arts, gold, meta in (("shared_examples", SHARED / "examples", SHARED / "gold", None),
                                   ("repo_examples", REPO / "examples" / "articles", REPO / "examples" / "gold",
                                    REPO / "examples" / "meta.json"),
                                   ("heldout", HELDOUT / "articles", HELDOUT / "gold", HELDOUT / "meta.json"),
                                   ("heldout2", HELDOUT2 / "articles", HELDOUT2 / "gold", HELDOUT2 / "meta.json"),
                                   ("heldout3", HELDOUT3 / "articles", HELDOUT3 / "gold", HELDOUT3 / "meta.json"),
                                   *((name, REPO / "tests" / "data" / name / "articles", REPO / "tests" / "data" / name
                                      / "gold", REPO / "tests" / "data" / name / "meta.json") for name in DEV_SETS)):
        if only is not None and name not in only:
            continue
        fig = score_gold(arts, gold, json.loads(meta.read_text(encoding="utf-8")) if meta else None).figures()
        out[name] = {k: fig[k] for k in GOLD_KEYS}
    return out


def floor2(value: float | None) -> float:
    return 0.0 if value is None else math.floor(value * 100) / 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pin", action="store_true", help="raise the floors to today's figures")
    parser.add_argument("--sets", nargs="+", metavar="NAME", help="measure only these corpora (default: all)")
    args = parser.parse_args()
    known = {"polnear_dev", "shared_examples", "repo_examples", "heldout", "heldout2", "heldout3", *DEV_SETS}
    unknown = sorted(set(args.sets or ()) - known)
    if unknown:
        print(f"measure_gates: unknown corpus {', '.join(unknown)}: choose from {', '.join(sorted(known))}",
              file=sys.stderr)
        return 2
    if not SHARED.exists():
        print(f"measure_gates: {SHARED} is absent: put ../shared beside the repository", file=sys.stderr)
        return 1
    figures = measure(set(args.sets) if args.sets else None)
    print(json.dumps(figures, indent=1))
    if args.pin:
        floors = json.loads(FLOORS.read_text(encoding="utf-8"))
        for corpus, block in figures.items():
            groups = block.items() if corpus == "polnear_dev" else [(None, block)]
            for label, figs in groups:
                target = floors.setdefault(corpus, {})
                if label is not None:
                    target = target.setdefault(label, {})
                for key, value in figs.items():
                    target[key] = max(target.get(key, 0.0), floor2(value))
        FLOORS.write_text(json.dumps(floors, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"floors written to {FLOORS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
