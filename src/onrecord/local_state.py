"""The state an official of state speaks from, when the paragraph places them and nothing else does.

Articles about two states often name an official by office alone and place them by where they speak: "In New
Delhi, External Affairs Ministry spokesperson X said ...", "... Y told a press conference in Phnom Penh", or by a
short sentence that opens the paragraph with the state as its subject ("Asmara, meanwhile, changed course. “...”
an adviser said"). :func:`local_state` reads those, outside the words anyone is reported to say (a quote names
the other side as often as the speaker's own):

- a state named (by its name or capital, not a demonym) as the place of the telling, after "in" a few words
  after a word of telling or "by phone from", in the mention's sentence, unless the sentence speaks of a visit,
  a trip or the place of talks;
- a state opening the sentence before the mention's, in the same paragraph, when that sentence is short and
  reports no statement (a framing line, not another speaker's account: "The Cyprus Statistical Service said ...").

Exactly one state must be found, and it must be a party the article's statements speak of (a side of a placed
speaker or a counterpart of talks), and neither the dateline's state nor a state the article holds talks in
(:func:`venue_states`) unless it is a counterpart: a place where talks are held ("told reporters in Doha") is the
host's, not the speaker's.
"""

from __future__ import annotations

import re
from typing import Iterable

from .actors.names import without_possessive
from .stance.counterpart import place_of
from .stance.lexicon import Lexicon

__all__ = ["local_state", "venue_states"]

# Capitalised runs of up to three words ("New Delhi", "Phnom Penh", "Asmara").
_RUN = re.compile(r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}")
# A sentence end inside a paragraph.
_SENTENCE_END = re.compile(r"[.!?][\"”’»]?\s+(?=[\"“‘«]?[A-Z])")
# A place of the telling: "In X," opening the sentence, or "in X" / "from X" a few words after a word of telling
# ("told a press conference in Phnom Penh", "said by phone from Laiza"); not "the delegation in Doha" (a posting).
_OPENING_LOCATIVE = re.compile(r"^\W*In\s+(?:the\s+)?$")
_LOCATIVE = re.compile(r"\bin\s+(?:the\s+)?$")
# "from X" only where it says where the speaker is ("by phone from Laiza"), not where they came back from.
_FROM = re.compile(r"\b(?:phone|telephone|speaking|link)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
# A sentence about a visit or a trip places a guest, not a home ("on a two-day visit to Bangkok, told reporters in
# Bangkok"), and a place of talks the host ("in Kuala Lumpur, where the delegations met").
_AWAY = re.compile(r"\b(?:visit\w*|trip|tour|travel\w*|arriv\w*|where the (?:talks|delegations|sides|two)|"
                   r"hosted|host\w*|venue|summit|round of talks)\b", re.IGNORECASE)
TELLING = frozenset({"told", "said", "says", "saying", "speaking", "spoke", "conference", "briefing", "reporters",
                     "journalists", "interview", "address", "rally", "parliament", "statement", "phone", "telephone",
                     "wrote", "posted", "broadcast", "remarks"})
# How many words before "in" a word of telling may stand.
TELLING_REACH = 4
# Words of a framing sentence that opens with the state ("Thailand tells a different story.").
FRAMING_WORDS = 12
# Words a framing sentence may open with before its state.
_OPENERS = re.compile(r"^(?:(?:But|And|Yet|Meanwhile|However|In contrast),?\s+)?")


def _places_in(window: str, lex: Lexicon) -> Iterable[tuple[int, str]]:
    """(offset in ``window``, state) of each capitalised run that names a state by a name or capital, its longest
    naming part; a demonym is no place ("speaking in Russian", "Russian drones")."""
    for m in _RUN.finditer(window):
        words = m.group(0).split()
        found = None
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                phrase = without_possessive(" ".join(words[i : i + n]))
                if phrase.lower() in lex.demonyms:
                    continue
                place = place_of(phrase, lex)
                if place:
                    found = (m.start() + len(" ".join(words[:i])) + (1 if i else 0), place)
                    break
            if found:
                break
        if found:
            yield found


def _placed_there(before: str) -> bool:
    """The words before a place make it the place of the telling (see ``TELLING``)."""
    if _OPENING_LOCATIVE.match(before) or _FROM.search(before):
        return True
    m = _LOCATIVE.search(before)
    if not m:
        return False
    words = re.findall(r"[a-z]+", before[: m.start()].lower())[-TELLING_REACH:]
    return any(w in TELLING for w in words)


# Where the article's talks are held: "talks in Kuala Lumpur", "the Doha round", "a session at Geneva".
_VENUE_AFTER = re.compile(r"\b(?:talks|negotiations|round|session|sessions|meeting|summit|conference|forum|process)\s+"
                          r"(?:in|at)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)")
_VENUE_BEFORE = re.compile(r"\b([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s+(?:talks|round|process|format|summit|track|"
                           r"platform|forum)\b")


def venue_states(text: str, lex: Lexicon) -> set[str]:
    """The states of the places the article holds talks in (a host, not a party, unless also a counterpart)."""
    found = set()
    for pattern in (_VENUE_AFTER, _VENUE_BEFORE):
        for m in pattern.finditer(text):
            place = place_of(without_possessive(m.group(1)), lex)
            if place and m.group(1).lower() not in lex.demonyms:
                found.add(place)
    return found


def local_state(text: str, offset: int, spoken: list[tuple[int, int]], parties: set[str], counterparts: set[str],
                dateline: str | None, lex: Lexicon) -> str | None:
    """The one state the paragraph places the mention at ``offset`` in (module docstring), or None.

    ``spoken``: the article's statement spans (blanked out); ``parties``: the states the article's statements
    speak of (placed speakers' sides and counterparts); ``counterparts``: those named as the other party of talks;
    ``dateline``: the dateline's state."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    chars = list(text[start:end])
    said = [False] * len(chars)
    for a, b in spoken:
        for k in range(max(a, start), min(b, end)):
            chars[k - start] = " "
            said[k - start] = True
    paragraph = "".join(chars)
    cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(paragraph)] + [len(paragraph)]
    here = offset - start
    k = max(i for i in range(len(cuts) - 1) if cuts[i] <= here)
    found: set[str] = set()
    sentence = paragraph[cuts[k] : cuts[k + 1]]
    if _AWAY.search(sentence):
        return None
    for at, place in _places_in(sentence, lex):
        if _placed_there(sentence[:at]):
            found.add(place)
    if k > 0:
        before = paragraph[cuts[k - 1] : cuts[k]].strip()
        opener = _OPENERS.match(before)
        rest = before[opener.end() if opener else 0 :]
        if len(before.split()) <= FRAMING_WORDS and not any(said[cuts[k - 1] : cuts[k]]):  # (not a report)
            first = next(iter(_places_in(rest, lex)), None)
            if first is not None and first[0] == 0:
                found.add(first[1])
    if len(found) != 1:
        return None
    state = found.pop()
    if state not in parties or (state == dateline and state not in counterparts):
        return None
    return state
