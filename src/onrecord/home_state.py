"""The state whose institutions an article speaks of: the side of its officials of state whom nothing places.

Many articles name an official by office alone ("Foreign Minister Hortense Mavungu", "Junta spokesman Zaw Min
Tun", "the High Commissioner for Peace") and say once, elsewhere, whose government or army it is: "the
Congolese government", "Myanmar's military government", "Sudan's army". When the article attaches its
institutions of state (``INSTITUTIONS``) to one state only, an unplaced official of state is taken to serve
that state.

Nothing is guessed where two states' institutions are named (an interstate conflict: "India's government" and
"Pakistan's army"), nor where the dateline is in another state (its officials host or mediate), nor for a role that names a non-state body or a possessor ("the
movement's foreign minister", "Its spokesman", "the SDF's commander"), nor for a role without a word of state
office.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from .stance.counterpart import place_of
from .stance.lexicon import load_lexicon

__all__ = ["dateline_state", "home_state", "serves_unplaced_state"]

# Institutions of a state, as the press attaches them to it ("Mali's military government", "the Sudanese army").
INSTITUTIONS = (r"(?:government|junta|army|armed forces|military|cabinet|presidency|president|prime minister|"
                r"authorities)")
# "<Place>'s [one or two words] institution" and "<Demonym or place> [one word] institution": the words before are
# one to three capitalised words ("South Korea's", "the Congolese", "Addis Ababa's").
_POSSESSED = re.compile(
    rf"\b((?:[A-Z][\w-]+\s){{0,2}}[A-Z][\w-]+)(?:['’]s)\s+(?:[a-z-]+\s+){{0,2}}{INSTITUTIONS}\b")
_MODIFIED = re.compile(rf"\b((?:[A-Z][\w-]+\s){{0,2}}[A-Z][\w-]+)\s+(?:[a-z-]+\s+)?{INSTITUTIONS}\b")
_OF = re.compile(rf"\b{INSTITUTIONS}\s+(?:of|in)\s+((?:[A-Z][\w-]+\s?){{1,3}})")
# How far into the text a dateline is looked for, and its shape ("KAMPALA, May 4 -", "PORT SUDAN —").
DATELINE_REACH = 2000
_DATELINE = re.compile(r"([A-Z][A-Z .'’/-]{2,40}?)(?:,|\s+[-—–])")
# Words of an office of state in a role.
STATE_OFFICE = frozenset({"minister", "ministry", "government", "president", "presidential", "premier", "cabinet",
                          "junta", "army", "military", "commissioner", "chancellor"})
# Words of a role that make it another body's office (a movement's, a coalition's), not the state's.
NON_STATE = frozenset({"rebel", "rebels", "movement", "militia", "group", "front", "coalition", "alliance",
                       "guerrilla", "guerrillas", "insurgent", "insurgents", "separatist", "separatists", "faction",
                       "party", "opposition", "its", "their", "his", "her", "former", "ex", "regional", "provincial",
                       "de", "self-declared", "breakaway", "shadow", "exiled", "parallel", "rival", "eastern-based",
                       "union", "nations", "un", "eu", "au", "nato"})

_POSSESSOR = re.compile(r"([\w-]+)['’]s\b")


@functools.lru_cache(maxsize=256)
def home_state(text: str) -> str | None:
    """The one state the article attaches its institutions of state to (module docstring), or None."""
    lex = load_lexicon()
    counts: Counter[str] = Counter()
    for pattern in (_POSSESSED, _MODIFIED, _OF):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            if words and words[0] in {"The", "A", "An"}:
                words = words[1:]
            for k in range(len(words)):  # the longest tail that names a state: "Yesterday Mali's" -> "Mali"
                place = place_of(" ".join(words[k:]), lex)
                if place:
                    counts[place] += 1
                    break
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2:
        return None  # no state's institutions named, or two states' (an interstate conflict)
    home = ranked[0][0]
    dateline = dateline_state(text, lex)
    if dateline is not None and dateline != home:
        return None  # "KAMPALA — ... Foreign Minister X, whose country hosts the talks": the host's official
    return home


def dateline_state(text: str, lex) -> str | None:
    """The state of the article's dateline ("KAMPALA, May 4 -", "PORT SUDAN —"), if any."""
    for line in text[:DATELINE_REACH].splitlines():
        m = _DATELINE.match(line.strip())
        if m:
            return place_of(m.group(1).split("/")[0].strip().title(), lex)
    return None


def serves_unplaced_state(role: str | None) -> bool:
    """Whether a role is an office of state that names no possessor and no other body ("Foreign Minister",
    "government spokesman", "High Commissioner for Peace"; not "the movement's foreign minister")."""
    if not role:
        return False
    # a possessor other than an institution of state ("the army's Northeastern Command" is the state's)
    if any(m.group(1).lower() not in STATE_OFFICE for m in _POSSESSOR.finditer(role)):
        return False
    words = {w.lower() for w in re.findall(r"[\w-]+", role)}
    return bool(words & STATE_OFFICE) and not words & NON_STATE
