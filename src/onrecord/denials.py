"""Two speakers' claims about whether a contact between the parties happened: one says it did, the other denies
it ("the intelligence chiefs had met in Jeddah last week" / "There was no meeting in Jeddah"; "contacts had
taken place" / "there had been no contacts"; "the offer had been handed over" / "no proposal had reached
Pyongyang"). Both cannot be true: a factual dispute, paired as a ``clash`` within one article.

Judged on the two texts alone:
- the denial negates a word of contact (``CONTACT``) a few qualifying words before it ("no meeting", "never
  met", "not a single delegation", "no one from this government met"), or says it "did not take place";
- the assertion names a contact of the same kind, in a past or perfect form, with no negation, condition or
  plan anywhere;
- the two share what the contact was: where the denial names a venue ("no meeting in Jeddah") the assertion
  names it too; else they share a capitalised place or party word, or the denial is the bare "no X at all"
  (``EMPHATIC``).
Both statements must be neutral reports (neither takes a position on talks), by two different speakers who are
not known to be of one side.
"""

from __future__ import annotations

import functools
import re

from .records import Statement

__all__ = ["contact_kinds", "denies_contact", "asserts_contact", "disputed_contact"]

# Words of a contact between the parties, by kind (the kind is what two claims must share).
CONTACT = {
    "meeting": r"meet(?:s|ing|ings)?|met|talks|session|round|face[- ]to[- ]face|same (?:table|room)",
    "contact": r"contacts?|channel",
    "delegation": r"delegations?|delegates?|envoys?|emissar(?:y|ies)",
    "proposal": r"proposals?|offers?|letters?|messages?|invitations?",
}
_KIND = {kind: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for kind, words in CONTACT.items()}
# A negation before a word of contact: "no meeting", "never met", "not a single delegation", "no Saudi
# delegation", "No one from this government met" (up to four words between, names, determiners and words that
# qualify a contact only: not "no doubt that the delegations met").
_NEGATED = (r"\b(?:no one|no|never|not a single|not one|nobody)\s+"
            r"(?:(?:(?-i:[A-Z][\w’'-]*)|from|of|in|this|that|the|its|their|his|her|any|government|cabinet|ministry|side|movement|army|"
            r"administration|official|formal|direct|"
            r"secret|single|further|such|other|face-to-face|[a-z]+(?:ian|ese|ish|i))\s+){0,4}")
_DENIAL = {kind: re.compile(_NEGATED + rf"(?:{words})\b", re.IGNORECASE) for kind, words in CONTACT.items()}
# A verb of contact with a negative object: "met no Ukrainian official", "spoke to nobody from the rebels".
_MET_NONE = re.compile(r"\b(?:met|meet|meets|spoke to|talked to|sat with)\s+(?:nobody|no one|none|no\s+(?:[\w’'-]+\s+){0,2}"
                       r"(?:officials?|ministers?|envoys?|delegat\w*|representatives?|negotiators?|emissar(?:y|ies)))\b",
                       re.IGNORECASE)
_NO_TAKE_PLACE = re.compile(r"\b(?:(?:did not|didn't|had not|has not|never)\s+take|never took)\s+place\b",
                            re.IGNORECASE)
# Any negation, condition or plan: an assertion has none ("had invited them to a session" is no contact yet).
_ANY_NEGATION = re.compile(r"\b(?:no|not|never|nobody|nothing|n't|denied|deny|denies|neither|nor|if|unless|would|"
                           r"could|might|will|invit\w*|plan\w*|due|expected|schedul\w*)\b", re.IGNORECASE)
# A past or perfect form: the assertion reports something that happened.
_PAST = re.compile(r"\b(?:had|has|have|was|were|did|met|took place|held|handed|delivered|sent|spent|visited|sat)\b",
                   re.IGNORECASE)
# A denial that the contact happened at all, whatever the place ("not at any level", "not ever").
EMPHATIC = re.compile(r"\b(?:at any level|not ever|never at all|at all|of any kind|whatsoever|in any capital|"
                      r"any channel)\b", re.IGNORECASE)
# A place the contact was (not) held at: "in Jeddah", "at Panmunjom".
_VENUE = re.compile(r"\b(?:in|at)\s+([A-Z][\w’'-]{2,})")
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w’'-]{2,})")
# Capitalised words that say nothing about which contact it was.
_NOT_A_NAME = frozenset({"The", "There", "This", "That", "It", "We", "They", "He", "She", "Our", "Their", "And",
                         "But", "Not", "No", "Nobody", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                         "Saturday", "Sunday"})


def contact_kinds(text: str) -> set[str]:
    return {kind for kind, pattern in _KIND.items() if pattern.search(text)}


@functools.lru_cache(maxsize=8192)
def denies_contact(text: str) -> frozenset[str]:
    """The kinds of contact the text says did not happen."""
    kinds = {kind for kind, pattern in _DENIAL.items() if pattern.search(text)}
    if _NO_TAKE_PLACE.search(text):
        kinds |= contact_kinds(text)
    if _MET_NONE.search(text):
        kinds.add("meeting")
    return frozenset(kinds)


@functools.lru_cache(maxsize=8192)
def asserts_contact(text: str) -> frozenset[str]:
    """The kinds of contact the text reports as having happened (past form, no negation anywhere)."""
    if _ANY_NEGATION.search(text) or not _PAST.search(text):
        return frozenset()
    return frozenset(contact_kinds(text))


def _venues(text: str) -> set[str]:
    return {m.group(1) for m in _VENUE.finditer(text)} - _NOT_A_NAME


def _names(text: str) -> set[str]:
    return {m.group(1) for m in _PROPER.finditer(text)} - _NOT_A_NAME


def disputed_contact(a: Statement, b: Statement, one_side: bool) -> tuple[Statement, Statement] | None:
    """(assertion, denial) when one statement reports a contact that the other, by another speaker not of its
    side, denies; else None."""
    if one_side or a.stance != "neutral" or b.stance != "neutral":
        return None
    if a.speaker.name and b.speaker.name and a.speaker.name.casefold() == b.speaker.name.casefold():
        return None
    for said, denied in ((a, b), (b, a)):
        kinds = asserts_contact(said.text) & denies_contact(denied.text)
        if not kinds:
            continue
        venues = _venues(denied.text)
        if venues:  # "no meeting in Jeddah" is about Jeddah: the assertion must name it
            if venues & _names(said.text):
                return said, denied
        elif _names(said.text) & _names(denied.text) or EMPHATIC.search(denied.text):
            return said, denied
    return None
