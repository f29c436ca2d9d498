"""`onrecord serve --workers 2`: several server processes answer the same ledger, writes still need the token."""

from __future__ import annotations

import httpx

from onrecord.ledger import Ledger

from .web_kit import TOKEN, crafted_analyses, start_server, stop_server


def test_serve_workers_processes_answer_the_same_ledger(tmp_path):
    db = tmp_path / "w.db"
    ledger = Ledger.open(str(db))
    for analysis in crafted_analyses():
        ledger.store(analysis)
    ledger.close()
    server = start_server(db, token=TOKEN, workers=2)
    try:
        totals = {httpx.get(f"{server.url}/api/statements", timeout=30).json()["total"] for _ in range(12)}
        assert len(totals) == 1 and totals.pop() > 0
        denied = httpx.post(f"{server.url}/api/articles", json={"id": "x", "text": "Hi."}, timeout=30)
        assert denied.status_code == 401 and denied.json()["ok"] is False
    finally:
        stop_server(server)
