"""The ledger on a real SQLite file: idempotent re-ingest, edits replace, clear errors, no partial writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select

from onrecord.errors import LedgerError
from onrecord.ledger import Ledger, schema
from onrecord.records import Analysis, Article, Span, Speaker, Statement, Zone

TEXT = "Kremlin spokesman Dmitry Peskov said on Monday that talks with Kyiv were impossible."


def _analysis(text: str = TEXT, article_id: str = "a1", name: str = "Dmitry Peskov") -> Analysis:
    article = Article(id=article_id, text=text, published=dt.date(2024, 8, 20), outlet="Wire")
    start = text.find("talks")
    st_ = Statement(
        id="s1", kind="indirect", text=text[start:-1], start=start, end=len(text) - 1,
        speaker=Speaker(name=name, actor_id=None, mention=text[18:31], start=18, end=31,
                        role="Kremlin spokesman", affiliation="Russia"),
        cue=Span(32, 36, "said"), about_negotiations=True, stance="reject",
        conditions=(Span(start, start + 5, "talks"),),
    )
    return Analysis(article=article, zones=(Zone("body", 0, len(text)),), statements=(st_,))


@pytest.fixture
def ledger(tmp_path):
    led = Ledger.open(str(tmp_path / "l.db"))
    yield led
    led.close()


def _rows(led: Ledger, table) -> list:
    with led.engine.connect() as conn:
        return conn.execute(select(table)).all()


def test_store_same_article_twice_changes_nothing(ledger):
    assert ledger.store(_analysis()) == "inserted"
    before = ledger.counts()
    assert ledger.store(_analysis()) == "unchanged"
    assert ledger.counts() == before
    assert before["articles"] == 1 and before["statements"] == 1 and before["actors"] == 1


def test_store_edited_article_replaces_its_earlier_version(ledger):
    ledger.store(_analysis())
    edited = _analysis(TEXT.replace("Monday", "Sunday"))
    assert ledger.store(edited) == "replaced"
    assert ledger.counts()["articles"] == 1 and ledger.counts()["statements"] == 1
    (text,) = [r.text for r in _rows(ledger, schema.articles)]
    assert "Sunday" in text
    assert len(_rows(ledger, schema.conditions)) == 1


def test_store_migrations_are_recorded_and_applied_once(tmp_path):
    path = str(tmp_path / "m.db")
    Ledger.open(path).close()
    led = Ledger.open(path)
    from onrecord.ledger.migrations import MIGRATIONS

    names = [r.name for r in _rows(led, schema.migrations)]
    assert names == [n for n, _ in MIGRATIONS] and names[0] == "0001_initial"
    led.close()


def test_store_sqlite_file_uses_wal(tmp_path):
    path = tmp_path / "w.db"
    Ledger.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    "make_db,fragment",
    [
        (lambda p: (p / "x.db").write_bytes(b"this is not a database at all, just text\n" * 10) and str(p / "x.db"),
         "is not a SQLite database"),
        (lambda p: "nosuchdialect://user@host/db", "unknown database URL scheme 'nosuchdialect'"),
        (lambda p: str(p / "missing-dir" / "x.db"), "does not exist"),
        (lambda p: str(p), "is a directory"),
    ],
)
def test_store_bad_database_is_one_clear_error(tmp_path, make_db, fragment):
    with pytest.raises(LedgerError, match=fragment):
        Ledger.open(make_db(tmp_path))


def test_store_read_only_database_is_one_clear_error(tmp_path):
    path = tmp_path / "ro.db"
    Ledger.open(str(path)).close()
    led = Ledger.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(LedgerError, match="read-only"):
        led.store(_analysis())
    led.close()
    assert Ledger.open(str(path)).counts()["articles"] == 0


def test_store_full_disk_leaves_no_partial_write(tmp_path):
    led = Ledger.open(str(tmp_path / "full.db"))
    led.store(_analysis(article_id="first"))
    before = led.counts()

    @event.listens_for(led.engine, "connect")
    def _cap(dbapi_conn, _rec):  # a real SQLite size cap: the next pages cannot be allocated
        dbapi_conn.execute("PRAGMA max_page_count = 1")

    led.engine.dispose()
    big = _analysis(TEXT + " " + "More text follows here. " * 4000, article_id="second")
    with pytest.raises(LedgerError, match="disk is full"):
        led.store(big)
    event.remove(led.engine, "connect", _cap)
    led.engine.dispose()
    assert led.counts() == before


def test_store_actor_roles_widen_over_time(ledger):
    a1 = _analysis(article_id="a1")
    a2 = _analysis(article_id="a2")
    a2 = dataclasses.replace(a2, article=dataclasses.replace(a2.article, published=dt.date(2025, 1, 5)))
    ledger.store(a1)
    ledger.store(a2)
    roles = _rows(ledger, schema.actor_roles)
    assert len(roles) == 1
    assert roles[0].first_seen == dt.date(2024, 8, 20) and roles[0].last_seen == dt.date(2025, 1, 5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300), name=st.text(min_size=1, max_size=40))
def test_store_arbitrary_unicode_round_trips(tmp_path_factory, text, name):
    led = Ledger.open(str(tmp_path_factory.mktemp("h") / "h.db"))
    article = Article(id=name, text=text, title=text[:20], outlet=name)
    stmt = Statement(id="s1", kind="direct", text=text, start=0, end=len(text),
                     speaker=Speaker(name=name, mention=name))
    led.store(Analysis(article=article, statements=(stmt,)))
    (row,) = _rows(led, schema.articles)
    (srow,) = _rows(led, schema.statements)
    assert row.text == text and row.id == name and row.outlet == name
    assert srow.text == text and srow.speaker_name == name
    led.close()
