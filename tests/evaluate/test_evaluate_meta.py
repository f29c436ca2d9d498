"""`onrecord evaluate --meta`: the articles' dates reach the analysis (relative dates resolve)."""

from __future__ import annotations

import json
import subprocess
import sys


def _write(tmp_path, meta: dict | None):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    text = ("Envoys Meet Again\n\nForeign Minister Anna Berg said on Monday that talks with the rebels would "
            "resume next week.\n")
    (tmp_path / "articles" / "a1.txt").write_text(text, encoding="utf-8")
    gold = {"id": "a1", "statements": [{"speaker": "Anna Berg", "kind": "indirect",
                                         "text": "talks with the rebels would resume next week",
                                         "about_negotiations": True, "stance": "neutral"}],
            "contradictions": []}
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(gold), encoding="utf-8")
    if meta is not None:
        (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _evaluate(tmp_path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "onrecord", "evaluate", "--gold", str(tmp_path / "gold"),
                           "--articles", str(tmp_path / "articles"), "--json", *extra],
                          capture_output=True, text=True, timeout=300)


def test_evaluate_meta_reaches_the_articles(tmp_path):
    from onrecord.evaluate.gold_scoring import pair_gold_with_articles
    from onrecord.evaluate import load_gold_dir

    _write(tmp_path, {"a1": {"published": "2025-03-05", "outlet": "Example Wire"}})
    (pair,) = pair_gold_with_articles(load_gold_dir(tmp_path / "gold"), tmp_path / "articles",
                                      json.loads((tmp_path / "meta.json").read_text()))
    assert str(pair[1].published) == "2025-03-05" and pair[1].outlet == "Example Wire"
    done = _evaluate(tmp_path, "--meta", str(tmp_path / "meta.json"))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tp"] == 1


def test_evaluate_meta_bad_date_is_one_line_and_exit_1(tmp_path):
    _write(tmp_path, {"a1": {"published": "March 5th"}})
    done = _evaluate(tmp_path, "--meta", str(tmp_path / "meta.json"))
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "a1" in lines[0] and "YYYY-MM-DD" in lines[0]


def test_evaluate_meta_missing_or_not_json_is_one_line_and_exit_nonzero(tmp_path):
    _write(tmp_path, None)
    missing = _evaluate(tmp_path, "--meta", str(tmp_path / "nope.json"))
    assert missing.returncode != 0 and "nope.json:nosuchfile" in _flat(missing.stderr)
    (tmp_path / "bad.json").write_text("[1, 2", encoding="utf-8")
    bad = _evaluate(tmp_path, "--meta", str(tmp_path / "bad.json"))
    assert bad.returncode != 0 and "bad.json:notaJSONobject" in _flat(bad.stderr)


def _flat(stderr: str) -> str:
    """The message of typer's error box without its frame, wrapping or spaces (the box wraps long paths)."""
    return "".join(line.strip(" │╭╮╰╯─") for line in stderr.splitlines()).replace(" ", "")


def test_evaluate_meta_with_polnear_is_refused(tmp_path):
    _write(tmp_path, {"a1": {"published": "2025-03-05"}})
    done = subprocess.run([sys.executable, "-m", "onrecord", "evaluate", "--polnear", str(tmp_path / "x.jsonl"),
                           "--meta", str(tmp_path / "meta.json")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "--meta applies to --gold DIR --articles DIR only" in done.stderr
