"""JSON bodies of the API, encoded once: orjson when installed (the ``web`` extra brings it), else the standard
library, with the same output either way (UTF-8, no ASCII escapes, no spaces)."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

try:
    import orjson
except ModuleNotFoundError:  # pragma: no cover - the web extra installs it
    orjson = None


def dumps(content: Any) -> bytes:
    """``content`` (JSON values, dates as ISO strings) as UTF-8 JSON bytes."""
    if orjson is not None:
        return orjson.dumps(content)
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


class JsonResponse(Response):
    """A JSON response whose content is encoded as it is, without FastAPI's validation or jsonable_encoder walk."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content)
