"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

from typing import Sequence

from .records import Zone

# Below this many letters the identifier guesses; short English texts are taken as English.
MIN_LETTERS_FOR_DETECTION = 40


def detect_language(text: str, zones: Sequence[Zone] = ()) -> str:
    """ISO 639-1 code of the article's language, judged on its non-boilerplate text."""
    import py3langid

    parts = [text[z.start : z.end] for z in zones if z.kind != "boilerplate"] or [text]
    sample = "\n".join(parts)[:20000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS_FOR_DETECTION:
        return "en"
    lang, _score = py3langid.classify(sample)
    return lang
