"""How listings read pages on a real SQLite file: records built straight from the rows equal the contract
statements of ``rows.statement_dict``; a common word's page read from the newest matches equals the plain
ordering; totals stay exact when the count is skipped; an actor's merge group is found in one query."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from sqlalchemy import select

from .ledger_kit import article, rich_article, said
from .test_postgres import pg_server, pg_url  # noqa: F401 - PostgreSQL fixtures (skip without ONRECORD_TEST_PG_URL)

from onrecord.ledger import Ledger, actors, query, schema, search
from onrecord.ledger.query import StatementFilter
from onrecord.ledger.rows import statement_dict
from onrecord.web import data

D = dt.date
S, A = schema.statements, schema.articles


def _reference(led: Ledger) -> dict[str, dict]:
    """Every stored statement as the contract record plus uid, day and article block, read the plain way."""
    with led.engine.connect() as conn:
        rows = conn.execute(select(S, A.c.id.label("a_id"), A.c.source, A.c.title, A.c.outlet, A.c.published)
                            .join(A, A.c.uid == S.c.article_uid)).mappings().all()
        conds = query.conditions_of(conn, [r["uid"] for r in rows])
    out = {}
    for r in rows:
        d = statement_dict(r, conds.get(r["uid"], ()))
        d.update(uid=r["uid"], day=r["day"].isoformat() if r["day"] else None,
                 article={"id": r["a_id"], "source": r["source"], "title": r["title"], "outlet": r["outlet"],
                          "published": r["published"].isoformat() if r["published"] else None})
        out[r["uid"]] = d
    return out


@pytest.fixture
def ledger(tmp_path):
    led = Ledger.open(str(tmp_path / "p.db"))
    led.store(rich_article())  # cue, channel, a condition, a role
    text = ("Premier Karin Lund said \u201cno truce until the guns fall silent and the hostages come home\u201d on "
            "Monday. Lund said \u201cwe are open to talks\u201d later.")
    two = dataclasses.replace(
        said(text, "no truce until the guns fall silent and the hostages come home", "s1", "Karin Lund",
             on=D(2024, 5, 6)),
        conditions=(_span(text, "the hostages come home"), _span(text, "the guns fall silent")))  # two, in this order
    led.store(article("lund", text, [two, said(text, "we are open to talks", "s2", "Karin Lund", stance="open")],
                      published=None, outlet=None))
    yield led
    led.close()


def test_query_pages_records_equal_the_contract_statements(ledger):
    expected = _reference(ledger)
    rows, total = query.statements(ledger, StatementFilter(limit=1000))
    assert total == len(expected) == len(rows) == 4
    assert {r["uid"]: r for r in rows} == expected
    assert any(r["cue"] and r["channel"] and r["conditions"] for r in rows)  # the fixture sets every field
    assert any(r["day"] is None and r["article"]["published"] is None for r in rows)
    lund = next(r for r in rows if r["text"].startswith("no truce"))
    assert [c["text"] for c in lund["conditions"]] == ["the hostages come home", "the guns fall silent"]
    for name in ("Ivan Petrov", "Karin Lund"):
        for r in query.timeline(ledger, name, about=None):
            assert {k: v for k, v in r.items() if k != "article"} == \
                {k: v for k, v in expected[r["uid"]].items() if k != "article"}
            assert r["article"] == {**expected[r["uid"]]["article"], "copies": []}
    with ledger.engine.connect() as conn:
        actor = conn.execute(select(S.c.actor_id).where(S.c.speaker_name == "Ivan Petrov")).scalar()
    page = data.timeline(ledger, actor, data.TimelineFilter(about="all"), 1000)
    assert page.total == 2 and [r for r in page.items] == sorted(
        (expected[r["uid"]] for r in page.items), key=lambda r: (r["day"] or "", r["uid"]))
    pairs, _ = query.contradictions(ledger)
    assert pairs and all(s == expected[s["uid"]] for p in pairs for s in p["statements"])


def test_query_pages_conditions_come_in_their_order(tmp_path):
    led = Ledger.open(str(tmp_path / "c.db"))
    try:
        text = "Envoy Tomas Weiss said \u201cno deal unless the border opens, the army leaves and prisoners return\u201d."
        st = said(text, "no deal unless the border opens, the army leaves and prisoners return", "s1", "Tomas Weiss",
                  on=D(2024, 1, 2))
        parts = ["the border opens", "the army leaves", "prisoners return"]
        led.store(article("c1", text, [dataclasses.replace(st, conditions=tuple(_span(text, p) for p in parts))]))
        (row,), _ = query.statements(led, StatementFilter())
        assert [c["text"] for c in row["conditions"]] == parts
        assert row == _reference(led)[row["uid"]]
    finally:
        led.close()


def _span(text: str, part: str):
    from onrecord.records import Span

    i = text.index(part)
    return Span(i, i + len(part), part)


def _many(path, n: int = 400) -> tuple[Ledger, list[tuple[str | None, str, bool]]]:
    """n statements; "talks" in a third of them; days in a narrow range (ties) and some without a day."""
    rng = random.Random(11)
    led = Ledger.open(str(path))
    facts = []
    batch = []
    for k in range(n):
        common = k % 3 == 0
        words = ("the talks go on" if common else "the army holds") + f" round {k}"
        text = f"Minister Olav Berg said \u201c{words}\u201d."
        day = None if k % 17 == 0 else D(2024, 1, 1) + dt.timedelta(days=rng.randrange(40))
        batch.append(article(f"m{k:04d}", text, [said(text, words, "s1", "Olav Berg", on=day)], published=day))
        facts.append((day.isoformat() if day else None, f"m{k:04d}", common))
    for a in batch:
        led.store(a)
    return led, facts


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    led, facts = _many(tmp_path_factory.mktemp("many") / "m.db")
    yield led, facts
    led.close()


@pytest.mark.parametrize("factor", [1, 2, 3, 4, search.NEWEST_FACTOR])
def test_query_pages_common_word_pages_equal_the_plain_order(many, monkeypatch, factor):
    """Small factors put the newest-statements bound right at the page's edge (many matches on the bound day)."""
    monkeypatch.setattr(search, "NEWEST_FACTOR", factor)
    led, facts = many
    with led.engine.connect() as conn:
        taken = [search.Search.parse("talks").count_and_newest(conn, wanted)
                 for wanted in (1, 10, 13, 20, 40)]
    assert {total for total, _ in taken} == {sum(c for _, _, c in facts)}
    assert any(newest is not None for _, newest in taken)  # the path under test is taken
    matching = [(day, aid) for day, aid, common in facts if common]
    # newest first, days without a date last, ties by statement uid (the article's uid order is not the id's)
    got_all, _ = query.statements(led, StatementFilter(search="talks", limit=1000))
    uid_of = {r["article"]["id"]: r["uid"] for r in got_all}
    dated = sorted((m for m in matching if m[0]), key=lambda m: (m[0], _neg(uid_of[m[1]])), reverse=True)
    undated = sorted((m for m in matching if not m[0]), key=lambda m: uid_of[m[1]])
    plain = [aid for _, aid in dated + undated]
    assert [r["article"]["id"] for r in got_all] == plain
    for limit, offset in [(1, 0), (2, 0), (10, 0), (10, 10), (7, 3), (13, 0), (20, 20), (50, 100),
                          (5, len(plain) - 2), (5, len(plain) + 4)]:
        rows, total = query.statements(led, StatementFilter(search="talks", limit=limit, offset=offset))
        assert [r["article"]["id"] for r in rows] == plain[offset:offset + limit], (limit, offset)
        assert total == len(plain)


