"""Opposing sides' claims about one agreement that cannot both be true: each blames the other for breaking,
delaying or blocking it, or one blames the other and the other denies it ("Ukraine did not stop for a single
day" / "Ukraine has never violated the moratorium"; "Moscow delayed the swap" / "Kyiv alone was to blame").

Judged on the statement texts within one article (where both speak of the article's agreement), from words
alone: a blame word (``BLAME``) with a party named near it in the same sentence, the party's side read from
the lexicon's places and demonyms ("Kyiv", "the Russian side") or "we"/"our" for the speaker's own side.
Mutual accusations of separate attacks are not disputes: the blame words are those of breaking an agreement
or a process, and one of the two statements must be about talks or name the agreement (``AGREEMENT``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .records import Statement
from .actors.names import without_possessive
from .stance.counterpart import place_of
from .stance.lexicon import load_lexicon

__all__ = ["Blame", "blame_of", "disputed", "has_blame_words"]

# Words of breaking, holding up or refusing an agreement or a process; "did not stop" is blame by itself.
# (Not "kept attacking": accusations of attacks are not disputes over an agreement.)
BLAME = re.compile(
    r"\b(?:violat\w*|breach\w*|broken?|break(?:s|ing)?|delay\w*|block\w*|disrupt\w*|sabotag\w*|derail\w*|"
    r"stall\w*|torpedo\w*|obstruct\w*|undermin\w*|wreck\w*|to blame|at fault|responsible for|refus\w*|"
    r"(?:did|does|has|have) not stop\w*|never stopped|kept changing|call(?:ed|ing|s)? off|cancel\w*|"
    r"walk(?:ed|s|ing)? (?:out|away)|pull(?:ed|s|ing)? out|abandon\w*|postpon\w*|"
    r"(?:froze|frozen|freez\w*)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:talks|exchange|swap|deal|process|"
    r"negotiations|dialogue|agreement|track|handover)|"
    r"(?:got|stood|gets|stands) up and (?:left|walked out)|left the (?:table|room|hall|session|talks))\b",
    re.IGNORECASE,
)
# A negation just before a blame word turns an accusation of one's own side into a denial.
NEGATION = re.compile(r"\b(?:not|never|no|n't|nothing|nobody|no one|none)\b", re.IGNORECASE)
NEGATION_REACH = 25
# A negation right before a blame word that names no party: "Nobody walked out", "no violation", "has never broken".
BARE_DENIAL = re.compile(r"\b(?:not|never|n't|nobody|no one|no)\s+(?:(?:\w+ly|been|ever|once|even)\s+)?$", re.IGNORECASE)
# Blame words that carry their own negation: never a denial.
SELF_NEGATED = re.compile(r"\b(?:not stop|never stopped)", re.IGNORECASE)
# How far before a statement, within its sentence, the party it blames is looked for.
LEAD_CHARS = 120
# Characters either side of a blame word within which the party it blames is looked for (same sentence).
PARTY_REACH = 90
OWN_WORDS = frozenset({"we", "We", "our", "Our", "us", "ourselves"})
# Nouns of an agreement or a process: one statement of a dispute names one, or is about talks.
AGREEMENT = re.compile(
    r"\b(?:truce|ceasefire|cease-fire|moratorium|deal|agreement|accord|swap|exchange(?! of fire)|talks|"
    r"negotiation\w*|pause|memorandum|corridor|evacuation)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w’'.-]+")
# "the army", "the rebels", "government troops": a party named by a common noun after "the" or "government".
PARTY_NOUN = re.compile(r"\b(?:the|government|state|federal)\s+([a-z]+)(?:\s+([a-z]+))?\b", re.IGNORECASE)
# Common nouns of armed groups: the side that is not a state, whoever speaks ("the rebels" in a rebel's words too).
REBEL_WORDS = frozenset({"rebel", "rebels", "insurgents", "separatists", "militants", "guerrillas", "militias"})
# Common nouns of a state's forces or government.
STATE_FORCES = frozenset({"army", "military", "troops", "soldiers", "forces", "government", "authorities"})


@dataclass(frozen=True, slots=True)
class Blame:
    """Whom a statement blames (sides) and whether it denies blame for the speaker's own side."""

    accuses: frozenset[str]
    denies: bool


