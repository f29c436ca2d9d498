"""Speakers: a mention resolved to a canonical actor. STUB: the speakers helper replaces this module."""

from __future__ import annotations

from typing import Sequence

from ..nlp import Block
from ..records import Article, Speaker


class SpeakerResolver:
    """Resolves speaker mentions of one article to canonical actors.

    Built once per article from its parsed blocks; ``resolve`` is then called for each statement's
    subject mention, in text order.
    """

    def __init__(self, article: Article, blocks: Sequence[Block], registry: object | None = None):
        self.article = article
        self.blocks = blocks

    def resolve(self, start: int, end: int) -> Speaker:
        """The speaker named by ``article.text[start:end]`` ("he", "the aide", "Sergei Shoigu, the ...")."""
        mention = self.article.text[start:end]
        return Speaker(name=mention, mention=mention, start=start, end=end)
