"""The learned second reading of contradictions (``onrecord/learned_pairs.py``): its features, how it keeps and
drops pairs, the packaged weights, and the option that turns it off (real spaCy parse, real analyses)."""

from __future__ import annotations

import json

import pytest

from onrecord import analyze
from onrecord.contradictions import candidates, find_contradictions, kind_of
from onrecord.errors import OnrecordError
from onrecord.learned_pairs import FEATURES_VERSION, PairModel, load_pair_model, pair_features, relation
from onrecord.options import Options
from onrecord.records import Span, Speaker, Statement

TEXT = ("The army chief said there would be no talks until the rebels hand over their rifles. "
        "The rebel commander said his fighters would never hand over a single rifle. "
        "The defence minister said the army was ready to meet the rebels at any time.")


def placed(sid: str, words: str, name: str, side: str | None, stance: str | None,
           conditions: tuple[str, ...] = ()) -> Statement:
    start = TEXT.index(words)
    spans = tuple(Span(TEXT.index(c), TEXT.index(c) + len(c), c) for c in conditions)
    return Statement(sid, "indirect", words, start, start + len(words), speaker=Speaker(name=name, affiliation=side),
                     about_negotiations=stance is not None, stance=stance, conditions=spans)


CHIEF = placed("s1", "there would be no talks until the rebels hand over their rifles", "Ann Adams", "Freedonia",
               "reject", ("until the rebels hand over their rifles",))
COMMANDER = placed("s2", "his fighters would never hand over a single rifle", "Bo Bram", "Red Front", "reject")
MINISTER = placed("s3", "the army was ready to meet the rebels at any time", "Cy Cole", "Freedonia", "open")


class Only:
    """A judge that keeps exactly the pairs named (by statement ids)."""

    def __init__(self, *pairs: tuple[str, str]):
        self.pairs = {frozenset(p) for p in pairs}

    def holds(self, candidate) -> bool:
        return frozenset((candidate.a.id, candidate.b.id)) in self.pairs


def test_candidates_are_every_pair_in_text_order_with_the_rules_reading():
    found = list(candidates([MINISTER, CHIEF, COMMANDER], TEXT))
    assert [(c.a.id, c.b.id) for c in found] == [("s1", "s2"), ("s1", "s3"), ("s2", "s3")]
    by_pair = {(c.a.id, c.b.id): c for c in found}
    assert by_pair[("s1", "s3")].rule is not None and by_pair[("s1", "s3")].rule.kind == "contradiction"
    assert by_pair[("s1", "s3")].rule_test == "stances" and by_pair[("s1", "s2")].rule is None
    assert [c.gap for c in found] == [0, 1, 0]


def test_the_features_read_the_relation_the_stances_and_the_terms_touching_the_other_statement():
    chief_commander, chief_minister, _ = candidates([CHIEF, COMMANDER, MINISTER], TEXT)
    assert relation(chief_commander) == "opposed" and relation(chief_minister) == "side"
    found = pair_features(chief_commander)
    assert found["stances=reject+reject"] == 1.0 and found["rule=none"] == 1.0
    assert "terms_touch_other" in found  # "hand over their rifles" / "never hand over a single rifle"
    assert "both:hand" in found
    assert "rule_kind=contradiction" in pair_features(chief_minister)


def test_the_features_are_the_same_whichever_statement_comes_first():
    (forward,) = candidates([CHIEF, COMMANDER], TEXT)
    swapped = type(forward)(forward.b, forward.a, forward.rule, forward.rule_test, forward.same_occasion,
                            forward.marked_change, forward.side_b, forward.side_a, forward.gap)
    assert pair_features(forward) == pair_features(swapped)


