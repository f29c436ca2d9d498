"""`onrecord evaluate`: both modes end to end on files written here, and one clear line on bad input.

(Lives under tests/evaluate/ because this helper owns the evaluation tests; it tests cli/evaluate_cmd.py.)
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from onrecord.cli import app

ARTICLE = (
    "Minister Rules Out Talks\n\n"
    "Foreign Minister Anna Koval said on Monday that talks were impossible while the troops stayed. "
    "\u201cWe are open to a ceasefire, but not now,\u201d she told Radio Vox.\n"
)
GOLD = {
    "id": "a",
    "statements": [
        {"speaker": "Anna Koval", "kind": "indirect", "text": "talks were impossible while the troops stayed",
         "cue": "said", "about_negotiations": True, "stance": "reject",
         "conditions": ["while the troops stayed"], "channel": None},
        {"speaker": "Anna Koval", "kind": "direct", "text": "We are open to a ceasefire, but not now,",
         "cue": "told", "about_negotiations": True, "stance": "reject", "conditions": [], "channel": "Radio Vox"},
    ],
    "contradictions": [],
}


def _run(*args: str):
    return CliRunner().invoke(app, ["evaluate", *args])


@pytest.fixture()
def dirs(tmp_path):
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (gold / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return articles, gold


@pytest.mark.slow
def test_evaluate_cmd_gold_json(dirs):
    articles, gold = dirs
    result = _run("--gold", str(gold), "--articles", str(articles), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 1 and data["tp"] + data["fn"] == 2
    assert [a["id"] for a in data["by_article"]] == ["a"]


@pytest.mark.slow
def test_evaluate_cmd_gold_table(dirs):
    articles, gold = dirs
    result = _run("--gold", str(gold), "--articles", str(articles))
    assert result.exit_code == 0, result.output
    assert "speaker accuracy" in result.stdout and "per article" in result.stdout


def _polnear(tmp_path):
    text = "Koval said talks were impossible. \u201cNot now,\u201d she told reporters."
    def sp(piece):
        i = text.index(piece)
        return {"start": i, "end": i + len(piece), "text": piece}
    quotes = [
        {"id": "E1", "type": "Attribution", "cue": sp("said"), "cue_fragments": [sp("said")],
         "sources": [sp("Koval")], "contents": [sp("talks were impossible")], "has_quote_marks": False},
        {"id": "E2", "type": "Attribution", "cue": sp("told"), "cue_fragments": [sp("told")],
         "sources": [sp("she")], "contents": [sp("Not now,")], "has_quote_marks": True},
    ]
    path = tmp_path / "polnear" / "mini.jsonl"
    path.parent.mkdir()
    path.write_text(json.dumps({"id": "p1", "title": "x", "publication_date": "2016-10-01", "text": text,
                                "quotes": quotes}) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("flags, scored", [([], 2), (["--quoted-only"], 1), (["--speech-only"], 2)])
def test_evaluate_cmd_polnear_json(tmp_path, flags, scored):
    path = _polnear(tmp_path)
    # --speech-only finds the verb list at ../ggt_quote_verb_list.txt from the PolNeAR file's folder
    (tmp_path / "ggt_quote_verb_list.txt").write_text("said\ntold\n", encoding="utf-8")
    result = _run("--polnear", str(path), "--json", *flags)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["tp"] + data["fn"] == scored and data["seconds"] is not None


@pytest.mark.parametrize(
    "make_args, message",
    [
        (lambda d: ["--gold", str(d / "nope"), "--articles", str(d / "articles")], "gold directory does not exist"),
        (lambda d: ["--gold", str(d / "gold"), "--articles", str(d / "nope")], "articles directory does not exist"),
        (lambda d: ["--gold", str(d / "gold"), "--articles", str(d / "empty")], "no article a.*"),
        (lambda d: ["--gold", str(d / "bad"), "--articles", str(d / "articles")], "not valid JSON"),
        (lambda d: ["--gold", str(d / "gold")], "give --gold DIR and --articles DIR"),
        (lambda d: ["--polnear", str(d / "p.jsonl"), "--gold", str(d / "gold")], "not both"),
        (lambda d: ["--gold", str(d / "gold"), "--articles", str(d / "articles"), "--speech-only"], "--polnear only"),
        (lambda d: ["--polnear", str(d / "p.jsonl")], "cannot read the PolNeAR file"),
        (lambda d: ["--polnear", str(d / "articles" / "a.txt")], "not PolNeAR JSONL"),
        (lambda d: ["--polnear", str(d / "articles" / "a.txt"), "--speech-only"], "speech-verb list"),
    ],
)
def test_evaluate_cmd_bad_input_is_one_line_and_exit_1(tmp_path, dirs, make_args, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.json").write_text("{not json", encoding="utf-8")
    result = _run(*make_args(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
