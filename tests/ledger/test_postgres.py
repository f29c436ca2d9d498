"""The ledger on a real PostgreSQL server: the SQLite store's behaviours, and the same query answers.

Runs when ONRECORD_TEST_PG_URL is set (scripts/ci-postgres.sh starts a server; .ci/run sets the variable);
skips without it, and fails instead when CI is set. Each test gets a fresh schema (dropped afterwards),
selected through the connection's search_path, so tests never see each other's rows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, delete, inspect, make_url, select, text
from sqlalchemy.exc import OperationalError

from onrecord.errors import LedgerError
from onrecord.ledger import Ledger, schema
from onrecord.ledger import query as Q
from onrecord.ledger.migrations import MIGRATIONS
from onrecord.ledger.store import actor_key
from onrecord.records import Analysis, Article, Contradiction, Failure, Span, Speaker, Statement, Zone

PG_ENV = "ONRECORD_TEST_PG_URL"
PG_HINT = ("run scripts/ci-postgres.sh as root, then "
           f"export {PG_ENV}=postgresql+psycopg://onrecord:onrecord@127.0.0.1:5432/onrecord")
TEXT = "Kremlin spokesman Dmitry Peskov said on Monday that talks with Kyiv were impossible."


@pytest.fixture(scope="module")
def pg_server():
    url = os.environ.get(PG_ENV)
    if not url:
        reason = f"{PG_ENV} is not set: {PG_HINT}"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI is set, so this is a failure)")
        pytest.skip(reason)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        pytest.fail(f"{PG_ENV} is set but the server does not answer ({exc.orig}): {PG_HINT}")
    yield url, engine
    engine.dispose()


@contextmanager
def _fresh_schema(pg_server) -> Iterator[str]:
    """A URL whose connections live in a new, empty schema; the schema is dropped afterwards."""
    url, engine = pg_server
    name = f"onrecord_test_{uuid.uuid4().hex[:12]}"
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        in_schema = make_url(url).update_query_dict({"options": f"-csearch_path={name}"})
        yield in_schema.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))


@pytest.fixture
def pg_url(pg_server):
    with _fresh_schema(pg_server) as url:
        yield url


@pytest.fixture
def pg(pg_url):
    led = Ledger.open(pg_url)
    yield led
    led.close()


def _rows(led: Ledger, table) -> list:
    with led.engine.connect() as conn:
        return conn.execute(select(table)).all()


def _statement(text_: str, sid: str, phrase: str, name: str | None, **kw) -> Statement:
    start = text_.index(phrase)
    sp = Speaker(name=name, mention=name, start=text_.index(name) if name and name in text_ else None,
                 end=text_.index(name) + len(name) if name and name in text_ else None, **kw.pop("speaker", {}))
    if sp.start is None:
        sp = dataclasses.replace(sp, mention=None)
    return Statement(id=sid, kind=kw.pop("kind", "indirect"), text=phrase, start=start, end=start + len(phrase),
                     speaker=sp, **kw)


def _analysis(text_: str = TEXT, article_id: str = "a1", name: str = "Dmitry Peskov",
              published: dt.date | None = dt.date(2024, 8, 20)) -> Analysis:
    article = Article(id=article_id, text=text_, published=published, outlet="Wire")
    talks = text_.index("talks")
    stmt = _statement(text_, "s1", text_[talks:text_.index(".", talks)], name, about_negotiations=True,
                      stance="reject", cue=Span(32, 36, text_[32:36]), conditions=(Span(talks, talks + 5, "talks"),),
                      speaker={"role": "Kremlin spokesman", "affiliation": "Russia"})
    return Analysis(article=article, zones=(Zone("body", 0, len(text_)),), statements=(stmt,))


# ---- the store's behaviours ---------------------------------------------------------------------------
def test_postgres_migrations_are_recorded_and_applied_once(pg_url):
    Ledger.open(pg_url).close()
    led = Ledger.open(pg_url)
    assert [r.name for r in _rows(led, schema.migrations)] == [name for name, _ in MIGRATIONS]
    with led.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert {t.name for t in schema.metadata.sorted_tables} <= tables
    led.close()


def test_postgres_0002_upgrades_a_0001_ledger(pg_url):
    """The ALTER TABLE path of 0002 on PostgreSQL: a ledger made before 0002 gets its columns and indexes."""
    Ledger.open(pg_url).close()
    engine = create_engine(pg_url)
    with engine.begin() as conn:  # back to what 0001 made before 0002 was written
        conn.execute(text('DROP TABLE "signatures"'))
        for ix in ("ix_statements_affiliation_day", "ix_contradictions_b", "ix_articles_duplicate_of"):
            conn.execute(text(f'DROP INDEX "{ix}"'))
        for table in ("statements", "events"):
            conn.execute(text(f'ALTER TABLE "{table}" DROP COLUMN seq'))
        conn.execute(text("DELETE FROM migrations WHERE name LIKE '0002%'"))
    engine.dispose()
    led = Ledger.open(pg_url)
    assert led.store(_analysis()) == "inserted"
    with led.engine.connect() as conn:
        insp = inspect(conn)
        assert "seq" in {c["name"] for c in insp.get_columns("statements")}
        assert insp.has_table("signatures")
        assert "ix_contradictions_b" in {ix["name"] for ix in insp.get_indexes("contradictions")}
    led.close()


def test_postgres_same_article_twice_changes_nothing(pg):
    assert pg.store(_analysis()) == "inserted"
    before = pg.counts()
    assert pg.store(_analysis()) == "unchanged"
    assert pg.counts() == before
    assert before["articles"] == 1 and before["statements"] == 1 and before["actors"] == 1


def test_postgres_edited_article_replaces_its_earlier_version(pg):
    pg.store(_analysis())
    assert pg.store(_analysis(TEXT.replace("Monday", "Sunday"))) == "replaced"
    counts = pg.counts()
    assert counts["articles"] == 1 and counts["statements"] == 1
    (row,) = _rows(pg, schema.articles)
    assert "Sunday" in row.text and row.published == dt.date(2024, 8, 20)
    assert len(_rows(pg, schema.conditions)) == 1


def test_postgres_actor_roles_widen_over_time(pg):
    pg.store(_analysis(article_id="a1"))
    pg.store(_analysis(article_id="a2", published=dt.date(2025, 1, 5)))
    pg.store(_analysis(article_id="a3", published=None))  # an undated mention leaves the dates alone
    (role,) = _rows(pg, schema.actor_roles)
    assert (role.first_seen, role.last_seen) == (dt.date(2024, 8, 20), dt.date(2025, 1, 5))


LONG_TEXT = TEXT + " " + " ".join(f"Paragraph {i} of the report describes the shelling of district {i} and the "
                                  "convoys that left it." for i in range(8))


def test_postgres_near_copy_is_linked_and_signatures_survive_a_reopen(pg_url):
    """MinHash signatures go through bytea: a reopened ledger still recognises a copy of a stored article."""
    led = Ledger.open(pg_url)
    led.store(_analysis(LONG_TEXT, article_id="original"))
    led.close()
    led = Ledger.open(pg_url)  # the in-memory index is rebuilt from the stored signatures
    copy = LONG_TEXT.replace("Monday", "Sunday")
    assert led.store(_analysis(copy, article_id="copy")) == "inserted"
    rows = {r.id: r for r in _rows(led, schema.articles)}
    assert rows["copy"].duplicate_of == rows["original"].uid and rows["original"].duplicate_of is None
    assert led.counts()["statements"] == 1, "a copy keeps no statements of its own"
    led.close()


def test_postgres_failures_are_recorded_in_order(pg):
    pg.record_failure(Failure(source="in/a.txt", problem="empty file"))
    pg.record_failure(Failure(source="in/b.jsonl", problem="not JSON", place="line 7"))
    assert [f.line() for f in pg.failures()] == ["in/a.txt: empty file", "in/b.jsonl:line 7: not JSON"]


@pytest.mark.parametrize("url,fragment", [
    ("postgresql+psycopg://onrecord:onrecord@127.0.0.1:1/onrecord", "cannot connect to the database server"),
    ("postgresql+psycopg://onrecord:wrong-password@127.0.0.1:5432/onrecord", "password"),
])
def test_postgres_unreachable_or_refused_server_is_one_clear_error(pg_server, url, fragment):
    with pytest.raises(LedgerError, match=fragment):
        Ledger.open(url)


# ---- text PostgreSQL cannot hold ----------------------------------------------------------------------
_NO_NUL = st.characters(codec="utf-8", exclude_characters="\x00")  # as st.text(): no lone surrogates


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text_=st.text(_NO_NUL, min_size=1, max_size=300), name=st.text(_NO_NUL, min_size=1, max_size=40))
def test_postgres_arbitrary_unicode_round_trips(pg, text_, name):
    # `pg` is one ledger for all examples: each example starts from empty tables (DELETE; TRUNCATE takes ~0.7 s)
    with pg.engine.begin() as conn:
        for table in reversed(schema.metadata.sorted_tables):
            if table.name != "migrations":
                conn.execute(delete(table))
    pg._duplicates = None  # the in-memory near-duplicate index follows the emptied tables
    article = Article(id=name, text=text_, title=text_[:20], outlet=name)
    stmt = Statement(id="s1", kind="direct", text=text_, start=0, end=len(text_),
                     speaker=Speaker(name=name, mention=name))
    assert pg.store(Analysis(article=article, statements=(stmt,))) == "inserted"
    (row,) = _rows(pg, schema.articles)
    (srow,) = _rows(pg, schema.statements)
    assert (row.text, row.id, row.title, row.outlet) == (text_, name, text_[:20], name)
    assert (srow.text, srow.speaker_name) == (text_, name)
    assert pg.store(Analysis(article=article, statements=(stmt,))) == "unchanged"


def _with_nul(where: str) -> Analysis:
    a = _analysis()
    if where == "text":
        return _analysis(TEXT.replace("Kyiv", "Ky\x00v"))
    if where == "title":
        return dataclasses.replace(a, article=dataclasses.replace(a.article, title="Talks\x00"))
    if where == "speaker":
        return _analysis(name="Dmitry\x00Peskov")
    raise AssertionError(where)


@pytest.mark.parametrize("where,field", [
    ("text", "text"), ("title", "title"), ("speaker", "statements[0].speaker.name"),
])
def test_postgres_nul_character_is_refused_with_a_clear_error_and_nothing_written(pg, where, field):
    before = pg.counts()
    analysis = _with_nul(where)
    assert field in pg.unstorable(analysis)
    with pytest.raises(LedgerError, match=rf"'a1'.*{re.escape(field)}.*NUL character \(U\+0000\)"):
        pg.store(analysis)
    assert pg.counts() == before


def test_postgres_nul_is_kept_by_sqlite(tmp_path):
    """The documented difference: a SQLite ledger stores NUL characters as they are."""
    led = Ledger.open(str(tmp_path / "nul.db"))
    assert led.unstorable(_with_nul("text")) is None
    led.store(_with_nul("text"))
    (row,) = _rows(led, schema.articles)
    assert "Ky\x00v" in row.text
    led.close()


def test_postgres_failure_with_nul_is_recorded_visibly(pg):
    pg.record_failure(Failure(source="in/x.jsonl", place="line 2", problem="id 'a\x00b': bad"))
    (failure,) = pg.failures()
    assert failure.problem == "id 'a\\x00b': bad"


def test_postgres_very_long_speaker_name_fits_the_actor_id(pg, tmp_path):
    name = "Commander " + " ".join(["Alexandrovich"] * 30)
    analysis = _analysis(name=name)
    key = actor_key(analysis.statements[0])
    assert len(key) <= schema.actors.c.id.type.length
    assert actor_key(_analysis(name=name + " Junior").statements[0]) != key, "a cut id must stay unique"
    assert pg.store(analysis) == "inserted"
    (srow,) = _rows(pg, schema.statements)
    assert srow.actor_id == key and srow.speaker_name == name


# ---- the same query answers as SQLite -----------------------------------------------------------------
QUERY_ARTICLES = [
    ("q1", dt.date(2024, 3, 1), "Le Monde",
     "Foreign Minister Ana Ruiz said talks could resume if 100% of the prisoners were freed. "
     "Defence chief Omar Haddad said there would be no ceasefire_now while shelling went on."),
    ("q2", dt.date(2024, 5, 9), "WIRE",
     "Ana Ruiz said the government was open to negotiations with 100 envoys. "
     "Omar Haddad said the army would hold the line without a backchannel."),
    ("q3", None, "wire",
     "Ana Ruiz said a back\\channel to the rebels existed, ceasefire-now or not. "
     "Omar Haddad said there could be no talks at all."),
]


def _query_analyses() -> list[Analysis]:
    out = []
    for aid, published, outlet, body in QUERY_ARTICLES:
        first, second = body.split(". ", 1)
        first += "."
        article = Article(id=aid, text=body, published=published, outlet=outlet, title=f"Title {aid}")
        ruiz = _statement(body, "s1", first[first.index("said") + 5:-1], "Ana Ruiz",
                          about_negotiations="talks" in first or "negotiations" in first,
                          stance="conditional" if "if" in first.split() else ("open" if "open" in first else None),
                          speaker={"role": "Foreign Minister", "affiliation": "Aland"})
        s2 = second[second.index("said") + 5:-1]
        haddad = _statement(body, "s2", s2, "Omar Haddad",
                            about_negotiations="ceasefire" in s2 or "talks" in s2,
                            stance="reject" if ("no " in s2 and ("ceasefire" in s2 or "talks" in s2)) else None,
                            speaker={"role": "Defence chief", "affiliation": "Aland"})
        contra = (Contradiction("s1", "s2", "contradiction", "one side both offers and refuses talks"),)
        out.append(Analysis(article=article, zones=(Zone("body", 0, len(body)),), statements=(ruiz, haddad),
                            contradictions=contra if aid == "q1" else ()))
    return out


QUERIES = [
    ("all statements", lambda led: Q.statements(led)),
    ("about negotiations", lambda led: Q.statements(led, Q.StatementFilter(about="negotiations"))),
    ("stance reject", lambda led: Q.statements(led, Q.StatementFilter(stance="reject"))),
    ("speaker", lambda led: Q.statements(led, Q.StatementFilter(speaker="ana ruiz"))),
    ("speaker substring", lambda led: Q.statements(led, Q.StatementFilter(speaker="hadd"))),
    ("since", lambda led: Q.statements(led, Q.StatementFilter(since=dt.date(2024, 4, 1)))),
    ("until", lambda led: Q.statements(led, Q.StatementFilter(until=dt.date(2024, 4, 1)))),
    ("outlet any case", lambda led: Q.statements(led, Q.StatementFilter(outlet="Wire"))),
    ("search percent", lambda led: Q.statements(led, Q.StatementFilter(search="100%"))),
    ("search underscore", lambda led: Q.statements(led, Q.StatementFilter(search="ceasefire_now"))),
    ("search backslash", lambda led: Q.statements(led, Q.StatementFilter(search="back\\channel"))),
    ("search case", lambda led: Q.statements(led, Q.StatementFilter(search="CEASEFIRE"))),
    ("search prefix", lambda led: Q.statements(led, Q.StatementFilter(search="negot ruiz"))),
    ("search syntax", lambda led: Q.statements(led, Q.StatementFilter(search='"be" ALL* -talks:'))),
    ("search no word", lambda led: Q.statements(led, Q.StatementFilter(search='"*%'))),
    ("page", lambda led: Q.statements(led, Q.StatementFilter(limit=2, offset=1))),
    ("actors", lambda led: Q.actors(led)),
    ("actor", lambda led: Q.actor(led, "Ana Ruiz")),
    ("timeline", lambda led: Q.timeline(led, "Omar Haddad", about=None)),
    ("contradictions", lambda led: Q.contradictions(led)),
]


@pytest.fixture(scope="module")
def both(pg_server, tmp_path_factory):
    """The same analyses in a PostgreSQL and a SQLite ledger (read-only for the tests that use it)."""
    with _fresh_schema(pg_server) as url:
        pg, lite = Ledger.open(url), Ledger.open(str(tmp_path_factory.mktemp("q") / "q.db"))
        try:
            for analysis in _query_analyses():
                assert pg.store(analysis) == lite.store(analysis) == "inserted"
            yield pg, lite
        finally:
            pg.close()
            lite.close()


def test_postgres_queries_answer_as_sqlite_does(both):
    pg, lite = both
    for label, run in QUERIES:
        assert run(pg) == run(lite), label


@pytest.mark.parametrize("label,expect", [
    ("all statements", ["q2#s1", "q2#s2", "q1#s1", "q1#s2", "q3#s1", "q3#s2"]),  # newest first, undated last
    ("about negotiations", ["q2#s1", "q1#s1", "q1#s2", "q3#s2"]),
    ("stance reject", ["q1#s2", "q3#s2"]),
    ("speaker", ["q2#s1", "q1#s1", "q3#s1"]),
    ("speaker substring", ["q2#s2", "q1#s2", "q3#s2"]),
    ("since", ["q2#s1", "q2#s2"]),
    ("until", ["q1#s1", "q1#s2"]),
    ("outlet any case", ["q2#s1", "q2#s2", "q3#s1", "q3#s2"]),
    ("search percent", ["q2#s1", "q1#s1"]),  # a word search (search.py): "100%" is the word 100, in both
    ("search underscore", ["q1#s2", "q3#s1"]),  # the words ceasefire and now: "ceasefire-now" too
    ("search backslash", ["q3#s1"]),
    ("search case", ["q1#s2", "q3#s1"]),
    ("search prefix", ["q2#s1"]),
    ("search syntax", ["q3#s2"]),
    ("search no word", []),
    ("page", ["q2#s2", "q1#s1"]),
    ("timeline", ["q3#s2", "q1#s2", "q2#s2"]),  # oldest first; undated first, as SQLite sorts NULL
])
def test_postgres_query_answers(both, label, expect):
    pg, _lite = both
    result = dict(QUERIES)[label](pg)
    rows = result[0] if isinstance(result, tuple) else result
    assert [f"{r['article']['id']}#{r['id']}" for r in rows] == expect
    if isinstance(result, tuple) and label != "page":
        assert result[1] == len(expect)


def test_postgres_actor_and_contradiction_answers(both):
    pg, _lite = both
    listed, total = Q.actors(pg)
    assert total == 2 and [a["name"] for a in listed] == ["Ana Ruiz", "Omar Haddad"]
    assert all(a["statements"] == 3 for a in listed)
    ruiz = Q.actor(pg, "ana RUIZ")
    assert ruiz["roles"] == [{"role": "Foreign Minister", "from": "2024-03-01", "to": "2024-05-09"}]
    pairs, n = Q.contradictions(pg, across=False)
    assert n == 1 and (pairs[0]["a"], pairs[0]["b"], pairs[0]["across"]) == ("s1", "s2", False)


# ---- the command line with --db URL -------------------------------------------------------------------
PARAGRAPH = ("Foreign Minister Anna Berg said on Tuesday that talks with the rebels would resume next week. "
             "\u201cWe are ready to sit down with them,\u201d she told reporters in the capital.")


def _ingest(folder: Path, db: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "onrecord", "ingest", str(folder), "--db", db],
                          capture_output=True, text=True, timeout=300)


def _statement_rows(led: Ledger) -> list[tuple]:
    with led.engine.connect() as conn:
        return conn.execute(select(schema.articles.c.id, schema.statements.c.sid, schema.statements.c.text,
                                   schema.statements.c.start, schema.statements.c.stance)
                            .join(schema.articles, schema.articles.c.uid == schema.statements.c.article_uid)
                            .order_by(schema.articles.c.id, schema.statements.c.sid)).all()


@pytest.mark.slow
def test_postgres_ingest_through_the_cli(pg_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        body = f"Talks Resume {i}\n\n{PARAGRAPH}\n\nArticle number {i}.\n"
        (folder / f"art{i}.txt").write_text(body, encoding="utf-8")
    nul = {"id": "nul", "text": "Talks\n\nAnna Berg said talks were off.\x00\n"}
    (folder / "feed.jsonl").write_text(json.dumps(nul) + "\n", encoding="utf-8")
    first = _ingest(folder, pg_url)
    assert first.returncode == 1, first.stderr  # one article could not be stored: recorded, and the run went on
    assert "NUL character" in first.stderr and "3 new" in first.stderr
    again = _ingest(folder, pg_url)
    assert "0 new" in again.stderr and "3 unchanged" in again.stderr
    lite_db = str(tmp_path / "l.db")
    assert _ingest(folder, lite_db).returncode == 0
    pg, lite = Ledger.open(pg_url), Ledger.open(lite_db)
    try:
        assert pg.counts()["articles"] == 3 and lite.counts()["articles"] == 4
        nul_failures = [f for f in pg.failures() if "NUL character" in f.problem]
        assert len(nul_failures) == 2  # once per run: it is still not stored
        pg_rows = _statement_rows(pg)
        assert pg_rows and pg_rows == [r for r in _statement_rows(lite) if r[0] != "nul"]
    finally:
        pg.close()
        lite.close()