def test_the_model_keeps_pairs_the_rules_missed_and_drops_pairs_they_found():
    rules = find_contradictions([CHIEF, COMMANDER, MINISTER], TEXT)
    assert {(c.a, c.b) for c in rules} == {("s1", "s3")}
    learned = find_contradictions([CHIEF, COMMANDER, MINISTER], TEXT, Only(("s1", "s2")))
    (clash,) = learned
    assert (clash.a, clash.b, clash.kind) == ("s1", "s2", "clash")
    assert "Adams rules out talks" in clash.why and "Bram rules out talks" in clash.why


def test_a_pair_the_rules_did_not_name_takes_its_kind_from_speakers_and_days():
    monday = placed("s1", "there would be no talks until the rebels hand over their rifles", "Ann Adams",
                    "Freedonia", "reject")
    friday = placed("s3", "the army was ready to meet the rebels at any time", "Ann Adams", "Freedonia", "open")
    import datetime as dt
    import dataclasses
    monday, friday = (dataclasses.replace(monday, said_on=dt.date(2024, 9, 2)),
                      dataclasses.replace(friday, said_on=dt.date(2024, 9, 6)))
    (pair,) = candidates([monday, friday], TEXT)
    assert kind_of(dataclasses.replace(pair, rule=None)) == "shift"
    unplaced = placed("s2", "his fighters would never hand over a single rifle", "Bo Bram", None, "reject")
    (pair,) = candidates([CHIEF, unplaced], TEXT)
    assert kind_of(pair) == "clash"


def test_the_probability_is_the_logistic_of_the_weights():
    model = PairModel({"bias": -1.0, "relation=opposed": 3.0}, threshold=0.5)
    (opposed,) = candidates([CHIEF, COMMANDER], TEXT)
    (same_side,) = candidates([CHIEF, MINISTER], TEXT)
    assert model.probability(pair_features(opposed)) == pytest.approx(1 / (1 + 2.718281828 ** -2.0), rel=1e-6)
    assert model.holds(opposed) and not model.holds(same_side)


@pytest.mark.parametrize(("raw", "problem"), [
    ({"threshold": 0.5}, "not a pair model"),
    ({"weights": {"bias": "heavy"}, "threshold": 0.5}, "not a pair model"),
    ({"weights": {}, "threshold": 0.5, "features_version": FEATURES_VERSION + 1}, "features version"),
    ({"weights": {}, "threshold": 1.5, "features_version": FEATURES_VERSION}, "not a probability"),
])
def test_a_broken_pair_model_file_says_how_to_fix_it(raw, problem):
    with pytest.raises(OnrecordError, match=problem) as caught:
        PairModel.from_dict(raw, "pairs.json")
    assert "pairs.json" in str(caught.value) and "retrain" in str(caught.value)


def test_the_packaged_model_round_trips_and_never_trained_on_the_sets_kept_for_measuring():
    model = load_pair_model()
    assert model.features_version == FEATURES_VERSION and 0.0 < model.threshold < 1.0
    assert PairModel.from_dict(json.loads(json.dumps(model.to_dict()))) == model
    assert model.trained_on and not {"heldout3", "dev11", "dev15", "dev23", "dev30", "dev34", "dev36"} & set(model.trained_on)


ARTICLE = ("Truce talks stall in Velmora\n\n"
           "VELMORA CITY, Monday - The army chief, General Ann Adams, said on Monday there would be no talks until "
           "the rebels hand over their rifles.\n\n"
           "\"Our fighters will never hand over a single rifle,\" the Red Front's commander, Bo Bram, told reporters.\n\n"
           "Defence Minister Cy Cole said the government was ready to meet the rebels at any time.\n")


def test_without_the_pair_model_the_analysis_keeps_the_rules_pairs():
    """``Options(pair_model=False)`` gives exactly the rules' pairs of the same statements; the default reads the
    same candidates through the packaged model (every pair it gives is a candidate, its ids are statements)."""
    rules = analyze(ARTICLE, id="t", options=Options(pair_model=False))
    learned = analyze(ARTICLE, id="t")
    assert rules.statements == learned.statements
    assert list(rules.contradictions) == find_contradictions(rules.statements, ARTICLE)
    ids = {s.id for s in learned.statements}
    pairs = {(c.a.id, c.b.id) for c in candidates(learned.statements, ARTICLE)}
    assert all((c.a, c.b) in pairs and c.a in ids and c.kind in {"contradiction", "shift", "clash"} and c.why
               for c in learned.contradictions)


