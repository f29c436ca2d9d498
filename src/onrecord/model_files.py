"""Reading a packaged model file (the learned stance and pair models' weights, JSON): one error naming the file
and the fix for a missing or unreadable file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .errors import OnrecordError

if TYPE_CHECKING:  # pragma: no cover
    from importlib.resources.abc import Traversable
    from pathlib import Path


def read_model_json(source: "Path | Traversable", what: str, script: str) -> Any:
    """The parsed JSON of a model file; ``what``: "stance", "pair"; ``script``: the training script to name."""
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise OnrecordError(f"{source}: the packaged {what} model is missing: reinstall onrecord, or run with "
                            "--rules-only") from exc
    except ValueError as exc:  # not UTF-8, not JSON
        raise OnrecordError(f"{source}: the packaged {what} model is not readable JSON ({exc}): reinstall "
                            f"onrecord, retrain it with {script}, or run with --rules-only") from exc
