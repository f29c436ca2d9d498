"""The one armed group an article's placed speakers stand for, for a rebel's role that names none.

"Eric N., a member of the rebel delegation", "the guerrilla's top commander", "the group's spokesman": the role
says the speaker is with a non-state side without naming it. When the article's speakers placed so far stand for
exactly one side that is no state (not a place the lexicon, the registry or the article knows), such a role takes
it. Two groups (the KIA and the TNLA), or none placed, give nothing; a group the article names but no placed
speaker stands for is not seen (a known limit: "a second ethnic army ... a spokesman for the rebel group").
"""

from __future__ import annotations

import re
from typing import Iterable

from .actors import default_registry
from .attribution.bodies import NON_STATE_WORDS
from .stance.counterpart import place_of
from .stance.lexicon import Lexicon

__all__ = ["group_role", "one_group"]

# Words of a role that put the speaker with a non-state side ("rebel delegation"), and the bodies that do so as
# possessors only ("the group's spokesman"; "the phosphate group" is a company).
GROUP_ROLE_WORDS = NON_STATE_WORDS | {"rebellion"}
GROUP_POSSESSORS = frozenset({"group", "movement", "front", "alliance"})
# Words of an international body's name (a mediator, an aid agency), which is no armed group.
INTERNATIONAL = frozenset({"union", "community", "committee", "nations", "council", "commission", "organisation",
                           "organization", "cross", "crescent", "bank", "fund", "agency", "mission", "court",
                           "programme", "program", "office", "secretariat", "authority", "league", "association",
                           "international", "watch", "group", "frontières", "frontieres", "project", "institute",
                           "asean", "osce", "caricom", "celac", "unhcr", "ocha", "acled", "unicef", "wfp", "icrc",
                           "igad", "ecowas", "sadc", "nato", "opec", "gcc", "oas", "unesco", "iaea", "who"})
# Words of a role that put the speaker with a state or a mediator whatever else it says.
NOT_GROUP = frozenset({"government", "army", "minister", "ministry", "president", "presidential", "military",
                       "mediator", "mediation", "mission", "former", "ex", "against", "verification", "un", "eu",
                       "au", "pro", "on", "about", "researcher", "analyst", "expert", "scholar", "specialist",
                       "observer", "monitor", "survivor", "victim", "victims", "journalist", "reporter"})


def group_role(role: str | None) -> bool:
    """A role that says its holder is with a non-state side and names no body ("rebel negotiator", "the front's
    chief negotiator"; not "government negotiator", not "envoy to the rebels")."""
    if not role:
        return False
    raw = re.findall(r"[\w'’-]+", role.lower())
    words = {re.sub(r"['’]s$", "", part) for w in raw for part in w.split("-")}  # "pro-government": "government"
    if words & NOT_GROUP or {"to", "with"} & words:
        return False
    possessors = {w[:-2] for w in raw if w.endswith(("'s", "’s"))}
    return bool(words & GROUP_ROLE_WORDS or possessors & GROUP_POSSESSORS)


def _international(side: str) -> bool:
    """An international body (by its name, or the registry's full name for an acronym: "SADC")."""
    actor = default_registry().lookup_exact(side)
    names = [side] + ([actor.name] if actor is not None else [])
    return any(set(re.findall(r"[a-z]+", name.lower())) & INTERNATIONAL for name in names)


def one_group(sides: Iterable[str], article_places: dict[str, str], lex: Lexicon) -> str | None:
    """The one side among ``sides`` that is no state (``article_places``: places the article knows), or None."""
    groups = {side for side in sides if not place_of(side, lex) and side not in article_places.values()
              and side not in article_places and not _international(side)}
    return groups.pop() if len(groups) == 1 else None