def test_the_packaged_model_pairs_a_demand_with_the_other_sides_refusal_of_it():
    """The army's terms ("until the rebels hand over their rifles") against the rebels' "never hand over a single
    rifle": the rules see no refusal of talks in the second and pair nothing; the model pairs them as a clash."""
    rules = analyze(ARTICLE, id="t", options=Options(pair_model=False))
    learned = analyze(ARTICLE, id="t")
    chief, commander = (next(s.id for s in learned.statements if words in s.text)
                        for words in ("until the rebels", "single rifle"))
    assert (chief, commander) not in {(c.a, c.b) for c in rules.contradictions}
    assert [(c.a, c.b, c.kind) for c in learned.contradictions if {c.a, c.b} == {chief, commander}] == [
        (chief, commander, "clash")]


@pytest.mark.parametrize(("content", "problem"), [
    (None, "missing"),
    (b"{not json", "not readable JSON"),
    (b"\xff\xfe\x00garbage", "not readable JSON"),
    (b'{"weights": {}, "threshold": 0, "features_version": 1}', "not a probability"),
])
def test_a_bad_pair_model_file_is_one_error_naming_the_file(tmp_path, content, problem):
    from onrecord.learned_pairs import read_pair_model

    path = tmp_path / "pair_model.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(OnrecordError, match=problem) as caught:
        read_pair_model(path)
    assert str(path) in str(caught.value)


