"""Places an article invents or the lexicon does not know, recognised by their demonym: a capitalised name
("Sorvenia", "Daryastan") that the same article also writes as a demonym ("Sorvenian", "Daryastani") is a state
or a region run like one. Officials and bodies led by either word stand for it (:mod:`onrecord.sides`)."""

from __future__ import annotations

import functools
import re

from .attribution.coref import english_words
from .stance.counterpart import place_of
from .stance.lexicon import load_lexicon

__all__ = ["article_places", "demonym_forms"]

# Texts whose places are kept (the two side passes of an article, and a few articles of a batch).
PLACES_CACHE = 8
# Shortest name taken for a place (shorter capitalised words are too often initials or acronyms).
MIN_PLACE_CHARS = 4
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w-]+")
_PAIR = re.compile(r"\b([A-Z][\w-]+)\s(?=([A-Z][\w-]+)\b)")
# Continents and regions, which have demonyms too but no officials of their own, and common words the lemmatizer's
# lists miss ("Media" / "Median").
NOT_PLACES = frozenset({"Media", "Africa", "Asia", "Arabia", "Europe", "America", "Oceania", "Eurasia", "Scandinavia",
                        "Balkans", "Caucasus", "Sahel", "Maghreb", "Levant", "Caribbean", "Pacific", "Atlantic",
                        "Mediterranean", "Anatolia", "Siberia", "Patagonia", "Amazonia", "Melanesia", "Polynesia",
                        "Micronesia"})


def demonym_forms(place: str) -> set[str]:
    """The demonyms English forms from a place's name: Sorvenia -> Sorvenian, Velastra -> Velastran, Daryastan ->
    Daryastani, Marovai -> Marovaian (only the forms an article also writes count). No "-i" form but after "-stan":
    "Eleni", "Omari" are names."""
    forms = {place + "n", place + "ian", place + "ese", place + "an"}
    if place.endswith("stan"):
        forms.add(place + "i")
    if place[-1:] in {"a", "e", "o", "y"}:
        forms |= {place[:-1] + "an", place[:-1] + "ian"}
    return forms - {place}


def article_places(text: str) -> dict[str, str]:
    """Each word that names an unknown place or its demonym in ``text`` -> the place ("Sorvenian" -> "Sorvenia"),
    for places the text names both ways (read once per text: both side passes of an article ask)."""
    return dict(_places(text))


@functools.lru_cache(maxsize=PLACES_CACHE)
def _places(text: str) -> tuple[tuple[str, str], ...]:
    words = set(_CAPITALISED.findall(text))
    lex = load_lexicon()
    english = english_words()
    out: dict[str, str] = {}
    preceded: dict[str, set[str]] = {}  # a capitalised word -> the capitalised words written just before it
    for m in _PAIR.finditer(text):
        preceded.setdefault(m.group(2), set()).add(m.group(1))
    for word in words:
        if len(word) < MIN_PLACE_CHARS or word in NOT_PLACES or word.lower() in english or place_of(word, lex):
            continue  # (an English word, "Civil" / "Civilian", "Republic" / "Republican", is no place of its own)
        if any(place_of(f"{first} {word}", lex) for first in preceded.get(word, ())):
            continue  # the end of a place the lexicon knows by two words ("South Korea", "South Ossetia")
        forms = demonym_forms(word)
        demonyms = (forms | {d + "s" for d in forms if d.endswith("n")}) & words  # "Sorvenians", not "Amaris"
        if demonyms:
            out[word] = word
            for demonym in demonyms:
                out.setdefault(demonym, word)
    return tuple(out.items())

