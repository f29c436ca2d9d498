"""Gold files: loading, validation errors, and locating gold text in the article."""

from __future__ import annotations

import json

import pytest

from onrecord.errors import InputError
from onrecord.evaluate.gold import GoldArticle, GoldStatement, load_gold_dir, load_gold_file, locate_gold


def _statement(text: str, **extra) -> dict:
    return {"speaker": "Anna Koval", "kind": "direct", "text": text, **extra}


def _write(path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_gold_load_fills_defaults(tmp_path):
    _write(tmp_path / "a.json", {"id": "a", "statements": [_statement("We wait.")]})
    gold = load_gold_file(tmp_path / "a.json")
    s = gold.statements[0]
    assert (gold.id, s.zone, s.stance, s.conditions, s.about_negotiations, s.channel) == ("a", "body", None, (), False, None)
    assert gold.contradictions == ()


def test_gold_load_dir_ids_are_paths_below_the_dir(tmp_path):
    _write(tmp_path / "x" / "b.json", {"statements": []})
    _write(tmp_path / "a.json", {"statements": [_statement("Yes.")], "contradictions": []})
    (tmp_path / "README.md").write_text("not gold", encoding="utf-8")
    assert [g.id for g in load_gold_dir(tmp_path)] == ["a", "x/b"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        (json.dumps([1, 2]), "'statements' list"),
        (json.dumps({"statements": [_statement("x", kind="quoted")]}), "kind 'quoted'"),
        (json.dumps({"statements": [_statement("x", zone="footer")]}), "zone 'footer'"),
        (json.dumps({"statements": [_statement("x", stance="maybe")]}), "stance 'maybe'"),
        (json.dumps({"statements": [_statement("")]}), "'text' must be a non-empty string"),
        (json.dumps({"statements": [_statement("x", conditions="if")]}), "'conditions' must be a list"),
        (json.dumps({"statements": [_statement("x")], "contradictions": [{"a": 0, "b": 3}]}), "must index statements"),
    ],
)
def test_gold_load_rejects_malformed_files_naming_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_gold_file(path)
    assert message in str(info.value) and str(path) in str(info.value)


def test_gold_load_dir_missing_is_an_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_gold_dir(tmp_path / "nope")


def _gold(*statements: GoldStatement) -> GoldArticle:
    return GoldArticle(id="t", path="t.json", statements=statements)


TEXT = '"We wait," Koval said. Later: "We wait," Petrenko said, "if the shelling stops." Koval: "We wait."'


@pytest.mark.parametrize(
    "texts, starts",
    [
        # the second "We wait" follows the first in gold order, so the second occurrence is chosen
        (["We wait", "We wait"], [1, 31]),
        (["We wait", "if the shelling stops", "We wait"], [1, 57, 89]),
        # a single statement takes the first occurrence
        (["We wait."], [89]),
    ],
)
def test_gold_locate_repeated_text_in_gold_order(texts, starts):
    located = locate_gold(_gold(*(GoldStatement(speaker="A", kind="direct", text=t) for t in texts)), TEXT)
    assert [l.span.start for l in located] == starts
    assert all(TEXT[l.span.start : l.span.end] == l.span.text for l in located)


def test_gold_locate_falls_back_to_the_nearest_earlier_occurrence():
    statements = [GoldStatement(speaker="A", kind="direct", text=t) for t in ("if the shelling stops", "We wait,")]
    # "We wait," occurs at 1 and 31, both before the previous statement (57): the nearer one, 31, is chosen
    assert [l.span.start for l in locate_gold(_gold(*statements), TEXT)] == [57, 31]


def test_gold_locate_condition_inside_its_statement():
    text = "if the shelling stops. Petrenko said talks can start if the shelling stops."
    statement = GoldStatement(speaker="A", kind="indirect", text="talks can start if the shelling stops",
                              conditions=("if the shelling stops",))
    (located,) = locate_gold(_gold(statement), text)
    assert located.conditions[0].start == text.rindex("if the shelling stops")


@pytest.mark.parametrize(
    "statement, message",
    [
        (GoldStatement(speaker="A", kind="direct", text="We never wait"), "does not occur"),
        (GoldStatement(speaker="A", kind="direct", text="We wait", conditions=("unless",)), "condition 'unless'"),
    ],
)
def test_gold_locate_missing_text_is_an_error(statement, message):
    with pytest.raises(InputError, match=message):
        locate_gold(_gold(statement), TEXT)