def test_the_packaged_model_learnt_from_exactly_the_read_sets_the_stance_model_learns_from():
    """A set added to the training list without retraining the pair model fails here ("retrain:
    .venv/bin/python scripts/train_pair_model.py")."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("train_stance_model", root / "scripts" / "train_stance_model.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    assert load_pair_model().trained_on == tuple(train.TRAINING_SETS), \
        "the packaged pair model is stale: retrain with .venv/bin/python scripts/train_pair_model.py"


def test_blame_of_two_statements_of_one_side_reads_without_a_crash():
    """``blame_of`` with both sides the same (a pair of one side's statements) reads no party noun as the other
    side instead of failing."""
    from onrecord.disputes import blame_of

    same = placed("s1", "there would be no talks until the rebels hand over their rifles", "Ann Adams", "Freedonia",
                  "reject")
    assert blame_of(same, "Freedonia", ("freedonia", "freedonia")) is None


def test_a_learned_pair_of_two_claims_is_explained_by_their_words_not_as_talks_going_ahead():
    text = "The army said the rebels broke the truce. The rebels said the army fired first."
    claims = [Statement(sid, "indirect", words, text.index(words), text.index(words) + len(words),
                        speaker=Speaker(name=name, affiliation=name), stance=stance,
                        about_negotiations=stance is not None)
              for sid, words, name, stance in (("s1", "the rebels broke the truce", "Army", "neutral"),
                                               ("s2", "the army fired first", "Rebels", None))]
    (pair,) = find_contradictions(claims, text, Only(("s1", "s2")))
    assert pair.why == 'Army says "the rebels broke the truce"; Rebels says "the army fired first"'
    assert "go ahead" not in pair.why and "openness" not in pair.why


@pytest.mark.xfail(strict=True, reason="a known error of the learned pair model: the rules read it right "
                                       "(test_sides: two statements blaming the same party are no dispute)")
def test_known_error_two_statements_blaming_one_party_are_no_pair():
    text = ("ISLAMABAD, May 4 -\n\nPeace talks between Pakistan and India were due to open in Doha next week, "
            "officials on both sides said.\n\nThe military's media wing said Indian troops had violated the ceasefire "
            "near Kotli.\n\nPolice in Poonch said Indian troops had breached the truce again on Tuesday.\n")
    assert analyze(text, id="t", language="en").contradictions == ()


def test_one_actor_holding_one_position_on_two_days_is_no_shift():
    """A shift is a change of position: the same refusal on Monday and Tuesday, if the model pairs it, is a
    contradiction of one actor, not a shift; other terms on another day are a shift."""
    import dataclasses
    import datetime as dt

    monday = dataclasses.replace(CHIEF, said_on=dt.date(2024, 9, 2))
    tuesday = dataclasses.replace(COMMANDER, id="s2", speaker=CHIEF.speaker, said_on=dt.date(2024, 9, 3))
    (pair,) = candidates([monday, tuesday], TEXT)
    assert kind_of(dataclasses.replace(pair, rule=None)) == "contradiction"
    terms = dataclasses.replace(tuesday, stance="conditional", conditions=CHIEF.conditions)
    (pair,) = candidates([dataclasses.replace(monday, stance="open", conditions=()), terms], TEXT)
    assert kind_of(dataclasses.replace(pair, rule=None)) == "shift"


class Everything:
    def holds(self, candidate) -> bool:
        return True


def test_the_model_never_pairs_two_statements_that_talks_go_ahead():
    text = ("The deputy minister said the delegations would meet again in Geneva on Thursday. "
            "The presidential aide said the next round would take place in Geneva on Thursday.")
    going = [Statement(sid, "indirect", words, text.index(words), text.index(words) + len(words),
                       speaker=Speaker(name=name, affiliation=side), about_negotiations=True, stance="neutral")
             for sid, words, name, side in (
                 ("s1", "the delegations would meet again in Geneva on Thursday", "Ann Adams", "Armenia"),
                 ("s2", "the next round would take place in Geneva on Thursday", "Bo Bram", "Azerbaijan"))]
    assert find_contradictions(going, text, Everything()) == []


def test_the_model_reads_pairs_the_rules_missed_only_within_its_reach():
    from onrecord.contradictions import LEARNED_REACH

    words = [f"point number {k} of the plan" for k in range(LEARNED_REACH + 3)]
    text = ". ".join(words) + "."
    many = [Statement(f"s{k}", "indirect", w, text.index(w), text.index(w) + len(w),
                      speaker=Speaker(name=f"Speaker {k}"), about_negotiations=False)
            for k, w in enumerate(words)]
    found = find_contradictions(many, text, Everything())
    gaps = {int(c.b[1:]) - int(c.a[1:]) - 1 for c in found}
    assert max(gaps) == LEARNED_REACH and len(found) < len(many) * (len(many) - 1) // 2


def test_an_unnamed_source_is_named_whole_in_the_why():
    text = "The aide said there would be no talks. A source said the talks went on."
    pair = [Statement(sid, "indirect", words, text.index(words), text.index(words) + len(words),
                      speaker=Speaker(name=name), about_negotiations=False)
            for sid, words, name in (("s1", "there would be no talks", "Pakistan (unnamed official)"),
                                     ("s2", "the talks went on", "Ann Adams"))]
    (found,) = find_contradictions(pair, text, Everything())
    assert found.why.startswith('Pakistan (unnamed official) says "there would be no talks"; Adams says')


@pytest.mark.parametrize("statements", [
    [],
    [CHIEF],
    # no speaker at all, no stance, not about negotiations, an empty text
    [Statement("s1", "direct", "", 0, 0), Statement("s2", "indirect", "x", 1, 2, stance=None)],
    [CHIEF, Statement("s9", "indirect", "the talks", 3, 12, speaker=Speaker(), about_negotiations=True,
                      stance="open")],
])
def test_the_packaged_model_reads_degenerate_statements_without_a_crash(statements):
    found = find_contradictions(statements, TEXT, load_pair_model())
    ids = {s.id for s in statements}
    assert all(c.a in ids and c.b in ids and c.a != c.b and c.why for c in found)
