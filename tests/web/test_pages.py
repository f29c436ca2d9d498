"""The pages over the real server: counts on the pages equal the API's, article text is escaped, filters work."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest


def test_pages_overview_counts_equal_the_api(example_server):
    with example_server.client() as c:
        html = c.get("/").text
        totals = {what: c.get(f"/api/{what}", params={"limit": 1}).json()["total"]
                  for what in ("articles", "statements", "contradictions")}
    for what, n in totals.items():
        assert re.search(rf'id="count-{what}">{n}<', html), what


def test_pages_search_total_equals_the_api(example_server):
    with example_server.client() as c:
        for q in ("talks", "the", "zzzz-nothing"):
            html = c.get("/search", params={"q": q}).text
            api = c.get("/api/statements", params={"q": q, "limit": 1}).json()["total"]
            assert f'<span id="total">{api}</span>' in html


def test_pages_article_page_lists_every_statement(example_server):
    with example_server.client() as c:
        for art in c.get("/api/articles", params={"limit": 1000}).json()["items"]:
            html = c.get(f"/articles/{quote(art['id'], safe='/')}").text
            assert html.count('<ol class="stmts">') == 1
            assert len(re.findall(r'data-role="statement-', html)) >= len(art["statements"])
            assert f"<h2>{len(art['statements'])} statements</h2>" in html


@pytest.mark.parametrize("path", ["/articles/crafted/one", "/search?q=talks", "/", "/contradictions",
                                  "/actors/ana-vale?about=all"])
def test_pages_text_from_articles_is_escaped(crafted_server, path):
    with crafted_server.client() as c:
        html = c.get(path).text
    assert "<script" not in html and "<b>while</b>" not in html
    assert "&lt;b&gt;while&lt;/b&gt;" in html or path == "/actors/ana-vale?about=all"


def test_pages_statement_page_marks_the_statement_and_its_parts(crafted_server):
    with crafted_server.client() as c:
        st = c.get("/api/statements", params={"speaker": "ana-vale", "stance": "reject"}).json()["items"][0]
        article_uid, sid = st["uid"].split("#")
        html = c.get(f"/statements/{article_uid}/{sid}").text
    body = html[html.index('id="article-text"'):]
    assert "&lt;script&gt;alert" in body and "<script" not in body
    for role, words in [("speaker", st["speaker"]["mention"]), ("cue", st["cue"]["text"]),
                        ("condition", st["conditions"][0]["text"])]:
        piece = re.search(rf'data-role="{role}"[^>]*>([^<]*)<', body)
        assert piece and unescape(piece.group(1)) == words, role


def test_pages_actor_page_draws_the_api_timeline(crafted_server):
    with crafted_server.client() as c:
        for about in ("negotiations", "all"):
            html = c.get("/actors/ines-ort", params={"about": about}).text
            api = c.get("/api/actors/ines-ort/timeline", params={"about": about}).json()
            uids = re.findall(r'class="mark stance-[a-z]+" data-uid="([^"]+)"', html)
            assert sorted(uids) == sorted(s["uid"] for s in api["items"] if s["day"])


@pytest.mark.parametrize("path", ["/", "/actors", "/actors?q=vale", "/search", "/search?stance=open&since=2025-03-10",
                                  "/articles", "/articles?outlet=North+Post", "/contradictions?across=false", "/docs",
                                  "/static/style.css"])
def test_pages_answer_and_load_nothing_from_elsewhere(crafted_server, path):
    with crafted_server.client() as c:
        r = c.get(path)
    assert r.status_code == 200
    assert not re.search(r'(src|href)="(https?:)?//', r.text)
    assert "default-src 'none'" in r.headers["content-security-policy"]


@pytest.mark.parametrize("path, status", [("/search?since=soon", 400), ("/actors/ines-ort?stance=angry", 400),
                                          ("/statements/abc/s9", 404), ("/articles/none", 404)])
def test_pages_bad_requests_get_an_error_page(crafted_server, path, status):
    with crafted_server.client(headers={"Accept": "text/html"}) as c:
        r = c.get(path)
    assert r.status_code == status and '<p class="error">' in r.text
