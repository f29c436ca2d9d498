"""Actor merges and splits: recorded, followed by the views, kept across re-ingests; bad names write nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from .ledger_kit import article, said
from sqlalchemy import delete, func, select

from onrecord.errors import LedgerError
from onrecord.ledger import Ledger, query, schema
from onrecord.ledger import actors as fixes

T1 = "Envoy Pavel Orlov said \u201cwe will not negotiate under fire\u201d on Monday."
T2 = "Envoy P. Orlov-Smirnov said \u201cthe door to talks stays closed\u201d on Tuesday."


def _store_both(led: Ledger, suffix: str = "") -> None:
    led.store(article("a", T1 + suffix, [said(T1, "we will not negotiate under fire", "s1", "Pavel Orlov")]))
    led.store(article("b", T2 + suffix, [said(T2, "the door to talks stays closed", "s1", "P. Orlov-Smirnov")],
                      published=dt.date(2024, 5, 3)))


@pytest.fixture
def ledger(tmp_path):
    led = Ledger.open(str(tmp_path / "a.db"))
    _store_both(led)
    yield led
    led.close()


def _corrections(led: Ledger) -> int:
    with led.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.corrections)).scalar_one()


def test_actors_merge_shows_both_as_one(ledger):
    assert query.actors(ledger)[1] == 2
    done = fixes.merge(ledger, "Pavel Orlov", "P. Orlov-Smirnov")
    assert (done.a, done.b) == ("name:pavel-orlov", "name:p-orlov-smirnov")
    listed, total = query.actors(ledger)
    assert total == 1 and listed[0]["statements"] == 2 and "P. Orlov-Smirnov" in listed[0]["aliases"]
    assert [r["text"] for r in query.timeline(ledger, "Orlov-Smirnov")] == [
        "we will not negotiate under fire", "the door to talks stays closed"]


def test_actors_split_undoes_a_merge(ledger):
    fixes.merge(ledger, "Pavel Orlov", "P. Orlov-Smirnov")
    fixes.split(ledger, "Pavel Orlov", "P. Orlov-Smirnov")
    assert query.actors(ledger)[1] == 2
    assert [c.action for c in fixes.corrections(ledger)] == ["merge", "split"]


def test_actors_merge_survives_reingest_and_rebuilt_actor_rows(ledger):
    fixes.merge(ledger, "name:pavel-orlov", "name:p-orlov-smirnov")
    _store_both(ledger, suffix=" Edited.")  # both articles replaced
    assert query.actors(ledger)[1] == 1
    with ledger.engine.begin() as conn:  # the actor rows are rebuilt from scratch (e.g. a pruned table)
        conn.execute(delete(schema.aliases))
        conn.execute(delete(schema.actors))
    _store_both(ledger, suffix=" Edited twice.")
    listed, total = query.actors(ledger)
    assert total == 1 and listed[0]["id"] == "name:pavel-orlov"


@pytest.mark.parametrize("a,b,fragment", [
    ("Pavel Orlov", "Nobody Known", "no actor named 'Nobody Known'"),
    ("Nobody Known", "Pavel Orlov", "no actor named 'Nobody Known'"),
    ("Pavel Orlov", "name:pavel-orlov", "are the same actor"),
])
def test_actors_bad_merge_is_one_error_and_writes_nothing(ledger, a, b, fragment):
    with pytest.raises(LedgerError, match=fragment):
        fixes.merge(ledger, a, b)
    assert _corrections(ledger) == 0 and query.actors(ledger)[1] == 2


def test_actors_split_of_unmerged_actors_is_an_error(ledger):
    with pytest.raises(LedgerError, match="is not merged into"):
        fixes.split(ledger, "Pavel Orlov", "P. Orlov-Smirnov")
    assert _corrections(ledger) == 0