def _neg(uid: str) -> tuple:
    """Sorts uids descending inside a reverse sort: ties by uid ascending."""
    return tuple(-ord(ch) for ch in uid)


def test_query_pages_totals_are_exact_on_every_page(tmp_path):
    led, facts = _many(tmp_path / "t.db", n=60)
    try:
        everything, total = query.statements(led, StatementFilter(limit=1000))
        assert total == len(everything) == 60
        for limit in (1, 7, 30, 60, 61):
            for offset in (0, limit, 59, 60, 75):
                rows, t = query.statements(led, StatementFilter(limit=limit, offset=offset))
                assert t == 60 and rows == everything[offset:offset + limit], (limit, offset)
                f = data.TimelineFilter(about="all")
                page = data.timeline(led, _actor(led), f, limit, offset)
                assert page.total == 60 and len(page.items) == len(everything[offset:offset + limit])
    finally:
        led.close()


def _actor(led: Ledger) -> str:
    with led.engine.connect() as conn:
        return conn.execute(select(S.c.actor_id)).scalar()


def test_query_pages_actor_group_is_one_actor_for_an_id(tmp_path):
    led = Ledger.open(str(tmp_path / "g.db"))
    try:
        text = "Ana Vale said \u201cno talks\u201d. Bruno Vale said \u201cno truce\u201d. Ines Ort said \u201ctalks now\u201d."
        led.store(article("g1", text, [said(text, "no talks", "s1", "Ana Vale", actor_id="ana-vale"),
                                       said(text, "no truce", "s2", "Bruno Vale", actor_id="bruno-vale"),
                                       said(text, "talks now", "s3", "Ines Ort", actor_id="ines-ort")]))
        actors.merge(led, "ana-vale", "bruno-vale")
        with led.engine.connect() as conn:
            for actor_id in ("ana-vale", "bruno-vale", "ines-ort"):
                assert query.actor_group(conn, actor_id) == query.one_actor(conn, actor_id)
            assert query.actor_group(conn, "ana-vale") == ["ana-vale", "bruno-vale"]
            assert query.actor_group(conn, "nobody") == []
        assert data.timeline(led, "nobody", data.TimelineFilter(), 10) is None
        assert data.timeline(led, "bruno-vale", data.TimelineFilter(), 10).total == 2
    finally:
        led.close()


def test_query_pages_postgres_gives_the_same_records(pg_url, tmp_path):
    """The same listings on PostgreSQL (dates come back as dates there, not text) as on SQLite."""
    pg, lite = Ledger.open(pg_url), Ledger.open(str(tmp_path / "same.db"))
    try:
        text = "Ana Vale said \u201cno talks while the shelling goes on\u201d. Ines Ort said \u201ctalks now\u201d."
        for led in (pg, lite):
            led.store(rich_article())
            led.store(article("g1", text, [said(text, "no talks while the shelling goes on", "s1", "Ana Vale",
                                                actor_id="ana-vale", condition="while the shelling goes on",
                                                on=D(2024, 6, 1)),
                                           said(text, "talks now", "s2", "Ines Ort", actor_id="ines-ort")],
                              published=None))
        for f in (StatementFilter(limit=1000), StatementFilter(limit=1, offset=1), StatementFilter(search="talks"),
                  StatementFilter(speaker="Ana Vale"), StatementFilter(about="negotiations", limit=2)):
            assert query.statements(pg, f) == query.statements(lite, f), f
        assert query.timeline(pg, "Ana Vale") == query.timeline(lite, "Ana Vale")
        for limit, offset in ((1000, 0), (1, 0), (1, 1)):
            a = data.timeline(pg, "ana-vale", data.TimelineFilter(about="all"), limit, offset)
            assert a == data.timeline(lite, "ana-vale", data.TimelineFilter(about="all"), limit, offset)
        assert query.contradictions(pg) == query.contradictions(lite)
    finally:
        pg.close()
        lite.close()
