"""Canonical names of a state's bodies: the gold convention puts the state's demonym first ("Russian Foreign
Ministry", "UAE Foreign Ministry", "Cambodian Defence Ministry").

An article names a ministry many ways: "the Foreign Ministry" in an article about Syria, "Venezuela's Foreign
Ministry", "Eritrea's Ministry of Information", "Tiraspol's self-styled foreign ministry". ``state_body_name``
writes each with the demonym of the state it belongs to, so that one body has one name across articles (and the
ledger can group it): a bare name takes the side its speaker was given; a name led by a country or its capital
has those words replaced. Names the registry knows, names that end with their state ("Office of the President
of Ukraine", "Defence Ministry in Tripoli") and bodies of groups fighting a state are left as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors.names import fold
from .bodies import LOWER_IN_NAMES, NON_STATE_NAME_WORDS

if TYPE_CHECKING:  # pragma: no cover
    from ..actors.registry import ActorRegistry

# Heads of a state body's name ("Civil Protection Directorate", "Joint Chiefs of Staff", "Ministry of Information").
STATE_BODY_HEADS = frozenset({"ministry", "directorate", "department", "police", "army", "navy", "forces", "staff",
                              "service", "agency", "guard", "gendarmerie", "presidency", "command"})
# Heads that open a state body's name ("Ministry of Information", "Department of Foreign Affairs").
STATE_BODY_OPENERS = frozenset({"ministry", "department", "directorate"})
# Words of a group that fights a state or a party: its name is its own, never prefixed with the state's (the
# non-state words of bodies.py, and those of parties and blocs).
NON_STATE_BODY_WORDS = NON_STATE_NAME_WORDS | {"movement", "party", "union", "alliance", "opposition", "coalition"}
# Heads of bodies every army and faction has ("National Army", "Joint Forces"): named by their own name, never
# taken for the state's from a bare portfolio.
ARMED_HEADS = frozenset({"army", "forces"})
# Words of a body's status that are no part of its name ("Tiraspol's self-styled foreign ministry").
STATUS_WORDS = frozenset({"self-styled", "so-called", "de", "facto", "breakaway", "unrecognised", "unrecognized"})
# First words of a bare state body's name that show it names a portfolio, not a place or a group ("Foreign
# Ministry", "Civil Protection Directorate"; not "Gaza Health Ministry" or "Sahrawi Army"): only these take a prefix.
PORTFOLIO_OPENERS = frozenset("""
agriculture armed border civil coast commerce communication communications culture defence defense disaster economy
education emergency emergencies energy environment federal finance fisheries foreign
health home humanitarian immigration industry information intelligence interior joint justice labor labour
migration military ministry oil planning police presidential public reconciliation refugee refugees
security social territorial trade transport unification water
""".split())
# Portfolio words of armed and security bodies, whose names often carry the state's own name ("China Coast Guard",
# "Kosovo Police", "Kenya Defence Forces" are written so).
SECURITY_OPENERS = frozenset({"armed", "border", "coast", "intelligence", "joint", "military", "police", "presidential",
                              "public", "security"})
# First words of a ministry's or department's name after its state ("Eritrea Ministry of Information", "Venezuela's
# Foreign Ministry"), which the press writes with the demonym; a name that carries the state's own name otherwise
# ("India Meteorological Department", a security body) is left as written: only a ministry, department or
# directorate with such a portfolio is renamed.
MINISTRY_OPENERS = PORTFOLIO_OPENERS - SECURITY_OPENERS
# The prefix the gold writes for a state whose first demonym is no adjective ("U.S. State Department", "New Zealand
# Foreign Ministry", not "New Zealander ...").
_PREFIX = {"United States": "U.S.", "Philippines": "Philippine", "New Zealand": "New Zealand",
           "Hong Kong": "Hong Kong", "Botswana": "Botswana", "Lesotho": "Lesotho", "Somaliland": "Somaliland",
           "Solomon Islands": "Solomon Islands"}


def _is_state_body(words: list[str]) -> bool:
    folded = [fold(w) for w in words]
    if not folded or NON_STATE_BODY_WORDS & set(folded) or folded[-1] in LOWER_IN_NAMES:
        return False  # (a name cut short, "Ministry of", is none)
    # "Foreign Ministry", "Ministry of Information", "Federal Department of Foreign Affairs"
    return folded[-1] in STATE_BODY_HEADS or any(w in STATE_BODY_OPENERS and nxt == "of"
                                                 for w, nxt in zip(folded, folded[1:]))


def _title(word: str) -> str:
    return word if word in LOWER_IN_NAMES else word[:1].upper() + word[1:]


def _prefix(registry: "ActorRegistry", country: str) -> str | None:
    c = registry.country(country)
    if c is None:
        return None
    return _PREFIX.get(country) or (c.demonyms[0] if c.demonyms else None)


def is_bare_state_body(name: str | None) -> bool:
    """A state body named by its portfolio alone ("the Foreign Ministry", "the Civil Protection Directorate"): an
    institution of the state the article is about, when nothing else places it."""
    words = (name or "").split()
    return len(words) >= 2 and fold(words[0]) in PORTFOLIO_OPENERS and _is_state_body(words) and \
        fold(words[-1]) not in ARMED_HEADS and all(w[:1].isupper() or w in LOWER_IN_NAMES for w in words)


def state_body_name(name: str, affiliation: str | None, registry: "ActorRegistry") -> str:
    """``name`` with its state's demonym first: "Foreign Ministry" (of Syria's side) -> "Syrian Foreign Ministry",
    "Eritrea Ministry of Information" -> "Eritrean Ministry of Information", "Switzerland's Federal Department of
    Foreign Affairs" -> "Swiss Federal Department of Foreign Affairs"; any other name unchanged."""
    words = name.split()
    if len(words) < 2 or registry.lookup_exact(name) is not None or not all(
            w[:1].isupper() or w in LOWER_IN_NAMES or w.lower() in STATUS_WORDS for w in words):
        return name
    # a country, its demonym or its capital first ("Eritrea", "Switzerland's", "Tiraspol's")
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        head = " ".join(words[:n])
        bare = head[:-2] if head.endswith(("'s", "’s")) else head
        country = registry.country_of(bare)
        if country is None:
            continue
        rest = [w for w in words[n:] if w.lower() not in STATUS_WORDS]
        if not _is_state_body(rest):
            return name
        # "Venezuela's Foreign Ministry", "Sukhumi's foreign ministry", "Eritrea Ministry of Information"; not a
        # name the state's own name is part of ("Kosovo Police", "China Coast Guard", "India Meteorological
        # Department", the U.S. state's "Georgia Department of Corrections")
        ministry = fold(rest[0]) in MINISTRY_OPENERS and any(fold(w) in STATE_BODY_OPENERS for w in rest)
        if bare != head or registry.is_metonym(bare) or (registry.names_country(bare) and ministry):
            prefix = _prefix(registry, country)
            if prefix is None:
                return name
            return " ".join([prefix, *map(_title, rest)])
        return name  # already led by its demonym ("Haitian National Police")
    if affiliation is None or not is_bare_state_body(name):
        return name
    if registry.split_country(fold(name))[0] is not None:
        return name  # "Department of Foreign Affairs of Ukraine", "Defence Ministry in Tripoli": placed at its end
    prefix = _prefix(registry, affiliation)
    return f"{prefix} {name}" if prefix else name
