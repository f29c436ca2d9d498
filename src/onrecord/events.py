"""Negotiation statements as political event data (PLOVER type/mode, CAMEO code), per contract: Event.

Codes come from ``shared/data/events/ontology.md`` and the CAMEO codebook (``cameo_codebook_icews_pkg.csv``,
the CAMEO 1.1b3 manual's numbering; where GDELT's lookup file labels the 10x codes differently, onrecord
follows the manual, ICEWS and PLOVER: 106 = "Demand meeting, negotiation", 108 = "Demand mediation").
PLOVER types and modes follow the CAMEO-to-PLOVER 2021 map: REJECT and REQUEST carry mode ``meet``
("meetings and negotiations"); AGREE (CAMEO 036) and CONSULT (CAMEO 046) have no mode there.

==============  =====================================  ======  ==========  =================================
stance          reading                                PLOVER  CAMEO       flags
==============  =====================================  ======  ==========  =================================
reject          refuses talks                          REJECT  125 (127)   127 when a plan/deal is rejected
conditional     willing, on terms                      AGREE   036         hypothetical (the terms)
open            willing; or asks others to talk        AGREE   036         REQUEST/meet 026 appeal, 106 demand
neutral         talks reported, no position            CONSULT 046         negated / hypothetical from the text
==============  =====================================  ======  ==========  =================================
"""

from __future__ import annotations

import re
from typing import Sequence

from .records import Event, EventActor, Statement
from .stance.counterpart import place_of
from .stance.lexicon import load_lexicon

__all__ = ["events_for", "CAMEO_LABELS"]

# CAMEO 1.1b3 labels of the codes used here (cameo_codebook_icews_pkg.csv).
CAMEO_LABELS = {
    "026": "Appeal to others to meet or negotiate",
    "036": "Express intent to meet or negotiate",
    "046": "Engage in negotiation",
    "106": "Demand meeting, negotiation",
    "125": "Reject proposal to meet, discuss, or negotiate",
    "127": "Reject plan, agreement to settle dispute",
}
# Words of a statement or its cue that make an open stance a request to others (PLOVER REQUEST).
APPEAL_WORDS = re.compile(r"\b(call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?|invit(?:e|es|ed|ing)|"
                          r"ask(?:s|ed|ing)?)\b", re.IGNORECASE)
DEMAND_WORDS = re.compile(r"\b(demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|must)\b", re.IGNORECASE)
# A rejected plan, deal or agreement (CAMEO 127) rather than talks (125).
PLAN_WORDS = re.compile(r"\b(plan|deal|agreement|accord|proposal|initiative|settlement|formula)s?\b", re.IGNORECASE)
TALK_WORDS = re.compile(r"\b(talks?|talking|negotiat\w*|dialogu?e|meet\w*|sit down)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(not|never|no|neither|nor)\b|n[’']t\b", re.IGNORECASE)
MODAL = re.compile(r"\b(would|could|might|may|will|shall|if|unless|until)\b", re.IGNORECASE)


def _actor(statement: Statement) -> EventActor | None:
    speaker = statement.speaker
    name = speaker.name or speaker.mention
    if not name:
        return None
    return EventActor(name=name, actor_id=speaker.actor_id, affiliation=speaker.affiliation)


def _target(statement: Statement) -> EventActor | None:
    if not statement.counterpart:
        return None
    state = place_of(statement.counterpart, load_lexicon())
    return EventActor(name=statement.counterpart, affiliation=state or statement.counterpart)


def _code(statement: Statement) -> tuple[str, str | None, str, bool, bool]:
    """(PLOVER type, mode, CAMEO code, negated, hypothetical) for one negotiation statement."""
    text = statement.text
    cue = statement.cue.text if statement.cue else ""
    if statement.stance == "reject":
        plan = PLAN_WORDS.search(text) and not TALK_WORDS.search(text)
        return "REJECT", "meet", "127" if plan else "125", False, False
    if statement.stance == "conditional":
        return "AGREE", None, "036", False, True
    if statement.stance == "open":
        if DEMAND_WORDS.search(cue) or DEMAND_WORDS.search(text):
            return "REQUEST", "meet", "106", False, False
        if APPEAL_WORDS.search(cue) or APPEAL_WORDS.search(text):
            return "REQUEST", "meet", "026", False, False
        return "AGREE", None, "036", False, bool(MODAL.search(text))
    return "CONSULT", None, "046", bool(NEGATION.search(text)), bool(MODAL.search(text))


def events_for(statements: Sequence[Statement]) -> list[Event]:
    """One event per statement about negotiations, ids "e1", "e2"... in statement order."""
    out: list[Event] = []
    for statement in statements:
        if not statement.about_negotiations:
            continue
        kind, mode, cameo, negated, hypothetical = _code(statement)
        out.append(
            Event(
                id=f"e{len(out) + 1}",
                type=kind,
                text=statement.text,
                start=statement.start,
                end=statement.end,
                mode=mode,
                cameo=cameo,
                source=_actor(statement),
                target=_target(statement),
                date=statement.said_on,
                negated=negated,
                hypothetical=hypothetical,
                statement=statement.id,
            )
        )
    return out
