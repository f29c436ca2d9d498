"""The JSON API over the real server (uvicorn in a subprocess, httpx on loopback): every endpoint, filters,
pagination, exports, the token for writes, the size limit."""

from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord.web import MAX_BODY_BYTES

from .web_kit import TOKEN, assert_error_shape


def walk(client, path: str, **params) -> tuple[list[dict], int]:
    """Every item of a listing, following ``next`` cursors; the totals of all pages must agree."""
    items, totals, cursor = [], set(), None
    while True:
        page = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        assert page["ok"] is True and set(page) == {"ok", "items", "total", "next"}
        items += page["items"]
        totals.add(page["total"])
        cursor = page["next"]
        if cursor is None:
            break
    assert len(totals) == 1
    return items, totals.pop()


@pytest.mark.parametrize("path, key, limit", [
    ("/api/statements", "uid", 7),
    ("/api/actors", "id", 5),
    ("/api/articles", "id", 2),
])
def test_api_cursor_walks_every_item_exactly_once(example_server, path, key, limit):
    with example_server.client() as c:
        items, total = walk(c, path, limit=limit)
        everything = c.get(path, params={"limit": 1000}).json()
    keys = [i[key] for i in items]
    assert len(keys) == total == len(set(keys)) == everything["total"]
    assert set(keys) == {i[key] for i in everything["items"]}
    assert total > limit, "the examples should need more than one page"


def test_api_timeline_cursor_walks_every_item(crafted_server):
    with crafted_server.client() as c:
        items, total = walk(c, "/api/actors/ines-ort/timeline", limit=1)
    assert total == 3 and len({i["uid"] for i in items}) == 3
    assert [i["day"] for i in items] == sorted(i["day"] for i in items)


@pytest.mark.parametrize("params, check", [
    ({"stance": "reject"}, lambda s: s["stance"] == "reject"),
    ({"stance": "open"}, lambda s: s["stance"] == "open"),
    ({"about": "negotiations"}, lambda s: s["about_negotiations"]),
    ({"since": "2025-03-10"}, lambda s: s["day"] >= "2025-03-10"),
    ({"until": "2025-03-10"}, lambda s: s["day"] <= "2025-03-10"),
    ({"outlet": "north post"}, lambda s: s["article"]["outlet"] == "North Post"),
    ({"q": "TALKS"}, lambda s: "talks" in s["text"].lower() or "talks" in (s["speaker"]["name"] or "").lower()),
    ({"q": "ort"}, lambda s: "ort" in s["text"].lower() or "ort" in (s["speaker"]["name"] or "").lower()),
    ({"speaker": "ana-vale"}, lambda s: s["speaker"]["actor_id"] == "ana-vale"),
    ({"speaker": "Ines Ort", "stance": "open"}, lambda s: s["speaker"]["actor_id"] == "ines-ort" and s["stance"] == "open"),
])
def test_api_statement_filters_keep_exactly_the_matching(crafted_server, params, check):
    with crafted_server.client() as c:
        everything = c.get("/api/statements", params={"limit": 1000}).json()["items"]
        found = c.get("/api/statements", params=params).json()
    expected = {s["uid"] for s in everything if check(s)}
    assert expected, f"the crafted ledger should have statements for {params}"
    assert {s["uid"] for s in found["items"]} == expected and found["total"] == len(expected)


def test_api_statements_are_contract_statements_newest_first(example_server):
    with example_server.client() as c:
        items = c.get("/api/statements", params={"limit": 1000}).json()["items"]
    assert items
    for s in items:
        assert {"id", "kind", "text", "start", "end", "speaker", "cue", "channel", "said_on", "date_text", "zone",
                "about_negotiations", "stance", "counterpart", "conditions", "via", "article", "day", "uid"} <= set(s)
        assert set(s["speaker"]) == {"name", "actor_id", "mention", "start", "end", "role", "affiliation"}
    days = [s["day"] or "" for s in items]
    assert days == sorted(days, reverse=True)


def test_api_article_record_carries_text_that_every_offset_indexes(example_server):
    with example_server.client() as c:
        listed = c.get("/api/articles", params={"limit": 1000}).json()["items"]
        assert listed and all("text" not in a for a in listed)
        for item in listed:
            art = c.get(f"/api/articles/{item['id']}").json()
            assert art["ok"] and art["schema"] == "onrecord.article/1" and art["id"] == item["id"]
            text = art["text"]
            for s in art["statements"]:
                assert text[s["start"]:s["end"]] == s["text"]
                sp = s["speaker"]
                if sp["start"] is not None:
                    assert text[sp["start"]:sp["end"]] == sp["mention"]
                for cond in s["conditions"]:
                    assert text[cond["start"]:cond["end"]] == cond["text"]
            assert len(art["statements"]) == len(item["statements"])


