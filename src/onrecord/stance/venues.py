"""Places an article names as the venue of talks, so that going there is about the talks.

"The Geneva process", "the Astana format", "talks in Istanbul", "the meeting in
Addis Ababa": once the article ties a place to the talks, a statement that only says "we will send nobody
back to Geneva", "no more trips to Istanbul" or "our team will be in Astana on Monday" is about them
(the place, as the object of "to", "in" or "at", is a negotiation word of that article: ``about._is_term``).

Learnt from the parses the stage already has (every parsed paragraph of the article), never from the lexicon's
places alone: a capital is a venue only where the article says so.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Sequence

from .lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..nlp import Block

# Nouns of meetings and negotiating processes whose place names a venue ("the Geneva process", "the Astana
# platform"); not a ceasefire, truce or deal, whose place is where it holds ("the Gaza ceasefire").
PROCESS_NOUNS = frozenset({"talks", "negotiation", "negotiations", "dialogue", "process", "round", "platform",
                           "format", "summit", "meeting", "conference", "track"})
# Prepositions that place talks somewhere ("talks in Istanbul", "the meeting at Lancaster House").
PLACING_PREPS = frozenset({"in", "at"})
# Prepositions through which a statement goes to, or is at, a venue.
VENUE_PREPS = frozenset({"to", "in", "at"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _is_process(token: "Token") -> bool:
    return token.lemma_.lower() in PROCESS_NOUNS or token.lower_ in PROCESS_NOUNS


def _place_words(token: "Token", compound: bool = False) -> list[str]:
    """The token's word when it names a place; a proper-noun modifier the recogniser left unlabelled counts
    too ("the Jeddah platform")."""
    if token.ent_type_ in PLACE_LABELS or (compound and token.pos_ == "PROPN" and not token.ent_type_):
        return [token.lower_]
    return []


def learn_venues(blocks: Sequence["Block"]) -> frozenset[str]:
    """Lower-cased place words (the head word of each place name) the article ties to talks."""
    found: set[str] = set()
    for block in blocks:
        for token in block.doc:
            if token.pos_ not in {"NOUN", "PROPN"} or not _is_process(token):
                continue
            for child in token.children:
                if child.dep_ in {"compound", "nmod"}:
                    found.update(_place_words(child, compound=True))
                elif child.dep_ == "prep" and child.lower_ in PLACING_PREPS:
                    for place in child.children:
                        if place.dep_ == "pobj":
                            found.update(_place_words(place))
    # a country is a party or a theatre of war, not a venue ("ceasefire talks in Ukraine"); a city is
    lex = load_lexicon()
    return frozenset(w for w in found if not _is_country(w, lex))


def _is_country(word: str, lex: Lexicon) -> bool:
    """A country's own name (not a capital or city standing for it): "ukraine", not "doha"."""
    country = lex.places.get(word) or lex.demonyms.get(word)
    return country is not None and country.lower() == word


def with_venues(lex: Lexicon, blocks: Sequence["Block"]) -> Lexicon:
    """The lexicon with the article's venues (the same object when it names none)."""
    venues = learn_venues(blocks)
    return dataclasses.replace(lex, venues=venues) if venues else lex


def is_venue(token: "Token", lex: Lexicon) -> bool:
    """A venue of the article's talks as the object of "to", "in" or "at" ("back to Geneva")."""
    return (bool(lex.venues) and token.lower_ in lex.venues and token.dep_ == "pobj"
            and token.head.lower_ in VENUE_PREPS)


def is_venue_process(token: "Token", lex: Lexicon) -> bool:
    """A process noun named after one of the article's venues: "committed to the Geneva process"."""
    return (bool(lex.venues) and _is_process(token) and token.pos_ in {"NOUN", "PROPN"}
            and any(c.dep_ in {"compound", "nmod"} and c.lower_ in lex.venues for c in token.children))
