"""Attribution: who said what. STUB: replaced by the attribution work."""

from __future__ import annotations

from typing import Sequence

from ..nlp import Block
from ..records import Article, Statement, Zone


def find_statements(article: Article, zones: Sequence[Zone], blocks: Sequence[Block],
                    warnings: list[str]) -> list[Statement]:
    return []
