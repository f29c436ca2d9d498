"""Ledger views on a real SQLite file: filters, timelines, actors, cross-article contradictions and shifts."""

from __future__ import annotations

import datetime as dt

import pytest
from .ledger_kit import article, said

from onrecord.errors import LedgerError
from onrecord.ledger import Ledger, query
from onrecord.ledger.across import WINDOW_DAYS
from onrecord.ledger.query import StatementFilter

D = dt.date
REJECT = "Minister Olav Berg said there would be \u201cno talks until the shelling stops\u201d, Nordpress reported."
OPEN = "Minister Olav Berg said \u201cwe remain open to talks with them\u201d in a speech."
ALLY = "Premier Karin Lund said \u201cwe never refused to negotiate\u201d at a briefing."
OTHER = "General Tomas Weiss said \u201cour army will keep fighting\u201d on the front."


@pytest.fixture
def ledger(tmp_path):
    led = Ledger.open(str(tmp_path / "q.db"))
    led.store(article("r1", REJECT, [said(REJECT, "no talks until the shelling stops", "s1", "Olav Berg",
                                          on=D(2024, 3, 1), condition="until the shelling stops")],
                      published=D(2024, 3, 1), outlet="Nordpress"))
    led.store(article("o1", OPEN, [said(OPEN, "we remain open to talks with them", "s1", "Olav Berg", stance="open",
                                        on=D(2024, 4, 10))], published=D(2024, 4, 10), outlet="Daily Wire"))
    led.store(article("x1", OTHER, [said(OTHER, "our army will keep fighting", "s1", "Tomas Weiss", stance=None,
                                         affiliation="Southland")], published=D(2024, 4, 12)))
    yield led
    led.close()


def _texts(rows) -> list[str]:
    return [r["text"] for r in rows]


@pytest.mark.parametrize("f,expected", [
    (StatementFilter(), ["our army will keep fighting", "we remain open to talks with them",
                         "no talks until the shelling stops"]),
    (StatementFilter(speaker="Berg"), ["we remain open to talks with them", "no talks until the shelling stops"]),
    (StatementFilter(speaker="olav berg", stance="reject"), ["no talks until the shelling stops"]),
    (StatementFilter(about="negotiations"), ["we remain open to talks with them", "no talks until the shelling stops"]),
    (StatementFilter(since=D(2024, 4, 1), until=D(2024, 4, 11)), ["we remain open to talks with them"]),
    (StatementFilter(outlet="NORDPRESS"), ["no talks until the shelling stops"]),
    (StatementFilter(search="ARMY"), ["our army will keep fighting"]),
    (StatementFilter(search="weiss"), ["our army will keep fighting"]),
    (StatementFilter(limit=1), ["our army will keep fighting"]),
    (StatementFilter(speaker="Nobody Atall"), []),
])
def test_query_statements_filters(ledger, f, expected):
    rows, total = query.statements(ledger, f)
    assert _texts(rows) == expected
    assert total == (3 if f.limit == 1 else len(expected))


@pytest.mark.parametrize("kwargs,fragment", [
    ({"stance": "maybe"}, "not one of reject, conditional, open, neutral"),
    ({"about": "weather"}, "only topic is 'negotiations'"),
    ({"limit": 0}, "between 1 and"),
])
def test_query_bad_filters_are_clear_errors(kwargs, fragment):
    with pytest.raises(LedgerError, match=fragment):
        StatementFilter(**kwargs)


def test_query_timeline_is_dated_with_conditions_and_articles(ledger):
    rows = query.timeline(ledger, "Berg")
    assert [(r["day"], r["stance"]) for r in rows] == [("2024-03-01", "reject"), ("2024-04-10", "open")]
    assert rows[0]["conditions"][0]["text"] == "until the shelling stops"
    assert rows[0]["article"]["id"] == "r1" and rows[0]["article"]["source"] == "in/r1.txt"


