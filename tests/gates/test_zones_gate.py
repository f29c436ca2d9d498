"""Zone quality gate: per-kind character precision / recall must not drop below the floors pinned in
``zones_floors.json``.

Two corpora: (a) the shared examples (``../shared/examples`` with ``../shared/gold``), (b) the repository's own
examples (``examples/articles`` with gold in ``examples/gold/NAME.json``; every gold file present is used).
Each corpus is zoned as one run, so the cross-document memory sees all its articles (as ``onrecord zones``
does). A floor is only raised, or lowered by an explicit, explained edit of the JSON file.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from onrecord.evaluate.zones import aggregate_zone_counts, count_zones
from onrecord.records import Article
from onrecord.zones import BoilerplateMemory, find_zones

from conftest import EXAMPLES, require_shared

FLOORS = json.loads((Path(__file__).with_name("zones_floors.json")).read_text(encoding="utf-8"))


def _read_example(path: Path) -> Article | str:
    """The article, or the reason it cannot be read yet."""
    if path.suffix == ".txt":
        try:
            return Article(id=path.stem, text=path.read_text(encoding="utf-8"), source=str(path))
        except UnicodeDecodeError:
            pass
    from onrecord.read import read_paths

    try:
        items = list(read_paths([str(path)]))
    except NotImplementedError:
        return f"{path.name}: onrecord.read.read_paths is not implemented yet"
    articles = [a for a in items if isinstance(a, Article)]
    if len(articles) != 1:
        return f"{path.name}: read_paths gave {items!r}"
    return articles[0]


def _score(pairs: list[tuple[Article, list[dict]]]) -> dict[str, dict]:
    memory = BoilerplateMemory.from_articles(a for a, _ in pairs)
    return aggregate_zone_counts(count_zones(a.text, find_zones(a, memory), gold) for a, gold in pairs)


def _shared_pairs() -> list[tuple[Article, list[dict]]]:
    examples, gold_dir = require_shared("examples"), require_shared("gold")
    pairs = []
    for path in sorted(examples.glob("*.txt")):
        gold = json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        if "zones" in gold:
            pairs.append((Article(id=path.stem, text=path.read_text(encoding="utf-8")), gold["zones"]))
    return pairs


def _example_pairs() -> tuple[list[tuple[Article, list[dict]]], list[str]]:
    pairs, skipped = [], []
    for gold_path in sorted((EXAMPLES / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if "zones" not in gold:
            continue
        candidates = sorted((EXAMPLES / "articles").glob(f"{gold_path.stem}.*"))
        if not candidates:
            skipped.append(f"{gold_path.name}: no article named {gold_path.stem}.* in examples/articles")
            continue
        article = _read_example(candidates[0])
        if isinstance(article, str):
            skipped.append(article)
        else:
            pairs.append((article, gold["zones"]))
    return pairs, skipped


def _check(figures: dict[str, dict], floors: dict[str, dict]) -> list[str]:
    drops = []
    for kind, pinned in floors.items():
        for metric, floor in pinned.items():
            value = figures.get(kind, {}).get(metric)
            if value is None or value < floor:
                drops.append(f"{kind} {metric}: {value} < floor {floor}")
    return drops


def measured(figures: dict[str, dict]) -> dict[str, dict]:
    """The figures as they would be pinned: rounded down to two decimals."""
    return {kind: {m: math.floor(v[m] * 100) / 100 for m in ("precision", "recall") if v[m] is not None}
            for kind, v in figures.items()}


@pytest.mark.shared
def test_zones_gate_shared_examples():
    pairs = _shared_pairs()
    assert pairs, "the shared gold files have no zones"
    assert _check(_score(pairs), FLOORS["shared"]) == []


def test_zones_gate_repository_examples():
    pairs, skipped = _example_pairs()
    if not pairs:
        reason = "no examples/gold/*.json with zones and a readable article" + (f" ({'; '.join(skipped)})" if skipped else "")
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    figures = _score(pairs)
    assert _check(figures, FLOORS["examples"]) == [], f"measured {measured(figures)}; skipped {skipped}"