def test_api_article_id_with_a_slash_is_found(crafted_server):
    with crafted_server.client() as c:
        art = c.get("/api/articles/crafted/one").json()
    assert art["id"] == "crafted/one" and "<script>" in art["text"]
    assert [x["kind"] for x in art["contradictions"]] == ["clash"]


def test_api_actor_shape_and_timeline(crafted_server):
    with crafted_server.client() as c:
        actors = c.get("/api/actors").json()["items"]
        one = c.get("/api/actors/ana-vale").json()
        timeline = c.get("/api/actors/ana-vale/timeline").json()
        all_topics = c.get("/api/actors/bruno-vale/timeline", params={"about": "all"}).json()
        on_talks = c.get("/api/actors/bruno-vale/timeline").json()
    for a in actors:
        assert set(a) == {"id", "name", "aliases", "roles", "affiliation", "statements"}
    assert one["name"] == "Ana Vale" and one["statements"] == 2 and "Ana Vale" in one["aliases"]
    assert [r["role"] for r in one["roles"]] == ["Foreign Minister"]
    assert [s["stance"] for s in timeline["items"]] == ["reject", "conditional"]
    assert timeline["items"][0]["conditions"][0]["text"] == "the shelling goes on"
    assert all_topics["total"] == 1 and on_talks["total"] == 0


def test_api_actors_search(crafted_server):
    with crafted_server.client() as c:
        found = c.get("/api/actors", params={"q": "Bruno Vale"}).json()
    assert [a["id"] for a in found["items"]] == ["bruno-vale"]


def test_api_contradictions_carry_both_statements(crafted_server):
    with crafted_server.client() as c:
        within = c.get("/api/contradictions", params={"across": "false"}).json()
        every = c.get("/api/contradictions").json()
    assert within["total"] == 1
    pair = within["items"][0]
    assert (pair["a"], pair["b"], pair["kind"], pair["across"]) == ("s1", "s2", "clash", False) and pair["why"]
    assert [s["id"] for s in pair["statements"]] == ["s1", "s2"]
    for p in every["items"]:  # across articles (found by the ledger), a and b are ARTICLE_ID#STATEMENT_ID
        a, b = p["statements"]
        assert (p["a"], p["b"]) == ((a["id"], b["id"]) if not p["across"] else
                                    (f"{a['article']['id']}#{a['id']}", f"{b['article']['id']}#{b['id']}"))


def test_api_events_list_is_a_listing(example_server):
    with example_server.client() as c:
        events = c.get("/api/events").json()
        exported = c.get("/api/export/events.jsonl").text.splitlines()
    assert events["ok"] and events["total"] == len(exported)


def test_api_statement_by_uid(crafted_server):
    with crafted_server.client() as c:
        first = c.get("/api/statements", params={"limit": 1}).json()["items"][0]
        article_uid, sid = first["uid"].split("#")
        one = c.get(f"/api/statements/{article_uid}/{sid}").json()
    assert one["uid"] == first["uid"] and one["text"] == first["text"]


@pytest.mark.parametrize("what", ["statements", "actors", "articles", "events"])
def test_api_export_jsonl_and_csv_hold_every_record(example_server, what):
    with example_server.client() as c:
        lines = c.get(f"/api/export/{what}.jsonl").text.splitlines()
        table = list(csv.DictReader(io.StringIO(c.get(f"/api/export/{what}.csv").text)))
        counts = c.get("/api/articles", params={"limit": 1}).json()["total"] if what == "articles" else None
        if what == "statements":
            counts = c.get("/api/statements", params={"limit": 1}).json()["total"]
    records = [json.loads(x) for x in lines]
    assert len(records) == len(table)
    if counts is not None:
        assert len(records) == counts > 0


def test_api_export_parquet_is_parquet(example_server):
    with example_server.client() as c:
        r = c.get("/api/export/statements.parquet")
    assert r.status_code == 200 and r.content[:4] == b"PAR1" and r.content[-4:] == b"PAR1"


def test_api_export_articles_with_text(crafted_server):
    with crafted_server.client() as c:
        records = [json.loads(x) for x in c.get("/api/export/articles.jsonl?with_text=true").text.splitlines()]
    assert len(records) == 3 and all("text" in r for r in records)


