"""With whom talks are (not) to be held, and which side a speaker or a named party stands for.

Places and demonyms resolve through the lexicon's small alias table (a capital or seat of government
stands for its state: "Kyiv" -> "Ukraine", "the Kremlin" -> "Russia"); a pronoun takes the article's own
bracketed gloss ("them [Ukraine]") or else the nearest earlier party named in the same paragraph;
other organisations and people resolve to their own name as written ("Hamas").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable, Iterable

from ..actors import default_registry
from ..actors.names import without_possessive
from ..actors.roles import SEAT_NOUNS
from ..attribution.bodies import NON_STATE_NAME_WORDS
from ..records import Span, Speaker
from .context import Piece
from .lexicon import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# A gloss the article inserts after a pronoun: "them [Ukraine]", "they (the Ukrainians)".
GLOSS = re.compile(r"\s*[\[(]([^\])]{1,60})[\])]")
# Pronouns that stand for a party and need resolving.
PARTY_PRONOUNS = frozenset({"them", "they", "him", "her", "it", "us", "you", "we", "me"})
FIRST_PERSON = frozenset({"us", "we", "me"})
# Entity labels that name a party (spaCy's OntoNotes scheme).
PARTY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Prepositions that introduce the other party of talks.
PARTY_PREPS = frozenset({"with", "between", "to"})
# A place after these words in a role is the official's portfolio or posting, not the side they speak for.
PORTFOLIO_PREPS = frozenset({"for", "to", "on"})
# Leading words dropped from a party written out as is ("the Taliban" -> "Taliban").
LEADING = frozenset({"the", "a", "an", "its", "their", "our"})


def place_of(words: str, lex: Lexicon) -> str | None:
    """The state a name, capital or demonym stands for, or None: "Kyiv" -> "Ukraine"; the stance lexicon's
    places first (with its metonyms: "the Kremlin", "Bankova"), then the actor registry's country table."""
    key = words.lower().strip(" .,'’")
    key = key[4:] if key.startswith("the ") else key
    return lex.places.get(key) or lex.demonyms.get(key) or (_registry_country(key) if key else None)


@functools.lru_cache(maxsize=65536)
def _registry_country(key: str) -> str | None:
    return default_registry().country_of(key)


def side_of_text(text: str | None, lex: Lexicon) -> str | None:
    """The first state named in a free text (an affiliation, a role, an organisation name)."""
    if not text:
        return None
    direct = place_of(text, lex)
    if direct:
        return direct
    return _first_named(text, lex, lambda phrase: place_of(phrase, lex))


def _first_named(text: str, lex: Lexicon, find: Callable[[str], str | None]) -> str | None:
    """The first phrase of up to three words in ``text`` that ``find`` knows, longest first, skipping portfolios
    ("envoy for Syria", "ambassador to Russia": what the office deals with, not whose it is)."""
    words = re.findall(r"[\w.’'-]+", text)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            before = [w.lower() for w in words[max(0, i - 2) : i]]
            portfolio = before and (before[-1] in PORTFOLIO_PREPS
                                    or before[-2:] in (["for", "the"], ["to", "the"], ["on", "the"])
                                    # "the delegation in Doha": where, not whose ("the government in X" is a seat)
                                    or (before[-1] in {"in", "at"} and (len(before) < 2 or before[-2] not in SEAT_NOUNS)))
            if portfolio and without_possessive(" ".join(words[i : i + n])).lower() not in lex.demonyms:
                continue  # "envoy for Syria", "ambassador to Russia", "Office for Refugees": a portfolio, not a side
            found = find(without_possessive(" ".join(words[i : i + n])))
            if found:
                return found
    return None


@functools.lru_cache(maxsize=4096)
def _registry_body(phrase: str) -> str | None:
    """The side of a body the seed registry knows by this name (an organisation, not a person or a state):
    "Hamas" -> Hamas, "IRGC" -> Iran; a plural name from its adjective ("Houthi" -> Houthis)."""
    if not phrase[:1].isupper():
        return None
    registry = default_registry()
    for name in (phrase, phrase + "s"):
        actor = registry.lookup_exact(name)
        if actor is not None and actor.kind != "person":
            return actor.affiliation or actor.name
    return None


def body_side(role: str | None, lex: Lexicon) -> str | None:
    """The side of a non-state body a role names ("Hamas spokesman", "the Houthis' chief negotiator"), or of an
    armed group it names in full ("a commander of the separatist Azawad Liberation Front")."""
    return (_first_named(role, lex, _registry_body) or _armed_group(role)) if role else None


# Words that mark a group fighting a state ("Liberation", "People's", "Patriotic"): not "Armed Forces".
_GROUP_MARKS = NON_STATE_NAME_WORDS | {"people's", "people’s", "popular", "patriotic", "freedom", "independence",
                                       "salvation", "democratic", "islamic"}
# A proper name of an armed group: capitalised words ending in a group's head ("Azawad Liberation Front").
_GROUP_NAME = re.compile(r"(?:[A-Z][\w’'-]*\s+){1,4}(?:Front|Movement|Army|Alliance|Brigades|Forces)\b")


def _armed_group(role: str) -> str | None:
    """An armed group's full name in a role, when one of its words marks a group that fights a state."""
    for found in _GROUP_NAME.finditer(role):
        name = found.group(0)
        if {w.lower() for w in name.split()} & _GROUP_MARKS:
            return name
    return None


def speaker_side(speaker: Speaker, lex: Lexicon) -> str | None:
    """The side a speaker stands for: the affiliation, else a state named in the role or the name, else a body the
    registry knows named in the role ("Hamas spokesman")."""
    if speaker.affiliation:
        return side_of_text(speaker.affiliation, lex) or speaker.affiliation
    return side_of_text(speaker.role, lex) or side_of_text(speaker.name, lex) or body_side(speaker.role, lex)