def _parties(text: str, own: str | None, sides: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(offset, side) of each party named in the text: places and demonyms, "we"/"our" as the own side, and
    the names of the two sides themselves ("the M23 had violated the ceasefire")."""
    lex = load_lexicon()
    words = list(WORD.finditer(text))
    out: list[tuple[int, str]] = []
    for side in sides:
        for m in re.finditer(rf"(?<!\w){re.escape(side)}(?!\w)", text, re.IGNORECASE):
            out.append((m.start(), side.casefold()))
    out += _party_nouns(text, own, sides, lex)
    for k, m in enumerate(words):
        word = m.group().strip(".’'")
        if word in OWN_WORDS and own:  # lower case only: "US" is a country
            out.append((m.start(), own.casefold()))
            continue
        for n in (3, 2, 1):
            if k + n > len(words):
                continue
            phrase = without_possessive(" ".join(w.group() for w in words[k : k + n]))
            side = place_of(phrase, lex)
            if side:
                out.append((m.start(), side.casefold()))
                break
    return out


def _party_nouns(text: str, own: str | None, sides: tuple[str, ...], lex) -> list[tuple[int, str]]:
    """Parties named by a common noun, when the two sides of a dispute are known: an adversary word ("the
    rebels", "the occupiers", "the regime") is the side that is not the speaker's; a word of the state's forces or
    government ("the army", "government troops") is the side that is a state, when only one of the two is."""
    if len(set(sides)) != 2 or not own or own.casefold() not in sides:
        return []
    other = next(side for side in sides if side != own.casefold())
    states = [side for side in sides if place_of(side, lex)]
    out = []
    for m in PARTY_NOUN.finditer(text):
        words = [w.lower() for w in m.groups() if w]  # the head or the word before it: "the rebel fighters"
        if any(w in REBEL_WORDS for w in words):
            if len(states) == 1:
                out.append((m.start(), next(side for side in sides if side != states[0])))
        elif any(w in lex.other_heads for w in words):
            out.append((m.start(), other))
        elif any(w in STATE_FORCES for w in words) and len(states) == 1:
            out.append((m.start(), states[0]))
    return out


def _same_sentence(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not re.search(r"[.!?]\s", text[lo:hi])


def _blamed(text: str, blame: re.Match, near: list[tuple[int, str]]) -> str:
    """The party a blame word blames, among the parties ``near`` it (offset, side): its subject, the nearest
    party before it ("the army and allied militias had broken the truce, not one of our units"), or after it in
    the passive ("was broken by the army") or when none comes before."""
    before = [(blame.start() - at, side) for at, side in near if at < blame.start()]
    after = [(at - blame.start(), side) for at, side in near if at > blame.start()]
    passive = re.match(r"\s+by\b", text[blame.end() :]) is not None
    if before and not (passive and after):
        return min(before)[1]
    return min(after or before)[1]


@functools.lru_cache(maxsize=8192)
def has_blame_words(text: str) -> bool:
    """Whether the text has a word of breaking or blocking an agreement at all (a cheap first test)."""
    return bool(BLAME.search(text))


def blame_of(statement: Statement, own: str | None, sides: tuple[str, ...] = (), text: str | None = None) -> Blame | None:
    """What the statement blames, or None when it blames nobody; ``sides``: names of parties to look for
    besides places (the two sides of a dispute); ``text``: the article, whose words before the statement in its
    sentence may name the party ("the Serbian delegation had 'stood up and left'")."""
    return _blame_in(lead_in(statement, text) + statement.text, own, tuple(sides))


def lead_in(statement: Statement, text: str | None) -> str:
    """The words of the statement's sentence before it (at most ``LEAD_CHARS``), or "" without the article."""
    if not text or statement.start > len(text):
        return ""
    lo = max(0, statement.start - LEAD_CHARS)
    window = text[lo : statement.start]
    cut = max(window.rfind("\n"), *(m.end() - 1 for m in re.finditer(r"[.!?][\"”’']?\s", window)), -1)
    return window[cut + 1 :]


@functools.lru_cache(maxsize=8192)
def _blame_in(text: str, own: str | None, sides: tuple[str, ...]) -> Blame | None:
    """:func:`blame_of` on a text (cached: every pair of an article's statements asks again)."""
    parties = _parties(text, own, sides)
    accuses: set[str] = set()
    denies = False
    own_side = own.casefold() if own else None
    for m in BLAME.finditer(text):
        near = [(at, side) for at, side in parties
                if abs(at - m.start()) <= PARTY_REACH and _same_sentence(text, at, m.start())]
        before = text[max(0, m.start() - NEGATION_REACH) : m.start()]
        negated = bool(NEGATION.search(before)) and not SELF_NEGATED.match(m.group())
        if not near:
            # "Nobody walked out", "no violation of any kind": a denial that anyone broke it, the speaker's side too
            # (the negation right before the blame word, not "no doubt the truce was violated")
            denies = denies or (own_side is not None and not SELF_NEGATED.match(m.group())
                                and BARE_DENIAL.search(text, max(0, m.start() - NEGATION_REACH), m.start()) is not None)
            continue
        side = _blamed(text, m, near)
        if own_side and side == own_side:
            denies = denies or negated
        elif not negated:
            accuses.add(side)
    if not accuses and not denies:
        return None
    return Blame(frozenset(accuses), denies)


def disputed(a: Statement, b: Statement, side_a: str | None, side_b: str | None, text: str | None = None) -> bool:
    """Do two statements of opposing sides blame each other (or one blame and the other deny) over one
    agreement? ``text``: the article (see :func:`blame_of`)."""
    if not side_a or not side_b:
        return _cross_blame(a, b, side_a, side_b, text)
    if side_a.casefold() == side_b.casefold():
        return False
    side_a, side_b = side_a.casefold(), side_b.casefold()
    if not any(s.about_negotiations or AGREEMENT.search(s.text) for s in (a, b)):
        return False
    sides = (side_a, side_b)
    blame_a, blame_b = blame_of(a, side_a, sides, text), blame_of(b, side_b, sides, text)
    if blame_a is None or blame_b is None:
        return False
    a_blames_b = side_b in blame_a.accuses
    b_blames_a = side_a in blame_b.accuses
    return (a_blames_b and (b_blames_a or blame_b.denies)) or (b_blames_a and blame_a.denies)


def _cross_blame(a: Statement, b: Statement, side_a: str | None, side_b: str | None, text: str | None) -> bool:
    """Where a speaker's side is unknown: each statement blames one party for breaking an agreement and the two
    parties differ ("Indian troops had violated the ceasefire" / "it was Pakistani posts that breached the
    truce"); one speaker's two statements are not a dispute."""
    if a.speaker.name and b.speaker.name and a.speaker.name.casefold() == b.speaker.name.casefold():
        return False
    if not any(AGREEMENT.search(s.text) for s in (a, b)):
        return False
    known = tuple(x.casefold() for x in (side_a, side_b) if x)
    blame_a, blame_b = blame_of(a, side_a, known, text), blame_of(b, side_b, known, text)
    if blame_a is None or blame_b is None or len(blame_a.accuses) != 1 or len(blame_b.accuses) != 1:
        return False
    return blame_a.accuses != blame_b.accuses  # (a known side's own party counts as a denial, not blame)
