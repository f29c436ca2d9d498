"""API bodies are encoded by orjson when installed, else by the standard library: the same bytes either way."""

from __future__ import annotations

import json

from onrecord.ledger import Ledger, query
from onrecord.web import jsonbody


def test_jsonbody_orjson_and_stdlib_give_the_same_bytes(crafted_db, monkeypatch):
    ledger = Ledger.open(str(crafted_db))
    try:
        items, total = query.statements(ledger, query.StatementFilter(limit=1000))
    finally:
        ledger.close()
    content = {"ok": True, "items": items, "total": total, "next": None, "odd": "\u201cq\u201d <b>&\u2028\U0001f642"}
    assert any(i["conditions"] for i in items) and any(i["channel"] for i in items)
    fast = jsonbody.dumps(content)
    monkeypatch.setattr(jsonbody, "orjson", None)
    plain = jsonbody.dumps(content)
    assert json.loads(fast) == content
    assert jsonbody.orjson is None and plain == fast
