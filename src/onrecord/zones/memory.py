"""Cross-document boilerplate memory: paragraphs that recur across the articles of one outlet.

A donation box, a newsletter sign-up or a footer is pasted into every article an outlet publishes, so a
paragraph seen in two or more articles of the same outlet is evidence of boilerplate whatever its words.
Articles are grouped by ``Article.outlet``; articles with no outlet form one group of their own (key
``NO_OUTLET``). The memory is a plain ``{outlet: {fingerprint: number of articles}}`` mapping, so a ledger can
store it with :meth:`BoilerplateMemory.to_dict` and load it back with :meth:`BoilerplateMemory.from_dict`.

Fingerprints fold what scraping changes between two copies of one block: Unicode compatibility forms, case,
curly versus straight quotes and apostrophes, punctuation and spacing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ..errors import OnrecordError
from ..records import Article
from .paragraphs import split_paragraphs

NO_OUTLET = ""  # the group key of articles whose outlet is unknown
MEMORY_FORMAT = "onrecord.boilerplate-memory/1"
# A paragraph is boilerplate evidence once it occurs in this many articles of one outlet (the brief:
# "recurring in >= 2 articles of a group").
MIN_RECURRENCE = 2
# An article whose paragraphs recur in other articles for more than this share of its characters is a
# near-duplicate (the same story ingested twice, or syndicated), not a page full of boilerplate: memory is
# ignored for it. 0.8 leaves room for articles that are half appeal box (the shared examples are 45-60 %).
NEAR_DUPLICATE_SHARE = 0.8
_NON_WORD = re.compile(r"[\W_]+")


def fingerprint(paragraph_text: str) -> str | None:
    """A short stable hash of the paragraph's folded words; ``None`` when it has no letters or digits."""
    folded = unicodedata.normalize("NFKC", paragraph_text).casefold()
    words = _NON_WORD.sub(" ", folded).strip()
    if not words:
        return None
    return hashlib.sha1(words.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def outlet_key(outlet: str | None) -> str:
    return NO_OUTLET if outlet is None else outlet


@dataclass
class BoilerplateMemory:
    """Paragraph fingerprints counted across the articles of one run, per outlet.

    ``counts[outlet][fingerprint]`` is the number of distinct articles of that outlet holding the paragraph.
    """

    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def from_articles(cls, articles: Iterable[Article]) -> "BoilerplateMemory":
        memory = cls()
        for article in articles:
            memory.add(article)
        return memory

    def add(self, article: Article) -> None:
        """Count each distinct paragraph of ``article`` once under its outlet."""
        group = self.counts.setdefault(outlet_key(article.outlet), {})
        for fp in {fingerprint(p.text) for p in split_paragraphs(article.text)} - {None}:
            group[fp] = group.get(fp, 0) + 1  # type: ignore[index]

    def count(self, outlet: str | None, paragraph_text: str) -> int:
        """In how many articles of ``outlet`` this paragraph occurs."""
        fp = fingerprint(paragraph_text)
        if fp is None:
            return 0
        return self.counts.get(outlet_key(outlet), {}).get(fp, 0)

    def recurs(self, outlet: str | None, paragraph_text: str) -> bool:
        return self.count(outlet, paragraph_text) >= MIN_RECURRENCE

    def to_dict(self) -> dict[str, Any]:
        return {"format": MEMORY_FORMAT, "outlets": {k: dict(v) for k, v in self.counts.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "BoilerplateMemory":
        if data.get("format") != MEMORY_FORMAT or not isinstance(data.get("outlets"), Mapping):
            raise OnrecordError(
                f"not a boilerplate memory: expected {{'format': {MEMORY_FORMAT!r}, 'outlets': {{...}}}} "
                f"as written by BoilerplateMemory.to_dict(), got keys {sorted(data)}"
            )
        return cls({str(k): {str(fp): int(n) for fp, n in v.items()} for k, v in data["outlets"].items()})
