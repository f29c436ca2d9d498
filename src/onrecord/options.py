"""The one options object passed down through every stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .errors import OptionsError

# Readers refuse files above this size: a news article is rarely above 200 kB of text; 20 MB leaves
# room for long HTML pages with inline scripts while keeping one bad file from exhausting memory.
MAX_INPUT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Settings for reading and analysing articles.

    published / outlet / title: metadata given by the user; they override what a reader found.
    strict: stop at the first failure instead of recording it and going on.
    max_bytes: inputs larger than this are refused with a clear error.
    languages: languages analysed; articles detected as another language are skipped with a warning.
    stance_model: after the stance rules, the packaged learned model revises their reading
        (``stance/learned.py``); False keeps the rules' reading alone (``--rules-only``).
    pair_model: the packaged learned pair model reads every pair of an article's statements for
        contradictions (``learned_pairs.py``); False keeps the pair rules alone (``--rules-only``).
    """

    published: dt.date | None = None
    outlet: str | None = None
    title: str | None = None
    strict: bool = False
    max_bytes: int = MAX_INPUT_BYTES
    languages: tuple[str, ...] = ("en",)
    stance_model: bool = True
    pair_model: bool = True
    extra: dict[str, object] = field(default_factory=dict)
    # When a dict is given, analysis adds each stage's wall time (seconds) to it: for benchmarks.
    timings: dict[str, float] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise OptionsError(f"max_bytes must be positive, got {self.max_bytes!r}")
        if not self.languages:
            raise OptionsError("languages must name at least one language code, e.g. ('en',)")
