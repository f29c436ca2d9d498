"""The learned second reading of stance (``onrecord/stance/learned.py``): its features, how it revises the rules'
reading, the packaged weights, and the option that turns it off (real spaCy parse, real analyses)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import onrecord
from onrecord.errors import OnrecordError
from onrecord.options import Options
from onrecord.records import Span, Statement
from onrecord.stance.learned import (CLASSES, FEATURES_VERSION, StanceModel, features, label_of, load_stance_model,
                                     revise, sentence_around)

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("Talks in Geneva stalled again on Monday.\n\nThe minister said Valdora would never sign the framework "
        "until the guns fall silent. Others disagreed.\n")


def _statement(words: str, stance: str | None = "open", conditions: tuple[Span, ...] = ()) -> Statement:
    start = TEXT.index(words)
    return Statement("s1", "indirect", words, start, start + len(words), about_negotiations=stance is not None,
                     stance=stance, counterpart="Ruritania" if stance else None, conditions=conditions)


def _condition(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


def _model(weights: dict[str, dict[str, float]], margin: float = 0.0) -> StanceModel:
    """A model whose features push classes by hand: {feature: {class: weight}}."""
    rows = {name: tuple(push.get(c, 0.0) for c in CLASSES) for name, push in weights.items()}
    return StanceModel(CLASSES, rows, ("written for this test",), FEATURES_VERSION, margin)


STATEMENT = "Valdora would never sign the framework until the guns fall silent"


def test_the_sentence_around_a_statement_is_its_sentence_of_the_text():
    statement = _statement(STATEMENT)
    around = sentence_around(statement, TEXT)
    assert around in TEXT and STATEMENT in around
    assert around.startswith("The minister said") and "Talks in Geneva" not in around and "Others" not in around


def test_features_are_the_rules_reading_and_the_words():
    found = features(_statement(STATEMENT, "open"), TEXT)
    assert found["rules=open"] == 1.0 and found["kind=indirect"] == 1.0 and found["bias"] == 1.0
    assert "w:never" in found and "ww:never_sign" in found
    assert "s:minister" in found and "s:never" not in found  # the sentence's other words only
    assert "rules_terms" not in found
    assert "rules_terms" in features(_statement(STATEMENT, "reject", (_condition("until the guns fall silent"),)),
                                     TEXT)
    assert features(_statement(STATEMENT, None), TEXT)["rules=null"] == 1.0


def test_label_of_reads_null_for_a_statement_not_about_negotiations():
    assert label_of(_statement(STATEMENT, None)) == "null"
    assert label_of(_statement(STATEMENT, "reject")) == "reject"


def test_revise_takes_the_models_class_and_says_so():
    model = _model({"w:never": {"reject": 5.0}})
    warnings: list[str] = []
    (out,) = revise([_statement(STATEMENT, "open")], TEXT, warnings, model)
    assert out.stance == "reject" and out.about_negotiations and out.counterpart == "Ruritania"
    assert warnings == ["statement s1: stance revised by the learned model: reject (rules: open)"]


def test_revise_leaves_a_statement_the_model_agrees_with_untouched():
    model = _model({"w:never": {"reject": 5.0}})
    warnings: list[str] = []
    statement = _statement(STATEMENT, "reject", (_condition("until the guns fall silent"),))
    assert revise([statement], TEXT, warnings, model) == [statement] and warnings == []


def test_revise_to_not_about_negotiations_clears_the_negotiation_fields():
    model = _model({"bias": {"null": 5.0}})
    warnings: list[str] = []
    (out,) = revise([_statement(STATEMENT, "reject", (_condition("until the guns fall silent"),))], TEXT, warnings,
                    model)
    assert (out.about_negotiations, out.stance, out.counterpart, out.conditions) == (False, None, None, ())
    assert "not about negotiations (rules: reject)" in warnings[0]


def test_terms_stay_only_under_reject_or_conditional():
    terms = (_condition("until the guns fall silent"),)
    to_conditional = revise([_statement(STATEMENT, "reject", terms)], TEXT, [],
                            _model({"bias": {"conditional": 5.0}}))[0]
    to_open = revise([_statement(STATEMENT, "reject", terms)], TEXT, [], _model({"bias": {"open": 5.0}}))[0]
    assert to_conditional.conditions == terms and to_open.conditions == ()


def test_the_margin_keeps_the_rules_class_on_a_close_call():
    close = {"w:never": {"reject": 0.2}}
    assert revise([_statement(STATEMENT, "open")], TEXT, [], _model(close, margin=0.5))[0].stance == "open"
    assert revise([_statement(STATEMENT, "open")], TEXT, [], _model(close, margin=0.0))[0].stance == "reject"


@pytest.mark.parametrize(("raw", "problem"), [
    ({"weights": {}}, "not a stance model"),
    ({"classes": ["yes", "no"], "weights": {}, "features_version": FEATURES_VERSION}, "do not match"),
    ({"classes": list(CLASSES), "weights": {"bias": [1.0]}, "features_version": FEATURES_VERSION}, "do not match"),
    ({"classes": list(CLASSES), "weights": {}, "features_version": FEATURES_VERSION + 1}, "features version"),
])
def test_a_broken_model_file_says_how_to_fix_it(raw, problem):
    with pytest.raises(OnrecordError, match=problem) as caught:
        StanceModel.from_dict(raw, "model.json")
    assert "model.json" in str(caught.value) and "retrain" in str(caught.value)


def test_the_packaged_model_round_trips_and_never_trained_on_the_sets_kept_for_measuring():
    model = load_stance_model()
    assert model.classes == CLASSES and model.features_version == FEATURES_VERSION
    assert StanceModel.from_dict(json.loads(json.dumps(model.to_dict()))) == model
    assert model.trained_on and not {"heldout3", "dev11", "dev15", "dev23", "dev30", "dev34", "dev36"} & set(model.trained_on)  # the unread sets
    for name in model.trained_on:  # every set it learnt from is one the README lists as read
        assert name in ("examples", "casebook") or (ROOT / "tests" / "data" / name / "gold").is_dir()


ARTICLE = ("KESSRA, May 4 -\n\nPeace talks between Valdoria and the northern rebels were due to resume in Geneva, "
           "the mediators said.\n\n“We will not sit at the table while the shelling goes on,” Foreign Minister "
           "Ana Velic told reporters.\n\nThe rebels' spokesman said the movement was ready to attend the next round "
           "if the prisoners were released first.\n\nAsked about the talks, the envoy said the weather had been "
           "kind to the delegations.\n")


def test_the_pipeline_takes_the_models_reading_unless_rules_only(monkeypatch):
    import onrecord.stance.learned as learned

    rules = onrecord.analyze(ARTICLE, id="t", language="en", options=Options(stance_model=False))
    assert not any("learned model" in w for w in rules.warnings)
    monkeypatch.setattr(learned, "load_stance_model", lambda: _model({"bias": {"neutral": 9.0}}))
    revised = onrecord.analyze(ARTICLE, id="t", language="en")
    assert [s.id for s in revised.statements] == [s.id for s in rules.statements]
    assert all(s.stance == "neutral" and s.about_negotiations for s in revised.statements)
    changed = {s.id for s in rules.statements if label_of(s) != "neutral"}
    assert changed  # the rules read a refusal and a conditional here
    assert {w.split(":")[0].removeprefix("statement ") for w in revised.warnings if "learned model" in w} == changed
    assert onrecord.analyze(ARTICLE, id="t", language="en", options=Options(stance_model=False)) == rules


def test_terms_are_looked_for_where_the_model_reads_terms_the_rules_did_not_see():
    unless = _condition("until the guns fall silent")
    asked: list[str] = []

    def terms(statement, stance):
        asked.append(stance)
        return [unless, Span(0, 4, "not the text here")]  # the second is off the text: dropped

    to_reject = _model({"bias": {"reject": 5.0}})
    (out,) = revise([_statement(STATEMENT, None)], TEXT, [], to_reject, terms)
    assert out.stance == "reject" and out.conditions == (unless,) and asked == ["reject"]
    kept = _condition("never sign the framework")
    (out,) = revise([_statement(STATEMENT, "conditional", (kept,))], TEXT, [], to_reject, terms)
    assert out.conditions == (kept,) and asked == ["reject"]  # the rules' terms stand; no second look
    (out,) = revise([_statement(STATEMENT, None)], TEXT, [], _model({"bias": {"open": 5.0}}), terms)
    assert out.conditions == () and asked == ["reject"]


@pytest.mark.parametrize(("sentence", "statement", "stance", "term"), [
    ("The minister said that unless the border posts were dismantled, Valdora would send nobody back to Geneva.",
     "unless the border posts were dismantled, Valdora would send nobody back to Geneva",
     "reject", "unless the border posts were dismantled"),
    ("The envoy said the first convoys could cross in May, provided the checkpoints stayed open at night.",
     "the first convoys could cross in May, provided the checkpoints stayed open at night",
     "conditional", "provided the checkpoints stayed open at night"),
])
def test_terms_in_finds_the_condition_clauses_of_the_statements_own_words(sentence, statement, stance, term):
    from onrecord.nlp import Block, load_model
    from onrecord.stance import terms_in

    start = sentence.index(statement)
    found = terms_in(Statement("s1", "indirect", statement, start, start + len(statement)),
                     [Block(load_model()(sentence), 0, "body")], stance)
    assert [(c.text, sentence[c.start:c.end]) for c in found] == [(term, term)]


def test_the_pipeline_gives_terms_to_a_statement_the_model_moves_to_reject(monkeypatch):
    import onrecord.stance.learned as learned

    text = ("KESSRA, May 4 -\n\nThe interior minister said that unless the border posts were dismantled, Valdora "
            "would send nobody back to the lake villages.\n")
    rules = onrecord.analyze(text, id="t", language="en", options=Options(stance_model=False))
    (before,) = [s for s in rules.statements if "unless" in s.text]
    assert before.conditions == ()  # the rules see no talks here
    monkeypatch.setattr(learned, "load_stance_model", lambda: _model({"bias": {"reject": 9.0}}))
    (after,) = [s for s in onrecord.analyze(text, id="t", language="en").statements if "unless" in s.text]
    assert after.stance == "reject"
    assert [c.text for c in after.conditions] == ["unless the border posts were dismantled"]


# The model's known errors on sentences written for the rules (the rules alone read them right: see
# test_follow_on, test_preconditions_for_talks, test_review_session4): strict, so a retrained model that reads
# them right makes these fail until they are moved to the passing tests.
KNOWN_MODEL_ERRORS = [
    ("VALDORA, May 4 -\n\nPeace talks between the government and the northern rebels were due to resume in "
     "Geneva, the mediators said.\n\nThe government spokesman said that the government had suspended the talks.\n",
     "had suspended", "reject"),
    # read right by the model trained with dev13, wrong again with dev14: it flaps between retrainings
    ("“Freedonia has no preconditions,” the minister said. The envoy said Sylvania had two preconditions for "
     "any talks.", "two preconditions", "conditional"),
]


@pytest.mark.xfail(strict=True, reason="a known error of the learned model: the rules read it right")
@pytest.mark.parametrize(("text", "words", "stance"), KNOWN_MODEL_ERRORS)
def test_known_errors_of_the_learned_model(text, words, stance):
    (statement,) = [s for s in onrecord.analyze(text, id="t", language="en").statements if words in s.text]
    assert statement.stance == stance


@pytest.mark.parametrize(("text", "words", "stance"), KNOWN_MODEL_ERRORS)
def test_the_rules_alone_read_the_known_model_errors_right(text, words, stance):
    rules = onrecord.analyze(text, id="t", language="en", options=Options(stance_model=False))
    (statement,) = [s for s in rules.statements if words in s.text]
    assert statement.stance == stance


@pytest.mark.slow
def test_the_packaged_model_is_what_training_on_the_current_rules_gives():
    """Retraining (scripts/train_stance_model.py, about 15 s) on today's rules gives the packaged weights: a
    change to the rules without a retrained model fails here ("retrain: .venv/bin/python
    scripts/train_stance_model.py")."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_stance_model", ROOT / "scripts" / "train_stance_model.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    by_set, extra = train.load_training()
    rows = [r for rs in by_set.values() for r in rs]
    fresh = train.train(by_set, extra)
    packaged = load_stance_model()
    advice = "the packaged model is stale: retrain with .venv/bin/python scripts/train_stance_model.py"
    assert fresh.trained_on == packaged.trained_on, advice
    assert train.predict(fresh, rows + extra) == train.predict(packaged, rows + extra), advice
    common = set(fresh.weights) & set(packaged.weights)
    assert len(common) >= 0.99 * max(len(fresh.weights), len(packaged.weights)), advice
    assert max(abs(a - b) for name in common for a, b in zip(fresh.weights[name], packaged.weights[name])) < 1e-3, \
        advice


@pytest.mark.parametrize(("content", "problem"), [
    (None, "missing"),
    (b"{not json", "not readable JSON"),
    (b"\xff\xfe\x00garbage", "not readable JSON"),
    (b'{"classes": ["null"], "weights": {}}', "do not match"),
])
def test_a_bad_model_file_is_one_error_naming_the_file(tmp_path, content, problem):
    from onrecord.stance.learned import read_stance_model

    path = tmp_path / "stance_model.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(OnrecordError, match=problem) as caught:
        read_stance_model(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
