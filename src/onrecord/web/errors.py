"""One error shape for the whole API: ``{"ok": false, "error": message, "status": code}``.

Every error the server answers with goes through here: our own ``ApiError`` (a message and an HTTP status),
Starlette's 404 and 405, FastAPI's request validation (422), the request size limit (413), library errors
(``OnrecordError``) and anything unexpected (500, the message says where to look). API paths (``/api/...``)
and clients that do not ask for HTML get the JSON shape; a browser on a page gets the same message and
status as an HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import OnrecordError

log = logging.getLogger(__name__)

# Default reasons for statuses Starlette raises on its own, rewritten to say what to do.
_REASONS = {
    404: "not found: see /docs for the API's routes",
    405: "method not allowed on this route: see /docs for the methods each route takes",
}


_LOCATIONS = {"query": "query parameter", "path": "path parameter", "body": "body field", "header": "header"}


class ApiError(Exception):
    """An error with an HTTP status; the message says what is wrong and how to fix it."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def error_body(status: int, message: str) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status}


def json_error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
    if _wants_html(request):
        from .pages import render_error

        return render_error(request, status, message, headers)
    return json_error(status, message, headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        kind = _LOCATIONS.get(loc[0], loc[0]) if loc else "request"
        where = f"{kind} {'.'.join(loc[1:])!r}" if len(loc) > 1 else kind
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _respond(request, exc.status, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else None
        generic = detail is None or detail in ("Not Found", "Method Not Allowed")
        message = _REASONS.get(exc.status_code, detail or "error") if generic else detail
        return _respond(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        return _respond(request, 422, _validation_message(exc))

    @app.exception_handler(OnrecordError)
    async def _library_error(request: Request, exc: OnrecordError):
        return _respond(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return json_error(500, f"internal error ({type(exc).__name__}): see the server's log")
