"""Word search of statements (FTS5 on SQLite): word/prefix semantics, syntax-proof input, the index kept in step
with the statements, exact totals, and the planner's index choices after ``Ledger.optimize``."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from .ledger_kit import article, said
from .test_postgres import pg_server  # noqa: F401 - the PostgreSQL fixture (skips without ONRECORD_TEST_PG_URL)

from onrecord.ledger import Ledger, query, search
from onrecord.ledger.query import StatementFilter

D = dt.date
ONE = "Minister José Núñez said \u201cthe ceasefire-now plan needs 100% of the prisoners back\u201d on Monday."
TWO = "Envoy Karin Lund said \u201cnegotiations AND a truce are near, not far\u201d at the summit."
THREE = "General Tomas Weiss said \u201cour army will keep fighting\u201d on the front."


def _store(led: Ledger, aid: str, text: str, quote: str, name: str, day: dt.date) -> None:
    led.store(article(aid, text, [said(text, quote, "s1", name, on=day, stance=None)], published=day))


@pytest.fixture
def ledger(tmp_path):
    led = Ledger.open(str(tmp_path / "s.db"))
    _store(led, "a1", ONE, "the ceasefire-now plan needs 100% of the prisoners back", "José Núñez", D(2024, 3, 1))
    _store(led, "a2", TWO, "negotiations AND a truce are near, not far", "Karin Lund", D(2024, 3, 2))
    _store(led, "a3", THREE, "our army will keep fighting", "Tomas Weiss", D(2024, 3, 3))
    yield led
    led.close()


def _ids(led: Ledger, q: str) -> tuple[list[str], int]:
    rows, total = query.statements(led, StatementFilter(search=q))
    return [r["article"]["id"] for r in rows], total


@pytest.mark.parametrize("q,expected", [
    ("ceasefire", ["a1"]),
    ("CEASE", ["a1"]),                 # prefix, any case
    ("fire", []),                      # never inside a word
    ("now ceasefire", ["a1"]),         # every word, any order
    ("ceasefire_now", ["a1"]),         # _ and - only separate words
    ("nunez", ["a1"]),                 # the speaker's name, diacritics ignored
    ("NÚÑEZ prisoners", ["a1"]),       # one word in the name, one in the text
    ("jose army", []),
    ("100%", ["a1"]),
    ("negotiat truce", ["a2"]),
    ("near NOT far", ["a2"]),          # NOT is a word here (a2 says "not"), never an operator
    ("army OR truce", []),             # OR is a word: no statement has all three
    ("weiss", ["a3"]),
])
def test_search_word_and_prefix_semantics(ledger, q, expected):
    assert _ids(ledger, q) == (expected, len(expected))


@pytest.mark.parametrize("q", ['"', '""', "*", "AND", "OR", "NOT", "NEAR(", "a:b", "^x", "(", "'", "\\", "-", "+",
                               "col:army", '"army', "army*", "%_", "\x00", "🙂"])
def test_search_fts_syntax_in_input_never_errors(ledger, q):
    rows, total = query.statements(ledger, StatementFilter(search=q))
    assert total == len(rows)


@pytest.mark.parametrize("q", ['"', "*", "%", "-+-", "\U0001F642"])
def test_search_without_letters_or_digits_matches_nothing(ledger, q):
    assert _ids(ledger, q) == ([], 0)


@pytest.mark.parametrize("q", ["", "   "])
def test_search_blank_is_no_filter(ledger, q):
    assert _ids(ledger, q)[1] == 3


def test_search_index_follows_replaced_and_deleted_statements(ledger):
    edited = THREE.replace("keep fighting", "stop at the river")
    _store(ledger, "a3", edited, "our army will stop at the river", "Tomas Weiss", D(2024, 3, 3))
    assert _ids(ledger, "fighting") == ([], 0)
    assert _ids(ledger, "river") == (["a3"], 1)
    with ledger.engine.begin() as conn:
        search.check(conn)  # raises if the FTS index and the statements disagree


def test_search_index_is_built_for_a_ledger_made_before_0003(tmp_path):
    path = tmp_path / "old.db"
    led = Ledger.open(str(path))
    _store(led, "a3", THREE, "our army will keep fighting", "Tomas Weiss", D(2024, 3, 3))
    led.close()
    con = sqlite3.connect(path)  # back to a ledger made before the search index existed
    con.executescript(f"DROP TABLE {search.FTS_TABLE}; DROP TRIGGER statements_fts_insert; "
                      "DROP TRIGGER statements_fts_delete; DROP TRIGGER statements_fts_update; "
                      "DELETE FROM migrations WHERE name = '0003_search';")
    con.close()
    led = Ledger.open(str(path))
    assert _ids(led, "army") == (["a3"], 1)
    led.close()


def test_search_total_is_exact_with_other_filters_and_pages(ledger):
    rows, total = query.statements(ledger, StatementFilter(search="said", limit=1))
    assert total == 0 and rows == []  # "said" is outside the quoted statements
    rows, total = query.statements(ledger, StatementFilter(search="the", limit=1, offset=1))
    assert total == 1 and rows == []
    rows, total = query.statements(ledger, StatementFilter(search="a", since=D(2024, 3, 2)))
    assert total == len(rows) == 2  # "are"/"AND" in a2, "army"/"at" in a3


def _big_ledger(tmp_path, n: int = 3000) -> Ledger:
    """Many statements by many actors, one frequent word: enough rows for the planner to have a choice."""
    led = Ledger.open(str(tmp_path / "big.db"))
    raw = led.engine.raw_connection()
    cur = raw.cursor()
    cur.executemany("INSERT INTO articles (uid, id, content_hash, published, text, warnings, ingested_at) "
                    "VALUES (?, ?, ?, ?, 't', '[]', '2024-01-01')",
                    [(f"u{k}", f"art{k}", f"h{k}", (D(2023, 1, 1) + dt.timedelta(days=k % 700)).isoformat())
                     for k in range(n)])
    cur.executemany("INSERT INTO statements (uid, article_uid, sid, kind, text, start, \"end\", speaker_name, "
                    "actor_id, day, zone, about_negotiations, stance) VALUES (?, ?, 's1', 'direct', ?, 0, 1, ?, ?, ?, "
                    "'body', ?, ?)",
                    [(f"u{k}#s1", f"u{k}", f"talks round {k}", f"Person {k % 300}", f"p{k % 300}",
                      (D(2023, 1, 1) + dt.timedelta(days=k % 700)).isoformat(), k % 2, "open" if k % 2 else None)
                     for k in range(n)])
    cur.executemany("INSERT INTO actors (id, name) VALUES (?, ?)", [(f"p{i}", f"Person {i}") for i in range(300)])
    cur.executemany("INSERT INTO aliases (actor_id, alias, folded) VALUES (?, ?, ?)",
                    [(f"p{i}", f"Person {i}", f"person {i}") for i in range(300)])
    raw.commit()
    raw.close()
    led.optimize()
    return led


def _plan(led: Ledger, select_) -> str:
    with led.engine.connect() as conn:
        compiled = select_.compile(conn, compile_kwargs={"literal_binds": True})
        return " | ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))


def test_search_planner_takes_actor_day_for_timeline_and_speaker_after_optimize(tmp_path):
    led = _big_ledger(tmp_path)
    try:
        with led.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'statements'").scalar() > 0
            for f in (StatementFilter(speaker="Person 7"), StatementFilter(speaker="Person 7", about="negotiations")):
                q = query._filtered(conn, f).order_by(query.S.c.day.desc().nulls_last(), query.S.c.uid).limit(50)
                assert "ix_statements_actor_day" in _plan(led, q), f
            q = query._filtered(conn, StatementFilter(about="negotiations")).where(query.S.c.actor_id.in_(["p7"]))
            assert "ix_statements_actor_day" in _plan(led, q.order_by(query.S.c.day, query.S.c.uid))
            # a word in every statement: walk the day index newest first instead of sorting every match
            assert query._walk_days(conn, 3000, 50)
            walk = query._filtered(conn, StatementFilter(search="talks"), walk_days=True)
            assert "ix_statements_day" in _plan(led, walk.order_by(query.S.c.day.desc().nulls_last(), query.S.c.uid))
        rows, total = query.statements(led, StatementFilter(search="talks", limit=5))
        assert total == 3000 and [r["day"] for r in rows] == sorted((r["day"] for r in rows), reverse=True)
        assert query.statements(led, StatementFilter(search="round 2999"))[1] == 1
    finally:
        led.close()


def _sqlite_token(con: sqlite3.Connection, word: str) -> list[str]:
    con.execute("DELETE FROM f")
    con.execute("INSERT INTO f(x) VALUES (?)", (word,))
    return [r[0] for r in con.execute("SELECT term FROM v")]


def test_search_diacritics_fold_like_sqlite_unicode61():
    """The PostgreSQL fold (and the query's) equals unicode61 remove_diacritics 2 over the Latin blocks."""
    con = sqlite3.connect(":memory:")
    con.execute('CREATE VIRTUAL TABLE f USING fts5(x, tokenize="unicode61 remove_diacritics 2")')
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(f, 'row')")
    differ = []
    for lo, hi in search._LATIN_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            if not ch.isalpha() or len(ch.lower()) != 1:
                continue
            ours = search.words(f"a{ch}a")
            if ours != _sqlite_token(con, f"a{ch}a"):
                differ.append((hex(cp), ch, ours))
    # the remaining differences are ligatures and letters SQLite keeps whole (ĳ, ǆ, ǽ ...): both keep them unfolded
    # in the index too, so a search still finds them typed the same way
    assert all(len(ours) == 1 for _, _, ours in differ), differ
    assert len(search.DIACRITICS_FROM) == len(search.DIACRITICS_TO)


def test_search_postgres_answers_as_sqlite(pg_server, ledger):
    """The same word searches on PostgreSQL (its GIN expression index) give the same pages and totals."""
    from .test_postgres import _fresh_schema

    with _fresh_schema(pg_server) as url:
        pg = Ledger.open(url)
        try:
            _store(pg, "a1", ONE, "the ceasefire-now plan needs 100% of the prisoners back", "José Núñez", D(2024, 3, 1))
            _store(pg, "a2", TWO, "negotiations AND a truce are near, not far", "Karin Lund", D(2024, 3, 2))
            _store(pg, "a3", THREE, "our army will keep fighting", "Tomas Weiss", D(2024, 3, 3))
            for q in ("ceasefire", "CEASE", "fire", "ceasefire_now", "nunez", "NÚÑEZ prisoners", "100%", "near NOT far",
                      '"', "*", "AND", "NEAR(", "a", "\\", "🙂", "plan needs"):
                assert _ids(pg, q) == _ids(ledger, q), q
        finally:
            pg.close()
