"""Name comparison for scoring: case and accent folding, surnames, words.

Folding is for comparison only; it never touches an article's text or any offset.
"""

from __future__ import annotations

import re
import unicodedata

# Typographic marks an annotator and a system may spell either way ("Russia’s" / "Russia's").
_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "‐": "-", "‑": "-",
                              "–": "-", "—": "-"})
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(name: str | None) -> str:
    """Lower case, accents removed, typographic quotes/dashes made ASCII, runs of space collapsed."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name.translate(_TYPOGRAPHIC))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def words(text: str | None) -> list[str]:
    """The folded words of a text (letters and digits; punctuation dropped)."""
    return _WORD.findall(fold(text))


def surname(name: str | None) -> str | None:
    """The last word of a folded name ("Sergei Shoigu" -> "shoigu"), or None for an empty name."""
    found = words(name)
    return found[-1] if found else None


def same_name(predicted: str | None, gold: str | None) -> bool:
    """Canonical names equal after folding. A surname-only prediction ("Shoigu") is not a full name."""
    return bool(predicted) and bool(gold) and fold(predicted) == fold(gold)


def names_contain(a: str | None, b: str | None) -> bool:
    """Either folded name contains the other ("the Telegram news channel Shot" / "Telegram news channel Shot")."""
    fa, fb = fold(a), fold(b)
    return bool(fa) and bool(fb) and (fa in fb or fb in fa)
