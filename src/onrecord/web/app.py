"""The web application: ``create_app(ledger_or_db, token=None, max_body_bytes=...)``.

Routes: the JSON API under ``/api`` (``api.py``), the pages (``pages.py``), a stylesheet under ``/static``,
the OpenAPI description at ``/openapi.json`` and a readable rendering of it at ``/docs`` (served from here:
nothing is loaded from a CDN). Every error has one shape (``errors.py``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..ledger.store import Ledger
from . import errors

# Largest request body accepted: a long article as JSON is ~100 kB; 2 MB leaves room for twenty of them
# and still bounds what one request can make the server hold.
MAX_BODY_BYTES = 2 * 1024 * 1024
STATIC = Path(__file__).resolve().parent / "static"
# Pages load nothing but this server's stylesheet; there is no script at all.
CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"


class BodyLimit:
    """ASGI middleware: a request whose body is over ``max_bytes`` gets 413 in the API's error shape.

    Reads the body before the application does (so a chunked upload with no Content-Length is bounded
    too) and replays it.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._too_large(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._too_large(scope, receive, send)
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _too_large(self, scope, receive, send):
        response = errors.json_error(413, f"request body over {self.max_bytes} bytes: send a smaller article "
                                          "(the limit is MAX_BODY_BYTES in onrecord.web.app)",
                                     headers={"Connection": "close"})
        await response(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: a strict Content-Security-Policy and no MIME sniffing on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"same-origin")]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def create_app(ledger_or_db: Ledger | str | None = None, token: str | None = None,
               max_body_bytes: int = MAX_BODY_BYTES, cache: bool | None = None) -> FastAPI:
    """The application over a ledger (an open ``Ledger``, a SQLite path or a SQLAlchemy URL; None: the default).

    ``token``: writes (POST) need ``Authorization: Bearer TOKEN``; without one the API is read-only.
    ``cache``: answer repeated API GETs from memory until the ledger changes (``cache.py``; SQLite ledgers only);
    None: unless ``ONRECORD_API_CACHE=0``.
    """
    from . import api, pages
    from .cache import ResponseCache, Revision, enabled_by_env

    ledger = ledger_or_db if isinstance(ledger_or_db, Ledger) else Ledger.open(ledger_or_db)
    app = FastAPI(title="onrecord", version=__version__, docs_url=None, redoc_url=None,
                  description="Officials' statements on war and peace: the ledger, read-only unless a token is set. "
                              "Lists answer {ok, items, total, next}; errors {ok: false, error, status}.")
    app.state.ledger = ledger
    app.state.token = token or None
    app.state.write_lock = threading.Lock()
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    revision = Revision.of(ledger.engine) if (enabled_by_env() if cache is None else cache) else None
    if revision is not None:
        app.add_middleware(ResponseCache, revision=revision)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app


# How `onrecord serve --workers N` hands its settings to the N server processes uvicorn starts.
DB_ENV = "ONRECORD_SERVE_DB"
TOKEN_ENV = "ONRECORD_SERVE_TOKEN"


def app_from_env() -> FastAPI:
    """The application for one of several server processes, configured by DB_ENV and TOKEN_ENV."""
    import os

    return create_app(os.environ.get(DB_ENV) or None, token=os.environ.get(TOKEN_ENV) or None)


def describe(app: FastAPI) -> list[dict[str, Any]]:
    """The API's operations from its OpenAPI description, for the /docs page."""
    spec = app.openapi()
    out = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                    "description": p.get("description", ""),
                                    "type": _type(p.get("schema", {}))} for p in op.get("parameters", [])],
                        "body": _body(spec, op)})
    return out


def _type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    if "const" in schema:
        return str(schema["const"])
    return schema.get("format") or schema.get("type", "")


def _body(spec: dict[str, Any], op: dict[str, Any]) -> list[dict[str, str]]:
    ref = (op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}).get("$ref"))
    if not ref:
        return []
    model = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    required = set(model.get("required", []))
    return [{"name": k, "type": _type(v), "required": k in required} for k, v in model.get("properties", {}).items()]