def test_query_timeline_unknown_actor_is_a_clear_error(ledger):
    with pytest.raises(LedgerError, match="no actor named 'Zed Nobody'"):
        query.timeline(ledger, "Zed Nobody")


def test_query_cross_article_shift_of_one_actor(ledger):
    pairs, _ = query.contradictions(ledger, across=True)
    (pair,) = [p for p in pairs if p["kind"] == "shift"]
    assert (pair["a"], pair["b"]) == ("r1#s1", "o1#s1")
    assert "Berg" in pair["why"] and "2024-03-01" in pair["why"]
    assert [s["article"]["id"] for s in pair["statements"]] == ["r1", "o1"]


def test_query_cross_article_contradiction_of_one_side(ledger):
    ledger.store(article("a1", ALLY, [said(ALLY, "we never refused to negotiate", "s1", "Karin Lund", stance="open",
                                           on=D(2024, 3, 5))], published=D(2024, 3, 5)))
    pairs, total = query.contradictions(ledger, across=True)
    kinds = {(p["a"], p["b"]): p["kind"] for p in pairs}
    assert kinds[("r1#s1", "a1#s1")] == "contradiction"
    assert ("a1#s1", "o1#s1") not in kinds  # two open stances do not conflict
    assert total == len(pairs) == 2


def test_query_statements_beyond_the_window_are_not_paired(tmp_path):
    led = Ledger.open(str(tmp_path / "w.db"))
    led.store(article("r1", REJECT, [said(REJECT, "no talks until the shelling stops", "s1", "Olav Berg")],
                      published=D(2024, 1, 1)))
    late = D(2024, 1, 1) + dt.timedelta(days=WINDOW_DAYS + 1)
    led.store(article("o1", OPEN, [said(OPEN, "we remain open to talks with them", "s1", "Olav Berg", stance="open")],
                      published=late))
    assert query.contradictions(led, across=True) == ([], 0)
    led.close()


def test_query_restoring_an_article_does_not_double_its_pairs(ledger):
    before = query.contradictions(ledger, across=True)[1]
    ledger.store(article("o1", OPEN + " More.", [said(OPEN, "we remain open to talks with them", "s1", "Olav Berg",
                                                      stance="open", on=D(2024, 4, 10))], published=D(2024, 4, 10)))
    assert query.contradictions(ledger, across=True)[1] == before == 1


def test_query_registry_actor_found_by_transliteration(tmp_path):
    led = Ledger.open(str(tmp_path / "r.db"))
    text = "Security Council Secretary Sergei Shoigu said \u201cthere will be no talks\u201d on Monday."
    led.store(article("sh", text, [said(text, "there will be no talks", "s1", "Sergei Shoigu",
                                        actor_id="sergei-shoigu", affiliation="Russia")]))
    for name in ("Shoygu", "Sergey Shoygu", "sergei shoigu", "sergei-shoigu"):
        assert query.actor(led, name)["id"] == "sergei-shoigu", name
    assert "Sergey Shoygu" in query.actor(led, "Shoigu")["aliases"]
    led.close()


def test_query_people_sharing_a_surname_stay_apart(tmp_path):
    led = Ledger.open(str(tmp_path / "s.db"))
    t1 = "Senator Mark Olsen said \u201cwe will not talk to them\u201d yesterday."
    t2 = "Minister Erik Olsen said \u201cwe are open to talks\u201d yesterday."
    led.store(article("m", t1, [said(t1, "we will not talk to them", "s1", "Mark Olsen")]))
    led.store(article("e", t2, [said(t2, "we are open to talks", "s1", "Erik Olsen", stance="open")]))
    actors, total = query.actors(led)
    assert total == 2
    with pytest.raises(LedgerError, match="names 2 actors"):
        query.actor(led, "Olsen")
    assert query.actor(led, "Erik Olsen")["statements"] == 1
    assert query.statements(led, StatementFilter(speaker="Olsen"))[1] == 2
    led.close()
