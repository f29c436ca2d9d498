"""A cache of the JSON API's GET answers, keyed by the ledger's revision, so that a repeated question costs no query.

The revision is SQLite's ``PRAGMA data_version`` read on a connection of the cache's own that never writes: it
changes whenever any other connection commits, whether a write through this server (``POST /api/articles``, a
merge), another server process, or an `onrecord ingest` in another process. Every request reads it first (a few
microseconds); an answer is served from the cache only when it was made at the same revision, so no answer is
ever older than the last commit before the request came in. (A write that commits while an answer is being made
can only make that answer newer than its revision says, and the next request sees the new revision anyway.)

Only ``GET /api/...`` answers with status 200 and a JSON body are kept (exports stream and are never kept), at
most ``MAX_ENTRIES`` answers and ``MAX_BYTES`` in all, least recently used out first. Every API answer says
``X-Onrecord-Cache: hit`` or ``miss``. SQLite ledgers only (a PostgreSQL ledger is served uncached); set
``ONRECORD_API_CACHE=0`` to serve every request from the ledger.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import quote

ENV_VAR = "ONRECORD_API_CACHE"
HEADER = b"x-onrecord-cache"
# Bounds: a timeline page of 1000 statements is ~0.7 MB; most answers are 10-100 kB.
MAX_ENTRIES = 2048
MAX_BYTES = 128 * 1024 * 1024
MAX_ENTRY_BYTES = 8 * 1024 * 1024


def enabled_by_env() -> bool:
    return os.environ.get(ENV_VAR, "1").strip().lower() not in ("0", "false", "no", "off")


class Revision:
    """The ledger file's revision: ``PRAGMA data_version`` on a read-only connection that only asks that."""

    def __init__(self, path: Path):
        self._conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, isolation_level=None,
                                     check_same_thread=False)
        self._lock = threading.Lock()

    @classmethod
    def of(cls, engine) -> "Revision | None":
        """The revision of a SQLite file ledger; None for PostgreSQL, in-memory or URI databases."""
        url = engine.url
        if engine.dialect.name != "sqlite" or not url.database or url.database == ":memory:" \
                or url.database.startswith("file:"):
            return None
        try:
            revision = cls(Path(url.database))
            revision()
        except sqlite3.Error:
            return None
        return revision

    def __call__(self) -> int:
        with self._lock:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        self._conn.close()


class ResponseCache:
    """ASGI middleware: answers repeated ``GET /api/...`` requests from memory while the revision is unchanged."""

    def __init__(self, app, revision: Revision, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES):
        self.app = app
        self.revision = revision
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.size = 0
        # (path, query string) -> (revision, status, headers, body)
        self.entries: OrderedDict[tuple[str, bytes], tuple[int, int, list, bytes]] = OrderedDict()

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if scope["type"] != "http" or scope["method"] != "GET" or not path.startswith("/api/") \
                or path.startswith("/api/export/"):
            return await self.app(scope, receive, send)
        key = (path, scope.get("query_string", b""))
        revision = self.revision()  # before the answer is made: see the module's doc
        kept = self.entries.get(key)
        if kept is not None and kept[0] == revision:
            self.entries.move_to_end(key)
            _, status, headers, body = kept
            await send({"type": "http.response.start", "status": status, "headers": [*headers, (HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": body, "more_body": False})
            return
        start: dict | None = None
        chunks: list[bytes] = []

        async def keep(message):
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message.get("headers", []), (HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._store(key, revision, start, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)

    def _store(self, key, revision: int, start: dict, body: bytes) -> None:
        headers = list(start.get("headers", []))
        json = any(k.lower() == b"content-type" and v.startswith(b"application/json") for k, v in headers)
        if start["status"] != 200 or not json or len(body) > MAX_ENTRY_BYTES:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[3])
        self.entries[key] = (revision, start["status"], headers, body)
        self.size += len(body)
        while self.entries and (len(self.entries) > self.max_entries or self.size > self.max_bytes):
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped[3])
