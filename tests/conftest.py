"""Shared fixtures. Tests that read ../shared skip without it, and fail instead when CI is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or skip (fail under CI) when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is absent: ../shared is not beside this clone"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI is set, so this is a failure)")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture(scope="session")
def nlp():
    from onrecord.nlp import load_model

    return load_model()
