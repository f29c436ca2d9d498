"""Each token of an article is judged once for negotiation words (``about.Judged``), and the memo changes no
reading: the same statements read with one memo for the article and with a fresh reading of every piece."""

import onrecord.stance.about as about
from onrecord.nlp import load_model
from onrecord.pipeline import analyze
from onrecord.options import Options
from onrecord.stance.lexicon import load_lexicon

ARTICLE = ("OSLO, March 3 -\n\nThe foreign minister said on Monday that his government would not sit down with "
           "the rebels until they laid down their arms.\n\n"
           "\"We have never refused a dialogue,\" the rebel spokesman said, adding that the talks in Oslo could "
           "resume next week if the army pulled back.\n\n"
           "The mediator said both delegations had agreed to meet again.\n")


def _counting(monkeypatch):
    calls = []
    real = about.is_anchor

    def counted(token, lex):
        calls.append((id(token.doc), token.i))
        return real(token, lex)

    monkeypatch.setattr(about, "is_anchor", counted)
    return calls


def test_an_article_judges_each_token_once(monkeypatch):
    calls = _counting(monkeypatch)
    analysis = analyze(ARTICLE, id="t", language="en", options=Options(stance_model=False, pair_model=False))
    assert sum(s.about_negotiations for s in analysis.statements) >= 2
    # the pieces' own words and the clauses they govern overlap: without the memo tokens are judged again
    assert calls and len(calls) == len(set(calls))


def test_a_memo_for_another_lexicon_is_not_used(monkeypatch):
    doc = load_model()("We will not talk to them.")
    lex = load_lexicon()
    other = about.Judged(lex)
    calls = _counting(monkeypatch)
    token = next(t for t in doc if t.lower_ == "talk")
    assert other(token) == other(token) and len(calls) == 1
    assert about.Judged(lex)(token) == other(token) and len(calls) == 2


def test_the_memo_gives_the_readings_of_a_fresh_reading(monkeypatch):
    options = Options(stance_model=False, pair_model=False)
    with_memo = analyze(ARTICLE, id="t", language="en", options=options).statements
    # every piece read afresh: a new memo per call, as when read_stance is called alone
    monkeypatch.setattr(about.Judged, "strong", lambda self, piece: about.find_anchors(piece, self.lex))
    monkeypatch.setattr(about.Judged, "__call__", lambda self, token: about.is_anchor(token, self.lex))
    fresh = analyze(ARTICLE, id="t", language="en", options=options).statements
    assert [(s.about_negotiations, s.stance, s.counterpart, s.conditions) for s in with_memo] == \
        [(s.about_negotiations, s.stance, s.counterpart, s.conditions) for s in fresh]
    assert any(s.stance == "reject" for s in with_memo) and any(s.stance in {"open", "conditional"} for s in with_memo)

