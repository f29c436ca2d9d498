"""Per-stage wall time, for benchmarks: ``Options(timings={})`` collects seconds per stage name."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def stage(sink: dict[str, float] | None, name: str) -> Iterator[None]:
    """Add the block's wall time to ``sink[name]`` (nothing when ``sink`` is None)."""
    if sink is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        sink[name] = sink.get(name, 0.0) + time.perf_counter() - start