@functools.lru_cache(maxsize=4096)
def person_side(name: str) -> str | None:
    """The affiliation the seed actor registry gives a person named in the text, if it knows them."""
    actor = default_registry().lookup(name, fuzzy=False)
    return actor.affiliation if actor is not None else None


def subject_phrase(token: "Token") -> str:
    """A name as written, with its compound parts ("Vladimir Putin")."""
    return _phrase(token)


def _phrase(token: "Token") -> str:
    """A noun phrase as written, without a leading determiner and without trailing clauses."""
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in {"compound", "flat"}]
    while words and words[0].lower_ in LEADING:
        words = words[1:]
    if not words:
        return token.text
    doc = token.doc
    return doc[words[0].i : words[-1].i + 1].text


def resolve_party(token: "Token", piece: Piece, lex: Lexicon, own_side: str | None) -> str | None:
    """The party a noun phrase names: a state for places, capitals and demonyms, else its own name."""
    if token.lower_ in PARTY_PRONOUNS:
        return _resolve_pronoun(token, piece, lex, own_side)
    # a place of several words: "Addis Ababa", "New Delhi", "South Korea"
    if token.pos_ == "PROPN" and any(c.dep_ == "compound" for c in token.children):
        found = place_of(without_possessive(_phrase(token)), lex)
        if found:
            return found
    # a demonym of several words before the head: "the Turkish Cypriot side", "the Greek Cypriot delegation"
    mods = [t for t in token.lefts if t.dep_ in {"amod", "compound"} and t.text[:1].isupper()]
    if len(mods) >= 2:
        found = place_of(" ".join(t.text for t in mods), lex)
        if found and token.lemma_.lower() in lex.party_heads | {"side"}:
            return found
    # "the Kyiv regime", "the Ukrainian side", "Russia's leadership": a place inside the phrase names the state
    for t in _left_part(token):
        found = place_of(t.text, lex)
        if found and (t.i == token.i or token.lemma_.lower() in lex.party_heads or t.ent_type_ in PARTY_LABELS):
            return found
    if token.ent_type_ in PARTY_LABELS or token.pos_ == "PROPN":
        return _phrase(token)
    return None


def _left_part(token: "Token") -> Iterable["Token"]:
    """The token, then its modifiers nearest first ("the Greek Cypriot delegation": Cypriot before Greek)."""
    yield token
    for t in reversed(list(token.lefts)):
        if t.dep_ in {"compound", "amod", "poss", "nmod"}:
            yield from sorted(t.subtree, key=lambda x: -x.i)


def _resolve_pronoun(token: "Token", piece: Piece, lex: Lexicon, own_side: str | None) -> str | None:
    if token.lower_ in FIRST_PERSON:
        return own_side
    text = token.doc.text
    after = GLOSS.match(text, token.idx + len(token.text))
    if after:
        gloss = after.group(1)
        return side_of_text(gloss, lex) or gloss.strip()
    # the nearest earlier party in the paragraph that is not the speaker's own side
    for prior in reversed(token.doc[: token.i]):
        if prior.ent_type_ not in PARTY_LABELS and prior.lower_ not in lex.places and prior.lower_ not in lex.demonyms:
            continue
        party = place_of(prior.text, lex) or (prior.text if prior.ent_type_ in {"ORG", "GPE"} else None)
        if party and party != own_side:
            return party
    return None


def counterpart_of(path: list["Token"], piece: Piece, lex: Lexicon, own_side: str | None) -> str | None:
    """The other party of the talks a path (negotiation word up to the statement head) speaks of."""
    candidates: list["Token"] = []
    for node in path:
        for child in node.children:
            if child.i not in piece.governed:
                continue
            if child.dep_ == "prep" and child.lower_ in PARTY_PREPS:
                if child.lower_ == "to" and node.lemma_.lower() not in lex.party_verbs:
                    continue
                candidates.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
            elif child.dep_ == "dobj" and node.lemma_.lower() in lex.party_verbs:
                candidates.append(child)
    for head in candidates:
        options = [head, *(c for c in head.conjuncts)]
        parties = [p for p in (resolve_party(o, piece, lex, own_side) for o in options) if p]
        if not parties:  # "with whoever is in power in Kyiv": a place inside the phrase
            parties = [p for p in (place_of(t.text, lex) for t in head.subtree) if p][:1]
        # "talks between Moscow and Kyiv": the party that is not the speaker's own
        others = [p for p in parties if p != own_side] if len(parties) > 1 else parties
        if others:
            return others[0]
    return None


def implied_counterpart(
    path: list["Token"], conditions: Iterable[Span], piece: Piece, lex: Lexicon, own_side: str | None
) -> str | None:
    """With no with-phrase, the one other party the conditions name:
    "no ceasefire until Hamas is destroyed" -> "Hamas". Only when the speaker's side is known."""
    if own_side is None:
        return None
    doc = piece.block.doc
    spans = [(c.start - piece.block.start, c.end - piece.block.start) for c in conditions]
    found: list[str] = []
    for i in sorted(piece.governed):
        token = doc[i]
        if not any(a <= token.idx < b for a, b in spans):
            continue
        if token.ent_type_ not in PARTY_LABELS - {"PERSON"} and not place_of(token.text, lex):
            continue
        party = place_of(token.text, lex) or (token.text if token.ent_type_ == "ORG" else None)
        if party and party != own_side and party not in found:
            found.append(party)
    return found[0] if len(found) == 1 else None
