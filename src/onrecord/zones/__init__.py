"""Zones: headline, byline, caption, body and boilerplate spans over the unchanged article text.

``find_zones(article, memory)`` splits the text into paragraphs (non-blank lines, ``paragraphs.py``), measures
each (``features.py``), decides its kind from its features, its neighbours and the cross-document
``BoilerplateMemory`` (``classify.py``, ``memory.py``), and writes zones that tile the text.

Tiling: the zones are sorted, contiguous and non-empty; the first starts at 0 and the last ends at
``len(text)``. Whitespace between paragraphs (blank lines, line breaks, indentation) belongs to the PRECEDING
paragraph's zone; whitespace before the first paragraph belongs to the first zone. Adjacent paragraphs of the
same kind are merged into one zone. Empty text has no zones; text that is only whitespace is one ``other``
zone. The text itself is never changed, so every offset still points into the input.
"""

from __future__ import annotations

from ..records import Article, Zone
from .classify import Decision, classify
from .features import paragraph_features
from .memory import NEAR_DUPLICATE_SHARE, BoilerplateMemory
from .paragraphs import Paragraph, split_paragraphs

__all__ = ["BoilerplateMemory", "Decision", "explain_zones", "find_zones"]


def explain_zones(article: Article, memory: BoilerplateMemory | None = None) -> list[Decision]:
    """Each paragraph's zone kind and the rule that decided it, in text order."""
    paragraphs = split_paragraphs(article.text)
    features = [paragraph_features(p) for p in paragraphs]
    recurring = _recurring(article, paragraphs, memory)
    return classify(paragraphs, features, recurring, title=article.title)


def find_zones(article: Article, memory: BoilerplateMemory | None = None) -> list[Zone]:
    """Zones tiling ``article.text``; ``memory`` adds boilerplate seen in other articles of the outlet."""
    text = article.text
    if not text:
        return []
    decisions = explain_zones(article, memory)
    if not decisions:
        return [Zone("other", 0, len(text))]
    zones: list[Zone] = []
    for i, d in enumerate(decisions):
        start = 0 if i == 0 else d.paragraph.start
        end = decisions[i + 1].paragraph.start if i + 1 < len(decisions) else len(text)
        if zones and zones[-1].kind == d.kind:
            zones[-1] = Zone(d.kind, zones[-1].start, end)
        else:
            zones.append(Zone(d.kind, start, end))
    return zones


def _recurring(article: Article, paragraphs: list[Paragraph], memory: BoilerplateMemory | None) -> list[bool]:
    """Which paragraphs recur in other articles of the outlet; none for a near-duplicate article."""
    if memory is None or not paragraphs:
        return [False] * len(paragraphs)
    flags = [memory.recurs(article.outlet, p.text) for p in paragraphs]
    total = sum(len(p.text) for p in paragraphs)
    shared = sum(len(p.text) for p, flag in zip(paragraphs, flags) if flag)
    if shared > NEAR_DUPLICATE_SHARE * total:
        return [False] * len(paragraphs)
    return flags
