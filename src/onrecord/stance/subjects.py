"""Whose clause a piece of stance evidence stands in: the speaker's own, another party's, or no one's.

``framing.py`` climbs from a negotiation word to the statement's head; each word on the way stands in the clause
of its own subject (``_roles``). A subject is the speaker's when it is "we" or "our ...", the speaker's own body
or group ("the group's spokesman" on "the insurgents"), the side the speaker stands for, or in reported speech
"it"/"its"/"he"; another party's when it names a party that is not the speaker's side ("Kyiv is not ready", said
in Moscow), two parties together, "you", or a third person inside a quote; no one's for "this", "there", an item
kept out of talks ("Kidal is not a bargaining chip") or the talks themselves.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..attribution.reported import DATELINE
from .context import Piece
from .counterpart import person_side, place_of, resolve_party, subject_phrase
from .lexicon import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .framing import Frame

# Whose clause a piece of evidence stands in.
SPEAKER, OTHER, NONE = "speaker", "other", "none"
FIRST_PERSON = frozenset({"i", "we", "us", "me"})
OUR = frozenset({"our", "my"})
# Heads of a state's own bodies, and role words of speakers who stand against the state.
STATE_HEADS = frozenset({"government", "cabinet", "army", "authorities", "administration", "president", "state"})
NON_STATE_ROLES = frozenset({"rebel", "rebels", "insurgent", "insurgents", "militant", "guerrilla", "separatist",
                             "opposition", "militia"})
# Possessives that stand for "our"/"my" in reported speech.
REPORTED_OWN = frozenset({"its", "his", "her"})
THIRD_PERSON = frozenset({"he", "she", "they"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _lemma(token: "Token") -> str:
    return token.lemma_.lower()


# Group nouns a non-state speaker uses of their own side, and the possessives of a role that make the speaker one
# of them ("the group's spokesman", "the movement's commander").
FIGHTING_GROUPS = frozenset({"insurgents", "rebels", "militants", "separatists", "fighters", "guerrillas"})
GROUP_OWNERS = frozenset({"group's", "movement's", "rebels'", "insurgents'", "militants'", "front's", "alliance's",
                          "coalition's", "organisation's", "organization's"})
# Groups that watch a conflict rather than fight in it ("the monitoring group's spokesman", "a rights group").
WATCHING_GROUPS = frozenset({"monitoring", "rights", "aid", "humanitarian", "relief", "research", "advocacy",
                             "monitor", "observer", "observers", "watchdog"})


def _names_own_group(head: str, frame: "Frame") -> bool:
    """Is a group noun ("rebels", "separatists") the one the speaker's role names ("rebel leader")?"""
    if not frame.speaker_role:
        return False
    stem = head[:-1] if head.endswith("s") else head
    words = frame.speaker_role.lower().replace("’", "'").split()
    if head in FIGHTING_GROUPS and any(w in GROUP_OWNERS for w in words) and not set(words) & WATCHING_GROUPS:
        return True  # "the group's spokesman" on "insurgents will not take part": his own group
    return any(word.startswith(stem) for word in words)


def _speaker_names(text: str, frame: "Frame") -> bool:
    """Does the speaker's name, role or side contain the words (their own organisation)?"""
    key = text.lower().removeprefix("the ").strip()
    if not key:
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    fields = [(field or "").lower() for field in (frame.speaker_name, frame.speaker_role, frame.own_side)]
    if any(pattern.search(field) for field in fields):
        return True
    # "the European Union" said by an "EU envoy": the body by its initials
    initials = "".join(w[0] for w in key.split() if w not in {"of", "for", "the", "and"})
    return len(initials) >= 2 and any(initials in re.findall(r"[a-z]+", field.replace(".", "")) for field in fields)


