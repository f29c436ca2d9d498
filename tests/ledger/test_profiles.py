"""Outlet profiles: paragraph counts stored at ingest feed the boilerplate memory of later runs."""

from __future__ import annotations

import pytest
from .ledger_kit import article

from onrecord.ledger import Ledger
from onrecord.ledger.profiles import run_memory
from onrecord.records import Article

BOX = "Support independent journalism: donate today to keep our newsroom free for every reader."


def _text(i: int) -> str:
    return f"Story number {i} about the talks in the capital, with its own words {i * 7}.\n\n{BOX}"


@pytest.fixture
def ledger(tmp_path):
    led = Ledger.open(str(tmp_path / "p.db"))
    yield led
    led.close()


def _memory(led: Ledger, articles):
    with led.engine.connect() as conn:
        return run_memory(conn, articles)


def test_profiles_stored_articles_make_a_new_articles_box_recur(ledger):
    ledger.store(article("old1", _text(1), outlet="Paper"))
    new = Article(id="new", text=_text(2), outlet="Paper")
    memory = _memory(ledger, [new])
    assert memory.count("Paper", BOX) == 2 and memory.recurs("Paper", BOX)
    assert not memory.recurs("Other Paper", BOX)


@pytest.mark.parametrize("rerun_text,expected", [
    (_text(1), 1),                       # unchanged article: already counted, not added again
    (_text(1).replace("capital", "city"), 1),  # edited article: its stored version is taken out first
])
def test_profiles_an_article_is_never_counted_twice(ledger, rerun_text, expected):
    ledger.store(article("a", _text(1), outlet="Paper"))
    memory = _memory(ledger, [Article(id="a", text=rerun_text, outlet="Paper")])
    assert memory.count("Paper", BOX) == expected and not memory.recurs("Paper", BOX)


def test_profiles_replacing_an_article_updates_the_counts(ledger):
    ledger.store(article("a", _text(1), outlet="Paper"))
    ledger.store(article("b", _text(2), outlet="Paper"))
    ledger.store(article("b", "Now a story without the box, only words of its own.", outlet="Paper"))
    assert _memory(ledger, []).counts == {}
    assert _memory(ledger, [Article(id="z", text="x", outlet="Paper")]).count("Paper", BOX) == 1
