"""One error shape for every error of every API route: 404, 405, 422, 400, 401/403, over the real server."""

from __future__ import annotations

import re

import pytest
from dataclasses import dataclass
from .web_kit import assert_error_shape

from onrecord.web import create_app

METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"}


@dataclass(frozen=True)
class Route:
    path: str
    methods: frozenset[str]
    query_params: frozenset[str]


def api_routes(db) -> list[Route]:
    """Every API route, from the application's own OpenAPI description."""
    app = create_app(str(db))
    spec = app.openapi()
    app.state.ledger.close()
    return [Route(path, frozenset(m.upper() for m in ops),
                  frozenset(p["name"] for op in ops.values() for p in op.get("parameters", []) if p["in"] == "query"))
            for path, ops in spec["paths"].items() if path.startswith("/api/")]


def missing_path(route: Route) -> str:
    """The route's path with every parameter filled by something the ledger does not hold."""
    return re.sub(r"\{[^}]+\}", "no-such-thing", route.path)


def test_errors_every_api_route_answers_405_in_the_shape(crafted_server, crafted_db):
    routes = api_routes(crafted_db)
    assert sum(len(r.methods) for r in routes) >= 13  # every operation the API documents
    with crafted_server.client() as c:
        for route in routes:
            for wrong in sorted(METHODS - route.methods - {"GET"}):
                assert_error_shape(c.request(wrong, missing_path(route)), 405)


def test_errors_every_api_route_with_a_parameter_answers_404_or_401_in_the_shape(crafted_server, crafted_db):
    with crafted_server.client() as c:
        for route in api_routes(crafted_db):
            if "{" not in route.path:
                continue
            for method in route.methods:
                r = c.request(method, missing_path(route), json={"a": "x", "b": "y"})
                assert_error_shape(r, 403 if method == "POST" else 404)


def test_errors_every_listing_validates_its_parameters_in_the_shape(crafted_server, crafted_db):
    with crafted_server.client() as c:
        checked = 0
        for route in api_routes(crafted_db):
            if "GET" not in route.methods or "limit" not in route.query_params:
                continue
            path = missing_path(route).replace("no-such-thing", "ines-ort")
            body = assert_error_shape(c.get(path, params={"limit": 0}), 422)
            assert "limit" in body["error"]
            assert_error_shape(c.get(path, params={"cursor": "not-a-cursor"}), 400)
            checked += 1
        assert checked >= 6


@pytest.mark.parametrize("path, params, status, words", [
    ("/api/nothing-here", {}, 404, "not found"),
    ("/api/statements", {"since": "last week"}, 422, "since"),
    ("/api/statements", {"stance": "angry"}, 422, "stance"),
    ("/api/statements", {"about": "weather"}, 422, "about"),
    ("/api/actors/ines-ort/timeline", {"about": "weather"}, 422, "about"),
    ("/api/contradictions", {"across": "maybe"}, 422, "across"),
    ("/api/export/statements.xml", {}, 404, "FORMAT"),
    ("/api/export/people.jsonl", {}, 404, "WHAT"),
    ("/api/articles/no/such/article", {}, 404, "no article"),
    ("/api/statements/abc/s1", {}, 404, "no statement"),
    ("/nothing-here", {}, 404, "not found"),
])
def test_errors_messages_say_what_is_wrong(crafted_server, path, params, status, words):
    with crafted_server.client() as c:
        body = assert_error_shape(c.get(path, params=params), status)
    assert words in body["error"]


def test_errors_a_browser_gets_an_html_page_with_the_same_status(crafted_server):
    with crafted_server.client(headers={"Accept": "text/html"}) as c:
        page = c.get("/actors/no-such-actor")
        api = c.get("/api/actors/no-such-actor")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no actor with id" in page.text
    assert_error_shape(api, 404)  # the API answers JSON whatever the client accepts
