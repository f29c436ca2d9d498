"""The API's response cache over the real server: repeated GETs are answered from memory, and any commit to the
ledger (through the API, or by another process) makes the next answer fresh."""

from __future__ import annotations

import datetime as dt
import shutil

import httpx
import pytest

from onrecord.ledger import Ledger
from onrecord.records import Analysis, Article, Speaker, Span, Statement, Zone

from .web_kit import TOKEN, start_server, stop_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def fresh_server(crafted_db, tmp_path):
    """A server with the token over a copy of the crafted ledger that only this test changes."""
    db = tmp_path / "cache.db"
    shutil.copy(crafted_db, db)
    server = start_server(db, token=TOKEN)
    yield server
    stop_server(server)


def _new_article(text_words: str) -> Analysis:
    text = f"Foreign Minister Ana Vale said: \u201c{text_words}\u201d\n"
    start = text.index(text_words)
    m = text.index("Ana Vale")
    st = Statement(id="s1", kind="direct", text=text_words, start=start, end=start + len(text_words),
                   speaker=Speaker("Ana Vale", "ana-vale", "Ana Vale", m, m + 8, "Foreign Minister", "Northland"),
                   cue=Span(text.index("said"), text.index("said") + 4, "said"), said_on=dt.date(2025, 4, 2),
                   about_negotiations=True, stance="open")
    art = Article(id="cache/new", text=text, title="Vale again", outlet="North Post", published=dt.date(2025, 4, 2))
    return Analysis(art, zones=(Zone("body", 0, len(text)),), statements=(st,))


def test_cache_repeats_are_hits_with_the_same_body(fresh_server):
    with fresh_server.client() as c:
        first = c.get("/api/actors/ana-vale/timeline")
        again = c.get("/api/actors/ana-vale/timeline")
        other = c.get("/api/actors/ana-vale/timeline", params={"about": "all"})
    assert first.headers["x-onrecord-cache"] == "miss" and again.headers["x-onrecord-cache"] == "hit"
    assert again.content == first.content and again.headers["content-type"] == first.headers["content-type"]
    assert other.headers["x-onrecord-cache"] == "miss"  # another query string is another answer
    # the outer middleware still marks every answer, cached or not
    assert again.headers["x-content-type-options"] == "nosniff" and "content-security-policy" in again.headers


def test_cache_a_write_through_the_api_makes_the_next_read_fresh(fresh_server):
    with fresh_server.client(headers=AUTH) as c:
        assert c.get("/api/actors/ana-vale").json()["statements"] == 2
        assert c.get("/api/actors/ana-vale").headers["x-onrecord-cache"] == "hit"
        assert c.post("/api/actors/merge", json={"a": "ana-vale", "b": "bruno-vale"}).status_code == 200
        after = c.get("/api/actors/ana-vale")
        assert after.headers["x-onrecord-cache"] == "miss" and after.json()["statements"] == 3
        assert c.post("/api/actors/split", json={"a": "ana-vale", "b": "bruno-vale"}).status_code == 200
        assert c.get("/api/actors/ana-vale").json()["statements"] == 2


def test_cache_a_write_by_another_process_makes_the_next_read_fresh(fresh_server):
    with fresh_server.client() as c:
        before = c.get("/api/statements", params={"q": "ceasefire"}).json()
        assert c.get("/api/statements", params={"q": "ceasefire"}).headers["x-onrecord-cache"] == "hit"
        timeline = c.get("/api/actors/ana-vale/timeline").json()
        ledger = Ledger.open(str(fresh_server.db))  # like `onrecord ingest` in another process
        try:
            assert ledger.store(_new_article("A ceasefire is within reach.")) == "inserted"
        finally:
            ledger.close()
        after = c.get("/api/statements", params={"q": "ceasefire"})
        new_timeline = c.get("/api/actors/ana-vale/timeline").json()
    assert before["total"] == 0
    assert after.headers["x-onrecord-cache"] == "miss"
    assert after.json()["total"] == 1 and after.json()["items"][0]["article"]["id"] == "cache/new"
    assert new_timeline["total"] == timeline["total"] + 1
    assert new_timeline["items"][-1]["text"] == "A ceasefire is within reach."


def test_cache_keeps_only_successful_json_answers(fresh_server):
    with fresh_server.client() as c:
        for _ in range(2):
            missing = c.get("/api/actors/nobody/timeline")
            assert missing.status_code == 404 and missing.headers["x-onrecord-cache"] == "miss"
            export = c.get("/api/export/statements.jsonl")
            assert export.status_code == 200 and "x-onrecord-cache" not in export.headers
            page = c.get("/actors/ana-vale")
            assert page.status_code == 200 and "x-onrecord-cache" not in page.headers


def test_cache_off_by_environment_answers_every_request_from_the_ledger(crafted_db, tmp_path):
    db = tmp_path / "off.db"
    shutil.copy(crafted_db, db)
    server = start_server(db, env={"ONRECORD_API_CACHE": "0"})
    try:
        answers = [httpx.get(f"{server.url}/api/actors/ana-vale/timeline", timeout=30) for _ in range(2)]
    finally:
        stop_server(server)
    assert all(a.status_code == 200 and "x-onrecord-cache" not in a.headers for a in answers)
    assert answers[0].content == answers[1].content
