"""Places an article invents or the lexicon does not know, recognised by their demonym: a capitalised name
("Sorvenia", "Daryastan") that the same article also writes as a demonym ("Sorvenian", "Daryastani") is a state
or a region run like one. Officials and bodies led by either word stand for it (:mod:`onrecord.sides`)."""

from __future__ import annotations

import re

from .stance.counterpart import place_of
from .stance.lexicon import load_lexicon

__all__ = ["article_places", "demonym_forms"]

# Shortest name taken for a place (shorter capitalised words are too often initials or acronyms).
MIN_PLACE_CHARS = 4
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w-]+")
# Continents and regions, which have demonyms too but no officials of their own.
REGIONS = frozenset({"Africa", "Asia", "Arabia", "Europe", "America", "Oceania", "Eurasia", "Scandinavia", "Balkans",
                     "Caucasus", "Sahel", "Maghreb", "Levant", "Caribbean", "Pacific", "Atlantic", "Mediterranean",
                     "Anatolia", "Siberia", "Patagonia", "Amazonia", "Melanesia", "Polynesia", "Micronesia"})


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
    for places the text names both ways."""
    words = set(_CAPITALISED.findall(text))
    lex = load_lexicon()
    out: dict[str, str] = {}
    for word in words:
        if len(word) < MIN_PLACE_CHARS or place_of(word, lex) or _part_of_known(word, text, lex):
            continue
        if word in REGIONS:
            continue
        forms = demonym_forms(word)
        demonyms = (forms | {d + "s" for d in forms if d.endswith("n")}) & words  # "Sorvenians", not "Amaris"
        if demonyms:
            out[word] = word
            for demonym in demonyms:
                out.setdefault(demonym, word)
    return out


def _part_of_known(word: str, text: str, lex) -> bool:
    """The word ends a place the lexicon knows by two words ("South Korea", "South Ossetia"): not a place of its own."""
    return any(place_of(m.group(0), lex) for m in re.finditer(rf"\b[A-Z][\w-]+\s{re.escape(word)}\b", text))