def _subject_role(subject: "Token", piece: Piece, lex: Lexicon, frame: "Frame", counterpart: str | None) -> str:
    lower = subject.lower_
    if subject.dep_ in {"expl", "csubj", "csubjpass"} or lower in {"this", "that", "there"}:
        return NONE
    owners = {c.lower_ for c in subject.children if c.dep_ == "poss"}
    if lower in FIRST_PERSON or owners & OUR:
        return SPEAKER
    conjuncts = [c for c in subject.children if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"}
                 and not any(g.dep_ == "poss" for g in c.children)
                 and (c.pos_ == "PROPN" or any(g.dep_ == "det" and g.lower_ == "the" for g in c.children))]
    if conjuncts and not (frame.own_side and frame.own_side in {
            resolve_party(t, piece, lex, None) for t in (subject, *conjuncts)}):
        # "The government and the NDF will return to the table": a report on two parties ("the government and
        # its allies" are one side; "Doha and Cairo would keep the channel open", said by Qatar, includes it)
        return OTHER
    if frame.kind == "indirect" and owners & REPORTED_OWN and subject.i in piece.inside:
        return SPEAKER  # reported speech: "its team will attend", "his government would sign" (our team, mine)
    if lower == "it" and frame.kind == "indirect" and subject.head.pos_ == "VERB" and _lemma(subject.head) != "be":
        return SPEAKER  # reported speech: "the ministry said it would send a team" (the ministry itself)
    if lower in THIRD_PERSON:
        # inside a quote "he" is someone else; in reported speech (or outside the quoted words) the speaker
        quoted = frame.kind == "direct" and subject.i in piece.inside
        return OTHER if quoted else SPEAKER
    if lower == "it":
        return NONE
    if lower == "you":
        return OTHER
    if subject.ent_type_ == "PERSON" and not place_of(subject.text, lex):
        if frame.speaker_name and subject.text in frame.speaker_name.split():
            return SPEAKER
        side = person_side(subject_phrase(subject))
        if side and frame.own_side:
            return SPEAKER if side == frame.own_side else OTHER
        return OTHER
    if lower in FIGHTING_GROUPS and _names_own_group(lower, frame):
        return SPEAKER  # "Insurgents in X will not take part ...", said by the group's spokesman
    party = resolve_party(subject, piece, lex, None)
    if party is None:
        head = _lemma(subject)
        if head in lex.neutral_heads or subject.lower_ in lex.neutral_heads:
            return OTHER  # "both sides", "the delegations": a report on the parties, no one's own position
        if head in lex.other_heads or subject.lower_ in lex.other_heads:
            # "the rebels" in a rebel leader's reported words are the speaker's own side
            return SPEAKER if _names_own_group(head, frame) else OTHER
        if head in lex.own_heads or subject.lower_ in lex.own_heads:
            # "the government", said by a rebel spokesman, is the other side
            if head in STATE_HEADS and any(w in NON_STATE_ROLES for w in (frame.speaker_role or "").lower().split()):
                return OTHER
            return SPEAKER
        return NONE
    if frame.own_side:
        return SPEAKER if party == frame.own_side else OTHER
    # a named organisation that is the subject inside the reported words (the reporting verb's is the speaker)
    named_body = subject.i in piece.inside and (
        subject.ent_type_ in {"ORG", "NORP"} or (subject.pos_ == "PROPN" and not subject.ent_type_))
    if named_body and place_of(subject.text, lex) is None and not _speaker_names(subject.text, frame):
        return OTHER  # "the RLF had walked out of the talks", said by a minister whose side is unknown
    return OTHER if party == counterpart else SPEAKER


# Nouns of an item kept out of talks ("not a bargaining chip", "not up for discussion", "not on the agenda").
ITEM_NOUNS = frozenset({"chip", "card", "coin", "discussion", "negotiation", "debate", "table", "agenda"})


def _refused_item(node: "Token") -> bool:
    """A negated clause that keeps an item out of talks: its subject is the item, not a party ("Kidal is not a
    bargaining chip", "the arrests will not be discussed", "our presence is not negotiable")."""
    if not any(c.dep_ == "neg" for c in node.children):
        return False
    lemma = _lemma(node)
    if lemma in {"discuss", "negotiate", "trade", "bargain"}:
        return any(c.dep_ == "auxpass" for c in node.children)
    if lemma != "be":
        return False
    for child in node.children:
        if child.dep_ == "acomp" and child.lower_ in {"negotiable", "tradable", "tradeable"}:
            return True
        if child.dep_ == "attr" and _lemma(child) in ITEM_NOUNS:
            return True
        if child.dep_ == "prep" and any(_lemma(t) in ITEM_NOUNS for t in child.subtree if t.dep_ == "pobj"):
            return True
    return False


def _past_dateline(subject: "Token") -> "Token | None":
    """The subject, unless the parser took a wire dateline's city for it ("MUSCAT, Feb 19 (Wire) - Iran will not
    ..."): then the state it hung on the city as an apposition, if any."""
    doc = subject.doc
    dateline = (subject.i == subject.sent.start and len(subject.text) > 2 and subject.text.isupper()
                and DATELINE.match(doc.text, subject.idx) is not None)  # "NATO, for its part, would not ..." is no dateline
    if not dateline:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _roles(path: list["Token"], piece: Piece, lex: Lexicon, frame: "Frame", counterpart: str | None) -> list[str]:
    """Whose clause each path word stands in: its own subject's, else the clause above (xcomp inherits)."""
    on_path = {t.i for t in path}
    roles = [NONE] * len(path)
    inherited = NONE
    relayed = False  # below another party's speech verb, every clause is that party's ("he told me: 'we ...'")
    for k in range(len(path) - 1, -1, -1):
        node = path[k]
        subjects = [_past_dateline(c) for c in node.children if c.dep_ in SUBJECT_DEPS]
        subjects = [c for c in subjects if c is not None]
        if subjects and not relayed:
            # two subjects are a parse slip: the one nearest the verb
            subject = min(subjects, key=lambda c: abs(node.i - c.i))
            # the talks word itself is the subject: a delegation or team is someone's ("our delegation will be in
            # Caracas", "the Greek Cypriot delegation would be in New York"); talks or a truce are no one's
            party_subject = subject.i == path[0].i and _lemma(subject) in lex.party_heads
            inherited = NONE if (subject.i in on_path and not party_subject) or _refused_item(node) else \
                _subject_role(subject, piece, lex, frame, counterpart)
        roles[k] = inherited
        if _lemma(node) in lex.speech_verbs and inherited == OTHER:
            relayed = True
    return roles