# ---- writing ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("headers, status", [
    ({}, 401),
    ({"Authorization": "Basic abc"}, 401),
    ({"Authorization": "Bearer wrong"}, 403),
])
def test_api_writes_need_the_token(write_server, headers, status):
    with write_server.client() as c:
        r = c.post("/api/actors/merge", json={"a": "ana-vale", "b": "bruno-vale"}, headers=headers)
        assert_error_shape(r, status)
        assert c.get("/api/actors/bruno-vale").json()["statements"] == 1  # nothing merged


@pytest.mark.parametrize("path, body", [
    ("/api/articles", {"id": "x", "text": "Some words."}),
    ("/api/actors/merge", {"a": "ana-vale", "b": "bruno-vale"}),
    ("/api/actors/split", {"a": "ana-vale", "b": "bruno-vale"}),
])
def test_api_read_only_server_refuses_writes(crafted_server, path, body):
    with crafted_server.client() as c:
        assert_error_shape(c.post(path, json=body, headers={"Authorization": "Bearer anything"}), 403)


def test_api_merge_then_split_actors(write_server):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with write_server.client(headers=auth) as c:
        merged = c.post("/api/actors/merge", json={"a": "Ana Vale", "b": "bruno-vale"})
        assert merged.status_code == 200 and merged.json()["action"] == "merge"
        assert c.get("/api/actors/ana-vale").json()["statements"] == 3
        assert "bruno-vale" not in {a["id"] for a in c.get("/api/actors").json()["items"]}
        assert_error_shape(c.post("/api/actors/merge", json={"a": "nobody at all", "b": "ana-vale"}), 404)
        split = c.post("/api/actors/split", json={"a": "ana-vale", "b": "bruno-vale"})
        assert split.status_code == 200
        assert c.get("/api/actors/ana-vale").json()["statements"] == 2


@pytest.mark.slow
def test_api_post_article_analyses_and_stores_it(write_server):
    text = ("Minister Lina Holt said on Tuesday that talks with the rebels would resume next week. "
            "\u201cWe are ready to sit down with them,\u201d she told reporters in the capital.\n")
    with write_server.client(headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        before = c.get("/api/articles").json()["total"]
        r = c.post("/api/articles", json={"id": "posted/1", "text": text, "title": "Talks to resume",
                                          "outlet": "Test Wire", "published": "2025-04-01"})
        assert r.status_code == 201, r.text + write_server.log()
        assert r.json()["outcome"] == "inserted"
        again = c.post("/api/articles", json={"id": "posted/1", "text": text, "title": "Talks to resume",
                                              "outlet": "Test Wire", "published": "2025-04-01"})
        assert again.json()["outcome"] == "unchanged"
        # the same article read with the rules alone is another reading: analysed again and replaced
        rules = c.post("/api/articles", params={"rules_only": "true"},
                       json={"id": "posted/1", "text": text, "title": "Talks to resume", "outlet": "Test Wire",
                             "published": "2025-04-01"})
        assert rules.status_code == 201 and rules.json()["outcome"] == "replaced", rules.text
        assert not any("learned model" in w for w in c.get("/api/articles/posted/1").json()["warnings"])
        stored = c.get("/api/articles/posted/1").json()
        assert c.get("/api/articles").json()["total"] == before + 1
    assert stored["text"] == text and stored["outlet"] == "Test Wire" and stored["published"] == "2025-04-01"
    assert stored["statements"], "the posted article's statements should be stored"
    for s in stored["statements"]:
        assert text[s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("body, status", [
    ({"id": "x"}, 422),
    ({"id": "", "text": "words"}, 422),
    ({"id": "x", "text": "words", "published": "yesterday"}, 422),
])
def test_api_post_article_validates_the_body(write_server, body, status):
    with write_server.client(headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        assert_error_shape(c.post("/api/articles", json=body), status)


def test_api_post_over_the_size_limit_is_413(write_server):
    big = {"id": "big", "text": "x" * MAX_BODY_BYTES}
    with write_server.client(headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        assert_error_shape(c.post("/api/articles", json=big), 413)

        def chunks():  # no Content-Length: the limit holds for a chunked upload too
            yield b'{"id": "big", "text": "'
            for _ in range(MAX_BODY_BYTES // 65536 + 1):
                yield b"y" * 65536
            yield b'"}'

        assert_error_shape(c.post("/api/articles", content=chunks(), headers={"Content-Type": "application/json"}), 413)
        assert c.get("/api/articles/big").status_code == 404
